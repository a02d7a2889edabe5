import { TerraformVariable, Testing } from 'cdktf';
import { ActionGroup, HybridMonitoring, LogAnalyticsWorkspace, MachineType, OperatingSystem, PerformanceStream, RuleCatalogue } from '../../lib';
import { HybridMonitoringStack } from '../../examples/hybrid-monitoring';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const ARC = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1';
const VM = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';

describe('HybridMonitoring', () => {
  test('creates a workspace, Windows/Linux/VM insights rules with Azure-valid kinds and sampling', () => {
    const stack = newStack();
    new HybridMonitoring(stack, 'Mon', { ...base, alertEmails: ['ops@contoso.com'] });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_log_analytics_workspace').local_authentication_enabled).toBe(false);
    const rules = resourcesOf(json, 'azurerm_monitor_data_collection_rule');
    expect(rules).toHaveLength(3);
    const windows = rules.find((r) => r.kind === 'Windows');
    const linux = rules.find((r) => r.kind === 'Linux');
    const insights = rules.find((r) => r.kind === undefined);
    expect(windows.data_sources.windows_event_log).toHaveLength(1);
    expect(windows.data_sources.syslog).toBeUndefined();
    expect(linux.data_sources.syslog[0].facility_names).toContain('auth');
    expect(linux.data_sources.windows_event_log).toBeUndefined();
    expect(insights.data_sources.performance_counter[0]).toMatchObject({ streams: ['Microsoft-InsightsMetrics'], sampling_frequency_in_seconds: 60 });
    expect(onlyResource(json, 'azurerm_application_insights').workspace_id).toMatch(/azurerm_log_analytics_workspace/);
    expect(resourcesOf(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')).toHaveLength(3);
    expect(onlyResource(json, 'azurerm_monitor_action_group').short_name).toBe('hybridops');
    expect(json.output.mon_app_insights_connection_string.sensitive).toBe(true);
  });

  test('associates an Arc machine: AMA Arc extension and two rule associations', () => {
    const stack = newStack();
    const mon = new HybridMonitoring(stack, 'Mon', { ...base });
    mon.associateMachine('Fs01', { machineId: ARC, os: OperatingSystem.WINDOWS });
    mon.associateMachine('Vm01', { machineId: VM, os: OperatingSystem.LINUX });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_machine_extension')).toMatchObject({ type: 'AzureMonitorWindowsAgent', publisher: 'Microsoft.Azure.Monitor', arc_machine_id: ARC });
    expect(onlyResource(json, 'azurerm_virtual_machine_extension')).toMatchObject({ type: 'AzureMonitorLinuxAgent', virtual_machine_id: VM });
    expect(resourcesOf(json, 'azurerm_monitor_data_collection_rule_association')).toHaveLength(4);
    expect(mon.machineNames).toEqual(['Fs01', 'Vm01']);
  });

  test('uses an existing workspace and turns alerts off by prop', () => {
    const stack = newStack();
    const ws = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w');
    new HybridMonitoring(stack, 'Mon', { ...base, logAnalyticsWorkspace: ws, heartbeatAlert: { enabled: false }, vmInsights: false, applicationInsights: false });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_log_analytics_workspace')).toHaveLength(0);
    expect(resourcesOf(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')).toHaveLength(0);
    expect(resourcesOf(json, 'azurerm_monitor_data_collection_rule')).toHaveLength(2);
  });

  test('availability test with a metric alert on it', () => {
    const stack = newStack();
    new HybridMonitoring(stack, 'Mon', { ...base, availabilityTestUrl: 'https://app.contoso.com/health', availabilityAlert: { threshold: 3 } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_application_insights_standard_web_test').request.url).toBe('https://app.contoso.com/health');
    expect(onlyResource(json, 'azurerm_monitor_metric_alert').application_insights_web_test_location_availability_criteria.failed_location_count).toBe(3);
  });

  test('fails when a Linux rule carries Windows event logs or a Windows rule syslog', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.addDataCollectionRule('Bad', { kind: OperatingSystem.LINUX, windowsEventXPathQueries: ['System!*'] }), 'MON-DCR-KIND', 'windowsEventXPathQueries', ['System!*']);
    expectValidationError(() => mon.addDataCollectionRule('Bad', { kind: OperatingSystem.WINDOWS, syslogFacilities: ['auth'] }), 'MON-DCR-KIND', 'syslogFacilities', ['auth']);
  });

  test('fails when sampling is outside 1-1800 s', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, performanceSamplingSeconds: 1801 }), 'MON-DCR-SAMPLING', 'samplingFrequencySeconds', 1801);
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.addDataCollectionRule('Bad', { performanceCounters: ['\\Memory\\Available Bytes'], samplingFrequencySeconds: 0 }), 'MON-DCR-SAMPLING', 'samplingFrequencySeconds', 0);
  });

  test('fails when InsightsMetrics is not sampled at 60 s', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.addDataCollectionRule('Bad', { performanceCounters: ['\\VmInsights\\DetailedMetrics'], performanceStream: PerformanceStream.INSIGHTS_METRICS, samplingFrequencySeconds: 30 }), 'MON-DCR-INSIGHTS-METRICS', 'samplingFrequencySeconds', 30);
  });

  test('fails when a rule collects nothing', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.addDataCollectionRule('Bad', { kind: OperatingSystem.LINUX }), 'MON-DCR-EMPTY', 'performanceCounters', []);
  });

  test('fails when a machine id is neither a VM nor an Arc server, or a name repeats', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.associateMachine('X', { machineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/x', os: OperatingSystem.LINUX }), 'MON-MACHINE-ID', 'machineId');
    expectValidationError(() => mon.associateMachine('X', { machineId: ARC, os: OperatingSystem.LINUX, machineType: MachineType.AZURE_VM }), 'MON-MACHINE-ID', 'machineType', 'AzureVM');
    mon.associateMachine('X', { machineId: ARC, os: OperatingSystem.LINUX });
    expectValidationError(() => mon.associateMachine('X', { machineId: VM, os: OperatingSystem.LINUX }), 'MON-MACHINE-ID', 'name', 'X');
  });

  test('fails when the action group short name is longer than 12', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, alertEmails: ['ops@contoso.com'], actionGroupShortName: 'thirteen-char' }), 'MON-ACTION-SHORT-NAME', 'shortName', 'thirteen-char');
  });

  test('fails when an email or webhook receiver is invalid', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, alertEmails: ['not-an-email'] }), 'MON-ACTION-RECEIVER', 'emails[0]', 'not-an-email');
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, alertWebhooks: ['http://example.com/a'] }), 'MON-ACTION-RECEIVER', 'webhookUrls[0]', 'http://example.com/a');
    const stack = newStack();
    const existing = ActionGroup.fromActionGroupId(stack, 'Ag', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag');
    expectValidationError(() => new HybridMonitoring(stack, 'Mon', { ...base, actionGroup: existing, alertEmails: ['ops@contoso.com'] }), 'MON-ACTION-RECEIVER', 'actionGroup');
  });

  test('warns when no action group receiver is given', () => {
    const stack = newStack();
    new HybridMonitoring(stack, 'Mon', base);
    expect(JSON.stringify(Testing.synth(stack))).toBeDefined();
    const mon = stack.node.findChild('Mon');
    expect(mon.node.metadata.some((m) => String(m.data).includes('[MON-ACTION-GROUP-EMPTY]'))).toBe(true);
  });

  test('fails when an alert severity or threshold is out of range', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, cpuAlert: { severity: 5 } }), 'MON-ALERT-SEVERITY', 'cpuAlert.severity', 5);
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, diskAlert: { threshold: 100 } }), 'MON-ALERT-THRESHOLD', 'diskAlert.threshold', 100);
  });

  test('fails when the availability test URL or frequency is invalid', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, availabilityTestUrl: 'app.contoso.com' }), 'MON-WEBTEST-URL', 'availabilityTestUrl', 'app.contoso.com');
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, availabilityTestUrl: 'https://a.b', availabilityTestFrequencySeconds: 60 }), 'MON-WEBTEST-FREQUENCY', 'availabilityTestFrequencySeconds', 60);
  });

  test('every MON rule id is in the catalogue', () => {
    for (const id of ['MON-DCR-KIND', 'MON-DCR-SAMPLING', 'MON-DCR-INSIGHTS-METRICS', 'MON-MACHINE-ID', 'MON-ACTION-RECEIVER']) expect(RuleCatalogue.has(id)).toBe(true);
  });
});

