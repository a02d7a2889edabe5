// Inputs of the VPN and ExpressRoute constructs that were accepted silently, died with a TypeError
// or printed token placeholders (fuzz F10, F11, F15; a newcomer's review): each is fed here and
// must give one ValidationError naming the rule, the prop and the value, one warning, or the
// Terraform expression in messages and the runbook.
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  ConnectionMode,
  ExpressRouteCircuit,
  ExpressRouteCircuitProps,
  ExpressRouteGateway,
  ExpressRouteGatewayPublicIp,
  ExpressRouteGatewaySku,
  ExpressRouteRoutingRegistry,
  ExpressRouteSkuTier,
  HubNetwork,
  HybridChecks,
  Runbook,
  VpnDevice,
  VpnGateway,
  VpnGatewayGeneration,
  VpnGatewayProps,
  VpnGatewaySku,
  VpnNatMode,
  VpnNatType,
  VpnType,
} from '../../lib';
import { checkResource } from '../../lib/checks/rule-pack';
import { ResourceIndex } from '../../lib/core/rule';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';
import { errorsAfterSynth, hubStack } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const provider = { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 };
const peering = { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020 };


function vpnWith(props: Partial<VpnGatewayProps>): () => VpnGateway {
  return () => {
    const { stack, hub } = hubStack();
    return new VpnGateway(stack, 'Vpn', { hub, ...props } as VpnGatewayProps);
  };
}

function circuitWith(props: Partial<ExpressRouteCircuitProps>): () => ExpressRouteCircuit {
  return () => new ExpressRouteCircuit(newStack(), 'Circuit', { ...provider, ...props } as ExpressRouteCircuitProps);
}

/** The runbook of a stack, after checking it names no token placeholder. */
function runbookOf(stack: TerraformStack): string {
  const text = Runbook.of(stack).render();
  expect(text).not.toMatch(/TfToken|#\{|e\+\d{2,}/);
  return text;
}

describe('VPN gateway public IP zones are 1, 2 and 3, each once (VPN-PUBLICIP-ZONES)', () => {
  test.each([
    [['4']],
    [['']],
    [['1', '1', '1']],
    [['1', '2', '2']],
    [['0', '1']],
  ])('fails when publicIpZones is %j', (zones) => {
    expectValidationError(vpnWith({ publicIpZones: zones }), 'VPN-PUBLICIP-ZONES', 'publicIpZones', zones);
  });

  test('a zone from an expression passes, and so does a whole list from one', () => {
    const { stack, hub } = hubStack();
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' });
    new VpnGateway(stack, 'Vpn', { hub, publicIpZones: ['1', zone.stringValue] });
    const zones = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
    new VpnGateway(stack, 'Vpn2', { hub: new HubNetwork(stack, 'Hub2', { ...base, addressSpace: ['10.1.0.0/16'] }), publicIpZones: zones.listValue });
    expect(errorsAfterSynth(stack)).toEqual([]);
    // a list from an expression is not a "zonal" list of one element
    expect(warningsAfterSynth(stack).filter((w) => w.includes('VPN-SKU-ZONES'))).toEqual([]);
  });

  test('fails when an ExpressRoute gateway is given a customer-managed public IP in zone 7', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: ['7'] }) }), 'VPN-PUBLICIP-ZONES', 'publicIp.zones', ['7']);
  });

  test('fails when the deprecated publicIpZones of an ExpressRoute gateway has a zone twice', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged(), publicIpZones: ['2', '2'] }), 'VPN-PUBLICIP-ZONES', 'publicIpZones', ['2', '2']);
  });

  test('the pack refuses a zone other than 1, 2 or 3, or one given twice, on the public IP of an AZ gateway', () => {
    const gateway = { name: 'gw', type: 'Vpn', sku: 'VpnGw2AZ', ip_configuration: [{ public_ip_address_id: '${azurerm_public_ip.r.id}' }] };
    const run = (zones: unknown) => {
      const index: ResourceIndex = { azurerm_virtual_network_gateway: { gw: gateway }, azurerm_public_ip: { r: { name: 'pip', sku: 'Standard', allocation_method: 'Static', zones } } };
      return checkResource('s', index, 'azurerm_public_ip', 'r', { rules: ['VPN-PUBLICIP-ZONES'] });
    };
    expect(run(['4'])).toEqual([expect.objectContaining({ ruleId: 'VPN-PUBLICIP-ZONES', attribute: 'zones', message: expect.stringContaining('"4"') })]);
    expect(run(['1', '1', '1'])).toEqual([expect.objectContaining({ ruleId: 'VPN-PUBLICIP-ZONES', attribute: 'zones', message: expect.stringContaining('twice') })]);
    expect(run(['1', '2', '3'])).toEqual([]);
    expect(run(['1', '${var.zone}'])).toEqual([]);
    expect(run('${var.zones}')).toEqual([]);
  });

  test('an escape hatch that puts a gateway public IP in zone 4 fails at synth through HybridChecks', () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    gateway.publicIps[0].zones = ['4'];
    HybridChecks.addTo(stack);
    expect(errorsAfterSynth(stack)).toEqual([expect.stringMatching(/^\[VPN-PUBLICIP-ZONES\] azurerm_public_ip\.Vpn_PublicIp1_[A-F0-9]+\.zones: zone "4" is not an availability zone/)]);
  });
});

