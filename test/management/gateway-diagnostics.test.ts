import { TerraformVariable } from 'cdktf';
import { ActionGroup, ExpressRouteCircuit, ExpressRouteGateway, GatewayDiagnostics, HubNetwork, HybridChecks, HybridMonitoring, LogAnalyticsWorkspace, Runbook, VpnGateway, VpnGatewaySku } from '../../lib';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

function setup(sku?: VpnGatewaySku) {
  const stack = newStack();
  const workspace = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  const gateway = new VpnGateway(stack, 'Gw', { hub, sku });
  return { stack, workspace, gateway };
}
const ARC = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1';
const VM = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';
const AG = '/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/actionGroups/ag';
const WATCHER = '/subscriptions/s/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_westeurope';

describe('GatewayDiagnostics', () => {
  test('logs, disconnect/BGP/bandwidth alerts through the gateway and Alerts, and the Network Watcher Azure enabled', () => {
    // GIVEN a gateway without diagnostics
    const { stack, workspace, gateway } = setup();
    // WHEN
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, actionGroup: ActionGroup.fromActionGroupId(stack, 'Ag', AG) });
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 3389 });
    const json = synthJson(stack);
    // THEN the gateway sends its logs (its own setting), alerts use the action group
    const setting = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(['GatewayDiagnosticLog', 'TunnelDiagnosticLog', 'RouteDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog']);
    expect(gateway.diagnosticSettings).toHaveLength(1);
    const alert = onlyResource(json, 'azurerm_monitor_scheduled_query_rules_alert_v2');
    expect(alert.criteria[0].query).toContain('TunnelDiagnosticLog');
    expect(alert.action.action_groups).toEqual([AG]);
    const metrics = resourcesOf(json, 'azurerm_monitor_metric_alert');
    expect(metrics.map((m) => m.criteria[0].metric_name).sort()).toEqual(['AverageBandwidth', 'BgpPeerStatus']);
    // bandwidth per instance: 80 % of half the SKU's aggregate throughput (active-active), bytes/s
    const bandwidth = metrics.find((m) => m.criteria[0].metric_name === 'AverageBandwidth');
    expect(bandwidth.criteria[0].threshold).toBe(Math.round(gateway.aggregateThroughputMbps! * 1_000_000 / 8 / 2 * 0.8));
    expect(bandwidth.criteria[0].dimension[0].name).toBe('Instance');
    // The Network Watcher Azure enables with the region's first virtual network, read once the
    // gateway exists (M9: not at plan, when the hub is new); creating one would fail next to it.
    expect(json.resource.azurerm_network_watcher).toBeUndefined();
    const watcher = Object.values<any>(json.data.azurerm_network_watcher)[0];
    expect(watcher).toMatchObject({ name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG' });
    expect(watcher.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network_gateway\./)]);
    const monitor = onlyResource(json, 'azurerm_network_connection_monitor');
    expect(monitor.endpoint[0]).toMatchObject({ name: 'on-premises', target_resource_type: 'AzureArcVM', target_resource_id: ARC });
    expect(monitor.network_watcher_id).toMatch(/^\$\{data\.azurerm_network_watcher\.Diag_EnabledNetworkWatcher_.*\.id\}$/);
    expect(Runbook.of(stack).render()).toContain('az network watcher configure --resource-group NetworkWatcherRG --locations <region> --enabled true');
    expect(monitor.count).toBe('${var.diag_machines_onboarded ? 1 : 0}');
    expect(monitor.test_configuration[0].tcp_configuration.port).toBe(3389);
    const md = Runbook.of(stack).render();
    expect(md).toContain('list-bgp-peer-status');
    expect(md).toContain('status_s in ("Connected", "Disconnected")');
    expect(md).toContain('parse Message with * "Remote " RemoteIP');
    expect(md).not.toContain('RemoteIP_s');
  });

  test('gate: an Arc source monitor and its agents are phase 2, and the Network Watcher id is taken as given', () => {
    // GIVEN
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, networkWatcherId: WATCHER });
    // WHEN
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4' });
    const json = synthJson(stack);
    // THEN phase 1 has count 0 on the monitor and both agents; phase 2 (the variable true) has 1
    expect(json.variable.diag_machines_onboarded).toMatchObject({ type: 'bool', default: false });
    const gated = [...resourcesOf(json, 'azurerm_arc_machine_extension'), onlyResource(json, 'azurerm_network_connection_monitor')];
    expect(gated).toHaveLength(3);
    for (const r of gated) expect(r.count).toBe('${var.diag_machines_onboarded ? 1 : 0}');
    expect(resourcesOf(json, 'azurerm_arc_machine_extension').map((e) => e.name).sort()).toEqual(['AzureMonitorLinuxAgent', 'AzureNetworkWatcherExtension']);
    expect(onlyResource(json, 'azurerm_network_connection_monitor').network_watcher_id).toBe(WATCHER);
    expect(resourcesOf(json, 'azurerm_network_watcher')).toHaveLength(0);
    expect(Runbook.of(stack).render()).toContain("--var='diag_machines_onboarded=true'");
  });

  test('keeps the gateway\'s own diagnostic setting when it has one', () => {
    const { stack, workspace, gateway } = setup();
    gateway.sendDiagnosticsTo(workspace);
    new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(1);
  });

  test('fails when the bandwidth threshold is not a percentage', () => {
    const { stack, workspace, gateway } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, bandwidthAlert: { threshold: 150 } }), 'GWD-BANDWIDTH-PERCENT', 'bandwidthAlert.threshold', 150);
  });

  test('warns at synth and skips the bandwidth alert when the SKU limit is unknown; the warning can be suppressed', () => {
    const build = (suppress: boolean) => {
      const { stack, workspace, gateway } = setup();
      (gateway as any).sku = VpnGatewaySku.of('Custom');
      Object.defineProperty(gateway, 'aggregateThroughputMbps', { get: () => undefined });
      const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
      if (suppress) HybridChecks.suppress(diag, [{ id: 'GWD-SKU-THROUGHPUT', reason: 'custom SKU, watched elsewhere' }]);
      expect(diag.bandwidthAlert).toBeUndefined();
      return annotationsAfterSynth(stack).some(([level, , m]) => level === 'warning' && m.includes('[GWD-SKU-THROUGHPUT]'));
    };
    expect(build(false)).toBe(true);
    expect(build(true)).toBe(false);
  });

  test('fails when a connection monitor has no or two sources, or a bad destination', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    expectValidationError(() => diag.addConnectionMonitor('A', { destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceArcMachineId');
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, sourceAddress: '192.168.1.1', destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceAddress', '192.168.1.1');
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, destinationVmId: ARC }), 'GWD-MONITOR-ENDPOINT', 'destinationVmId', ARC);
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, destinationVmId: VM, destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'destinationVmId');
  });

  test('refuses an address as the source (GWD-MONITOR-ENDPOINT): Connection Monitor tests run from an agent on the source', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    const error = expectValidationError(() => diag.addConnectionMonitor('A', { sourceAddress: '192.168.1.1', destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceAddress', '192.168.1.1');
    expect(error.message).toContain('an address can only be a destination');
    expect(error.message).toContain('`sourceArcMachineId`');
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag2', { gateway, logAnalyticsWorkspace: workspace, networkWatcherId: '/subscriptions/s/x' }), 'GWD-MONITOR-ENDPOINT', 'networkWatcherId', '/subscriptions/s/x');
  });

  test('fails when the port or test frequency is out of range', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 70000 }), 'GWD-MONITOR-PORT', 'port', 70000);
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', testFrequencySeconds: 10 }), 'GWD-MONITOR-FREQUENCY', 'testFrequencySeconds', 10);
  });

  test('fails when an alert severity is out of range, or enabled is a token (PROP-LITERAL)', () => {
    const { stack, workspace, gateway } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, bgpAlert: { severity: -1 } }), 'MON-ALERT-SEVERITY', 'bgpAlert.severity', -1);
    const on = new TerraformVariable(stack, 'on', { type: 'bool' });
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag2', { gateway, logAnalyticsWorkspace: workspace, bgpAlert: { enabled: on.booleanValue as unknown as boolean } }), 'PROP-LITERAL', 'bgpAlert.enabled');
  });

  test('fails with PROP-REQUIRED when JavaScript leaves out the gateway', () => {
    const { stack, workspace } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { logAnalyticsWorkspace: workspace } as any), 'PROP-REQUIRED', 'gateway');
  });

  test('token inputs: every expression-capable prop synthesizes with a TerraformVariable', () => {
    const { stack, workspace, gateway } = setup();
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    const diag = new GatewayDiagnostics(stack, 'Diag', {
      gateway,
      logAnalyticsWorkspace: workspace,
      networkWatcherId: v('nw', 'string').stringValue,
      disconnectAlert: { severity: v('sev', 'number').numberValue, threshold: v('thr', 'number').numberValue },
      bgpAlert: { severity: v('sev2', 'number').numberValue },
    });
    diag.addConnectionMonitor('Paris', {
      sourceArcMachineId: v('arc', 'string').stringValue,
      destinationAddress: v('dst', 'string').stringValue,
      port: v('port', 'number').numberValue,
      testFrequencySeconds: v('freq', 'number').numberValue,
      sourceLocation: v('loc', 'string').stringValue,
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_network_connection_monitor').network_watcher_id).toBe('${var.nw}');
  });
});