describe('hybrid-monitoring example', () => {
  test('synthesizes (snapshot) with a runbook naming azcmagent connect', () => {
    const app = Testing.app();
    const stack = new HybridMonitoringStack(app, 'hybrid-monitoring');
    const synth = Testing.synth(stack, true);
    expect(JSON.parse(synth)).toMatchSnapshot();
    const json = JSON.parse(synth);
    expect(resourcesOf(json, 'azurerm_arc_machine_extension')).toHaveLength(2);
    expect(onlyResource(json, 'azurerm_role_assignment').role_definition_name).toBe('Azure Connected Machine Onboarding');
    expect(resourcesOf(json, 'azurerm_arc_private_link_scope')).toHaveLength(0);
    // Arc machines are phase 2: their agent and associations are counted by the gate.
    for (const ext of resourcesOf(json, 'azurerm_arc_machine_extension')) expect(ext.count).toBe('${var.monitoring_machines_onboarded ? 1 : 0}');
    expect(json.variable.monitoring_machines_onboarded).toMatchObject({ type: 'bool', default: false });
    expect(JSON.stringify(json)).not.toContain('00000000-0000-0000-0000-000000000000');
    const { Runbook } = require('../../lib');
    const md: string = Runbook.of(stack).render();
    expect(md).toContain('azcmagent connect');
    expect(md).toContain("--var='monitoring_machines_onboarded=true'");
    expect(md).toMatchSnapshot();
  });
});

