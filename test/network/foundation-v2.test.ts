import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { ExpressRouteCircuit, ExpressRouteGateway, HubNetwork, HybridConnectivity, SharedKey, SiteToSiteConnection, SpokePeering, VpnDevice, VpnGateway, VpnGatewaySku } from '../../lib';
import { expectValidationError, newStack, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const VNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub';

describe('Foundation v2 network contracts', () => {
  test('an imported hub carves subnets around usedPrefixes and finds given subnets by name', () => {
    const stack = newStack();
    const hub = HubNetwork.fromHubNetworkAttributes(stack, 'Hub', {
      ...base, virtualNetworkId: VNET, virtualNetworkName: 'hub', gatewaySubnetId: `${VNET}/subnets/GatewaySubnet`,
      addressSpace: ['10.0.0.0/16'], usedPrefixes: ['10.0.0.0/24'], subnetIds: { pe: `${VNET}/subnets/pe` },
    });
    hub.addSubnet('app');
    expect(hub.subnetId('pe')).toBe(`${VNET}/subnets/pe`);
    expect(hub.subnetId('GatewaySubnet')).toBe(`${VNET}/subnets/GatewaySubnet`);
    expect(hub.subnetId('app')).toBeDefined();
    const subnet = resourcesOf(synthJson(stack), 'azurerm_subnet')[0];
    expect(subnet).toMatchObject({ name: 'app', virtual_network_name: 'hub', address_prefixes: ['10.0.1.0/24'] });
  });

  test('fails when an imported gateway subnet is not named GatewaySubnet (NET-GWSUBNET-NAME)', () => {
    expectValidationError(() => HubNetwork.fromHubNetworkAttributes(newStack(), 'Hub', {
      ...base, virtualNetworkId: VNET, virtualNetworkName: 'hub', gatewaySubnetId: `${VNET}/subnets/gateways`, addressSpace: ['10.0.0.0/16'],
    }), 'NET-GWSUBNET-NAME', 'gatewaySubnetId');
  });

  test('B7: the spoke-to-hub peering (use_remote_gateways) depends on the hub-to-spoke peering', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    new VpnGateway(stack, 'Vpn', { hub });
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
    const peerings = synthJson(stack).resource.azurerm_virtual_network_peering;
    const [hubToSpokeName] = Object.keys(peerings).filter((k) => k.includes('HubToSpoke'));
    const spokeToHub = Object.entries(peerings).find(([k]) => k.includes('SpokeToHub'))![1] as any;
    expect(spokeToHub.use_remote_gateways).toBe(true);
    expect(spokeToHub.depends_on).toContain(`azurerm_virtual_network_peering.${hubToSpokeName}`);
  });

  test('gateways and circuits expose their metrics; imports work through the interfaces', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const vpn = VpnGateway.fromVpnGatewayAttributes(stack, 'Existing', { gatewayId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/g', hub, sku: VpnGatewaySku.VPN_GW2_AZ });
    expect(vpn.metricBgpPeerStatus()).toMatchObject({ name: 'BgpPeerStatus', splitBy: ['BgpPeerAddress'] });
    expect(vpn.metricAverageBandwidth()).toMatchObject({ name: 'AverageBandwidth', splitBy: ['Instance'] });
    expect(vpn.aggregateThroughputMbps).toBe(1250);
    // a site on an imported gateway: the connection construct takes the interface
    new SiteToSiteConnection(stack, 'Paris', { gateway: vpn, device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
    const circuit = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c', onPremisesPrefixes: ['172.16.0.0/16'] });
    expect(circuit.metricBgpAvailability()).toMatchObject({ name: 'BgpAvailability', splitBy: ['PeeringType', 'Peer'] });
    const er = ExpressRouteGateway.fromExpressRouteGatewayAttributes(stack, 'Er', { gatewayId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/er', hub });
    expect(er.metricCpuUtilization()).toMatchObject({ name: 'ExpressRouteGatewayCpuUtilization', splitBy: ['roleInstance'] });
    expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_connection')).toHaveLength(1);
  });

  test('the ExpressRoute connection sits behind the circuit gate: count = var.circuit_provisioned ? 1 : 0, precondition kept', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', {
      ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000, onPremisesPrefixes: ['172.16.0.0/16'],
      privatePeering: { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020, md5SharedKey: SharedKey.generate(25) },
    });
    HybridConnectivity.expressRoute(stack, 'Connectivity', { hub, circuit });
    const json = synthJson(stack);
    expect(json.variable.circuit_provisioned).toMatchObject({ type: 'bool', default: false });
    const connection = resourcesOf(json, 'azurerm_virtual_network_gateway_connection')[0];
    expect(connection.count).toMatch(/var\.circuit_provisioned/);
    expect(JSON.stringify(connection.lifecycle)).toContain('service_provider_provisioning_state');
  });

  test('a token passes where Terraform accepts an expression (site device, ASN, prefixes)', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const asn = new TerraformVariable(stack, 'asn', { type: 'number' });
    const ip = new TerraformVariable(stack, 'ip', { type: 'string' });
    const gw = new VpnGateway(stack, 'Vpn', { hub, asn: 65515 });
    gw.addSite('Site', { device: VpnDevice.address(ip.stringValue), bgpAsn: asn.numberValue, bgpPeeringAddress: '192.168.1.1', routingWeight: asn.numberValue });
    expect(() => synthJson(stack)).not.toThrow();
  });

  test('fails with PROP-LITERAL when activeActive is a token', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const aa = new TerraformVariable(stack, 'aa', { type: 'bool' });
    expectValidationError(() => new VpnGateway(stack, 'Vpn', { hub, activeActive: aa.booleanValue as unknown as boolean }), 'PROP-LITERAL', 'activeActive');
  });
});

