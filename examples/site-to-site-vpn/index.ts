import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GatewayDiagnostics, HubNetwork, HybridTags, LogAnalyticsWorkspace, VpnGateway } from '../../lib';

/**
 * A hub with a zone-redundant active-active VPN gateway and two on-premises sites:
 * Paris with static routes, Lyon with BGP.
 */
export class SiteToSiteVpnStack extends TerraformStack {
  public readonly gateway: VpnGateway;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-connectivity', location: 'westeurope' });

    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', {
      resourceGroupName: rg.name,
      location: rg.location,
      retentionInDays: 90,
    });

    const hub = new HubNetwork(this, 'Hub', {
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.10.0.0/16'],
      subnets: { management: { prefixLength: 24 } },
    });

    this.gateway = new VpnGateway(this, 'VpnGateway', { hub, logAnalyticsWorkspace: workspace });

    this.gateway.addSite('Paris', {
      gatewayAddress: '203.0.113.10',
      addressSpaces: ['192.168.10.0/24', '192.168.11.0/24'],
    });

    this.gateway.addSite('Lyon', {
      gatewayAddress: '198.51.100.20',
      bgpAsn: 65010,
      bgpPeeringAddress: '192.168.20.1',
    });

    // VPN troubleshooting: tunnel, BGP and bandwidth alerts, and a connection monitor from an
    // Arc-enabled server in Paris to a VM address in the hub.
    const networkTeam = new MonitorActionGroup(this, 'NetworkTeam', {
      name: 'ag-network-team',
      resourceGroupName: rg.name,
      shortName: 'netteam',
      emailReceiver: [{ name: 'network-oncall', emailAddress: 'network-oncall@contoso.com', useCommonAlertSchema: true }],
    });
    const diagnostics = new GatewayDiagnostics(this, 'GatewayDiagnostics', { gateway: this.gateway, workspace, actionGroupId: networkTeam.id });
    diagnostics.addConnectionMonitor('ParisToHub', {
      sourceArcMachineId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hybrid-connectivity/providers/Microsoft.HybridCompute/machines/paris-mon01',
      destinationAddress: '10.10.1.4',
      port: 443,
    });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-connectivity', owner: 'platform-team' }));
  }
}
