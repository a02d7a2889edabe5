import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { ExpressRouteStack } from '../../examples/expressroute';
import {
  ExpressRouteCircuit,
  ExpressRouteConnectionOptions,
  ExpressRouteGateway,
  ExpressRouteGatewaySku,
  HubNetwork,
  Runbook,
} from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };

/** GIVEN: a stack with a hub, an ExpressRoute gateway and a circuit. */
function erStack(): { stack: TerraformStack; hub: HubNetwork; gateway: ExpressRouteGateway; circuit: ExpressRouteCircuit } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const gateway = new ExpressRouteGateway(stack, 'Er', { hub });
  const circuit = new ExpressRouteCircuit(stack, 'Circuit', {
    ...base,
    serviceProviderName: 'Equinix',
    peeringLocation: 'Amsterdam',
    bandwidthInMbps: 1000,
    privatePeering: { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020 },
    onPremisesPrefixes: ['172.16.0.0/16'],
  });
  return { stack, hub, gateway, circuit };
}

function connectWith(options: Partial<ExpressRouteConnectionOptions>): () => unknown {
  return () => {
    const { gateway, circuit } = erStack();
    return gateway.addConnection('Link', { circuitProvisioned: true, circuit, ...options });
  };
}

describe('ExpressRouteGateway', () => {
  test('is an ErGw1AZ ExpressRoute gateway in GatewaySubnet with a Standard static zone-redundant public IP', () => {
    // GIVEN
    const { stack, hub } = erStack();
    // THEN
    const json = synthJson(stack);
    const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
    expect(gw).toMatchObject({ type: 'ExpressRoute', sku: 'ErGw1AZ' });
    expect(gw.vpn_type).toBeUndefined();
    expect(gw.ip_configuration).toHaveLength(1);
    expect(gw.ip_configuration[0].subnet_id).toMatch(/^\$\{azurerm_subnet\.Hub_GatewaySubnet_[A-F0-9]+\.id\}$/);
    expect(hub.gatewaySubnetPrefix).toBe('10.0.0.0/26');
    expect(onlyResource(json, 'azurerm_public_ip')).toMatchObject({ sku: 'Standard', allocation_method: 'Static', zones: ['1', '2', '3'] });
  });

  test('phase 1: no connection while the circuit is not provisioned, and the runbook says what comes next', () => {
    const { stack, gateway, circuit } = erStack();
    const connection = gateway.addConnection('Amsterdam', { circuit, circuitProvisioned: false });
    expect(connection).toBeUndefined();
    expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    const runbook = Runbook.of(stack).render();
    expect(runbook).toContain('Connection **Amsterdam** to circuit test/Circuit: **not created yet** (phase 1)');
    expect(runbook).toContain('set `circuitProvisioned: true`');
  });

  test('phase 2: the connection is created after the peering, guarded by a provisioning-state precondition', () => {
    const { stack, gateway, circuit } = erStack();
    gateway.addConnection('Amsterdam', { circuit, circuitProvisioned: true });
    const connection = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_connection');
    expect(connection).toMatchObject({ type: 'ExpressRoute', routing_weight: 0 });
    expect(connection.express_route_circuit_id).toMatch(/^\$\{azurerm_express_route_circuit\..*\.id\}$/);
    expect(connection.authorization_key).toBeUndefined();
    expect(connection.depends_on).toEqual([expect.stringMatching(/^azurerm_express_route_circuit_peering\./)]);
    expect(connection.lifecycle.precondition[0].condition).toMatch(/service_provider_provisioning_state == "Provisioned"/);
  });

  test('an existing circuit of another subscription is linked with an authorization key from a sensitive variable', () => {
    const { stack, gateway } = erStack();
    const key = new TerraformVariable(stack, 'er_auth_key', { type: 'string', sensitive: true });
    gateway.addConnection('Partner', { existingCircuitId: '/subscriptions/other/circuit', authorizationKey: key.stringValue, circuitProvisioned: true, existingCircuitOnPremisesPrefixes: ['172.17.0.0/16'] });
    const connection = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_connection');
    expect(connection.express_route_circuit_id).toBe('/subscriptions/other/circuit');
    expect(connection.authorization_key).toBe('${var.er_auth_key}');
    expect(connection.lifecycle).toBeUndefined();
  });

  test('fails when a legacy or non-ExpressRoute SKU is asked for', () => {
    const { hub } = erStack();
    expectValidationError(() => new ExpressRouteGateway(hub, 'Legacy', { hub, sku: ExpressRouteGatewaySku.of('UltraPerformance') }), 'ER-GATEWAY-SKU-LEGACY', 'sku', 'UltraPerformance');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Standard', { hub, sku: ExpressRouteGatewaySku.of('Standard') }), 'ER-GATEWAY-SKU-LEGACY', 'sku', 'Standard');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Vpn', { hub, sku: ExpressRouteGatewaySku.of('VpnGw2AZ') }), 'ER-GATEWAY-SKU-UNKNOWN', 'sku', 'VpnGw2AZ');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Named', { hub, name: 'bad name' }), 'NAME-INVALID', 'name', 'bad name');
  });

  test('fails when the connection names no circuit, both, or repeats an id', () => {
    expectValidationError(connectWith({ circuit: undefined }), 'ER-CONNECTION-CIRCUIT', 'circuit');
    expectValidationError(connectWith({ existingCircuitId: '/subscriptions/x/c' }), 'ER-CONNECTION-CIRCUIT', 'existingCircuitId', '/subscriptions/x/c');
    const { gateway, circuit } = erStack();
    gateway.addConnection('Link', { circuit, circuitProvisioned: false });
    expectValidationError(() => gateway.addConnection('Link', { circuit, circuitProvisioned: false }), 'ER-CONNECTION-CIRCUIT', 'id', 'Link');
    expectValidationError(connectWith({ existingCircuitOnPremisesPrefixes: ['172.18.0.0/16'] }), 'ER-CONNECTION-CIRCUIT', 'existingCircuitOnPremisesPrefixes', ['172.18.0.0/16']);
  });

  test('fails when the authorization key is a literal, or given for a circuit of this stack', () => {
    expectValidationError(connectWith({ circuit: undefined, existingCircuitId: '/subscriptions/x/c', authorizationKey: 'abc-123' }), 'ER-AUTHORIZATION-KEY', 'authorizationKey', '(literal, 7 characters)');
    const { stack, gateway, circuit } = erStack();
    const key = new TerraformVariable(stack, 'k', { type: 'string', sensitive: true });
    expectValidationError(() => gateway.addConnection('Link', { circuit, circuitProvisioned: true, authorizationKey: key.stringValue }), 'ER-AUTHORIZATION-KEY', 'authorizationKey', '(token)');
  });

  test('fails when Private Link FastPath is on without FastPath', () => {
    expectValidationError(connectWith({ privateLinkFastPath: true }), 'ER-CONNECTION-FASTPATH', 'privateLinkFastPath', true);
  });

  test('fails when the routing weight is outside 0-32000', () => {
    expectValidationError(connectWith({ routingWeight: 32001 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', 32001);
    expectValidationError(connectWith({ routingWeight: -1 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', -1);
  });

  test('fails when an existing circuit advertises prefixes that overlap the hub', () => {
    const error = expectValidationError(
      connectWith({ circuit: undefined, existingCircuitId: '/subscriptions/x/c', existingCircuitOnPremisesPrefixes: ['10.0.5.0/24'] }),
      'NET-ADDRESS-OVERLAP',
      'existingCircuitOnPremisesPrefixes',
      '10.0.5.0/24',
    );
    expect(error.message).toContain('overlaps 10.0.0.0/16 (hub test/Hub address space)');
  });
});

describe('examples/expressroute', () => {
  test('snapshot (phase 1)', () => {
    const stack = new ExpressRouteStack(Testing.app(), 'expressroute');
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    expect(json).toMatchSnapshot();
  });

  test('phase 2 adds the connection only', () => {
    const phase1 = synthJson(new ExpressRouteStack(Testing.app(), 'expressroute'));
    const phase2 = synthJson(new ExpressRouteStack(Testing.app(), 'expressroute', { circuitProvisioned: true }));
    expect(Object.keys(phase2.resource).filter((t) => !(t in phase1.resource))).toEqual(['azurerm_virtual_network_gateway_connection']);
    expect(onlyResource(phase2, 'azurerm_virtual_network_gateway_connection').type).toBe('ExpressRoute');
  });
});

describe('ExpressRouteGateway public IP zones and connection ids', () => {
  test('fails when the public IP of an AZ SKU gateway has no zone', () => {
    // GIVEN a hub
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    // WHEN / THEN: refused at construction, with the rule id the policy rule pack reports
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, publicIpZones: [] }), 'VPN-PUBLICIP-ZONES', 'publicIpZones', []);
  });

  test('warns when the public IP is in one zone only, and uses that zone', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const gateway = new ExpressRouteGateway(stack, 'Er', { hub, publicIpZones: ['2'] });
    expect(gateway.node.metadata.map((m) => String(m.data)).join('\n')).toContain('[VPN-SKU-ZONES]');
    expect(onlyResource(synthJson(stack), 'azurerm_public_ip').zones).toEqual(['2']);
  });

  test('fails when a connection id is repeated (already refused)', () => {
    const { gateway, circuit } = erStack();
    gateway.addConnection('Link', { circuitProvisioned: true, circuit });
    expectValidationError(() => gateway.addConnection('Link', { circuitProvisioned: true, circuit }), 'ER-CONNECTION-CIRCUIT', 'id', 'Link');
  });
});
