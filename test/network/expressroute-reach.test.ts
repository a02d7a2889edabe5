import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  ExpressRouteCircuit,
  ExpressRouteCircuitProps,
  ExpressRouteGatewayPublicIp,
  ExpressRouteGlobalReach,
  ExpressRouteMicrosoftPeeringOptions,
  ExpressRouteRoutingRegistry,
  ExpressRouteSkuTier,
  HubNetwork,
  HybridConnectivity,
  OnPremisesNetwork,
  SharedKey,
  VpnDevice,
} from '../../lib';
import { Runbook } from '../../lib/core/outputs';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';
import { errorsAfterSynth, resourcesWithGates } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const PEER_ID = '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/tokyo';

/** A provider circuit with private peering; `n` keeps its prefixes apart from other circuits'. */
function circuitProps(peeringLocation: string, n: number, extra: Partial<ExpressRouteCircuitProps> = {}): ExpressRouteCircuitProps {
  return {
    ...base,
    serviceProviderName: 'Equinix',
    peeringLocation,
    bandwidthInMbps: 1000,
    privatePeering: { primaryPeerAddressPrefix: `192.168.${n}.0/30`, secondaryPeerAddressPrefix: `192.168.${n}.4/30`, vlanId: 100 + n, peerAsn: 65020 },
    onPremisesPrefixes: [`172.${16 + n}.0.0/16`],
    ...extra,
  };
}

const microsoft: ExpressRouteMicrosoftPeeringOptions = {
  primaryPeerAddressPrefix: '20.50.0.0/30',
  secondaryPeerAddressPrefix: '20.50.0.4/30',
  vlanId: 300,
  peerAsn: 64600,
  advertisedPublicPrefixes: ['20.50.1.0/24'],
  routingRegistryName: ExpressRouteRoutingRegistry.RIPENCC,
  routeFilterCommunities: ['12076:5010', '12076:51002'],
};

function withMicrosoftPeering(options: Partial<ExpressRouteMicrosoftPeeringOptions>, stack: TerraformStack = newStack()): ExpressRouteCircuit {
  return new ExpressRouteCircuit(stack, 'Circuit', circuitProps('Amsterdam', 1, { microsoftPeering: { ...microsoft, ...options } }));
}

