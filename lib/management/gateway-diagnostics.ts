import { DataAzurermNetworkWatcher } from '@cdktf/provider-azurerm/lib/data-azurerm-network-watcher';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { NetworkConnectionMonitor } from '@cdktf/provider-azurerm/lib/network-connection-monitor';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { AlertOptions } from './hybrid-monitoring';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import { DiagnosticSetting } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { VpnGateway } from '../network/vpn-gateway';
import { GWD_BANDWIDTH_PERCENT, GWD_MONITOR_ENDPOINT, GWD_MONITOR_FREQUENCY, GWD_MONITOR_PORT } from './rules';
import { MON_ALERT_SEVERITY } from '../core/rules';

/** Options of `GatewayDiagnostics.addConnectionMonitor`: one TCP test from on premises to Azure. */
export interface ConnectionMonitorOptions {
  /**
   * Source: an Arc-enabled server (its resource id), which needs the Azure Monitor Agent.
   * @default - none: give `sourceAddress`
   */
  readonly sourceArcMachineId?: string;
  /**
   * Source: an on-premises address or host name (external endpoint).
   * @default - none: give `sourceArcMachineId`
   */
  readonly sourceAddress?: string;
  /**
   * Destination: an Azure VM's resource id.
   * @default - none: give `destinationAddress`
   */
  readonly destinationVmId?: string;
  /**
   * Destination: a private IP address or host name in Azure.
   * @default - none: give `destinationVmId`
   */
  readonly destinationAddress?: string;
  /**
   * TCP port tested.
   * @default 443
   */
  readonly port?: number;
  /**
   * Seconds between tests, 30-1800.
   * @default 60
   */
  readonly testFrequencySeconds?: number;
  /**
   * Connection monitor name.
   * @default - generated: `cm-<construct path>`
   */
  readonly name?: string;
}

/** Props of `GatewayDiagnostics`. */
export interface GatewayDiagnosticsProps {
  /** The VPN gateway to watch (read only: its id, SKU, BGP and location). */
  readonly gateway: VpnGateway;
  /** Workspace of the gateway logs and the log alert. */
  readonly workspace: ILogAnalyticsWorkspace;
  /**
   * Action group id of the alerts (e.g. `HybridMonitoring.actionGroup.id`).
   * @default - none: alerts notify nobody (warning)
   */
  readonly actionGroupId?: string;
  /**
   * Send the gateway's logs to the workspace. Leave it on unless the gateway already sends them there.
   * @default - true when the gateway has no diagnostic setting yet
   */
  readonly sendDiagnostics?: boolean;
  /** @default - on: any TunnelDiagnosticLog disconnect in 5 minutes, severity 1 */
  readonly disconnectAlert?: AlertOptions;
  /** @default - on when BGP is enabled: a BGP peer down for 5 minutes, severity 1 */
  readonly bgpAlert?: AlertOptions;
  /** @default - on: average bandwidth above 80 % of the SKU's aggregate throughput, severity 2 */
  readonly bandwidthAlert?: AlertOptions;
  /**
   * Name of the Network Watcher Azure created in the region.
   * @default - `NetworkWatcher_<gateway location>`
   */
  readonly networkWatcherName?: string;
  /**
   * Its resource group.
   * @default 'NetworkWatcherRG'
   */
  readonly networkWatcherResourceGroupName?: string;
}

const ARC_SERVER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.HybridCompute\/machines\/[^/]+$/i;
const AZURE_VM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i;

/**
 * VPN troubleshooting for a `VpnGateway`: its logs (gateway, tunnel, route, IKE, P2S) in Log
 * Analytics, alerts on tunnel disconnects, BGP peer status and bandwidth against the SKU's limit,
 * connection monitors (v2) from on-premises or Arc machines to Azure through the looked-up Network
 * Watcher, and a troubleshooting runbook section.
 */
