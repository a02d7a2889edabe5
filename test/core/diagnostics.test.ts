import { DiagnosticSetting, HybridBackupVault, LogAnalyticsWorkspace } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };

describe('DiagnosticSetting', () => {
  test('sends every category of the type, metrics and Dedicated tables by default', () => {
    // GIVEN
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W', '/subscriptions/s/workspaces/w');
    // WHEN
    new DiagnosticSetting(stack, 'Diag', { targetResourceId: '/x/vault', resourceType: 'azurerm_recovery_services_vault', workspace });
    // THEN
    const setting = onlyResource(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting).toMatchObject({ name: 'to-log-analytics', target_resource_id: '/x/vault', log_analytics_workspace_id: '/subscriptions/s/workspaces/w', log_analytics_destination_type: 'Dedicated' });
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(DiagnosticSetting.logCategoriesOf('azurerm_recovery_services_vault'));
    expect(setting.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
  });

  test('leaves out the destination type and metrics where the type has none', () => {
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W', '/w');
    new DiagnosticSetting(stack, 'Diag', { targetResourceId: '/nsg', resourceType: 'azurerm_network_security_group', workspace, name: 'nsg-logs' });
    const setting = onlyResource(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting.name).toBe('nsg-logs');
    expect(setting.log_analytics_destination_type).toBeUndefined();
    expect(setting.enabled_metric).toBeUndefined();
    expect(setting.enabled_log).toEqual([{ category: 'NetworkSecurityGroupEvent' }, { category: 'NetworkSecurityGroupRuleCounter' }]);
  });

  test('knows the VPN gateway categories', () => {
    expect(DiagnosticSetting.logCategoriesOf('azurerm_virtual_network_gateway')).toEqual([
      'GatewayDiagnosticLog',
      'TunnelDiagnosticLog',
      'RouteDiagnosticLog',
      'IKEDiagnosticLog',
      'P2SDiagnosticLog',
    ]);
    expect(DiagnosticSetting.logCategoriesOf('azurerm_nothing')).toEqual([]);
    const known = DiagnosticSetting.knownResourceTypes();
    expect(known).toContain('azurerm_virtual_network_gateway');
    expect([...known].sort()).toEqual(known);
  });

  test('fails when the resource type is unknown', () => {
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W', '/w');
    expectValidationError(() => new DiagnosticSetting(stack, 'Diag', { targetResourceId: '/x', resourceType: 'azurerm_thing', workspace }), 'DIAG-CATEGORY-UNKNOWN', 'resourceType', 'azurerm_thing');
  });

  test('fails when a log category is not one the type emits', () => {
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W', '/w');
    expectValidationError(
      () => new DiagnosticSetting(stack, 'Diag', { targetResourceId: '/x', resourceType: 'azurerm_virtual_network_gateway', workspace, logCategories: ['TunnelDiagnosticLog', 'AuditEvent'] }),
      'DIAG-CATEGORY-UNKNOWN',
      'logCategories',
      'AuditEvent',
    );
  });

  test('fails when a setting would send nothing', () => {
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W', '/w');
    expectValidationError(
      () => new DiagnosticSetting(stack, 'Diag', { targetResourceId: '/x', resourceType: 'azurerm_virtual_network_gateway', workspace, logCategories: [], metrics: false }),
      'DIAG-CATEGORY-UNKNOWN',
      'logCategories',
      [],
    );
  });
});

describe('LogAnalyticsWorkspace', () => {
  test('defaults to PerGB2018, 30 days, local authentication off', () => {
    const stack = newStack();
    new LogAnalyticsWorkspace(stack, 'Workspace', base);
    expect(onlyResource(synthJson(stack), 'azurerm_log_analytics_workspace')).toMatchObject({
      name: 'log-workspace',
      sku: 'PerGB2018',
      retention_in_days: 30,
      local_authentication_enabled: false,
      daily_quota_gb: -1,
    });
  });

  test.each([29, 731, 30.5])('fails when retention is %p days', (days) => {
    expectValidationError(() => new LogAnalyticsWorkspace(newStack(), 'Workspace', { ...base, retentionInDays: days }), 'DIAG-WORKSPACE-RETENTION', 'retentionInDays', days);
  });

  test('accepts 30 and 730 days', () => {
    const stack = newStack();
    expect(new LogAnalyticsWorkspace(stack, 'A', { ...base, retentionInDays: 30 })).toBeDefined();
    expect(new LogAnalyticsWorkspace(stack, 'B', { ...base, retentionInDays: 730 })).toBeDefined();
  });

  test('fails when the name breaks Azure rules', () => {
    expectValidationError(() => new LogAnalyticsWorkspace(newStack(), 'Workspace', { ...base, name: 'log_1' }), 'NAME-INVALID', 'name', 'log_1');
  });
});

describe('DiagnosticSetting.send (what every sendDiagnosticsTo uses)', () => {
  test('a second setting on one resource gets its own construct id and setting name', () => {
    // GIVEN a backup vault already sending to one workspace
    const stack = newStack();
    const first = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'First', '/subscriptions/s/workspaces/first');
    const second = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Second', '/subscriptions/s/workspaces/second');
    const vault = new HybridBackupVault(stack, 'Vault', { ...base, logAnalyticsWorkspace: first });
    // WHEN it sends to a second one
    const [setting] = vault.sendDiagnosticsTo(second);
    // THEN both exist, with distinct names (Azure refuses two of one name on a resource)
    expect(setting.node.id).toBe('Diagnostics1');
    const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
    expect(settings.map((s) => s.name).sort()).toEqual(['to-log-analytics', 'to-log-analytics-1']);
    expect(settings.map((s) => s.log_analytics_workspace_id).sort()).toEqual(['/subscriptions/s/workspaces/first', '/subscriptions/s/workspaces/second']);
  });
});
