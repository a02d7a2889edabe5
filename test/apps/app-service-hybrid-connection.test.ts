import { TerraformOutput, Testing } from 'cdktf';
import { AppServiceHybridConnectionStack } from '../../examples/app-service-hybrid-connection';
import { TerraformVariable } from 'cdktf';
import { ActionGroup, AppServiceHybridConnection, AppServicePlanTier, HybridChecks, HybridConnectionTarget, LogAnalyticsWorkspace } from '../../lib';
import { Runbook } from '../../lib/core/outputs';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';

const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';
const FN_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/fn';
const base = { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID) };
const SECRET_ATTRIBUTE = /\.(primary|secondary)_(key|connection_string)|\.send_key_value/;

describe('AppServiceHybridConnection', () => {
  test('example synthesizes (snapshot), and no key appears unmasked', () => {
    const stack = new AppServiceHybridConnectionStack(Testing.app(), 'app-service-hybrid-connection');
    const synthesized = Testing.synth(stack, true);
    expect(synthesized).toMatchSnapshot();
    expect(Runbook.of(stack).render()).toMatchSnapshot();
    const json = JSON.parse(synthesized);
    // Every output that references a key or connection string is sensitive...
    const outputs = Object.entries(json.output as Record<string, { value: string; sensitive?: boolean }>);
    const secretOutputs = outputs.filter(([, o]) => SECRET_ATTRIBUTE.test(JSON.stringify(o.value)));
    expect(secretOutputs).toHaveLength(2);
    for (const [, o] of secretOutputs) expect(o.sensitive).toBe(true);
    // ...and no key material is a literal anywhere.
    expect(synthesized).not.toMatch(/SharedAccessKey=|"primary_key"|"send_key_value"/);
  });

  test('one hybrid connection per host:port, client authorization on, metadata built, connection-scoped rules and binding', () => {
    // GIVEN
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', { ...base, planTier: AppServicePlanTier.STANDARD });
    // WHEN
    const sql = hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_relay_namespace')).toMatchObject({ sku_name: 'Standard', location: 'westeurope', name: expect.stringMatching(/^relay-hc-[0-9a-f]{8}$/) });
    const connection = onlyResource(json, 'azurerm_relay_hybrid_connection');
    expect(connection.requires_client_authorization).toBe(true);
    expect(JSON.parse(connection.user_metadata)).toEqual([{ key: 'endpoint', value: 'sql01.corp.contoso.com:1433' }]);
    const rules = resourcesOf(json, 'azurerm_relay_hybrid_connection_authorization_rule');
    expect(rules.map((r) => [r.name, r.listen, r.send, r.manage]).sort()).toEqual([
      ['listener', true, false, false],
      ['sender', false, true, false],
    ]);
    for (const r of rules) expect(r.hybrid_connection_name).toMatch(/azurerm_relay_hybrid_connection\..*\.name/);
    const binding = onlyResource(json, 'azurerm_web_app_hybrid_connection');
    expect(binding).toMatchObject({ web_app_id: APP_ID, hostname: 'sql01.corp.contoso.com', port: 1433 });
    expect(binding.send_key_name).toMatch(/azurerm_relay_hybrid_connection_authorization_rule\..*SenderRule.*\.name/);
    expect(binding.relay_id).toMatch(/azurerm_relay_hybrid_connection\..*\.id/);
    expect(json.output[sql.listenerConnectionStringOutputName]).toMatchObject({ sensitive: true, value: expect.stringMatching(/ListenerRule.*\.primary_connection_string/) });
    expect(resourcesOf(json, 'azurerm_function_app_hybrid_connection')).toHaveLength(0);
  });

  test('binds a function app by id', () => {
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.functionApp(FN_ID), namespaceName: 'relay-contoso' });
    hc.addEndpoint('Api', { host: 'api.corp.contoso.com', port: 8080 });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_function_app_hybrid_connection')).toMatchObject({ function_app_id: FN_ID, port: 8080 });
    expect(resourcesOf(json, 'azurerm_web_app_hybrid_connection')).toHaveLength(0);
    expect(onlyResource(json, 'azurerm_relay_namespace').name).toBe('relay-contoso');
  });

  test('fails when the host is an IP address, localhost or carries a port', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    expectValidationError(() => hc.addEndpoint('Ip', { host: '10.0.0.5', port: 1433 }), 'APP-HC-HOST', 'host', '10.0.0.5');
    expectValidationError(() => hc.addEndpoint('Local', { host: 'localhost', port: 1433 }), 'APP-HC-HOST', 'host', 'localhost');
    expectValidationError(() => hc.addEndpoint('Port', { host: 'sql01:1433', port: 1433 }), 'APP-HC-HOST', 'host', 'sql01:1433');
  });

  test('fails when the port is out of range', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 0 }), 'APP-HC-PORT', 'port', 0);
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 65536 }), 'APP-HC-PORT', 'port', 65536);
  });

  test('fails when the same host:port is added twice', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    expectValidationError(() => hc.addEndpoint('Sql2', { host: 'SQL01.corp.contoso.com', port: 1433 }), 'APP-HC-ENDPOINT-DUPLICATE', 'host', 'SQL01.corp.contoso.com:1433');
  });

  test('fails when the relay namespace name is not 6-50 characters', () => {
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, namespaceName: 'relay' }), 'NAME-INVALID', 'namespaceName', 'relay');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, namespaceName: 'r'.repeat(51) }), 'NAME-INVALID', 'namespaceName', 'r'.repeat(51));
  });

  test('fails when no app is given, the app id is not a Microsoft.Web/sites id, or the old props are used', () => {
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { resourceGroupName: 'rg', location: 'westeurope' } as any), 'PROP-REQUIRED', 'app');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, app: HybridConnectionTarget.functionApp('/fn/id') }), 'APP-HC-APP-TARGET', 'app', '/fn/id');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { resourceGroupName: 'rg', location: 'westeurope', webAppId: APP_ID } as any), 'APP-HC-APP-TARGET', 'app');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, app: 'app' } as any), 'PROP-TYPE', 'app');
  });

  test('fails on Free, Shared and Consumption plans', () => {
    for (const tier of [AppServicePlanTier.FREE, AppServicePlanTier.SHARED, AppServicePlanTier.CONSUMPTION]) {
      expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, planTier: tier }), 'APP-HC-PLAN-TIER', 'planTier', tier);
    }
  });

  test('fails past the plan limit (Basic 5 per plan, counting other apps)', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', { ...base, planTier: AppServicePlanTier.BASIC, otherConnectionsOnPlan: 3 });
    hc.addEndpoint('A', { host: 'a.corp.contoso.com', port: 1 });
    hc.addEndpoint('B', { host: 'b.corp.contoso.com', port: 1 });
    expectValidationError(() => hc.addEndpoint('C', { host: 'c.corp.contoso.com', port: 1 }), 'APP-HC-PLAN-LIMIT', 'planTier', 'Basic');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, otherConnectionsOnPlan: -1 }), 'APP-HC-PLAN-LIMIT', 'otherConnectionsOnPlan', -1);
  });

  test('fails at synth when an output carrying the listener key is not sensitive', () => {
    // GIVEN
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', base);
    const sql = hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    expect(annotationsAfterSynth(stack).filter(([level]) => level === 'error')).toEqual([]);
    // WHEN: someone exposes a key in a plain output
    new TerraformOutput(stack, 'Leak', { value: sql.listenerRule.primaryKey });
    // THEN
    const errors = annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , m]) => m);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('[APP-HC-SECRET-OUTPUT]');
    expect(errors[0]).toContain('`Leak`');
  });
});