describe('GatewayDiagnostics.addConnectionMonitor ids', () => {
  test('fails when a monitor id is repeated (already refused)', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 3389 });
    expectValidationError(() => diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.5', port: 22 }), 'GWD-MONITOR-ENDPOINT', 'id', 'Paris');
  });
});

describe('HybridMonitoring facade for the hybrid connection', () => {
  test('monitorVpnGateway: the same alerts, the monitoring\'s action group, gateway logs sent to its workspace', () => {
    // GIVEN
    const { stack, gateway } = setup();
    const mon = new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: ['noc@contoso.com'] });
    // WHEN
    const alerts = mon.monitorVpnGateway(gateway, { bandwidthAlert: { enabled: false } });
    // THEN
    expect(alerts.bandwidthAlert).toBeUndefined();
    expect(alerts.bgpAlert).toBeDefined();
    expect(alerts.disconnectAlert).toBeDefined();
    expect(gateway.diagnosticSettings).toHaveLength(1);
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_monitor_metric_alert').action[0].action_group_id).toMatch(/azurerm_monitor_action_group/);
    expect(() => mon.monitorVpnGateway(gateway)).toThrow(/NAME-DUPLICATE/);
  });

  test('monitorExpressRouteCircuit: BGP and ARP availability per peering and peer', () => {
    const stack = newStack();
    const circuit = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Circuit', {
      circuitId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/erc',
      onPremisesPrefixes: ['192.168.0.0/16'],
    });
    const mon = new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: ['noc@contoso.com'] });
    const alerts = mon.monitorExpressRouteCircuit(circuit, { arpAvailabilityAlert: { severity: 0 } });
    expect(alerts.bgpAvailabilityAlert).toBeDefined();
    const metrics = resourcesOf(synthJson(stack), 'azurerm_monitor_metric_alert');
    expect(metrics.map((m) => m.criteria[0].metric_name).sort()).toEqual(['ArpAvailability', 'BgpAvailability']);
    for (const m of metrics) expect(m.criteria[0]).toMatchObject({ operator: 'LessThan', threshold: 100 });
    expectValidationError(() => mon.monitorExpressRouteCircuit(circuit, { bgpAvailabilityAlert: { threshold: 0 } }), 'MON-ALERT-THRESHOLD', 'bgpAvailabilityAlert.threshold', 0);
  });
});

