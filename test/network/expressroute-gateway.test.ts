import * as fs from 'fs';
import * as path from 'path';
import { App, Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { ExpressRouteStack } from '../../examples/expressroute';
import {
  ExpressRouteCircuit,
  ExpressRouteConnectionOptions,
  ExpressRouteGateway,
  ExpressRouteGatewayPublicIp,
  ExpressRouteGatewaySku,
  HubNetwork,
  HybridChecks,
  Runbook,
  VirtualWan,
} from '../../lib';
import { expectValidationError, newStack, onlyResource, synthJson, warningsAfterSynth } from '../util';
import { resourcesWithGates } from './synth-util';
import { checkTerraformJson } from '../../lib/checks/schema-check';

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

const PARTNER_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/partner';

function connectWith(options: Partial<ExpressRouteConnectionOptions>): () => unknown {
  return () => {
    const { gateway, circuit } = erStack();
    return gateway.addConnection('Link', { circuit, ...options } as ExpressRouteConnectionOptions);
  };
}

describe('ExpressRouteGateway', () => {
  test('is an ErGw1AZ ExpressRoute gateway in GatewaySubnet whose public IP Azure manages (no public IP resource)', () => {
    // GIVEN
    const { stack, hub, gateway } = erStack();
    // THEN
    const json = synthJson(stack);
    const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
    expect(gw).toMatchObject({ type: 'ExpressRoute', sku: 'ErGw1AZ' });
    expect(gw.vpn_type).toBeUndefined();
    expect(gw.ip_configuration).toHaveLength(1);
    expect(gw.ip_configuration[0].subnet_id).toMatch(/^\$\{azurerm_subnet\.Hub_GatewaySubnet_[A-F0-9]+\.id\}$/);
    expect(gw.ip_configuration[0]).not.toHaveProperty('public_ip_address_id');
    expect(json.resource.azurerm_public_ip).toBeUndefined();
    expect(gateway.publicIp).toBeUndefined();
    expect(hub.gatewaySubnetPrefix).toBe('10.0.0.0/26');
    expect(warningsAfterSynth(stack).join('\n')).not.toContain('[ER-GATEWAY-PUBLICIP-CUSTOMER]');
    expect(Runbook.of(stack).render()).toContain('- Public IP: assigned and managed by Azure (no public IP resource in the subscription; the gateway is zone-redundant)');
  });

  test('phase 1: no connection while the circuit gate is closed, and the runbook says how to open it', () => {
    // GIVEN / WHEN
    const { stack, gateway, circuit } = erStack();
    gateway.addConnection('Amsterdam', { circuit });
    // THEN: the connection exists only behind the gate, which is closed by default
    const json = synthJson(stack);
    expect(json.variable.circuit_provisioned).toMatchObject({ type: 'bool', default: false });
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    const runbook = Runbook.of(stack).render();
    expect(runbook).toContain('Connection **Amsterdam** to circuit test/Circuit: created when gate `circuit_provisioned` opens (phase 2');
    expect(runbook).toContain("cdktf deploy test --var='circuit_provisioned=true'");
  });

  test('phase 2: the connection is created after the peering, guarded by a provisioning-state precondition', () => {
    const { stack, gateway, circuit } = erStack();
    gateway.addConnection('Amsterdam', { circuit });
    const json = synthJson(stack);
    const [connection] = resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { circuit_provisioned: true });
    expect(connection).toMatchObject({ type: 'ExpressRoute', routing_weight: 0 });
    expect(connection.count).toMatch(/var\.circuit_provisioned/);
    expect(connection.express_route_circuit_id).toMatch(/^\$\{azurerm_express_route_circuit\..*\.id\}$/);
    expect(connection.authorization_key).toBeUndefined();
    expect(connection.depends_on).toEqual([expect.stringMatching(/^azurerm_express_route_circuit_peering\./)]);
    expect(connection.lifecycle.precondition[0].condition).toMatch(/service_provider_provisioning_state == "Provisioned"/);
  });

  test('an existing circuit of another subscription is linked with an authorization key from a sensitive variable', () => {
    const { stack, gateway } = erStack();
    const key = new TerraformVariable(stack, 'er_auth_key', { type: 'string', sensitive: true });
    const partner = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: PARTNER_ID, authorizationKey: key.stringValue, onPremisesPrefixes: ['172.17.0.0/16'] });
    gateway.addConnection('Partner', { circuit: partner });
    const connection = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_connection');
    expect(connection.express_route_circuit_id).toBe(PARTNER_ID);
    expect(connection.authorization_key).toBe('${var.er_auth_key}');
    expect(connection.count).toBeUndefined();
    expect(connection.lifecycle).toBeUndefined();
  });

  test('fails when a legacy or non-ExpressRoute SKU is asked for', () => {
    const { hub } = erStack();
    expectValidationError(() => new ExpressRouteGateway(hub, 'Legacy', { hub, sku: ExpressRouteGatewaySku.of('UltraPerformance') }), 'ER-GATEWAY-SKU-LEGACY', 'sku', 'UltraPerformance');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Standard', { hub, sku: ExpressRouteGatewaySku.of('Standard') }), 'ER-GATEWAY-SKU-LEGACY', 'sku', 'Standard');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Vpn', { hub, sku: ExpressRouteGatewaySku.of('VpnGw2AZ') }), 'ER-GATEWAY-SKU-UNKNOWN', 'sku', 'VpnGw2AZ');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Named', { hub, name: 'bad name' }), 'NAME-INVALID', 'name', 'bad name');
  });

  test('fails when the connection names no circuit, an existing circuit id is not a circuit id, or an id repeats', () => {
    expectValidationError(connectWith({ circuit: undefined }), 'PROP-REQUIRED', 'circuit');
    expectValidationError(() => ExpressRouteCircuit.fromCircuitAttributes(newStack(), 'X', { circuitId: '/subscriptions/x/c', onPremisesPrefixes: [] }), 'ER-CONNECTION-CIRCUIT', 'circuitId', '/subscriptions/x/c');
    expectValidationError(() => ExpressRouteCircuit.fromCircuitAttributes(newStack(), 'X', { circuitId: PARTNER_ID } as any), 'PROP-REQUIRED', 'onPremisesPrefixes');
    const { gateway, circuit } = erStack();
    gateway.addConnection('Link', { circuit });
    expectValidationError(() => gateway.addConnection('Link', { circuit }), 'ER-CONNECTION-CIRCUIT', 'id', 'Link');
  });

  test('fails when the authorization key of an existing circuit is a literal', () => {
    expectValidationError(
      () => ExpressRouteCircuit.fromCircuitAttributes(newStack(), 'Partner', { circuitId: PARTNER_ID, authorizationKey: 'abc-123', onPremisesPrefixes: [] }),
      'ER-AUTHORIZATION-KEY',
      'authorizationKey',
      '(literal, 7 characters)',
    );
  });

  test('fails when Private Link FastPath is on without FastPath', () => {
    expectValidationError(connectWith({ privateLinkFastPath: true }), 'ER-CONNECTION-FASTPATH', 'privateLinkFastPath', true);
  });

  test('fails when the routing weight is outside 0-32000', () => {
    expectValidationError(connectWith({ routingWeight: 32001 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', 32001);
    expectValidationError(connectWith({ routingWeight: -1 }), 'ER-CONNECTION-WEIGHT', 'routingWeight', -1);
  });

  test('fails when an existing circuit advertises prefixes that overlap the hub', () => {
    const { stack } = erStack();
    const error = expectValidationError(
      () => ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: PARTNER_ID, onPremisesPrefixes: ['10.0.5.0/24'] }),
      'NET-ADDRESS-OVERLAP',
      'onPremisesPrefixes',
      '10.0.5.0/24',
    );
    expect(error.message).toContain('overlaps 10.0.0.0/16 (hub test/Hub address space)');
  });

  test('routing weight, FastPath and the authorization key accept Terraform expressions', () => {
    const { stack, gateway } = erStack();
    const weight = new TerraformVariable(stack, 'weight', { type: 'number' });
    const key = new TerraformVariable(stack, 'key', { type: 'string', sensitive: true });
    const id = new TerraformVariable(stack, 'circuit_id', { type: 'string' });
    const partner = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: id.stringValue, authorizationKey: key.stringValue, onPremisesPrefixes: [] });
    gateway.addConnection('Partner', { circuit: partner, routingWeight: weight.numberValue });
    const connection = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_connection');
    expect(connection).toMatchObject({ routing_weight: '${var.weight}', express_route_circuit_id: '${var.circuit_id}' });
  });
});