describe('VPN settings take the values azurerm accepts (VPN-SETTING-VALUE)', () => {
  test('fails when the generation is Generation3', () => {
    expectValidationError(vpnWith({ generation: 'Generation3' as VpnGatewayGeneration }), 'VPN-SETTING-VALUE', 'generation', 'Generation3');
  });

  test('fails when an existing gateway is said to be Generation3', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => VpnGateway.fromVpnGatewayAttributes(stack, 'Existing', { gatewayId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw', hub, sku: VpnGatewaySku.VPN_GW2_AZ, generation: 'Generation3' as VpnGatewayGeneration }), 'VPN-SETTING-VALUE', 'generation', 'Generation3');
  });

  test('fails when the VPN type is Foo', () => {
    expectValidationError(vpnWith({ vpnType: 'Foo' as VpnType }), 'VPN-SETTING-VALUE', 'vpnType', 'Foo');
  });

  test('fails when a NAT rule mode or type is Foo', () => {
    const options = { mode: VpnNatMode.EGRESS_SNAT, internalAddressSpaces: ['10.0.1.0/24'], externalAddressSpaces: ['100.64.1.0/24'] };
    expectValidationError(() => vpnWith({})().addNatRule('Nat', { ...options, mode: 'Foo' as VpnNatMode }), 'VPN-SETTING-VALUE', 'mode', 'Foo');
    expectValidationError(() => vpnWith({})().addNatRule('Nat', { ...options, type: 'Foo' as VpnNatType }), 'VPN-SETTING-VALUE', 'type', 'Foo');
  });

  test('fails when a NAT rule type is an expression: it decides how many rules exist', () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    const type = new TerraformVariable(stack, 'nat_type', { type: 'string' });
    expectValidationError(() => gateway.addNatRule('Nat', { mode: VpnNatMode.EGRESS_SNAT, type: type.stringValue as VpnNatType, internalAddressSpaces: ['10.0.1.0/24'], externalAddressSpaces: ['100.64.1.0/24'] }), 'PROP-LITERAL', 'type', '${var.nat_type}');
  });

  test("fails when a site's connection mode is Foo", () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    expectValidationError(() => gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'], connectionMode: 'Foo' as ConnectionMode }), 'VPN-SETTING-VALUE', 'connectionMode', 'Foo');
  });

  test('expressions and every listed value pass', () => {
    const { stack, hub } = hubStack();
    const mode = new TerraformVariable(stack, 'mode', { type: 'string' });
    const gateway = new VpnGateway(stack, 'Vpn', { hub, generation: VpnGatewayGeneration.GENERATION2, vpnType: VpnType.ROUTE_BASED });
    gateway.addNatRule('Nat', { mode: mode.stringValue as VpnNatMode, type: VpnNatType.DYNAMIC, internalAddressSpaces: ['10.0.1.0/24'], externalAddressSpaces: ['100.64.1.0/24'] });
    gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'], connectionMode: ConnectionMode.RESPONDER_ONLY });
    expect(errorsAfterSynth(stack)).toEqual([]);
    expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_nat_rule').map((r) => r.mode)).toEqual(['${var.mode}', '${var.mode}']);
  });

  test('the pack refuses values azurerm does not accept on a hand-written gateway, NAT rule and connection', () => {
    const run = (type: string, body: Record<string, any>) => checkResource('s', { [type]: { r: body } }, type, 'r', { rules: ['VPN-SETTING-VALUE'] }).map((f) => [f.ruleId, f.attribute]);
    expect(run('azurerm_virtual_network_gateway', { type: 'Vpn', sku: 'VpnGw2AZ', generation: 'Generation3' })).toEqual([['VPN-SETTING-VALUE', 'generation']]);
    expect(run('azurerm_virtual_network_gateway', { type: 'Vpn', sku: 'VpnGw2AZ', vpn_type: 'Foo' })).toEqual([['VPN-SETTING-VALUE', 'vpn_type']]);
    expect(run('azurerm_virtual_network_gateway_nat_rule', { name: 'n', mode: 'Foo' })).toEqual([['VPN-SETTING-VALUE', 'mode']]);
    expect(run('azurerm_virtual_network_gateway_connection', { name: 'c', type: 'IPsec', connection_mode: 'Foo' })).toEqual([['VPN-SETTING-VALUE', 'connection_mode']]);
    expect(run('azurerm_virtual_network_gateway', { type: 'Vpn', sku: 'VpnGw2AZ', generation: 'Generation2', vpn_type: 'RouteBased' })).toEqual([]);
    expect(run('azurerm_virtual_network_gateway_connection', { name: 'c', type: 'IPsec', connection_mode: '${var.mode}' })).toEqual([]);
  });
});