describe('HybridMonitoring.monitorExpressRouteGateway', () => {
  test('CPU and packets-per-second alerts per instance, thresholds checked', () => {
    // GIVEN an existing ExpressRoute gateway
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    const gw = ExpressRouteGateway.fromExpressRouteGatewayAttributes(stack, 'ErGw', { gatewayId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/ergw', hub });
    const mon = new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: ['noc@contoso.com'] });
    // WHEN
    const alerts = mon.monitorExpressRouteGateway(gw, { packetsPerSecondAlert: { threshold: 200_000 } });
    // THEN
    expect(alerts.cpuAlert).toBeDefined();
    const metrics = resourcesOf(synthJson(stack), 'azurerm_monitor_metric_alert');
    expect(metrics.map((m) => [m.criteria[0].metric_name, m.criteria[0].threshold]).sort()).toEqual([['ExpressRouteGatewayCpuUtilization', 80], ['ExpressRouteGatewayPacketsPerSecond', 200000]]);
    expectValidationError(() => mon.monitorExpressRouteGateway(gw, { cpuAlert: { threshold: 120 } }), 'MON-ALERT-THRESHOLD', 'cpuAlert.threshold', 120);
  });
});

describe('GatewayDiagnostics VNet flow log', () => {
  const STORAGE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stflowlogsweu';

  test("a version-2 flow log on the hub's virtual network, with traffic analytics on the workspace, and its runbook step", () => {
    // GIVEN
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    // WHEN
    diag.addVirtualNetworkFlowLog({ storageAccountId: STORAGE });
    // THEN
    const json = synthJson(stack);
    const flowLog = onlyResource(json, 'azurerm_network_watcher_flow_log');
    expect(flowLog).toMatchObject({
      target_resource_id: expect.stringMatching(/^\$\{azurerm_virtual_network\.Hub_.*\.id\}$/),
      storage_account_id: STORAGE,
      enabled: true,
      version: 2,
      retention_policy: { enabled: true, days: 30 },
      network_watcher_name: expect.stringMatching(/data\.azurerm_network_watcher\.Diag_EnabledNetworkWatcher_.*\.name/),
      resource_group_name: expect.stringMatching(/data\.azurerm_network_watcher\.Diag_EnabledNetworkWatcher_.*\.resource_group_name/),
      traffic_analytics: { enabled: true, interval_in_minutes: 10, workspace_id: expect.stringMatching(/workspace_id/), workspace_region: 'westeurope' },
    });
    expect(flowLog.network_security_group_id).toBeUndefined();
    expect(Runbook.of(stack).render()).toContain('FlowType == "S2S"');
  });

  test('createNetworkWatcher creates NetworkWatcher_<region> in the hub resource group, and says when that fails', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, createNetworkWatcher: true });
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 3389 });
    const json = synthJson(stack);
    expect(json.data?.azurerm_network_watcher).toBeUndefined();
    expect(onlyResource(json, 'azurerm_network_watcher')).toMatchObject({ name: 'NetworkWatcher_westeurope', resource_group_name: 'rg' });
    expect(onlyResource(json, 'azurerm_network_connection_monitor').network_watcher_id).toMatch(/^\$\{azurerm_network_watcher\./);
    expect(Runbook.of(stack).render()).toContain('Terraform creates the Network Watcher of the region (`createNetworkWatcher`)');
  });

  test('a Network Watcher both given and to be created is refused (GWD-NETWORK-WATCHER); createNetworkWatcher must be a literal', () => {
    const { stack, workspace, gateway } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, networkWatcherId: WATCHER, createNetworkWatcher: true }), 'GWD-NETWORK-WATCHER', 'createNetworkWatcher', true);
    const flag = new TerraformVariable(stack, 'create', { type: 'bool' });
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag2', { gateway, logAnalyticsWorkspace: workspace, createNetworkWatcher: flag.booleanValue as any }), 'PROP-LITERAL', 'createNetworkWatcher');
  });

  test("an existing Network Watcher's name and resource group come from its id", () => {
    const { stack, workspace, gateway } = setup();
    new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace, networkWatcherId: WATCHER }).addVirtualNetworkFlowLog({ storageAccountId: STORAGE, retentionDays: 0, trafficAnalyticsIntervalMinutes: 60 });
    const json = synthJson(stack);
    expect(json.resource.azurerm_network_watcher).toBeUndefined();
    expect(onlyResource(json, 'azurerm_network_watcher_flow_log')).toMatchObject({
      network_watcher_name: 'NetworkWatcher_westeurope',
      resource_group_name: 'NetworkWatcherRG',
      retention_policy: { enabled: false, days: 0 },
      traffic_analytics: { interval_in_minutes: 60 },
    });
  });

  test('GWD-FLOW-LOG refuses a bad retention, interval, storage id, a second flow log and traffic analytics on an imported workspace', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, logAnalyticsWorkspace: workspace });
    expectValidationError(() => diag.addVirtualNetworkFlowLog({ storageAccountId: STORAGE, retentionDays: 400 }), 'GWD-FLOW-LOG', 'retentionDays', 400);
    expectValidationError(() => diag.addVirtualNetworkFlowLog({ storageAccountId: STORAGE, trafficAnalyticsIntervalMinutes: 30 }), 'GWD-FLOW-LOG', 'trafficAnalyticsIntervalMinutes', 30);
    expectValidationError(() => diag.addVirtualNetworkFlowLog({ storageAccountId: 'stflowlogs' }), 'GWD-FLOW-LOG', 'storageAccountId', 'stflowlogs');
    diag.addVirtualNetworkFlowLog({ storageAccountId: STORAGE });
    expectValidationError(() => diag.addVirtualNetworkFlowLog({ storageAccountId: STORAGE }), 'GWD-FLOW-LOG', 'addVirtualNetworkFlowLog');
    const other = setup();
    const imported = LogAnalyticsWorkspace.fromWorkspaceId(other.stack, 'Imported', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law');
    const diag2 = new GatewayDiagnostics(other.stack, 'Diag', { gateway: other.gateway, logAnalyticsWorkspace: imported });
    expectValidationError(() => diag2.addVirtualNetworkFlowLog({ storageAccountId: STORAGE, trafficAnalyticsIntervalMinutes: 10 }), 'GWD-FLOW-LOG', 'trafficAnalyticsIntervalMinutes', 10);
    // Without traffic analytics an imported workspace is fine (the default is then 0).
    diag2.addVirtualNetworkFlowLog({ storageAccountId: STORAGE });
    expect(onlyResource(synthJson(other.stack), 'azurerm_network_watcher_flow_log').traffic_analytics).toBeUndefined();
    expect(Runbook.of(other.stack).render()).toContain('the files in the storage account');
  });
});