describe('HybridMonitoring.addDataCollectionRule ids', () => {
  test('fails when a rule id is repeated', () => {
    // GIVEN a rule Iis
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    mon.addDataCollectionRule('Iis', { kind: OperatingSystem.WINDOWS, windowsEventXPathQueries: ['Application!*'] });
    // WHEN / THEN
    expectValidationError(() => mon.addDataCollectionRule('Iis', { kind: OperatingSystem.WINDOWS, windowsEventXPathQueries: ['System!*'] }), 'NAME-DUPLICATE', 'id', 'Iis');
  });

  test('fails when a rule id is one of the built-in rules', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    expectValidationError(() => mon.addDataCollectionRule('Linux', { kind: OperatingSystem.LINUX, syslogFacilities: ['auth'] }), 'NAME-DUPLICATE', 'id', 'Linux');
  });

  test('fails when a machine name is repeated (already refused)', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', base);
    mon.associateMachine('Fs01', { machineId: ARC, os: OperatingSystem.WINDOWS });
    expectValidationError(() => mon.associateMachine('Fs01', { machineId: VM, os: OperatingSystem.LINUX }), 'MON-MACHINE-ID', 'name', 'Fs01');
  });
});

describe('HybridMonitoring v2', () => {
  test('gate: an Arc machine\'s agent and associations are phase 2; an Azure VM\'s are not', () => {
    // GIVEN
    const stack = newStack();
    const mon = new HybridMonitoring(stack, 'Mon', base);
    // WHEN
    mon.associateMachine('Fs01', { machineId: ARC, os: OperatingSystem.WINDOWS });
    mon.associateMachine('Vm01', { machineId: VM, os: OperatingSystem.LINUX });
    mon.associateMachine('Done', { machineId: ARC.replace('m1', 'm2'), os: OperatingSystem.LINUX, alreadyOnboarded: true });
    const json = synthJson(stack);
    // THEN
    expect(json.variable.mon_machines_onboarded).toMatchObject({ type: 'bool', default: false });
    const arc = resourcesOf(json, 'azurerm_arc_machine_extension').filter((e) => e.arc_machine_id === ARC);
    expect(arc[0].count).toBe('${var.mon_machines_onboarded ? 1 : 0}');
    const associations = resourcesOf(json, 'azurerm_monitor_data_collection_rule_association');
    expect(associations.filter((a) => a.target_resource_id === ARC).every((a) => a.count === '${var.mon_machines_onboarded ? 1 : 0}')).toBe(true);
    expect(associations.filter((a) => a.target_resource_id !== ARC).every((a) => a.count === undefined)).toBe(true);
    expect(onlyResource(json, 'azurerm_virtual_machine_extension').count).toBeUndefined();
    expect(mon.machinesOnboardedGate?.name).toBe('mon_machines_onboarded');
  });

  test('a rule added by the user is associated with the machines of its kind, before or after they are added', () => {
    const stack = newStack();
    const mon = new HybridMonitoring(stack, 'Mon', base);
    mon.addDataCollectionRule('Iis', { kind: OperatingSystem.WINDOWS, windowsEventXPathQueries: ['Application!*'] });
    mon.associateMachine('Win', { machineId: VM, os: OperatingSystem.WINDOWS });
    mon.associateMachine('Lin', { machineId: VM.replace('vm1', 'vm2'), os: OperatingSystem.LINUX });
    mon.addDataCollectionRule('AllPerf', { performanceCounters: ['\\Memory\\Available Bytes'] });
    const names = resourcesOf(synthJson(stack), 'azurerm_monitor_data_collection_rule_association').map((a) => `${a.target_resource_id.split('/').pop()}:${a.name}`).sort();
    expect(names).toEqual(['vm1:dcra-allperf', 'vm1:dcra-iis', 'vm1:dcra-vminsights', 'vm1:dcra-windows', 'vm2:dcra-allperf', 'vm2:dcra-linux', 'vm2:dcra-vminsights']);
  });

  test('takes an existing action group, and grants Monitoring Metrics Publisher to the telemetry principal', () => {
    const stack = newStack();
    const ag = ActionGroup.fromActionGroupId(stack, 'Ag', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag');
    new HybridMonitoring(stack, 'Mon', { ...base, actionGroup: ag, applicationInsightsPublisherPrincipalId: '11111111-2222-3333-4444-555555555555' });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_monitor_action_group')).toHaveLength(0);
    for (const a of resourcesOf(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')) expect(a.action.action_groups).toEqual([ag.actionGroupId]);
    expect(onlyResource(json, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Monitoring Metrics Publisher' });
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, applicationInsightsPublisherPrincipalId: 'app' }), 'ROLE-ASSIGNMENT', 'applicationInsightsPublisherPrincipalId', 'app');
  });

  test('the heartbeat alert does not resolve itself', () => {
    const stack = newStack();
    new HybridMonitoring(stack, 'Mon', base);
    const heartbeat = resourcesOf(synthJson(stack), 'azurerm_monitor_scheduled_query_rules_alert_v2').find((a) => a.criteria[0].query.startsWith('Heartbeat'));
    expect(heartbeat.auto_mitigation_enabled).toBe(false);
  });

  test('fails with PROP-LITERAL for count-deciding props given as tokens, PROP-REQUIRED/PROP-TYPE for bad JavaScript input', () => {
    const stack = newStack();
    const on = new TerraformVariable(stack, 'on', { type: 'bool' }).booleanValue as unknown as boolean;
    expectValidationError(() => new HybridMonitoring(stack, 'A', { ...base, vmInsights: on }), 'PROP-LITERAL', 'vmInsights');
    expectValidationError(() => new HybridMonitoring(stack, 'B', { ...base, applicationInsights: on }), 'PROP-LITERAL', 'applicationInsights');
    expectValidationError(() => new HybridMonitoring(stack, 'C', { ...base, cpuAlert: { enabled: on } }), 'PROP-LITERAL', 'cpuAlert.enabled');
    const mon = new HybridMonitoring(stack, 'D', base);
    expectValidationError(() => mon.associateMachine('X', { machineId: VM, os: OperatingSystem.LINUX, installAgent: on }), 'PROP-LITERAL', 'installAgent');
    expectValidationError(() => new HybridMonitoring(stack, 'E', { location: 'westeurope' } as any), 'PROP-REQUIRED', 'resourceGroupName');
    expectValidationError(() => new HybridMonitoring(stack, 'F', { ...base, alertEmails: 'ops@contoso.com' as any }), 'PROP-TYPE', 'alertEmails');
    expectValidationError(() => mon.associateMachine('Y', { machineId: new TerraformVariable(stack, 'id', { type: 'string' }).stringValue, os: OperatingSystem.LINUX }), 'MON-MACHINE-ID', 'machineType');
  });

  test('token inputs: every expression-capable prop synthesizes with a TerraformVariable', () => {
    const stack = newStack();
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    const mon = new HybridMonitoring(stack, 'Mon', {
      resourceGroupName: v('rg', 'string').stringValue,
      location: v('loc', 'string').stringValue,
      workspaceRetentionInDays: v('ret', 'number').numberValue,
      performanceSamplingSeconds: v('samp', 'number').numberValue,
      alertEmails: [v('mail', 'string').stringValue],
      actionGroupShortName: v('short', 'string').stringValue,
      alertWebhooks: [v('hook', 'string').stringValue],
      applicationInsightsLocalAuthDisabled: v('local', 'bool').booleanValue as unknown as boolean,
      applicationInsightsPublisherPrincipalId: v('pub', 'string').stringValue,
      availabilityTestUrl: v('url', 'string').stringValue,
      availabilityTestFrequencySeconds: v('freq', 'number').numberValue,
      heartbeatAlert: { severity: v('sev', 'number').numberValue, threshold: v('min', 'number').numberValue },
      availabilityAlert: { threshold: v('fail', 'number').numberValue },
    });
    mon.associateMachine('Vm', { machineId: v('vm', 'string').stringValue, machineType: MachineType.AZURE_VM, os: OperatingSystem.LINUX, location: v('vmloc', 'string').stringValue });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_log_analytics_workspace').retention_in_days).toBe('${var.ret}');
    expect(onlyResource(json, 'azurerm_application_insights_standard_web_test').request.url).toBe('${var.url}');
    expect(onlyResource(json, 'azurerm_monitor_action_group')).toMatchObject({ short_name: '${var.short}', email_receiver: [{ email_address: '${var.mail}' }] });
  });
});
