import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { DnsPrivateResolver, ExpressRouteCircuit, ExpressRouteGateway, HubMesh, HubNetwork, OnPremisesNetwork, RegionAddressPlan, SpokePeering, VpnClientProtocol, VpnDevice, VpnGateway, VpnGatewaySku, VpnNatMode, VpnNatType } from '../../lib';
import { HubFirewall } from '../../lib/network/security/firewall';
import { suggestRegion } from '../../lib/core/regions';
import { Runbook } from '../../lib/core/outputs';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';
import { errorsAfterSynth } from './synth-util';

const hubProps = (space: string, location = 'westeurope') => ({ resourceGroupName: 'rg', location, addressSpace: [space] });

function stackIn(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes a whole App (cross-stack references resolved) and returns the error messages. */
function appErrors(app: App): string[] {
  const thrown: string[] = [];
  try {
    app.synth();
  } catch (e) {
    thrown.push(...String((e as Error).message).split('\n').filter((l) => /\[[A-Z0-9-]+\]/.test(l)));
  }
  const annotated = app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => String(m.data)));
  return [...thrown, ...annotated.filter((m) => !thrown.some((t) => t.includes(m)))];
}

function newApp(): { app: App; done: () => void } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cas-'));
  return { app: new App({ outdir }), done: () => fs.rmSync(outdir, { recursive: true, force: true }) };
}

describe('several stacks, one App', () => {
  test('a hub and gateway in a connectivity stack, a spoke in a workload stack: no false SPOKE-NO-HUB-GATEWAY, peering through cross-stack references', () => {
    const { app, done } = newApp();
    try {
      const connectivity = stackIn(app, 'connectivity');
      const hub = new HubNetwork(connectivity, 'Hub', hubProps('10.0.0.0/22'));
      new VpnGateway(connectivity, 'Vpn', { hub });
      const workload = stackIn(app, 'workload');
      const spoke = new SpokePeering(workload, 'App', { hub, addressSpace: ['10.0.4.0/24'] });
      expect(hub.hasGateway).toBe(true);
      expect(appErrors(app)).toEqual([]);
      const json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'workload', 'cdk.tf.json'), 'utf8'));
      const hubToSpoke = json.resource.azurerm_virtual_network_peering[Object.keys(json.resource.azurerm_virtual_network_peering).find((k) => k.includes('HubToSpoke'))!];
      expect(hubToSpoke.virtual_network_name).toMatch(/terraform_remote_state/);
      expect(spoke.useRemoteGateways).toBe(true);
    } finally {
      done();
    }
  });

  test('a real overlap across two connected stacks is refused at synth, naming both ranges and the other stack', () => {
    const { app, done } = newApp();
    try {
      const connectivity = stackIn(app, 'connectivity');
      const hub = new HubNetwork(connectivity, 'Hub', hubProps('10.0.0.0/22'));
      new VpnGateway(connectivity, 'Vpn', { hub });
      const workload = stackIn(app, 'workload');
      new SpokePeering(workload, 'App', { hub, addressSpace: ['10.0.2.0/24'] });
      const errors = appErrors(app);
      expect(errors.join('\n')).toMatch(/\[NET-ADDRESS-OVERLAP\].*10\.0\.2\.0\/24 \(spoke workload\/App address space\) overlaps 10\.0\.0\.0\/22 \(hub connectivity\/Hub address space, stack connectivity\)/);
    } finally {
      done();
    }
  });

  test('two regions in two stacks: a site in one reaching a range of the other region\'s hub is refused', () => {
    const { app, done } = newApp();
    try {
      const weu = stackIn(app, 'weu');
      const neu = stackIn(app, 'neu');
      const hubWeu = new HubNetwork(weu, 'Hub', hubProps('10.1.0.0/22'));
      const hubNeu = new HubNetwork(neu, 'Hub', hubProps('10.2.0.0/22', 'northeurope'));
      new HubMesh(neu, 'Mesh', { members: [{ hub: hubWeu, regionPrefixes: ['10.1.0.0/16'] }, { hub: hubNeu, regionPrefixes: ['10.2.0.0/16'] }] });
      new VpnGateway(neu, 'Vpn', { hub: hubNeu }).addSite('Dc', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['10.1.2.0/24'] });
      expect(appErrors(app).join('\n')).toMatch(/\[NET-ADDRESS-OVERLAP\].*10\.1\.2\.0\/24 \(on-premises site neu\/Vpn\/Dc\) overlaps 10\.1\.0\.0\/22 \(hub weu\/Hub address space, stack weu\)/);
    } finally {
      done();
    }
  });

  test('unrelated stacks of one App (a gallery of examples) keep their own ranges', () => {
    const { app, done } = newApp();
    try {
      for (const id of ['a', 'b']) new HubNetwork(stackIn(app, id), 'Hub', hubProps('10.0.0.0/16'));
      expect(appErrors(app)).toEqual([]);
    } finally {
      done();
    }
  });

  test('within one stack an overlap is still refused when the construct is built', () => {
    const stack = newStack();
    new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/16'));
    expectValidationError(() => new HubNetwork(stack, 'Hub2', hubProps('10.0.1.0/24')), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.0.1.0/24');
  });
});

