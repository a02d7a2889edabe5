import { ArcMachineExtension } from '@cdktf/provider-azurerm/lib/arc-machine-extension';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { VirtualMachineExtension } from '@cdktf/provider-azurerm/lib/virtual-machine-extension';
import { TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { MON_DCR_EMPTY, MON_DCR_INSIGHTS_METRICS, MON_DCR_KIND, MON_DCR_SAMPLING, MON_MACHINE_ID } from './rules';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { ARM_ID } from '../core/resource-ids';

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
   * Kind of the rule: a Linux rule takes no Windows event logs, a Windows rule no syslog. Machines
   * associated with the monitoring (now or later) get the rule when their operating system
   * matches; a rule without kind goes to every machine.
   * @default - any operating system
   */
  readonly kind?: OperatingSystem;
  /**
   * Rule name.
   * @default - generated: `dcr-<construct path>`
   */
  readonly name?: string;
  /**
   * Performance counter specifiers. Must be a literal list (it decides the data flows).
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
   * Windows event log XPath queries. Must be a literal list (it decides the data flows).
   * @default - none
   */
  readonly windowsEventXPathQueries?: string[];
  /**
   * Syslog facilities. Must be a literal list (it decides the data flows).
   * @default - none
   */
  readonly syslogFacilities?: string[];
  /**
   * Syslog levels collected for the facilities.
   * @default Warning and worse
   */
  readonly syslogLevels?: string[];
  /**
   * Associate the rule with the machines of the monitoring whose operating system matches `kind`.
   * @default true
   */
  readonly associateWithMachines?: boolean;
}

/** Options of `HybridMonitoring.associateMachine`. */
export interface MonitoredMachineOptions {
  /** Full resource id of the Azure VM or Arc-enabled server (a reference or variable is fine). */
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
   * Install the Azure Monitor Agent extension. Must be a literal (it decides whether the
   * extension exists).
   * @default true
   */
  readonly installAgent?: boolean;
  /**
   * For an Arc-enabled server: it is already onboarded (`azcmagent connect` was run), so its agent
   * and rule associations need no gate. Must be a literal.
   * @default false - the Arc machine's agent and associations wait behind the monitoring's
   * `<path>_machines_onboarded` gate (phase 2)
   */
  readonly alreadyOnboarded?: boolean;
}

/** A data collection rule as the monitoring knows it: the resource and the machines it goes to. */
export interface RuleRecord {
  readonly id: string;
  readonly rule: MonitorDataCollectionRule;
  readonly kind?: OperatingSystem;
  readonly associate: boolean;
}

/** Library-internal: what the resolved options of a rule are. */
interface ResolvedRule {
  readonly counters: string[];
  readonly events: string[];
  readonly facilities: string[];
  readonly stream: PerformanceStream;
  readonly sampling: number;
}

/** Every check of a data collection rule's options (one throw). */
export function resolveDataCollectionRule(problems: ProblemCollector, options: DataCollectionRuleOptions): ResolvedRule {
  problems.required('options', options, 'object');
  problems.throwIfAny();
  for (const prop of ['performanceCounters', 'windowsEventXPathQueries', 'syslogFacilities'] as const) {
    problems.type(prop, options[prop], 'array');
    problems.literal(prop, options[prop], 'the list decides which data sources and flows the rule has');
  }
  problems.throwIfAny();
  const r: ResolvedRule = {
    counters: options.performanceCounters ?? [],
    events: options.windowsEventXPathQueries ?? [],
    facilities: options.syslogFacilities ?? [],
    stream: options.performanceStream ?? PerformanceStream.PERF,
    sampling: options.samplingFrequencySeconds ?? D.PERF_SAMPLING_SECONDS,
  };
  problems.check(options.kind === OperatingSystem.LINUX && r.events.length > 0, MON_DCR_KIND, 'windowsEventXPathQueries', r.events, 'a data collection rule of kind Linux takes no windows_event_log data source', 'put Windows event logs in a Windows rule');
  problems.check(options.kind === OperatingSystem.WINDOWS && r.facilities.length > 0, MON_DCR_KIND, 'syslogFacilities', r.facilities, 'a data collection rule of kind Windows takes no syslog data source', 'put syslog in a Linux rule');
  problems.check(r.counters.length + r.events.length + r.facilities.length === 0, MON_DCR_EMPTY, 'performanceCounters', r.counters, 'the rule collects nothing', 'give performance counters, Windows event queries or syslog facilities');
  if (r.counters.length > 0) {
    const outOfRange = problems.integer(MON_DCR_SAMPLING, 'samplingFrequencySeconds', r.sampling, 1, 1800, 'use 60 (default) or another value in 1-1800');
    problems.check(!outOfRange && r.stream === PerformanceStream.INSIGHTS_METRICS && r.sampling !== 60 && !Token.isUnresolved(r.sampling), MON_DCR_INSIGHTS_METRICS, 'samplingFrequencySeconds', r.sampling, 'counters sent to Microsoft-InsightsMetrics are sampled every 60 s exactly', 'use 60, or send to PerformanceStream.PERF');
  }
  return r;
}

