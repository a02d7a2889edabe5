import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AzureProvider, HubMesh, HubNetwork, LogAnalyticsWorkspace, OnPremisesNetwork, RegionAddressPlan, VpnDevice, VpnGateway } from '../../lib';
import { HubFirewall } from '../../lib/network/security/firewall';
import { HubRouting } from '../../lib/network/security/hub-routing';

/** One region's connectivity: hub (carved from the region's supernet), firewall, VPN gateway, a spoke routed through the firewall. */
class Region {
  public readonly hub: HubNetwork;
  public readonly firewall: HubFirewall;
  public readonly gateway: VpnGateway;
  public readonly plan: RegionAddressPlan;

  constructor(stack: TerraformStack, location: string, supernet: string, onPrem: OnPremisesNetwork, pointToSite: boolean) {
    new AzureProvider(stack, 'azurerm');
    const rg = new ResourceGroup(stack, 'ResourceGroup', { name: `rg-connectivity-${location}`, location });
    this.plan = RegionAddressPlan.fromSupernet(supernet);
    this.hub = new HubNetwork(stack, 'Hub', { resourceGroupName: rg.name, location, addressSpace: [this.plan.hubAddressSpace] });
    // Each region's firewall and gateway log to a workspace in the region.
    const logAnalyticsWorkspace = new LogAnalyticsWorkspace(stack, 'Workspace', { resourceGroupName: rg.name, location });
    this.firewall = new HubFirewall(stack, 'Firewall', { hub: this.hub, logAnalyticsWorkspace });
    const tenantId = pointToSite ? new TerraformVariable(stack, 'entra_tenant_id', { type: 'string', description: 'Entra tenant whose users connect over point-to-site' }) : undefined;
    this.gateway = new VpnGateway(stack, 'VpnGateway', {
      hub: this.hub,
      logAnalyticsWorkspace,
      pointToSite: tenantId && {
        clientAddressPool: ['172.16.200.0/24'],
        entraId: { tenantId: tenantId.stringValue },
        // The other region's spokes are reached through this hub's firewall.
        customRoutes: ['10.2.0.0/16'],
      },
    });
    this.gateway.addSite('Datacenter', {
      device: VpnDevice.address(location === 'westeurope' ? '203.0.113.10' : '203.0.113.11'),
      bgpAsn: 65010,
      bgpPeeringAddress: '192.168.255.1',
      onPremisesNetwork: onPrem,
    });
    const spoke = this.hub.addSpoke('Workload', { addressSpace: [this.plan.nextSpoke(24)], });
    new HubRouting(stack, 'Routing', { hub: this.hub, firewall: this.firewall, spokePrefixes: spoke.addressSpace, onPremisesPrefixes: onPrem.prefixes });
  }
}

/**
 * Two regions, one connectivity stack each (this stack is West Europe; it creates its sibling
 * `<id>-neu` for North Europe): a hub per region carved from the region's supernet, the two hubs
 * peered, spokes of one region reaching the other's through both firewalls, one on-premises
 * network reached through both regions' VPN gateways, point-to-site (Entra ID) on West Europe.
 * Deploy `<id>-neu` first (this stack reads its hub through cross-stack references).
 */
export class MultiRegionStack extends TerraformStack {
  public readonly regions: Region[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const neuStack = new TerraformStack(scope, `${id}-neu`);
    // Declared once: both regions' sites reach it, and the address plan knows it is one network.
    const onPrem = new OnPremisesNetwork(this, 'Datacenter', { prefixes: ['192.168.0.0/16'] });
    const weu = new Region(this, 'westeurope', '10.1.0.0/16', onPrem, true);
    const neu = new Region(neuStack, 'northeurope', '10.2.0.0/16', onPrem, false);
    this.regions = [weu, neu];
    new HubMesh(this, 'Mesh', {
      members: [
        { hub: weu.hub, regionPrefixes: [weu.plan.supernet], firewall: weu.firewall },
        { hub: neu.hub, regionPrefixes: [neu.plan.supernet], firewall: neu.firewall },
      ],
    });
  }
}
