import { TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ActionGroup, AzureProvider, GatewayDiagnostics, HubNetwork, HybridTags, LogAnalyticsWorkspace, SpokePeering, VpnDevice, VpnGateway } from '../../lib';

/** Names of what already exists. Names are literals: the runbook prints them and the checks read them. */
const EXISTING = {
  resourceGroupName: 'rg-network-prod',
  location: 'westeurope',
  hubName: 'vnet-hub-prod',
  // The hub's address space and the prefixes already used in it are literals, so that the
  // library can carve new subnets around them and check on-premises ranges against them.
  hubAddressSpace: ['10.100.0.0/22'],
  usedPrefixes: ['10.100.0.0/26', '10.100.1.0/24'],
};

/**
 * Brownfield: a VPN gateway and a new spoke added to what a platform team already runs. The
 * resource group, the hub virtual network (with its GatewaySubnet and a management subnet), the
 * Log Analytics workspace and the NOC's action group exist; the library creates nothing of
 * theirs and never a resource group. Every external id is a Terraform variable.
 */
export class BrownfieldStack extends TerraformStack {
  public readonly gateway: VpnGateway;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');

    const input = (name: string, description: string) => new TerraformVariable(this, name, { type: 'string', description }).stringValue;
    const hubId = input('hub_virtual_network_id', `Resource id of the existing hub virtual network ${EXISTING.hubName} (az network vnet show -g ${EXISTING.resourceGroupName} -n ${EXISTING.hubName} --query id -o tsv)`);
    const gatewaySubnetId = input('hub_gateway_subnet_id', `Resource id of the existing GatewaySubnet of ${EXISTING.hubName}, /27 or larger (az network vnet subnet show -g ${EXISTING.resourceGroupName} --vnet-name ${EXISTING.hubName} -n GatewaySubnet --query id -o tsv)`);
    const managementSubnetId = input('hub_management_subnet_id', `Resource id of the existing subnet snet-management of ${EXISTING.hubName} (az network vnet subnet show ... -n snet-management --query id -o tsv)`);
    const workspaceId = input('log_analytics_workspace_id', 'Resource id of the existing Log Analytics workspace (az monitor log-analytics workspace show -g <rg> -n <name> --query id -o tsv)');
    const actionGroupId = input('noc_action_group_id', "Resource id of the NOC's existing action group (az monitor action-group show -g <rg> -n <name> --query id -o tsv)");
    const networkWatcherId = input('network_watcher_id', 'Resource id of the Network Watcher of the region (Azure creates NetworkWatcher_<region> in NetworkWatcherRG; az network watcher list -o table)');

    const hub = HubNetwork.fromHubNetworkAttributes(this, 'Hub', {
      virtualNetworkId: hubId,
      virtualNetworkName: EXISTING.hubName,
      resourceGroupName: EXISTING.resourceGroupName,
      location: EXISTING.location,
      gatewaySubnetId,
      addressSpace: EXISTING.hubAddressSpace,
      subnetIds: { 'snet-management': managementSubnetId },
      usedPrefixes: EXISTING.usedPrefixes,
      // No gateway in the GatewaySubnet yet: the one below is the first (a gateway this app
      // places in the hub counts, so spokes may use it).
      hasGateway: false,
    });
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(this, 'Workspace', workspaceId);
    const noc = ActionGroup.fromActionGroupId(this, 'Noc', actionGroupId);

    this.gateway = new VpnGateway(this, 'Vpn', { hub, logAnalyticsWorkspace: workspace });
    this.gateway.addSite('Datacenter', {
      device: VpnDevice.address('203.0.113.40'),
      bgpAsn: 65020,
      bgpPeeringAddress: '192.168.100.1',
      addressSpaces: ['192.168.100.0/24'],
    });
    new GatewayDiagnostics(this, 'GatewayDiagnostics', {
      gateway: this.gateway,
      logAnalyticsWorkspace: workspace,
      actionGroup: noc,
      networkWatcherId,
    });

    // An imported hub has no addSpoke: a spoke of it is a SpokePeering with `hub`.
    new SpokePeering(this, 'Apps', { hub, addressSpace: ['10.101.0.0/24'], subnets: { app: '10.101.0.0/25' } });

    HybridTags.addTo(this, { workload: 'brownfield-connectivity', owner: 'platform-team' });
  }
}
