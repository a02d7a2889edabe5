import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { VWAN_HUB_PREFIX } from './vwan-hub-prefix';
import { VWAN_P2S_AUDIENCE } from './vwan-p2s-audience';
import { VWAN_P2S_ENTRA } from './vwan-p2s-entra';
import { VWAN_ROUTING_INTENT } from './vwan-routing-intent';
import { VWAN_SCALE_UNITS } from './vwan-scale-units';
import { VWAN_TYPE_STANDARD } from './vwan-type-standard';

export { VWAN_HUB_PREFIX, VWAN_P2S_AUDIENCE, VWAN_P2S_ENTRA, VWAN_ROUTING_INTENT, VWAN_SCALE_UNITS, VWAN_TYPE_STANDARD };

// Virtual WAN (lib/network/vwan). Rules with a body check are one per file (vwan-<id>.ts); the
// prop-only rules below are checked by the constructs through ProblemCollector. BGP ASNs, APIPA,
// IPsec policies, device addresses and overlaps reuse the hub-VNet rules (VPN-BGP-ASN,
// VPN-IPSEC-*, VPN-SITE-ENDPOINT, VPN-SITE-PUBLIC-IP, NET-ADDRESS-OVERLAP).

export const VWAN_HUB_SETTINGS = defineRule({
  id: 'VWAN-HUB-SETTINGS',
  level: RuleLevel.ERROR,
  description: 'Virtual hub router minimum capacity is a whole number of at least 2 routing infrastructure units; hub routing preference is ExpressRoute, VpnGateway or ASPath',
  source: `${TF} internal/services/network/virtual_hub_resource.go (virtual_router_auto_scale_min_capacity IntAtLeast(2), default 2; hub_routing_preference ExpressRoute, VpnGateway, ASPath)`,
});

export const VWAN_SITE_LINK = defineRule({
  id: 'VWAN-SITE-LINK',
  level: RuleLevel.ERROR,
  description: 'A VPN site has at least one link, each with a unique name; a link without BGP needs the site address spaces (there is nothing else to route to), a BGP link needs its ASN and peering address',
  source: `${TF} website/docs/r/vpn_site.html.markdown (link: name, ip_address or fqdn, bgp asn and peering_address; address_cidrs); ${AD} articles/virtual-wan/virtual-wan-site-to-site-portal.md (site links and private address space)`,
});

export const VWAN_P2S_POOLS = defineRule({
  id: 'VWAN-P2S-POOLS',
  level: RuleLevel.ERROR,
  description: 'A point-to-site gateway needs at least one client address pool, and from 40 scale units one pool per 20 scale units (one per gateway instance of 10,000 users)',
  source: `${AD} includes/virtual-wan-allocating-p2s-pools.md ("for scale units greater than 40, Virtual WAN needs to deploy extra capacity, which requires a minimum number of address pools allocated for different scale units"; table: 40 -> 2 pools ... 200 -> 10 pools)`,
});

export const VWAN_P2S_AUTH = defineRule({
  id: 'VWAN-P2S-AUTH',
  level: RuleLevel.ERROR,
  description: 'A point-to-site server configuration needs at least one authentication method (Entra ID tenant, or root certificates), a GUID tenant and audience, and certificate data as base64 without PEM headers',
  source: `${TF} website/docs/r/vpn_server_configuration.html.markdown ("vpn_authentication_types - (Required) ... Possible values are AAD, Certificate and Radius"; client_root_certificate public_cert_data); ${AD} articles/virtual-wan/certificates-point-to-site.md`,
});

export const VWAN_BGP_PEER = defineRule({
  id: 'VWAN-BGP-PEER',
  level: RuleLevel.ERROR,
  description: 'A hub BGP connection peers with an NVA in a virtual network connected to the same hub: a 16-bit ASN other than the hub ASN 65515 and the reserved ones, and a peer IP inside that network',
  source: `${AD} articles/virtual-wan/scenario-bgp-peering-hub.md ("NVA or a BGP end point provisioned in a virtual network connected to a virtual hub, can directly peer with the virtual hub router"; "The virtual hub router only supports 16-bit (2 bytes) ASN."; "ensures that ASN on the NVA is set up to be different from the virtual hub ASN")`,
});

/** Every Virtual WAN rule, spread into NETWORK_RULES (lib/network/rules/index.ts). */
export const VWAN_RULES = [
  VWAN_HUB_PREFIX,
  VWAN_HUB_SETTINGS,
  VWAN_TYPE_STANDARD,
  VWAN_SCALE_UNITS,
  VWAN_SITE_LINK,
  VWAN_P2S_POOLS,
  VWAN_P2S_AUTH,
  VWAN_P2S_ENTRA,
  VWAN_P2S_AUDIENCE,
  VWAN_ROUTING_INTENT,
  VWAN_BGP_PEER,
] as const;