describe('examples/expressroute', () => {
  test('snapshot (one JSON for both phases: the connection behind the circuit gate)', () => {
    const stack = new ExpressRouteStack(Testing.app(), 'expressroute');
    expect(synthJson(stack)).toMatchSnapshot();
  });

  test('opening the circuit gate adds the connection only', () => {
    const json = synthJson(new ExpressRouteStack(Testing.app(), 'expressroute'));
    const types = Object.keys(json.resource);
    const count = (gates: Record<string, boolean>) => types.flatMap((t) => resourcesWithGates(json, t, gates).map(() => t));
    const phase1 = count({});
    const phase2 = count({ circuit_provisioned: true });
    expect(phase2.filter((t, i, all) => all.indexOf(t) === i && !phase1.includes(t))).toEqual(['azurerm_virtual_network_gateway_connection']);
    expect(phase2.length - phase1.length).toBe(1);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { circuit_provisioned: true })[0].type).toBe('ExpressRoute');
  });
});

/** GIVEN: a stack with a hub only. */
function hubStack(): { stack: TerraformStack; hub: HubNetwork } {
  const stack = newStack();
  return { stack, hub: new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] }) };
}

describe('ExpressRouteGateway public IP zones and connection ids', () => {
  test('a customer-managed public IP is the Standard static zone-redundant IP of earlier releases (same logical id), with a warning', () => {
    // GIVEN / WHEN
    const { stack, hub } = hubStack();
    const gateway = new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged() });
    // THEN
    const json = synthJson(stack);
    expect(Object.keys(json.resource.azurerm_public_ip)).toEqual([expect.stringMatching(/^Er_PublicIp_[A-F0-9]+$/)]);
    expect(onlyResource(json, 'azurerm_public_ip')).toMatchObject({ sku: 'Standard', allocation_method: 'Static', zones: ['1', '2', '3'] });
    expect(onlyResource(json, 'azurerm_virtual_network_gateway').ip_configuration[0].public_ip_address_id).toMatch(/^\$\{azurerm_public_ip\.Er_PublicIp_[A-F0-9]+\.id\}$/);
    expect(gateway.publicIp).toBeDefined();
    expect(warningsAfterSynth(stack).join('\n')).toContain('[ER-GATEWAY-PUBLICIP-CUSTOMER]');
    expect(Runbook.of(stack).render()).toContain('- Public IP: a Standard static public IP of this stack (zones 1, 2, 3)');
  });

  test('ER-GATEWAY-PUBLICIP-CUSTOMER is cleared by acknowledge and by HybridChecks.suppress', () => {
    const acked = hubStack();
    new ExpressRouteGateway(acked.stack, 'Er', { hub: acked.hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged() })
      .acknowledge('ER-GATEWAY-PUBLICIP-CUSTOMER', 'gateway created with its own public IP in 2024');
    expect(warningsAfterSynth(acked.stack).join('\n')).not.toContain('[ER-GATEWAY-PUBLICIP-CUSTOMER]');
    const suppressed = hubStack();
    new ExpressRouteGateway(suppressed.stack, 'Er', { hub: suppressed.hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged() });
    HybridChecks.suppress(suppressed.stack, [{ id: 'ER-GATEWAY-PUBLICIP-CUSTOMER', reason: 'brownfield gateway' }]);
    expect(warningsAfterSynth(suppressed.stack).join('\n')).not.toContain('[ER-GATEWAY-PUBLICIP-CUSTOMER]');
  });

  test('ER-GATEWAY-PUBLICIP-CUSTOMER is decided on the final body: an escape hatch adding a public IP is caught', () => {
    const { stack, hub } = hubStack();
    const gateway = new ExpressRouteGateway(stack, 'Er', { hub });
    gateway.gateway.addOverride('ip_configuration.0.public_ip_address_id', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip');
    expect(warningsAfterSynth(stack).join('\n')).toContain('[ER-GATEWAY-PUBLICIP-CUSTOMER]');
  });

  test('fails when zones are set for an Azure-managed public IP, or given twice (ER-GATEWAY-PUBLICIP-ZONES)', () => {
    const { hub } = hubStack();
    const byDefault = expectValidationError(() => new ExpressRouteGateway(hub, 'Default', { hub, publicIpZones: ['1', '2', '3'] }), 'ER-GATEWAY-PUBLICIP-ZONES', 'publicIpZones', ['1', '2', '3']);
    expect(byDefault.message).toContain('ExpressRouteGatewayPublicIp.customerManaged({ zones })');
    expectValidationError(() => new ExpressRouteGateway(hub, 'Managed', { hub, publicIp: ExpressRouteGatewayPublicIp.azureManaged(), publicIpZones: ['2'] }), 'ER-GATEWAY-PUBLICIP-ZONES', 'publicIpZones', ['2']);
    expectValidationError(() => new ExpressRouteGateway(hub, 'Twice', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: ['1'] }), publicIpZones: ['2'] }), 'ER-GATEWAY-PUBLICIP-ZONES', 'publicIpZones', ['2']);
  });

  test('publicIpZones (deprecated) still sets the zones of a customer-managed public IP', () => {
    const { stack, hub } = hubStack();
    new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged(), publicIpZones: ['1', '2'] });
    expect(onlyResource(synthJson(stack), 'azurerm_public_ip').zones).toEqual(['1', '2']);
  });

  test('fails when the customer public IP of an AZ SKU gateway has no zone', () => {
    // GIVEN a hub
    const { stack, hub } = hubStack();
    // WHEN / THEN: refused at construction, with the rule id the policy rule pack reports
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: [] }) }), 'VPN-PUBLICIP-ZONES', 'publicIp.zones', []);
    expectValidationError(() => new ExpressRouteGateway(stack, 'Er2', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged(), publicIpZones: [] }), 'VPN-PUBLICIP-ZONES', 'publicIpZones', []);
  });

  test('warns when the customer public IP is in one zone only, and uses that zone', () => {
    const { stack, hub } = hubStack();
    new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: ['2'] }) });
    expect(warningsAfterSynth(stack).join('\n')).toContain('[VPN-SKU-ZONES]');
    expect(onlyResource(synthJson(stack), 'azurerm_public_ip').zones).toEqual(['2']);
  });

  test('the zones of a customer public IP accept a Terraform expression', () => {
    const { stack, hub } = hubStack();
    const zones = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
    new ExpressRouteGateway(stack, 'Er', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: zones.listValue }) });
    expect(onlyResource(synthJson(stack), 'azurerm_public_ip').zones).toBe('${var.zones}');
    expect(Runbook.of(stack).render()).toContain('zones from a Terraform expression');
  });

  test('fails with PROP-TYPE when publicIp or its zones are of the wrong kind (JavaScript callers)', () => {
    const { hub } = hubStack();
    expectValidationError(() => new ExpressRouteGateway(hub, 'A', { hub, publicIp: 'azure' as any }), 'PROP-TYPE', 'publicIp');
    expectValidationError(() => new ExpressRouteGateway(hub, 'B', { hub, publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones: '1' as any }) }), 'PROP-TYPE', 'publicIp.zones');
  });

  test('fails when a connection id is repeated (already refused)', () => {
    const { gateway, circuit } = erStack();
    gateway.addConnection('Link', { circuit });
    expectValidationError(() => gateway.addConnection('Link', { circuit }), 'ER-CONNECTION-CIRCUIT', 'id', 'Link');
  });
});

