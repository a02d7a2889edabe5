import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzureProvider,
  ExpressRouteCircuit,
  HubNetwork,
  HybridConnectivity,
  HybridTags,
  LogAnalyticsWorkspace,
  SharedKey,
  SpokePeering,
  VpnDevice,
} from '../../lib';

/**
 * ExpressRoute with a site-to-site VPN as failover: a hub whose /26 GatewaySubnet holds an
 * ErGw1AZ and a VpnGw2AZ (RouteBased, ASN 65515), two spokes using the hub's gateways, a circuit,
 * and one VPN site learning the same on-premises prefixes over BGP. The ExpressRoute connection
 * waits behind the circuit's gate `circuit_provisioned` (phase 2).
 */
export class ExpressRouteVpnFailoverStack extends TerraformStack {
  public readonly connectivity: HybridConnectivity;
  public readonly spokes: SpokePeering[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-failover', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location, retentionInDays: 90 });

    const hub = new HubNetwork(this, 'Hub', {
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.30.0.0/16'],
      subnets: { management: {} },
    });

    const circuit = new ExpressRouteCircuit(this, 'Circuit', {
      resourceGroupName: rg.name,
      location: rg.location,
      serviceProviderName: 'Equinix',
      peeringLocation: 'Amsterdam',
      bandwidthInMbps: 1000,
      privatePeering: {
        primaryPeerAddressPrefix: '192.168.200.0/30',
        secondaryPeerAddressPrefix: '192.168.200.4/30',
        vlanId: 200,
        peerAsn: 65030,
        md5SharedKey: SharedKey.generate(25),
      },
      onPremisesPrefixes: ['172.20.0.0/16'],
      logAnalyticsWorkspace: workspace,
    });

    this.connectivity = HybridConnectivity.expressRouteWithVpnFailover(this, 'Connectivity', {
      hub,
      circuit,
      logAnalyticsWorkspace: workspace,
    });

    // The VPN site learns the same on-premises prefixes over BGP (the routers prepend the AS path).
    this.connectivity.addSite('Datacenter', {
      device: VpnDevice.address('203.0.113.30'),
      bgpAsn: 65030,
      bgpPeeringAddress: '172.20.255.1',
    });

    this.spokes = [
      hub.addSpoke('App', { addressSpace: ['10.31.0.0/16'], subnets: { web: '10.31.1.0/24', data: '10.31.2.0/24' } }),
      hub.addSpoke('Shared', { addressSpace: ['10.32.0.0/16'], subnets: { services: '10.32.1.0/24' } }),
    ];

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-connectivity', owner: 'platform-team' }));
  }
}
