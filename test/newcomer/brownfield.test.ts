import { Testing } from 'cdktf';
import { BrownfieldStack } from '../../examples/brownfield';
import { checkIndex, indexOfConfig } from '../../lib/checks/rule-pack';
import { annotationsAfterSynth, onlyResource, resourcesOf } from '../util';

// Issue 17 / newcomer review F22: the brownfield path (existing resource group, hub, workspace and
// action group) as an example that synthesizes and passes the rule pack.
describe('example brownfield', () => {
  const stack = new BrownfieldStack(Testing.app(), 'brownfield');
  const json = JSON.parse(Testing.synth(stack, true));

  test('the rule pack reports no error', () => {
    const errors = checkIndex('brownfield', indexOfConfig(json)).filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
  });

  test('synth raises no error and no warning', () => {
    expect(annotationsAfterSynth(new BrownfieldStack(Testing.app(), 'brownfield')).filter(([level]) => level !== 'info')).toEqual([]);
  });

  test('creates nothing that exists: no resource group, virtual network, GatewaySubnet, workspace or action group', () => {
    for (const type of ['azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_log_analytics_workspace', 'azurerm_monitor_action_group']) {
      expect({ type, count: resourcesOf(json, type).length }).toEqual({ type, count: type === 'azurerm_virtual_network' ? 1 : 0 });
    }
    // the one virtual network is the new spoke
    expect(onlyResource(json, 'azurerm_virtual_network').address_space).toEqual(['10.101.0.0/24']);
    expect(resourcesOf(json, 'azurerm_subnet').map((s) => s.name)).not.toContain('GatewaySubnet');
  });

  test('puts the gateway into the existing GatewaySubnet and sends its logs to the existing workspace', () => {
    const gateway = onlyResource(json, 'azurerm_virtual_network_gateway');
    expect(gateway.resource_group_name).toBe('rg-network-prod');
    expect(gateway.ip_configuration[0].subnet_id).toBe('${var.hub_gateway_subnet_id}');
    expect(resourcesOf(json, 'azurerm_monitor_diagnostic_setting').map((d) => d.log_analytics_workspace_id)).toContain('${var.log_analytics_workspace_id}');
  });

  test('alerts go to the existing action group', () => {
    const alerts = [...resourcesOf(json, 'azurerm_monitor_metric_alert'), ...resourcesOf(json, 'azurerm_monitor_scheduled_query_rules_alert_v2')];
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(JSON.stringify(alert.action)).toContain('${var.noc_action_group_id}');
  });

  test('every external id is a Terraform variable with a description', () => {
    const variables = json.variable as Record<string, { description?: string }>;
    for (const name of ['hub_virtual_network_id', 'hub_gateway_subnet_id', 'hub_management_subnet_id', 'log_analytics_workspace_id', 'noc_action_group_id', 'network_watcher_id', 'subscription_id']) {
      expect({ name, description: (variables[name]?.description ?? '').length > 20 }).toEqual({ name, description: true });
    }
  });

  test('the spoke peers with the existing hub by its id', () => {
    const peerings = resourcesOf(json, 'azurerm_virtual_network_peering');
    expect(peerings.map((p) => p.remote_virtual_network_id)).toContain('${var.hub_virtual_network_id}');
  });
});
