import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { Fn, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { GWD_BANDWIDTH_PERCENT, GWD_SKU_THROUGHPUT, MON_ALERT_THRESHOLD } from './rules';
import { Alerts, IActionGroup } from '../core/alerts';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { reportAtSynth } from '../core/report';
import { Rule } from '../core/rule';
import { MON_ALERT_SEVERITY } from '../core/rules';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import type { IExpressRouteCircuit } from '../network/expressroute-circuit';
import type { IExpressRouteGateway } from '../network/expressroute-gateway';
import type { IVpnGateway } from '../network/vpn-gateway-base';

/**
 * One alert of a monitoring pattern: each can be changed or turned off. The one `AlertOptions`
 * of the library (HybridMonitoring's baseline alerts, `monitorVpnGateway`, `GatewayDiagnostics`,
 * `monitorExpressRouteCircuit`, `monitorExpressRouteGateway`).
 */
export interface AlertOptions {
  /**
   * Create the alert. Must be a literal (it decides whether the alert exists).
   * @default true (per alert; e.g. CPU and disk alerts only with VM insights)
   */
  readonly enabled?: boolean;
  /**
   * Severity, 0 (critical) to 4 (verbose).
   * @default - per alert (1 for outages, 2 for capacity)
   */
  readonly severity?: number;
  /**
   * Threshold, in the unit the alert documents.
   * @default - per alert
   */
  readonly threshold?: number;
}

/** Checks one alert's options: `enabled` literal, severity 0-4, threshold in range. */
export function checkAlertOptions(problems: ProblemCollector, prop: string, options: AlertOptions | undefined, min: number, max: number, thresholdRule: Rule = MON_ALERT_THRESHOLD): void {
  if (options === undefined) return;
  if (problems.type(prop, options, 'object')) return;
  problems.literal(`${prop}.enabled`, options.enabled, 'it decides whether the alert exists');
  problems.integer(MON_ALERT_SEVERITY, `${prop}.severity`, options.severity, 0, 4, 'use 0 (critical) to 4 (verbose)');
  problems.number(thresholdRule, `${prop}.threshold`, options.threshold, min, max);
}

/**
 * A threshold in a description: the number, or "the configured" when it is a Terraform
 * expression (a number token printed as text is an encoded -1.2e+305).
 */
function numberText(n: number): string {
  return Token.isUnresolved(n) ? 'the configured' : String(n);
}

function on(options: AlertOptions | undefined, byDefault = true): boolean {
  return options?.enabled ?? byDefault;
}

// ---------------------------------------------------------------------------------------------
// Machines (HybridMonitoring baseline): log alerts on the workspace.

/** What the baseline alerts need. */
export interface MachineAlertsSpec {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly workspace: ILogAnalyticsWorkspace;
  readonly actionGroup?: IActionGroup;
  readonly vmInsights: boolean;
  readonly heartbeatAlert?: AlertOptions;
  readonly cpuAlert?: AlertOptions;
  readonly diskAlert?: AlertOptions;
}

/** The baseline alerts made. */
export interface MachineAlerts {
  readonly heartbeatAlert?: MonitorScheduledQueryRulesAlertV2;
  readonly cpuAlert?: MonitorScheduledQueryRulesAlertV2;
  readonly diskAlert?: MonitorScheduledQueryRulesAlertV2;
}

/** Heartbeat, CPU and disk alerts (construct ids HeartbeatAlert, CpuAlert, DiskAlert). */
export function machineAlerts(scope: Construct, s: MachineAlertsSpec): MachineAlerts {
  const common = { workspace: s.workspace, location: s.location, actionGroup: s.actionGroup };
  const minutes = s.heartbeatAlert?.threshold ?? D.HEARTBEAT_MINUTES;
  const cpu = s.cpuAlert?.threshold ?? D.CPU_PERCENT_THRESHOLD;
  const disk = s.diskAlert?.threshold ?? D.DISK_FREE_PERCENT_THRESHOLD;
  let heartbeatAlert: MonitorScheduledQueryRulesAlertV2 | undefined;
  if (on(s.heartbeatAlert)) {
    heartbeatAlert = Alerts.log(scope, 'HeartbeatAlert', s.resourceGroupName, {
      ...common,
      severity: s.heartbeatAlert?.severity ?? 1,
      description: `A monitored machine sent no heartbeat for ${numberText(minutes)} minutes (agent, machine or connectivity down); resolve it by hand once the machine is back`,
      query: `Heartbeat\n| summarize LastHeartbeat = max(TimeGenerated) by Computer, _ResourceId\n| where LastHeartbeat < ago(${Token.asString(minutes)}m)`,
      dimensions: ['Computer'],
      windowDuration: 'P1D',
      evaluationFrequency: 'PT5M',
    });
    // A machine silent for more than the 24 h window drops out of the result; with automatic
    // mitigation the alert would then resolve itself. It stays fired until someone resolves it.
    heartbeatAlert.autoMitigationEnabled = false;
  }
  const cpuAlert = on(s.cpuAlert, s.vmInsights) ? Alerts.log(scope, 'CpuAlert', s.resourceGroupName, {
    ...common,
    severity: s.cpuAlert?.severity ?? 2,
    description: `Average CPU above ${numberText(cpu)} % for 15 minutes`,
    query: `InsightsMetrics\n| where Namespace == "Processor" and Name == "UtilizationPercentage"\n| summarize CpuPercent = avg(Val) by bin(TimeGenerated, 15m), Computer, _ResourceId\n| where CpuPercent > ${Token.asString(cpu)}`,
    dimensions: ['Computer'],
    windowDuration: 'PT15M',
    evaluationFrequency: 'PT5M',
  }) : undefined;
  const diskAlert = on(s.diskAlert, s.vmInsights) ? Alerts.log(scope, 'DiskAlert', s.resourceGroupName, {
    ...common,
    severity: s.diskAlert?.severity ?? 2,
    description: `A logical disk has less than ${numberText(disk)} % free space`,
    query: `InsightsMetrics\n| where Namespace == "LogicalDisk" and Name == "FreeSpacePercentage"\n| extend Disk = tostring(todynamic(Tags)["vm.azm.ms/mountId"])\n| summarize FreePercent = avg(Val) by bin(TimeGenerated, 15m), Computer, _ResourceId, Disk\n| where FreePercent < ${Token.asString(disk)}`,
    dimensions: ['Computer', 'Disk'],
    windowDuration: 'PT15M',
    evaluationFrequency: 'PT15M',
  }) : undefined;
  return { heartbeatAlert, cpuAlert, diskAlert };
}

// ---------------------------------------------------------------------------------------------
// VPN gateway

/** Options of `HybridMonitoring.monitorVpnGateway` (and of `GatewayDiagnostics`' alerts). */
export interface VpnGatewayMonitoringOptions {
  /**
   * Who the alerts notify.
   * @default - the monitoring's action group
   */
  readonly actionGroup?: IActionGroup;
  /** @default - on: any TunnelDiagnosticLog disconnect in 5 minutes, severity 1 (threshold: disconnects tolerated, default 0) */
  readonly disconnectAlert?: AlertOptions;
  /** @default - on when BGP is enabled: a BGP peer down for 5 minutes, severity 1 */
  readonly bgpAlert?: AlertOptions;
  /** @default - on: an instance's bandwidth above 80 % of its share of the SKU's aggregate throughput, severity 2 (threshold: percent) */
  readonly bandwidthAlert?: AlertOptions;
}

/** The alerts made for a VPN gateway. */
export interface VpnGatewayAlerts {
  /** Log alert on tunnel disconnects (needs the gateway's TunnelDiagnosticLog in the workspace). */
  readonly disconnectAlert?: MonitorScheduledQueryRulesAlertV2;
  /** Metric alert on `BgpPeerStatus`, per peer. */
  readonly bgpAlert?: MonitorMetricAlert;
  /** Metric alert on `AverageBandwidth`, per instance. */
  readonly bandwidthAlert?: MonitorMetricAlert;
}

/** Checks `VpnGatewayMonitoringOptions`. */
export function checkVpnGatewayOptions(problems: ProblemCollector, options: VpnGatewayMonitoringOptions): void {
  checkAlertOptions(problems, 'disconnectAlert', options.disconnectAlert, 0, 1000);
  checkAlertOptions(problems, 'bgpAlert', options.bgpAlert, 0, 1);
  checkAlertOptions(problems, 'bandwidthAlert', options.bandwidthAlert, 1, 100, GWD_BANDWIDTH_PERCENT);
}

/** KQL: the gateway's tunnel disconnects (AzureDiagnostics, as Azure's alert guide uses it; research.md section 3). */
export function disconnectQuery(gatewayId: string): string {
  return `AzureDiagnostics\n| where Category == "TunnelDiagnosticLog" and status_s == "Disconnected"\n| where ResourceId =~ "${gatewayId}"`;
}

/**
 * The VPN gateway alerts under `scope` (construct ids DisconnectAlert, BgpAlert, BandwidthAlert).
 * `AverageBandwidth` is reported per instance (research.md section 4, m8), so the threshold is
 * the percentage of one instance's share of the SKU's aggregate throughput.
 */
export function vpnGatewayAlerts(scope: Construct, gw: IVpnGateway, workspace: ILogAnalyticsWorkspace, resourceGroupName: string, location: string, options: VpnGatewayMonitoringOptions): VpnGatewayAlerts {
  const actionGroup = options.actionGroup;
  const disconnectAlert = on(options.disconnectAlert) ? Alerts.log(scope, 'DisconnectAlert', resourceGroupName, {
    workspace,
    location,
    actionGroup,
    severity: options.disconnectAlert?.severity ?? 1,
    description: `A tunnel of VPN gateway ${gw.node.path} disconnected (TunnelDiagnosticLog)`,
    query: `${disconnectQuery(gw.gatewayId)}\n| summarize Disconnects = count() by RemoteIP = remoteIP_s, Instance = instance_s`,
    threshold: options.disconnectAlert?.threshold ?? 0,
    dimensions: ['RemoteIP'],
  }) : undefined;
  // The name GatewayDiagnostics has always given this alert (a new name would replace it).
  if (disconnectAlert) disconnectAlert.name = generateName(scope, 'monitorAlert', 'disconnect');
  const bgpAlert = gw.bgpEnabled && on(options.bgpAlert) ? Alerts.metric(scope, 'BgpAlert', resourceGroupName, gw.metricBgpPeerStatus(), {
    actionGroup,
    severity: options.bgpAlert?.severity ?? 1,
    operator: 'LessThan',
    threshold: options.bgpAlert?.threshold ?? 1,
    description: `A BGP peer of VPN gateway ${gw.node.path} is down (BgpPeerStatus)`,
  }) : undefined;
  let bandwidthAlert: MonitorMetricAlert | undefined;
  const limitMbps = gw.aggregateThroughputMbps;
  if (on(options.bandwidthAlert)) {
    reportAtSynth(scope, GWD_SKU_THROUGHPUT, () => limitMbps === undefined ? {
      prop: 'bandwidthAlert',
      value: gw.sku.name,
      detail: `the aggregate throughput of ${gw.sku.name} is unknown: no bandwidth alert`,
      fix: 'use a known SKU, or turn the alert off (`bandwidthAlert: { enabled: false }`)',
    } : undefined);
  }
  if (on(options.bandwidthAlert) && limitMbps !== undefined) {
    const percent = options.bandwidthAlert?.threshold ?? D.BANDWIDTH_PERCENT_THRESHOLD;
    const instances = gw.activeActive ? 2 : 1;
    // AverageBandwidth is in bytes per second, per instance.
    const share = limitMbps * 1_000_000 / 8 / instances;
    // A percentage given as a Terraform expression stays one (`floor(share * var.pct / 100)`):
    // Math.round on a number token wrote a garbage literal (fuzz review 6).
    const bytesPerSecond = Token.isUnresolved(percent) ? Token.asNumber(Fn.floor(Token.asNumber(Op.div(Op.mul(share, percent), 100)))) : Math.round(share * percent / 100);
    bandwidthAlert = Alerts.metric(scope, 'BandwidthAlert', resourceGroupName, gw.metricAverageBandwidth(), {
      actionGroup,
      severity: options.bandwidthAlert?.severity ?? 2,
      operator: 'GreaterThan',
      threshold: bytesPerSecond,
      description: `An instance of VPN gateway ${gw.node.path} uses more than ${numberText(percent)} % of its share (${instances === 2 ? 'half' : 'all'}) of the ${limitMbps} Mbps of ${gw.sku.name}`,
    });
  }
  return { disconnectAlert, bgpAlert, bandwidthAlert };
}

// ---------------------------------------------------------------------------------------------
// ExpressRoute

/** Options of `HybridMonitoring.monitorExpressRouteCircuit`. */
export interface ExpressRouteCircuitMonitoringOptions {
  /**
   * Who the alerts notify.
   * @default - the monitoring's action group
   */
  readonly actionGroup?: IActionGroup;
  /** @default - on: BGP availability below 100 % on a peer of a peering, severity 1 (threshold: percent) */
  readonly bgpAvailabilityAlert?: AlertOptions;
  /** @default - on: ARP availability below 100 % on a peer of a peering, severity 1 (threshold: percent) */
  readonly arpAvailabilityAlert?: AlertOptions;
}

/** The alerts made for a circuit. */
export interface ExpressRouteCircuitAlerts {
  readonly bgpAvailabilityAlert?: MonitorMetricAlert;
  readonly arpAvailabilityAlert?: MonitorMetricAlert;
}

/** Checks `ExpressRouteCircuitMonitoringOptions`. */
export function checkCircuitOptions(problems: ProblemCollector, options: ExpressRouteCircuitMonitoringOptions): void {
  checkAlertOptions(problems, 'bgpAvailabilityAlert', options.bgpAvailabilityAlert, 1, 100);
  checkAlertOptions(problems, 'arpAvailabilityAlert', options.arpAvailabilityAlert, 1, 100);
}

/** BGP and ARP availability alerts per peering and peer (construct ids BgpAvailabilityAlert, ArpAvailabilityAlert). */
export function expressRouteCircuitAlerts(scope: Construct, circuit: IExpressRouteCircuit, resourceGroupName: string, options: ExpressRouteCircuitMonitoringOptions): ExpressRouteCircuitAlerts {
  const availability = (id: string, o: AlertOptions | undefined, metric: ReturnType<IExpressRouteCircuit['metricBgpAvailability']>, what: string) =>
    on(o) ? Alerts.metric(scope, id, resourceGroupName, metric, {
      actionGroup: options.actionGroup,
      severity: o?.severity ?? 1,
      operator: 'LessThan',
      threshold: o?.threshold ?? 100,
      description: `${what} availability of ExpressRoute circuit ${circuit.node.path} dropped on a peer (Primary or Secondary) of a peering`,
    }) : undefined;
  return {
    bgpAvailabilityAlert: availability('BgpAvailabilityAlert', options.bgpAvailabilityAlert, circuit.metricBgpAvailability(), 'BGP'),
    arpAvailabilityAlert: availability('ArpAvailabilityAlert', options.arpAvailabilityAlert, circuit.metricArpAvailability(), 'ARP'),
  };
}

/** Options of `HybridMonitoring.monitorExpressRouteGateway`. */
export interface ExpressRouteGatewayMonitoringOptions {
  /**
   * Who the alerts notify.
   * @default - the monitoring's action group
   */
  readonly actionGroup?: IActionGroup;
  /** @default - on: CPU above 80 % for 5 minutes on an instance, severity 2 (threshold: percent) */
  readonly cpuAlert?: AlertOptions;
  /**
   * @default - on: more than 80,000 packets per second on an instance (80 % of ErGw1AZ's
   * 100,000), severity 2 (threshold: packets per second; set it from your SKU)
   */
  readonly packetsPerSecondAlert?: AlertOptions;
}

/** The alerts made for an ExpressRoute gateway. */
export interface ExpressRouteGatewayAlerts {
  readonly cpuAlert?: MonitorMetricAlert;
  readonly packetsPerSecondAlert?: MonitorMetricAlert;
}

/** Checks `ExpressRouteGatewayMonitoringOptions`. */
export function checkErGatewayOptions(problems: ProblemCollector, options: ExpressRouteGatewayMonitoringOptions): void {
  checkAlertOptions(problems, 'cpuAlert', options.cpuAlert, 1, 100);
  checkAlertOptions(problems, 'packetsPerSecondAlert', options.packetsPerSecondAlert, 1, 100_000_000);
}

/** CPU and packets-per-second alerts (construct ids CpuAlert, PacketsPerSecondAlert). */
export function expressRouteGatewayAlerts(scope: Construct, gw: IExpressRouteGateway, resourceGroupName: string, options: ExpressRouteGatewayMonitoringOptions): ExpressRouteGatewayAlerts {
  const cpuAlert = on(options.cpuAlert) ? Alerts.metric(scope, 'CpuAlert', resourceGroupName, gw.metricCpuUtilization(), {
    actionGroup: options.actionGroup,
    severity: options.cpuAlert?.severity ?? 2,
    operator: 'GreaterThan',
    threshold: options.cpuAlert?.threshold ?? D.ER_GATEWAY_CPU_PERCENT,
    description: `CPU of an instance of ExpressRoute gateway ${gw.node.path} is high: a larger SKU may be needed`,
  }) : undefined;
  const packetsPerSecondAlert = on(options.packetsPerSecondAlert) ? Alerts.metric(scope, 'PacketsPerSecondAlert', resourceGroupName, gw.metricPacketsPerSecond(), {
    actionGroup: options.actionGroup,
    severity: options.packetsPerSecondAlert?.severity ?? 2,
    operator: 'GreaterThan',
    threshold: options.packetsPerSecondAlert?.threshold ?? D.ER_GATEWAY_PACKETS_PER_SECOND,
    description: `Packets per second on an instance of ExpressRoute gateway ${gw.node.path} near the SKU limit`,
  }) : undefined;
  return { cpuAlert, packetsPerSecondAlert };
}