describe('a circuit of another stack', () => {
  /** GIVEN: the circuit in stack `circuits`, the hub and its gateway in stack `hub` of the same app. */
  function twoStacks() {
    const { stack: circuits, circuit } = erStack();
    const hubStack = new TerraformStack(circuits.node.scope!, 'hub');
    new (require('@cdktf/provider-azurerm/lib/provider').AzurermProvider)(hubStack, 'azurerm', { features: [{}] });
    const hub = new HubNetwork(hubStack, 'Hub', { ...base, addressSpace: ['10.1.0.0/16'] });
    const gateway = new ExpressRouteGateway(hubStack, 'Er', { hub });
    gateway.addConnection('Link', { circuit });
    return { circuits, hubStack };
  }

  /** The app's synthesized JSON of stack `hub` (cross-stack references become remote state only in the app's synth). */
  function synthHub(hubStack: TerraformStack): any {
    const app = hubStack.node.scope as App;
    app.synth();
    return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'hub', 'cdk.tf.json'), 'utf8'));
  }

  test("the connection waits behind a gate of its own stack, not the circuit stack's variable through remote state", () => {
    const { hubStack } = twoStacks();
    const json = synthHub(hubStack);
    const connection = onlyResource(json, 'azurerm_virtual_network_gateway_connection');
    expect(connection.count).toBe('${var.test_circuit_provisioned ? 1 : 0}');
    expect(json.variable.test_circuit_provisioned).toMatchObject({ type: 'bool', default: false });
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { test_circuit_provisioned: true })).toHaveLength(1);
    // The precondition still reads the circuit's provisioning state from the other stack.
    expect(connection.lifecycle.precondition[0].condition).toMatch(/terraform_remote_state\..*service_provider_provisioning_state == "Provisioned"/);
    expect(connection.lifecycle.precondition[0].error_message).toContain('close gate test_circuit_provisioned');
  });

  test('the connection names no resource of the other stack in depends_on (terraform validate refuses an attribute there)', () => {
    const { hubStack } = twoStacks();
    const json = synthHub(hubStack);
    const connection = onlyResource(json, 'azurerm_virtual_network_gateway_connection');
    expect(connection.depends_on ?? []).not.toContainEqual(expect.stringContaining('terraform_remote_state'));
    expect(checkTerraformJson('hub', json).filter((f) => f.attribute?.startsWith('depends_on'))).toEqual([]);
  });

  test("a Virtual WAN hub's ExpressRoute connection too: its own stack's gate, no cross-stack depends_on", () => {
    const { stack: circuits, circuit } = erStack();
    const wanStack = new TerraformStack(circuits.node.scope!, 'hub');
    new (require('@cdktf/provider-azurerm/lib/provider').AzurermProvider)(wanStack, 'azurerm', { features: [{}] });
    const wan = new VirtualWan(wanStack, 'Wan', base);
    wan.addHub('West', { location: 'westeurope', addressPrefix: '10.2.0.0/23' }).addExpressRouteGateway().connectCircuit('Link', { circuit });
    const json = synthHub(wanStack);
    const connection = onlyResource(json, 'azurerm_express_route_connection');
    expect(connection.count).toBe('${var.test_circuit_provisioned ? 1 : 0}');
    expect(connection.depends_on ?? []).not.toContainEqual(expect.stringContaining('terraform_remote_state'));
    expect(checkTerraformJson('hub', json).filter((f) => f.level === 'error')).toEqual([]);
  });

  test("both runbooks say which gate creates the connection: the hub stack's own, and the circuit's runbook points to it", () => {
    const { circuits, hubStack } = twoStacks();
    const hubRunbook = Runbook.of(hubStack).render();
    expect(hubRunbook).toContain("1. **test_circuit_provisioned**: when the connectivity provider has provisioned ExpressRoute circuit test/Circuit");
    expect(hubRunbook).toContain("`cdktf deploy hub --var='test_circuit_provisioned=true'`");
    const circuitRunbook = Runbook.of(circuits).render();
    expect(circuitRunbook).toContain("those of other stacks are created by their own gates: `cdktf deploy hub --var='test_circuit_provisioned=true'`");
    expect(circuitRunbook).toContain("Resources of another stack wait for the same step behind their own gate: `cdktf deploy hub --var='test_circuit_provisioned=true'`");
  });
});