describe("an on-premises BGP peer is not an Azure address (NET-ADDRESS-OVERLAP)", () => {
  test("fails when a site's BGP peer address is inside the hub's address space", () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    expectValidationError(() => gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '10.0.0.5' }), 'NET-ADDRESS-OVERLAP', 'bgpPeeringAddress', '10.0.0.5/32');
  });

  test('fails when a spoke added later covers a BGP peer address', () => {
    const { stack, hub } = hubStack();
    new VpnGateway(stack, 'Vpn', { hub }).addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '10.1.0.5' });
    expectValidationError(() => hub.addSpoke('App', { addressSpace: ['10.1.0.0/24'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.1.0.0/24');
  });

  test("a peer inside the site's own prefixes and an APIPA peer pass", () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    gateway.addSite('Own', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'], bgpAsn: 65010, bgpPeeringAddress: '192.168.10.1' });
    gateway.addSite('Apipa', { device: VpnDevice.address('203.0.113.11'), bgpAsn: 65011, bgpPeeringAddress: '169.254.21.2' });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });
});

describe('ExpressRoute circuit inputs', () => {
  test('fails when expressRoutePortId is empty', () => {
    expectValidationError(() => new ExpressRouteCircuit(newStack(), 'Circuit', { ...base, expressRoutePortId: '', bandwidthInGbps: 10 }), 'ER-CIRCUIT-PROVIDER-OR-PORT', 'expressRoutePortId', '');
  });

  test('fails when expressRoutePortId is not the id of an ExpressRoute port', () => {
    expectValidationError(() => new ExpressRouteCircuit(newStack(), 'Circuit', { ...base, expressRoutePortId: 'port1', bandwidthInGbps: 10 }), 'ER-CIRCUIT-PROVIDER-OR-PORT', 'expressRoutePortId', 'port1');
  });

  test.each(['serviceProviderName', 'peeringLocation'])('fails when %s is empty', (prop) => {
    expectValidationError(circuitWith({ [prop]: '' }), 'PROP-TYPE', prop, '');
  });

  test('a token SKU tier and family pass, and the runbook shows their expressions', () => {
    const stack = newStack();
    const tier = new TerraformVariable(stack, 'tier', { type: 'string' });
    const family = new TerraformVariable(stack, 'family', { type: 'string' });
    new ExpressRouteCircuit(stack, 'Circuit', { ...provider, skuTier: tier.stringValue as ExpressRouteSkuTier, skuFamily: family.stringValue as any });
    expect(errorsAfterSynth(stack)).toEqual([]);
    expect(onlyResource(synthJson(stack), 'azurerm_express_route_circuit').sku).toEqual({ tier: '${var.tier}', family: '${var.family}' });
    expect(runbookOf(stack)).toContain('SKU ${var.tier}/${var.family}.');
  });

  test('an existing circuit with a token SKU tier passes', () => {
    const stack = newStack();
    const tier = new TerraformVariable(stack, 'tier', { type: 'string' });
    ExpressRouteCircuit.fromCircuitAttributes(stack, 'Existing', { circuitId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c', onPremisesPrefixes: [], skuTier: tier.stringValue as ExpressRouteSkuTier });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('lists from expressions appear as their expressions in the runbook', () => {
    const stack = newStack();
    const prefixes = new TerraformVariable(stack, 'prefixes', { type: 'list(string)' });
    const advertised = new TerraformVariable(stack, 'advertised', { type: 'list(string)' });
    const communities = new TerraformVariable(stack, 'communities', { type: 'list(string)' });
    new ExpressRouteCircuit(stack, 'Circuit', {
      ...provider,
      onPremisesPrefixes: prefixes.listValue,
      microsoftPeering: {
        primaryPeerAddressPrefix: '40.0.0.0/30',
        secondaryPeerAddressPrefix: '40.0.0.4/30',
        vlanId: 200,
        peerAsn: 65020,
        advertisedPublicPrefixes: advertised.listValue,
        routingRegistryName: ExpressRouteRoutingRegistry.RIPENCC,
        routeFilterCommunities: communities.listValue,
      },
    });
    expect(errorsAfterSynth(stack)).toEqual([]);
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_route_filter').rule[0].communities).toBe('${var.communities}');
    expect(onlyResource(json, 'azurerm_express_route_circuit_peering').microsoft_peering_config.advertised_public_prefixes).toBe('${var.advertised}');
    const runbook = runbookOf(stack);
    expect(runbook).toContain('Advertise exactly: `${var.advertised}`');
    expect(runbook).toContain('the communities `${var.communities}`');
    expect(runbook).toContain('on-premises prefixes over private peering: `${var.prefixes}`');
  });
});

describe('SKU objects without a name (fuzz F10)', () => {
  test('VpnGatewaySku.of(undefined) is PROP-REQUIRED on sku, not a TypeError', () => {
    expectValidationError(vpnWith({ sku: VpnGatewaySku.of(undefined as any) }), 'PROP-REQUIRED', 'sku');
  });

  test('VpnGatewaySku.of(42) is PROP-TYPE on sku', () => {
    expectValidationError(vpnWith({ sku: VpnGatewaySku.of(42 as any) }), 'PROP-TYPE', 'sku', 42);
  });

  test('an existing VPN gateway with VpnGatewaySku.of(undefined) is PROP-REQUIRED on sku', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => VpnGateway.fromVpnGatewayAttributes(stack, 'Existing', { gatewayId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/gw', hub, sku: VpnGatewaySku.of(undefined as any) }), 'PROP-REQUIRED', 'sku');
  });

  test('ExpressRouteGatewaySku.of(undefined) is PROP-REQUIRED on sku, not a gateway without sku', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, sku: ExpressRouteGatewaySku.of(undefined as any) }), 'PROP-REQUIRED', 'sku');
  });

  test('ExpressRouteGatewaySku.of(42) is PROP-TYPE on sku', () => {
    const { stack, hub } = hubStack();
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, sku: ExpressRouteGatewaySku.of(42 as any) }), 'PROP-TYPE', 'sku', 42);
  });
});

