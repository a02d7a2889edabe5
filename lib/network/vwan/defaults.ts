// What the Virtual WAN patterns choose when the user does not say, each with its reason
// (lib/network/rules/vwan*.ts cite the sources).
import { AZURE_VPN_CLIENT_AUDIENCE } from '../rules/vwan-p2s-audience';

export { AZURE_VPN_CLIENT_AUDIENCE };

/** Hub address prefix length Azure recommends (/24 is the minimum): room for every hub service. */
export const HUB_PREFIX_LENGTH = 23;
/** Hub router minimum capacity: Azure's default of 2 routing infrastructure units (2,000 VMs). */
export const HUB_ROUTER_MIN_CAPACITY = 2;
/** Site-to-site scale units: 1 = 500 Mbps aggregate, per instance pair. */
export const VPN_SCALE_UNITS = 1;
/** ExpressRoute scale units: 1 = 2 Gbps. */
export const EXPRESSROUTE_SCALE_UNITS = 1;
/** Point-to-site scale units: 1 = 500 Mbps, 500 users. */
export const P2S_SCALE_UNITS = 1;
/** The hub router's and hub gateways' ASN (fixed by Azure). */
export const HUB_ASN = 65515;
/** Label every hub's defaultRouteTable carries: propagating to it reaches every hub of the Virtual WAN. */
export const DEFAULT_LABEL = 'default';
/** Branch-to-branch traffic through the hubs: on, branches reach each other over the Microsoft backbone. */
export const ALLOW_BRANCH_TO_BRANCH = true;
/** Firewall tier in a secured hub. */
export const HUB_FIREWALL_TIER = 'Standard';
/** Public IPs of a hub firewall. */
export const HUB_FIREWALL_PUBLIC_IPS = 1;
/** Metric namespaces (Azure Monitor supported-metrics, microsoft-network-vpngateways-metrics-include.md). */
export const VPN_GATEWAY_NAMESPACE = 'Microsoft.Network/vpnGateways';
export const P2S_GATEWAY_NAMESPACE = 'Microsoft.Network/p2sVpnGateways';
export const ER_GATEWAY_NAMESPACE = 'Microsoft.Network/expressRouteGateways';
