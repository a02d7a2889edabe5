import { Testing, TerraformVariable } from 'cdktf';
import { CrossCloudScalingStack } from '../../examples/cross-cloud-scaling';
import { ActionGroup, CrossCloudTrafficManager, HybridChecks, LogAnalyticsWorkspace, ProbeProtocol, TrafficRoutingMethod } from '../../lib';
import { Runbook } from '../../lib/core/outputs';
import { RuleCatalogue } from '../../lib/checks/catalogue';
import { APPS_RULES } from '../../lib/apps/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';

const base = { resourceGroupName: 'rg' };
const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';
const AG_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag';
const WS_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log';

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
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { ...base, logAnalyticsWorkspace: workspace, actionGroup: ActionGroup.fromActionGroupId(stack, 'Ag', AG_ID) });
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
    expect(alert.action).toEqual([{ action_group_id: AG_ID }]);
    expect(alert).toMatchObject({ name: `${profile.name}-endpoint-degraded`, auto_mitigate: true, severity: 1, window_size: 'PT5M', frequency: 'PT1M' });
    expect(alert.criteria[0]).toMatchObject({ aggregation: 'Maximum', dimension: [{ name: 'EndpointName', operator: 'Include', values: ['*'] }] });
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
    for (const rule of APPS_RULES) expect(RuleCatalogue.get(rule.id).source.length).toBeGreaterThan(0);
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

  test('warns DIAG-MISSING until sendDiagnosticsTo is called; acknowledge (old id) and suppress silence it', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { ...base, degradedEndpointAlert: false });
    expect(warningsAfterSynth(stack).filter((w) => w.includes('[DIAG-MISSING]'))).toHaveLength(1);
    expect(resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toHaveLength(0);
    const fresh = newStack();
    const later = new CrossCloudTrafficManager(fresh, 'Tm', { ...base, degradedEndpointAlert: false });
    later.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(fresh, 'Ws', WS_ID));
    expect(warningsAfterSynth(fresh).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
    expect(onlyResource(synthJson(fresh), 'azurerm_monitor_diagnostic_setting')).toMatchObject({ enabled_log: [{ category: 'ProbeHealthStatusEvents' }], enabled_metric: [{ category: 'AllMetrics' }] });
    expect(tm.diagnosticSettings).toHaveLength(0);
    const acked = newStack();
    new CrossCloudTrafficManager(acked, 'Tm', { ...base, degradedEndpointAlert: false }).acknowledge('APP-DIAGNOSTICS-MISSING', 'probe logs are not kept for this profile');
    expect(warningsAfterSynth(acked).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
    const suppressed = newStack();
    new CrossCloudTrafficManager(suppressed, 'Tm', { ...base, degradedEndpointAlert: false });
    HybridChecks.suppress(suppressed, [{ id: 'DIAG-MISSING', reason: 'probe logs are not kept for this profile' }]);
    expect(warningsAfterSynth(suppressed).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
  });

  test('warns MON-ACTION-GROUP-EMPTY when the degraded-endpoint alert notifies nobody', () => {
    const stack = newStack();
    new CrossCloudTrafficManager(stack, 'Tm', { ...base, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', WS_ID) });
    expect(warningsAfterSynth(stack).filter((w) => w.includes('[MON-ACTION-GROUP-EMPTY]'))).toHaveLength(1);
  });

  test('metric definitions name the real Traffic Manager metrics', () => {
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    expect(tm.metricEndpointState()).toMatchObject({ namespace: 'Microsoft.Network/trafficManagerProfiles', name: 'ProbeAgentCurrentEndpointStateByProfileResourceId', aggregation: 'Maximum', splitBy: ['EndpointName'] });
    expect(tm.metricQueriesByEndpoint()).toMatchObject({ name: 'QpsByEndpoint', aggregation: 'Total' });
  });

  test('every prop Terraform can take as an expression synthesizes with a variable (no -8.1e+298)', () => {
    // GIVEN variables for every such prop
    const stack = newStack();
    const v = (id: string, type: string) => new TerraformVariable(stack, id, { type });
    const tm = new CrossCloudTrafficManager(stack, 'Tm', {
      resourceGroupName: v('rg', 'string').stringValue,
      name: v('name', 'string').stringValue,
      ttlSeconds: v('ttl', 'number').numberValue,
      probePort: v('port', 'number').numberValue,
      probePath: v('path', 'string').stringValue,
      probeIntervalSeconds: v('interval', 'number').numberValue,
      probeTimeoutSeconds: v('timeout', 'number').numberValue,
      probeToleratedFailures: v('failures', 'number').numberValue,
      expectedStatusCodeRanges: v('codes', 'list(string)').listValue,
      customDomain: v('domain', 'string').stringValue,
      routingMethod: TrafficRoutingMethod.WEIGHTED,
    });
    // WHEN endpoints take expressions too
    tm.addExternalEndpoint('Hub', { target: v('target', 'string').stringValue, weight: v('weight', 'number').numberValue, name: v('ep_name', 'string').stringValue });
    tm.addAzureEndpoint('Azure', { targetResourceId: v('app', 'string').stringValue });
    // THEN it synthesizes with the expressions in place, and the runbook prints no raw token
    const json = synthJson(stack);
    expect(JSON.stringify(json)).not.toMatch(/e\+298/);
    const profile = onlyResource(json, 'azurerm_traffic_manager_profile');
    expect(profile).toMatchObject({ name: '${var.name}', resource_group_name: '${var.rg}', dns_config: { relative_name: '${var.name}', ttl: '${var.ttl}' } });
    expect(profile.monitor_config).toMatchObject({ port: '${var.port}', path: '${var.path}', interval_in_seconds: '${var.interval}', timeout_in_seconds: '${var.timeout}', tolerated_number_of_failures: '${var.failures}' });
    expect(onlyResource(json, 'azurerm_traffic_manager_external_endpoint')).toMatchObject({ target: '${var.target}', weight: '${var.weight}', name: '${var.ep_name}' });
    expect(Runbook.of(stack).render()).not.toMatch(/e\+298|TfToken/);
  });

  test('fails when a prop that decides what is built is an expression (PROP-LITERAL)', () => {
    const stack = newStack();
    const s = new TerraformVariable(stack, 's', { type: 'string' }).stringValue;
    const b = new TerraformVariable(stack, 'b', { type: 'bool' }).booleanValue as unknown as boolean;
    expectValidationError(() => new CrossCloudTrafficManager(stack, 'Tm1', { ...base, routingMethod: s as TrafficRoutingMethod }), 'PROP-LITERAL', 'routingMethod');
    expectValidationError(() => new CrossCloudTrafficManager(stack, 'Tm2', { ...base, probeProtocol: s as ProbeProtocol }), 'PROP-LITERAL', 'probeProtocol');
    expectValidationError(() => new CrossCloudTrafficManager(stack, 'Tm3', { ...base, degradedEndpointAlert: b }), 'PROP-LITERAL', 'degradedEndpointAlert');
    const tm = new CrossCloudTrafficManager(stack, 'Tm4', base);
    expectValidationError(() => tm.addExternalEndpoint('Hub', { target: 'app.contoso.com', statusManagedOutsideTerraform: b }), 'PROP-LITERAL', 'statusManagedOutsideTerraform');
  });

  test('fails with a ValidationError, not a TypeError, on bad input from JavaScript', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', undefined as any), 'PROP-REQUIRED', 'props');
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', {} as any), 'PROP-REQUIRED', 'resourceGroupName');
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', base);
    expectValidationError(() => tm.addExternalEndpoint('Hub', undefined as any), 'PROP-REQUIRED', 'options');
    expectValidationError(() => tm.addAzureEndpoint('Azure', {} as any), 'PROP-REQUIRED', 'targetResourceId');
  });

  test('runbook step 3 matches the routing method: Weighted scales out, Priority fails over', () => {
    const weighted = newStack();
    const w = new CrossCloudTrafficManager(weighted, 'Tm', { ...base, routingMethod: TrafficRoutingMethod.WEIGHTED });
    w.addExternalEndpoint('Hub', { target: 'app.contoso.com' });
    w.addAzureEndpoint('Azure', { targetResourceId: APP_ID, enabled: false, statusManagedOutsideTerraform: true });
    const wText = Runbook.of(weighted).render();
    expect(wText).toContain('Weighted routing splits DNS answers');
    expect(wText).toContain('--name Azure --endpoint-status Enabled    # scale out');
    expect(wText).toContain('never switches it back');
    expect(wText).not.toMatch(/alias record for the apex/);
    const priority = newStack();
    const p = new CrossCloudTrafficManager(priority, 'Tm', base);
    p.addExternalEndpoint('Hub', { target: 'app.contoso.com' });
    p.addAzureEndpoint('Azure', { targetResourceId: APP_ID });
    const pText = Runbook.of(priority).render();
    expect(pText).toContain('Priority routing **fails over**');
    expect(pText).not.toContain('# scale out');
    expect(pText).toContain('the next `terraform apply` switches any endpoint back');
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
    expectValidationError(() => tm.addAzureEndpoint('Azure', { targetResourceId: APP_ID, name: 'a'.repeat(261) }), 'NAME-INVALID', 'name');
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
