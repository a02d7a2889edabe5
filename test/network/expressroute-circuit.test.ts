import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  ExpressRouteCircuit,
  ExpressRouteCircuitProps,
  ExpressRouteSkuFamily,
  ExpressRouteSkuTier,
  HubNetwork,
  LogAnalyticsWorkspace,
  Runbook,
  SharedKey,
  HybridChecks,
} from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';
import { errorsAfterSynth } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const provider = { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 };
// An ExpressRoute Direct port, by its resource id (azurerm's ValidateExpressRoutePortID).
const PORT = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRoutePorts/port1';
const peering = { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020 };

/** Builds a circuit with `props` in a fresh stack (for failure tests). */
function circuitWith(props: Partial<ExpressRouteCircuitProps>, stack: TerraformStack = newStack()): () => ExpressRouteCircuit {
  return () => new ExpressRouteCircuit(stack, 'Circuit', { ...provider, ...props } as ExpressRouteCircuitProps);
}

function warningsOf(stack: TerraformStack): string {
  return stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)).join('\n');
}

describe('ExpressRouteCircuit', () => {
  test('defaults to Standard/MeteredData through a provider, with private peering and a generated 25-character MD5 key', () => {
    // GIVEN
    const stack = newStack();
    const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', { ...base });
    // WHEN
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', {
      ...provider,
      privatePeering: { ...peering, md5SharedKey: SharedKey.generate(25) },
      authorizations: ['spoke-subscription'],
      logAnalyticsWorkspace: workspace,
    });
    // THEN
    const json = synthJson(stack);
    const resource = onlyResource(json, 'azurerm_express_route_circuit');
    expect(resource.sku).toEqual({ tier: 'Standard', family: 'MeteredData' });
    expect(resource).toMatchObject({ service_provider_name: 'Equinix', peering_location: 'Amsterdam', bandwidth_in_mbps: 1000 });
    expect(resource.express_route_port_id).toBeUndefined();
    const p = onlyResource(json, 'azurerm_express_route_circuit_peering');
    expect(p).toMatchObject({ peering_type: 'AzurePrivatePeering', vlan_id: 100, peer_asn: 65020, primary_peer_address_prefix: '192.168.100.0/30', secondary_peer_address_prefix: '192.168.100.4/30' });
    expect(p.shared_key).toMatch(/^\$\{random_password\..*\.result\}$/);
    expect(onlyResource(json, 'random_password').length).toBe(25);
    // The generated key's output says it is the peering's MD5 key, not a connection's pre-shared key.
    const keyOutput = Object.values<any>(json.output).find((o) => String(o.value).includes('random_password.'));
    expect(keyOutput.description).toBe('BGP MD5 key of the private peering of ExpressRoute circuit test/Circuit (the same key on your routers)');
    expect(onlyResource(json, 'azurerm_express_route_circuit_authorization').name).toBe('spoke-subscription');
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.enabled_log).toEqual([{ category: 'PeeringRouteLog' }]);
    expect(diag.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
    // the service key and authorization key go out sensitive
    expect(json.output[circuit.serviceKeyOutputName!]).toMatchObject({ sensitive: true });
    expect(json.output[circuit.serviceKeyOutputName!].value).toContain('.service_key}');
    const authOutput = Object.entries(json.output).find(([name]) => name.includes('authorization'));
    expect(authOutput?.[1]).toMatchObject({ sensitive: true });
    expect(JSON.stringify(json)).not.toMatch(/"shared_key":\s*"[^$]/);
    expect(warningsOf(stack)).not.toContain('DIAG-MISSING');
  });

  test('an ExpressRoute Direct circuit takes a port and Gbps; the runbook hands the provider its values', () => {
    const stack = newStack();
    new ExpressRouteCircuit(stack, 'Circuit', { ...base, expressRoutePortId: PORT, bandwidthInGbps: 10, skuTier: ExpressRouteSkuTier.PREMIUM, skuFamily: ExpressRouteSkuFamily.UNLIMITED_DATA });
    const resource = onlyResource(synthJson(stack), 'azurerm_express_route_circuit');
    expect(resource).toMatchObject({ express_route_port_id: PORT, bandwidth_in_gbps: 10, sku: { tier: 'Premium', family: 'UnlimitedData' } });
    expect(resource.service_provider_name).toBeUndefined();
    expect(resourcesOf(synthJson(stack), 'azurerm_express_route_circuit_peering')).toHaveLength(0);
    expect(warningsOf(stack)).toMatch(/\[DIAG-MISSING\]/);
    const runbook = Runbook.of(stack).render();
    expect(runbook).toContain('terraform output -raw circuit_service_key');
    expect(runbook).toContain('Private peering is not configured by this stack');
  });

  test('the runbook gives the peering values and where the MD5 key is', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'md5', { type: 'string', sensitive: true });
    expect(variable).toBeDefined();
    new ExpressRouteCircuit(stack, 'Circuit', { ...provider, privatePeering: { ...peering, md5SharedKey: SharedKey.fromVariable('er_md5_key') }, onPremisesPrefixes: ['172.16.0.0/16'] });
    const runbook = Runbook.of(stack).render();
    expect(runbook).toContain('| primary | 192.168.100.0/30 |');
    expect(runbook).toContain('VLAN **100**, your ASN **65020**');
    expect(runbook).toContain('TF_VAR_er_md5_key');
    expect(runbook).toContain('`172.16.0.0/16`');
    expect(onlyResource(synthJson(stack), 'azurerm_express_route_circuit_peering').shared_key).toBe('${var.er_md5_key}');
  });

  test('fails when both a provider and a port are given, or parts are missing', () => {
    expectValidationError(circuitWith({ expressRoutePortId: PORT, bandwidthInGbps: 10 }), 'ER-CIRCUIT-PROVIDER-OR-PORT', 'expressRoutePortId', PORT);
    expectValidationError(circuitWith({ peeringLocation: undefined }), 'ER-CIRCUIT-PROVIDER-OR-PORT', 'peeringLocation');
    expectValidationError(() => new ExpressRouteCircuit(newStack(), 'Circuit', { ...base, expressRoutePortId: PORT }), 'ER-CIRCUIT-PROVIDER-OR-PORT', 'bandwidthInGbps');
  });

  test('fails when the bandwidth is not one Azure offers', () => {
    expectValidationError(circuitWith({ bandwidthInMbps: 300 }), 'ER-CIRCUIT-BANDWIDTH', 'bandwidthInMbps', 300);
    expectValidationError(() => new ExpressRouteCircuit(newStack(), 'Circuit', { ...base, expressRoutePortId: PORT, bandwidthInGbps: 3 }), 'ER-CIRCUIT-BANDWIDTH', 'bandwidthInGbps', 3);
  });

  test('fails when the SKU tier or family is unknown', () => {
    expectValidationError(circuitWith({ skuTier: 'Gold' as ExpressRouteSkuTier }), 'ER-CIRCUIT-SKU', 'skuTier', 'Gold');
    expectValidationError(circuitWith({ skuFamily: 'Flat' as ExpressRouteSkuFamily }), 'ER-CIRCUIT-SKU', 'skuFamily', 'Flat');
  });

  test('fails when a peering prefix is not a /30 or the two overlap', () => {
    expectValidationError(circuitWith({ privatePeering: { ...peering, primaryPeerAddressPrefix: '192.168.100.0/29' } }), 'ER-PEERING-PREFIX', 'privatePeering.primaryPeerAddressPrefix', '192.168.100.0/29');
    const error = expectValidationError(circuitWith({ privatePeering: { ...peering, secondaryPeerAddressPrefix: '192.168.100.0/30' } }), 'ER-PEERING-PREFIX', 'privatePeering.secondaryPeerAddressPrefix', '192.168.100.0/30');
    expect(error.message).toContain('overlaps 192.168.100.0/30 (primary link)');
    expectValidationError(circuitWith({ privatePeering: { ...peering, primaryPeerAddressPrefix: '192.168.100.1/30' } }), 'NET-CIDR-INVALID', 'privatePeering.primaryPeerAddressPrefix', '192.168.100.1/30');
  });

  test('fails when the VLAN is outside 1-4094', () => {
    expectValidationError(circuitWith({ privatePeering: { ...peering, vlanId: 0 } }), 'ER-PEERING-VLAN', 'privatePeering.vlanId', 0);
    expectValidationError(circuitWith({ privatePeering: { ...peering, vlanId: 4095 } }), 'ER-PEERING-VLAN', 'privatePeering.vlanId', 4095);
  });

  test('fails when the peer ASN is reserved', () => {
    expectValidationError(circuitWith({ privatePeering: { ...peering, peerAsn: 65515 } }), 'VPN-BGP-ASN', 'privatePeering.peerAsn', 65515);
    expectValidationError(circuitWith({ privatePeering: { ...peering, peerAsn: 12076 } }), 'VPN-BGP-ASN', 'privatePeering.peerAsn', 12076);
  });

  test('fails when a generated MD5 key would be longer than 25 characters', () => {
    expectValidationError(circuitWith({ privatePeering: { ...peering, md5SharedKey: SharedKey.generate(26) } }), 'ER-SHARED-KEY-LENGTH', 'privatePeering.md5SharedKey', 'SharedKey.generate(26)');
    expectValidationError(circuitWith({ privatePeering: { ...peering, md5SharedKey: SharedKey.generate() } }), 'ER-SHARED-KEY-LENGTH', 'privatePeering.md5SharedKey', 'SharedKey.generate(64)');
  });

  test('fails at synth when the MD5 key is made a literal through the escape hatch', () => {
    // GIVEN
    const stack = newStack();
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...provider, privatePeering: { ...peering, md5SharedKey: SharedKey.generate(25) } });
    expect(errorsAfterSynth(stack)).toEqual([]);
    // WHEN
    circuit.privatePeering!.sharedKey = 'secret-in-git';
    // THEN
    // one rule for both keys now: VPN-SHARED-KEY-LITERAL (ER-SHARED-KEY-LITERAL is its former id)
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Circuit: .*azurerm_express_route_circuit_peering\.Circuit_PrivatePeering_[0-9A-F]+: the peering MD5 key has a literal part \(13 characters\)/);
  });

  test('the former id ER-SHARED-KEY-LITERAL still suppresses the literal MD5 key finding', () => {
    const stack = newStack();
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...provider, privatePeering: { ...peering, md5SharedKey: SharedKey.generate(25) } });
    circuit.privatePeering!.sharedKey = 'secret-in-git';
    HybridChecks.suppress(circuit, [{ id: 'ER-SHARED-KEY-LITERAL', reason: 'lab circuit, key rotated by the provider' }]);
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('fails when an authorization name is repeated or invalid, or the circuit name is invalid', () => {
    expectValidationError(circuitWith({ authorizations: ['a', 'a'] }), 'ER-AUTHORIZATION-DUPLICATE', 'authorizations[1]', 'a');
    expectValidationError(circuitWith({ authorizations: ['bad name!'] }), 'NAME-INVALID', 'authorizations[0]', 'bad name!');
    expectValidationError(circuitWith({ name: '-bad' }), 'NAME-INVALID', 'name', '-bad');
  });

  test('fails when ExpressRoute-advertised prefixes or peering links overlap the hub, naming both ranges', () => {
    const stack = newStack();
    new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const error = expectValidationError(circuitWith({ onPremisesPrefixes: ['10.0.128.0/17'] }, stack), 'NET-ADDRESS-OVERLAP', 'onPremisesPrefixes', '10.0.128.0/17');
    expect(error.message).toContain('10.0.128.0/17 (on-premises prefixes advertised over ExpressRoute circuit test/Circuit) overlaps 10.0.0.0/16 (hub test/Hub address space)');
    const stack2 = newStack();
    new HubNetwork(stack2, 'Hub', { ...base, addressSpace: ['192.168.100.0/24'] });
    expectValidationError(circuitWith({ privatePeering: peering }, stack2), 'NET-ADDRESS-OVERLAP', 'privatePeering.primaryPeerAddressPrefix', '192.168.100.0/30');
  });
});