describe('messages and runbooks show expressions, never token placeholders (fuzz F11)', () => {
  test('a token ExpressRoute gateway SKU appears as its expression; FastPath is not refused on it', () => {
    const { stack, hub } = hubStack();
    const sku = new TerraformVariable(stack, 'er_sku', { type: 'string' });
    const gateway = new ExpressRouteGateway(stack, 'Er', { hub, sku: ExpressRouteGatewaySku.of(sku.stringValue) });
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...provider, privatePeering: peering, onPremisesPrefixes: ['172.16.0.0/16'] });
    gateway.addConnection('Link', { circuit, fastPath: true });
    expect(errorsAfterSynth(stack)).toEqual([]);
    expect(onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway').sku).toBe('${var.er_sku}');
    expect(runbookOf(stack)).toContain('SKU **${var.er_sku}**');
  });

  test('a customer-managed zone from an expression appears as its expression in the runbook', () => {
    const { stack, hub } = hubStack();
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' });
    new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: ['1', zone.stringValue] }) });
    expect(errorsAfterSynth(stack)).toEqual([]);
    expect(runbookOf(stack)).toContain('zones 1, ${var.zone}');
  });

  test('a token customer-managed zone list gives no zonal warning and the runbook says so', () => {
    const { stack, hub } = hubStack();
    const zones = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
    new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: zones.listValue }) });
    expect(warningsAfterSynth(stack).filter((w) => w.includes('VPN-SKU-ZONES'))).toEqual([]);
    expect(runbookOf(stack)).toContain('zones from a Terraform expression');
  });

  test('site prefixes from a list variable appear as the expression, and the BGP peer route is concatenated to it', () => {
    const { stack, hub } = hubStack();
    const spaces = new TerraformVariable(stack, 'spaces', { type: 'list(string)' });
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    gateway.addSite('Static', { device: VpnDevice.address('203.0.113.10'), addressSpaces: spaces.listValue });
    gateway.addSite('Bgp', { device: VpnDevice.address('203.0.113.11'), addressSpaces: spaces.listValue, bgpAsn: 65010, bgpPeeringAddress: '172.16.255.1' });
    expect(errorsAfterSynth(stack)).toEqual([]);
    const lgws = resourcesOf(synthJson(stack), 'azurerm_local_network_gateway').map((l) => l.address_space);
    expect(lgws).toEqual(expect.arrayContaining(['${var.spaces}', '${concat(var.spaces, ["172.16.255.1/32"])}']));
    const runbook = runbookOf(stack);
    expect(runbook).toContain('Azure routes traffic for `${var.spaces}` into this tunnel');
    expect(runbook).toContain('the local network gateway holds `${concat(var.spaces, ["172.16.255.1/32"])}`');
  });

  test("a site's custom BGP address is not refused against a gateway APIPA list from expressions, nor shown as a placeholder", () => {
    const { stack, hub } = hubStack();
    const apipa = new TerraformVariable(stack, 'apipa', { type: 'list(string)' });
    const gateway = new VpnGateway(stack, 'Vpn', { hub, apipaAddressesInstance1: apipa.listValue });
    gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.1.1', customBgpAddressInstance1: '169.254.21.5' });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test("a custom BGP address missing from a gateway list with an expression in it passes; missing from a literal list it names the list", () => {
    const { stack, hub } = hubStack();
    const one = new TerraformVariable(stack, 'one', { type: 'string' });
    const gateway = new VpnGateway(stack, 'Vpn', { hub, apipaAddressesInstance1: [one.stringValue] });
    gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.1.1', customBgpAddressInstance1: '169.254.21.5' });
    expect(errorsAfterSynth(stack)).toEqual([]);
    const other = hubStack();
    const literal = new VpnGateway(other.stack, 'Vpn', { hub: other.hub, apipaAddressesInstance1: ['169.254.21.1'] });
    const e = expectValidationError(() => literal.addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.1.1', customBgpAddressInstance1: '169.254.21.5' }), 'VPN-APIPA-ACTIVE-ACTIVE', 'customBgpAddressInstance1', '169.254.21.5');
    expect(e.message).toContain('(169.254.21.1)');
  });
});

describe('VPN-SKU-ZONES is reported once', () => {
  test('publicIpZones: [1] gives one warning, on publicIpZones', () => {
    const { stack, hub } = hubStack();
    new VpnGateway(stack, 'Vpn', { hub, publicIpZones: ['1'] });
    HybridChecks.addTo(stack);
    const warnings = annotationsAfterSynth(stack).filter(([level, , m]) => level === 'warning' && m.includes('[VPN-SKU-ZONES]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0][2]).toMatch(/^\[VPN-SKU-ZONES\] test\/Vpn: `publicIpZones` = \["1"\]: public IPs in zone 1 only/);
  });

  test('an escape hatch that makes a public IP zonal is still seen, once', () => {
    const { stack, hub } = hubStack();
    const gateway = new VpnGateway(stack, 'Vpn', { hub });
    gateway.publicIps[1].zones = ['2'];
    HybridChecks.addTo(stack);
    const warnings = warningsAfterSynth(stack).filter((m) => m.includes('[VPN-SKU-ZONES]'));
    expect(warnings).toEqual([expect.stringMatching(/^\[VPN-SKU-ZONES\] test\/Vpn: `publicIpZones` = \["2"\]: public IPs in zone 2 only/)]);
  });
});