describe('AppServiceHybridConnection endpoint ids, names and outputs', () => {
  test('fails when an endpoint id is repeated', () => {
    // GIVEN an endpoint Sql
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    // WHEN / THEN another host under the same id
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql02.corp.contoso.com', port: 1433 }), 'NAME-DUPLICATE', 'id', 'Sql');
  });

  test('fails when the relay hybrid connection name breaks Azure rules', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433, name: 'bad name!' }), 'NAME-INVALID', 'name', 'bad name!');
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433, name: '-hc' }), 'NAME-INVALID', 'name', '-hc');
    expectValidationError(() => hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433, name: 'h'.repeat(261) }), 'NAME-INVALID', 'name');
  });

  test('fails when two endpoints ask for one hybrid connection name', () => {
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433, name: 'hc-sql' });
    expectValidationError(() => hc.addEndpoint('Files', { host: 'files.corp.contoso.com', port: 445, name: 'HC-SQL' }), 'NAME-DUPLICATE', 'name', 'HC-SQL');
  });

  test('ids that snake_case to one output name get distinct, stable output names', () => {
    // GIVEN two endpoints whose ids differ only in a separator
    const build = () => {
      const stack = newStack();
      const hc = new AppServiceHybridConnection(stack, 'Hc', base);
      const a = hc.addEndpoint('Sql-1', { host: 'sql01.corp.contoso.com', port: 1433, name: 'hc.sql_1' });
      const b = hc.addEndpoint('Sql_1', { host: 'sql02.corp.contoso.com', port: 1433 });
      return { stack, a, b };
    };
    const { stack, a, b } = build();
    // THEN the first keeps the plain name, the second gets a hash suffix, the same on every build
    expect(a.listenerConnectionStringOutputName).toBe('hc_sql_1_listener_connection_string');
    expect(b.listenerConnectionStringOutputName).toMatch(/^hc_sql_1_listener_connection_string_[0-9a-f]{8}$/);
    expect(build().b.listenerConnectionStringOutputName).toBe(b.listenerConnectionStringOutputName);
    const outputs = synthJson(stack).output;
    expect(outputs[a.listenerConnectionStringOutputName].sensitive).toBe(true);
    expect(outputs[b.listenerConnectionStringOutputName].sensitive).toBe(true);
  });
});

