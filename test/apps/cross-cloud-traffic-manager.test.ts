import { Testing } from 'cdktf';
import { CrossCloudScalingStack } from '../../examples/cross-cloud-scaling';
import { CrossCloudTrafficManager, LogAnalyticsWorkspace, ProbeProtocol, TrafficRoutingMethod } from '../../lib';
import { Runbook } from '../../lib/core/outputs';
import { RuleCatalogue } from '../../lib/checks/catalogue';
import { APPS_RULES } from '../../lib/apps/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg' };
const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';

describe('CrossCloudTrafficManager', () => {
  test('example synthesizes (snapshot)', () => {
    const stack = new CrossCloudScalingStack(Testing.app(), 'cross-cloud-scaling');
    expect(Testing.synth(stack, true)).toMatchSnapshot();
    expect(Runbook.of(stack).render()).toMatchSnapshot();
  });

  test('defaults: Priority, HTTPS /health on 443, TTL 30, on-premises first, diagnostics and alert', () => {
    // GIVEN
    const stack = newStack();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log');
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { ...base, logAnalyticsWorkspace: workspace, actionGroupId: '/ag/id' });
    // WHEN: Azure added before on-premises; on-premises still gets priority 1
    tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID });
    tm.addExternalEndpoint('StackHub', { target: 'app.local.azurestack.external' });
    // THEN
    const json = synthJson(stack);
    const profile = onlyResource(json, 'azurerm_traffic_manager_profile');
    expect(profile.traffic_routing_method).toBe('Priority');
    expect(profile.dns_config).toEqual({ relative_name: expect.stringMatching(/^traf-tm-[0-9a-f]{8}$/), ttl: 30 });
    expect(profile.monitor_config).toMatchObject({ protocol: 'HTTPS', port: 443, path: '/health', interval_in_seconds: 30, timeout_in_seconds: 10, tolerated_number_of_failures: 3 });
    expect(profile.max_return).toBeUndefined();
    expect(onlyResource(json, 'azurerm_traffic_manager_external_endpoint')).toMatchObject({ name: 'StackHub', priority: 1, target: 'app.local.azurestack.external' });
    expect(onlyResource(json, 'azurerm_traffic_manager_azure_endpoint')).toMatchObject({ name: 'Azure', priority: 2, target_resource_id: APP_ID });
    expect(tm.priorities()).toEqual({ Azure: 2, StackHub: 1 });
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.enabled_log).toEqual([{ category: 'ProbeHealthStatusEvents' }]);
    const alert = onlyResource(json, 'azurerm_monitor_metric_alert');
    expect(alert.criteria[0]).toMatchObject({ metric_name: 'ProbeAgentCurrentEndpointStateByProfileResourceId', operator: 'LessThan', threshold: 1 });
    expect(alert.action).toEqual([{ action_group_id: '/ag/id' }]);
    expect(json.output[tm.fqdnOutputName].value).toMatch(/azurerm_traffic_manager_profile\..*\.fqdn/);
  });

  test('explicit priorities are kept and defaults fill around them', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', base);
    tm.addExternalEndpoint('A', { target: 'a.contoso.com', priority: 1 });
    tm.addAzureEndpoint('B', { targetResourceId: APP_ID });
    tm.addExternalEndpoint('C', { target: 'c.contoso.com' });
    expect(tm.priorities()).toEqual({ A: 1, C: 2, B: 3 });
  });

  test('Weighted gives every endpoint weight 1 unless told; Performance passes endpoint_location; TCP has no path', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { ...base, routingMethod: TrafficRoutingMethod.WEIGHTED, probeProtocol: ProbeProtocol.TCP, probePort: 8443, probeIntervalSeconds: 10 });
    tm.addExternalEndpoint('Hub', { target: 'app.contoso.com', weight: 3 });
    tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, enabled: false, statusManagedOutsideTerraform: true });
    const json = synthJson(stack);
    const profile = onlyResource(json, 'azurerm_traffic_manager_profile');
    expect(profile.monitor_config.path).toBeUndefined();
    expect(profile.monitor_config.timeout_in_seconds).toBe(9);
    expect(onlyResource(json, 'azurerm_traffic_manager_external_endpoint')).toMatchObject({ weight: 3 });
    expect(onlyResource(json, 'azurerm_traffic_manager_external_endpoint').priority).toBeUndefined();
    const azure = onlyResource(json, 'azurerm_traffic_manager_azure_endpoint');
    expect(azure).toMatchObject({ weight: 1, enabled: false, lifecycle: { ignore_changes: ['enabled'] } });

    const perf = newStack();
    const p = new CrossCloudTrafficManager(perf, 'Tm', { ...base, routingMethod: TrafficRoutingMethod.PERFORMANCE, degradedEndpointAlert: false });
    p.addExternalEndpoint('Hub', { target: 'app.contoso.com', endpointLocation: 'westeurope' });
    const perfJson = synthJson(perf);
    expect(onlyResource(perfJson, 'azurerm_traffic_manager_external_endpoint').endpoint_location).toBe('westeurope');
    expect(resourcesOf(perfJson, 'azurerm_monitor_metric_alert')).toHaveLength(0);
  });

  test('MultiValue with IP endpoints and max_return', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { ...base, routingMethod: TrafficRoutingMethod.MULTI_VALUE, maxReturn: 2 });
    tm.addExternalEndpoint('Hub1', { target: '203.0.113.10' });
    expect(onlyResource(synthJson(stack), 'azurerm_traffic_manager_profile').max_return).toBe(2);
  });

  test('every rule id used is in the catalogue', () => {
    for (const id of Object.keys(APPS_RULES)) expect(RuleCatalogue.get(id).source.length).toBeGreaterThan(0);
  });

  test('fails when the probe interval is not 10 or 30', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probeIntervalSeconds: 20 }), 'APP-TM-PROBE-INTERVAL', 'probeIntervalSeconds', 20);
  });

  test('fails when the probe timeout is out of range (10 is too long at a 10 s interval)', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probeIntervalSeconds: 10, probeTimeoutSeconds: 10 }), 'APP-TM-PROBE-TIMEOUT', 'probeTimeoutSeconds', 10);
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probeTimeoutSeconds: 4 }), 'APP-TM-PROBE-TIMEOUT', 'probeTimeoutSeconds', 4);
  });

  test('fails when tolerated failures exceed 9', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probeToleratedFailures: 10 }), 'APP-TM-PROBE-FAILURES', 'probeToleratedFailures', 10);
  });

  test('fails when a TCP probe has a path or an HTTP path does not start with /', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probeProtocol: ProbeProtocol.TCP, probePath: '/health' }), 'APP-TM-PROBE-PATH', 'probePath', '/health');
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probePath: 'health' }), 'APP-TM-PROBE-PATH', 'probePath', 'health');
  });

  test('fails when the probe port is out of range', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, probePort: 70000 }), 'APP-TM-PROBE-PORT', 'probePort', 70000);
  });

  test('fails when the TTL is negative', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, ttlSeconds: -1 }), 'APP-TM-TTL', 'ttlSeconds', -1);
  });

  test('fails when the DNS relative name is not a DNS label', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, relativeName: '-contoso' }), 'APP-TM-DNS-NAME', 'relativeName', '-contoso');
  });

  test('fails when the profile name breaks Azure rules', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, name: 'bad name', relativeName: 'ok' }), 'NAME-INVALID', 'name', 'bad name');
  });

  test('fails when a weight is out of range', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, routingMethod: TrafficRoutingMethod.WEIGHTED });
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'app.contoso.com', weight: 1001 }), 'APP-TM-WEIGHT', 'weight', 1001);
  });

  test('fails when a priority is out of range or taken', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'app.contoso.com', priority: 0 }), 'APP-TM-PRIORITY', 'priority', 0);
    tm.addExternalEndpoint('Hub', { target: 'app.contoso.com', priority: 5 });
    const error = expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, priority: 5 }), 'APP-TM-PRIORITY', 'priority', 5);
    expect(error.message).toContain('already taken by endpoint Hub');
  });

  test('fails when Performance routing has an external endpoint without location', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, routingMethod: TrafficRoutingMethod.PERFORMANCE });
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'app.contoso.com' }), 'APP-TM-ENDPOINT-LOCATION', 'endpointLocation');
  });

  test('fails when an external target is a URL, not an FQDN', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'https://app.contoso.com/' }), 'APP-TM-ENDPOINT-TARGET', 'target', 'https://app.contoso.com/');
  });

  test('fails when MultiValue has no max_return, an FQDN or an Azure endpoint; or max_return without MultiValue', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, routingMethod: TrafficRoutingMethod.MULTI_VALUE }), 'APP-TM-MULTIVALUE', 'maxReturn');
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, routingMethod: TrafficRoutingMethod.MULTI_VALUE, maxReturn: 9 }), 'APP-TM-MULTIVALUE', 'maxReturn', 9);
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, maxReturn: 2 }), 'APP-TM-MULTIVALUE', 'maxReturn', 2);
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', { ...base, routingMethod: TrafficRoutingMethod.MULTI_VALUE, maxReturn: 2 });
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'app.contoso.com' }), 'APP-TM-MULTIVALUE', 'target', 'app.contoso.com');
    expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID }), 'APP-TM-MULTIVALUE', 'targetResourceId', APP_ID);
  });

  test('warns when no workspace is given', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', base);
    expect(tm.node.metadata.map((m) => String(m.data))).toEqual(expect.arrayContaining([expect.stringContaining('[APP-DIAGNOSTICS-MISSING]')]));
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(0);
  });
});