describe('one on-premises network reached several ways', () => {
  const circuit = (stack: TerraformStack, id: string, network: OnPremisesNetwork, location: string) => new ExpressRouteCircuit(stack, id, {
    resourceGroupName: 'rg', location, serviceProviderName: 'Equinix', peeringLocation: id === 'Ams' ? 'Amsterdam' : 'London', bandwidthInMbps: 1000, onPremisesNetwork: network,
  });

  test('two circuits in two peering locations and two VPN sites through two hubs reach one declared network: accepted', () => {
    const stack = newStack();
    const onPrem = new OnPremisesNetwork(stack, 'Datacenter', { prefixes: ['192.168.0.0/16'] });
    const ams = circuit(stack, 'Ams', onPrem, 'westeurope');
    const lon = circuit(stack, 'Lon', onPrem, 'uksouth');
    expect(ams.onPremisesPrefixes).toEqual(['192.168.0.0/16']);
    expect(lon.onPremisesPrefixes).toEqual(['192.168.0.0/16']);
    for (const [id, space, location] of [['HubWeu', '10.1.0.0/22', 'westeurope'], ['HubUks', '10.2.0.0/22', 'uksouth']]) {
      const hub = new HubNetwork(stack, id, hubProps(space, location));
      new VpnGateway(stack, `Vpn${id}`, { hub }).addSite('Dc1', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/16'], onPremisesNetwork: onPrem });
    }
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('the same prefixes through two hubs without a declared network are still refused (two networks)', () => {
    const stack = newStack();
    for (const [id, space] of [['HubA', '10.1.0.0/22'], ['HubB', '10.2.0.0/22']]) {
      const hub = new HubNetwork(stack, id, hubProps(space));
      const vpn = new VpnGateway(stack, `Vpn${id}`, { hub });
      const add = () => vpn.addSite('Dc1', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/16'] });
      if (id === 'HubA') add();
      else expectValidationError(add, 'NET-ADDRESS-OVERLAP', 'addressSpaces', '192.168.0.0/16');
    }
  });

  test('the declared network across stacks: a circuit in one stack, a site in another', () => {
    const { app, done } = newApp();
    try {
      const a = stackIn(app, 'a');
      const onPrem = new OnPremisesNetwork(a, 'Datacenter', { prefixes: ['192.168.0.0/16'] });
      const hubA = new HubNetwork(a, 'Hub', hubProps('10.1.0.0/22'));
      new VpnGateway(a, 'Vpn', { hub: hubA }).addSite('Dc', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/16'], onPremisesNetwork: onPrem });
      const b = stackIn(app, 'b');
      const hubB = new HubNetwork(b, 'Hub', hubProps('10.2.0.0/22'));
      new HubMesh(b, 'Mesh', { members: [{ hub: hubA, regionPrefixes: ['10.1.0.0/16'] }, { hub: hubB, regionPrefixes: ['10.2.0.0/16'] }] });
      new VpnGateway(b, 'Vpn', { hub: hubB }).addSite('Dc', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/16'], onPremisesNetwork: onPrem });
      expect(appErrors(app)).toEqual([]);
    } finally {
      done();
    }
  });

  test('a site prefix outside the declared network, and a network without prefixes, are refused (NET-ONPREM-NETWORK)', () => {
    const stack = newStack();
    const onPrem = new OnPremisesNetwork(stack, 'Datacenter', { prefixes: ['192.168.0.0/16'] });
    const vpn = new VpnGateway(stack, 'Vpn', { hub: new HubNetwork(stack, 'Hub', hubProps('10.1.0.0/22')) });
    expectValidationError(() => vpn.addSite('Dc', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['172.16.0.0/16'], onPremisesNetwork: onPrem }), 'NET-ONPREM-NETWORK', 'addressSpaces', '172.16.0.0/16');
    expectValidationError(() => new OnPremisesNetwork(stack, 'Empty', { prefixes: [] }), 'NET-ONPREM-NETWORK', 'prefixes');
    expectValidationError(() => new OnPremisesNetwork(stack, 'Clash', { prefixes: ['10.1.0.0/24'] }), 'NET-ADDRESS-OVERLAP', 'prefixes', '10.1.0.0/24');
  });
});

describe('several regions: HubMesh and RegionAddressPlan', () => {
  test('full mesh of three hubs: two peerings per pair, forwarded traffic, no gateway transit', () => {
    const stack = newStack();
    const members = ['10.1', '10.2', '10.3'].map((p, i) => ({ hub: new HubNetwork(stack, `Hub${i}`, hubProps(`${p}.0.0/22`)), regionPrefixes: [`${p}.0.0/16`] }));
    new HubMesh(stack, 'Mesh', { members });
    const peerings = resourcesOf(synthJson(stack), 'azurerm_virtual_network_peering');
    expect(peerings).toHaveLength(6);
    for (const p of peerings) expect(p).toMatchObject({ allow_forwarded_traffic: true, allow_gateway_transit: false, use_remote_gateways: false });
    expect(warningsAfterSynth(stack).join('\n')).toContain('NET-MESH-NO-ROUTER');
  });

  test('chosen pairs peer only those hubs', () => {
    const stack = newStack();
    const hubs = ['10.1', '10.2', '10.3'].map((p, i) => new HubNetwork(stack, `Hub${i}`, hubProps(`${p}.0.0/22`)));
    new HubMesh(stack, 'Mesh', { members: hubs.map((hub, i) => ({ hub, regionPrefixes: [`10.${i + 1}.0.0/16`] })), pairs: [{ first: hubs[0], second: hubs[1] }, { first: hubs[0], second: hubs[2] }] });
    expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_peering')).toHaveLength(4);
  });

  test('with firewalls, each firewall subnet routes the other region\'s supernet to the other firewall', () => {
    const stack = newStack();
    const members = ['10.1', '10.2'].map((p, i) => {
      const hub = new HubNetwork(stack, `Hub${i}`, hubProps(`${p}.0.0/22`, i === 0 ? 'westeurope' : 'northeurope'));
      return { hub, regionPrefixes: [`${p}.0.0/16`], firewall: new HubFirewall(stack, `Fw${i}`, { hub }) };
    });
    new HubMesh(stack, 'Mesh', { members });
    const json = synthJson(stack);
    const tables = resourcesOf(json, 'azurerm_route_table').filter((t) => t.route.some((r: any) => r.name.startsWith('to-test-hub')));
    expect(tables).toHaveLength(2);
    expect(tables[0].route).toEqual(expect.arrayContaining([
      expect.objectContaining({ address_prefix: '0.0.0.0/0', next_hop_type: 'Internet' }),
      expect.objectContaining({ address_prefix: '10.2.0.0/16', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: expect.stringMatching(/azurerm_firewall\..*Fw1/) }),
    ]));
    expect(tables[0].bgp_route_propagation_enabled).toBe(true);
    expect(warningsAfterSynth(stack).join('\n')).not.toContain('NET-MESH-NO-ROUTER');
  });

  test('bad meshes are refused (NET-HUB-MESH)', () => {
    const stack = newStack();
    const a = new HubNetwork(stack, 'A', hubProps('10.1.0.0/22'));
    const b = new HubNetwork(stack, 'B', hubProps('10.2.0.0/22'));
    const c = new HubNetwork(stack, 'C', hubProps('10.3.0.0/22'));
    expectValidationError(() => new HubMesh(stack, 'M1', { members: [{ hub: a, regionPrefixes: ['10.1.0.0/16'] }] }), 'NET-HUB-MESH', 'members', 1);
    expectValidationError(() => new HubMesh(stack, 'M2', { members: [{ hub: a, regionPrefixes: ['10.1.0.0/16'] }, { hub: b, regionPrefixes: ['10.1.128.0/17'] }] }), 'NET-HUB-MESH', 'members[1].regionPrefixes');
    expectValidationError(() => new HubMesh(stack, 'M3', { members: [{ hub: a, regionPrefixes: ['10.9.0.0/16'] }, { hub: b, regionPrefixes: ['10.2.0.0/16'] }] }), 'NET-HUB-MESH', 'members[0].regionPrefixes');
    expectValidationError(() => new HubMesh(stack, 'M4', { members: [{ hub: a, regionPrefixes: ['10.1.0.0/16'] }, { hub: b, regionPrefixes: ['10.2.0.0/16'] }], pairs: [{ first: a, second: c }] }), 'NET-HUB-MESH', 'pairs[0]');
    expectValidationError(() => new HubMesh(stack, 'M5', { members: [{ hub: a, regionPrefixes: ['10.1.0.0/16'] }, { hub: b, regionPrefixes: ['10.2.0.0/16'] }], pairs: [{ first: a, second: b }, { first: b, second: a }] }), 'NET-HUB-MESH', 'pairs[1]');
  });

  test('RegionAddressPlan carves the hub and spokes from one supernet per region', () => {
    const plan = RegionAddressPlan.fromSupernet('10.1.0.0/16');
    expect(plan.hubAddressSpace).toBe('10.1.0.0/22');
    expect(plan.nextSpoke()).toBe('10.1.4.0/24');
    expect(plan.nextSpoke(22)).toBe('10.1.8.0/22');
    expect(plan.nextSpoke(24)).toBe('10.1.5.0/24');
    expectValidationError(() => RegionAddressPlan.fromSupernet('10.1.0.0/16', { hubPrefixLength: NaN }), 'NET-HUB-MESH', 'hubPrefixLength');
    expectValidationError(() => RegionAddressPlan.fromSupernet('10.1.0.0/30').nextSpoke(24), 'NET-HUB-MESH', 'hubPrefixLength');
    expectValidationError(() => plan.nextSpoke(Infinity), 'NET-HUB-MESH', 'prefixLength');
  });
});

describe('point-to-site on VpnGateway', () => {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';

  test('Entra ID: OpenVPN, tenant/issuer URLs, the Microsoft-registered audience, a third ip_configuration when active-active, pool claimed, custom routes', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const vpn = new VpnGateway(stack, 'Vpn', { hub, pointToSite: { clientAddressPool: ['172.16.200.0/24'], entraId: { tenantId }, customRoutes: ['10.2.0.0/16'], dnsServers: ['10.0.0.132'] } });
    const json = synthJson(stack);
    const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
    expect(gw.ip_configuration).toHaveLength(3);
    expect(resourcesOf(json, 'azurerm_public_ip')).toHaveLength(3);
    expect(gw.vpn_client_configuration).toMatchObject({
      address_space: ['172.16.200.0/24'],
      vpn_client_protocols: ['OpenVPN'],
      vpn_auth_types: ['AAD'],
      aad_tenant: `https://login.microsoftonline.com/${tenantId}/`,
      aad_issuer: `https://sts.windows.net/${tenantId}/`,
      aad_audience: 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8',
    });
    expect(gw.custom_route).toEqual({ address_prefixes: ['10.2.0.0/16'] });
    expect(gw.bgp_settings.peering_addresses).toHaveLength(2);
    expect(vpn.pointToSite!.dnsServers).toEqual(['10.0.0.132']);
    expect(errorsAfterSynth(stack)).toEqual([]);
    const runbook = Testing.synth(stack); // runbook is a lazy section: check it renders through the construct
    expect(runbook).toBeDefined();
    expectValidationError(() => new HubNetwork(stack, 'Other', hubProps('172.16.200.0/25')), 'NET-ADDRESS-OVERLAP', 'addressSpace', '172.16.200.0/25');
  });

  test('certificates: OpenVPN and IKEv2 by default, root certificate block', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    new VpnGateway(stack, 'Vpn', { hub, activeActive: false, pointToSite: { clientAddressPool: ['172.16.201.0/24'], rootCertificates: [{ name: 'Root', publicCertData: 'MIIC5zCCAc+gAwIBAgIQ' }] } });
    const gw = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway');
    expect(gw.ip_configuration).toHaveLength(1);
    expect(gw.vpn_client_configuration).toMatchObject({ vpn_client_protocols: ['OpenVPN', 'IkeV2'], vpn_auth_types: ['Certificate'], root_certificate: [{ name: 'Root', public_cert_data: 'MIIC5zCCAc+gAwIBAgIQ' }] });
  });

  test("the client profile's DNS servers default to the hub's DNS Private Resolver, declared before or after the gateway", () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    new VpnGateway(stack, 'Vpn', { hub, activeActive: false, pointToSite: { clientAddressPool: ['172.16.201.0/24'], rootCertificates: [{ name: 'Root', publicCertData: 'MIIC5zCCAc+gAwIBAgIQ' }] } });
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub, onPremisesDomains: { 'corp.contoso.com': ['192.168.10.4'] } });
    synthJson(stack);
    expect(resolver.inboundEndpointIp).toMatch(/^10\.0\.\d+\.\d+$/);
    expect(Runbook.of(stack).render()).toContain(`<dnsserver>${resolver.inboundEndpointIp}</dnsserver>`);
  });

  test("the hub's own DNS servers come first; given dnsServers win over both", () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...hubProps('10.0.0.0/22'), dnsServers: ['10.0.0.100'] });
    new DnsPrivateResolver(stack, 'Dns', { hub, onPremisesDomains: { 'corp.contoso.com': ['192.168.10.4'] } });
    new VpnGateway(stack, 'Vpn', { hub, activeActive: false, pointToSite: { clientAddressPool: ['172.16.201.0/24'], rootCertificates: [{ name: 'Root', publicCertData: 'MIIC5zCCAc+gAwIBAgIQ' }] } });
    const other = newStack('other');
    const hub2 = new HubNetwork(other, 'Hub', { ...hubProps('10.0.0.0/22'), dnsServers: ['10.0.0.100'] });
    new VpnGateway(other, 'Vpn', { hub: hub2, activeActive: false, pointToSite: { clientAddressPool: ['172.16.201.0/24'], rootCertificates: [{ name: 'Root', publicCertData: 'MIIC5zCCAc+gAwIBAgIQ' }], dnsServers: [] } });
    synthJson(stack);
    synthJson(other);
    expect(Runbook.of(stack).render()).toContain('<dnsserver>10.0.0.100</dnsserver>');
    expect(Runbook.of(stack).render()).not.toContain('<dnsserver>10.0.1');
    expect(Runbook.of(other).render()).not.toContain('<dnsserver>');
  });

  test('bad point-to-site values are refused (VPN-P2S-AUTH)', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    let n = 0;
    const gw = (pointToSite: any) => () => new VpnGateway(stack, `Vpn${n++}`, { hub, pointToSite });
    expectValidationError(gw({ clientAddressPool: ['172.16.0.0/24'] }), 'VPN-P2S-AUTH', 'pointToSite');
    expectValidationError(gw({ clientAddressPool: [], entraId: { tenantId } }), 'VPN-P2S-AUTH', 'pointToSite.clientAddressPool');
    expectValidationError(gw({ clientAddressPool: ['172.16.0.0/24'], entraId: { tenantId: 'contoso' } }), 'VPN-P2S-AUTH', 'pointToSite.entraId.tenantId', 'contoso');
    expectValidationError(gw({ clientAddressPool: ['172.16.0.0/24'], entraId: { tenantId }, protocols: [VpnClientProtocol.IKE_V2] }), 'VPN-P2S-AUTH', 'pointToSite.protocols');
    expectValidationError(gw({ clientAddressPool: ['172.16.0.0/24'], rootCertificates: [{ name: 'R', publicCertData: '-----BEGIN CERTIFICATE-----\nMIIC' }] }), 'VPN-P2S-AUTH', 'pointToSite.rootCertificates[0].publicCertData');
    expectValidationError(gw({ clientAddressPool: ['10.0.1.0/24'], entraId: { tenantId } }), 'NET-ADDRESS-OVERLAP', 'pointToSite.clientAddressPool', '10.0.1.0/24');
  });

  test('an escape hatch adding IKEv2 to Entra ID is refused at synth (VPN-P2S-ENTRA)', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const vpn = new VpnGateway(stack, 'Vpn', { hub, pointToSite: { clientAddressPool: ['172.16.200.0/24'], entraId: { tenantId } } });
    vpn.gateway.addOverride('vpn_client_configuration.vpn_client_protocols', ['OpenVPN', 'IkeV2']);
    expect(errorsAfterSynth(stack).join('\n')).toContain('VPN-P2S-ENTRA');
  });

  test('tenant id and certificate data may be Terraform expressions', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const tenant = new TerraformVariable(stack, 'tenant', { type: 'string' }).stringValue;
    const cert = new TerraformVariable(stack, 'cert', { type: 'string' }).stringValue;
    new VpnGateway(stack, 'Vpn', { hub, pointToSite: { clientAddressPool: ['172.16.200.0/24'], entraId: { tenantId: tenant }, rootCertificates: [{ name: 'R', publicCertData: cert }] } });
    const gw = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway');
    expect(gw.vpn_client_configuration.aad_tenant).toBe('https://login.microsoftonline.com/${var.tenant}/');
  });
});