/** Builds the rule resource (checks done by `resolveDataCollectionRule`). */
export function buildDataCollectionRule(scope: Construct, id: string, owner: string, r: ResolvedRule, options: DataCollectionRuleOptions, target: { resourceGroupName: string; location: string; workspaceResourceId: string }): MonitorDataCollectionRule {
  const destination = 'workspace';
  const flows = [];
  if (r.counters.length > 0) flows.push({ streams: [r.stream], destinations: [destination] });
  if (r.events.length > 0) flows.push({ streams: ['Microsoft-Event'], destinations: [destination] });
  if (r.facilities.length > 0) flows.push({ streams: ['Microsoft-Syslog'], destinations: [destination] });
  return new MonitorDataCollectionRule(scope, id, {
    name: options.name ?? generateName(scope, 'dataCollectionRule', id),
    resourceGroupName: target.resourceGroupName,
    location: target.location,
    kind: options.kind,
    description: `Azure Monitor Agent rule ${id} of ${owner}`,
    destinations: { logAnalytics: [{ name: destination, workspaceResourceId: target.workspaceResourceId }] },
    dataFlow: flows,
    dataSources: {
      performanceCounter: r.counters.length > 0 ? [{ name: 'perf', streams: [r.stream], counterSpecifiers: r.counters, samplingFrequencyInSeconds: r.sampling }] : undefined,
      windowsEventLog: r.events.length > 0 ? [{ name: 'events', streams: ['Microsoft-Event'], xPathQueries: r.events }] : undefined,
      syslog: r.facilities.length > 0 ? [{ name: 'syslog', streams: ['Microsoft-Syslog'], facilityNames: r.facilities, logLevels: options.syslogLevels ?? D.SYSLOG_LEVELS }] : undefined,
    },
  });
}

/** The machine type an id shows, checking a given type against it. */
export function resolveMachine(problems: ProblemCollector, options: MonitoredMachineOptions): MachineType | undefined {
  problems.required('machineId', options.machineId, 'string');
  problems.required('os', options.os, 'string');
  problems.oneOf(MON_MACHINE_ID, 'os', options.os, [OperatingSystem.WINDOWS, OperatingSystem.LINUX]);
  problems.literal('installAgent', options.installAgent, 'it decides whether the agent extension exists');
  problems.literal('alreadyOnboarded', options.alreadyOnboarded, 'it decides whether the resources wait behind a gate');
  problems.region('location', options.location);
  problems.throwIfAny();
  const id = options.machineId;
  if (problems.literal('machineType', options.machineType, 'it decides which extension resource type is created')) return undefined;
  if (Token.isUnresolved(id)) {
    problems.check(options.machineType === undefined, MON_MACHINE_ID, 'machineType', options.machineType, 'the machine id is a Terraform expression, so its type cannot be read from it', 'give `machineType`');
    return options.machineType;
  }
  const detected = ARM_ID['Azure VM'].pattern.test(id) ? MachineType.AZURE_VM : ARM_ID['Arc-enabled server'].pattern.test(id) ? MachineType.ARC_SERVER : undefined;
  problems.check(detected === undefined, MON_MACHINE_ID, 'machineId', id, 'not the resource id of an Azure VM or an Arc-enabled server', `use ${ARM_ID['Arc-enabled server'].example} (or ${ARM_ID['Azure VM'].example})`);
  problems.check(detected !== undefined && options.machineType !== undefined && options.machineType !== detected, MON_MACHINE_ID, 'machineType', options.machineType, `the id is that of a ${detected}`, 'leave `machineType` out');
  return options.machineType ?? detected;
}

/** The Azure Monitor Agent extension of a machine. */
export function buildAgent(scope: Construct, type: MachineType, os: OperatingSystem, machineId: string, location: string): TerraformResource {
  const agentType = os === OperatingSystem.WINDOWS ? D.AMA_WINDOWS : D.AMA_LINUX;
  if (type === MachineType.ARC_SERVER) {
    return new ArcMachineExtension(scope, 'Agent', {
      name: agentType,
      arcMachineId: machineId,
      location,
      publisher: D.AMA_PUBLISHER,
      type: agentType,
      automaticUpgradeEnabled: true,
    });
  }
  return new VirtualMachineExtension(scope, 'Agent', {
    name: agentType,
    virtualMachineId: machineId,
    publisher: D.AMA_PUBLISHER,
    type: agentType,
    typeHandlerVersion: '1.0',
    autoUpgradeMinorVersion: true,
    automaticUpgradeEnabled: true,
  });
}

/** The association of one machine with one rule (construct id `Association<rule id>`, as always). */
export function buildAssociation(scope: Construct, machineName: string, machineId: string, record: RuleRecord, owner: string): MonitorDataCollectionRuleAssociation {
  return new MonitorDataCollectionRuleAssociation(scope, `Association${record.id}`, {
    name: `dcra-${record.id.toLowerCase()}`,
    targetResourceId: machineId,
    dataCollectionRuleId: record.rule.id,
    description: `${machineName}: ${record.id} rule of ${owner}`,
  });
}
