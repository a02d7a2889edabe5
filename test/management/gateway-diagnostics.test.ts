import { GatewayDiagnostics, HubNetwork, LogAnalyticsWorkspace, Runbook, VpnGateway, VpnGatewaySku } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

function setup(sku?: VpnGatewaySku) {
  const stack = newStack();
  const workspace = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  const gateway = new VpnGateway(stack, 'Gw', { hub, sku });
  return { stack, workspace, gateway };
}
const ARC = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1';

describe('GatewayDiagnostics', () => {
  test('logs, disconnect/BGP/bandwidth alerts, Network Watcher lookup and a connection monitor', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, workspace, actionGroupId: '/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/actionGroups/ag' });
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 3389 });
    const json = synthJson(stack);
    const setting = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(['GatewayDiagnosticLog', 'TunnelDiagnosticLog', 'RouteDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog']);
    const alert = onlyResource(json, 'azurerm_monitor_scheduled_query_rules_alert_v2');
    expect(alert.criteria[0].query).toContain('TunnelDiagnosticLog');
    expect(alert.criteria[0].query).toContain('Disconnected');
    const metrics = resourcesOf(json, 'azurerm_monitor_metric_alert');
    expect(metrics.map((m) => m.criteria[0].metric_name).sort()).toEqual(['AverageBandwidth', 'BgpPeerStatus']);
    // 80 % of the SKU's aggregate throughput, in bytes/s
    expect(metrics.find((m) => m.criteria[0].metric_name === 'AverageBandwidth').criteria[0].threshold).toBe(Math.round(gateway.aggregateThroughputMbps! * 1_000_000 / 8 * 0.8));
    expect(json.data.azurerm_network_watcher).toBeDefined();
    const watcher: any = Object.values(json.data.azurerm_network_watcher)[0];
    expect(watcher).toMatchObject({ name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG' });
    expect(resourcesOf(json, 'azurerm_network_watcher')).toHaveLength(0);
    const monitor = onlyResource(json, 'azurerm_network_connection_monitor');
    expect(monitor.endpoint[0]).toMatchObject({ target_resource_type: 'AzureArcVM', target_resource_id: ARC });
    expect(monitor.test_configuration[0].tcp_configuration.port).toBe(3389);
    const md = Runbook.of(stack).render();
    expect(md).toContain('list-bgp-peer-status');
    expect(md).toContain('az network watcher troubleshooting start');
    expect(md).toContain('Paris');
  });

  test('reuses the gateway\'s own diagnostic setting when it has one', () => {
    const { stack, workspace, gateway } = setup();
    gateway.sendDiagnosticsTo(workspace);
    new GatewayDiagnostics(stack, 'Diag', { gateway, workspace });
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(1);
  });

  test('fails when the bandwidth threshold is not a percentage', () => {
    const { stack, workspace, gateway } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { gateway, workspace, bandwidthAlert: { threshold: 150 } }), 'GWD-BANDWIDTH-PERCENT', 'bandwidthAlert.threshold', 150);
  });

  test('warns and skips the bandwidth alert when the SKU limit is unknown', () => {
    const { stack, workspace, gateway } = setup();
    (gateway as any).sku = VpnGatewaySku.of('Custom');
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, workspace });
    expect(diag.bandwidthAlert).toBeUndefined();
    expect(diag.node.metadata.some((m) => String(m.data).includes('[GWD-SKU-THROUGHPUT]'))).toBe(true);
  });

  test('fails when a connection monitor has no or two sources, or a bad destination', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, workspace });
    expectValidationError(() => diag.addConnectionMonitor('A', { destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceArcMachineId');
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceArcMachineId: ARC, sourceAddress: '192.168.1.1', destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceArcMachineId');
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceAddress: '192.168.1.1', destinationVmId: ARC }), 'GWD-MONITOR-ENDPOINT', 'destinationVmId', ARC);
  });

  test('fails when the port or test frequency is out of range', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, workspace });
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceAddress: '192.168.1.1', destinationAddress: '10.0.1.4', port: 70000 }), 'GWD-MONITOR-PORT', 'port', 70000);
    expectValidationError(() => diag.addConnectionMonitor('A', { sourceAddress: '192.168.1.1', destinationAddress: '10.0.1.4', testFrequencySeconds: 10 }), 'GWD-MONITOR-FREQUENCY', 'testFrequencySeconds', 10);
  });

  test('fails when an alert severity is out of range', () => {
    const { stack, workspace, gateway } = setup();
    expectValidationError(() => new GatewayDiagnostics(stack, 'Diag', { gateway, workspace, bgpAlert: { severity: -1 } }), 'MON-ALERT-SEVERITY', 'bgpAlert.severity', -1);
  });
});

describe('GatewayDiagnostics.addConnectionMonitor ids', () => {
  test('fails when a monitor id is repeated (already refused)', () => {
    const { stack, workspace, gateway } = setup();
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway, workspace });
    diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.4', port: 3389 });
    expectValidationError(() => diag.addConnectionMonitor('Paris', { sourceArcMachineId: ARC, destinationAddress: '10.0.1.5', port: 22 }), 'GWD-MONITOR-ENDPOINT', 'id', 'Paris');
  });
});
