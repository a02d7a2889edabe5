import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { NET_GWSUBNET_NSG } from './net-gwsubnet-nsg';
import { NET_GWSUBNET_SIZE } from './net-gwsubnet-size';
import { PIP_SKU } from './pip-sku';
import { PIP_ZONES } from './pip-zones';
import { VPN_ACTIVE_ACTIVE } from './vpn-active-active';
import { VPN_PUBLICIP_SKU } from './vpn-publicip-sku';
import { VPN_PUBLICIP_ZONES } from './vpn-publicip-zones';
import { VPN_IPCONFIG_COUNT } from './vpn-ipconfig-count';
import { VPN_SHARED_KEY_LITERAL } from './vpn-shared-key-literal';
import { VPN_SKU_LEGACY } from './vpn-sku-legacy';
import { VPN_SKU_ZONES } from './vpn-sku-zones';
import { DNS_SECURITY_RULES } from './dns-and-security';
import { VWAN_RULES } from './vwan';
import { CONNECTIVITY_AT_SCALE_RULES } from './connectivity-at-scale';
import { EXPRESSROUTE_REACH_RULES } from './expressroute-reach';
import { NET_GATEWAY_PER_VNET } from './net-gateway-per-vnet';
import { VPN_P2S_ENTRA } from './vpn-p2s-entra';
import { NET_NSG_FLOW_LOG } from './net-nsg-flow-log';
import { ER_GATEWAY_PUBLICIP_CUSTOMER } from './er-gateway-publicip-customer';
import { VPN_SETTING_VALUE } from './vpn-setting-value';

export * from './connectivity-at-scale';
export * from './expressroute-reach';
export { NET_NSG_FLOW_LOG };
export { NET_GATEWAY_PER_VNET, VPN_P2S_ENTRA, ER_GATEWAY_PUBLICIP_CUSTOMER, VPN_SETTING_VALUE };

export { VPN_IPCONFIG_COUNT, NET_GWSUBNET_SIZE, NET_GWSUBNET_NSG, VPN_SKU_LEGACY, VPN_SKU_ZONES, VPN_PUBLICIP_ZONES, VPN_PUBLICIP_SKU, VPN_SHARED_KEY_LITERAL, PIP_SKU, PIP_ZONES, VPN_ACTIVE_ACTIVE };

