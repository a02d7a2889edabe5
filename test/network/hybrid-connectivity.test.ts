import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { ExpressRouteVpnFailoverStack } from '../../examples/expressroute-vpn-failover';
import {
  ExpressRouteCircuit,
  HubNetwork,
  HybridConnectivity,
  HybridConnectivityMode,
  ExpressRouteVpnFailoverProps,
  Runbook,
  VpnGatewaySku,
  VpnType,
  VpnDevice,
} from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';
import { errorsAfterSynth, resourcesWithGates } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };

/** GIVEN: a stack with a hub and a circuit advertising 172.16.0.0/16. */
function failoverStack(): { stack: TerraformStack; hub: HubNetwork; circuit: ExpressRouteCircuit } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const circuit = new ExpressRouteCircuit(stack, 'Circuit', {
    ...base,
    serviceProviderName: 'Equinix',
    peeringLocation: 'Amsterdam',
    bandwidthInMbps: 1000,
    privatePeering: { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020 },
    onPremisesPrefixes: ['172.16.0.0/16'],
  });
  return { stack, hub, circuit };
}

function connectivityWith(props: Partial<ExpressRouteVpnFailoverProps>): () => HybridConnectivity {
  return () => {
    const { stack, hub, circuit } = failoverStack();
    return HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit, ...props } as ExpressRouteVpnFailoverProps);
  };
}

