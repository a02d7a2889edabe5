import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzureProvider,
  ExpressRouteCircuit,
  ExpressRouteCircuitProps,
  ExpressRouteGlobalReach,
  ExpressRouteRoutingRegistry,
  HubNetwork,
  HybridConnectivity,
  HybridTags,
  LogAnalyticsWorkspace,
  OnPremisesNetwork,
  SharedKey,
} from '../../lib';

/**
 * ExpressRoute at scale in one region: the data centre reaches the hub over two circuits in two
 * peering locations (Microsoft's "maximum resiliency"), a branch office has a circuit of its own,
 * and Global Reach links the branch's circuit to the data centre's so that the two sites talk over
 * Microsoft's backbone. The data centre's Amsterdam circuit also carries Microsoft peering (Microsoft
 * 365 and Azure West Europe public endpoints) through a route filter.
 *
 * Phase 1 (`cdktf deploy expressroute-global-reach`) creates the circuits, peerings, route filter and
 * gateway; each provider provisions its circuit from its service key; each circuit's gate then
 * connects it to the gateway, and the Global Reach gate links the two sites' circuits.
 * The public addresses of Microsoft peering are placeholders: use blocks registered to you.
 */
export class ExpressRouteGlobalReachStack extends TerraformStack {
  public readonly hybrid: HybridConnectivity;
  public readonly globalReach: ExpressRouteGlobalReach;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-expressroute-global', location: 'westeurope' });
    const logAnalyticsWorkspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location, retentionInDays: 90 });
    const hub = new HubNetwork(this, 'Hub', { resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.30.0.0/16'], subnets: { management: {} } });

    // Each on-premises network is declared once; circuits that reach it advertise its prefixes.
    const dataCentre = new OnPremisesNetwork(this, 'DataCentre', { prefixes: ['172.16.0.0/16'] });
    const branch = new OnPremisesNetwork(this, 'Branch', { prefixes: ['172.20.0.0/20'] });
    const circuit = (name: string, peeringLocation: string, link: number, onPremisesNetwork: OnPremisesNetwork, extra: Partial<ExpressRouteCircuitProps> = {}) =>
      new ExpressRouteCircuit(this, name, {
        resourceGroupName: rg.name,
        location: rg.location,
        serviceProviderName: 'Equinix',
        peeringLocation,
        bandwidthInMbps: 1000,
        privatePeering: {
          primaryPeerAddressPrefix: `192.168.${link}.0/30`,
          secondaryPeerAddressPrefix: `192.168.${link}.4/30`,
          vlanId: 100,
          peerAsn: 65020,
          md5SharedKey: SharedKey.generate(25),
        },
        onPremisesNetwork,
        logAnalyticsWorkspace,
        ...extra,
      });

    const amsterdam = circuit('Amsterdam', 'Amsterdam', 110, dataCentre, {
      microsoftPeering: {
        primaryPeerAddressPrefix: '62.40.100.0/30',
        secondaryPeerAddressPrefix: '62.40.100.4/30',
        vlanId: 200,
        peerAsn: 64600,
        advertisedPublicPrefixes: ['62.40.101.0/24'],
        routingRegistryName: ExpressRouteRoutingRegistry.RIPENCC,
        // Exchange Online, SharePoint Online, Azure West Europe.
        routeFilterCommunities: ['12076:5010', '12076:5020', '12076:51002'],
      },
    });
    const london = circuit('London', 'London', 111, dataCentre);
    const frankfurt = circuit('Frankfurt', 'Frankfurt', 112, branch);

    // Maximum resiliency: both data-centre circuits on one zone-redundant gateway, Amsterdam preferred.
    this.hybrid = HybridConnectivity.expressRoute(this, 'Hybrid', {
      hub,
      logAnalyticsWorkspace,
      circuit: amsterdam,
      secondaryCircuit: london,
      circuitRoutingWeight: 100,
      secondaryCircuitRoutingWeight: 10,
    });
    this.hybrid.expressRouteGateway!.addConnection('Branch', { circuit: frankfurt });

    // The branch and the data centre talk over Microsoft's backbone.
    this.globalReach = new ExpressRouteGlobalReach(this, 'BranchToDataCentre', { circuit: frankfurt, peerCircuit: amsterdam, addressPrefixIpv4: '192.168.120.0/29' });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-connectivity', owner: 'platform-team' }));
  }
}
