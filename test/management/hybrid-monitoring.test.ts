import { Testing } from 'cdktf';
import { HybridMonitoring, LogAnalyticsWorkspace, MachineType, OperatingSystem, PerformanceStream, RuleCatalogue } from '../../lib';
import { HybridMonitoringStack } from '../../examples/hybrid-monitoring';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const ARC = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1';
const VM = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';

describe('HybridMonitoring', () => {
  test('creates a workspace, Windows/Linux/VM insights rules with Azure-valid kinds and sampling', () => {
    const stack = newStack();
    new HybridMonitoring(stack, 'Mon', { ...base, alertEmails: { ops: 'ops@contoso.com' } });
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
    new HybridMonitoring(stack, 'Mon', { ...base, workspace: ws, heartbeatAlert: { enabled: false }, vmInsights: false, applicationInsights: false });
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
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, actionGroupShortName: 'thirteen-char' }), 'MON-ACTION-SHORT-NAME', 'actionGroupShortName', 'thirteen-char');
  });

  test('fails when an email or webhook receiver is invalid', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, alertEmails: { ops: 'not-an-email' } }), 'MON-ACTION-RECEIVER', 'alertEmails.ops', 'not-an-email');
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { ...base, alertWebhooks: { hook: 'http://example.com/a' } }), 'MON-ACTION-RECEIVER', 'alertWebhooks.hook', 'http://example.com/a');
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
    expect(onlyResource(json, 'azurerm_arc_private_link_scope').public_network_access_enabled).toBe(false);
    const { Runbook } = require('../../lib');
    const md: string = Runbook.of(stack).render();
    expect(md).toContain('azcmagent connect');
    expect(md).toContain('--private-link-scope "$(terraform output -raw arc_servers_private_link_scope_id)"');
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