describe('an import of a hub the same App creates (the two-stack pattern)', () => {
  /** GIVEN: a hub with a VPN gateway in stack `connectivity`, and stack `workloads` of the same app. */
  function twoStacks() {
    const connectivity = newStack('connectivity');
    const hub = new HubNetwork(connectivity, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    new VpnGateway(connectivity, 'Vpn', { hub });
    const workloads = new TerraformStack(connectivity.node.scope!, 'workloads');
    new AzurermProvider(workloads, 'azurerm', { features: [{}] });
    return { hub, workloads };
  }
  const attributesOf = (hub: HubNetwork) => ({
    ...base, virtualNetworkId: hub.virtualNetworkId, virtualNetworkName: hub.virtualNetworkName, gatewaySubnetId: hub.gatewaySubnetId, hasGateway: true,
  });

  test('claims the same ranges as the hub without NET-ADDRESS-OVERLAP, and spokes still may not overlap it', () => {
    const { hub, workloads } = twoStacks();
    const imported = HubNetwork.fromHubNetworkAttributes(workloads, 'Hub', { ...attributesOf(hub), addressSpace: ['10.0.0.0/16'] });
    new SpokePeering(workloads, 'Apps', { hub: imported, resourceGroupName: 'rg-apps', addressSpace: ['10.1.0.0/24'] });
    expect(() => (workloads.node.scope as App).synth()).not.toThrow();
    expectValidationError(() => new SpokePeering(workloads, 'Clash', { hub: imported, resourceGroupName: 'rg-apps', addressSpace: ['10.0.8.0/24'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.0.8.0/24');
  });

  test('another network with the same ranges is still an overlap (NET-ADDRESS-OVERLAP across stacks of one deployment)', () => {
    const { hub, workloads } = twoStacks();
    const other = HubNetwork.fromHubNetworkAttributes(workloads, 'Other', {
      ...attributesOf(hub), virtualNetworkId: VNET, gatewaySubnetId: `${VNET}/subnets/GatewaySubnet`, addressSpace: ['10.0.0.0/16'],
    });
    // One deployment: the workloads stack refers to the hub stack.
    new SpokePeering(workloads, 'Apps', { hub, resourceGroupName: 'rg-apps', addressSpace: ['10.1.0.0/24'] });
    expect(other).toBeDefined();
    expect(() => (workloads.node.scope as App).synth()).toThrow(/\[NET-ADDRESS-OVERLAP\].*10\.0\.0\.0\/16 \(hub workloads\/Other address space\) overlaps 10\.0\.0\.0\/16 \(hub connectivity\/Hub address space, stack connectivity\)/);
  });
});
