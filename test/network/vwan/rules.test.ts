import { TerraformVariable } from 'cdktf';
import { contextFor } from '../../../lib/core/rule';
import { VWAN_HUB_PREFIX, VWAN_P2S_AUDIENCE, VWAN_P2S_ENTRA, VWAN_ROUTING_INTENT, VWAN_SCALE_UNITS, VWAN_TYPE_STANDARD } from '../../../lib/network/rules/vwan';
import { LogAnalyticsWorkspace, VirtualWan, VpnDevice } from '../../../lib';
import { expectValidationError, newStack, synthJson, warningsAfterSynth } from '../../util';

function wan() {
  const stack = newStack();
  const w = new VirtualWan(stack, 'Wan', { resourceGroupName: 'rg', location: 'westeurope' });
  return { stack, w };
}
const bgpSite = { links: [{ name: 'isp1', device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.10.1' }] };
const vnetId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';

describe('Virtual WAN rules: bad values', () => {
  test('fails when the hub prefix is smaller than a /24 (VWAN-HUB-PREFIX)', () => {
    const { w } = wan();
    expectValidationError(() => w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/25' }), 'VWAN-HUB-PREFIX', 'addressPrefix', '10.0.0.0/25');
    const v = VWAN_HUB_PREFIX.check!('azurerm_virtual_hub', { address_prefix: '10.0.0.0/26' }, contextFor('s', {}, 'azurerm_virtual_hub', 'h'));
    expect(v).toMatchObject({ compliance: 'non-compliant', attribute: 'address_prefix' });
  });

  test('fails when the hub router capacity is below 2 or the routing preference unknown (VWAN-HUB-SETTINGS)', () => {
    const { w } = wan();
    expectValidationError(() => w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23', routerMinCapacity: 1 }), 'VWAN-HUB-SETTINGS', 'routerMinCapacity', 1);
    expectValidationError(() => w.addHub('North', { location: 'northeurope', addressPrefix: '10.1.0.0/23', routingPreference: 'Fastest' as any }), 'VWAN-HUB-SETTINGS', 'routingPreference', 'Fastest');
  });

  test('fails when the hub overlaps another claim (NET-ADDRESS-OVERLAP)', () => {
    const { w } = wan();
    w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    expectValidationError(() => w.addHub('North', { location: 'northeurope', addressPrefix: '10.0.1.0/24' }), 'NET-ADDRESS-OVERLAP', 'addressPrefix', '10.0.1.0/24');
  });

  test('fails on scale units out of range (VWAN-SCALE-UNITS), in props and on the body', () => {
    const { w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    expectValidationError(() => hub.addVpnGateway({ scaleUnits: 41 }), 'VWAN-SCALE-UNITS', 'scaleUnits', 41);
    expectValidationError(() => hub.addExpressRouteGateway({ scaleUnits: 11 }), 'VWAN-SCALE-UNITS', 'scaleUnits', 11);
    const ctx = contextFor('s', {}, 'azurerm_express_route_gateway', 'g');
    expect(VWAN_SCALE_UNITS.check!('azurerm_express_route_gateway', { scale_units: 0 }, ctx)).toMatchObject({ compliance: 'non-compliant' });
    expect(VWAN_SCALE_UNITS.check!('azurerm_vpn_gateway', { scale_unit: 2 }, ctx)).toBe('compliant');
  });

  test('fails on a site without links, duplicate links, or a static link without prefixes (VWAN-SITE-LINK)', () => {
    const { w } = wan();
    expectValidationError(() => w.addVpnSite('A', { links: [] }), 'VWAN-SITE-LINK', 'links');
    expectValidationError(() => w.addVpnSite('B', { links: [bgpSite.links[0], bgpSite.links[0]] }), 'VWAN-SITE-LINK', 'links[1].name', 'isp1');
    expectValidationError(() => w.addVpnSite('C', { links: [{ name: 'isp1', device: VpnDevice.address('203.0.113.10') }] }), 'VWAN-SITE-LINK', 'links[0].bgpAsn');
    expectValidationError(() => w.addVpnSite('D', { links: [{ ...bgpSite.links[0], device: VpnDevice.address('10.0.0.1') }] }), 'VPN-SITE-PUBLIC-IP', 'links[0].device', '10.0.0.1');
    expectValidationError(() => w.addVpnSite('E', { links: [{ ...bgpSite.links[0], bgpAsn: 65515 }] }), 'VPN-BGP-ASN', 'links[0].bgpAsn', 65515);
  });

  test('fails on per-link options for an unknown link, and on a weak IPsec policy', () => {
    const { w } = wan();
    const site = w.addVpnSite('Paris', bgpSite);
    const gw = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' }).addVpnGateway();
    expectValidationError(() => gw.connectSite('Paris', { site, links: { isp9: {} } }), 'VWAN-SITE-LINK', 'links.isp9', 'isp9');
    expectValidationError(() => gw.connectSite('Paris2', { site, ipsecPolicy: { ikeEncryption: 'DES', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup14', ipsecEncryption: 'AES256', ipsecIntegrity: 'SHA256', pfsGroup: 'None' } }), 'VPN-IPSEC-VALUE', 'ipsecPolicy.ikeEncryption', 'DES');
  });

  test('fails on too few P2S pools, no authentication, or PEM data (VWAN-P2S-POOLS, VWAN-P2S-AUTH)', () => {
    const { w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    expectValidationError(() => hub.addPointToSiteGateway({ clientAddressPools: ['172.30.0.0/22'], scaleUnits: 60, entraTenantId: '00000000-0000-0000-0000-000000000001' }), 'VWAN-P2S-POOLS', 'clientAddressPools');
    const hub2 = w.addHub('North', { location: 'northeurope', addressPrefix: '10.1.0.0/23' });
    const hub3 = w.addHub('East', { location: 'eastus', addressPrefix: '10.2.0.0/23' });
    expectValidationError(() => hub2.addPointToSiteGateway({ clientAddressPools: ['172.30.0.0/22'] }), 'VWAN-P2S-AUTH', 'entraTenantId');
    expectValidationError(() => hub3.addPointToSiteGateway({ clientAddressPools: ['172.30.0.0/22'], rootCertificates: [{ name: 'root', publicCertData: '-----BEGIN CERTIFICATE-----' }] }), 'VWAN-P2S-AUTH', 'rootCertificates[0].publicCertData');
  });

  test('fails when Entra ID runs over IKEv2 (VWAN-P2S-ENTRA) and warns on the manually registered audience (VWAN-P2S-AUDIENCE)', () => {
    const ctx = contextFor('s', {}, 'azurerm_vpn_server_configuration', 'c');
    const aad = { tenant: 't', issuer: 'i', audience: '41b23e61-6c1e-4545-b367-cd054e0ed4b4' };
    expect(VWAN_P2S_ENTRA.check!('azurerm_vpn_server_configuration', { vpn_authentication_types: ['AAD'], vpn_protocols: ['IkeV2'], azure_active_directory_authentication: [aad] }, ctx)).toMatchObject({ compliance: 'non-compliant', attribute: 'vpn_protocols' });
    expect(VWAN_P2S_AUDIENCE.check!('azurerm_vpn_server_configuration', { azure_active_directory_authentication: [aad] }, ctx)).toMatchObject({ compliance: 'non-compliant' });
    const { stack, w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    hub.addPointToSiteGateway({ clientAddressPools: ['172.30.0.0/22'], entraTenantId: '00000000-0000-0000-0000-000000000001', entraAudience: '41b23e61-6c1e-4545-b367-cd054e0ed4b4' });
    expect(warningsAfterSynth(stack).join('\n')).toContain('VWAN-P2S-AUDIENCE');
  });

  test('fails on a Basic Virtual WAN with an ExpressRoute gateway (VWAN-TYPE-STANDARD)', () => {
    const index = {
      azurerm_virtual_wan: { w: { type: 'Basic' } },
      azurerm_virtual_hub: { h: { virtual_wan_id: '${azurerm_virtual_wan.w.id}' } },
      azurerm_express_route_gateway: { g: { virtual_hub_id: '${azurerm_virtual_hub.h.id}' } },
    };
    expect(VWAN_TYPE_STANDARD.check!('azurerm_virtual_wan', index.azurerm_virtual_wan.w, contextFor('s', index, 'azurerm_virtual_wan', 'w'))).toMatchObject({ compliance: 'non-compliant', attribute: 'type' });
  });

  test('fails on routing intent with two private policies, a foreign next hop or a custom route table (VWAN-ROUTING-INTENT)', () => {
    const hubRef = '${azurerm_virtual_hub.h.id}';
    const fw = { f: { virtual_hub: { virtual_hub_id: hubRef } } };
    const policy = (d: string, hop = '${azurerm_firewall.f.id}') => ({ name: d, destinations: [d], next_hop: hop });
    const index: any = { azurerm_virtual_hub: { h: {} }, azurerm_firewall: fw, azurerm_virtual_hub_route_table: {} };
    const check = (body: any) => VWAN_ROUTING_INTENT.check!('azurerm_virtual_hub_routing_intent', body, contextFor('s', index, 'azurerm_virtual_hub_routing_intent', 'i'));
    expect(check({ virtual_hub_id: hubRef, routing_policy: [policy('PrivateTraffic'), policy('PrivateTraffic')] })).toMatchObject({ compliance: 'non-compliant' });
    index.azurerm_firewall.other = { virtual_hub: { virtual_hub_id: '${azurerm_virtual_hub.x.id}' } };
    expect(check({ virtual_hub_id: hubRef, routing_policy: [policy('Internet', '${azurerm_firewall.other.id}')] })).toMatchObject({ compliance: 'non-compliant' });
    expect(check({ virtual_hub_id: hubRef, routing_policy: [policy('PrivateTraffic')] })).toBe('compliant');
    index.azurerm_virtual_hub_route_table.rt = { virtual_hub_id: hubRef };
    expect(check({ virtual_hub_id: hubRef, routing_policy: [policy('PrivateTraffic')] })).toMatchObject({ compliance: 'non-compliant' });
  });

  test('fails on a BGP peer with a 32-bit or hub ASN, or an IP outside the spoke (VWAN-BGP-PEER)', () => {
    const { w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    const spoke = hub.connectVirtualNetwork('App', { virtualNetworkId: vnetId, addressSpaces: ['10.10.0.0/16'] });
    expectValidationError(() => spoke.addBgpPeer('A', { peerAsn: 4200000000, peerIp: '10.10.0.4' }), 'VWAN-BGP-PEER', 'peerAsn', 4200000000);
    expectValidationError(() => spoke.addBgpPeer('B', { peerAsn: 65515, peerIp: '10.10.0.4' }), 'VWAN-BGP-PEER', 'peerAsn', 65515);
    expectValidationError(() => spoke.addBgpPeer('C', { peerAsn: 65050, peerIp: '10.20.0.4' }), 'VWAN-BGP-PEER', 'peerIp', '10.20.0.4');
  });
});

describe('Virtual WAN constructs: tokens, diagnostics, routing intent', () => {
  test('accepts Terraform expressions where Terraform does', () => {
    const { stack, w } = wan();
    const v = (n: string) => new TerraformVariable(stack, n, { type: 'string' }).stringValue;
    const units = new TerraformVariable(stack, 'units', { type: 'number' }).numberValue;
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    const site = w.addVpnSite('Paris', { links: [{ name: 'isp1', device: VpnDevice.address(v('ip')), bgpAsn: 65010, bgpPeeringAddress: v('peer') }] });
    hub.addVpnGateway({ scaleUnits: units }).connectSite('Paris', { site });
    hub.addExpressRouteGateway({ scaleUnits: units });
    hub.addPointToSiteGateway({ clientAddressPools: ['172.30.0.0/22'], entraTenantId: v('tenant') });
    hub.connectVirtualNetwork('App', { virtualNetworkId: v('vnet') }).addBgpPeer('Nva', { peerAsn: units, peerIp: v('nva') });
    const json = synthJson(stack);
    expect(json.resource.azurerm_vpn_gateway.Wan_West_VpnGateway_7B7A8B2F?.scale_unit ?? Object.values<any>(json.resource.azurerm_vpn_gateway)[0].scale_unit).toBe('${var.units}');
  });

  test('fails when the hub prefix is an expression (PROP-LITERAL)', () => {
    const { stack, w } = wan();
    expectValidationError(() => w.addHub('West', { location: 'westeurope', addressPrefix: new TerraformVariable(stack, 'p', { type: 'string' }).stringValue }), 'PROP-LITERAL', 'addressPrefix');
  });

  test('DIAG-MISSING until sendDiagnosticsTo, and acknowledge works', () => {
    const { stack, w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    const gw = hub.addVpnGateway();
    const er = hub.addExpressRouteGateway();
    er.acknowledge('DIAG-MISSING', 'metrics collected by the platform team');
    expect(warningsAfterSynth(stack).filter((m) => m.includes('DIAG-MISSING'))).toHaveLength(1);
    const after = wan();
    const gw2 = after.w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' }).addVpnGateway();
    expect(gw).toBeDefined();
    gw2.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(after.stack, 'Ws', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w'));
    expect(warningsAfterSynth(after.stack).filter((m) => m.includes('DIAG-MISSING'))).toHaveLength(0);
    const diag = Object.values<any>(synthJson(after.stack).resource.azurerm_monitor_diagnostic_setting)[0];
    expect(diag.enabled_log.map((l: any) => l.category)).toEqual(['GatewayDiagnosticLog', 'IKEDiagnosticLog', 'RouteDiagnosticLog', 'TunnelDiagnosticLog']);
  });

  test('securing a hub drops the routing of connections made before and after', () => {
    const { stack, w } = wan();
    const hub = w.addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' });
    hub.connectVirtualNetwork('Before', { virtualNetworkId: vnetId });
    hub.secure();
    hub.connectVirtualNetwork('After', { virtualNetworkId: vnetId.replace('spoke', 'spoke2') });
    const json = synthJson(stack);
    for (const c of Object.values<any>(json.resource.azurerm_virtual_hub_connection)) expect(c.routing).toBeUndefined();
    expect(Object.values<any>(json.resource.azurerm_firewall)[0].sku_name).toBe('AZFW_Hub');
  });
});