describe('HybridConnectivity', () => {
  describe('expressroute-vpn-failover', () => {
    test('both gateways share the GatewaySubnet; VPN is RouteBased VpnGw2AZ on ASN 65515, ExpressRoute ErGw1AZ', () => {
      // GIVEN
      const { stack, hub, circuit } = failoverStack();
      // WHEN
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
      // THEN
      const json = synthJson(stack);
      const gateways = resourcesOf(json, 'azurerm_virtual_network_gateway');
      const vpn = gateways.find((g) => g.type === 'Vpn');
      const er = gateways.find((g) => g.type === 'ExpressRoute');
      const subnetIds = new Set([...vpn.ip_configuration, ...er.ip_configuration].map((c: any) => c.subnet_id));
      expect([...subnetIds]).toEqual([expect.stringMatching(/^\$\{azurerm_subnet\.Hub_GatewaySubnet_[A-F0-9]+\.id\}$/)]);
      expect(vpn).toMatchObject({ vpn_type: 'RouteBased', sku: 'VpnGw2AZ', active_active: true, enable_bgp: true, bgp_settings: { asn: 65515 } });
      expect(er.sku).toBe('ErGw1AZ');
      expect(hub.gatewaySubnetPrefix).toBe('10.0.0.0/26');
      // ordering: VPN gateway after the ExpressRoute gateway; the connection after both and the peering
      expect(vpn.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_gateway\.Connectivity_ExpressRouteGateway_/)]);
      const [connection] = resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', { circuit_provisioned: true });
      expect(connection.type).toBe('ExpressRoute');
      expect(connection.count).toBe('${var.circuit_provisioned ? 1 : 0}');
      expect(connection.depends_on).toHaveLength(3);
      expect(connectivity.expressRouteConnection).toBeDefined();
      expect(errorsAfterSynth(stack)).toEqual([]);
    });

    test('the runbook explains both phases, what routers advertise and prefer, and how to test failover', () => {
      const { stack, hub, circuit } = failoverStack();
      HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
      const runbook = Runbook.of(stack).render();
      expect(runbook).toContain('circuit_provisioned');
      expect(runbook).toContain("cdktf deploy test --var='circuit_provisioned=true'");
      expect(runbook).toContain('terraform output -raw circuit_service_key');
      expect(runbook).toContain('Never a more-specific prefix over the VPN');
      expect(runbook).toContain('AS-path prepend');
      expect(runbook).toContain('local-preference');
      expect(runbook).toContain('How to test failover');
      // phase 1 (gate closed by default): no ExpressRoute connection
      expect(resourcesWithGates(synthJson(stack), 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    });

    test('a BGP failover site is accepted; Route Server is added in a carved RouteServerSubnet', () => {
      const { stack, hub, circuit } = failoverStack();
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit, routeServer: true });
      connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.30'), bgpAsn: 65020, bgpPeeringAddress: '172.16.255.1' });
      const json = synthJson(stack);
      expect(onlyResource(json, 'azurerm_route_server')).toMatchObject({ sku: 'Standard', branch_to_branch_traffic_enabled: true });
      expect(hub.subnetPrefixes().RouteServerSubnet).toMatch(/\/27$/);
      expect(resourcesOf(json, 'azurerm_local_network_gateway')).toHaveLength(1);
    });

    test('fails when the VPN gateway is Basic; JavaScript props the factory does not have cannot break coexistence', () => {
      expectValidationError(connectivityWith({ vpnGatewaySku: VpnGatewaySku.of('Basic') }), 'VPN-SKU-LEGACY', 'sku', 'Basic');
      // GIVEN props of other factories (a JavaScript caller): vpnType and vpnAsn are not failover props
      const connectivity = connectivityWith({ vpnType: VpnType.POLICY_BASED, vpnAsn: 65010 } as unknown as ExpressRouteVpnFailoverProps)();
      // THEN the VPN gateway stays RouteBased on 65515
      const vpn = resourcesOf(synthJson(connectivity.node.scope as TerraformStack), 'azurerm_virtual_network_gateway').find((g) => g.type === 'Vpn');
      expect(vpn).toMatchObject({ vpn_type: 'RouteBased', bgp_settings: { asn: 65515 } });
    });

    test('fails at synth when escape-hatch edits break coexistence', () => {
      // GIVEN
      const { stack, hub, circuit } = failoverStack();
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
      // WHEN
      connectivity.vpnGateway!.gateway.addOverride('ip_configuration.0.subnet_id', '/subscriptions/x/subnets/GatewaySubnet');
      connectivity.vpnGateway!.gateway.vpnType = 'PolicyBased';
      connectivity.vpnGateway!.gateway.sku = 'Basic';
      connectivity.vpnGateway!.gateway.bgpSettings.asn = 65001;
      // THEN
      const errors = errorsAfterSynth(stack).join('\n');
      expect(errors).toMatch(/\[ER-COEXIST-VPN-TYPE\] test\/Connectivity: .*test\/Connectivity\/VpnGateway\/Resource/);
      expect(errors).toMatch(/\[ER-COEXIST-VPN-SKU\]/);
      expect(errors).toMatch(/\[ER-COEXIST-VPN-ASN\]/);
    });

    test('fails at synth when the VPN gateway is moved to another subnet', () => {
      const { stack, hub, circuit } = failoverStack();
      const other = hub.addSubnet('other');
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit, vpnActiveActive: false });
      connectivity.vpnGateway!.gateway.putIpConfiguration([{ name: 'ipconfig1', subnetId: other.id, publicIpAddressId: connectivity.vpnGateway!.publicIps[0].id }]);
      expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[ER-COEXIST-SUBNET\] test\/Connectivity: .*test\/Connectivity\/VpnGateway\/Resource/);
    });

    test('fails when a failover site carries a prefix more specific than the ExpressRoute one', () => {
      const { stack, hub, circuit } = failoverStack();
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
      const error = expectValidationError(() => connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.30'), addressSpaces: ['172.16.10.0/24'] }), 'ER-COEXIST-MORE-SPECIFIC', 'addressSpaces', '172.16.10.0/24');
      expect(error.message).toContain('more specific than 172.16.0.0/16');
    });

    test('fails when Route Server is asked for with an active-standby VPN, or as a token', () => {
      expectValidationError(connectivityWith({ routeServer: true, vpnActiveActive: false }), 'HYB-ROUTESERVER', 'vpnActiveActive', false);
      const { stack, hub, circuit } = failoverStack();
      const flag = new TerraformVariable(stack, 'rs', { type: 'bool' });
      expectValidationError(() => HybridConnectivity.expressRouteWithVpnFailover(stack, 'C', { hub, circuit, routeServer: flag.booleanValue as unknown as boolean }), 'PROP-LITERAL', 'routeServer');
    });

    test('Route Server goes into an imported hub too (a RouteServerSubnet carved around the used prefixes)', () => {
      const stack = newStack();
      const existing = HubNetwork.fromHubNetworkAttributes(stack, 'Hub', {
        ...base,
        virtualNetworkId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub',
        virtualNetworkName: 'vnet-hub',
        gatewaySubnetId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet',
        addressSpace: ['10.0.0.0/16'],
        usedPrefixes: ['10.0.0.0/26'],
      });
      const circuit = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/c', onPremisesPrefixes: ['172.16.0.0/16'] });
      HybridConnectivity.expressRouteWithVpnFailover(stack, 'C', { hub: existing, circuit, routeServer: true });
      const json = synthJson(stack);
      expect(onlyResource(json, 'azurerm_subnet')).toMatchObject({ name: 'RouteServerSubnet', virtual_network_name: 'vnet-hub', address_prefixes: ['10.0.0.64/27'] });
      expect(onlyResource(json, 'azurerm_route_server').branch_to_branch_traffic_enabled).toBe(true);
      // an existing circuit is assumed provisioned: the connection has no gate
      expect(onlyResource(json, 'azurerm_virtual_network_gateway_connection').count).toBeUndefined();
    });
  });

  describe('modes', () => {
    test('vpn builds only a VPN gateway; expressroute only an ExpressRoute gateway', () => {
      const vpnStack = newStack();
      const hub = new HubNetwork(vpnStack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
      const vpn = HybridConnectivity.vpn(vpnStack, 'C', { hub });
      vpn.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
      expect(resourcesOf(synthJson(vpnStack), 'azurerm_virtual_network_gateway').map((g) => g.type)).toEqual(['Vpn']);
      expect(vpn.expressRouteGateway).toBeUndefined();
      expect(vpn.mode).toBe(HybridConnectivityMode.VPN);

      const { stack, hub: erHub, circuit } = failoverStack();
      const er = HybridConnectivity.expressRoute(stack, 'C', { hub: erHub, circuit });
      expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway').map((g) => g.type)).toEqual(['ExpressRoute']);
      expect(er.vpnGateway).toBeUndefined();
    });

    test('fails when ExpressRoute has no circuit, the hub is missing, or an ExpressRoute-only hub takes a VPN site', () => {
      const { stack, hub } = failoverStack();
      expectValidationError(() => HybridConnectivity.expressRoute(stack, 'A', { hub } as any), 'PROP-REQUIRED', 'circuit');
      expectValidationError(() => HybridConnectivity.vpn(stack, 'B', {} as any), 'PROP-REQUIRED', 'hub');
      expectValidationError(connectivityWith({ circuit: undefined }), 'PROP-REQUIRED', 'circuit');
      const er = (() => {
        const g = failoverStack();
        return HybridConnectivity.expressRoute(g.stack, 'C', { hub: g.hub, circuit: g.circuit });
      })();
      expectValidationError(() => er.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] }), 'HYB-MODE-OPTIONS', 'addSite', 'Paris');
    });
  });

  describe('address plan across hub, spokes and sites', () => {
    test('a spoke overlapping the ExpressRoute-advertised prefixes is refused, naming both ranges', () => {
      const { hub } = failoverStack();
      const error = expectValidationError(() => hub.addSpoke('App', { addressSpace: ['172.16.8.0/21'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '172.16.8.0/21');
      expect(error.message).toContain('172.16.8.0/21 (spoke test/Hub/App address space) overlaps 172.16.0.0/16 (on-premises prefixes advertised over ExpressRoute circuit test/Circuit)');
    });

    test('a VPN site overlapping a spoke is refused, naming both ranges', () => {
      const { stack, hub, circuit } = failoverStack();
      const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
      hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
      const error = expectValidationError(
        () => connectivity.addSite('Branch', { device: VpnDevice.address('203.0.113.40'), addressSpaces: ['10.1.4.0/24'] }),
        'NET-ADDRESS-OVERLAP',
        'addressSpaces',
        '10.1.4.0/24',
      );
      expect(error.message).toContain('10.1.4.0/24 (on-premises site test/Connectivity/VpnGateway/Branch) overlaps 10.1.0.0/16 (spoke test/Hub/App address space)');
    });

    test('an ExpressRoute circuit overlapping a VPN site is refused, naming both ranges', () => {
      const stack = newStack();
      const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
      const vpn = HybridConnectivity.vpn(stack, 'Vpn', { hub });
      vpn.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
      const error = expectValidationError(
        () => new ExpressRouteCircuit(stack, 'Circuit', { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 50, onPremisesPrefixes: ['192.168.0.0/16'] }),
        'NET-ADDRESS-OVERLAP',
        'onPremisesPrefixes',
        '192.168.0.0/16',
      );
      expect(error.message).toContain('overlaps 192.168.10.0/24 (on-premises site test/Vpn/VpnGateway/Paris)');
    });
  });
});

describe('examples/expressroute-vpn-failover', () => {
  test('snapshot (one JSON for both phases: the ExpressRoute connection behind the circuit gate)', () => {
    const stack = new ExpressRouteVpnFailoverStack(Testing.app(), 'expressroute-vpn-failover');
    expect(synthJson(stack)).toMatchSnapshot();
  });

  test('phase 2 (gate circuit_provisioned open): hub, two spokes, circuit, VPN site and the ExpressRoute connection', () => {
    const stack = new ExpressRouteVpnFailoverStack(Testing.app(), 'expressroute-vpn-failover');
    const json = synthJson(stack);
    const phase2 = { circuit_provisioned: true };
    expect(resourcesOf(json, 'azurerm_virtual_network')).toHaveLength(3);
    expect(resourcesOf(json, 'azurerm_virtual_network_peering')).toHaveLength(4);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection').map((c) => c.type)).toEqual(['IPsec']);
    expect(resourcesWithGates(json, 'azurerm_virtual_network_gateway_connection', phase2).map((c) => c.type).sort()).toEqual(['ExpressRoute', 'IPsec']);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway').map((g) => g.type).sort()).toEqual(['ExpressRoute', 'Vpn']);
    expect(errorsAfterSynth(stack)).toEqual([]);
  });
});

describe('HybridConnectivity.addSite ids', () => {
  test('fails when a site id is repeated', () => {
    // GIVEN failover connectivity with a site Dc
    const connectivity = connectivityWith({})();
    connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.30'), bgpAsn: 65020, bgpPeeringAddress: '172.16.255.1' });
    // WHEN / THEN
    expectValidationError(() => connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.31'), bgpAsn: 65021, bgpPeeringAddress: '172.16.255.2' }), 'NAME-DUPLICATE', 'id', 'Dc');
  });
});

describe('HybridConnectivity failover with a static-route VPN site', () => {
  test('the VPN site may carry exactly the ExpressRoute-advertised prefixes (the same network, reached two ways)', () => {
    // GIVEN a failover hub whose circuit advertises 172.16.0.0/16
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 50, onPremisesPrefixes: ['172.16.0.0/16'] });
    const connectivity = HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
    // WHEN a static VPN site backs it up with the same prefix
    connectivity.addSite('Backup', { device: VpnDevice.address('203.0.113.40'), addressSpaces: ['172.16.0.0/16'] });
    // THEN it synthesizes, with the prefix on the local network gateway
    const lng = onlyResource(synthJson(stack), 'azurerm_local_network_gateway');
    expect(lng.address_space).toEqual(['172.16.0.0/16']);
  });

  test('fails when the same prefix is claimed by a site that is not the circuit\'s backup', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 50, onPremisesPrefixes: ['172.16.0.0/16'] });
    HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { hub, circuit });
    const otherHub = new HubNetwork(stack, 'OtherHub', { ...base, addressSpace: ['10.1.0.0/16'] });
    const vpn = HybridConnectivity.vpn(stack, 'Vpn', { hub: otherHub });
    const error = expectValidationError(() => vpn.addSite('Elsewhere', { device: VpnDevice.address('203.0.113.41'), addressSpaces: ['172.16.0.0/16'] }), 'NET-ADDRESS-OVERLAP', 'addressSpaces', '172.16.0.0/16');
    expect(error.message).toContain('overlaps 172.16.0.0/16 (on-premises prefixes advertised over ExpressRoute circuit test/Circuit)');
  });
});