describe('ExpressRoute Microsoft peering with a route filter', () => {
  test('the peering uses a route filter that allows the communities, on its own VLAN, in phase 1', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    withMicrosoftPeering({}, stack);
    // THEN
    const json = synthJson(stack);
    const filter = onlyResource(json, 'azurerm_route_filter');
    expect(filter.rule).toEqual([{ name: 'allow-communities', access: 'Allow', rule_type: 'Community', communities: ['12076:5010', '12076:51002'] }]);
    expect(filter.location).toBe('westeurope');
    const peerings = resourcesOf(json, 'azurerm_express_route_circuit_peering');
    const ms = peerings.find((p) => p.peering_type === 'MicrosoftPeering');
    expect(ms).toMatchObject({
      vlan_id: 300,
      peer_asn: 64600,
      primary_peer_address_prefix: '20.50.0.0/30',
      route_filter_id: expect.stringMatching(/^\$\{azurerm_route_filter\.Circuit_RouteFilter_.*\.id\}$/),
      microsoft_peering_config: { advertised_public_prefixes: ['20.50.1.0/24'], routing_registry_name: 'RIPENCC' },
    });
    // Not gated: the provider's acceptance test configures Microsoft peering on an unprovisioned circuit.
    expect(ms.count).toBeUndefined();
    expect(peerings.map((p) => p.peering_type).sort()).toEqual(['AzurePrivatePeering', 'MicrosoftPeering']);
  });

  test('the runbook tells the network team the public links, the NAT pool, validation and the communities', () => {
    const stack = newStack();
    withMicrosoftPeering({}, stack);
    synthJson(stack);
    const text = Runbook.of(stack).render();
    expect(text).toContain('**Microsoft peering**');
    expect(text).toContain('| primary | 20.50.0.0/30 |');
    expect(text).toContain('advertisedPublicPrefixesState');
    expect(text).toContain('`12076:5010`');
    expect(text).toContain('BFD');
  });

  test.each([
    ['a private /30 link', { primaryPeerAddressPrefix: '10.1.0.0/30' }, 'microsoftPeering.primaryPeerAddressPrefix', '10.1.0.0/30'],
    ['a shared-address /30 link', { secondaryPeerAddressPrefix: '100.64.0.4/30' }, 'microsoftPeering.secondaryPeerAddressPrefix', '100.64.0.4/30'],
    ['a private advertised prefix', { advertisedPublicPrefixes: ['20.50.1.0/24', '192.168.0.0/24'] }, 'microsoftPeering.advertisedPublicPrefixes[1]', '192.168.0.0/24'],
    ['the default route', { advertisedPublicPrefixes: ['0.0.0.0/0'] }, 'microsoftPeering.advertisedPublicPrefixes[0]', '0.0.0.0/0'],
    ['no advertised prefix', { advertisedPublicPrefixes: [] }, 'microsoftPeering.advertisedPublicPrefixes', []],
  ])('ER-MSPEERING-PUBLIC refuses %s', (_what, options, prop, value) => {
    expectValidationError(() => withMicrosoftPeering(options), 'ER-MSPEERING-PUBLIC', prop, value);
  });

  test('ER-MSPEERING-PREFIX-LIMIT refuses more than 200 advertised prefixes', () => {
    const prefixes = Array.from({ length: 201 }, (_, i) => `20.${60 + Math.floor(i / 200)}.${i % 200}.0/24`);
    expectValidationError(() => withMicrosoftPeering({ advertisedPublicPrefixes: prefixes }), 'ER-MSPEERING-PREFIX-LIMIT', 'microsoftPeering.advertisedPublicPrefixes', '201 prefixes');
    // 200 is accepted.
    expect(() => withMicrosoftPeering({ advertisedPublicPrefixes: prefixes.slice(0, 200) })).not.toThrow();
  });

  test('ER-MSPEERING-REGISTRY refuses a registry Microsoft does not validate against', () => {
    expectValidationError(() => withMicrosoftPeering({ routingRegistryName: 'NONE' as ExpressRouteRoutingRegistry }), 'ER-MSPEERING-REGISTRY', 'microsoftPeering.routingRegistryName', 'NONE');
  });

  test.each([
    ['no community', [], 'microsoftPeering.routeFilterCommunities'],
    ['a community not of Microsoft', ['65000:100'], 'microsoftPeering.routeFilterCommunities[0]'],
    ['a Microsoft ASN with a non-service value', ['12076:20000'], 'microsoftPeering.routeFilterCommunities[0]'],
    ['a community twice', ['12076:5010', '12076:5010'], 'microsoftPeering.routeFilterCommunities[1]'],
  ])('ER-MSPEERING-ROUTE-FILTER refuses %s', (_what, communities, prop) => {
    expectValidationError(() => withMicrosoftPeering({ routeFilterCommunities: communities }), 'ER-MSPEERING-ROUTE-FILTER', prop);
  });

  test("ER-PEERING-VLAN refuses Microsoft peering on the private peering's VLAN", () => {
    expectValidationError(() => withMicrosoftPeering({ vlanId: 101 }), 'ER-PEERING-VLAN', 'microsoftPeering.vlanId', 101);
  });

  test('the /30 links, VLAN and ASN are checked as for private peering', () => {
    expectValidationError(() => withMicrosoftPeering({ primaryPeerAddressPrefix: '20.50.0.0/29' }), 'ER-PEERING-PREFIX', 'microsoftPeering.primaryPeerAddressPrefix');
    expectValidationError(() => withMicrosoftPeering({ secondaryPeerAddressPrefix: '20.50.0.0/30' }), 'ER-PEERING-PREFIX', 'microsoftPeering.secondaryPeerAddressPrefix');
    expectValidationError(() => withMicrosoftPeering({ vlanId: 5000 }), 'ER-PEERING-VLAN', 'microsoftPeering.vlanId', 5000);
    expectValidationError(() => withMicrosoftPeering({ md5SharedKey: SharedKey.generate(32) }), 'ER-SHARED-KEY-LENGTH', 'microsoftPeering.md5SharedKey');
  });

  test('a JavaScript caller without advertisedPublicPrefixes gets PROP-REQUIRED, not a TypeError', () => {
    const { advertisedPublicPrefixes: _left, ...rest } = microsoft;
    expectValidationError(
      () => new ExpressRouteCircuit(newStack(), 'Circuit', circuitProps('Amsterdam', 1, { microsoftPeering: rest as ExpressRouteMicrosoftPeeringOptions })),
      'PROP-REQUIRED',
      'microsoftPeering.advertisedPublicPrefixes',
    );
  });

  test('expressions are accepted for prefixes and communities and printed in the runbook', () => {
    const stack = newStack();
    const prefixes = new TerraformVariable(stack, 'nat_pool', { type: 'list(string)' });
    const communities = new TerraformVariable(stack, 'communities', { type: 'list(string)' });
    withMicrosoftPeering({ advertisedPublicPrefixes: prefixes.listValue, routeFilterCommunities: communities.listValue }, stack);
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_route_filter').rule[0].communities).toBe('${var.communities}');
  });
});