describe('AppServiceHybridConnection: Foundation v2 contract', () => {
  const WS_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log';
  const AG_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag';

  test('every prop Terraform can take as an expression synthesizes with a variable (no -8.1e+298)', () => {
    // GIVEN variables for every prop that takes an expression
    const stack = newStack();
    const v = (id: string, type: string) => new TerraformVariable(stack, id, { type });
    const hc = new AppServiceHybridConnection(stack, 'Hc', {
      resourceGroupName: v('rg', 'string').stringValue,
      location: v('location', 'string').stringValue,
      app: HybridConnectionTarget.webApp(v('app_id', 'string').stringValue),
      namespaceName: v('namespace', 'string').stringValue,
      planTier: AppServicePlanTier.BASIC,
      otherConnectionsOnPlan: v('others', 'number').numberValue,
      expectedListeners: v('listeners', 'number').numberValue,
    });
    // WHEN endpoints take expressions too
    hc.addEndpoint('Sql', { host: v('host', 'string').stringValue, port: v('port', 'number').numberValue, name: v('hc_name', 'string').stringValue });
    // THEN it synthesizes, with the expressions in place
    const json = synthJson(stack);
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/e\+298/);
    expect(onlyResource(json, 'azurerm_relay_namespace')).toMatchObject({ name: '${var.namespace}', resource_group_name: '${var.rg}', location: '${var.location}' });
    expect(JSON.parse(onlyResource(json, 'azurerm_relay_hybrid_connection').user_metadata)).toEqual([{ key: 'endpoint', value: '${var.host}:${var.port}' }]);
    expect(onlyResource(json, 'azurerm_web_app_hybrid_connection')).toMatchObject({ web_app_id: '${var.app_id}', hostname: '${var.host}', port: '${var.port}' });
    expect(onlyResource(json, 'azurerm_monitor_metric_alert').criteria[0].threshold).toBe('${var.listeners}');
    expect(Runbook.of(stack).render()).not.toMatch(/e\+298|TfToken/);
  });

  test('fails when the listener alert switch is an expression (PROP-LITERAL), or the listener count is out of range', () => {
    const stack = newStack();
    const flag = new TerraformVariable(stack, 'flag', { type: 'bool' });
    expectValidationError(() => new AppServiceHybridConnection(stack, 'Hc', { ...base, listenerAlert: flag.booleanValue as unknown as boolean }), 'PROP-LITERAL', 'listenerAlert');
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, expectedListeners: 0 }), 'APP-HC-LISTENERS', 'expectedListeners', 0);
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', { ...base, otherConnectionsOnPlan: 1.5 }), 'APP-HC-PLAN-LIMIT', 'otherConnectionsOnPlan', 1.5);
  });

  test('fails with a ValidationError, not a TypeError, on bad input from JavaScript', () => {
    expectValidationError(() => new AppServiceHybridConnection(newStack(), 'Hc', undefined as any), 'PROP-REQUIRED', 'props');
    const hc = new AppServiceHybridConnection(newStack(), 'Hc', base);
    expectValidationError(() => hc.addEndpoint('Sql', undefined as any), 'PROP-REQUIRED', 'options');
    expectValidationError(() => hc.addEndpoint('Sql', { host: 42, port: 1433 } as any), 'PROP-TYPE', 'host');
  });

  test('listener alert: ActiveListeners per hybrid connection below two, to the action group', () => {
    const stack = newStack();
    new AppServiceHybridConnection(stack, 'Hc', { ...base, actionGroup: ActionGroup.fromActionGroupId(stack, 'Ag', AG_ID) });
    const alert = onlyResource(synthJson(stack), 'azurerm_monitor_metric_alert');
    expect(alert.criteria).toEqual([
      expect.objectContaining({ metric_namespace: 'Microsoft.Relay/namespaces', metric_name: 'ActiveListeners', aggregation: 'Total', operator: 'LessThan', threshold: 2, dimension: [{ name: 'EntityName', operator: 'Include', values: ['*'] }] }),
    ]);
    expect(alert.action).toEqual([{ action_group_id: AG_ID }]);
    expect(alert.scopes[0]).toMatch(/azurerm_relay_namespace\..*\.id/);
    const off = newStack();
    new AppServiceHybridConnection(off, 'Hc', { ...base, listenerAlert: false });
    expect(resourcesOf(synthJson(off), 'azurerm_monitor_metric_alert')).toHaveLength(0);
  });

  test('warns DIAG-MISSING until sendDiagnosticsTo is called; the warning can be acknowledged or suppressed', () => {
    // GIVEN a namespace without a workspace
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', { ...base, listenerAlert: false });
    expect(warningsAfterSynth(stack).filter((w) => w.includes('[DIAG-MISSING]'))).toHaveLength(1);
    // WHEN diagnostics are sent after construction
    const settings = hc.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', WS_ID));
    // THEN the warning is gone and the setting has the relay's categories
    const fresh = newStack();
    const later = new AppServiceHybridConnection(fresh, 'Hc', { ...base, listenerAlert: false });
    later.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(fresh, 'Ws', WS_ID));
    expect(warningsAfterSynth(fresh).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
    expect(settings).toHaveLength(1);
    const diag = onlyResource(synthJson(fresh), 'azurerm_monitor_diagnostic_setting');
    expect(diag.enabled_log.map((l: any) => l.category).sort()).toEqual(['HybridConnectionsEvent', 'VNetAndIPFilteringLogs']);
    expect(diag.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
    // acknowledge (by the former id) and suppress
    const acked = newStack();
    new AppServiceHybridConnection(acked, 'Hc', { ...base, listenerAlert: false }).acknowledge('APP-DIAGNOSTICS-MISSING', 'relay logs go to the central SIEM');
    expect(warningsAfterSynth(acked).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
    const suppressed = newStack();
    new AppServiceHybridConnection(suppressed, 'Hc', { ...base, listenerAlert: false });
    HybridChecks.suppress(suppressed, [{ id: 'DIAG-MISSING', reason: 'relay logs go to the central SIEM' }]);
    expect(warningsAfterSynth(suppressed).filter((w) => w.includes('DIAG-MISSING'))).toEqual([]);
  });

  test('a private endpoint on the namespace: sub-resource namespace, zone privatelink.servicebus.windows.net', () => {
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', base);
    hc.addPrivateEndpoint('Pe', { subnetId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe', linkVirtualNetworkIds: { hub: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub' } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_private_endpoint').private_service_connection[0] ?? onlyResource(json, 'azurerm_private_endpoint').private_service_connection).toMatchObject({ subresource_names: ['namespace'] });
    expect(onlyResource(json, 'azurerm_private_dns_zone').name).toBe('privatelink.servicebus.windows.net');
  });
});
