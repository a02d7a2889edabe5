import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ActionGroup, AzureProvider, GatewayDiagnostics, HubNetwork, HybridTags, LogAnalyticsWorkspace, VpnDevice, VpnGateway } from '../../lib';

/**
 * A hub with a zone-redundant active-active VPN gateway and two on-premises sites:
 * Paris with static routes, Lyon with BGP.
 */
export class SiteToSiteVpnStack extends TerraformStack {
  public readonly gateway: VpnGateway;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
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
      device: VpnDevice.address('203.0.113.10'),
      addressSpaces: ['192.168.10.0/24', '192.168.11.0/24'],
    });

    this.gateway.addSite('Lyon', {
      device: VpnDevice.address('198.51.100.20'),
      bgpAsn: 65010,
      bgpPeeringAddress: '192.168.20.1',
    });

    // VPN troubleshooting: tunnel, BGP and bandwidth alerts, and a connection monitor from an
    // Arc-enabled server in Paris to a VM address in the hub. The server is onboarded after the
    // first apply, so the monitor and its agents are phase 2 (gate
    // gateway_diagnostics_machines_onboarded); its id and the region's Network Watcher are inputs.
    const networkTeam = new ActionGroup(this, 'NetworkTeam', {
      name: 'ag-network-team',
      resourceGroupName: rg.name,
      shortName: 'netteam',
      emails: ['network-oncall@contoso.com'],
    });
    const networkWatcher = new TerraformVariable(this, 'network_watcher_id', {
      type: 'string',
      description: 'Resource id of the Network Watcher of the region (az network watcher list -o table; Azure creates NetworkWatcher_<region> in NetworkWatcherRG)',
    });
    const parisMonitor = new TerraformVariable(this, 'paris_monitor_machine_id', {
      type: 'string',
      default: '',
      description: 'Phase 2: resource id of the Arc-enabled server paris-mon01 (az connectedmachine show -n paris-mon01 -g <rg> --query id -o tsv)',
    });
    const diagnostics = new GatewayDiagnostics(this, 'GatewayDiagnostics', {
      gateway: this.gateway,
      logAnalyticsWorkspace: workspace,
      actionGroup: networkTeam,
      networkWatcherId: networkWatcher.stringValue,
    });
    diagnostics.addConnectionMonitor('ParisToHub', {
      sourceArcMachineId: parisMonitor.stringValue,
      destinationAddress: '10.10.1.4',
      port: 443,
    });
    // Which flows cross the hub, allowed or denied (VNet flow log + traffic analytics).
    const flowLogStorage = new TerraformVariable(this, 'flow_log_storage_account_id', {
      type: 'string',
      description: "Resource id of a storage account in westeurope for the hub's VNet flow logs (Azure requires the network's region)",
    });
    diagnostics.addVirtualNetworkFlowLog({ storageAccountId: flowLogStorage.stringValue });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-connectivity', owner: 'platform-team' }));
  }
}
