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
  'VPN-SKU-ZONES': [RuleLevel.WARNING, 'A VPN gateway should use a zone-redundant AZ SKU with zone-redundant public IPs', `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`],
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
};