describe('2025-2026 platform rules', () => {
  test('non-AZ VpnGw1-5 are refused (VPN-SKU-LEGACY) with the AZ SKU of the same size as the fix', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const error = expectValidationError(() => new VpnGateway(stack, 'Vpn', { hub, sku: VpnGatewaySku.VPN_GW3 }), 'VPN-SKU-LEGACY', 'sku', 'VpnGw3');
    expect(error.message).toContain('VPN_GW3_AZ');
  });

  test('site-to-site tunnels are counted over sites and instances (VPN-S2S-TUNNELS)', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const vpn = new VpnGateway(stack, 'Vpn', { hub });
    for (let i = 0; i < 16; i++) vpn.addSite(`S${i}`, { device: VpnDevice.address('203.0.113.10'), addressSpaces: [`192.168.${i}.0/24`] });
    expect(vpn.maxSiteToSiteTunnels).toBe(30);
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-S2S-TUNNELS\].*16 sites on an active-active gateway make 32 site-to-site tunnels; VpnGw2AZ allows 30/);
    const ok = newStack();
    const big = new VpnGateway(ok, 'Vpn', { hub: new HubNetwork(ok, 'Hub', hubProps('10.0.0.0/22')), sku: VpnGatewaySku.VPN_GW4_AZ });
    for (let i = 0; i < 16; i++) big.addSite(`S${i}`, { device: VpnDevice.address('203.0.113.10'), addressSpaces: [`192.168.${i}.0/24`] });
    expect(errorsAfterSynth(ok)).toEqual([]);
  });

  test('a second VPN gateway, or a second ExpressRoute gateway, in one hub is refused through NET-GATEWAY-PER-VNET', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    new VpnGateway(stack, 'Vpn', { hub });
    new VpnGateway(stack, 'Vpn2', { hub });
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[NET-GATEWAY-PER-VNET\] test\/Vpn2/);
    const er = newStack();
    const erHub = new HubNetwork(er, 'Hub', hubProps('10.0.0.0/22'));
    new ExpressRouteGateway(er, 'Er', { hub: erHub });
    new ExpressRouteGateway(er, 'Er2', { hub: erHub });
    new VpnGateway(er, 'Vpn', { hub: erHub });
    const errors = errorsAfterSynth(er).join('\n');
    expect(errors).toMatch(/\[NET-GATEWAY-PER-VNET\] test\/Er2/);
    expect(errors).not.toMatch(/\[NET-GATEWAY-PER-VNET\] test\/Vpn/);
  });

  test('region names: display names and typos are refused with a suggestion (NET-REGION); expressions pass', () => {
    const stack = newStack();
    const e1 = expectValidationError(() => new HubNetwork(stack, 'H1', hubProps('10.0.0.0/22', 'West Europe')), 'NET-REGION', 'location', 'West Europe');
    expect(e1.message).toContain('did you mean `westeurope`');
    const e2 = expectValidationError(() => new HubNetwork(stack, 'H2', hubProps('10.1.0.0/22', 'westeurop')), 'NET-REGION', 'location', 'westeurop');
    expect(e2.message).toContain("use 'westeurope'");
    expectValidationError(() => new HubNetwork(stack, 'H3', hubProps('10.2.0.0/22', 'mars')), 'NET-REGION', 'location', 'mars');
    new HubNetwork(stack, 'H4', hubProps('10.3.0.0/22', new TerraformVariable(stack, 'loc', { type: 'string' }).stringValue));
    expect(suggestRegion('North Europe')).toBe('northeurope');
    expect(suggestRegion('x'.repeat(1000))).toBeUndefined();
  });
});

