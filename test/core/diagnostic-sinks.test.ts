import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { GatewayDiagnostics, HubNetwork, HybridBackupVault, LogAnalyticsWorkspace, RecoveryServicesVault, VpnGateway } from '../../lib';
import { newStack, resourcesOf, synthJson } from '../util';

// Azure refuses a category sent to one workspace by two diagnostic settings of one resource:
// Conflict "Data sink ... is already used in diagnostic setting ... for category ..."
// (Azure/bicep-registry-modules#3407; azure-monitor troubleshooting, "Data sinks can't be reused in
// different settings on the same category for the same resource"). Another workspace is fine.

function gatewaySetup() {
  const stack = newStack();
  const workspace = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  const vpn = new VpnGateway(stack, 'Gw', { hub });
  return { stack, workspace, vpn };
}

const VAULT = { vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv', vaultName: 'rsv', resourceGroupName: 'rg', location: 'westeurope' };
/** The same setting constructs, in order (deep equality would walk the construct tree). */
function expectSame(actual: readonly object[], expected: readonly object[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((s, i) => expect(s === expected[i]).toBe(true));
}
const categoriesOf = (s: any) => [...(s.enabled_log ?? []).map((l: any) => l.category), ...(s.enabled_metric ?? []).map((m: any) => m.category)];

describe('sendDiagnosticsTo: one setting per resource and workspace', () => {
  test('GatewayDiagnostics, then vpn.sendDiagnosticsTo(ws): the second call returns the gateway\'s setting (fuzz F13)', () => {
    const { stack, workspace, vpn } = gatewaySetup();
    new GatewayDiagnostics(stack, 'Diag', { gateway: vpn, logAnalyticsWorkspace: workspace });
    const first = [...vpn.diagnosticSettings];
    const again = vpn.sendDiagnosticsTo(workspace);
    expectSame(again, first);
    expectSame(vpn.diagnosticSettings, first);
    const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting').sort((x, y) => x.name.localeCompare(y.name));
    expect(settings.map((s) => s.name)).toEqual(['to-log-analytics']);
  });

  test('sendDiagnosticsTo(ws) twice, then GatewayDiagnostics: still one setting', () => {
    const { stack, workspace, vpn } = gatewaySetup();
    const [setting] = vpn.sendDiagnosticsTo(workspace);
    expectSame(vpn.sendDiagnosticsTo(workspace), [setting]);
    new GatewayDiagnostics(stack, 'Diag', { gateway: vpn, logAnalyticsWorkspace: workspace, sendDiagnostics: true });
    expectSame(vpn.diagnosticSettings, [setting]);
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(1);
  });

  test('the same workspace by another import of it (same id in other case) is the same sink', () => {
    const stack = newStack();
    const a = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'A', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law');
    const b = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'B', '/subscriptions/S/resourceGroups/RG/providers/Microsoft.OperationalInsights/workspaces/LAW');
    const vault = RecoveryServicesVault.fromVaultAttributes(stack, 'Vault', VAULT);
    const [first] = vault.sendDiagnosticsTo(a);
    expectSame(vault.sendDiagnosticsTo(b), [first]);
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(1);
  });

  test('the same workspace with categories not sent yet: a setting for those only (Azure allows disjoint categories)', () => {
    const { stack, workspace, vpn } = gatewaySetup();
    vpn.sendDiagnosticsTo(workspace, { logCategories: ['TunnelDiagnosticLog'], metrics: false });
    const [second] = vpn.sendDiagnosticsTo(workspace);
    // categories asked that an existing setting already sends there return that setting
    expectSame(vpn.sendDiagnosticsTo(workspace, { logCategories: ['IKEDiagnosticLog'], metrics: false }), [second]);
    expect(vpn.diagnosticSettings).toHaveLength(2);
    const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting').sort((x, y) => x.name.localeCompare(y.name));
    expect(settings.map((s) => [s.name, categoriesOf(s)])).toEqual([
      ['to-log-analytics', ['TunnelDiagnosticLog']],
      ['to-log-analytics-1', ['GatewayDiagnosticLog', 'RouteDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog', 'AllMetrics']],
    ]);
    // no category goes twice to the workspace
    const sent = settings.flatMap(categoriesOf);
    expect(new Set(sent).size).toBe(sent.length);
  });

  test('another workspace gets its own setting with the same categories', () => {
    const { stack, workspace, vpn } = gatewaySetup();
    const central = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Central', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central');
    vpn.sendDiagnosticsTo(workspace);
    vpn.sendDiagnosticsTo(central);
    const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting').sort((x, y) => x.name.localeCompare(y.name));
    expect(settings.map((s) => s.name)).toEqual(['to-log-analytics', 'to-log-analytics-1']);
    expect(categoriesOf(settings[0])).toEqual(categoriesOf(settings[1]));
  });

  test('two imports of one vault: one setting per workspace, and no two settings of one name on the vault', () => {
    const stack = newStack();
    const a = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'A', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/a');
    const b = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'B', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/b');
    const one = RecoveryServicesVault.fromVaultAttributes(stack, 'One', VAULT);
    const two = RecoveryServicesVault.fromVaultAttributes(stack, 'Two', VAULT);
    const [setting] = one.sendDiagnosticsTo(a);
    expectSame(two.sendDiagnosticsTo(a), [setting]);
    two.sendDiagnosticsTo(b);
    const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting').sort((x, y) => x.name.localeCompare(y.name));
    expect(settings.map((s) => [s.name, s.log_analytics_workspace_id.replace(/.*\//, '')])).toEqual([
      ['to-log-analytics', 'a'],
      ['to-log-analytics-1', 'b'],
    ]);
  });

  test('two stacks of one App with resources at the same addresses each keep their settings', () => {
    const app = Testing.app();
    const stacks = ['one', 'two'].map((id) => {
      const stack = new TerraformStack(app, id);
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      const workspace = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
      new HybridBackupVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'westeurope', logAnalyticsWorkspace: workspace });
      return stack;
    });
    for (const stack of stacks) expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(1);
  });
});