// GatewaySubnet
// NET-GWSUBNET-SIZE: defined with its body check in ./net-gwsubnet-size.ts
// NET-GWSUBNET-NSG: defined with its body check in ./net-gwsubnet-nsg.ts
export const NET_GWSUBNET_NAME = defineRule({ id: 'NET-GWSUBNET-NAME', level: RuleLevel.ERROR, description: 'The gateway subnet must be named exactly GatewaySubnet', source: `${TF} internal/services/network/validate/gateway_subnet.go` });
export const NET_GWSUBNET_RESERVED = defineRule({ id: 'NET-GWSUBNET-RESERVED', level: RuleLevel.ERROR, description: 'The name GatewaySubnet is reserved for the gateway subnet; other subnets cannot use it', source: `${AD} vpn-gateway/vpn-gateway-about-vpn-gateway-settings.md` });
// VPN gateway
// VPN-SKU-LEGACY: defined with its body check in ./vpn-sku-legacy.ts
export const VPN_SKU_GENERATION = defineRule({ id: 'VPN-SKU-GENERATION', level: RuleLevel.ERROR, description: 'VpnGw4, VpnGw5 and their AZ SKUs exist only in Generation2', source: `${TF} virtual_network_gateway_resource.go` });
export const VPN_SKU_UNKNOWN = defineRule({ id: 'VPN-SKU-UNKNOWN', level: RuleLevel.ERROR, description: 'The VPN gateway SKU must be one Azure offers', source: `${TF} virtual_network_gateway_resource.go` });
// VPN-SKU-ZONES: defined with its body check in ./vpn-sku-zones.ts
// VPN-PUBLICIP-ZONES: defined with its body check in ./vpn-publicip-zones.ts
export const VPN_POLICYBASED = defineRule({ id: 'VPN-POLICYBASED', level: RuleLevel.ERROR, description: 'PolicyBased VPN works only with the Basic SKU; use RouteBased', source: `${TF} virtual_network_gateway_resource.go` });
// VPN-IPCONFIG-COUNT: defined with its body check in ./vpn-ipconfig-count.ts
// VPN-PUBLICIP-SKU: defined with its body check in ./vpn-publicip-sku.ts
// VPN-SETTING-VALUE: defined with its body check in ./vpn-setting-value.ts
export const VPN_BGP_ASN = defineRule({ id: 'VPN-BGP-ASN', level: RuleLevel.ERROR, description: 'BGP ASNs reserved by Azure or IANA cannot be used (8074, 8075, 12076, 65515 on-premises, 65517-65520, 23456, 64496-64511, 65535-65551, 4294967295); ASNs are 1-4294967295', source: `${AD} includes/vpn-gateway-faq-bgp-include.md` });
export const VPN_BGP_ASN_DISTINCT = defineRule({ id: 'VPN-BGP-ASN-DISTINCT', level: RuleLevel.ERROR, description: "The on-premises ASN must differ from the Azure VPN gateway's ASN", source: `${AD} includes/vpn-gateway-faq-bgp-include.md` });
export const VPN_BGP_DISABLED = defineRule({ id: 'VPN-BGP-DISABLED', level: RuleLevel.ERROR, description: 'A BGP site or custom BGP address needs BGP enabled on the VPN gateway', source: `${AD} vpn-gateway/bgp-howto.md` });
export const VPN_APIPA_RANGE = defineRule({ id: 'VPN-APIPA-RANGE', level: RuleLevel.ERROR, description: 'Custom APIPA BGP addresses must be in 169.254.21.0-169.254.22.255', source: `${TF} internal/services/network/validate/virtual_network_gateway.go` });
export const VPN_APIPA_ACTIVE_ACTIVE = defineRule({ id: 'VPN-APIPA-ACTIVE-ACTIVE', level: RuleLevel.ERROR, description: 'Custom APIPA addresses per instance: one list per gateway instance (two when active-active), custom BGP addresses on a connection need an active-active gateway', source: `${TF} virtual_network_gateway_connection_resource.go` });
export const VPN_NAT_RULE = defineRule({ id: 'VPN-NAT-RULE', level: RuleLevel.ERROR, description: 'A VPN NAT rule needs valid, equally sized internal and external mappings; on active-active a dynamic rule applies to one gateway instance, so add one per instance', source: `${AD} vpn-gateway/nat-overview.md` });
// Local network gateway and connection
export const VPN_SITE_ENDPOINT = defineRule({ id: 'VPN-SITE-ENDPOINT', level: RuleLevel.ERROR, description: 'A local network gateway takes exactly one of gateway address and gateway FQDN', source: `${TF} local_network_gateway_resource.go` });
export const VPN_SITE_ADDRESS = defineRule({ id: 'VPN-SITE-ADDRESS', level: RuleLevel.ERROR, description: 'A site without BGP needs at least one address space; addresses must be valid', source: `${TF} local_network_gateway.html.markdown` });
export const VPN_SITE_PUBLIC_IP = defineRule({ id: 'VPN-SITE-PUBLIC-IP', level: RuleLevel.ERROR, description: "The on-premises device's gateway address must be a public IPv4 address", source: `${AD} vpn-gateway/vpn-gateway-about-vpn-devices.md` });
// VPN-SHARED-KEY-LITERAL: defined with its body check in ./vpn-shared-key-literal.ts
export const VPN_SHARED_KEY_LENGTH = defineRule({ id: 'VPN-SHARED-KEY-LENGTH', level: RuleLevel.ERROR, description: 'A generated pre-shared key (SharedKey.generate) is a whole number of characters from 12 to 128: Azure takes keys of 1-128 characters, and random_password needs a length of at least its minimums (4 digits, 4 upper-case and 4 lower-case letters)', source: 'Azure CLI az network vpn-connection shared-key reset (--key-length 1-128); hashicorp/terraform-provider-random random_password (length >= min_upper + min_lower + min_numeric + min_special)' });
export const VPN_IPSEC_GCM = defineRule({ id: 'VPN-IPSEC-GCM', level: RuleLevel.ERROR, description: 'With GCMAES IPsec encryption the IPsec integrity must be the same GCMAES algorithm', source: `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md` });
export const VPN_IPSEC_LIFETIME = defineRule({ id: 'VPN-IPSEC-LIFETIME', level: RuleLevel.ERROR, description: 'IPsec SA lifetime must be 300-172799 seconds and SA data size 1024-2147483647 KB (0 for unlimited); IKE SA lifetime 300-172799 seconds', source: `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md` });
export const VPN_IPSEC_VALUE = defineRule({ id: 'VPN-IPSEC-VALUE', level: RuleLevel.ERROR, description: 'IPsec/IKE policy algorithms and groups must be values Azure supports', source: `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md` });
export const VPN_CONNECTION_WEIGHT = defineRule({ id: 'VPN-CONNECTION-WEIGHT', level: RuleLevel.ERROR, description: 'Connection routing weight must be 0-32000', source: `${TF} virtual_network_gateway_connection_resource.go` });
export const VPN_CONNECTION_DPD = defineRule({ id: 'VPN-CONNECTION-DPD', level: RuleLevel.ERROR, description: 'Dead peer detection timeout must be 9-3600 seconds', source: `${TF} virtual_network_gateway_connection_resource.go` });
// ExpressRoute circuit
export const ER_CIRCUIT_PROVIDER_OR_PORT = defineRule({ id: 'ER-CIRCUIT-PROVIDER-OR-PORT', level: RuleLevel.ERROR, description: 'A circuit takes either service provider + peering location + bandwidth in Mbps, or an ExpressRoute Direct port (by its resource id) + bandwidth in Gbps, never both', source: `${TF} express_route_circuit.html.markdown; internal/services/network/express_route_circuit_resource.go (express_route_port_id: expressrouteports.ValidateExpressRoutePortID)` });
export const ER_CIRCUIT_BANDWIDTH = defineRule({ id: 'ER-CIRCUIT-BANDWIDTH', level: RuleLevel.ERROR, description: 'Circuit bandwidth must be one Azure offers: 50-10000 Mbps through a provider, 1-100 Gbps on a Direct port', source: `${AD} expressroute/expressroute-faqs.md` });
export const ER_CIRCUIT_SKU = defineRule({ id: 'ER-CIRCUIT-SKU', level: RuleLevel.ERROR, description: 'Circuit SKU tier is Basic, Local, Standard or Premium and family MeteredData or UnlimitedData', source: `${TF} express_route_circuit.html.markdown` });
// ER-CIRCUIT-DIAGNOSTICS: now DIAG-MISSING (lib/core/rules/diag-missing.ts), which still honours suppressions by this id
export const ER_PEERING_PREFIX = defineRule({ id: 'ER-PEERING-PREFIX', level: RuleLevel.ERROR, description: 'Private peering needs two distinct, non-overlapping /30 prefixes (primary and secondary link)', source: `${TF} express_route_circuit_peering.html.markdown` });
export const ER_PEERING_VLAN = defineRule({ id: 'ER-PEERING-VLAN', level: RuleLevel.ERROR, description: 'The peering VLAN id must be 1-4094, and each peering of a circuit has its own VLAN', source: `${TF} internal/services/network/express_route_circuit_peering_resource.go` });
export const ER_SHARED_KEY_LENGTH = defineRule({ id: 'ER-SHARED-KEY-LENGTH', level: RuleLevel.ERROR, description: 'The MD5 key of a circuit peering is at most 25 characters', source: `${TF} internal/services/network/express_route_circuit_peering_resource.go` });
// ER-SHARED-KEY-LITERAL: merged into VPN-SHARED-KEY-LITERAL (./vpn-shared-key-literal.ts), which still honours suppressions by this id
export const ER_AUTHORIZATION_DUPLICATE = defineRule({ id: 'ER-AUTHORIZATION-DUPLICATE', level: RuleLevel.ERROR, description: 'Circuit authorization names must be unique on a circuit', source: `${AD} expressroute/expressroute-howto-linkvnet-arm.md` });
// ExpressRoute gateway and connection
export const ER_GATEWAY_SKU_LEGACY = defineRule({ id: 'ER-GATEWAY-SKU-LEGACY', level: RuleLevel.ERROR, description: 'Standard, HighPerformance and UltraPerformance ExpressRoute gateways are legacy (tied to Basic public IPs); use ErGw1AZ-ErGw3AZ', source: `${AD} expressroute/gateway-migration.md` });
export const ER_GATEWAY_SKU_UNKNOWN = defineRule({ id: 'ER-GATEWAY-SKU-UNKNOWN', level: RuleLevel.ERROR, description: 'The ExpressRoute gateway SKU must be an ExpressRoute SKU (ErGw1AZ, ErGw2AZ, ErGw3AZ)', source: `${TF} virtual_network_gateway.html.markdown` });
export const ER_CONNECTION_CIRCUIT = defineRule({ id: 'ER-CONNECTION-CIRCUIT', level: RuleLevel.ERROR, description: 'Each ExpressRoute connection of a gateway has its own id, and an existing circuit is given by an ExpressRoute circuit resource id', source: `${TF} virtual_network_gateway_connection.html.markdown` });
export const ER_AUTHORIZATION_KEY = defineRule({ id: 'ER-AUTHORIZATION-KEY', level: RuleLevel.ERROR, description: "A connection to another subscription's circuit needs its authorization key, never as a literal", source: `${AD} expressroute/expressroute-howto-linkvnet-arm.md` });
export const ER_CONNECTION_FASTPATH = defineRule({ id: 'ER-CONNECTION-FASTPATH', level: RuleLevel.ERROR, description: 'Private Link FastPath requires FastPath (express_route_gateway_bypass)', source: `${TF} virtual_network_gateway_connection.html.markdown` });
export const ER_CONNECTION_WEIGHT = defineRule({ id: 'ER-CONNECTION-WEIGHT', level: RuleLevel.ERROR, description: 'Connection routing weight must be 0-32000', source: `${TF} virtual_network_gateway_connection_resource.go` });
export const ER_CONNECTION_FASTPATH_SKU = defineRule({ id: 'ER-CONNECTION-FASTPATH-SKU', level: RuleLevel.ERROR, description: 'FastPath (express_route_gateway_bypass) needs an ErGw3AZ (or legacy Ultra Performance) ExpressRoute gateway', source: `${AD} expressroute/about-fastpath.md: "To configure FastPath, the virtual network gateway must be either: Ultra Performance, ErGw3AZ"` });
export const ER_RESILIENCY = defineRule({ id: 'ER-RESILIENCY', level: RuleLevel.WARNING, description: "A gateway's circuits should be in at least two peering locations (maximum resiliency): circuits that all share one peering location fail together with it", source: `${AD} expressroute/design-architecture-for-resiliency.md: "This set up is achieved by configuring a pair of circuits across two distinct locations for site diversity with ExpressRoute."` });
// Hybrid connectivity: ExpressRoute + VPN coexistence
export const HYB_MODE_OPTIONS = defineRule({ id: 'HYB-MODE-OPTIONS', level: RuleLevel.ERROR, description: 'Only connectivity with a VPN gateway (HybridConnectivity.vpn, .expressRouteWithVpnFailover) takes VPN sites; ExpressRoute-only connectivity has none', source: 'MicrosoftDocs/architecture-center reference-architectures/hybrid-networking/index-content.md' });
export const ER_COEXIST_SUBNET = defineRule({ id: 'ER-COEXIST-SUBNET', level: RuleLevel.ERROR, description: 'Coexisting ExpressRoute and VPN gateways must be in the same GatewaySubnet', source: `${AD} expressroute/expressroute-howto-coexist-resource-manager.md` });
export const ER_COEXIST_VPN_TYPE = defineRule({ id: 'ER-COEXIST-VPN-TYPE', level: RuleLevel.ERROR, description: 'A VPN gateway coexisting with ExpressRoute must be RouteBased', source: `${AD} expressroute/expressroute-howto-coexist-resource-manager.md` });
export const ER_COEXIST_VPN_SKU = defineRule({ id: 'ER-COEXIST-VPN-SKU', level: RuleLevel.ERROR, description: 'A VPN gateway coexisting with ExpressRoute cannot be Basic', source: `${AD} expressroute/expressroute-howto-coexist-resource-manager.md` });
export const ER_COEXIST_VPN_ASN = defineRule({ id: 'ER-COEXIST-VPN-ASN', level: RuleLevel.ERROR, description: 'A VPN gateway coexisting with ExpressRoute keeps ASN 65515 (changing it needs a gateway reset and breaks ER route exchange)', source: `${AD} expressroute/expressroute-howto-coexist-resource-manager.md` });
export const ER_COEXIST_MORE_SPECIFIC = defineRule({ id: 'ER-COEXIST-MORE-SPECIFIC', level: RuleLevel.ERROR, description: 'With ExpressRoute and VPN failover, the VPN must not carry prefixes more specific than those advertised over ExpressRoute, or Azure prefers the VPN by longest-prefix match', source: 'MicrosoftDocs/architecture-center reference-architectures/hybrid-networking/expressroute-vpn-failover-content.md' });
export const HYB_ROUTESERVER = defineRule({ id: 'HYB-ROUTESERVER', level: RuleLevel.ERROR, description: 'Azure Route Server (VPN-ExpressRoute transit, HybridConnectivity.expressRouteWithVpnFailover) needs an active-active VPN gateway', source: `${AD} route-server/expressroute-vpn-support.md` });
// Spokes
export const SPOKE_VNET_SOURCE = defineRule({ id: 'SPOKE-VNET-SOURCE', level: RuleLevel.ERROR, description: 'A spoke is either a new virtual network or an existing one given by both id and name', source: 'library API' });
export const SPOKE_REMOTE_GATEWAYS = defineRule({ id: 'SPOKE-REMOTE-GATEWAYS', level: RuleLevel.ERROR, description: 'use_remote_gateways is refused when the spoke has its own gateway, and allowed on only one peering of a virtual network', source: `${TF} virtual_network_peering.html.markdown` });
export const SPOKE_NO_HUB_GATEWAY = defineRule({ id: 'SPOKE-NO-HUB-GATEWAY', level: RuleLevel.ERROR, description: "A spoke that uses the hub's gateways needs a gateway in the hub's GatewaySubnet", source: `${TF} virtual_network_peering.html.markdown` });
// PIP-SKU: defined with its body check in ./pip-sku.ts
// PIP-ZONES: defined with its body check in ./pip-zones.ts
// VPN-ACTIVE-ACTIVE: defined with its body check in ./vpn-active-active.ts
// ExpressRoute gateway public IP (research.md section 11)
export const ER_GATEWAY_PUBLICIP_ZONES = defineRule({ id: 'ER-GATEWAY-PUBLICIP-ZONES', level: RuleLevel.ERROR, description: 'Public IP zones of an ExpressRoute gateway are set only on a customer-managed public IP, once: an Azure-managed (auto-assigned) public IP has no zones to choose, the gateway is always zone-redundant', source: `${AD} expressroute/expressroute-about-virtual-network-gateways.md ("Auto-Assigned Public IP": "New behavior is that the gateway is always zone redundant")` });
// ER-GATEWAY-PUBLICIP-CUSTOMER: defined with its body check in ./er-gateway-publicip-customer.ts

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const NETWORK_RULES = [
  NET_GWSUBNET_SIZE,
  NET_GWSUBNET_NSG,
  NET_GWSUBNET_NAME,
  NET_GWSUBNET_RESERVED,
  VPN_SKU_LEGACY,
  VPN_SKU_GENERATION,
  VPN_SKU_UNKNOWN,
  VPN_SKU_ZONES,
  VPN_PUBLICIP_ZONES,
  VPN_POLICYBASED,
  VPN_IPCONFIG_COUNT,
  VPN_PUBLICIP_SKU,
  VPN_BGP_ASN,
  VPN_BGP_ASN_DISTINCT,
  VPN_BGP_DISABLED,
  VPN_APIPA_RANGE,
  VPN_APIPA_ACTIVE_ACTIVE,
  VPN_NAT_RULE,
  VPN_SITE_ENDPOINT,
  VPN_SITE_ADDRESS,
  VPN_SITE_PUBLIC_IP,
  VPN_SHARED_KEY_LITERAL,
  VPN_SHARED_KEY_LENGTH,
  VPN_IPSEC_GCM,
  VPN_IPSEC_LIFETIME,
  VPN_IPSEC_VALUE,
  VPN_CONNECTION_WEIGHT,
  VPN_CONNECTION_DPD,
  VPN_SETTING_VALUE,
  ER_CIRCUIT_PROVIDER_OR_PORT,
  ER_CIRCUIT_BANDWIDTH,
  ER_CIRCUIT_SKU,
  ER_PEERING_PREFIX,
  ER_PEERING_VLAN,
  ER_SHARED_KEY_LENGTH,
  ER_AUTHORIZATION_DUPLICATE,
  ER_GATEWAY_SKU_LEGACY,
  ER_GATEWAY_SKU_UNKNOWN,
  ER_CONNECTION_CIRCUIT,
  ER_AUTHORIZATION_KEY,
  ER_CONNECTION_FASTPATH,
  ER_CONNECTION_WEIGHT,
  ER_CONNECTION_FASTPATH_SKU,
  ER_RESILIENCY,
  HYB_MODE_OPTIONS,
  ER_COEXIST_SUBNET,
  ER_COEXIST_VPN_TYPE,
  ER_COEXIST_VPN_SKU,
  ER_COEXIST_VPN_ASN,
  ER_COEXIST_MORE_SPECIFIC,
  HYB_ROUTESERVER,
  SPOKE_VNET_SOURCE,
  SPOKE_REMOTE_GATEWAYS,
  SPOKE_NO_HUB_GATEWAY,
  PIP_SKU,
  PIP_ZONES,
  VPN_ACTIVE_ACTIVE,
  ...DNS_SECURITY_RULES,
  ...VWAN_RULES,
  ...CONNECTIVITY_AT_SCALE_RULES,
  ...EXPRESSROUTE_REACH_RULES,
  NET_GATEWAY_PER_VNET,
  VPN_P2S_ENTRA,
  NET_NSG_FLOW_LOG,
  ER_GATEWAY_PUBLICIP_ZONES,
  ER_GATEWAY_PUBLICIP_CUSTOMER,
] as const;
