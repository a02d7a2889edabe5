import { ArcMachineExtension } from '@cdktf/provider-azurerm/lib/arc-machine-extension';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { NetworkConnectionMonitor } from '@cdktf/provider-azurerm/lib/network-connection-monitor';
import { DataAzurermNetworkWatcher } from '@cdktf/provider-azurerm/lib/data-azurerm-network-watcher';
import { NetworkWatcher } from '@cdktf/provider-azurerm/lib/network-watcher';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { OperatingSystem } from './data-collection-rules';
import * as D from './defaults';
import { gatewayDiagnosticsHandoff } from './handoff/gateway-diagnostics';
import { checkVpnGatewayOptions, vpnGatewayAlerts, VpnGatewayMonitoringOptions } from './monitoring-alerts';
import { GWD_FLOW_LOG, GWD_MONITOR_ENDPOINT, GWD_MONITOR_FREQUENCY, GWD_MONITOR_PORT, GWD_NETWORK_WATCHER } from './rules';
import { isIpv4Address } from '../core/cidr';
import { isDnsName } from '../core/dns';
import { sameStackDependencies } from '../core/dependencies';
import { ProblemCollector } from '../core/errors';
import { checkUniqueIds } from '../core/ids';
import { LifecycleGate } from '../core/gates';
import { generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import type { IVpnGateway } from '../network/vpn-gateway-base';

/** Options of `GatewayDiagnostics.addConnectionMonitor`: one TCP test from on premises to Azure. */
export interface ConnectionMonitorOptions {
  /**
   * Source: an Arc-enabled server (its resource id, e.g. a Terraform variable). The monitor, the
   * Azure Monitor Agent and the Network Watcher agent on the server wait behind gate
   * `<path>_machines_onboarded` (phase 2). Connection Monitor runs its tests from an agent, so
   * the on-premises source is a machine onboarded to Azure Arc.
   */
  readonly sourceArcMachineId?: string;
  /**
   * Operating system of the Arc-enabled source (picks the agent extensions).
   * @default OperatingSystem.LINUX
   */
  readonly sourceOs?: OperatingSystem;
  /**
   * Region the Arc-enabled source was onboarded to.
   * @default - the gateway's region
   */
  readonly sourceLocation?: string;
  /**
   * Refused (GWD-MONITOR-ENDPOINT): Connection Monitor runs its tests from an agent on the
   * source (an Azure VM or an Arc-enabled server); an address can only be a destination.
   * @deprecated use `sourceArcMachineId`
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

/** Options of `GatewayDiagnostics.addVirtualNetworkFlowLog`. */
export interface VirtualNetworkFlowLogOptions {
  /**
   * Storage account for the flow log files. Azure requires it in the virtual network's region;
   * a dedicated account keeps the logs' access apart.
   */
  readonly storageAccountId: string;
  /**
   * Days the files are kept, 0 (for ever) to 365.
   * @default 30
   */
  readonly retentionDays?: number;
  /**
   * Traffic analytics interval on the workspace, 10 or 60 minutes, or 0 for none. Needs a workspace
   * whose id and region are known (a `LogAnalyticsWorkspace` of this App).
   * @default 10 when the workspace's id and region are known, else 0
   */
  readonly trafficAnalyticsIntervalMinutes?: number;
}

/** Props of `GatewayDiagnostics`. */
export interface GatewayDiagnosticsProps extends VpnGatewayMonitoringOptions {
  /** The VPN gateway to watch (read only: its id, SKU, BGP, metrics and hub). */
  readonly gateway: IVpnGateway;
  /** Workspace of the gateway logs, the log alert and the connection monitors. */
  readonly logAnalyticsWorkspace: ILogAnalyticsWorkspace;
  /**
   * Send the gateway's logs to the workspace (`gateway.sendDiagnosticsTo`). Must be a literal.
   * @default - true when the gateway has no diagnostic setting yet
   */
  readonly sendDiagnostics?: boolean;
  /**
   * Resource id of the region's Network Watcher (Azure allows one per region and subscription;
   * `az network watcher list -o table`).
   * @default - the one Azure enables with the first virtual network of the region,
   * `NetworkWatcher_<region>` in resource group `NetworkWatcherRG`, read (data source) once the
   * hub's gateways of this stack exist
   */
  readonly networkWatcherId?: string;
  /**
   * Create `NetworkWatcher_<region>` in the hub's resource group. Only where automatic
   * enablement is off: Azure refuses a second Network Watcher in a region (GWD-NETWORK-WATCHER).
   * Must be a literal.
   * @default false
   */
  readonly createNetworkWatcher?: boolean;
}

/**
 * VPN troubleshooting for a VPN gateway: its logs (gateway, tunnel, route, IKE, P2S) in Log
 * Analytics, the alerts of `HybridMonitoring.monitorVpnGateway` (tunnel disconnects, BGP peer
 * status, bandwidth per instance against the SKU), connection monitors (v2) from on-premises
 * or Arc machines to Azure, and a troubleshooting runbook section.
 */
export class GatewayDiagnostics extends Construct {
  public readonly disconnectAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly bgpAlert?: MonitorMetricAlert;
  public readonly bandwidthAlert?: MonitorMetricAlert;
  /** The gateway watched. */
  public readonly gateway: IVpnGateway;
  /** The Network Watcher, when created here (`createNetworkWatcher`). */
  public networkWatcher?: NetworkWatcher;
  /** The Network Watcher Azure enabled in the region, when read here (the default). */
  public enabledNetworkWatcher?: DataAzurermNetworkWatcher;
  /** The gate Arc-sourced connection monitors wait behind, once one was added. */
  public machinesGate?: LifecycleGate;
  /** Hand-off output names. */
  public readonly gatewayIdOutputName: string;
  public readonly resourceGroupOutputName: string;
  public readonly gatewaySubnetOutputName: string;

  private readonly workspace: ILogAnalyticsWorkspace;
  private readonly networkWatcherIdProp?: string;
  private readonly createNetworkWatcher: boolean;
  private readonly monitors: { name: string; resource: NetworkConnectionMonitor }[] = [];
  private flowLog?: NetworkWatcherFlowLog;
  private readonly arcAgents = new Map<string, ArcMachineExtension[]>();

  constructor(scope: Construct, id: string, props: GatewayDiagnosticsProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('gateway', props.gateway, 'construct');
    problems.required('logAnalyticsWorkspace', props.logAnalyticsWorkspace, 'construct');
    problems.literal('sendDiagnostics', props.sendDiagnostics, 'it decides whether a diagnostic setting exists');
    checkVpnGatewayOptions(problems, props);
    problems.resourceId(GWD_MONITOR_ENDPOINT, 'networkWatcherId', props.networkWatcherId, 'network watcher');
    problems.literal('createNetworkWatcher', props.createNetworkWatcher, 'it decides whether a Network Watcher resource exists');
    problems.type('createNetworkWatcher', props.createNetworkWatcher, 'boolean');
    problems.check(
      props.createNetworkWatcher === true && props.networkWatcherId !== undefined,
      GWD_NETWORK_WATCHER,
      'createNetworkWatcher',
      props.createNetworkWatcher,
      'a Network Watcher is given by id and asked to be created: Azure allows one per region and subscription',
      'keep networkWatcherId and drop createNetworkWatcher',
    );
    problems.throwIfAny();

    const gw = props.gateway;
    this.gateway = gw;
    this.workspace = props.logAnalyticsWorkspace;
    this.networkWatcherIdProp = props.networkWatcherId;
    this.createNetworkWatcher = props.createNetworkWatcher ?? false;
    if (props.sendDiagnostics ?? gw.diagnosticSettings.length === 0) gw.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    const alerts = vpnGatewayAlerts(this, gw, props.logAnalyticsWorkspace, gw.hub.resourceGroupName, gw.hub.location, props);
    [this.disconnectAlert, this.bgpAlert, this.bandwidthAlert] = [alerts.disconnectAlert, alerts.bgpAlert, alerts.bandwidthAlert];

    const runbook = Runbook.of(this);
    this.gatewayIdOutputName = runbook.addOutput(this, 'GatewayId', { value: gw.gatewayId, description: `Resource id of VPN gateway ${gw.node.path}` });
    this.resourceGroupOutputName = runbook.addOutput(this, 'ResourceGroup', { value: gw.hub.resourceGroupName, description: `Resource group of VPN gateway ${gw.node.path} and its connections` });
    this.gatewaySubnetOutputName = runbook.addOutput(this, 'GatewaySubnetId', { value: gw.hub.gatewaySubnetId, description: `GatewaySubnet of VPN gateway ${gw.node.path}` });
    runbook.addSection(new LazySection(`Troubleshooting VPN gateway ${gw.node.path}`, () => gatewayDiagnosticsHandoff({
      gatewayIdOutputName: this.gatewayIdOutputName,
      resourceGroupOutputName: this.resourceGroupOutputName,
      gatewaySubnetOutputName: this.gatewaySubnetOutputName,
      bgpEnabled: gw.bgpEnabled,
      skuName: gw.sku.name,
      aggregateThroughputMbps: gw.aggregateThroughputMbps,
      monitorNames: this.monitors.map((m) => m.name),
      machinesGateName: this.machinesGate?.name,
      networkWatcher: this.networkWatcher ? 'created' : this.enabledNetworkWatcher ? 'enabled by Azure' : this.networkWatcherIdProp !== undefined ? 'given' : undefined,
      flowLog: this.flowLog && { trafficAnalytics: this.flowLog.trafficAnalyticsInput !== undefined },
    })));
  }

  /**
   * Resource id of the Network Watcher the connection monitors and flow logs use: the one given,
   * the one created (`createNetworkWatcher`), or the one Azure enabled in the region.
   */
  public get networkWatcherId(): string {
    if (this.networkWatcherIdProp !== undefined) return this.networkWatcherIdProp;
    if (this.createNetworkWatcher) {
      this.networkWatcher ??= new NetworkWatcher(this, 'NetworkWatcher', {
        name: `NetworkWatcher_${this.gateway.hub.location}`,
        resourceGroupName: this.gateway.hub.resourceGroupName,
        location: this.gateway.hub.location,
      });
      return this.networkWatcher.id;
    }
    // Azure enables NetworkWatcher_<region> in NetworkWatcherRG with the first virtual network of
    // the region, asynchronously: read it once this stack's gateways in the hub exist (half an
    // hour after the network), not at plan, when a hub created in the same apply has none yet.
    if (!this.enabledNetworkWatcher) {
      const after = sameStackDependencies(this, this.gateway.hub.gatewayDependables);
      this.enabledNetworkWatcher = new DataAzurermNetworkWatcher(this, 'EnabledNetworkWatcher', {
        name: `NetworkWatcher_${this.gateway.hub.location}`,
        resourceGroupName: D.AZURE_NETWORK_WATCHER_RESOURCE_GROUP,
        dependsOn: after.length > 0 ? after : undefined,
      });
    }
    return this.enabledNetworkWatcher.id;
  }

  /**
   * Flow logs of the hub's virtual network (a VNet flow log, version 2: NSG flow logs can no
   * longer be created), with traffic analytics on the workspace: which flows cross the gateway,
   * allowed or denied, and how much. Once per gateway's hub.
   */
  public addVirtualNetworkFlowLog(options: VirtualNetworkFlowLogOptions): NetworkWatcherFlowLog {
    const problems = new ProblemCollector(this);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('storageAccountId', options.storageAccountId, 'string');
    problems.resourceId(GWD_FLOW_LOG, 'storageAccountId', options.storageAccountId, 'storage account');
    problems.integer(GWD_FLOW_LOG, 'retentionDays', options.retentionDays, 0, 365, 'use 0 (keep for ever) to 365 days');
    const ws = this.workspace;
    // A LogAnalyticsWorkspace of this App knows its customer id and region; an imported one does not.
    const details = ws as ILogAnalyticsWorkspace & { readonly workspaceCustomerId?: string; readonly location?: string };
    const known = typeof details.workspaceCustomerId === 'string' && typeof details.location === 'string';
    const interval = options.trafficAnalyticsIntervalMinutes ?? (known ? D.TRAFFIC_ANALYTICS_INTERVAL_MINUTES : 0);
    problems.oneOf(GWD_FLOW_LOG, 'trafficAnalyticsIntervalMinutes', options.trafficAnalyticsIntervalMinutes, [0, 10, 60], 'use 10 or 60 (minutes), or 0 for no traffic analytics');
    problems.check(interval !== 0 && !known, GWD_FLOW_LOG, 'trafficAnalyticsIntervalMinutes', interval, `traffic analytics needs the workspace's id and region, and workspace ${ws.node.path} does not give them`, 'use a LogAnalyticsWorkspace of this App, or 0');
    problems.check(this.flowLog !== undefined, GWD_FLOW_LOG, 'addVirtualNetworkFlowLog', options.storageAccountId, `the hub's virtual network already has a flow log from ${this.node.path}`, 'add one flow log per virtual network');
    problems.throwIfAny();
    const watcher = this.networkWatcherParts();
    const hub = this.gateway.hub;
    const retention = options.retentionDays ?? D.FLOW_LOG_RETENTION_DAYS;
    this.flowLog = new NetworkWatcherFlowLog(this, 'VirtualNetworkFlowLog', {
      name: generateName(this, 'flowLog'),
      networkWatcherName: watcher.name,
      resourceGroupName: watcher.resourceGroupName,
      location: hub.location,
      targetResourceId: hub.virtualNetworkId,
      storageAccountId: options.storageAccountId,
      enabled: true,
      version: 2,
      retentionPolicy: { enabled: retention > 0, days: retention },
      trafficAnalytics: interval > 0
        ? { enabled: true, workspaceId: details.workspaceCustomerId!, workspaceRegion: details.location!, workspaceResourceId: ws.workspaceResourceId, intervalInMinutes: interval }
        : undefined,
    });
    return this.flowLog;
  }

  /** Name and resource group of the Network Watcher (the flow log is its child): from the id, or the one created here. */
  private networkWatcherParts(): { name: string; resourceGroupName: string } {
    const id = this.networkWatcherId; // creates or reads the watcher when no id was given
    if (this.networkWatcher) return { name: this.networkWatcher.name, resourceGroupName: this.networkWatcher.resourceGroupName };
    if (this.enabledNetworkWatcher) return { name: this.enabledNetworkWatcher.name, resourceGroupName: this.enabledNetworkWatcher.resourceGroupName };
    // /subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.Network/networkWatchers/<name>
    if (!Token.isUnresolved(id)) {
      const parts = id.split('/');
      return { name: parts[8], resourceGroupName: parts[4] };
    }
    return { name: Fn.element(Fn.split('/', id), 8), resourceGroupName: Fn.element(Fn.split('/', id), 4) };
  }

  /**
   * Adds a connection monitor (v2) with one TCP test from an on-premises or Arc machine to an Azure
   * endpoint, results to the workspace. `id` keys the construct. From an Arc-enabled server, the
   * monitor and the agents it needs (Azure Monitor Agent, AzureNetworkWatcherExtension) are
   * created in phase 2, behind gate `<path>_machines_onboarded`.
   */
  public addConnectionMonitor(id: string, options: ConnectionMonitorOptions): NetworkConnectionMonitor {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const port = options.port ?? D.MONITOR_PORT;
    const frequency = options.testFrequencySeconds ?? D.MONITOR_FREQUENCY_SECONDS;
    const destinations = [options.destinationVmId, options.destinationAddress].filter((v) => v !== undefined);
    // Sources are agents: "add ... Azure VMs and on-premises machines as sources if agents are
    // installed on them"; external addresses are destinations (azure-docs
    // network-watcher/connection-monitor-create-using-portal.md).
    problems.check(
      options.sourceAddress !== undefined,
      GWD_MONITOR_ENDPOINT,
      'sourceAddress',
      options.sourceAddress,
      'Connection Monitor runs its tests from an agent on the source (an Azure VM or an Arc-enabled server); an address can only be a destination',
      'onboard the on-premises machine to Azure Arc and give its id as `sourceArcMachineId`',
    );
    problems.check(options.sourceAddress === undefined && options.sourceArcMachineId === undefined, GWD_MONITOR_ENDPOINT, 'sourceArcMachineId', undefined, 'a connection monitor needs its on-premises source', 'give the Arc-enabled server\'s resource id as `sourceArcMachineId`');
    problems.check(destinations.length !== 1, GWD_MONITOR_ENDPOINT, 'destinationVmId', destinations, 'give exactly one of `destinationVmId` and `destinationAddress`', 'name the Azure endpoint one way');
    problems.resourceId(GWD_MONITOR_ENDPOINT, 'sourceArcMachineId', options.sourceArcMachineId, 'Arc-enabled server', 'use the Arc machine resource id (`az connectedmachine show --query id`)');
    problems.resourceId(GWD_MONITOR_ENDPOINT, 'destinationVmId', options.destinationVmId, 'Azure VM', 'use the VM resource id, or `destinationAddress`');
    problems.oneOf(GWD_MONITOR_ENDPOINT, 'sourceOs', options.sourceOs, [OperatingSystem.WINDOWS, OperatingSystem.LINUX]);
    problems.literal('sourceOs', options.sourceOs, 'it decides which agent extensions are created');
    problems.region('sourceLocation', options.sourceLocation);
    problems.integer(GWD_MONITOR_PORT, 'port', port, 1, 65535, 'use the port the Azure endpoint listens on');
    problems.integer(GWD_MONITOR_FREQUENCY, 'testFrequencySeconds', frequency, 30, 1800, 'use 60 (default)');
    if (!problems.check(this.monitors.some((m) => m.name === id), GWD_MONITOR_ENDPOINT, 'id', id, `a connection monitor ${id} exists`, 'give each monitor its own name')) {
      problems.literal('id', id, 'the id keys the monitor and its agents');
      if (!Token.isUnresolved(id)) checkUniqueIds(problems, this, [`ConnectionMonitor${id}`, `SourceMonitorAgent${id}`, `SourceNetworkWatcherAgent${id}`], 'id', id);
    }
    const address = options.destinationAddress;
    problems.check(address !== undefined && !Token.isUnresolved(address) && (typeof address !== 'string' || (!isIpv4Address(address) && !isDnsName(address, false))), GWD_MONITOR_ENDPOINT, 'destinationAddress', address, 'an address is an IPv4 address or a DNS name', 'use e.g. 10.1.0.4 or app01.contoso.com');
    problems.throwIfAny();

    const arc = options.sourceArcMachineId!;
    const source = { name: 'on-premises', targetResourceType: 'AzureArcVM', targetResourceId: arc };
    const destination = options.destinationVmId !== undefined
      ? { name: 'azure', targetResourceType: 'AzureVM', targetResourceId: options.destinationVmId }
      : { name: 'azure', targetResourceType: 'ExternalAddress', address: options.destinationAddress };
    const agents = this.arcAgentsFor(id, arc, options);
    const resource = new NetworkConnectionMonitor(this, `ConnectionMonitor${id}`, {
      name: options.name ?? generateName(this, 'connectionMonitor', id),
      networkWatcherId: this.networkWatcherId,
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
      dependsOn: agents.length > 0 ? agents : undefined,
    });
    if (arc !== undefined) this.gate().guard(resource);
    this.monitors.push({ name: id, resource });
    return resource;
  }

  /** The agents a connection monitor needs on an Arc source (research.md section 6, review M10), once per machine. */
  private arcAgentsFor(id: string, machineId: string, options: ConnectionMonitorOptions): ArcMachineExtension[] {
    const existing = this.arcAgents.get(machineId);
    if (existing) return existing;
    const linux = (options.sourceOs ?? OperatingSystem.LINUX) === OperatingSystem.LINUX;
    const location = options.sourceLocation ?? this.gateway.hub.location;
    const agents = [
      new ArcMachineExtension(this, `SourceMonitorAgent${id}`, {
        name: linux ? D.AMA_LINUX : D.AMA_WINDOWS,
        arcMachineId: machineId,
        location,
        publisher: D.AMA_PUBLISHER,
        type: linux ? D.AMA_LINUX : D.AMA_WINDOWS,
        automaticUpgradeEnabled: true,
      }),
      new ArcMachineExtension(this, `SourceNetworkWatcherAgent${id}`, {
        name: 'AzureNetworkWatcherExtension',
        arcMachineId: machineId,
        location,
        publisher: D.NETWORK_WATCHER_AGENT_PUBLISHER,
        type: linux ? 'NetworkWatcherAgentLinux' : 'NetworkWatcherAgentWindows',
        automaticUpgradeEnabled: true,
      }),
    ];
    this.gate().guard(...agents);
    this.arcAgents.set(machineId, agents);
    return agents;
  }

  private gate(): LifecycleGate {
    this.machinesGate ??= LifecycleGate.of(this, `${outputName(this, '')}_machines_onboarded`, {
      waitsFor: `the Arc-enabled servers that ${this.node.path} monitors from are onboarded (azcmagent connect) and Connected`,
      performedBy: 'the on-premises server team',
      verify: 'az connectedmachine show -n <machine> -g <resource group> --query status -o tsv   # Connected',
    });
    return this.machinesGate;
  }
}