describe('ExpressRoute Global Reach', () => {
  function twoSites(stack = newStack(), second: Partial<ExpressRouteCircuitProps> = {}) {
    const london = new ExpressRouteCircuit(stack, 'London', circuitProps('London', 1));
    const amsterdam = new ExpressRouteCircuit(stack, 'Amsterdam', circuitProps('Amsterdam', 2, second));
    return { stack, london, amsterdam };
  }

  test('links the private peerings of two circuits of this stack behind a gate of its own, with preconditions on both', () => {
    // GIVEN
    const { stack, london, amsterdam } = twoSites();
    // WHEN
    new ExpressRouteGlobalReach(stack, 'LondonAmsterdam', { circuit: london, peerCircuit: amsterdam, addressPrefixIpv4: '192.168.250.0/29' });
    // THEN: nothing in phase 1 nor with one circuit's gate open
    const json = synthJson(stack);
    expect(resourcesWithGates(json, 'azurerm_express_route_circuit_connection')).toHaveLength(0);
    expect(resourcesWithGates(json, 'azurerm_express_route_circuit_connection', { london_provisioned: true })).toHaveLength(0);
    const [link] = resourcesWithGates(json, 'azurerm_express_route_circuit_connection', { london_amsterdam_circuits_provisioned: true });
    expect(link).toMatchObject({
      peering_id: expect.stringMatching(/^\$\{azurerm_express_route_circuit_peering\.London_PrivatePeering_.*\.id\}$/),
      peer_peering_id: expect.stringMatching(/^\$\{azurerm_express_route_circuit_peering\.Amsterdam_PrivatePeering_.*\.id\}$/),
      address_prefix_ipv4: '192.168.250.0/29',
    });
    expect(link.authorization_key).toBeUndefined();
    expect(link.lifecycle.precondition.map((p: any) => p.condition)).toEqual([
      expect.stringMatching(/azurerm_express_route_circuit\.London_.*\.service_provider_provisioning_state == "Provisioned"/),
      expect.stringMatching(/azurerm_express_route_circuit\.Amsterdam_.*\.service_provider_provisioning_state == "Provisioned"/),
    ]);
    expect(json.variable.london_amsterdam_circuits_provisioned).toMatchObject({ type: 'bool', default: false });
    expect(Runbook.of(stack).render()).toContain('cdktf deploy test --var=\'london_amsterdam_circuits_provisioned=true\'');
  });

  test('with an existing circuit of another subscription: its authorization key, behind the own circuit gate', () => {
    const stack = newStack();
    const london = new ExpressRouteCircuit(stack, 'London', circuitProps('London', 1));
    const key = new TerraformVariable(stack, 'tokyo_auth', { type: 'string', sensitive: true });
    const tokyo = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Tokyo', { circuitId: PEER_ID, onPremisesPrefixes: ['172.30.0.0/16'], authorizationKey: key.stringValue, peeringLocation: 'Tokyo' });
    new ExpressRouteGlobalReach(stack, 'LondonTokyo', { circuit: london, peerCircuit: tokyo, addressPrefixIpv4: '192.168.251.0/29' });
    const json = synthJson(stack);
    const [link] = resourcesWithGates(json, 'azurerm_express_route_circuit_connection', { london_provisioned: true });
    expect(link.peer_peering_id).toBe(`${PEER_ID}/peerings/AzurePrivatePeering`);
    expect(link.authorization_key).toBe('${var.tokyo_auth}');
    expect(link.count).toBe('${var.london_provisioned ? 1 : 0}');
    expect(Object.keys(json.variable).filter((v) => v.endsWith('_provisioned'))).toEqual(['london_provisioned']);
  });

  test('ER-GLOBALREACH-PREFIX refuses a prefix that is not a /29', () => {
    const { stack, london, amsterdam } = twoSites();
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: amsterdam, addressPrefixIpv4: '192.168.250.0/28' }), 'ER-GLOBALREACH-PREFIX', 'addressPrefixIpv4', '192.168.250.0/28');
  });

  test('the /29 is claimed in the address plan: one overlapping the hub is refused', () => {
    const { stack, london, amsterdam } = twoSites();
    new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: amsterdam, addressPrefixIpv4: '10.0.8.0/29' }), 'NET-ADDRESS-OVERLAP', 'addressPrefixIpv4');
  });

  test('ER-GLOBALREACH-PEERING refuses a circuit of this stack without private peering', () => {
    const { stack, london } = twoSites();
    const bare = new ExpressRouteCircuit(stack, 'Bare', { ...circuitProps('Paris', 3), privatePeering: undefined });
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: bare, addressPrefixIpv4: '192.168.250.0/29' }), 'ER-GLOBALREACH-PEERING', 'peerCircuit', 'test/Bare');
  });

  test('ER-GLOBALREACH-CIRCUITS refuses the same peering location, the same circuit, a Local circuit and a pair linked twice', () => {
    const { stack, london } = twoSites();
    const london2 = new ExpressRouteCircuit(stack, 'London2', circuitProps('london', 3));
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'SamePlace', { circuit: london, peerCircuit: london2, addressPrefixIpv4: '192.168.250.0/29' }), 'ER-GLOBALREACH-CIRCUITS', 'peerCircuit', 'london');
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'Self', { circuit: london, peerCircuit: london, addressPrefixIpv4: '192.168.250.8/29' }), 'ER-GLOBALREACH-CIRCUITS', 'peerCircuit');
    const local = new ExpressRouteCircuit(stack, 'Local', circuitProps('Paris', 4, { skuTier: ExpressRouteSkuTier.LOCAL }));
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'ToLocal', { circuit: london, peerCircuit: local, addressPrefixIpv4: '192.168.250.16/29' }), 'ER-GLOBALREACH-CIRCUITS', 'peerCircuit', 'test/Local (Local)');
  });

  test('ER-GLOBALREACH-CIRCUITS refuses linking a pair twice, whichever side it is configured on', () => {
    const { stack, london, amsterdam } = twoSites();
    new ExpressRouteGlobalReach(stack, 'First', { circuit: london, peerCircuit: amsterdam, addressPrefixIpv4: '192.168.250.0/29' });
    expectValidationError(() => new ExpressRouteGlobalReach(stack, 'Again', { circuit: amsterdam, peerCircuit: london, addressPrefixIpv4: '192.168.250.8/29' }), 'ER-GLOBALREACH-CIRCUITS', 'peerCircuit', 'test/London');
  });

  test('ER-AUTHORIZATION-KEY refuses a literal authorization key', () => {
    const { stack, london } = twoSites();
    const tokyo = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Tokyo', { circuitId: PEER_ID, onPremisesPrefixes: ['172.30.0.0/16'] });
    expectValidationError(
      () => new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: tokyo, addressPrefixIpv4: '192.168.250.0/29', authorizationKey: '846a1918-b7a2-4917-b43c-8c4cdaee006a' }),
      'ER-AUTHORIZATION-KEY',
      'authorizationKey',
      '(literal, 36 characters)',
    );
  });

  test('VPN-SHARED-KEY-LITERAL catches a literal glued to an expression in the final authorization key', () => {
    const { stack, london } = twoSites();
    const tokyo = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Tokyo', { circuitId: PEER_ID, onPremisesPrefixes: ['172.30.0.0/16'] });
    const suffix = new TerraformVariable(stack, 'suffix', { type: 'string' });
    new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: tokyo, addressPrefixIpv4: '192.168.250.0/29', authorizationKey: `846a1918-b7a2-4917-${suffix.stringValue}` });
    expect(errorsAfterSynth(stack).join('\n')).toContain('[VPN-SHARED-KEY-LITERAL]');
  });

  test('ER-GLOBALREACH-SAME-NETWORK warns when both circuits reach the same declared on-premises network', () => {
    const stack = newStack();
    const dc = new OnPremisesNetwork(stack, 'Dc', { prefixes: ['172.16.0.0/12'] });
    const a = new ExpressRouteCircuit(stack, 'A', circuitProps('London', 1, { onPremisesNetwork: dc, onPremisesPrefixes: undefined }));
    const b = new ExpressRouteCircuit(stack, 'B', circuitProps('Amsterdam', 2, { onPremisesNetwork: dc, onPremisesPrefixes: undefined }));
    new ExpressRouteGlobalReach(stack, 'Link', { circuit: a, peerCircuit: b, addressPrefixIpv4: '192.168.250.0/29' });
    expect(warningsAfterSynth(stack).join('\n')).toContain('[ER-GLOBALREACH-SAME-NETWORK]');
  });

  test('the address prefix may be an expression', () => {
    const { stack, london, amsterdam } = twoSites();
    const prefix = new TerraformVariable(stack, 'gr_prefix', { type: 'string' });
    new ExpressRouteGlobalReach(stack, 'Link', { circuit: london, peerCircuit: amsterdam, addressPrefixIpv4: prefix.stringValue });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_express_route_circuit_connection')[0].address_prefix_ipv4).toBe('${var.gr_prefix}');
  });
});

