import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { DnsPrivateResolver, HubNetwork, LogAnalyticsWorkspace, PrivateDnsZoneCatalog, PrivateLinkZones } from '../../../lib';
import { PrivateLink } from '../../../lib/core/private-endpoint';
import { Runbook } from '../../../lib/core/outputs';
import { annotationsAfterSynth, expectValidationError, newStack, resourcesOf, synthJson, warningsAfterSynth } from '../../util';

const errorsAfterSynth = (stack: TerraformStack): string[] => annotationsAfterSynth(stack).filter(([l]) => l === 'error').map(([, , m]) => m);

const VNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';
const ACCOUNT = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/files';

function hubIn(stack: TerraformStack): HubNetwork {
  return new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/22'], subnets: { privatelink: { prefixLength: 26 } } });
}

/** The name of the resource whose `${type.name.attr}` reference `ref` is. */
function refName(ref: string, type: string): string {
  const m = new RegExp(`^\\$\\{${type}\\.([A-Za-z0-9_-]+)\\.`).exec(ref);
  if (!m) throw new Error(`${ref} is not a reference to ${type}`);
  return m[1];
}

describe('DnsPrivateResolver and PrivateDnsZoneCatalog', () => {
  test('an on-premises query follows forwarder -> inbound endpoint IP -> zone linked to the hub -> the private endpoint record', () => {
    // GIVEN a hub with the zone catalog, a resolver and a file private endpoint registered in the catalog
    const stack = newStack();
    const hub = hubIn(stack);
    const zones = new PrivateDnsZoneCatalog(stack, 'Zones', { resourceGroupName: 'rg', virtualNetworkIds: { hub: hub.virtualNetworkId } });
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub, privateDnsZones: zones, onPremisesDomains: { 'corp.contoso.com': ['192.168.10.4'] } });
    PrivateLink.create(stack, 'Share', { resourceGroupName: 'rg', location: 'westeurope', targetResourceId: ACCOUNT, subresource: 'file', zoneName: PrivateLinkZones.FILE, subnetId: hub.subnetId('privatelink')!, privateDnsZones: zones });

    // WHEN synthesized
    const json = synthJson(stack);
    const runbook = Runbook.of(stack).render();

    // THEN 1: the runbook forwards file.core.windows.net to the inbound endpoint IP (PowerShell and BIND)
    const ip = resolver.inboundEndpointIp;
    expect(ip).toBe('10.0.0.132'); // privatelink took 10.0.0.64/26; the inbound subnet is 10.0.0.128/28, its fifth address
    expect(runbook).toContain(`Add-DnsServerConditionalForwarderZone -Name "file.core.windows.net" -MasterServers ${ip}`);
    expect(runbook).toContain(`zone "file.core.windows.net" { type forward; forward only; forwarders { ${ip}; }; };`);
    expect(runbook).toContain('nslookup <share account>.file.core.windows.net');
    // THEN 2: the inbound endpoint has that static IP, in the hub's resolver (in the hub vnet), in a delegated subnet
    const inbound = Object.values(json.resource.azurerm_private_dns_resolver_inbound_endpoint)[0] as any;
    expect(inbound.ip_configurations).toMatchObject({ private_ip_address: ip, private_ip_allocation_method: 'Static' });
    const resolverBody = json.resource.azurerm_private_dns_resolver[refName(inbound.private_dns_resolver_id, 'azurerm_private_dns_resolver')];
    const hubVnetName = refName(resolverBody.virtual_network_id, 'azurerm_virtual_network');
    const subnet = json.resource.azurerm_subnet[refName(inbound.ip_configurations.subnet_id, 'azurerm_subnet')];
    expect(subnet.delegation[0].service_delegation.name).toBe('Microsoft.Network/dnsResolvers');
    expect(subnet.default_outbound_access_enabled).toBe(false);
    // THEN 3: the zone privatelink.file.core.windows.net is linked to that same hub vnet, with internet fallback
    const [zoneKey] = Object.entries(json.resource.azurerm_private_dns_zone).find(([, z]: [string, any]) => z.name === PrivateLinkZones.FILE)!;
    const link = resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link').find((l) => l.private_dns_zone_name === `\${azurerm_private_dns_zone.${zoneKey}.name}`);
    expect(refName(link.virtual_network_id, 'azurerm_virtual_network')).toBe(hubVnetName);
    expect(link.resolution_policy).toBe('NxDomainRedirect');
    // THEN 4: the private endpoint registers its record in that zone through its zone group (no zone of its own)
    const endpoint = resourcesOf(json, 'azurerm_private_endpoint')[0];
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([`\${azurerm_private_dns_zone.${zoneKey}.id}`]);
    expect(resourcesOf(json, 'azurerm_private_dns_zone').filter((z) => z.name === PrivateLinkZones.FILE)).toHaveLength(1);
  });

  test('two file endpoints in one resource group share the catalog zone', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const zones = new PrivateDnsZoneCatalog(stack, 'Zones', { resourceGroupName: 'rg', virtualNetworkIds: { hub: hub.virtualNetworkId }, zoneNames: [PrivateLinkZones.FILE] });
    for (const id of ['A', 'B']) PrivateLink.create(stack, id, { resourceGroupName: 'rg', location: 'westeurope', targetResourceId: ACCOUNT, subresource: 'file', zoneName: PrivateLinkZones.FILE, subnetId: hub.subnetId('privatelink')!, privateDnsZones: zones });
    expect(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone')).toHaveLength(1);
  });

  test('existing zones are imported, not created', () => {
    const stack = newStack();
    const existing = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/${PrivateLinkZones.FILE}`;
    const zones = PrivateDnsZoneCatalog.fromZoneIds(stack, 'Zones', { [PrivateLinkZones.FILE]: existing });
    expect(zones.zoneId(PrivateLinkZones.FILE)).toBe(existing);
    const catalog = new PrivateDnsZoneCatalog(stack, 'Mixed', { resourceGroupName: 'rg', virtualNetworkIds: {}, zoneNames: [PrivateLinkZones.FILE, PrivateLinkZones.BLOB], existingZoneIds: { [PrivateLinkZones.FILE]: existing } });
    expect(catalog.zoneId(PrivateLinkZones.FILE)).toBe(existing);
    expect(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone').map((z) => z.name)).toEqual([PrivateLinkZones.BLOB]);
  });

  test('synthesizes with Terraform variables where Terraform takes an expression', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const spoke = new TerraformVariable(stack, 'spoke_vnet_id', { type: 'string' });
    const dns = new TerraformVariable(stack, 'dns_ip', { type: 'string' });
    new PrivateDnsZoneCatalog(stack, 'Zones', { resourceGroupName: 'rg', virtualNetworkIds: { hub: hub.virtualNetworkId, spoke: spoke.stringValue } });
    new DnsPrivateResolver(stack, 'Dns', { hub, onPremisesDomains: { 'corp.contoso.com': [dns.stringValue] }, rulesetVirtualNetworkIds: { spoke: spoke.stringValue } });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_private_dns_resolver_forwarding_rule')[0].target_dns_servers[0].ip_address).toBe('${var.dns_ip}');
    expect(resourcesOf(json, 'azurerm_private_dns_resolver_virtual_network_link')[0].virtual_network_id).toBe('${var.spoke_vnet_id}');
  });

  test('fails when a count-deciding prop is a token', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    const len = new TerraformVariable(stack, 'len', { type: 'number' });
    expectValidationError(() => new DnsPrivateResolver(stack, 'Dns', { hub, inboundSubnetPrefixLength: len.numberValue }), 'PROP-LITERAL', 'inboundSubnetPrefixLength');
  });

  test('fails when a resolver subnet is smaller than /28 (DNS-RESOLVER-SUBNET)', () => {
    const stack = newStack();
    expectValidationError(() => new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack), inboundSubnetPrefixLength: 29 }), 'DNS-RESOLVER-SUBNET', 'inboundSubnetPrefixLength', 29);
  });

  test('fails when the resolver subnet loses its delegation through an escape hatch (DNS-RESOLVER-SUBNET body check)', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack) });
    resolver.outboundSubnet.resetDelegation();
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[DNS-RESOLVER-SUBNET\].*not delegated/);
  });

  test('fails when a rule forwards to the inbound endpoint and the ruleset is linked to the hub (DNS-RULESET-LOOP)', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack) });
    resolver.addForwardingRule('azure-private', { domainName: 'privatelink.file.core.windows.net', targetDnsServers: [resolver.inboundEndpointIp] });
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[DNS-RULESET-LOOP\]/);
  });

  test('the same rule linked to a spoke only is fine', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack), rulesetVirtualNetworkIds: { spoke: VNET } });
    resolver.addForwardingRule('azure-private', { domainName: 'privatelink.file.core.windows.net', targetDnsServers: [resolver.inboundEndpointIp] });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('warns when a wildcard ruleset is linked to the vnet of an ExpressRoute gateway (DNS-RULESET-WILDCARD-ER)', () => {
    const stack = newStack();
    const hub = hubIn(stack);
    new VirtualNetworkGateway(stack, 'Er', { name: 'ergw', resourceGroupName: 'rg', location: 'westeurope', type: 'ExpressRoute', sku: 'ErGw1AZ', ipConfiguration: [{ subnetId: hub.gatewaySubnetId, publicIpAddressId: 'x' }] });
    new DnsPrivateResolver(stack, 'Dns', { hub, onPremisesDomains: { '.': ['192.168.10.4'] } });
    expect(warningsAfterSynth(stack).join('\n')).toMatch(/\[DNS-RULESET-WILDCARD-ER\]/);
  });

  test('fails when a rule targets Azure DNS or a bad domain (DNS-FORWARDING-RULE)', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack) });
    expectValidationError(() => resolver.addForwardingRule('azure', { domainName: 'corp.contoso.com', targetDnsServers: ['168.63.129.16'] }), 'DNS-FORWARDING-RULE', 'targetDnsServers', '168.63.129.16');
    expectValidationError(() => resolver.addForwardingRule('bad', { domainName: 'bad domain', targetDnsServers: ['192.168.1.1'] }), 'DNS-FORWARDING-RULE', 'domainName', 'bad domain');
  });

  test('fails when the ruleset is linked to something that is not a virtual network (DNS-RESOLVER-VNET)', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack) });
    expectValidationError(() => resolver.linkRuleset('spoke', 'not-an-id'), 'DNS-RESOLVER-VNET', 'virtualNetworkId', 'not-an-id');
  });

  test('fails when a catalog zone is not a privatelink zone or a vnet is linked twice (DNS-ZONE-CATALOG)', () => {
    const stack = newStack();
    expectValidationError(() => new PrivateDnsZoneCatalog(stack, 'Zones', { resourceGroupName: 'rg', virtualNetworkIds: {}, zoneNames: ['file.core.windows.net'] }), 'DNS-ZONE-CATALOG', 'zoneNames', 'file.core.windows.net');
    const catalog = new PrivateDnsZoneCatalog(stack, 'Ok', { resourceGroupName: 'rg', virtualNetworkIds: { spoke: VNET }, zoneNames: [PrivateLinkZones.FILE] });
    expectValidationError(() => catalog.linkVirtualNetwork('again', VNET), 'DNS-ZONE-CATALOG', 'virtualNetworkId', VNET);
  });

  test('DIAG-MISSING is cleared by sendDiagnosticsTo after construction', () => {
    const stack = newStack();
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub: hubIn(stack) });
    expect(warningsAfterSynth(stack).join('\n')).toMatch(/\[DIAG-MISSING\]/);
    const stack2 = newStack();
    const resolver2 = new DnsPrivateResolver(stack2, 'Dns', { hub: hubIn(stack2) });
    expect(resolver).toBeDefined();
    resolver2.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(stack2, 'Ws', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log'));
    expect(warningsAfterSynth(stack2).join('\n')).not.toMatch(/\[DIAG-MISSING\]/);
  });
});
