import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AzureProvider, ExpressRouteCircuit, LogAnalyticsWorkspace, SharedKey, VirtualHub, VirtualWan, VpnDevice } from '../../lib';

/**
 * A Standard Virtual WAN with two hubs (West Europe, North Europe): branches over site-to-site
 * VPN (two links with BGP, and a static FQDN branch held behind a branch gate), an ExpressRoute
 * circuit of another team (its id and authorization key are variables), point-to-site with
 * Entra ID, a spoke per hub with an NVA peering with the hub router, and West Europe secured by
 * Azure Firewall with routing intent for private and internet traffic.
 */
export class VirtualWanStack extends TerraformStack {
  public readonly wan: VirtualWan;
  public readonly west: VirtualHub;
  public readonly north: VirtualHub;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-virtual-wan', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location, retentionInDays: 90 });
    const variable = (name: string, description: string, sensitive = false) => new TerraformVariable(this, name, { type: 'string', description, sensitive }).stringValue;

    this.wan = new VirtualWan(this, 'Wan', { resourceGroupName: rg.name, location: rg.location });
    this.west = this.wan.addHub('West', { location: 'westeurope', addressPrefix: '10.100.0.0/23' });
    this.north = this.wan.addHub('North', { location: 'northeurope', addressPrefix: '10.101.0.0/23' });

    // Branches: Paris on two ISP links with BGP; Lyon static, by FQDN, held until its team is ready.
    const paris = this.wan.addVpnSite('Paris', {
      deviceVendor: 'Fortinet',
      links: [
        { name: 'isp1', device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.10.1', speedMbps: 500 },
        { name: 'isp2', device: VpnDevice.address('198.51.100.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.10.2', speedMbps: 200 },
      ],
      addressSpaces: ['192.168.10.0/24'],
    });
    const lyon = this.wan.addVpnSite('Lyon', {
      links: [{ name: 'isp1', device: VpnDevice.fqdn('vpn.lyon.contoso.com') }],
      addressSpaces: ['192.168.20.0/24'],
    });
    const westVpn = this.west.addVpnGateway({ scaleUnits: 2, logAnalyticsWorkspace: workspace });
    westVpn.connectSite('Paris', { site: paris, links: { isp2: { routeWeight: 0 } } });
    westVpn.connectSite('Lyon', { site: lyon, sharedKey: SharedKey.fromVariable('lyon_shared_key'), waitForBranchDevice: true });

    // ExpressRoute: a circuit of the network team, in North Europe.
    const circuit = ExpressRouteCircuit.fromCircuitAttributes(this, 'Circuit', {
      circuitId: variable('circuit_id', 'Resource id of the ExpressRoute circuit (private peering configured)'),
      onPremisesPrefixes: ['172.16.0.0/16'],
      authorizationKey: variable('circuit_authorization_key', 'Authorization key of the circuit', true),
    });
    this.north.addExpressRouteGateway({ logAnalyticsWorkspace: workspace }).connectCircuit('Datacenter', { circuit });

    // Remote users in West Europe.
    this.west.addPointToSiteGateway({
      clientAddressPools: ['172.30.0.0/22'],
      entraTenantId: variable('tenant_id', 'Entra ID tenant of the VPN users'),
      logAnalyticsWorkspace: workspace,
    });

    // Spokes, one per hub; an SD-WAN NVA in the North spoke peers with its hub router.
    this.west.connectVirtualNetwork('App', { virtualNetworkId: variable('west_spoke_id', 'Resource id of the West Europe spoke VNet'), addressSpaces: ['10.110.0.0/16'] });
    const shared = this.north.connectVirtualNetwork('Shared', { virtualNetworkId: variable('north_spoke_id', 'Resource id of the North Europe spoke VNet'), addressSpaces: ['10.120.0.0/16'] });
    shared.addBgpPeer('Nva', { peerAsn: 65050, peerIp: '10.120.0.4' });

    // West Europe is a secured hub: Azure Firewall with routing intent for private and internet traffic.
    this.west.secure({ logAnalyticsWorkspace: workspace });
  }
}
