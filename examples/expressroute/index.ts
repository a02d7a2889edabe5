import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzureProvider, ExpressRouteCircuit, ExpressRouteGateway, HubNetwork, HybridTags, LogAnalyticsWorkspace, SharedKey } from '../../lib';

/**
 * A hub with a zone-redundant ExpressRoute gateway (ErGw1AZ) and a 1 Gbps Standard/MeteredData
 * circuit through a provider, with private peering and an MD5 key Terraform generates.
 * Phase 1 (`cdktf deploy expressroute`) creates everything but the gateway connection; hand the
 * service key to the provider, then open the circuit's gate
 * (`cdktf deploy expressroute --var='circuit_provisioned=true'`): the same synthesized JSON.
 */
export class ExpressRouteStack extends TerraformStack {
  public readonly circuit: ExpressRouteCircuit;
  public readonly gateway: ExpressRouteGateway;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-expressroute', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location, retentionInDays: 90 });

    const hub = new HubNetwork(this, 'Hub', {
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.20.0.0/16'],
      subnets: { management: {} },
    });

    this.circuit = new ExpressRouteCircuit(this, 'Circuit', {
      resourceGroupName: rg.name,
      location: rg.location,
      serviceProviderName: 'Equinix',
      peeringLocation: 'Amsterdam',
      bandwidthInMbps: 1000,
      privatePeering: {
        primaryPeerAddressPrefix: '192.168.100.0/30',
        secondaryPeerAddressPrefix: '192.168.100.4/30',
        vlanId: 100,
        peerAsn: 65020,
        md5SharedKey: SharedKey.generate(25),
      },
      onPremisesPrefixes: ['172.16.0.0/16'],
      logAnalyticsWorkspace: workspace,
    });

    this.gateway = new ExpressRouteGateway(this, 'ExpressRouteGateway', { hub, logAnalyticsWorkspace: workspace });
    this.gateway.addConnection('Amsterdam', { circuit: this.circuit });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-connectivity', owner: 'platform-team' }));
  }
}