describe('CrossCloudTrafficManager endpoint ids and names', () => {
  test('fails when an endpoint id is repeated, across external and Azure endpoints', () => {
    // GIVEN an external endpoint OnPrem
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    tm.addExternalEndpoint('OnPrem', { target: 'app.contoso.com' });
    // WHEN / THEN: the same id again, as an external or an Azure endpoint
    expectValidationError(() => tm.addExternalEndpoint('OnPrem', { target: 'app2.contoso.com', name: 'other' }), 'NAME-DUPLICATE', 'id', 'OnPrem');
    expectValidationError(() => tm.addAzureEndpoint('OnPrem', { targetResourceId: APP_ID, name: 'other' }), 'NAME-DUPLICATE', 'id', 'OnPrem');
  });

  test('fails when two endpoints of a profile share a name, whatever their kinds', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    tm.addExternalEndpoint('OnPrem', { target: 'app.contoso.com', name: 'primary' });
    const error = expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, name: 'Primary' }), 'APP-TM-ENDPOINT-DUPLICATE', 'name', 'Primary');
    expect(error.message).toContain('external endpoint named primary');
    // the default name is the id
    expectValidationError(() => tm.addExternalEndpoint('primary', { target: 'app2.contoso.com' }), 'APP-TM-ENDPOINT-DUPLICATE', 'id', 'primary');
  });

  test('fails when an endpoint name breaks the name rule', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    expectValidationError(() => tm.addExternalEndpoint('OnPrem', { target: 'app.contoso.com', name: 'on/prem' }), 'NAME-INVALID', 'name', 'on/prem');
    expectValidationError(() => tm.addExternalEndpoint('OnPrem', { target: 'app.contoso.com', name: 'onprem.' }), 'NAME-INVALID', 'name', 'onprem.');
    expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, name: 'a'.repeat(261) }), 'NAME-INVALID', 'name', 'a'.repeat(261));
    expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, name: '' }), 'NAME-INVALID', 'name', '');
  });

  test('accepts distinct names of up to 260 characters', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', base);
    tm.addExternalEndpoint('OnPrem', { target: 'app.contoso.com', name: 'on-prem_1.a' });
    tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, name: 'a'.repeat(260) });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_traffic_manager_external_endpoint').name).toBe('on-prem_1.a');
    expect(onlyResource(json, 'azurerm_traffic_manager_azure_endpoint').name).toBe('a'.repeat(260));
  });
});
