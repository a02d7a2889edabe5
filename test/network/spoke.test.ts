import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { HubNetwork, SpokeOptions, SpokePeering, VpnGateway } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';
import { errorsAfterSynth } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const existing = { existingVirtualNetworkId: '/subscriptions/x/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-app', existingVirtualNetworkName: 'vnet-app', resourceGroupName: 'rg-app' };

/** GIVEN: a stack with a hub. */
function hubStack(): { stack: TerraformStack; hub: HubNetwork } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  return { stack, hub };
}

function spokeWith(options: Partial<SpokeOptions>): () => unknown {
  return () => hubStack().hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'], ...options });
}

function peerings(json: any): { hubSide: any; spokeSide: any } {
  const list = resourcesOf(json, 'azurerm_virtual_network_peering');
  return { hubSide: list.find((p) => p.allow_gateway_transit !== undefined), spokeSide: list.find((p) => p.use_remote_gateways !== undefined) };
}

describe('HubNetwork.addSpoke', () => {
  test('peers a new spoke both ways: gateway transit on the hub side, remote gateways on the spoke side, after the gateways', () => {
    // GIVEN
    const { stack, hub } = hubStack();
    // WHEN: the spoke is added before the gateway, which must still come first in Terraform
    const spoke = hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'], subnets: { web: '10.1.1.0/24' } });
    new VpnGateway(stack, 'Vpn', { hub });
    // THEN
    const json = synthJson(stack);
    const { hubSide, spokeSide } = peerings(json);
    expect(hubSide).toMatchObject({ allow_gateway_transit: true, allow_forwarded_traffic: true, allow_virtual_network_access: true });
    expect(hubSide.virtual_network_name).toMatch(/azurerm_virtual_network\.Hub_[A-F0-9]+\.name/);
    expect(hubSide.remote_virtual_network_id).toMatch(/azurerm_virtual_network\.Hub_App_[A-F0-9]+\.id/);
    expect(spokeSide).toMatchObject({ use_remote_gateways: true, allow_forwarded_traffic: true });
    expect(spokeSide.remote_virtual_network_id).toMatch(/azurerm_virtual_network\.Hub_[A-F0-9]+\.id/);
    expect(hubSide.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_gateway\.Vpn_/)]);
    // B7: the spoke side waits for the hub side too
    expect(spokeSide.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_peering\.Hub_App_HubToSpoke_/), expect.stringMatching(/^azurerm_virtual_network_gateway\.Vpn_/)]);
    expect(resourcesOf(json, 'azurerm_virtual_network').map((v) => v.address_space[0]).sort()).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    expect(spoke.subnets.web).toBeDefined();
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('peers an existing spoke network by id and name, in its own resource group', () => {
    const { stack, hub } = hubStack();
    new VpnGateway(stack, 'Vpn', { hub });
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'], ...existing });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network')).toHaveLength(1);
    const { hubSide, spokeSide } = peerings(json);
    expect(hubSide.remote_virtual_network_id).toBe(existing.existingVirtualNetworkId);
    expect(spokeSide).toMatchObject({ virtual_network_name: 'vnet-app', resource_group_name: 'rg-app' });
  });

  test('a spoke with its own gateway is peered without gateway transit', () => {
    const { stack, hub } = hubStack();
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'], spokeHasGateway: true });
    const json = synthJson(stack);
    const list = resourcesOf(json, 'azurerm_virtual_network_peering');
    expect(list.map((p) => [p.allow_gateway_transit ?? null, p.use_remote_gateways ?? null])).toEqual([[false, null], [null, false]]);
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test('fails when a spoke with its own gateway asks for remote gateways', () => {
    expectValidationError(spokeWith({ spokeHasGateway: true, useRemoteGateways: true }), 'SPOKE-REMOTE-GATEWAYS', 'useRemoteGateways', true);
  });

  test('fails when an existing network uses remote gateways on a second peering', () => {
    const { hub } = hubStack();
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'], ...existing });
    const other = new HubNetwork(hub.node.scope!, 'Hub2', { ...base, addressSpace: ['10.2.0.0/16'] });
    expectValidationError(() => other.addSpoke('App', { addressSpace: ['10.3.0.0/16'], ...existing }), 'SPOKE-REMOTE-GATEWAYS', 'existingVirtualNetworkId', existing.existingVirtualNetworkId);
  });

  test('fails at synth when the spoke uses remote gateways and the hub has none', () => {
    const { stack, hub } = hubStack();
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[SPOKE-NO-HUB-GATEWAY\] test\/Hub\/App/);
  });

  test('fails when an existing network is half given, or given with new-network props', () => {
    expectValidationError(spokeWith({ existingVirtualNetworkId: existing.existingVirtualNetworkId }), 'SPOKE-VNET-SOURCE', 'existingVirtualNetworkName');
    expectValidationError(spokeWith({ ...existing, name: 'vnet-new' }), 'SPOKE-VNET-SOURCE', 'name', 'vnet-new');
  });

  test('fails when the spoke overlaps the hub, naming both ranges', () => {
    const error = expectValidationError(spokeWith({ addressSpace: ['10.0.128.0/17'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.0.128.0/17');
    expect(error.message).toContain('10.0.128.0/17 (spoke test/Hub/App address space) overlaps 10.0.0.0/16 (hub test/Hub address space)');
  });

  test('fails when two spokes overlap, naming both ranges', () => {
    const { hub } = hubStack();
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
    const error = expectValidationError(() => hub.addSpoke('Data', { addressSpace: ['10.1.0.0/24'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.1.0.0/24');
    expect(error.message).toContain('overlaps 10.1.0.0/16 (spoke test/Hub/App address space)');
  });

  test('fails when a spoke subnet is outside its space, overlaps another, or the space is invalid', () => {
    expectValidationError(spokeWith({ subnets: { web: '10.2.0.0/24' } }), 'NET-SUBNET-OUTSIDE', 'subnets.web', '10.2.0.0/24');
    expectValidationError(spokeWith({ subnets: { web: '10.1.0.0/24', db: '10.1.0.128/25' } }), 'NET-SUBNET-OVERLAP', 'subnets.db', '10.1.0.128/25');
    expectValidationError(spokeWith({ addressSpace: ['10.1.0.1/16'] }), 'NET-CIDR-INVALID', 'addressSpace', '10.1.0.1/16');
    expectValidationError(spokeWith({ name: 'x' }), 'NAME-INVALID', 'name', 'x');
  });

  test('the spoke network defaults to the hub resource group and region', () => {
    const { stack, hub } = hubStack();
    new VpnGateway(stack, 'Vpn', { hub });
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
    const vnet = resourcesOf(synthJson(stack), 'azurerm_virtual_network').find((v) => v.name === 'vnet-hub-app');
    expect(vnet).toMatchObject({ resource_group_name: 'rg', location: 'westeurope' });
    expect(onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway').type).toBe('Vpn');
  });
});

describe('SpokePeering and the hub\'s gateways (IHubNetwork.hasGateway / gatewayDependables)', () => {
  const VNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub';
  const imported = (stack: TerraformStack, hasGateway?: boolean) => HubNetwork.fromHubNetworkAttributes(stack, 'Hub', {
    ...base, virtualNetworkId: VNET, virtualNetworkName: 'hub', gatewaySubnetId: `${VNET}/subnets/GatewaySubnet`, addressSpace: ['10.0.0.0/16'], hasGateway,
  });

  test('a spoke in another stack peers with a hub whose gateway is in the hub\'s stack', () => {
    // GIVEN a hub and its gateway in one stack
    const hubStackOnly = newStack('hub');
    const hub = new HubNetwork(hubStackOnly, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    new VpnGateway(hubStackOnly, 'Vpn', { hub });
    // WHEN a spoke is added in another stack of the same app
    const spokeStack = new TerraformStack(hubStackOnly.node.scope!, 'spokes');
    new AzurermProvider(spokeStack, 'azurerm', { features: [{}] });
    new SpokePeering(spokeStack, 'App', { hub, addressSpace: ['10.1.0.0/16'] });
    // THEN it is accepted; its peerings wait for nothing of the other stack (the stacks are ordered)
    expect(hub.hasGateway).toBe(true);
    expect(errorsAfterSynth(spokeStack)).toEqual([]);
    const { hubSide } = peerings(synthJson(spokeStack));
    expect(hubSide.depends_on).toBeUndefined();
  });

  test('a spoke on an imported hub with hasGateway is accepted, and one without is refused at synth', () => {
    const withGateway = newStack();
    new SpokePeering(withGateway, 'App', { hub: imported(withGateway, true), addressSpace: ['10.1.0.0/16'] });
    expect(errorsAfterSynth(withGateway)).toEqual([]);

    const without = newStack();
    new SpokePeering(without, 'App', { hub: imported(without), addressSpace: ['10.1.0.0/16'] });
    expect(errorsAfterSynth(without).join('\n')).toMatch(/\[SPOKE-NO-HUB-GATEWAY\] test\/App/);
  });

  test('a gateway placed in an imported hub counts, and the peerings wait for it', () => {
    const stack = newStack();
    const hub = imported(stack);
    new SpokePeering(stack, 'App', { hub, addressSpace: ['10.1.0.0/16'] });
    new VpnGateway(stack, 'Vpn', { hub });
    expect(errorsAfterSynth(stack)).toEqual([]);
    expect(peerings(synthJson(stack)).hubSide.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_gateway\.Vpn_/)]);
  });

  test('fails with PROP-LITERAL when hasGateway or useRemoteGateways is a token', () => {
    const stack = newStack();
    const flag = new TerraformVariable(stack, 'flag', { type: 'bool' });
    expectValidationError(() => imported(stack, flag.booleanValue as unknown as boolean), 'PROP-LITERAL', 'hasGateway');
    expectValidationError(spokeWith({ useRemoteGateways: flag.booleanValue as unknown as boolean }), 'PROP-LITERAL', 'useRemoteGateways');
  });

  test('fails with PROP-REQUIRED when the hub or the address space is missing (JavaScript callers)', () => {
    expectValidationError(() => new SpokePeering(newStack(), 'App', { addressSpace: ['10.1.0.0/16'] } as any), 'PROP-REQUIRED', 'hub');
    expectValidationError(spokeWith({ addressSpace: undefined }), 'PROP-REQUIRED', 'addressSpace');
  });
});

