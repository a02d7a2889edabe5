import { AD, defineRule, RuleLevel, TF } from '../../core/rule';

// ExpressRoute beyond one circuit and private peering (issue 14): Microsoft peering with a route
// filter (lib/network/expressroute-circuit.ts), Global Reach between circuits
// (lib/network/expressroute-global-reach.ts).

const ROUTING = `${AD} expressroute/expressroute-routing.md`;
const GLOBAL_REACH = `${AD} expressroute/expressroute-global-reach.md; includes/expressroute-global-reach-faq-include.md`;

export const ER_MSPEERING_PUBLIC = defineRule({
  id: 'ER-MSPEERING-PUBLIC',
  level: RuleLevel.ERROR,
  description: 'Microsoft peering runs on public addresses registered to you: its /30 link prefixes and its advertised prefixes must be public (no RFC 1918, shared, loopback or documentation ranges, no default route)',
  source: `${ROUTING}: "You must use public IP addresses that you own for setting up the BGP sessions"; "Provider must filter out default route and private IP addresses (RFC 1918) from the Azure public and Microsoft peering paths"`,
});
export const ER_MSPEERING_ROUTE_FILTER = defineRule({
  id: 'ER-MSPEERING-ROUTE-FILTER',
  level: RuleLevel.ERROR,
  description: "Microsoft peering needs a route filter with at least one BGP community of Microsoft's (12076:5xxx services, 12076:5xxxx regions): without one, Microsoft advertises no routes",
  source: `${AD} expressroute/expressroute-faqs.md: "Microsoft peering of ExpressRoute circuits that are configured on or after August 1, 2017 won't have any prefixes advertised until a route filter is attached to the circuit"; ${ROUTING} (community values); ${TF} internal/services/network/route_filter_resource.go (one rule, communities required)`,
});
export const ER_MSPEERING_PREFIX_LIMIT = defineRule({
  id: 'ER-MSPEERING-PREFIX-LIMIT',
  level: RuleLevel.ERROR,
  description: 'Microsoft peering accepts at most 200 prefixes per BGP session; more drops the session',
  source: `${ROUTING}: "We accept up to 200 prefixes per BGP session for Azure public and Microsoft peering. The BGP session will be dropped if the number of prefixes exceeds the limit."`,
});
export const ER_MSPEERING_REGISTRY = defineRule({
  id: 'ER-MSPEERING-REGISTRY',
  level: RuleLevel.ERROR,
  description: 'The routing registry of Microsoft-peering prefixes is one Microsoft validates against: ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB or LEVEL3',
  source: `${ROUTING} (registries); ${TF} express_route_circuit_peering.html.markdown (routing_registry_name)`,
});
export const ER_GLOBALREACH_PREFIX = defineRule({
  id: 'ER-GLOBALREACH-PREFIX',
  level: RuleLevel.ERROR,
  description: 'Global Reach takes a /29 IPv4 subnet used nowhere else (not in a virtual network, not on-premises)',
  source: `${AD} expressroute/expressroute-howto-set-global-reach.md: "-AddressPrefix must be a /29 IPv4 subnet ... You shouldn't use the addresses in this subnet in your Azure virtual networks, or in your on-premises network."`,
});
export const ER_GLOBALREACH_PEERING = defineRule({
  id: 'ER-GLOBALREACH-PEERING',
  level: RuleLevel.ERROR,
  description: 'Global Reach links the Azure private peerings of two circuits: a circuit of this stack needs `privatePeering`',
  source: `${AD} expressroute/expressroute-howto-set-global-reach.md: "That Azure private peering is configured on your ExpressRoute circuits."`,
});
export const ER_GLOBALREACH_CIRCUITS = defineRule({
  id: 'ER-GLOBALREACH-CIRCUITS',
  level: RuleLevel.ERROR,
  description: 'Global Reach links two different circuits at two different peering locations, once per pair, and neither may be an ExpressRoute Local circuit',
  source: `${GLOBAL_REACH}: "The two circuits must be from different peering locations"; ${AD} expressroute/expressroute-faqs.md: "ExpressRoute Global Reach isn't available on Local"`,
});
export const ER_GLOBALREACH_SAME_NETWORK = defineRule({
  id: 'ER-GLOBALREACH-SAME-NETWORK',
  level: RuleLevel.WARNING,
  description: 'Global Reach connects two different on-premises networks; between two circuits that reach the same declared on-premises network it only adds a second path between the same prefixes',
  source: `${GLOBAL_REACH}: "link ExpressRoute circuits together to make a private network between your on-premises networks"`,
});

const PRIVATE_PEERING_VPN = `${AD} vpn-gateway/site-to-site-vpn-private-peering.md`;
export const VPN_OVER_ER = defineRule({
  id: 'VPN-OVER-ER',
  level: RuleLevel.ERROR,
  description: 'A site-to-site tunnel over ExpressRoute private peering needs the gateway\'s private IPs (`privateIpAddressEnabled`) and a private (RFC 1918) device address reached over the circuit, and is not also the failover of that circuit',
  source: `${PRIVATE_PEERING_VPN}: "You can configure a Site-to-Site VPN to a virtual network gateway over an ExpressRoute private peering using an RFC 1918 IP address"; "Enable Private IPs on the gateway"; "Use Azure Private IP Address" on the connection (azurerm: private_ip_address_enabled, local_azure_ip_address_enabled)`,
});
export const VPN_OVER_ER_PREFIXES = defineRule({
  id: 'VPN-OVER-ER-PREFIXES',
  level: RuleLevel.ERROR,
  description: 'Prefixes of a site tunnelled over ExpressRoute must be more specific than, or disjoint from, those advertised over the circuit: for the same (or a wider) prefix Azure sends the traffic over ExpressRoute without the tunnel\'s encryption',
  source: `${PRIVATE_PEERING_VPN}: "If you advertise the same prefixes over both ExpressRoute and VPN connections, Azure will use the ExpressRoute path directly without VPN protection."`,
});

export const EXPRESSROUTE_REACH_RULES = [
  VPN_OVER_ER,
  VPN_OVER_ER_PREFIXES,
  ER_MSPEERING_PUBLIC,
  ER_MSPEERING_ROUTE_FILTER,
  ER_MSPEERING_PREFIX_LIMIT,
  ER_MSPEERING_REGISTRY,
  ER_GLOBALREACH_PREFIX,
  ER_GLOBALREACH_PEERING,
  ER_GLOBALREACH_CIRCUITS,
  ER_GLOBALREACH_SAME_NETWORK,
];
