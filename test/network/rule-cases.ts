// Pack cases of the network area's rules with a body check (read by test/checks/rules.test.ts).
// Row: [rule id, type, non-compliant body, compliant body, attribute reported, other resources,
// providers/variables, other resources of the compliant case (default: the same)].
import { ContextExtras, ResourceIndex } from '../../lib/core/rule';

type Row = [string, string, Record<string, any>, Record<string, any>, string | undefined, ResourceIndex?, ContextExtras?, ResourceIndex?];

const ZONES = ['1', '2', '3'];
const flowLog = (target: string) => ({
  name: 'fl-hub',
  network_watcher_name: 'NetworkWatcher_westeurope',
  resource_group_name: 'NetworkWatcherRG',
  target_resource_id: target,
  storage_account_id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Storage/storageAccounts/stflowlogs',
  enabled: true,
  version: 2,
  retention_policy: { enabled: true, days: 30 },
});
const DNS_DELEGATION = [{ name: 'dnsResolvers', service_delegation: [{ name: 'Microsoft.Network/dnsResolvers', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] }] }];
const hubSubnet = (name: string, prefix: string, extra: Record<string, any> = {}) => ({
  name,
  resource_group_name: 'rg-hub',
  virtual_network_name: '${azurerm_virtual_network.hub.name}',
  address_prefixes: [prefix],
  ...extra,
});

// --- hybrid DNS: hub with a resolver (inbound endpoint), a spoke, a ruleset with one rule ---
const inbound = (subnet: string) => ({
  name: 'in',
  private_dns_resolver_id: '${azurerm_private_dns_resolver.dns.id}',
  location: 'westeurope',
  ip_configurations: [{ subnet_id: `\${azurerm_subnet.${subnet}.id}`, private_ip_allocation_method: 'Static', private_ip_address: '10.0.0.68' }],
});
const dnsSubnets: ResourceIndex = {
  azurerm_subnet: {
    inbound: hubSubnet('snet-dns-inbound', '10.0.0.64/28', { delegation: DNS_DELEGATION }),
    app: hubSubnet('snet-shared', '10.0.2.0/24'),
  },
};
const vnets = {
  hub: { name: 'vnet-hub', resource_group_name: 'rg-hub', address_space: ['10.0.0.0/22'] },
  spoke: { name: 'vnet-spoke', resource_group_name: 'rg-spoke', address_space: ['10.1.0.0/16'] },
};
const forwardingRule = (domain: string, target: string) => ({
  name: domain === '.' ? 'all' : 'corp',
  dns_forwarding_ruleset_id: '${azurerm_private_dns_resolver_dns_forwarding_ruleset.rs.id}',
  domain_name: domain,
  enabled: true,
  target_dns_servers: [{ ip_address: target, port: 53 }],
});
const resolverStack = (rule: Record<string, any>, extra: ResourceIndex = {}): ResourceIndex => ({
  azurerm_virtual_network: vnets,
  azurerm_private_dns_resolver: { dns: { name: 'dnspr-hub', resource_group_name: 'rg-hub', location: 'westeurope', virtual_network_id: '${azurerm_virtual_network.hub.id}' } },
  azurerm_private_dns_resolver_inbound_endpoint: { in: inbound('inbound') },
  azurerm_private_dns_resolver_dns_forwarding_ruleset: { rs: { name: 'dnsfrs-hub', private_dns_resolver_outbound_endpoint_ids: ['${azurerm_private_dns_resolver_outbound_endpoint.out.id}'] } },
  azurerm_private_dns_resolver_forwarding_rule: { rule },
  ...dnsSubnets,
  ...extra,
});
const rulesetLink = (vnet: string) => ({
  name: `link-${vnet}`,
  dns_forwarding_ruleset_id: '${azurerm_private_dns_resolver_dns_forwarding_ruleset.rs.id}',
  virtual_network_id: `\${azurerm_virtual_network.${vnet}.id}`,
});
// a rule that forwards Azure's private link zone to the hub's inbound endpoint (what spokes use)
const toInbound = forwardingRule('privatelink.file.core.windows.net.', '${azurerm_private_dns_resolver_inbound_endpoint.in.ip_configurations[0].private_ip_address}');
// a wildcard rule to the on-premises DNS server, and an ExpressRoute gateway in the hub
const wildcard = forwardingRule('.', '192.168.10.4');
const erGateway: ResourceIndex = {
  azurerm_virtual_network_gateway: { er: { name: 'ergw-hub', type: 'ExpressRoute', sku: 'ErGw1AZ', ip_configuration: [{ name: 'default', subnet_id: '${azurerm_subnet.gw.id}', public_ip_address_id: '${azurerm_public_ip.er.id}' }] } },
};
const gwSubnet = hubSubnet('GatewaySubnet', '10.0.0.0/27');