describe('HybridConnectivity with two circuits (maximum resiliency)', () => {
  function resilient(secondLocation: string) {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const dc = new OnPremisesNetwork(stack, 'Dc', { prefixes: ['172.16.0.0/12'] });
    const primary = new ExpressRouteCircuit(stack, 'Primary', circuitProps('Amsterdam', 1, { onPremisesNetwork: dc, onPremisesPrefixes: undefined }));
    const secondary = new ExpressRouteCircuit(stack, 'Secondary', circuitProps(secondLocation, 2, { onPremisesNetwork: dc, onPremisesPrefixes: undefined }));
    return { stack, hub, primary, secondary };
  }

  test('connects both circuits to one gateway with their weights, each behind its own circuit gate', () => {
    // GIVEN
    const { stack, hub, primary, secondary } = resilient('London');
    // WHEN
    const hybrid = HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: primary, secondaryCircuit: secondary, circuitRoutingWeight: 100, secondaryCircuitRoutingWeight: 10 });
    // THEN
    expect(hybrid.secondaryCircuit).toBe(secondary);
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway')).toHaveLength(1);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { primary_provisioned: true })).toEqual([expect.objectContaining({ routing_weight: 100 })]);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { secondary_provisioned: true })).toEqual([expect.objectContaining({ routing_weight: 10 })]);
    expect(warningsAfterSynth(stack).join('\n')).not.toContain('[ER-RESILIENCY]');
    expect(Runbook.of(stack).render()).toContain("open gate `secondary_provisioned`: `cdktf deploy test --var='secondary_provisioned=true'`");
  });

  test('ER-RESILIENCY warns when both circuits share a peering location', () => {
    const { stack, hub, primary, secondary } = resilient('amsterdam');
    HybridConnectivity.expressRouteWithVpnFailover(stack, 'Hybrid', { hub, circuit: primary, secondaryCircuit: secondary });
    expect(warningsAfterSynth(stack).join('\n')).toContain('[ER-RESILIENCY]');
  });

  test('ER-CONNECTION-CIRCUIT refuses the same circuit twice', () => {
    const { stack, hub, primary } = resilient('London');
    expectValidationError(() => HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: primary, secondaryCircuit: primary }), 'ER-CONNECTION-CIRCUIT', 'secondaryCircuit', 'test/Primary');
  });

  test("VPN-SHARED-KEY-LITERAL catches a literal glued into an existing circuit's authorization key on the gateway connection", () => {
    const { stack, hub } = resilient('London');
    const suffix = new TerraformVariable(stack, 'suffix', { type: 'string' });
    const partner = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: PEER_ID, onPremisesPrefixes: ['192.168.200.0/24'], authorizationKey: `846a1918-b7a2-4917-${suffix.stringValue}` });
    HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: partner });
    expect(errorsAfterSynth(stack).join('\n')).toContain('[VPN-SHARED-KEY-LITERAL]');
  });

  test('ER-CONNECTION-CIRCUIT refuses connecting a circuit to a gateway twice under two ids', () => {
    const { stack, hub, primary } = resilient('London');
    const hybrid = HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: primary });
    expectValidationError(() => hybrid.expressRouteGateway!.addConnection('Again', { circuit: primary }), 'ER-CONNECTION-CIRCUIT', 'circuit', 'test/Primary');
  });

  test('the ExpressRoute gateway public IP choice passes through the factory', () => {
    const { stack, hub, primary } = resilient('London');
    const hybrid = HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: primary, expressRouteGatewayPublicIp: ExpressRouteGatewayPublicIp.customerManaged() });
    hybrid.expressRouteGateway!.acknowledge('ER-GATEWAY-PUBLICIP-CUSTOMER', 'gateway created in 2024 with its own IP');
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_public_ip')).toHaveLength(1);
    expect(onlyResource(json, 'azurerm_virtual_network_gateway').ip_configuration[0].public_ip_address_id).toMatch(/azurerm_public_ip\./);
  });

  test('ER-CONNECTION-WEIGHT refuses a weight out of range', () => {
    const { stack, hub, primary, secondary } = resilient('London');
    expect(() => HybridConnectivity.expressRoute(stack, 'Hybrid', { hub, circuit: primary, secondaryCircuit: secondary, secondaryCircuitRoutingWeight: 40000 })).toThrow(/ER-CONNECTION-WEIGHT/);
  });
});

