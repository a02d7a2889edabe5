import { TerraformStack, TerraformVariable } from 'cdktf';
import { FirewallTier, HubBastion, HubFirewall, HubNetwork, HubRouting, LogAnalyticsWorkspace, NatGatewayEgress } from '../../../lib';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../../util';

const SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/app';
const errorsAfterSynth = (stack: TerraformStack): string[] => annotationsAfterSynth(stack).filter(([l]) => l === 'error').map(([, , m]) => m);
const hubIn = (stack: TerraformStack) => new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/22'] });

describe('HubFirewall, HubRouting, HubBastion', () => {
  test('on-premises <-> spoke traffic has the firewall as next hop in both directions', () => {
    // GIVEN a hub with a firewall and the routing toward a spoke subnet
    const stack = newStack();
    const hub = hubIn(stack);
    const firewall = new HubFirewall(stack, 'Firewall', { hub });
    new HubRouting(stack, 'Routing', { hub, firewall, spokePrefixes: ['10.1.0.0/16'], onPremisesPrefixes: ['192.168.10.0/24'], spokeSubnetIds: { app: SUBNET } });
    // WHEN synthesized
    const json = synthJson(stack);
    const fwName = Object.keys(json.resource.azurerm_firewall)[0];
    const fwIp = `\${azurerm_firewall.${fwName}.ip_configuration[0].private_ip_address}`;
    const tables = json.resource.azurerm_route_table;
    const tableOf = (subnetMatch: (id: string) => boolean) => {
      const assoc = resourcesOf(json, 'azurerm_subnet_route_table_association').find((a) => subnetMatch(a.subnet_id));
      return tables[/^\$\{azurerm_route_table\.([^.]+)\.id\}$/.exec(assoc.route_table_id)![1]];
    };
    // THEN on-premises -> spoke: GatewaySubnet routes the spoke prefix to the firewall, no default route, propagation kept
    const gw = tableOf((id) => /azurerm_subnet\.Hub_GatewaySubnet/.test(id));
    expect(gw.route).toEqual([expect.objectContaining({ address_prefix: '10.1.0.0/16', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: fwIp })]);
    expect(gw.bgp_route_propagation_enabled).toBe(true);
    // THEN spoke -> on-premises: the spoke subnet routes the on-premises prefix and 0.0.0.0/0 to the firewall, propagation off
    const spoke = tableOf((id) => id === SUBNET);
    expect(spoke.bgp_route_propagation_enabled).toBe(false);
    for (const prefix of ['192.168.10.0/24', '0.0.0.0/0']) {
      expect(spoke.route).toContainEqual(expect.objectContaining({ address_prefix: prefix, next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: fwIp }));
    }
    // and the firewall: Standard with a Standard policy, DNS proxy, three zones, private AzureFirewallSubnet /26
    expect(onlyResource(json, 'azurerm_firewall')).toMatchObject({ sku_tier: 'Standard', sku_name: 'AZFW_VNet', zones: ['1', '2', '3'] });
    expect(onlyResource(json, 'azurerm_firewall_policy')).toMatchObject({ sku: 'Standard', dns: { proxy_enabled: true } });
    const fwSubnet = resourcesOf(json, 'azurerm_subnet').find((s) => s.name === 'AzureFirewallSubnet');
    expect(fwSubnet).toMatchObject({ address_prefixes: ['10.0.0.64/26'], default_outbound_access_enabled: false });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('firewall logs go to resource-specific tables', () => {
    const stack = newStack();
    const firewall = new HubFirewall(stack, 'Firewall', { hub: hubIn(stack) });
    firewall.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log'));
    const setting = onlyResource(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting.log_analytics_destination_type).toBe('Dedicated');
    expect(setting.enabled_log).toContainEqual({ category: 'AZFWNetworkRule' });
    expect(warningsAfterSynth(stack).join('\n')).not.toMatch(/DIAG-MISSING/);
  });

  test('Premium firewall gets a Premium policy with threat intelligence Deny', () => {
    const stack = newStack();
    new HubFirewall(stack, 'Firewall', { hub: hubIn(stack), tier: FirewallTier.PREMIUM });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_firewall').sku_tier).toBe('Premium');
    expect(onlyResource(json, 'azurerm_firewall_policy')).toMatchObject({ sku: 'Premium', threat_intelligence_mode: 'Deny' });
  });

  test('synthesizes with Terraform variables where Terraform takes an expression', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const dns = new TerraformVariable(stack, 'dns_ip', { type: 'string' });
    const subnet = new TerraformVariable(stack, 'subnet_id', { type: 'string' });
    new HubFirewall(stack, 'Firewall', { hub, dnsServers: [dns.stringValue] });
    new HubRouting(stack, 'Routing', { hub, firewall: HubFirewall.fromFirewallAttributes(stack, 'Existing', { privateIpAddress: dns.stringValue }), spokePrefixes: ['10.1.0.0/16'], onPremisesPrefixes: [], spokeSubnetIds: { app: subnet.stringValue } });
    new NatGatewayEgress(stack, 'Nat', { resourceGroupName: 'rg', location: 'westeurope', subnetIds: { app: subnet.stringValue } });
    new HubBastion(stack, 'Bastion', { hub });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_firewall_policy').dns.servers).toEqual(['${var.dns_ip}']);
    expect(resourcesOf(json, 'azurerm_subnet_route_table_association').map((a) => a.subnet_id)).toContain('${var.subnet_id}');
    expect(onlyResource(json, 'azurerm_subnet_nat_gateway_association').subnet_id).toBe('${var.subnet_id}');
  });

  test('fails when AzureFirewallSubnet is smaller than /26 (NET-SPECIAL-SUBNET)', () => {
    const stack = newStack();
    expectValidationError(() => new HubFirewall(stack, 'Firewall', { hub: hubIn(stack), subnetPrefix: '10.0.1.0/27' }), 'NET-SPECIAL-SUBNET', 'subnetPrefix', '10.0.1.0/27');
  });

  test('fails when the Bastion is put in another subnet through an escape hatch (NET-SPECIAL-SUBNET body check)', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const other = hub.addSubnet('jump', { prefixLength: 26 });
    const bastion = new HubBastion(stack, 'Bastion', { hub });
    bastion.host.putIpConfiguration({ name: 'ipconfig', subnetId: other.id, publicIpAddressId: bastion.publicIp.id });
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[NET-SPECIAL-SUBNET\].*AzureBastionSubnet/);
  });

  test('fails when GatewaySubnet would get a default route or lose route propagation (NET-GWSUBNET-ROUTE)', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const firewall = HubFirewall.fromFirewallAttributes(stack, 'Fw', { privateIpAddress: '10.0.0.68' });
    expectValidationError(() => new HubRouting(stack, 'Bad', { hub, firewall, spokePrefixes: ['0.0.0.0/0'], onPremisesPrefixes: [] }), 'NET-GWSUBNET-ROUTE', 'spokePrefixes', '0.0.0.0/0');
    const routing = new HubRouting(stack, 'Routing', { hub, firewall, spokePrefixes: ['10.1.0.0/16'], onPremisesPrefixes: [] });
    routing.gatewayRouteTable.bgpRoutePropagationEnabled = false;
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[NET-GWSUBNET-ROUTE\].*propagation/);
  });

  test('fails without spoke prefixes to inspect (NET-ROUTE-NEXT-HOP)', () => {
    const stack = newStack();
    const firewall = HubFirewall.fromFirewallAttributes(stack, 'Fw', { privateIpAddress: '10.0.0.68' });
    expectValidationError(() => new HubRouting(stack, 'Routing', { hub: hubIn(stack), firewall, spokePrefixes: [], onPremisesPrefixes: [] }), 'NET-ROUTE-NEXT-HOP', 'spokePrefixes');
  });

  test('warns when a subnet keeps default outbound access (NET-DEFAULT-OUTBOUND)', () => {
    const stack = newStack();
    const firewall = new HubFirewall(stack, 'Firewall', { hub: hubIn(stack), logAnalyticsWorkspace: undefined });
    firewall.subnet.defaultOutboundAccessEnabled = true;
    expect(warningsAfterSynth(stack).join('\n')).toMatch(/\[NET-DEFAULT-OUTBOUND\]/);
  });

  test('fails on a tier the construct does not offer, and on a policy of another tier (FW-SKU)', () => {
    const stack = newStack();
    expectValidationError(() => new HubFirewall(stack, 'Basic', { hub: hubIn(stack), tier: 'Basic' as FirewallTier }), 'FW-SKU', 'tier', 'Basic');
    const stack2 = newStack();
    const firewall = new HubFirewall(stack2, 'Firewall', { hub: hubIn(stack2), tier: FirewallTier.PREMIUM });
    firewall.policy.sku = 'Standard';
    expect(errorsAfterSynth(stack2).join('\n')).toMatch(/\[FW-SKU\].*Premium/);
  });

  test('warns when the firewall has no zones (FW-ZONES), and refuses a bad zone', () => {
    const stack = newStack();
    new HubFirewall(stack, 'Firewall', { hub: hubIn(stack), zones: [] });
    expect(warningsAfterSynth(stack).join('\n')).toMatch(/\[FW-ZONES\]/);
    const stack2 = newStack();
    expectValidationError(() => new HubFirewall(stack2, 'Firewall', { hub: hubIn(stack2), zones: ['4'] }), 'FW-ZONES', 'zones', '4');
  });

  test('fails when DNS proxy servers are not addresses (FW-DNS-PROXY)', () => {
    const stack = newStack();
    expectValidationError(() => new HubFirewall(stack, 'Firewall', { hub: hubIn(stack), dnsServers: ['dns.contoso.com'] }), 'FW-DNS-PROXY', 'dnsServers', 'dns.contoso.com');
  });

  test('fails on a Bastion SKU without a subnet (BASTION-SKU)', () => {
    const stack = newStack();
    expectValidationError(() => new HubBastion(stack, 'Bastion', { hub: hubIn(stack), sku: 'Developer' }), 'BASTION-SKU', 'sku', 'Developer');
  });
});
