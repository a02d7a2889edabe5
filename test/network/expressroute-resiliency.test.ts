import { TerraformStack } from 'cdktf';
import { ExpressRouteCircuit, ExpressRouteGateway, ExpressRouteGatewaySku, HubNetwork, HybridChecks } from '../../lib';
import { annotationsAfterSynth, expectValidationError, newStack, resourcesOf, synthJson, warningsAfterSynth } from '../util';
import { resourcesWithGates } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const PARTNER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/partner';

/** A provider circuit of this stack in `peeringLocation`; `n` keeps peering prefixes and on-premises prefixes apart. */
function circuitIn(stack: TerraformStack, id: string, peeringLocation: string, n: number): ExpressRouteCircuit {
  return new ExpressRouteCircuit(stack, id, {
    ...base,
    serviceProviderName: 'Equinix',
    peeringLocation,
    bandwidthInMbps: 1000,
    privatePeering: { primaryPeerAddressPrefix: `192.168.${n}.0/30`, secondaryPeerAddressPrefix: `192.168.${n}.4/30`, vlanId: 100 + n, peerAsn: 65020 },
    onPremisesPrefixes: [`172.${16 + n}.0.0/16`],
  });
}

/** GIVEN: a hub with an ExpressRoute gateway, and two circuits in the given peering locations. */
function twoCircuits(first: string, second: string, sku?: ExpressRouteGatewaySku) {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const gateway = new ExpressRouteGateway(stack, 'Er', { hub, sku });
  const primary = circuitIn(stack, 'Primary', first, 1);
  const secondary = circuitIn(stack, 'Secondary', second, 2);
  return { stack, gateway, primary, secondary };
}

describe('ExpressRoute maximum resiliency: two circuits, two peering locations, routing weights', () => {
  test('two circuits in two peering locations are connected with their routing weights, each behind its circuit gate', () => {
    // GIVEN
    const { stack, gateway, primary, secondary } = twoCircuits('Amsterdam', 'London');
    // WHEN
    gateway.addConnection('Amsterdam', { circuit: primary, routingWeight: 100 });
    gateway.addConnection('London', { circuit: secondary, routingWeight: 10 });
    // THEN: phase 1, no connection (both gates closed by default)
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway_connection')).toHaveLength(2);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    const gates = Object.keys(json.variable).filter((v) => v.endsWith('_provisioned'));
    expect(gates.sort()).toEqual(['primary_provisioned', 'secondary_provisioned']);
    // Each connection waits for its own circuit's gate only.
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { primary_provisioned: true })).toEqual([
      expect.objectContaining({ routing_weight: 100, count: expect.stringMatching(/var\.primary_provisioned/) }),
    ]);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { secondary_provisioned: true })).toEqual([
      expect.objectContaining({ routing_weight: 10, count: expect.stringMatching(/var\.secondary_provisioned/) }),
    ]);
    const both = resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { primary_provisioned: true, secondary_provisioned: true });
    expect(both.map((c) => c.express_route_circuit_id).sort()).toEqual([
      expect.stringMatching(/^\$\{azurerm_express_route_circuit\.Primary_.*\.id\}$/),
      expect.stringMatching(/^\$\{azurerm_express_route_circuit\.Secondary_.*\.id\}$/),
    ]);
    for (const c of both) expect(c.lifecycle.precondition[0].condition).toMatch(/service_provider_provisioning_state == "Provisioned"/);
    // Two peering locations: no ER-RESILIENCY warning.
    expect(warningsAfterSynth(stack).join('\n')).not.toContain('[ER-RESILIENCY]');
  });

  test('warns ER-RESILIENCY when the circuits all share one peering location', () => {
    const { stack, gateway, primary, secondary } = twoCircuits('Amsterdam', 'amsterdam');
    gateway.addConnection('A', { circuit: primary, routingWeight: 100 });
    gateway.addConnection('B', { circuit: secondary });
    const warnings = warningsAfterSynth(stack).filter((w) => w.includes('[ER-RESILIENCY]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('`circuit`');
    expect(warnings[0]).toContain('test/Primary, test/Secondary are all in peering location Amsterdam');
  });

  test('no ER-RESILIENCY warning for one circuit, or when one of the circuits is an existing one (location unknown)', () => {
    const one = twoCircuits('Amsterdam', 'Amsterdam');
    one.gateway.addConnection('A', { circuit: one.primary });
    expect(warningsAfterSynth(one.stack).join('\n')).not.toContain('[ER-RESILIENCY]');

    const mixed = twoCircuits('Amsterdam', 'Amsterdam');
    const partner = ExpressRouteCircuit.fromCircuitAttributes(mixed.stack, 'Partner', { circuitId: PARTNER_ID, onPremisesPrefixes: ['172.30.0.0/16'] });
    mixed.gateway.addConnection('A', { circuit: mixed.primary });
    mixed.gateway.addConnection('P', { circuit: partner });
    expect(warningsAfterSynth(mixed.stack).join('\n')).not.toContain('[ER-RESILIENCY]');
  });

  test('the ER-RESILIENCY warning can be acknowledged or suppressed', () => {
    const acked = twoCircuits('Amsterdam', 'Amsterdam');
    acked.gateway.addConnection('A', { circuit: acked.primary });
    acked.gateway.addConnection('B', { circuit: acked.secondary });
    acked.gateway.acknowledge('ER-RESILIENCY', 'second peering location ordered, lead time 12 weeks');
    expect(warningsAfterSynth(acked.stack).join('\n')).not.toContain('[ER-RESILIENCY]');
    expect(annotationsAfterSynth(acked.stack).some(([level, , m]) => level === 'info' && m.includes('ER-RESILIENCY'))).toBe(true);

    const suppressed = twoCircuits('Amsterdam', 'Amsterdam');
    suppressed.gateway.addConnection('A', { circuit: suppressed.primary });
    suppressed.gateway.addConnection('B', { circuit: suppressed.secondary });
    HybridChecks.suppress(suppressed.stack, [{ id: 'ER-RESILIENCY', reason: 'lab: one site only' }]);
    expect(warningsAfterSynth(suppressed.stack).join('\n')).not.toContain('[ER-RESILIENCY]');
  });

  test('fails when a routing weight is outside 0-32000 (ER-CONNECTION-WEIGHT)', () => {
    const { gateway, primary, secondary } = twoCircuits('Amsterdam', 'London');
    gateway.addConnection('Amsterdam', { circuit: primary, routingWeight: 100 });
    expectValidationError(() => gateway.addConnection('London', { circuit: secondary, routingWeight: 32001 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', 32001);
    expectValidationError(() => gateway.addConnection('London', { circuit: secondary, routingWeight: 1.5 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', 1.5);
  });

  test('FastPath is set on the connection of an ErGw3AZ gateway', () => {
    const { stack, gateway, primary } = twoCircuits('Amsterdam', 'London', ExpressRouteGatewaySku.ERGW3_AZ);
    gateway.addConnection('Amsterdam', { circuit: primary, fastPath: true });
    const [connection] = resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_connection');
    expect(connection.express_route_gateway_bypass).toBe(true);
  });

  test('fails when FastPath is asked for on a gateway smaller than ErGw3AZ (ER-CONNECTION-FASTPATH-SKU)', () => {
    const { gateway, primary } = twoCircuits('Amsterdam', 'London', ExpressRouteGatewaySku.ERGW2_AZ);
    const error = expectValidationError(() => gateway.addConnection('Amsterdam', { circuit: primary, fastPath: true }), 'ER-CONNECTION-FASTPATH-SKU', 'fastPath', true);
    expect(error.message).toContain('ErGw2AZ');
  });
});
