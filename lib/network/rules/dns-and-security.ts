import { AC, AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { DNS_RESOLVER_SUBNET } from './dns-resolver-subnet';
import { DNS_RULESET_LOOP } from './dns-ruleset-loop';
import { DNS_RULESET_WILDCARD_ER } from './dns-ruleset-wildcard-er';
import { FW_SKU } from './fw-sku';
import { FW_ZONES } from './fw-zones';
import { NET_DEFAULT_OUTBOUND } from './net-default-outbound';
import { NET_GWSUBNET_ROUTE } from './net-gwsubnet-route';
import { NET_SPECIAL_SUBNET } from './net-special-subnet';

export { DNS_RESOLVER_SUBNET, DNS_RULESET_LOOP, DNS_RULESET_WILDCARD_ER, FW_SKU, FW_ZONES, NET_DEFAULT_OUTBOUND, NET_GWSUBNET_ROUTE, NET_SPECIAL_SUBNET };

// Hybrid DNS: DNS Private Resolver and forwarding rules
export const DNS_FORWARDING_RULE = defineRule({ id: 'DNS-FORWARDING-RULE', level: RuleLevel.ERROR, description: 'A forwarding rule names a dot-terminated domain of 1 to 34 labels (or "." for the wildcard) and forwards to IPv4 DNS servers on ports 1-65535, never to Azure DNS 168.63.129.16; a ruleset holds at most 1000 rules', source: `${AD} dns/private-resolver-endpoints-rulesets.md (Rules; "You can't enter the Azure DNS IP address of 168.63.129.16"); dns/dns-private-resolver-overview.md (Ruleset restrictions)` });
export const DNS_RESOLVER_VNET = defineRule({ id: 'DNS-RESOLVER-VNET', level: RuleLevel.ERROR, description: 'A DNS Private Resolver references one virtual network in its own region, and a virtual network has at most one resolver; a forwarding ruleset links only to virtual networks of its region', source: `${AD} dns/dns-private-resolver-overview.md (Virtual network restrictions); dns/private-resolver-endpoints-rulesets.md (DNS forwarding rulesets)` });
// Private-link zone catalog
export const DNS_ZONE_CATALOG = defineRule({ id: 'DNS-ZONE-CATALOG', level: RuleLevel.ERROR, description: 'A private-link DNS zone catalog holds each privatelink zone once (names as Azure documents them per sub-resource) and links each virtual network once; internet fallback is the link resolution policy NxDomainRedirect', source: `${AD} private-link/private-endpoint-dns.md; dns/private-dns-fallback.md; ${TF} website/docs/r/private_dns_zone_virtual_network_link.html.markdown (resolution_policy)` });
// Secure hub
export const FW_DNS_PROXY = defineRule({ id: 'FW-DNS-PROXY', level: RuleLevel.ERROR, description: 'Firewall DNS proxy forwards to custom DNS servers given as IPv4 addresses; FQDNs in network rules need DNS proxy on', source: `${AD} firewall/dns-settings.md` });
export const NET_ROUTE_NEXT_HOP = defineRule({ id: 'NET-ROUTE-NEXT-HOP', level: RuleLevel.ERROR, description: 'Inspected hub routing sends spoke prefixes from GatewaySubnet, and the default route and on-premises prefixes from spoke subnets, to the firewall as a virtual appliance; spoke route tables turn gateway route propagation off so the gateway cannot bypass the firewall', source: `${AD} firewall/tutorial-hybrid-portal-policy.md; virtual-network/virtual-networks-udr-overview.md; ${AC} reference-architectures/hybrid-networking/hub-spoke-content.md` });
export const BASTION_SKU = defineRule({ id: 'BASTION-SKU', level: RuleLevel.ERROR, description: 'Azure Bastion in a hub is Basic, Standard or Premium (Developer has no subnet); scale units are 2-50 and need Standard or Premium', source: `${AD} bastion/configuration-settings.md; ${TF} website/docs/r/bastion_host.html.markdown (scale_units)` });

/** Every hybrid DNS and secure hub rule, spread into NETWORK_RULES. */
export const DNS_SECURITY_RULES = [
  DNS_RESOLVER_SUBNET,
  DNS_RULESET_LOOP,
  DNS_RULESET_WILDCARD_ER,
  DNS_FORWARDING_RULE,
  DNS_RESOLVER_VNET,
  DNS_ZONE_CATALOG,
  NET_SPECIAL_SUBNET,
  NET_GWSUBNET_ROUTE,
  NET_DEFAULT_OUTBOUND,
  NET_ROUTE_NEXT_HOP,
  FW_SKU,
  FW_ZONES,
  FW_DNS_PROXY,
  BASTION_SKU,
] as const;