describe('Site-to-site VPN over ExpressRoute private peering', () => {
  function failover(vpnPrivateIpAddressEnabled?: boolean) {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const dc = new OnPremisesNetwork(stack, 'Dc', { prefixes: ['172.16.0.0/12'] });
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', circuitProps('Amsterdam', 1, { onPremisesNetwork: dc, onPremisesPrefixes: ['172.16.0.0/16'] }));
    const hybrid = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Hybrid', { hub, circuit, vpnPrivateIpAddressEnabled });
    return { stack, hybrid, circuit };
  }
  const overEr = (circuit: ExpressRouteCircuit, extra: object = {}) => ({ device: VpnDevice.address('172.16.0.10'), addressSpaces: ['172.16.10.0/24'], overExpressRoute: circuit, ...extra });

  test('the gateway has private IPs, the connection uses them, and the tunnel runbook points at them', () => {
    // GIVEN
    const { stack, hybrid, circuit } = failover(true);
    // WHEN
    hybrid.addSite('Encrypted', overEr(circuit));
    // THEN
    const json = synthJson(stack);
    const gateway = resourcesOf(json, 'azurerm_virtual_network_gateway').find((g) => g.type === 'Vpn');
    expect(gateway.private_ip_address_enabled).toBe(true);
    const ipsec = resourcesOf(json, 'azurerm_virtual_network_gateway_connection').find((c) => c.type === 'IPsec');
    expect(ipsec.local_azure_ip_address_enabled).toBe(true);
    expect(onlyResource(json, 'azurerm_local_network_gateway').gateway_address).toBe('172.16.0.10');
    const text = Runbook.of(stack).render();
    expect(text).toContain('one to each Azure private IP');
    expect(text).toContain('tunnelIpAddresses');
  });

  test('a site over the internet stays as it was: no private IPs unless asked, no local_azure_ip_address_enabled', () => {
    const { stack, hybrid } = failover();
    hybrid.addSite('Internet', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['172.16.0.0/16'] });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway').find((g) => g.type === 'Vpn').private_ip_address_enabled).toBeUndefined();
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway_connection').find((c) => c.type === 'IPsec').local_azure_ip_address_enabled).toBeUndefined();
  });

  test('VPN-OVER-ER refuses a gateway without private IPs, a public device address, and a site that is also the failover', () => {
    const noPrivate = failover(false);
    expectValidationError(() => noPrivate.hybrid.addSite('Encrypted', overEr(noPrivate.circuit)), 'VPN-OVER-ER', 'overExpressRoute', 'test/Circuit');
    const { hybrid, circuit } = failover(true);
    expectValidationError(() => hybrid.addSite('Public', overEr(circuit, { device: VpnDevice.address('203.0.113.10') })), 'VPN-OVER-ER', 'device', '203.0.113.10');
    expectValidationError(() => hybrid.addSite('Both', overEr(circuit, { backupFor: circuit })), 'VPN-OVER-ER', 'backupFor', 'test/Circuit');
  });

  test.each([
    ['the same prefix as the circuit', '172.16.0.0/16'],
    ['a wider prefix than the circuit', '172.16.0.0/15'],
  ])('VPN-OVER-ER-PREFIXES refuses %s (Azure would skip the tunnel)', (_what, prefix) => {
    const { hybrid, circuit } = failover(true);
    expectValidationError(() => hybrid.addSite('Encrypted', overEr(circuit, { addressSpaces: [prefix] })), 'VPN-OVER-ER-PREFIXES', 'addressSpaces', prefix);
  });

  test('a disjoint prefix of the same on-premises network is accepted', () => {
    const { stack, hybrid, circuit } = failover(true);
    hybrid.addSite('Encrypted', overEr(circuit, { addressSpaces: ['172.20.0.0/24'] }));
    expect(() => synthJson(stack)).not.toThrow();
  });
});
