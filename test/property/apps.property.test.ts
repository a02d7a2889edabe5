import * as fc from 'fast-check';
import { ActionGroup, AppServiceHybridConnection, AppServicePlanTier, CrossCloudTrafficManager, HybridConnectionTarget, LogAnalyticsWorkspace, ProbeProtocol, TrafficRoutingMethod } from '../../lib';
import { newStack } from '../util';
import { mostly, NUM_RUNS, opt, PropertyRuns, synthChecked } from './property-helpers';

// Property (issue 3): every generated input either synthesizes to JSON that passes the schema
// check, the policy rule pack and the secure defaults (relay keys only in sensitive outputs), or
// throws the library's ValidationError.

const runs = new PropertyRuns();
afterAll(() => runs.report('apps'));
const m = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> => mostly(good, bad, 12);

const WORKSPACE_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';

test('CrossCloudTrafficManager (+ endpoints, every routing method): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      fc.record({
        routing: opt(fc.constantFrom(...Object.values(TrafficRoutingMethod))),
        name: m(opt(fc.constantFrom('traf-app', 't', 't'.repeat(63))), fc.constantFrom('t'.repeat(64), '-t', 'bad name')),
        relativeName: m(opt(fc.constantFrom('contoso-app', 'r'.repeat(63))), fc.constantFrom('r'.repeat(64), 'a.b', '-x')),
        ttl: m(opt(fc.constantFrom(0, 30, 2147483647)), fc.constantFrom(-1, 2147483648, 1.5)),
        maxReturn: m(fc.constantFrom('auto', 'none'), fc.constantFrom('0', '9', 'wrongMethod')),
        protocol: opt(fc.constantFrom(...Object.values(ProbeProtocol))),
        port: m(opt(fc.constantFrom(1, 443, 65535)), fc.constantFrom(0, 65536)),
        path: m(opt(fc.constantFrom('/health', '/')), fc.constantFrom('health', '')),
        interval: m(opt(fc.constantFrom(10, 30)), fc.constantFrom(5, 20, 60)),
        timeout: m(opt(fc.constantFrom(5, 9)), fc.constantFrom(4, 10, 11)),
        failures: m(opt(fc.constantFrom(0, 3, 9)), fc.constantFrom(-1, 10)),
        workspace: fc.boolean(),
        alert: opt(fc.boolean()),
        actionGroup: fc.boolean(),
        endpoints: fc.array(fc.record({
          kind: m(fc.constantFrom('external', 'azure'), fc.constant('azure')),
          target: m(fc.constantFrom('app.local.azurestack.external', 'www.contoso.com', '203.0.113.10', '2001:db8::1'), fc.constantFrom('https://app.contoso.com', 'app', 'app.contoso.com:443', '')),
          location: m(opt(fc.constantFrom('westeurope')), fc.constant('')),
          priority: m(opt(fc.constantFrom(1, 2, 1000)), fc.constantFrom(0, 1001, 1)),
          weight: m(opt(fc.constantFrom(1, 500, 1000)), fc.constantFrom(0, 1001)),
          enabled: opt(fc.boolean()),
          outside: opt(fc.boolean()),
          name: m(opt(fc.constantFrom('onprem', 'azure', 'on-prem.a_1')), fc.constantFrom('on/prem', 'x.', 'a?b')),
          sameName: m(fc.constant(false), fc.constant(true)),
        }), { maxLength: 3 }),
      }),
      (p) => {
        const routing = p.routing ?? TrafficRoutingMethod.PRIORITY;
        // Performance routing wants a location on external endpoints, MultiValue IP targets: keep most cases consistent.
        const endpoints = p.endpoints.map((e) => ({ ...e, location: e.location ?? (routing === TrafficRoutingMethod.PERFORMANCE ? 'westeurope' : undefined) }));
        const maxReturn = p.maxReturn === 'auto' ? (routing === TrafficRoutingMethod.MULTI_VALUE ? 2 : undefined)
          : p.maxReturn === 'none' ? undefined : p.maxReturn === 'wrongMethod' ? (routing === TrafficRoutingMethod.MULTI_VALUE ? undefined : 2) : Number(p.maxReturn);
        // Two endpoints with one name (the construct id here) are refused (NAME-DUPLICATE for the id,
        // APP-TM-ENDPOINT-DUPLICATE for the name).
        const names = endpoints.map((e, i) => (e.name === undefined ? undefined : e.sameName ? e.name : `${e.name}${i}`));
        const ids = endpoints.map((_e, i) => names[i] ?? `Endpoint${i}`);
        runs.classify('CrossCloudTrafficManager', () => {
          const stack = newStack();
          const tm = new CrossCloudTrafficManager(stack, 'Tm', {
            resourceGroupName: 'rg',
            name: p.name,
            relativeName: p.relativeName,
            routingMethod: p.routing,
            ttlSeconds: p.ttl,
            maxReturn,
            probeProtocol: p.protocol,
            probePort: p.port,
            probePath: p.protocol === ProbeProtocol.TCP && p.path === '/health' ? undefined : p.path,
            probeIntervalSeconds: p.interval,
            probeTimeoutSeconds: p.timeout,
            probeToleratedFailures: p.failures,
            logAnalyticsWorkspace: p.workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
            degradedEndpointAlert: p.alert,
            actionGroup: p.actionGroup ? ActionGroup.fromActionGroupId(stack, 'Ag', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag') : undefined,
          });
          endpoints.forEach((e, i) => {
            const common = { name: names[i], priority: e.priority, weight: e.weight, enabled: e.enabled, statusManagedOutsideTerraform: e.outside };
            if (e.kind === 'external') tm.addExternalEndpoint(ids[i], { ...common, target: e.target, endpointLocation: e.location });
            else tm.addAzureEndpoint(ids[i], { ...common, targetResourceId: APP_ID });
          });
          const json = synthChecked(stack);
          // Under Priority routing every endpoint ends up with a distinct priority in 1-1000.
          if (routing === TrafficRoutingMethod.PRIORITY) {
            const priorities = [
              ...Object.values<any>(json.resource.azurerm_traffic_manager_external_endpoint ?? {}),
              ...Object.values<any>(json.resource.azurerm_traffic_manager_azure_endpoint ?? {}),
            ].map((e) => e.priority);
            expect(new Set(priorities).size).toBe(priorities.length);
            for (const pr of priorities) expect(pr >= 1 && pr <= 1000).toBe(true);
          }
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('AppServiceHybridConnection (+ endpoints, every plan tier): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      m(fc.constantFrom('web', 'function'), fc.constantFrom('none', 'notASite')),
      m(opt(fc.constantFrom('relay-app', 'r'.repeat(6), 'r'.repeat(50))), fc.constantFrom('r'.repeat(5), 'r'.repeat(51), '1relay', 'relay-')),
      opt(fc.constantFrom(...Object.values(AppServicePlanTier))),
      m(opt(fc.constantFrom(0, 3, 4, 24)), fc.constantFrom(-1, 1.5)),
      fc.boolean(),
      fc.array(fc.record({
        host: m(fc.constantFrom('sql01.corp.contoso.com', 'fileserver', 'h'.repeat(63)), fc.constantFrom('10.1.0.4', '::1', 'localhost', 'db.localhost', 'sql01:1433', 'https://sql01', 'h'.repeat(64))),
        port: m(fc.constantFrom(1, 443, 1433, 65535), fc.constantFrom(0, 65536, 1.5)),
        name: m(opt(fc.constantFrom('hc-sql', 'hc.files', 'hc_1')), fc.constantFrom('bad name!', '-hc', 'hc/x')),
        // Ids that snake_case to one output name, or repeat (refused: NAME-DUPLICATE).
        id: m(fc.constantFrom('index', 'Sql-1', 'Sql_1', 'Sql.1'), fc.constant('Sql-1')),
        sameName: m(fc.constant(false), fc.constant(true)),
      }), { maxLength: 3 }),
      (target, namespaceName, tier, others, workspace, endpoints) => {
        runs.classify('AppServiceHybridConnection', () => {
          const stack = newStack();
          const hc = new AppServiceHybridConnection(stack, 'Hc', {
            resourceGroupName: 'rg',
            location: 'westeurope',
            app: (target === 'web' ? HybridConnectionTarget.webApp(APP_ID) : target === 'function' ? HybridConnectionTarget.functionApp(`${APP_ID}-func`) : target === 'notASite' ? HybridConnectionTarget.webApp('/subscriptions/0/app') : undefined) as HybridConnectionTarget,
            namespaceName,
            planTier: tier,
            otherConnectionsOnPlan: others,
            logAnalyticsWorkspace: workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
          });
          endpoints.forEach((e, i) => hc.addEndpoint(e.id === 'index' ? `Endpoint${i}` : e.id, { host: e.host, port: e.port, name: e.name === undefined || e.sameName ? e.name : `${e.name}${i}` }));
          const json = synthChecked(stack);
          // One listener connection string output per endpoint, even when ids snake_case alike.
          expect(Object.values<any>(json.output ?? {}).filter((o) => /primary_connection_string/.test(JSON.stringify(o.value)))).toHaveLength(endpoints.length);
          for (const connection of Object.values<any>(json.resource.azurerm_relay_hybrid_connection ?? {})) expect(connection.requires_client_authorization).toBe(true);
          for (const rule of Object.values<any>(json.resource.azurerm_relay_hybrid_connection_authorization_rule ?? {})) expect(rule.manage).toBe(false);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
