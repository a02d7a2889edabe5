import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

// Rules of the network patterns (hub, VPN, ExpressRoute, spokes). Ids are stable: users suppress by id.
export const NETWORK_RULES: Record<string, RuleEntry> = {
  // GatewaySubnet
  'NET-GWSUBNET-SIZE': [RuleLevel.ERROR, 'GatewaySubnet must be /27 or larger (/26 recommended); Azure allows /29 but active-active, ExpressRoute coexistence and new features need more', `${AD} vpn-gateway/vpn-gateway-vpn-faq.md`],
  'NET-GWSUBNET-NSG': [RuleLevel.ERROR, 'No network security group may be associated with GatewaySubnet', 'MicrosoftDocs/architecture-center troubleshoot-vpn-content.md'],
  'NET-GWSUBNET-NAME': [RuleLevel.ERROR, 'The gateway subnet must be named exactly GatewaySubnet', `${TF} internal/services/network/validate/gateway_subnet.go`],
  'NET-GWSUBNET-RESERVED': [RuleLevel.ERROR, 'The name GatewaySubnet is reserved for the gateway subnet; other subnets cannot use it', `${AD} vpn-gateway/vpn-gateway-about-vpn-gateway-settings.md`],
  // VPN gateway
  'VPN-SKU-LEGACY': [RuleLevel.ERROR, 'Basic, Standard and HighPerformance VPN gateway SKUs cannot be created (legacy, blocked since 2023-12-01; Basic lacks BGP, zones and active-active)', `${AD} includes/vpn-gateway-deprecate-sku-faq.md`],
  'VPN-SKU-GENERATION': [RuleLevel.ERROR, 'VpnGw4, VpnGw5 and their AZ SKUs exist only in Generation2', `${TF} virtual_network_gateway_resource.go`],
  'VPN-SKU-UNKNOWN': [RuleLevel.ERROR, 'The VPN gateway SKU must be one Azure offers', `${TF} virtual_network_gateway_resource.go`],
  'VPN-SKU-ZONES': [RuleLevel.WARNING, 'A VPN gateway should use a zone-redundant AZ SKU with zone-redundant public IPs (non-AZ SKUs and zonal IPs survive no zone outage)', `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`],
  'VPN-PUBLICIP-ZONES': [RuleLevel.ERROR, 'An AZ SKU gateway needs zonal or zone-redundant Standard public IPs', `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`],
  'VPN-POLICYBASED': [RuleLevel.ERROR, 'PolicyBased VPN works only with the Basic SKU; use RouteBased', `${TF} virtual_network_gateway_resource.go`],
  'VPN-IPCONFIG-COUNT': [RuleLevel.ERROR, 'A VPN gateway needs 1 ip_configuration when active-standby, 2 when active-active, 3 when active-active with point-to-site', `${TF} virtual_network_gateway.html.markdown`],
  'VPN-PUBLICIP-SKU': [RuleLevel.ERROR, 'Gateway public IPs must be Standard SKU with static allocation', `${AD} vpn-gateway/vpn-gateway-vpn-faq.md`],
  'VPN-BGP-ASN': [RuleLevel.ERROR, 'BGP ASNs reserved by Azure or IANA cannot be used (8074, 8075, 12076, 65515 on-premises, 65517-65520, 23456, 64496-64511, 65535-65551, 4294967295); ASNs are 1-4294967295', `${AD} includes/vpn-gateway-faq-bgp-include.md`],
  'VPN-BGP-ASN-DISTINCT': [RuleLevel.ERROR, "The on-premises ASN must differ from the Azure VPN gateway's ASN", `${AD} includes/vpn-gateway-faq-bgp-include.md`],
  'VPN-BGP-DISABLED': [RuleLevel.ERROR, 'A BGP site or custom BGP address needs BGP enabled on the VPN gateway', `${AD} vpn-gateway/bgp-howto.md`],
  'VPN-APIPA-RANGE': [RuleLevel.ERROR, 'Custom APIPA BGP addresses must be in 169.254.21.0-169.254.22.255', `${TF} internal/services/network/validate/virtual_network_gateway.go`],
  'VPN-APIPA-ACTIVE-ACTIVE': [RuleLevel.ERROR, 'Custom APIPA addresses per instance: one list per gateway instance (two when active-active), custom BGP addresses on a connection need an active-active gateway', `${TF} virtual_network_gateway_connection_resource.go`],
  'VPN-NAT-RULE': [RuleLevel.ERROR, 'A VPN NAT rule needs valid, equally sized internal and external mappings; on active-active a dynamic rule applies to one gateway instance, so add one per instance', `${AD} vpn-gateway/nat-overview.md`],
  // Local network gateway and connection
  'VPN-SITE-ENDPOINT': [RuleLevel.ERROR, 'A local network gateway takes exactly one of gateway address and gateway FQDN', `${TF} local_network_gateway_resource.go`],
  'VPN-SITE-ADDRESS': [RuleLevel.ERROR, 'A site without BGP needs at least one address space; addresses must be valid', `${TF} local_network_gateway.html.markdown`],
  'VPN-SITE-PUBLIC-IP': [RuleLevel.ERROR, "The on-premises device's gateway address must be a public IPv4 address", `${AD} vpn-gateway/vpn-gateway-about-vpn-devices.md`],
  'VPN-SHARED-KEY-LITERAL': [RuleLevel.ERROR, 'A connection shared key must never be a literal in the Terraform configuration', 'library secure default'],
  'VPN-IPSEC-GCM': [RuleLevel.ERROR, 'With GCMAES IPsec encryption the IPsec integrity must be the same GCMAES algorithm', `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md`],
  'VPN-IPSEC-LIFETIME': [RuleLevel.ERROR, 'IPsec SA lifetime must be 300-172799 seconds and SA data size 1024-2147483647 KB (0 for unlimited); IKE SA lifetime 300-172799 seconds', `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md`],
  'VPN-IPSEC-VALUE': [RuleLevel.ERROR, 'IPsec/IKE policy algorithms and groups must be values Azure supports', `${AD} includes/vpn-gateway-faq-ipsecikepolicy-include.md`],
  'VPN-CONNECTION-WEIGHT': [RuleLevel.ERROR, 'Connection routing weight must be 0-32000', `${TF} virtual_network_gateway_connection_resource.go`],
  'VPN-CONNECTION-DPD': [RuleLevel.ERROR, 'Dead peer detection timeout must be 9-3600 seconds', `${TF} virtual_network_gateway_connection_resource.go`],
  // ExpressRoute circuit
  'ER-CIRCUIT-PROVIDER-OR-PORT': [RuleLevel.ERROR, 'A circuit takes either service provider + peering location + bandwidth in Mbps, or an ExpressRoute Direct port + bandwidth in Gbps, never both', `${TF} express_route_circuit.html.markdown`],
  'ER-CIRCUIT-BANDWIDTH': [RuleLevel.ERROR, 'Circuit bandwidth must be one Azure offers: 50-10000 Mbps through a provider, 1-100 Gbps on a Direct port', `${AD} expressroute/expressroute-faqs.md`],
  'ER-CIRCUIT-SKU': [RuleLevel.ERROR, 'Circuit SKU tier is Basic, Local, Standard or Premium and family MeteredData or UnlimitedData', `${TF} express_route_circuit.html.markdown`],
  'ER-CIRCUIT-DIAGNOSTICS': [RuleLevel.WARNING, "A circuit's PeeringRouteLog and metrics should go to Log Analytics", `${AD} expressroute/expressroute-monitoring-metrics-alerts.md`],
  'ER-PEERING-PREFIX': [RuleLevel.ERROR, 'Private peering needs two distinct, non-overlapping /30 prefixes (primary and secondary link)', `${TF} express_route_circuit_peering.html.markdown`],
  'ER-PEERING-VLAN': [RuleLevel.ERROR, 'The peering VLAN id must be 1-4094', `${TF} internal/services/network/express_route_circuit_peering_resource.go`],
  'ER-SHARED-KEY-LENGTH': [RuleLevel.ERROR, 'The MD5 key of a circuit peering is at most 25 characters', `${TF} internal/services/network/express_route_circuit_peering_resource.go`],
  'ER-SHARED-KEY-LITERAL': [RuleLevel.ERROR, 'The MD5 key of a circuit peering must never be a literal in the Terraform configuration', 'library secure default'],
  'ER-AUTHORIZATION-DUPLICATE': [RuleLevel.ERROR, 'Circuit authorization names must be unique on a circuit', `${AD} expressroute/expressroute-howto-linkvnet-arm.md`],
  // ExpressRoute gateway and connection
  'ER-GATEWAY-SKU-LEGACY': [RuleLevel.ERROR, 'Standard, HighPerformance and UltraPerformance ExpressRoute gateways are legacy (tied to Basic public IPs); use ErGw1AZ-ErGw3AZ', `${AD} expressroute/gateway-migration.md`],
  'ER-GATEWAY-SKU-UNKNOWN': [RuleLevel.ERROR, 'The ExpressRoute gateway SKU must be an ExpressRoute SKU (ErGw1AZ, ErGw2AZ, ErGw3AZ)', `${TF} virtual_network_gateway.html.markdown`],
  'ER-CONNECTION-CIRCUIT': [RuleLevel.ERROR, 'An ExpressRoute connection takes exactly one circuit: one this stack owns, or an existing one by id', `${TF} virtual_network_gateway_connection.html.markdown`],
  'ER-AUTHORIZATION-KEY': [RuleLevel.ERROR, "A connection to another subscription's circuit needs its authorization key, never as a literal", `${AD} expressroute/expressroute-howto-linkvnet-arm.md`],
  'ER-CONNECTION-FASTPATH': [RuleLevel.ERROR, 'Private Link FastPath requires FastPath (express_route_gateway_bypass)', `${TF} virtual_network_gateway_connection.html.markdown`],
  'ER-CONNECTION-WEIGHT': [RuleLevel.ERROR, 'Connection routing weight must be 0-32000', `${TF} virtual_network_gateway_connection_resource.go`],
  // Hybrid connectivity: ExpressRoute + VPN coexistence
  'HYB-MODE-OPTIONS': [RuleLevel.ERROR, 'The connectivity mode decides the parts: vpn has no circuit, expressroute and expressroute-vpn-failover need one, only modes with a VPN gateway take VPN sites', 'MicrosoftDocs/architecture-center reference-architectures/hybrid-networking/index-content.md'],
  'ER-COEXIST-SUBNET': [RuleLevel.ERROR, 'Coexisting ExpressRoute and VPN gateways must be in the same GatewaySubnet', `${AD} expressroute/expressroute-howto-coexist-resource-manager.md`],
  'ER-COEXIST-VPN-TYPE': [RuleLevel.ERROR, 'A VPN gateway coexisting with ExpressRoute must be RouteBased', `${AD} expressroute/expressroute-howto-coexist-resource-manager.md`],
  'ER-COEXIST-VPN-SKU': [RuleLevel.ERROR, 'A VPN gateway coexisting with ExpressRoute cannot be Basic', `${AD} expressroute/expressroute-howto-coexist-resource-manager.md`],
  'ER-COEXIST-VPN-ASN': [RuleLevel.ERROR, 'A VPN gateway coexisting with ExpressRoute keeps ASN 65515 (changing it needs a gateway reset and breaks ER route exchange)', `${AD} expressroute/expressroute-howto-coexist-resource-manager.md`],
  'ER-COEXIST-MORE-SPECIFIC': [RuleLevel.ERROR, 'With ExpressRoute and VPN failover, the VPN must not carry prefixes more specific than those advertised over ExpressRoute, or Azure prefers the VPN by longest-prefix match', 'MicrosoftDocs/architecture-center reference-architectures/hybrid-networking/expressroute-vpn-failover-content.md'],
  'HYB-ROUTESERVER': [RuleLevel.ERROR, 'Azure Route Server (VPN-ExpressRoute transit) needs the failover mode, a hub this stack creates (for RouteServerSubnet) and an active-active VPN gateway', `${AD} route-server/expressroute-vpn-support.md`],
  // Spokes
  'SPOKE-VNET-SOURCE': [RuleLevel.ERROR, 'A spoke is either a new virtual network or an existing one given by both id and name', 'library API'],
  'SPOKE-REMOTE-GATEWAYS': [RuleLevel.ERROR, 'use_remote_gateways is refused when the spoke has its own gateway, and allowed on only one peering of a virtual network', `${TF} virtual_network_peering.html.markdown`],
  'SPOKE-NO-HUB-GATEWAY': [RuleLevel.ERROR, "A spoke that uses the hub's gateways needs a gateway in the hub's GatewaySubnet", `${TF} virtual_network_peering.html.markdown`],
};
