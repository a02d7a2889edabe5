import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ApplicationInsightsStandardWebTest } from '@cdktf/provider-azurerm/lib/application-insights-standard-web-test';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { buildApplicationInsights, checkApplicationInsights } from './application-insights';
import { buildAgent, buildAssociation, buildDataCollectionRule, DataCollectionRuleOptions, MachineType, MonitoredMachineOptions, OperatingSystem, PerformanceStream, resolveDataCollectionRule, resolveMachine, RuleRecord } from './data-collection-rules';
import * as D from './defaults';
import { hybridMonitoringHandoff } from './handoff/hybrid-monitoring';
import { LogAnalyticsWorkspace } from './log-analytics-workspace';
import {
  AlertOptions, checkAlertOptions, checkCircuitOptions, checkErGatewayOptions, checkVpnGatewayOptions, ExpressRouteCircuitAlerts, ExpressRouteCircuitMonitoringOptions,
  expressRouteCircuitAlerts, ExpressRouteGatewayAlerts, ExpressRouteGatewayMonitoringOptions, expressRouteGatewayAlerts, machineAlerts, VpnGatewayAlerts, vpnGatewayAlerts, VpnGatewayMonitoringOptions,
} from './monitoring-alerts';
import { MON_MACHINE_ID } from './rules';
import { ActionGroup, IActionGroup } from '../core/alerts';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { checkUniqueId } from '../core/ids';
import { generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { MON_ACTION_RECEIVER } from '../core/rules';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import type { IExpressRouteCircuit } from '../network/expressroute-circuit';
import type { IExpressRouteGateway } from '../network/expressroute-gateway';
import type { IVpnGateway } from '../network/vpn-gateway-base';

export * from './data-collection-rules';
export * from './monitoring-alerts';

/** Props of `HybridMonitoring`. */
export interface HybridMonitoringProps {
  /** Resource group of the workspace, rules, alerts and Application Insights. */
  readonly resourceGroupName: string;
  /** Region; one workspace in the region of the workloads. */
  readonly location: string;
  /**
   * An existing workspace.
   * @default - a workspace is created (30 days, local authentication off)
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  /**
   * Retention of the created workspace, 30-730 days.
   * @default 30
   */
  readonly workspaceRetentionInDays?: number;
  /**
   * Sampling of the Windows and Linux performance counters, 1-1800 s.
   * @default 60
   */
  readonly performanceSamplingSeconds?: number;
  /**
   * Windows performance counters (a literal list).
   * @default - processor, memory, disk and network counters
   */
  readonly windowsPerformanceCounters?: string[];
  /**
   * Linux performance counters (a literal list).
   * @default - processor, memory, disk and network counters
   */
  readonly linuxPerformanceCounters?: string[];
  /**
   * Windows event log XPath queries (a literal list).
   * @default - critical, error and warning events of Application and System
   */
  readonly windowsEventXPathQueries?: string[];
  /**
   * Syslog facilities (a literal list).
   * @default auth, authpriv, cron, daemon, kern, syslog, user
   */
  readonly syslogFacilities?: string[];
  /**
   * Syslog levels.
   * @default Warning, Error, Critical, Alert, Emergency
   */
  readonly syslogLevels?: string[];
  /**
   * VM insights rule (InsightsMetrics, 60 s) associated with every machine. Must be a literal.
   * @default true
   */
  readonly vmInsights?: boolean;
  /**
   * An existing action group every alert notifies (`ActionGroup.fromActionGroupId(...)` or
   * `new ActionGroup(...)`). Not with `alertEmails` / `alertWebhooks`.
   * @default - one is created from `alertEmails` and `alertWebhooks`; none without them (warning)
   */
  readonly actionGroup?: IActionGroup;
  /**
   * E-mail receivers of the action group this construct creates.
   * @default - none
   */
  readonly alertEmails?: string[];
  /**
   * Webhook receivers (https URLs) of the action group this construct creates. A URL carrying a
   * token is a secret: pass it as a sensitive Terraform variable, not a literal.
   * @default - none
   */
  readonly alertWebhooks?: string[];
  /**
   * Short name of the action group this construct creates, 1-12 characters.
   * @default 'hybridops'
   */
  readonly actionGroupShortName?: string;
  /**
   * Create workspace-based Application Insights. Must be a literal.
   * @default true
   */
  readonly applicationInsights?: boolean;
  /**
   * Turn off local (instrumentation key) authentication of Application Insights.
   * @default true
   */
  readonly applicationInsightsLocalAuthDisabled?: boolean;
  /**
   * Object id of the principal the application sends telemetry as (the Arc machine's managed
   * identity, or a service principal): gets "Monitoring Metrics Publisher" on the component.
   * @default - no grant; the runbook says which to make
   */
  readonly applicationInsightsPublisherPrincipalId?: string;
  /**
   * URL of the standard availability test (Application Insights). Probed from Azure locations on
   * the internet: only for an application published on the internet.
   * @default - no availability test
   */
  readonly availabilityTestUrl?: string;
  /**
   * Availability test frequency: 300, 600 or 900 seconds.
   * @default 300
   */
  readonly availabilityTestFrequencySeconds?: number;
  /**
   * Availability test locations (a literal list).
   * @default - five locations in Europe, the US and Asia
   */
  readonly availabilityTestLocations?: string[];
  /** @default - on: fires when a machine sends no heartbeat for 10 minutes (threshold: minutes, 1-1440); does not resolve itself */
  readonly heartbeatAlert?: AlertOptions;
  /** @default - on with VM insights: average CPU above 90 % over 15 minutes (threshold: percent) */
  readonly cpuAlert?: AlertOptions;
  /** @default - on with VM insights: a disk with less than 10 % free space (threshold: percent, 1-99) */
  readonly diskAlert?: AlertOptions;
  /** @default - on with an availability test: 2 locations failing (threshold: locations) */
  readonly availabilityAlert?: AlertOptions;
}

/** One machine associated with the rules. */
interface MachineRecord {
  readonly name: string;
  readonly os: OperatingSystem;
  readonly type: MachineType;
  readonly machineId: string;
  readonly scope: Construct;
}

/**
 * Hybrid monitoring with the Azure Monitor Agent, as one facade in the style of
 * cdk-monitoring-constructs: a Log Analytics workspace; Windows, Linux and VM insights data
 * collection rules (and yours, `addDataCollectionRule`) associated with the machines
 * (`associateMachine`: Azure VMs and Arc-enabled servers, the latter behind a phase-2 gate);
 * workspace-based Application Insights with an availability test; an action group and baseline
 * alerts; and `monitorVpnGateway`, `monitorExpressRouteCircuit`, `monitorExpressRouteGateway`
 * for the hybrid connection.
 */
export class HybridMonitoring extends Construct {
  /** The workspace every rule, alert and diagnostic setting sends to. */
  public readonly workspace: ILogAnalyticsWorkspace;
  /** The workspace, when this construct created it. */
  public readonly createdWorkspace?: LogAnalyticsWorkspace;
  /** Windows rule (kind Windows). */
  public readonly windowsRule: MonitorDataCollectionRule;
  /** Linux rule (kind Linux). */
  public readonly linuxRule: MonitorDataCollectionRule;
  /** VM insights rule (InsightsMetrics, 60 s). */
  public readonly vmInsightsRule?: MonitorDataCollectionRule;
  /** Workspace-based Application Insights. */
  public readonly applicationInsights?: ApplicationInsights;
  /** Standard availability test. */
  public readonly webTest?: ApplicationInsightsStandardWebTest;
  /** "Monitoring Metrics Publisher" on Application Insights for the given principal. */
  public readonly applicationInsightsPublisherRole?: RoleAssignment;
  /** Action group of every alert (given or created). */
  public readonly actionGroup?: IActionGroup;
  /** Baseline alerts. */
  public readonly heartbeatAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly cpuAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly diskAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly availabilityAlert?: MonitorMetricAlert;
  /** Resource group and region (for constructs that add to it). */
  public readonly resourceGroupName: string;
  public readonly location: string;
  /** Name of the hand-off output with the workspace id. */
  public readonly workspaceOutputName: string;
  /** Name of the hand-off output with the Application Insights connection string. */
  public readonly connectionStringOutputName?: string;

  private readonly props: HybridMonitoringProps;
  private readonly machines: MachineRecord[] = [];
  private readonly rules: RuleRecord[] = [];
  private readonly monitored: string[] = [];
  private readonly machinesScope: Construct;
  private readonly rulesScope: Construct;
  private machinesGate?: LifecycleGate;

  constructor(scope: Construct, id: string, props: HybridMonitoringProps) {
    super(scope, id);
    this.resolve(props);
    this.props = props;
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.createdWorkspace = props.logAnalyticsWorkspace ? undefined : new LogAnalyticsWorkspace(this, 'Workspace', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      retentionInDays: props.workspaceRetentionInDays,
    });
    this.workspace = props.logAnalyticsWorkspace ?? this.createdWorkspace!;
    this.rulesScope = new Construct(this, 'Rules');
    this.machinesScope = new Construct(this, 'Machines');
    [this.windowsRule, this.linuxRule, this.vmInsightsRule] = this.buildDefaultRules(props);
    this.actionGroup = props.actionGroup ?? this.buildActionGroup(props);
    const target = { resourceGroupName: props.resourceGroupName, location: props.location, workspace: this.workspace, actionGroup: this.actionGroup };
    const appi = buildApplicationInsights(this, {
      enabled: props.applicationInsights ?? true,
      localAuthDisabled: props.applicationInsightsLocalAuthDisabled,
      publisherPrincipalId: props.applicationInsightsPublisherPrincipalId,
      availabilityTestUrl: props.availabilityTestUrl,
      frequencySeconds: props.availabilityTestFrequencySeconds,
      locations: props.availabilityTestLocations,
      availabilityAlert: props.availabilityAlert,
    }, target);
    [this.applicationInsights, this.webTest, this.availabilityAlert, this.applicationInsightsPublisherRole] = [appi.component, appi.webTest, appi.availabilityAlert, appi.publisherRole];
    const alerts = machineAlerts(this, { ...target, vmInsights: props.vmInsights ?? true, heartbeatAlert: props.heartbeatAlert, cpuAlert: props.cpuAlert, diskAlert: props.diskAlert });
    [this.heartbeatAlert, this.cpuAlert, this.diskAlert] = [alerts.heartbeatAlert, alerts.cpuAlert, alerts.diskAlert];
    const runbook = Runbook.of(this);
    this.workspaceOutputName = runbook.addOutput(this, 'WorkspaceId', { value: this.workspace.workspaceResourceId, description: `Log Analytics workspace of ${this.node.path}` });
    if (this.applicationInsights) {
      this.connectionStringOutputName = runbook.addOutput(this, 'AppInsightsConnectionString', {
        value: this.applicationInsights.connectionString,
        description: `Application Insights connection string of ${this.node.path}: APPLICATIONINSIGHTS_CONNECTION_STRING of the application (with Entra ID authentication when local authentication is off)`,
        sensitive: true,
      });
    }
    runbook.addSection(new LazySection(`Hybrid monitoring ${this.node.path}`, () => hybridMonitoringHandoff(this.view())));
  }

  /**
   * Adds a data collection rule sending to the workspace, associated with the monitoring's
   * machines of its `kind` (every machine when it has none), now and later. Azure's rules are
   * enforced: a Linux rule takes no Windows event logs, a Windows rule no syslog, sampling
   * 1-1800 s, exactly 60 s for Microsoft-InsightsMetrics. `id` is the construct id under `Rules`.
   */
  public addDataCollectionRule(id: string, options: DataCollectionRuleOptions): MonitorDataCollectionRule {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.throwIfAny();
    checkUniqueId(problems, this.rulesScope, id, 'id', id);
    const resolved = resolveDataCollectionRule(problems, options);
    problems.literal('associateWithMachines', options.associateWithMachines, 'it decides whether associations exist');
    problems.throwIfAny();
    const rule = buildDataCollectionRule(this.rulesScope, id, this.node.path, resolved, options, { resourceGroupName: this.resourceGroupName, location: this.location, workspaceResourceId: this.workspace.workspaceResourceId });
    const record: RuleRecord = { id, rule, kind: options.kind, associate: options.associateWithMachines ?? true };
    this.rules.push(record);
    for (const m of this.machines) if (appliesTo(record, m.os)) buildAssociation(m.scope, m.name, m.machineId, record, this.node.path);
    return rule;
  }

  /**
   * Monitors an Azure VM or Arc-enabled server by id: installs the Azure Monitor Agent extension
   * and associates the machine with every rule of its operating system (and the VM insights
   * rule). An Arc-enabled server is onboarded outside Terraform, so unless `alreadyOnboarded`, its
   * extension and associations wait behind gate `<path>_machines_onboarded` (phase 2).
   * `name` keys the resources.
   */
  public associateMachine(name: string, options: MonitoredMachineOptions): MonitorDataCollectionRuleAssociation[] {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const type = resolveMachine(problems, options);
    problems.literal('name', name, 'the name keys the machine\'s resources');
    if (!problems.check(this.machines.some((m) => m.name === name), MON_MACHINE_ID, 'name', name, `a machine ${name} is already associated`, 'give each machine its own name') && !Token.isUnresolved(name)) {
      // `''`, `__proto__` or a taken id: NAME-INVALID / NAME-DUPLICATE, not a raw constructs error (fuzz review 4).
      checkUniqueId(problems, this.machinesScope, name, 'name', name);
    }
    // The same machine twice would get two agent extensions and duplicate associations (fuzz review 13).
    const same = Token.isUnresolved(options.machineId) ? undefined : this.machines.find((m) => !Token.isUnresolved(m.machineId) && m.machineId.toLowerCase() === String(options.machineId).toLowerCase());
    problems.check(same !== undefined, MON_MACHINE_ID, 'machineId', options.machineId, `this machine is already associated as ${same?.name}`, 'associate each machine once');
    problems.throwIfAny();

    const scope = new Construct(this.machinesScope, name);
    if (type === MachineType.ARC_SERVER && !(options.alreadyOnboarded ?? false)) this.gateForMachines().guardScope(scope);
    if (options.installAgent ?? true) buildAgent(scope, type!, options.os, options.machineId, options.location ?? this.location);
    const record: MachineRecord = { name, os: options.os, type: type!, machineId: options.machineId, scope };
    this.machines.push(record);
    return this.rules.filter((r) => appliesTo(r, options.os)).map((r) => buildAssociation(scope, name, options.machineId, r, this.node.path));
  }

  /**
   * Alerts for a VPN gateway: tunnel disconnects (log alert on TunnelDiagnosticLog; the gateway's
   * logs are sent to this workspace if it sends them nowhere yet), BGP peer status and bandwidth
   * per instance against the SKU. Alerts go under construct `VpnGateway<gateway id>`.
   * For the troubleshooting runbook and connection monitors, use `GatewayDiagnostics`.
   */
  public monitorVpnGateway(gateway: IVpnGateway, options: VpnGatewayMonitoringOptions = {}): VpnGatewayAlerts {
    const scope = this.monitorScope('VpnGateway', gateway, (p) => checkVpnGatewayOptions(p, options));
    if (gateway.diagnosticSettings.length === 0) gateway.sendDiagnosticsTo(this.workspace);
    this.monitored.push(`VPN gateway ${gateway.node.path}`);
    return vpnGatewayAlerts(scope, gateway, this.workspace, this.resourceGroupName, this.location, { ...options, actionGroup: options.actionGroup ?? this.actionGroup });
  }

  /** Alerts on BGP and ARP availability of an ExpressRoute circuit, per peering and peer. */
  public monitorExpressRouteCircuit(circuit: IExpressRouteCircuit, options: ExpressRouteCircuitMonitoringOptions = {}): ExpressRouteCircuitAlerts {
    const scope = this.monitorScope('ExpressRouteCircuit', circuit, (p) => checkCircuitOptions(p, options));
    this.monitored.push(`ExpressRoute circuit ${circuit.node.path}`);
    return expressRouteCircuitAlerts(scope, circuit, this.resourceGroupName, { ...options, actionGroup: options.actionGroup ?? this.actionGroup });
  }

  /** Alerts on CPU and packets per second of an ExpressRoute gateway, per instance. */
  public monitorExpressRouteGateway(gateway: IExpressRouteGateway, options: ExpressRouteGatewayMonitoringOptions = {}): ExpressRouteGatewayAlerts {
    const scope = this.monitorScope('ExpressRouteGateway', gateway, (p) => checkErGatewayOptions(p, options));
    this.monitored.push(`ExpressRoute gateway ${gateway.node.path}`);
    return expressRouteGatewayAlerts(scope, gateway, this.resourceGroupName, { ...options, actionGroup: options.actionGroup ?? this.actionGroup });
  }

  /** Names of the machines associated so far. */
  public get machineNames(): string[] {
    return this.machines.map((m) => m.name);
  }

  /** The gate Arc-enabled servers' agents and associations wait behind, once one was added. */
  public get machinesOnboardedGate(): LifecycleGate | undefined {
    return this.machinesGate;
  }

  private resolve(props: HybridMonitoringProps): void {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    problems.type('alertEmails', props.alertEmails, 'array');
    problems.type('alertWebhooks', props.alertWebhooks, 'array');
    problems.literal('vmInsights', props.vmInsights, 'it decides whether the VM insights rule and alerts exist');
    const receivers = (props.alertEmails?.length ?? 0) + (props.alertWebhooks?.length ?? 0);
    problems.check(props.actionGroup !== undefined && receivers > 0, MON_ACTION_RECEIVER, 'actionGroup', props.actionGroup?.node.path, 'give an existing `actionGroup` or receivers for a new one, not both', 'add the receivers to your action group, or leave `actionGroup` out');
    checkAlertOptions(problems, 'heartbeatAlert', props.heartbeatAlert, 1, 1440);
    checkAlertOptions(problems, 'cpuAlert', props.cpuAlert, 1, 100);
    checkAlertOptions(problems, 'diskAlert', props.diskAlert, 1, 99);
    checkApplicationInsights(problems, {
      enabled: props.applicationInsights ?? true,
      publisherPrincipalId: props.applicationInsightsPublisherPrincipalId,
      availabilityTestUrl: props.availabilityTestUrl,
      frequencySeconds: props.availabilityTestFrequencySeconds,
      locations: props.availabilityTestLocations,
      availabilityAlert: props.availabilityAlert,
    });
    problems.throwIfAny();
  }

  private buildDefaultRules(props: HybridMonitoringProps): [MonitorDataCollectionRule, MonitorDataCollectionRule, MonitorDataCollectionRule | undefined] {
    const sampling = props.performanceSamplingSeconds ?? D.PERF_SAMPLING_SECONDS;
    const windows = this.addDataCollectionRule('Windows', {
      kind: OperatingSystem.WINDOWS,
      performanceCounters: props.windowsPerformanceCounters ?? D.WINDOWS_COUNTERS,
      samplingFrequencySeconds: sampling,
      windowsEventXPathQueries: props.windowsEventXPathQueries ?? D.WINDOWS_EVENT_XPATH,
    });
    const linux = this.addDataCollectionRule('Linux', {
      kind: OperatingSystem.LINUX,
      performanceCounters: props.linuxPerformanceCounters ?? D.LINUX_COUNTERS,
      samplingFrequencySeconds: sampling,
      syslogFacilities: props.syslogFacilities ?? D.SYSLOG_FACILITIES,
      syslogLevels: props.syslogLevels,
    });
    const vmInsights = (props.vmInsights ?? true) ? this.addDataCollectionRule('VmInsights', {
      performanceCounters: ['\\VmInsights\\DetailedMetrics'],
      performanceStream: PerformanceStream.INSIGHTS_METRICS,
      samplingFrequencySeconds: D.INSIGHTS_METRICS_SAMPLING_SECONDS,
    }) : undefined;
    return [windows, linux, vmInsights];
  }

  private buildActionGroup(props: HybridMonitoringProps): IActionGroup | undefined {
    const emails = props.alertEmails ?? [];
    const webhookUrls = props.alertWebhooks ?? [];
    if (emails.length + webhookUrls.length === 0) return undefined;
    return new ActionGroup(this, 'ActionGroup', { name: generateName(this, 'actionGroup'), resourceGroupName: props.resourceGroupName, emails, webhookUrls, shortName: props.actionGroupShortName ?? 'hybridops' });
  }

  private gateForMachines(): LifecycleGate {
    this.machinesGate ??= LifecycleGate.of(this, `${outputName(this, '')}_machines_onboarded`, {
      waitsFor: `the Arc-enabled servers of ${this.node.path} are onboarded (azcmagent connect) and Connected`,
      performedBy: 'the on-premises server team',
      verify: 'az connectedmachine list -g <resource group> --query "[].{name:name, status:status}" -o table',
    });
    return this.machinesGate;
  }

  private monitorScope(kind: string, target: Construct | { node: { id: string } }, check: (p: ProblemCollector) => void): Construct {
    const problems = new ProblemCollector(this);
    problems.required('target', target, 'object');
    problems.throwIfAny();
    const id = `${kind}${target.node.id}`;
    checkUniqueId(problems, this, id, kind, target.node.id);
    check(problems);
    problems.throwIfAny();
    return new Construct(this, id);
  }

  private view() {
    const arc = this.machines.filter((m) => m.type === MachineType.ARC_SERVER);
    return {
      workspaceOutputName: this.workspaceOutputName,
      connectionStringOutputName: this.connectionStringOutputName,
      machineSummaries: this.machines.map((m) => `${m.name} (${m.os}, ${m.type})`),
      arcMachineNames: arc.map((m) => m.name),
      machinesGateName: this.machinesGate?.name,
      localAuthDisabled: this.props.applicationInsightsLocalAuthDisabled ?? true,
      publisherGranted: this.applicationInsightsPublisherRole !== undefined,
      hasActionGroup: this.actionGroup !== undefined,
      availabilityTestUrl: !this.webTest ? undefined : Token.isUnresolved(this.props.availabilityTestUrl) ? 'the availability test URL' : this.props.availabilityTestUrl,
      monitoredResources: [...this.monitored],
    };
  }
}

function appliesTo(rule: RuleRecord, os: OperatingSystem): boolean {
  return rule.associate && (rule.kind === undefined || rule.kind === os);
}