export class GatewayDiagnostics extends Construct {
  /** Diagnostic setting created here (undefined when the gateway already had one). */
  public readonly diagnosticSetting?: DiagnosticSetting;
  /** The region's Network Watcher (data source). */
  public readonly networkWatcher: DataAzurermNetworkWatcher;
  public readonly disconnectAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly bgpAlert?: MonitorMetricAlert;
  public readonly bandwidthAlert?: MonitorMetricAlert;
  /** The gateway watched. */
  public readonly gateway: VpnGateway;

  private readonly workspace: ILogAnalyticsWorkspace;
  private readonly monitors: { name: string; resource: NetworkConnectionMonitor }[] = [];
  private readonly outputNames: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: GatewayDiagnosticsProps) {
    super(scope, id);
    this.gateway = props.gateway;
    this.workspace = props.workspace;
    const gw = props.gateway;
    const percent = props.bandwidthAlert?.threshold ?? D.BANDWIDTH_PERCENT_THRESHOLD;
    const problems = new ProblemCollector(this);
    if (!Token.isUnresolved(percent)) {
      problems.check(percent < 1 || percent > 100, GWD_BANDWIDTH_PERCENT, 'bandwidthAlert.threshold', percent, 'the bandwidth threshold is a percentage of the SKU aggregate throughput', 'use 1-100 (default 80)');
    }
    for (const [prop, options] of [['disconnectAlert', props.disconnectAlert], ['bgpAlert', props.bgpAlert], ['bandwidthAlert', props.bandwidthAlert]] as const) {
      if (options?.severity === undefined || Token.isUnresolved(options.severity)) continue;
      problems.check(!Number.isInteger(options.severity) || options.severity < 0 || options.severity > 4, MON_ALERT_SEVERITY, `${prop}.severity`, options.severity, 'severity is 0 (critical) to 4 (verbose)', 'use 0-4');
    }
    problems.throwIfAny();

    if (props.sendDiagnostics ?? gw.diagnosticSettings.length === 0) {
      this.diagnosticSetting = new DiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: gw.gatewayId,
        resourceType: 'azurerm_virtual_network_gateway',
        workspace: props.workspace,
      });
    }
    this.networkWatcher = new DataAzurermNetworkWatcher(this, 'NetworkWatcher', {
      name: props.networkWatcherName ?? `NetworkWatcher_${gw.hub.location}`,
      resourceGroupName: props.networkWatcherResourceGroupName ?? 'NetworkWatcherRG',
    });

    const actionGroups = props.actionGroupId ? [props.actionGroupId] : undefined;
    if (!actionGroups) Annotations.of(this).addWarning('[MON-ACTION-GROUP-EMPTY] No `actionGroupId`: the gateway alerts notify nobody.');
    const rg = gw.hub.resourceGroupName;

    if (props.disconnectAlert?.enabled ?? true) {
      this.disconnectAlert = new MonitorScheduledQueryRulesAlertV2(this, 'DisconnectAlert', {
        name: generateName(this, 'monitorAlert', 'disconnect'),
        resourceGroupName: rg,
        location: gw.hub.location,
        description: `A tunnel of VPN gateway ${gw.node.path} disconnected (TunnelDiagnosticLog)`,
        scopes: [props.workspace.workspaceResourceId],
        severity: props.disconnectAlert?.severity ?? 1,
        evaluationFrequency: 'PT5M',
        windowDuration: 'PT5M',
        criteria: [{
          query: `${disconnectQuery(gw.gatewayId)}\n| summarize Disconnects = count() by RemoteIP = remoteIP_s, Instance = instance_s`,
          timeAggregationMethod: 'Count',
          operator: 'GreaterThan',
          threshold: props.disconnectAlert?.threshold ?? 0,
          dimension: [{ name: 'RemoteIP', operator: 'Include', values: ['*'] }],
          failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
        }],
        action: actionGroups ? { actionGroups } : undefined,
      });
    }
    const metricAlert = (alertId: string, severity: number, description: string, criteria: any) => new MonitorMetricAlert(this, alertId, {
      name: generateName(this, 'monitorAlert', alertId),
      resourceGroupName: rg,
      description,
      scopes: [gw.gatewayId],
      severity,
      frequency: 'PT1M',
      windowSize: 'PT5M',
      criteria: [criteria],
      action: actionGroups?.map((actionGroupId) => ({ actionGroupId })),
    });
    if (gw.bgpEnabled && (props.bgpAlert?.enabled ?? true)) {
      this.bgpAlert = metricAlert('BgpAlert', props.bgpAlert?.severity ?? 1, `A BGP peer of VPN gateway ${gw.node.path} is down (BgpPeerStatus)`, {
        metricNamespace: 'Microsoft.Network/virtualNetworkGateways',
        metricName: 'BgpPeerStatus',
        aggregation: 'Average',
        operator: 'LessThan',
        threshold: 1,
        dimension: [{ name: 'BgpPeerAddress', operator: 'Include', values: ['*'] }],
      });
    }
    const limitMbps = gw.aggregateThroughputMbps;
    if (props.bandwidthAlert?.enabled ?? true) {
      if (limitMbps === undefined) {
        Annotations.of(this).addWarning(`[GWD-SKU-THROUGHPUT] The aggregate throughput of ${gw.sku.name} is unknown: no bandwidth alert.`);
      } else {
        // AverageBandwidth is in bytes per second.
        const bytesPerSecond = Math.round((limitMbps * 1_000_000 / 8) * percent / 100);
        this.bandwidthAlert = metricAlert('BandwidthAlert', props.bandwidthAlert?.severity ?? 2, `VPN gateway ${gw.node.path} uses more than ${percent} % of the ${limitMbps} Mbps of ${gw.sku.name}`, {
          metricNamespace: 'Microsoft.Network/virtualNetworkGateways',
          metricName: 'AverageBandwidth',
          aggregation: 'Average',
          operator: 'GreaterThan',
          threshold: bytesPerSecond,
        });
      }
    }

    this.outputNames.gatewayId = Runbook.of(this).addOutput(this, 'GatewayId', { value: gw.gatewayId, description: `Resource id of VPN gateway ${gw.node.path}` });
    this.outputNames.resourceGroup = Runbook.of(this).addOutput(this, 'ResourceGroup', { value: rg, description: `Resource group of VPN gateway ${gw.node.path} and its connections` });
    this.outputNames.gatewaySubnetId = Runbook.of(this).addOutput(this, 'GatewaySubnetId', { value: gw.hub.gatewaySubnetId, description: `GatewaySubnet of VPN gateway ${gw.node.path}` });
    Runbook.of(this).addSection(new LazySection(`Troubleshooting VPN gateway ${gw.node.path}`, () => this.renderRunbook()));
  }

  /**
   * Adds a connection monitor (v2) with one TCP test from an on-premises or Arc machine to an Azure
   * endpoint, results to the workspace. `id` keys the construct.
   */
  public addConnectionMonitor(id: string, options: ConnectionMonitorOptions): NetworkConnectionMonitor {
    const problems = new ProblemCollector(this);
    const port = options.port ?? D.MONITOR_PORT;
    const frequency = options.testFrequencySeconds ?? D.MONITOR_FREQUENCY_SECONDS;
    const sources = [options.sourceArcMachineId, options.sourceAddress].filter((v) => v !== undefined);
    const destinations = [options.destinationVmId, options.destinationAddress].filter((v) => v !== undefined);
    problems.check(sources.length !== 1, GWD_MONITOR_ENDPOINT, 'sourceArcMachineId', sources, 'give exactly one of `sourceArcMachineId` and `sourceAddress`', 'name the on-premises machine one way');
    problems.check(destinations.length !== 1, GWD_MONITOR_ENDPOINT, 'destinationVmId', destinations, 'give exactly one of `destinationVmId` and `destinationAddress`', 'name the Azure endpoint one way');
    if (options.sourceArcMachineId !== undefined && !Token.isUnresolved(options.sourceArcMachineId)) {
      problems.check(!ARC_SERVER_ID.test(options.sourceArcMachineId), GWD_MONITOR_ENDPOINT, 'sourceArcMachineId', options.sourceArcMachineId, 'not an Arc-enabled server id (Microsoft.HybridCompute/machines)', 'use the Arc machine resource id, or `sourceAddress`');
    }
    if (options.destinationVmId !== undefined && !Token.isUnresolved(options.destinationVmId)) {
      problems.check(!AZURE_VM_ID.test(options.destinationVmId), GWD_MONITOR_ENDPOINT, 'destinationVmId', options.destinationVmId, 'not an Azure VM id (Microsoft.Compute/virtualMachines)', 'use the VM resource id, or `destinationAddress`');
    }
    if (!Token.isUnresolved(port)) problems.check(!Number.isInteger(port) || port < 1 || port > 65535, GWD_MONITOR_PORT, 'port', port, 'a TCP port is 1-65535', 'use the port the Azure endpoint listens on');
    if (!Token.isUnresolved(frequency)) problems.check(!Number.isInteger(frequency) || frequency < 30 || frequency > 1800, GWD_MONITOR_FREQUENCY, 'testFrequencySeconds', frequency, 'a test runs every 30-1800 seconds', 'use 60 (default)');
    problems.check(this.monitors.some((m) => m.name === id), GWD_MONITOR_ENDPOINT, 'id', id, `a connection monitor ${id} exists`, 'give each monitor its own name');
    problems.throwIfAny();

    const source = options.sourceArcMachineId !== undefined
      ? { name: 'on-premises', targetResourceType: 'AzureArcVM', targetResourceId: options.sourceArcMachineId }
      : { name: 'on-premises', targetResourceType: 'ExternalAddress', address: options.sourceAddress };
    const destination = options.destinationVmId !== undefined
      ? { name: 'azure', targetResourceType: 'AzureVM', targetResourceId: options.destinationVmId }
      : { name: 'azure', targetResourceType: 'ExternalAddress', address: options.destinationAddress };
    const resource = new NetworkConnectionMonitor(this, `ConnectionMonitor${id}`, {
      name: options.name ?? generateName(this, 'connectionMonitor', id),
      networkWatcherId: this.networkWatcher.id,
      location: this.gateway.hub.location,
      notes: `On-premises to Azure over VPN gateway ${this.gateway.node.path}`,
      endpoint: [source, destination],
      testConfiguration: [{
        name: `tcp-${port}`,
        protocol: 'Tcp',
        testFrequencyInSeconds: frequency,
        tcpConfiguration: { port, traceRouteEnabled: true },
        successThreshold: { checksFailedPercent: 5, roundTripTimeMs: 100 },
      }],
      testGroup: [{ name: 'on-premises-to-azure', sourceEndpoints: ['on-premises'], destinationEndpoints: ['azure'], testConfigurationNames: [`tcp-${port}`] }],
      outputWorkspaceResourceIds: [this.workspace.workspaceResourceId],
    });
    this.monitors.push({ name: id, resource });
    return resource;
  }

  private renderRunbook(): string {
    const gw = this.gateway;
    const id = `$(terraform output -raw ${this.outputNames.gatewayId})`;
    const limit = gw.aggregateThroughputMbps;
    return [
      'Work through these in order; stop at the first that fails.',
      '',
      `1. **Connection status** (Azure side): \`az network vpn-connection list --resource-group $(terraform output -raw ${this.outputNames.resourceGroup}) --query "[].{name:name, status:connectionStatus, in:ingressBytesTransferred, out:egressBytesTransferred}" -o table\`. "NotConnected" or "Unknown" on every connection points to the device or the path; on one connection to that site.`,
      `2. **No NSG or route table on GatewaySubnet**: \`az network vnet subnet show --ids $(terraform output -raw ${this.outputNames.gatewaySubnetId}) --query "{nsg:networkSecurityGroup.id, routes:routeTable.id}"\` must print nulls (an NSG there breaks the gateway).`,
      '3. **Tunnel events** (workspace Logs): ',
      '   ```kusto',
      `   ${disconnectQuery('<gateway id>').split('\n').join('\n   ').replace('"Disconnected"', '"Disconnected" or status_s == "Connected"')}`,
      '   | project TimeGenerated, status_s, remoteIP_s, instance_s, stateChangeReason_s | order by TimeGenerated desc',
      '   ```',
      '4. **IKE negotiation** (mismatched policy, PSK or traffic selectors):',
      '   ```kusto',
      '   AzureDiagnostics | where Category == "IKEDiagnosticLog" | where Message has_any ("error", "fail", "mismatch") | project TimeGenerated, RemoteIP_s, Message | order by TimeGenerated desc',
      '   ```',
      `5. **BGP** ${gw.bgpEnabled ? '' : '(BGP is off on this gateway: skip) '}: \`az network vnet-gateway list-bgp-peer-status --ids ${id} -o table\` (state Connected), then \`az network vnet-gateway list-learned-routes --ids ${id} -o table\` and \`list-advertised-routes --peer <on-prem BGP address>\`; RouteDiagnosticLog shows route changes.`,
      `6. **Bandwidth vs SKU**: ${gw.sku.name} carries about ${limit ?? '?'} Mbps in aggregate. \`az monitor metrics list --resource ${id} --metric AverageBandwidth TunnelAverageBandwidth --interval PT5M -o table\` (bytes/s; ×8/1e6 for Mbps). Sustained use near the limit: a larger SKU or more tunnels.`,
      '7. **Connection monitor** (on premises to Azure, per hop):',
      '   ```kusto',
      '   NWConnectionMonitorTestResult | where TestResult != "Pass" | project TimeGenerated, ConnectionMonitorResourceId, SourceName, DestinationName, TestResult, ChecksFailedPercent, AvgRoundTripTimeMs',
      '   ```',
      `   Monitors: ${this.monitors.length === 0 ? 'none (add one with `addConnectionMonitor`)' : this.monitors.map((m) => m.name).join(', ')}.`,
      `8. **Network Watcher VPN troubleshoot** (needs a storage account for the report): \`az network watcher troubleshooting start --resource ${id} --resource-type vnetGateway --storage-account <storage account id> --storage-path https://<account>.blob.core.windows.net/vpn-troubleshoot\` (PowerShell: \`Start-AzNetworkWatcherResourceTroubleshooting\`).`,
      `9. **Packet capture** on the gateway: \`az network vnet-gateway packet-capture start --ids ${id}\`, reproduce, then \`az network vnet-gateway packet-capture stop --ids ${id} --sas-url "<container SAS URL>"\`.`,
      '10. **On premises**: the device\'s IKE/IPsec logs and SA state (e.g. `show crypto ikev2 sa`, `show vpn ipsec-sa`), its public IP and NAT-T (UDP 500/4500 open), the pre-shared key, and that it does not advertise Azure\'s prefixes back over BGP. From a machine behind it: `Test-NetConnection <Azure private IP> -Port <port>` or `nc -vz <ip> <port>`.',
    ].join('\n');
  }
}

/** KQL: the gateway's tunnel disconnects (AzureDiagnostics table, as Azure's alert guide uses it). */
function disconnectQuery(gatewayId: string): string {
  return `AzureDiagnostics\n| where Category == "TunnelDiagnosticLog" and status_s == "Disconnected"\n| where ResourceId =~ "${gatewayId}"`;
}
