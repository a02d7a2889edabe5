import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ApplicationInsightsStandardWebTest } from '@cdktf/provider-azurerm/lib/application-insights-standard-web-test';
import { ArcMachineExtension } from '@cdktf/provider-azurerm/lib/arc-machine-extension';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { VirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import { LogAnalyticsWorkspace } from './log-analytics-workspace';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { MON_ACTION_RECEIVER, MON_ALERT_SEVERITY } from '../core/rules';
import { MON_ACTION_SHORT_NAME, MON_ALERT_THRESHOLD, MON_DCR_EMPTY, MON_DCR_INSIGHTS_METRICS, MON_DCR_KIND, MON_DCR_SAMPLING, MON_MACHINE_ID, MON_WEBTEST_FREQUENCY, MON_WEBTEST_URL } from './rules';

/** Operating system of a machine, and kind of a data collection rule. */
export enum OperatingSystem {
  WINDOWS = 'Windows',
  LINUX = 'Linux',
}

/** Where performance counters go. */
export enum PerformanceStream {
  /** The `Perf` table. */
  PERF = 'Microsoft-Perf',
  /** The `InsightsMetrics` table (VM insights); sampled every 60 s exactly. */
  INSIGHTS_METRICS = 'Microsoft-InsightsMetrics',
}

/** Where a monitored machine runs. */
export enum MachineType {
  /** An Azure virtual machine (`Microsoft.Compute/virtualMachines`). */
  AZURE_VM = 'AzureVM',
  /** An Arc-enabled server on premises or in another cloud (`Microsoft.HybridCompute/machines`). */
  ARC_SERVER = 'ArcServer',
}

/** Options of `HybridMonitoring.addDataCollectionRule`. */
export interface DataCollectionRuleOptions {
  /**
   * Kind of the rule: a Linux rule takes no Windows event logs, a Windows rule no syslog.
   * @default - any operating system
   */
  readonly kind?: OperatingSystem;
  /**
   * Rule name.
   * @default - generated: `dcr-<construct path>`
   */
  readonly name?: string;
  /**
   * Performance counter specifiers.
   * @default - none
   */
  readonly performanceCounters?: string[];
  /**
   * Seconds between samples, 1-1800 (exactly 60 for INSIGHTS_METRICS).
   * @default 60
   */
  readonly samplingFrequencySeconds?: number;
  /**
   * Stream (table) of the counters.
   * @default PerformanceStream.PERF
   */
  readonly performanceStream?: PerformanceStream;
  /**
   * Windows event log XPath queries.
   * @default - none
   */
  readonly windowsEventXPathQueries?: string[];
  /**
   * Syslog facilities.
   * @default - none
   */
  readonly syslogFacilities?: string[];
  /**
   * Syslog levels collected for the facilities.
   * @default Warning and worse
   */
  readonly syslogLevels?: string[];
}

/** A baseline alert: each one can be changed or turned off. */
export interface AlertOptions {
  /**
   * Create the alert.
   * @default true (CPU and disk alerts: true when VM insights is on)
   */
  readonly enabled?: boolean;
  /**
   * Severity, 0 (critical) to 4 (verbose).
   * @default - per alert: 1 for heartbeat and availability, 2 for CPU and disk
   */
  readonly severity?: number;
  /**
   * Threshold: percent for CPU (above) and free disk (below), minutes without heartbeat, failed
   * locations for availability.
   * @default - 90 % CPU, 10 % free disk, 10 minutes, 2 locations
   */
  readonly threshold?: number;
}

/** Options of `HybridMonitoring.associateMachine`. */
export interface MonitoredMachineOptions {
  /** Full resource id of the Azure VM or Arc-enabled server. */
  readonly machineId: string;
  /** Its operating system: picks the Windows or Linux rule and agent. */
  readonly os: OperatingSystem;
  /**
   * Azure VM or Arc-enabled server.
   * @default - read from the id (required when the id is a token)
   */
  readonly machineType?: MachineType;
  /**
   * Region of the machine resource (the agent extension is created there).
   * @default - the monitoring location
   */
  readonly location?: string;
  /**
   * Install the Azure Monitor Agent extension.
   * @default true
   */
  readonly installAgent?: boolean;
}

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
  readonly workspace?: ILogAnalyticsWorkspace;
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
   * Windows performance counters.
   * @default - processor, memory, disk and network counters
   */
  readonly windowsPerformanceCounters?: string[];
  /**
   * Linux performance counters.
   * @default - processor, memory, disk and network counters
   */
  readonly linuxPerformanceCounters?: string[];
  /**
   * Windows event log XPath queries.
   * @default - critical, error and warning events of Application and System
   */
  readonly windowsEventXPathQueries?: string[];
  /**
   * Syslog facilities.
   * @default auth, authpriv, cron, daemon, kern, syslog, user
   */
  readonly syslogFacilities?: string[];
  /**
   * Syslog levels.
   * @default Warning, Error, Critical, Alert, Emergency
   */
  readonly syslogLevels?: string[];
  /**
   * VM insights rule (InsightsMetrics, 60 s) associated with every machine.
   * @default true
   */
  readonly vmInsights?: boolean;
  /**
   * Email receivers of the action group, by receiver name.
   * @default - none
   */
  readonly alertEmails?: Record<string, string>;
  /**
   * Webhook receivers (https URLs) of the action group, by receiver name. A URL carrying a token is
   * a secret: pass it as a sensitive Terraform variable, not a literal.
   * @default - none
   */
  readonly alertWebhooks?: Record<string, string>;
  /**
   * Action group short name, 1-12 characters.
   * @default 'hybridops'
   */
  readonly actionGroupShortName?: string;
  /**
   * Create workspace-based Application Insights.
   * @default true
   */
  readonly applicationInsights?: boolean;
  /**
   * Turn off local (instrumentation key) authentication of Application Insights.
   * @default true
   */
  readonly applicationInsightsLocalAuthDisabled?: boolean;
  /**
   * URL of the standard availability test (Application Insights).
   * @default - no availability test
   */
  readonly availabilityTestUrl?: string;
  /**
   * Availability test frequency: 300, 600 or 900 seconds.
   * @default 300
   */
  readonly availabilityTestFrequencySeconds?: number;
  /**
   * Availability test locations.
   * @default - five locations in Europe, the US and Asia
   */
  readonly availabilityTestLocations?: string[];
  /** @default - on: fires when a machine sends no heartbeat for 10 minutes */
  readonly heartbeatAlert?: AlertOptions;
  /** @default - on with VM insights: average CPU above 90 % over 15 minutes */
  readonly cpuAlert?: AlertOptions;
  /** @default - on with VM insights: a disk with less than 10 % free space */
  readonly diskAlert?: AlertOptions;
  /** @default - on with an availability test: 2 locations failing */
  readonly availabilityAlert?: AlertOptions;
}