// --- secure hub: firewall, policies, gateway route tables ---
const policies: ResourceIndex = {
  azurerm_firewall_policy: { std: { name: 'afwp-std', resource_group_name: 'rg-hub', sku: 'Standard' }, prem: { name: 'afwp-prem', resource_group_name: 'rg-hub', sku: 'Premium' } },
};
const firewall = (extra: Record<string, any> = {}) => ({
  name: 'afw-hub',
  resource_group_name: 'rg-hub',
  location: 'westeurope',
  sku_name: 'AZFW_VNet',
  sku_tier: 'Standard',
  zones: ZONES,
  ip_configuration: [{ name: 'ipconfig', subnet_id: '${azurerm_subnet.fw.id}', public_ip_address_id: '${azurerm_public_ip.fw.id}' }],
  firewall_policy_id: '${azurerm_firewall_policy.std.id}',
  ...extra,
});
const routeTables: ResourceIndex = {
  azurerm_subnet: { gw: gwSubnet },
  azurerm_route_table: {
    internet: { name: 'rt-gateway', bgp_route_propagation_enabled: true, route: [{ name: 'default', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.1.4' }] },
    spokes: { name: 'rt-gateway', bgp_route_propagation_enabled: true, route: [{ name: 'spoke', address_prefix: '10.1.0.0/16', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.1.4' }] },
  },
};
const gwAssociation = (table: string) => ({ subnet_id: '${azurerm_subnet.gw.id}', route_table_id: `\${azurerm_route_table.${table}.id}` });

// --- Virtual WAN ---
const hub = (name: string, prefix: string) => ({ name, resource_group_name: 'rg-vwan', location: 'westeurope', virtual_wan_id: '${azurerm_virtual_wan.r.id}', address_prefix: prefix, sku: 'Standard' });
const hubFirewall = (hubName: string) => ({ name: `afw-${hubName}`, sku_name: 'AZFW_Hub', sku_tier: 'Standard', zones: ZONES, virtual_hub: [{ virtual_hub_id: `\${azurerm_virtual_hub.${hubName}.id}`, public_ip_count: 1 }], firewall_policy_id: '${azurerm_firewall_policy.std.id}' });
const securedHubs: ResourceIndex = {
  azurerm_virtual_hub: { weu: hub('vhub-weu', '10.100.0.0/23'), neu: hub('vhub-neu', '10.100.2.0/23') },
  azurerm_firewall: { weu: hubFirewall('weu'), neu: hubFirewall('neu') },
};
const intent = (nextHop: string) => ({
  name: 'ri-weu',
  virtual_hub_id: '${azurerm_virtual_hub.weu.id}',
  routing_policy: [
    { name: 'InternetTrafficPolicy', destinations: ['Internet'], next_hop: nextHop },
    { name: 'PrivateTrafficPolicy', destinations: ['PrivateTraffic'], next_hop: nextHop },
  ],
});
const entra = (audience: string, protocols: string[] = ['OpenVPN']) => ({
  name: 'vpnsc-users',
  resource_group_name: 'rg-vwan',
  vpn_authentication_types: ['AAD'],
  vpn_protocols: protocols,
  azure_active_directory_authentication: [{ audience, issuer: 'https://sts.windows.net/${var.tenant_id}/', tenant: 'https://login.microsoftonline.com/${var.tenant_id}' }],
});
const AUDIENCE = 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8';
const erHubGateway = (units: number) => ({ name: 'ergw-weu', resource_group_name: 'rg-vwan', virtual_hub_id: '${azurerm_virtual_hub.weu.id}', scale_units: units });
const wanWithErGateway: ResourceIndex = {
  azurerm_virtual_hub: { weu: hub('vhub-weu', '10.100.0.0/23') },
  azurerm_express_route_gateway: { er: erHubGateway(1) },
};

// --- point-to-site with Entra ID on a VPN gateway ---
const P2S_TENANT = '00000000-0000-0000-0000-000000000001';
const p2sGateway = (protocols: string[]) => ({
  name: 'vgw', resource_group_name: 'rg-hub', location: 'westeurope', type: 'Vpn', vpn_type: 'RouteBased', sku: 'VpnGw2AZ', generation: 'Generation2', active_active: false, enable_bgp: true,
  ip_configuration: [{ name: 'ipconfig1', public_ip_address_id: '${azurerm_public_ip.a.id}', subnet_id: '${azurerm_subnet.gw.id}', private_ip_address_allocation: 'Dynamic' }],
  vpn_client_configuration: {
    address_space: ['172.16.200.0/24'], vpn_client_protocols: protocols, vpn_auth_types: ['AAD'],
    aad_tenant: `https://login.microsoftonline.com/${P2S_TENANT}/`, aad_issuer: `https://sts.windows.net/${P2S_TENANT}/`, aad_audience: 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8',
  },
});

export const RULE_CASES: Row[] = [
  ['DNS-RESOLVER-SUBNET', 'azurerm_private_dns_resolver_inbound_endpoint', inbound('app'), inbound('inbound'), 'ip_configurations.subnet_id', dnsSubnets],
  ['DNS-RULESET-LOOP', 'azurerm_private_dns_resolver_virtual_network_link', rulesetLink('hub'), rulesetLink('spoke'), 'virtual_network_id', resolverStack(toInbound)],
  ['DNS-RULESET-WILDCARD-ER', 'azurerm_private_dns_resolver_virtual_network_link', rulesetLink('hub'), rulesetLink('spoke'), 'virtual_network_id', resolverStack(wildcard, { ...erGateway, azurerm_subnet: { ...dnsSubnets.azurerm_subnet, gw: gwSubnet } })],
  ['FW-SKU', 'azurerm_firewall', firewall({ sku_tier: 'Premium' }), firewall({ sku_tier: 'Premium', firewall_policy_id: '${azurerm_firewall_policy.prem.id}' }), 'firewall_policy_id', policies],
  ['FW-ZONES', 'azurerm_firewall', firewall({ zones: undefined }), firewall(), 'zones'],
  ['NET-NSG-FLOW-LOG', 'azurerm_network_watcher_flow_log', flowLog('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/networkSecurityGroups/nsg-app'), flowLog('/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub'), 'target_resource_id'],
  ['NET-DEFAULT-OUTBOUND', 'azurerm_subnet', hubSubnet('snet-shared', '10.0.2.0/24'), hubSubnet('snet-shared', '10.0.2.0/24', { default_outbound_access_enabled: false }), 'default_outbound_access_enabled'],
  ['NET-GWSUBNET-ROUTE', 'azurerm_subnet_route_table_association', gwAssociation('internet'), gwAssociation('spokes'), 'route_table_id', routeTables],
  ['NET-SPECIAL-SUBNET', 'azurerm_subnet', hubSubnet('AzureFirewallSubnet', '10.0.1.0/27'), hubSubnet('AzureFirewallSubnet', '10.0.1.0/26'), 'address_prefixes'],
  ['VWAN-HUB-PREFIX', 'azurerm_virtual_hub', hub('vhub-weu', '10.100.0.0/25'), hub('vhub-weu', '10.100.0.0/23'), 'address_prefix'],
  ['VWAN-P2S-AUDIENCE', 'azurerm_vpn_server_configuration', entra('41b23e61-6c1e-4545-b367-cd054e0ed4b4'), entra(AUDIENCE), 'azure_active_directory_authentication.audience'],
  ['VWAN-P2S-ENTRA', 'azurerm_vpn_server_configuration', entra(AUDIENCE, ['IkeV2', 'OpenVPN']), entra(AUDIENCE), 'vpn_protocols'],
  ['VWAN-ROUTING-INTENT', 'azurerm_virtual_hub_routing_intent', intent('${azurerm_firewall.neu.id}'), intent('${azurerm_firewall.weu.id}'), 'routing_policy.next_hop', securedHubs],
  ['VWAN-SCALE-UNITS', 'azurerm_express_route_gateway', erHubGateway(12), erHubGateway(2), 'scale_units'],
  ['VWAN-TYPE-STANDARD', 'azurerm_virtual_wan', { name: 'vwan', resource_group_name: 'rg-vwan', location: 'westeurope', type: 'Basic' }, { name: 'vwan', resource_group_name: 'rg-vwan', location: 'westeurope', type: 'Standard' }, 'type', wanWithErGateway],
  ['VPN-P2S-ENTRA', 'azurerm_virtual_network_gateway', p2sGateway(['OpenVPN', 'IkeV2']), p2sGateway(['OpenVPN']), 'vpn_client_configuration.0.vpn_client_protocols'],
  ['NET-GWSUBNET-SIZE', 'azurerm_subnet', { name: 'GatewaySubnet', resource_group_name: 'rg', virtual_network_name: 'vnet', address_prefixes: ['10.0.0.0/28'] }, { name: 'GatewaySubnet', resource_group_name: 'rg', virtual_network_name: 'vnet', address_prefixes: ['10.0.0.0/26'] }, 'address_prefixes'],
  ['VPN-SETTING-VALUE', 'azurerm_virtual_network_gateway', { ...p2sGateway(['OpenVPN']), generation: 'Generation3' }, p2sGateway(['OpenVPN']), 'generation'],
  ['ER-GATEWAY-PUBLICIP-CUSTOMER', 'azurerm_virtual_network_gateway', erGatewayWithIp('${azurerm_public_ip.er.id}'), erGatewayWithIp(undefined), 'ip_configuration.public_ip_address_id'],
];

/** An ExpressRoute gateway, with or without a public IP of its own. */
function erGatewayWithIp(publicIpId: string | undefined): Record<string, any> {
  return { name: 'ergw', resource_group_name: 'rg', location: 'westeurope', type: 'ExpressRoute', sku: 'ErGw1AZ', ip_configuration: [{ name: 'default', private_ip_address_allocation: 'Dynamic', subnet_id: '${azurerm_subnet.gw.id}', ...(publicIpId ? { public_ip_address_id: publicIpId } : {}) }] };
}