describe('fuzz-review defects', () => {
  test('NAT rule ids derived per instance cannot collide (n dynamic, then nInstance1)', () => {
    const stack = newStack();
    const vpn = new VpnGateway(stack, 'Vpn', { hub: new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22')) });
    const mapping = { mode: VpnNatMode.EGRESS_SNAT, type: VpnNatType.DYNAMIC, internalAddressSpaces: ['10.0.0.0/24'], externalAddressSpaces: ['100.64.0.0/26'] };
    vpn.addNatRule('n', mapping);
    expectValidationError(() => vpn.addNatRule('nInstance1', { ...mapping, type: VpnNatType.STATIC, externalAddressSpaces: ['100.64.1.0/24'] }), 'NAME-DUPLICATE', 'id', 'nInstance1');
  });

  test('empty and __proto__ ids are ValidationErrors in addSite, addSpoke and addNatRule', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    const vpn = new VpnGateway(stack, 'Vpn', { hub });
    expectValidationError(() => vpn.addSite('', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/24'] }), 'NAME-INVALID', 'id');
    expectValidationError(() => hub.addSpoke('', { addressSpace: ['10.9.0.0/24'] }), 'NAME-INVALID', 'id');
    expectValidationError(() => hub.addSpoke('__proto__', { addressSpace: ['10.9.0.0/24'] }), 'NAME-INVALID', 'id');
    expectValidationError(() => vpn.addNatRule('', { mode: VpnNatMode.EGRESS_SNAT, internalAddressSpaces: ['10.0.0.0/24'], externalAddressSpaces: ['100.64.0.0/24'] }), 'NAME-INVALID', 'id');
  });

  test('NaN and Infinity in network number props are refused', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', hubProps('10.0.0.0/22'));
    expectValidationError(() => hub.addSubnet('a', { prefixLength: NaN }), 'NET-CIDR-INVALID', 'prefixLength');
    expectValidationError(() => new HubNetwork(stack, 'H2', { ...hubProps('10.5.0.0/22'), gatewaySubnetPrefixLength: Infinity }), 'NET-GWSUBNET-SIZE', 'gatewaySubnetPrefixLength');
    const vpn = new VpnGateway(stack, 'Vpn', { hub });
    expectValidationError(() => vpn.addSite('S', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/24'], routingWeight: NaN }), 'VPN-CONNECTION-WEIGHT', 'routingWeight');
    expectValidationError(() => vpn.addSite('T', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.1.0/24'], dpdTimeoutSeconds: Infinity }), 'VPN-CONNECTION-DPD', 'dpdTimeoutSeconds');
    expectValidationError(() => new VpnGateway(newStack(), 'V', { hub: new HubNetwork(stack, 'H3', hubProps('10.6.0.0/22')), asn: NaN }), 'VPN-BGP-ASN', 'asn');
    expectValidationError(() => new ExpressRouteCircuit(stack, 'C', { resourceGroupName: 'rg', location: 'westeurope', serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: NaN }), 'ER-CIRCUIT-BANDWIDTH', 'bandwidthInMbps');
  });
});