const AZURE_VM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i;
const ARC_SERVER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.HybridCompute\/machines\/[^/]+$/i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** One machine associated with the rules. */
interface MachineRecord {
  readonly name: string;
  readonly os: OperatingSystem;
  readonly type: MachineType;
}

/**
 * Hybrid performance monitoring with the Azure Monitor Agent: one Log Analytics workspace, Windows
 * (performance + event logs), Linux (performance + syslog) and VM insights data collection rules,
 * rule associations and the agent on Azure VMs and Arc-enabled servers, workspace-based Application
 * Insights with a standard availability test, an action group and baseline alerts.
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
  /** Action group of every alert. */
  public readonly actionGroup?: MonitorActionGroup;
  /** Baseline alerts. */
  public readonly heartbeatAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly cpuAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly diskAlert?: MonitorScheduledQueryRulesAlertV2;
  public readonly availabilityAlert?: MonitorMetricAlert;
  /** Resource group and region (for constructs that add to it). */
  public readonly resourceGroupName: string;
  public readonly location: string;

  private readonly machines: MachineRecord[] = [];
  private readonly machinesScope: Construct;
  private readonly rulesScope: Construct;
  private readonly outputNames: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: HybridMonitoringProps) {
    super(scope, id);
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    const problems = new ProblemCollector(this);
    const shortName = props.actionGroupShortName ?? 'hybridops';
    const emails = props.alertEmails ?? {};
    const webhooks = props.alertWebhooks ?? {};
    const frequency = props.availabilityTestFrequencySeconds ?? D.WEB_TEST_FREQUENCY_SECONDS;
    const vmInsights = props.vmInsights ?? true;
    if (!Token.isUnresolved(shortName)) {
      problems.check(shortName.length < 1 || shortName.length > 12, MON_ACTION_SHORT_NAME, 'actionGroupShortName', shortName, 'an action group short name is 1-12 characters', 'shorten it (it appears in SMS and email subjects)');
    }
    for (const [name, address] of Object.entries(emails)) {
      if (Token.isUnresolved(address)) continue;
      problems.check(!EMAIL.test(address), MON_ACTION_RECEIVER, `alertEmails.${name}`, address, 'not an email address', 'give an address such as ops@contoso.com');
    }
    for (const [name, uri] of Object.entries(webhooks)) {
      if (Token.isUnresolved(uri)) continue;
      problems.check(!isUrl(uri, ['https:']), MON_ACTION_RECEIVER, `alertWebhooks.${name}`, uri, 'a webhook receiver needs an absolute https URL', 'use https://...');
    }
    if (props.availabilityTestUrl !== undefined && !Token.isUnresolved(props.availabilityTestUrl)) {
      problems.check(!isUrl(props.availabilityTestUrl, ['http:', 'https:']), MON_WEBTEST_URL, 'availabilityTestUrl', props.availabilityTestUrl, 'an availability test requests an absolute http(s) URL', 'give the full URL, e.g. https://app.contoso.com/health');
    }
    if (!Token.isUnresolved(frequency)) {
      problems.check(![300, 600, 900].includes(frequency), MON_WEBTEST_FREQUENCY, 'availabilityTestFrequencySeconds', frequency, 'an availability test runs every 300, 600 or 900 seconds', 'use 300 (default), 600 or 900');
    }
    const locations = props.availabilityTestLocations ?? D.WEB_TEST_LOCATIONS;
    checkAlert(problems, 'heartbeatAlert', props.heartbeatAlert, 1, 1440);
    checkAlert(problems, 'cpuAlert', props.cpuAlert, 1, 100);
    checkAlert(problems, 'diskAlert', props.diskAlert, 1, 99);
    checkAlert(problems, 'availabilityAlert', props.availabilityAlert, 1, locations.length);
    problems.throwIfAny();

    if (props.workspace) {
      this.workspace = props.workspace;
    } else {
      this.createdWorkspace = new LogAnalyticsWorkspace(this, 'Workspace', {
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        retentionInDays: props.workspaceRetentionInDays,
      });
      this.workspace = this.createdWorkspace;
    }

    this.rulesScope = new Construct(this, 'Rules');
    this.machinesScope = new Construct(this, 'Machines');
    const sampling = props.performanceSamplingSeconds ?? D.PERF_SAMPLING_SECONDS;
    this.windowsRule = this.addDataCollectionRule('Windows', {
      kind: OperatingSystem.WINDOWS,
      performanceCounters: props.windowsPerformanceCounters ?? D.WINDOWS_COUNTERS,
      samplingFrequencySeconds: sampling,
      windowsEventXPathQueries: props.windowsEventXPathQueries ?? D.WINDOWS_EVENT_XPATH,
    });
    this.linuxRule = this.addDataCollectionRule('Linux', {
      kind: OperatingSystem.LINUX,
      performanceCounters: props.linuxPerformanceCounters ?? D.LINUX_COUNTERS,
      samplingFrequencySeconds: sampling,
      syslogFacilities: props.syslogFacilities ?? D.SYSLOG_FACILITIES,
      syslogLevels: props.syslogLevels,
    });
    if (vmInsights) {
      this.vmInsightsRule = this.addDataCollectionRule('VmInsights', {
        performanceCounters: ['\\VmInsights\\DetailedMetrics'],
        performanceStream: PerformanceStream.INSIGHTS_METRICS,
        samplingFrequencySeconds: D.INSIGHTS_METRICS_SAMPLING_SECONDS,
      });
    }

    const receivers = Object.keys(emails).length + Object.keys(webhooks).length;
    if (receivers > 0) {
      this.actionGroup = new MonitorActionGroup(this, 'ActionGroup', {
        name: generateName(this, 'actionGroup'),
        resourceGroupName: props.resourceGroupName,
        shortName,
        emailReceiver: Object.entries(emails).map(([name, emailAddress]) => ({ name, emailAddress, useCommonAlertSchema: true })),
        webhookReceiver: Object.entries(webhooks).map(([name, serviceUri]) => ({ name, serviceUri, useCommonAlertSchema: true })),
      });
    } else {
      Annotations.of(this).addWarning('[MON-ACTION-GROUP-EMPTY] No `alertEmails` or `alertWebhooks`: the baseline alerts fire but notify nobody.');
    }
    const actionGroups = this.actionGroup ? [this.actionGroup.id] : undefined;

    if (props.applicationInsights ?? true) {
      this.applicationInsights = new ApplicationInsights(this, 'ApplicationInsights', {
        name: generateName(this, 'applicationInsights'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        applicationType: 'web',
        workspaceId: this.workspace.workspaceResourceId,
        localAuthenticationDisabled: props.applicationInsightsLocalAuthDisabled ?? true,
      });
      this.outputNames.connectionString = Runbook.of(this).addOutput(this, 'AppInsightsConnectionString', {
        value: this.applicationInsights.connectionString,
        description: `Application Insights connection string of ${this.node.path}: set APPLICATIONINSIGHTS_CONNECTION_STRING in the on-premises application`,
        sensitive: true,
      });
      if (props.availabilityTestUrl !== undefined) {
        this.webTest = new ApplicationInsightsStandardWebTest(this, 'WebTest', {
          name: generateName(this, 'webTest'),
          resourceGroupName: props.resourceGroupName,
          location: props.location,
          applicationInsightsId: this.applicationInsights.id,
          geoLocations: locations,
          frequency,
          timeout: D.WEB_TEST_TIMEOUT_SECONDS,
          retryEnabled: true,
          request: { url: props.availabilityTestUrl, httpVerb: 'GET', followRedirectsEnabled: true },
          validationRules: { expectedStatusCode: 200, sslCheckEnabled: props.availabilityTestUrl.startsWith('https:'), sslCertRemainingLifetime: props.availabilityTestUrl.startsWith('https:') ? 7 : undefined },
        });
        if (props.availabilityAlert?.enabled ?? true) {
          this.availabilityAlert = new MonitorMetricAlert(this, 'AvailabilityAlert', {
            name: generateName(this, 'monitorAlert', 'availability'),
            resourceGroupName: props.resourceGroupName,
            description: `Availability test ${props.availabilityTestUrl} fails from several locations`,
            scopes: [this.webTest.id, this.applicationInsights.id],
            severity: props.availabilityAlert?.severity ?? 1,
            frequency: 'PT1M',
            windowSize: 'PT5M',
            applicationInsightsWebTestLocationAvailabilityCriteria: {
              webTestId: this.webTest.id,
              componentId: this.applicationInsights.id,
              failedLocationCount: props.availabilityAlert?.threshold ?? D.WEB_TEST_FAILED_LOCATIONS,
            },
            action: actionGroups ? actionGroups.map((actionGroupId) => ({ actionGroupId })) : undefined,
          });
        }
      }
    }

    const logAlert = (alertId: string, options: AlertOptions | undefined, defaultOn: boolean, severity: number, description: string, criteria: any, window: string, every: string) => {
      if (!(options?.enabled ?? defaultOn)) return undefined;
      return new MonitorScheduledQueryRulesAlertV2(this, alertId, {
        name: generateName(this, 'monitorAlert', alertId),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        description,
        scopes: [this.workspace.workspaceResourceId],
        severity: options?.severity ?? severity,
        evaluationFrequency: every,
        windowDuration: window,
        criteria: [criteria],
        action: actionGroups ? { actionGroups } : undefined,
      });
    };
    const minutes = props.heartbeatAlert?.threshold ?? D.HEARTBEAT_MINUTES;
    this.heartbeatAlert = logAlert('HeartbeatAlert', props.heartbeatAlert, true, 1, `A monitored machine sent no heartbeat for ${minutes} minutes (agent, machine or connectivity down)`, {
      query: `Heartbeat\n| summarize LastHeartbeat = max(TimeGenerated) by Computer, _ResourceId\n| where LastHeartbeat < ago(${minutes}m)`,
      timeAggregationMethod: 'Count',
      operator: 'GreaterThan',
      threshold: 0,
      resourceIdColumn: '_ResourceId',
      dimension: [{ name: 'Computer', operator: 'Include', values: ['*'] }],
      failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
    }, 'P1D', 'PT5M');
    const cpu = props.cpuAlert?.threshold ?? D.CPU_PERCENT_THRESHOLD;
    this.cpuAlert = logAlert('CpuAlert', props.cpuAlert, vmInsights, 2, `Average CPU above ${cpu} % for 15 minutes`, {
      query: 'InsightsMetrics\n| where Namespace == "Processor" and Name == "UtilizationPercentage"\n| summarize CpuPercent = avg(Val) by bin(TimeGenerated, 15m), Computer, _ResourceId',
      timeAggregationMethod: 'Average',
      metricMeasureColumn: 'CpuPercent',
      operator: 'GreaterThan',
      threshold: cpu,
      resourceIdColumn: '_ResourceId',
      dimension: [{ name: 'Computer', operator: 'Include', values: ['*'] }],
      failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
    }, 'PT15M', 'PT5M');
    const disk = props.diskAlert?.threshold ?? D.DISK_FREE_PERCENT_THRESHOLD;
    this.diskAlert = logAlert('DiskAlert', props.diskAlert, vmInsights, 2, `A logical disk has less than ${disk} % free space`, {
      query: 'InsightsMetrics\n| where Namespace == "LogicalDisk" and Name == "FreeSpacePercentage"\n| extend Disk = tostring(todynamic(Tags)["vm.azm.ms/mountId"])\n| summarize FreePercent = avg(Val) by bin(TimeGenerated, 15m), Computer, _ResourceId, Disk',
      timeAggregationMethod: 'Average',
      metricMeasureColumn: 'FreePercent',
      operator: 'LessThan',
      threshold: disk,
      resourceIdColumn: '_ResourceId',
      dimension: [{ name: 'Computer', operator: 'Include', values: ['*'] }, { name: 'Disk', operator: 'Include', values: ['*'] }],
      failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
    }, 'PT15M', 'PT15M');

    const runbook = Runbook.of(this);
    this.outputNames.workspace = runbook.addOutput(this, 'WorkspaceId', {
      value: this.workspace.workspaceResourceId,
      description: `Log Analytics workspace of ${this.node.path}`,
    });
    runbook.addSection(new LazySection(`Hybrid monitoring ${this.node.path}`, () => this.renderHandoff()));
  }

  /**
   * Adds a data collection rule sending to the workspace. Azure's rules are enforced: a Linux rule
   * takes no Windows event logs, a Windows rule no syslog, sampling 1-1800 s, exactly 60 s for
   * Microsoft-InsightsMetrics. `id` is the construct id under `Rules`.
   */
  public addDataCollectionRule(id: string, options: DataCollectionRuleOptions): MonitorDataCollectionRule {
    const problems = new ProblemCollector(this);
    const counters = options.performanceCounters ?? [];
    const events = options.windowsEventXPathQueries ?? [];
    const facilities = options.syslogFacilities ?? [];
    const stream = options.performanceStream ?? PerformanceStream.PERF;
    const sampling = options.samplingFrequencySeconds ?? D.PERF_SAMPLING_SECONDS;
    checkName(problems, 'dataCollectionRule', 'name', options.name);
    checkUniqueId(problems, this.rulesScope, id, 'id', id);
    problems.check(options.kind === OperatingSystem.LINUX && events.length > 0, MON_DCR_KIND, 'windowsEventXPathQueries', events, 'a data collection rule of kind Linux takes no windows_event_log data source', 'put Windows event logs in a Windows rule');
    problems.check(options.kind === OperatingSystem.WINDOWS && facilities.length > 0, MON_DCR_KIND, 'syslogFacilities', facilities, 'a data collection rule of kind Windows takes no syslog data source', 'put syslog in a Linux rule');
    problems.check(counters.length + events.length + facilities.length === 0, MON_DCR_EMPTY, 'performanceCounters', counters, 'the rule collects nothing', 'give performance counters, Windows event queries or syslog facilities');
    if (counters.length > 0 && !Token.isUnresolved(sampling)) {
      const outOfRange = problems.check(!Number.isInteger(sampling) || sampling < 1 || sampling > 1800, MON_DCR_SAMPLING, 'samplingFrequencySeconds', sampling, 'sampling must be a whole number of seconds from 1 to 1800', 'use 60 (default) or another value in 1-1800');
      problems.check(!outOfRange && stream === PerformanceStream.INSIGHTS_METRICS && sampling !== 60, MON_DCR_INSIGHTS_METRICS, 'samplingFrequencySeconds', sampling, 'counters sent to Microsoft-InsightsMetrics are sampled every 60 s exactly', 'use 60, or send to PerformanceStream.PERF');
    }
    problems.throwIfAny();

    const destination = 'workspace';
    const flows = [];
    if (counters.length > 0) flows.push({ streams: [stream], destinations: [destination] });
    if (events.length > 0) flows.push({ streams: ['Microsoft-Event'], destinations: [destination] });
    if (facilities.length > 0) flows.push({ streams: ['Microsoft-Syslog'], destinations: [destination] });
    return new MonitorDataCollectionRule(this.rulesScope, id, {
      name: options.name ?? generateName(this.rulesScope, 'dataCollectionRule', id),
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      kind: options.kind,
      description: `Azure Monitor Agent rule ${id} of ${this.node.path}`,
      destinations: { logAnalytics: [{ name: destination, workspaceResourceId: this.workspace.workspaceResourceId }] },
      dataFlow: flows,
      dataSources: {
        performanceCounter: counters.length > 0 ? [{ name: 'perf', streams: [stream], counterSpecifiers: counters, samplingFrequencyInSeconds: sampling }] : undefined,
        windowsEventLog: events.length > 0 ? [{ name: 'events', streams: ['Microsoft-Event'], xPathQueries: events }] : undefined,
        syslog: facilities.length > 0 ? [{ name: 'syslog', streams: ['Microsoft-Syslog'], facilityNames: facilities, logLevels: options.syslogLevels ?? D.SYSLOG_LEVELS }] : undefined,
      },
    });
  }

  /**
   * Monitors an Azure VM or Arc-enabled server by id: installs the Azure Monitor Agent extension
   * (`azurerm_virtual_machine_extension` or `azurerm_arc_machine_extension`) and associates the
   * machine with its operating system's rule and the VM insights rule. `name` keys the resources.
   */
  public associateMachine(name: string, options: MonitoredMachineOptions): MonitorDataCollectionRuleAssociation[] {
    const problems = new ProblemCollector(this);
    const id = options.machineId;
    let type = options.machineType;
    if (!Token.isUnresolved(id)) {
      const detected = AZURE_VM_ID.test(id) ? MachineType.AZURE_VM : ARC_SERVER_ID.test(id) ? MachineType.ARC_SERVER : undefined;
      problems.check(detected === undefined, MON_MACHINE_ID, 'machineId', id, 'not the resource id of an Azure VM or an Arc-enabled server', 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.HybridCompute/machines/<name> (or Microsoft.Compute/virtualMachines/<name>)');
      problems.check(detected !== undefined && type !== undefined && type !== detected, MON_MACHINE_ID, 'machineType', type, `the id is that of a ${detected}`, 'leave `machineType` out');
      type = type ?? detected;
    } else {
      problems.check(type === undefined, MON_MACHINE_ID, 'machineType', type, 'the machine id is a token, so its type cannot be read from it', 'give `machineType`');
    }
    problems.check(this.machines.some((m) => m.name === name), MON_MACHINE_ID, 'name', name, `a machine ${name} is already associated`, 'give each machine its own name');
    problems.throwIfAny();

    const scope = new Construct(this.machinesScope, name);
    const agentType = options.os === OperatingSystem.WINDOWS ? D.AMA_WINDOWS : D.AMA_LINUX;
    if (options.installAgent ?? true) {
      if (type === MachineType.ARC_SERVER) {
        new ArcMachineExtension(scope, 'Agent', {
          name: agentType,
          arcMachineId: id,
          location: options.location ?? this.location,
          publisher: D.AMA_PUBLISHER,
          type: agentType,
          automaticUpgradeEnabled: true,
        });
      } else {
        new VirtualMachineExtension(scope, 'Agent', {
          name: agentType,
          virtualMachineId: id,
          publisher: D.AMA_PUBLISHER,
          type: agentType,
          typeHandlerVersion: '1.0',
          autoUpgradeMinorVersion: true,
          automaticUpgradeEnabled: true,
        });
      }
    }
    const rules: [string, MonitorDataCollectionRule][] = [[options.os === OperatingSystem.WINDOWS ? 'Windows' : 'Linux', options.os === OperatingSystem.WINDOWS ? this.windowsRule : this.linuxRule]];
    if (this.vmInsightsRule) rules.push(['VmInsights', this.vmInsightsRule]);
    this.machines.push({ name, os: options.os, type: type! });
    return rules.map(([ruleId, rule]) => new MonitorDataCollectionRuleAssociation(scope, `Association${ruleId}`, {
      name: `dcra-${ruleId.toLowerCase()}`,
      targetResourceId: id,
      dataCollectionRuleId: rule.id,
      description: `${name}: ${ruleId} rule of ${this.node.path}`,
    }));
  }

  /** Names of the machines associated so far. */
  public get machineNames(): string[] {
    return this.machines.map((m) => m.name);
  }

  /** Name of the hand-off output with the workspace id. */
  public get workspaceOutputName(): string {
    return this.outputNames.workspace;
  }

  private renderHandoff(): string {
    const arc = this.machines.filter((m) => m.type === MachineType.ARC_SERVER);
    const lines = [
      `- Workspace: \`terraform output -raw ${this.outputNames.workspace}\`. Agents: Azure Monitor Agent with data collection rules (the Log Analytics agent retired on 2024-08-31; remove it where it is still installed).`,
      `- Machines: ${this.machines.length === 0 ? 'none yet (call `associateMachine`)' : this.machines.map((m) => `${m.name} (${m.os}, ${m.type})`).join(', ')}.`,
      '- On-premises machines get the agent only once they are Arc-enabled: run the `azcmagent connect` step of the Arc servers section first, then `terraform apply` again if the machine ids did not exist yet.',
      '- Check the agent on an Arc machine: `az connectedmachine extension list --machine-name <machine> --resource-group <rg> -o table` (AzureMonitorWindowsAgent / AzureMonitorLinuxAgent, state Succeeded).',
      '- Check data arrives (Logs blade of the workspace): `Heartbeat | summarize LastHeartbeat = max(TimeGenerated) by Computer, Category | order by LastHeartbeat asc` (Category "Azure Monitor Agent").',
    ];
    if (arc.length > 0) lines.push(`- Arc machines to check first: ${arc.map((m) => m.name).join(', ')}.`);
    if (this.outputNames.connectionString) {
      lines.push(`- Application Insights connection string (sensitive): \`terraform output -raw ${this.outputNames.connectionString}\`; local authentication is ${this.applicationInsights?.localAuthenticationDisabledInput === false ? 'on' : 'off, so the application must authenticate with Entra ID (a managed identity with Monitoring Metrics Publisher)'}.`);
    }
    if (!this.actionGroup) lines.push('- **No action group**: alerts notify nobody. Add `alertEmails` or `alertWebhooks`.');
    return lines.join('\n');
  }
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkAlert(problems: ProblemCollector, prop: string, options: AlertOptions | undefined, min: number, max: number): void {
  if (!options) return;
  if (options.severity !== undefined && !Token.isUnresolved(options.severity)) {
    problems.check(!Number.isInteger(options.severity) || options.severity < 0 || options.severity > 4, MON_ALERT_SEVERITY, `${prop}.severity`, options.severity, 'severity is 0 (critical) to 4 (verbose)', 'use 0-4');
  }
  if (options.threshold !== undefined && !Token.isUnresolved(options.threshold)) {
    problems.check(options.threshold < min || options.threshold > max, MON_ALERT_THRESHOLD, `${prop}.threshold`, options.threshold, `the threshold must be ${min}-${max}`, `use a value in ${min}-${max}`);
  }
}
