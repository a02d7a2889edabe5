import { Testing, TerraformStack } from 'cdktf';
import { ExpressRouteVpnFailoverStack } from '../../examples/expressroute-vpn-failover';
import {
  ExpressRouteCircuit,
  HubNetwork,
  HybridConnectivity,
  HybridConnectivityMode,
  HybridConnectivityProps,
  Runbook,
  VpnGatewaySku,
  VpnType,
  VpnDevice,
} from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, validationErrors } from '../util';
import { errorsAfterSynth } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const FAILOVER = HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER;

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

function connectivityWith(props: Partial<HybridConnectivityProps>): () => HybridConnectivity {
  return () => {
    const { stack, hub, circuit } = failoverStack();
    return new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER, ...props });
  };
}

describe('HybridConnectivity', () => {
  describe('expressroute-vpn-failover', () => {
    test('both gateways share the GatewaySubnet; VPN is RouteBased VpnGw2AZ on ASN 65515, ExpressRoute ErGw1AZ', () => {
      // GIVEN
      const { stack, hub, circuit } = failoverStack();
      // WHEN
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER, circuitProvisioned: true });
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
      const connection = onlyResource(json, 'azurerm_virtual_network_gateway_connection');
      expect(connection.type).toBe('ExpressRoute');
      expect(connection.depends_on).toHaveLength(3);
      expect(connectivity.expressRouteConnection).toBeDefined();
      expect(errorsAfterSynth(stack)).toEqual([]);
    });

    test('the runbook explains both phases, what routers advertise and prefer, and how to test failover', () => {
      const { stack, hub, circuit } = failoverStack();
      new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER });
      const runbook = Runbook.of(stack).render();
      expect(runbook).toContain('**Phase 2** (not yet)');
      expect(runbook).toContain('terraform output -raw circuit_service_key');
      expect(runbook).toContain('Never a more-specific prefix over the VPN');
      expect(runbook).toContain('AS-path prepend');
      expect(runbook).toContain('local-preference');
      expect(runbook).toContain('How to test failover');
      expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_connection')).toHaveLength(0);
    });

    test('a BGP failover site is accepted; Route Server is added in a carved RouteServerSubnet', () => {
      const { stack, hub, circuit } = failoverStack();
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER, routeServer: true });
      connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.30'), bgpAsn: 65020, bgpPeeringAddress: '172.16.255.1' });
      const json = synthJson(stack);
      expect(onlyResource(json, 'azurerm_route_server')).toMatchObject({ sku: 'Standard', branch_to_branch_traffic_enabled: true });
      expect(hub.subnetPrefixes().RouteServerSubnet).toMatch(/\/27$/);
      expect(resourcesOf(json, 'azurerm_local_network_gateway')).toHaveLength(1);
    });

    test('fails when the VPN gateway is PolicyBased, Basic or off ASN 65515', () => {
      expectValidationError(connectivityWith({ vpnType: VpnType.POLICY_BASED }), 'ER-COEXIST-VPN-TYPE', 'vpnType', 'PolicyBased');
      expectValidationError(connectivityWith({ vpnGatewaySku: VpnGatewaySku.of('Basic') }), 'ER-COEXIST-VPN-SKU', 'vpnGatewaySku', 'Basic');
      expectValidationError(connectivityWith({ vpnAsn: 65010 }), 'ER-COEXIST-VPN-ASN', 'vpnAsn', 65010);
    });

    test('fails at synth when escape-hatch edits break coexistence', () => {
      // GIVEN
      const { stack, hub, circuit } = failoverStack();
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER });
      // WHEN
      connectivity.vpnGateway!.gateway.addOverride('ip_configuration.0.subnet_id', '/subscriptions/x/subnets/GatewaySubnet');
      connectivity.vpnGateway!.gateway.vpnType = 'PolicyBased';
      connectivity.vpnGateway!.gateway.sku = 'Basic';
      connectivity.vpnGateway!.gateway.bgpSettings.asn = 65001;
      // THEN
      const errors = errorsAfterSynth(stack).join('\n');
      expect(errors).toMatch(/\[ER-COEXIST-VPN-TYPE\] test\/Connectivity\/VpnGateway/);
      expect(errors).toMatch(/\[ER-COEXIST-VPN-SKU\]/);
      expect(errors).toMatch(/\[ER-COEXIST-VPN-ASN\]/);
    });

    test('fails at synth when the VPN gateway is moved to another subnet', () => {
      const { stack, hub, circuit } = failoverStack();
      const other = hub.addSubnet('other');
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER, vpnActiveActive: false });
      connectivity.vpnGateway!.gateway.putIpConfiguration([{ name: 'ipconfig1', subnetId: other.id, publicIpAddressId: connectivity.vpnGateway!.publicIps[0].id }]);
      expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[ER-COEXIST-SUBNET\] test\/Connectivity\/VpnGateway/);
    });

    test('fails when a failover site carries a prefix more specific than the ExpressRoute one', () => {
      const { stack, hub, circuit } = failoverStack();
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER });
      const error = expectValidationError(() => connectivity.addSite('Dc', { device: VpnDevice.address('203.0.113.30'), addressSpaces: ['172.16.10.0/24'] }), 'ER-COEXIST-MORE-SPECIFIC', 'addressSpaces', '172.16.10.0/24');
      expect(error.message).toContain('more specific than 172.16.0.0/16');
    });

    test('fails when Route Server is asked for without failover, without a HubNetwork, or with an active-standby VPN', () => {
      expectValidationError(connectivityWith({ mode: HybridConnectivityMode.EXPRESSROUTE, routeServer: true }), 'HYB-ROUTESERVER', 'routeServer', true);
      expectValidationError(connectivityWith({ routeServer: true, vpnActiveActive: false }), 'HYB-ROUTESERVER', 'vpnActiveActive', false);
      const stack = newStack();
      const existing = HubNetwork.fromHubNetworkAttributes(stack, 'Hub', {
        ...base,
        virtualNetworkId: '/subscriptions/x/vnet',
        virtualNetworkName: 'vnet-hub',
        gatewaySubnetId: '/subscriptions/x/vnet/subnets/GatewaySubnet',
        addressSpace: ['10.0.0.0/16'],
      });
      expectValidationError(
        () => new HybridConnectivity(stack, 'C', { hub: existing, mode: FAILOVER, existingCircuitId: '/subscriptions/x/c', routeServer: true }),
        'HYB-ROUTESERVER',
        'hub',
        'test/Hub',
      );
    });
  });

  describe('modes', () => {
    test('vpn builds only a VPN gateway; expressroute only an ExpressRoute gateway', () => {
      const vpnStack = newStack();
      const hub = new HubNetwork(vpnStack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
      const vpn = new HybridConnectivity(vpnStack, 'C', { hub, mode: HybridConnectivityMode.VPN });
      vpn.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
      expect(resourcesOf(synthJson(vpnStack), 'azurerm_virtual_network_gateway').map((g) => g.type)).toEqual(['Vpn']);
      expect(vpn.expressRouteGateway).toBeUndefined();

      const { stack, hub: erHub, circuit } = failoverStack();
      const er = new HybridConnectivity(stack, 'C', { hub: erHub, circuit, mode: HybridConnectivityMode.EXPRESSROUTE });
      expect(resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway').map((g) => g.type)).toEqual(['ExpressRoute']);
      expect(er.vpnGateway).toBeUndefined();
    });

    test('fails when the mode and the parts disagree', () => {
      expectValidationError(connectivityWith({ mode: HybridConnectivityMode.VPN }), 'HYB-MODE-OPTIONS', 'circuit', 'test/Circuit');
      expectValidationError(connectivityWith({ circuit: undefined }), 'HYB-MODE-OPTIONS', 'circuit');
      expectValidationError(connectivityWith({ mode: HybridConnectivityMode.EXPRESSROUTE, vpnAsn: 65515 }), 'HYB-MODE-OPTIONS', 'vpnAsn');
      expectValidationError(connectivityWith({ mode: 'both' as HybridConnectivityMode }), 'HYB-MODE-OPTIONS', 'mode', 'both');
      const er = connectivityWith({ mode: HybridConnectivityMode.EXPRESSROUTE })();
      expectValidationError(() => er.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] }), 'HYB-MODE-OPTIONS', 'mode', 'expressroute');
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
      const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: FAILOVER });
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
      const vpn = new HybridConnectivity(stack, 'Vpn', { hub, mode: HybridConnectivityMode.VPN });
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
  test('snapshot (phase 1)', () => {
    const stack = new ExpressRouteVpnFailoverStack(Testing.app(), 'expressroute-vpn-failover');
    expect(synthJson(stack)).toMatchSnapshot();
  });

  test('phase 2: hub, two spokes, circuit, VPN site and the ExpressRoute connection', () => {
    const stack = new ExpressRouteVpnFailoverStack(Testing.app(), 'expressroute-vpn-failover', { circuitProvisioned: true });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_virtual_network')).toHaveLength(3);
    expect(resourcesOf(json, 'azurerm_virtual_network_peering')).toHaveLength(4);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway_connection').map((c) => c.type).sort()).toEqual(['ExpressRoute', 'IPsec']);
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway').map((g) => g.type).sort()).toEqual(['ExpressRoute', 'Vpn']);
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
    const connectivity = new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER });
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
    new HybridConnectivity(stack, 'Connectivity', { hub, circuit, mode: HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER });
    const otherHub = new HubNetwork(stack, 'OtherHub', { ...base, addressSpace: ['10.1.0.0/16'] });
    const vpn = new HybridConnectivity(stack, 'Vpn', { hub: otherHub, mode: HybridConnectivityMode.VPN });
    const error = expectValidationError(() => vpn.addSite('Elsewhere', { device: VpnDevice.address('203.0.113.41'), addressSpaces: ['172.16.0.0/16'] }), 'NET-ADDRESS-OVERLAP', 'addressSpaces', '172.16.0.0/16');
    expect(error.message).toContain('overlaps 172.16.0.0/16 (on-premises prefixes advertised over ExpressRoute circuit test/Circuit)');
  });
});
