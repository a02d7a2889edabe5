import { TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import {
  ActionGroup,
  ArcKubernetes,
  ArcServers,
  FluxScope,
  GatewayDiagnostics,
  HubNetwork,
  HybridMonitoring,
  LogAnalyticsWorkspace,
  MachineType,
  OperatingSystem,
  PerformanceStream,
  VpnGateway,
  VpnGatewaySku,
} from '../../lib';
import { newStack } from '../util';
import { mostly, NUM_RUNS, opt, PropertyRuns, synthChecked } from './property-helpers';

// Property (issue 3): every generated input either synthesizes to JSON that passes the schema
// check, the policy rule pack and the secure defaults, or throws the library's ValidationError.

const runs = new PropertyRuns();
afterAll(() => runs.report('management'));

const WORKSPACE_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const vmId = (n: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${n}`;
const arcId = (n: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/${n}`;
const GUID = '0b0c9b1e-8f5a-4f0e-9c4b-2d7e4f3a1b2c';

/** Sampling around 1-1800 (and 60 for InsightsMetrics). */
const sampling = mostly(opt(fc.constantFrom(1, 15, 60, 300, 1800)), fc.constantFrom(0, 1801, -1, 1.5, 3600), 15);
const severity = mostly(opt(fc.constantFrom(0, 1, 2, 4)), fc.constantFrom(-1, 5, 1.5), 15);
const alert = (min: number, max: number) => opt(fc.record({
  enabled: opt(fc.boolean()),
  severity,
  threshold: mostly(opt(fc.constantFrom(min, max, Math.floor((min + max) / 2))), fc.constantFrom(min - 1, max + 1), 15),
}));

test('HybridMonitoring (props, DCR options, associateMachine, alerts): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      fc.record({
        existingWorkspace: fc.boolean(),
        retention: mostly(opt(fc.constantFrom(30, 31, 90, 730)), fc.constantFrom(29, 731, 0, 30.5), 15),
        sampling,
        vmInsights: opt(fc.boolean()),
        emails: mostly(opt(fc.constant<string[]>(['ops@contoso.com'])), fc.constant<string[]>(['not-an-email']), 15),
        webhooks: mostly(opt(fc.constantFrom<string[]>(['https://hooks.contoso.com/x'], ['TOKEN'])), fc.constantFrom<string[]>(['http://hooks.contoso.com/x'], ['ftp://x']), 15),
        shortName: mostly(opt(fc.constantFrom('o', 'hybridops', 'twelve_chars')), fc.constantFrom('', 'thirteen_char'), 15),
        appInsights: opt(fc.boolean()),
        localAuthDisabled: opt(fc.boolean()),
        testUrl: mostly(opt(fc.constantFrom('https://app.contoso.com/health', 'http://app.contoso.com')), fc.constantFrom('app.contoso.com', 'ftp://x', ''), 15),
        frequency: mostly(opt(fc.constantFrom(300, 600, 900)), fc.constantFrom(0, 60, 301, 1200), 15),
        locations: mostly(opt(fc.constantFrom<string[]>(['emea-nl-ams-azr'], ['emea-nl-ams-azr', 'us-va-ash-azr', 'apac-sg-sin-azr'])), fc.constant([] as string[]), 15),
        heartbeat: alert(1, 1440),
        cpu: alert(1, 100),
        disk: alert(1, 99),
        availability: alert(1, 1),
        dcrs: fc.array(fc.record({
          kind: opt(fc.constantFrom(OperatingSystem.WINDOWS, OperatingSystem.LINUX)),
          name: mostly(opt(fc.constantFrom('dcr-app', 'd'.repeat(64))), fc.constantFrom('dc', 'd'.repeat(65), 'bad name'), 15),
          counters: mostly(opt(fc.constant<string[]>(['\\Processor(_Total)\\% Processor Time'])), fc.constant([] as string[]), 15),
          sampling,
          stream: opt(fc.constantFrom(PerformanceStream.PERF, PerformanceStream.INSIGHTS_METRICS)),
          events: fc.boolean(),
          syslog: fc.boolean(),
          kindClash: mostly(fc.constant(false), fc.constant(true), 15),
        }), { maxLength: 2 }),
        machines: fc.array(fc.record({
          name: mostly(fc.constantFrom('m1', 'm2', 'm3'), fc.constant('m1'), 15),
          id: mostly(fc.constantFrom('vm', 'arc', 'token'), fc.constantFrom('junk', ''), 15),
          os: fc.constantFrom(OperatingSystem.WINDOWS, OperatingSystem.LINUX),
          type: mostly(opt(fc.constantFrom(MachineType.AZURE_VM, MachineType.ARC_SERVER)), fc.constant(undefined)),
          installAgent: opt(fc.boolean()),
        }), { maxLength: 3 }),
      }),
      (p) => {
        // A repeated DCR id would clash with the built-in `Windows`/`Linux`/`VmInsights` rules or with itself: ids are unique here.
        runs.classify('HybridMonitoring', () => {
          const stack = newStack();
          const webhooks = p.webhooks?.[0] === 'TOKEN' ? [new TerraformVariable(stack, 'Hook', { type: 'string', sensitive: true }).stringValue] : p.webhooks;
          const monitoring = new HybridMonitoring(stack, 'Monitoring', {
            resourceGroupName: 'rg',
            location: 'westeurope',
            logAnalyticsWorkspace: p.existingWorkspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
            workspaceRetentionInDays: p.existingWorkspace ? undefined : p.retention,
            performanceSamplingSeconds: p.sampling,
            vmInsights: p.vmInsights,
            alertEmails: p.emails,
            alertWebhooks: webhooks,
            actionGroupShortName: p.shortName,
            applicationInsights: p.appInsights,
            applicationInsightsLocalAuthDisabled: p.localAuthDisabled,
            availabilityTestUrl: p.testUrl,
            availabilityTestFrequencySeconds: p.frequency,
            availabilityTestLocations: p.locations,
            heartbeatAlert: p.heartbeat,
            cpuAlert: p.cpu,
            diskAlert: p.disk,
            availabilityAlert: p.availability,
          });
          p.dcrs.forEach((d, i) => {
            monitoring.addDataCollectionRule(`Custom${i}`, {
              kind: d.kind,
              name: d.name,
              performanceCounters: d.counters,
              samplingFrequencySeconds: d.sampling,
              performanceStream: d.stream,
              // Event logs only on Windows (or any) rules, syslog only on Linux (or any) rules, unless the case breaks MON-DCR-KIND.
              windowsEventXPathQueries: d.events && (d.kindClash || d.kind !== OperatingSystem.LINUX) ? ['System!*[System[(Level=1)]]'] : undefined,
              syslogFacilities: d.syslog && (d.kindClash || d.kind !== OperatingSystem.WINDOWS) ? ['auth'] : undefined,
            });
          });
          p.machines.forEach((m, i) => {
            const machineId = m.id === 'vm' ? vmId(`vm${i}`) : m.id === 'arc' ? arcId(`srv${i}`) : m.id === 'token' ? new TerraformVariable(stack, `MachineId${i}`, { type: 'string' }).stringValue : m.id;
            monitoring.associateMachine(m.name, { machineId, os: m.os, machineType: m.type, installAgent: m.installAgent });
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('GatewayDiagnostics (+ addConnectionMonitor): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('VpnGw2AZ', 'VpnGw1AZ', 'VpnGw3AZ'),
      fc.boolean(),
      opt(fc.boolean()),
      fc.boolean(),
      alert(0, 10),
      alert(0, 10),
      fc.option(fc.record({ enabled: opt(fc.boolean()), severity, threshold: mostly(opt(fc.constantFrom(1, 80, 100)), fc.constantFrom(0, 101, -5)) }), { nil: undefined }),
      fc.array(fc.record({
        id: fc.oneof({ arbitrary: fc.constant(''), weight: 10 }, { arbitrary: fc.constant('Dup'), weight: 1 }),
        // An address source is refused (Connection Monitor tests run from an agent): a bad case.
        source: mostly(fc.constantFrom('arc'), fc.constantFrom('both', 'none', 'badArc', 'address')),
        destination: mostly(fc.constantFrom('vm', 'address'), fc.constantFrom('both', 'none', 'badVm')),
        port: mostly(opt(fc.constantFrom(1, 443, 1433, 65535)), fc.constantFrom(0, 65536, 1.5)),
        frequency: mostly(opt(fc.constantFrom(30, 60, 1800)), fc.constantFrom(29, 1801, 0)),
        name: opt(fc.constantFrom('cm-sql', 'cm.web')),
      }), { maxLength: 3 }),
      (sku, bgp, sendDiagnostics, actionGroup, disconnect, bgpAlert, bandwidth, monitors) => {
        runs.classify('GatewayDiagnostics', () => {
          const stack = newStack();
          const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
          const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID);
          const gateway = new VpnGateway(stack, 'Gateway', { hub, sku: VpnGatewaySku.of(sku), bgpEnabled: bgp, logAnalyticsWorkspace: sendDiagnostics === false ? workspace : undefined });
          const diagnostics = new GatewayDiagnostics(stack, 'Diagnostics', {
            gateway,
            logAnalyticsWorkspace: workspace,
            actionGroup: actionGroup ? ActionGroup.fromActionGroupId(stack, 'Ag', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag') : undefined,
            sendDiagnostics,
            disconnectAlert: disconnect,
            bgpAlert,
            bandwidthAlert: bandwidth,
          });
          monitors.forEach((m, i) => {
            diagnostics.addConnectionMonitor(m.id || `Monitor${i}`, {
              sourceArcMachineId: m.source === 'arc' || m.source === 'both' ? arcId(`srv${i}`) : m.source === 'badArc' ? vmId('x') : undefined,
              sourceAddress: m.source === 'address' || m.source === 'both' ? '192.168.1.10' : undefined,
              destinationVmId: m.destination === 'vm' || m.destination === 'both' ? vmId(`vm${i}`) : m.destination === 'badVm' ? arcId('x') : undefined,
              destinationAddress: m.destination === 'address' || m.destination === 'both' ? '10.1.0.4' : undefined,
              port: m.port,
              testFrequencySeconds: m.frequency,
              name: m.name === undefined ? undefined : `${m.name}${i}`,
            });
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

const BASE64_KEY = Buffer.from('a DER public key of the cluster agent, for the property test').toString('base64');

test('ArcKubernetes (+ addGitOps): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      mostly(fc.constantFrom('existing', 'key'), fc.constantFrom('both', 'none', 'badId', 'badKey')),
      mostly(opt(fc.constantFrom('c', 'cluster_1', 'k'.repeat(260))), fc.constantFrom('', 'bad name', 'k'.repeat(261))),
      mostly(opt(fc.constant(true)), fc.constant(false)),
      fc.boolean(),
      fc.array(fc.record({
        name: mostly(opt(fc.constantFrom('apps', 'a', 'infra-1', 'a'.repeat(30))), fc.constantFrom('Apps', '-a', 'a-', 'a'.repeat(31), 'apps')),
        source: mostly(fc.constantFrom('git', 'bucket', 'blob'), fc.constantFrom('none', 'gitAndBlob', 'badGit', 'badBucket', 'bucketNoName')),
        interval: mostly(opt(fc.constantFrom(1, 600, 35791394)), fc.constantFrom(0, 35791395, 1.5)),
        kustomizations: opt(fc.dictionary(fc.constantFrom('infra', 'apps'), fc.record({
          path: fc.constantFrom('./', './apps'),
          dependsOn: opt(fc.constant<string[]>(['infra'])),
          syncIntervalSeconds: mostly(opt(fc.constantFrom(1, 600)), fc.constantFrom(0, 35791395)),
          prune: opt(fc.boolean()),
        }), { minKeys: 1, maxKeys: 2 })),
        scope: opt(fc.constantFrom(FluxScope.CLUSTER, FluxScope.NAMESPACE)),
        localAuthReference: opt(fc.constant('git-credentials')),
      }), { maxLength: 3 }),
      (source, clusterName, flux, workspace, configs) => {
        runs.classify('ArcKubernetes', () => {
          const stack = newStack();
          const existingClusterId = source === 'existing' || source === 'both' ? '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/k8s'
            : source === 'badId' ? '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' : undefined;
          const agentPublicKeyCertificate = source === 'key' || source === 'both' ? BASE64_KEY : source === 'badKey' ? 'not base64!' : undefined;
          const cluster = new ArcKubernetes(stack, 'Arc', {
            resourceGroupName: 'rg',
            location: 'westeurope',
            existingClusterId,
            agentPublicKeyCertificate,
            clusterName,
            flux,
            logAnalyticsWorkspace: workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
          });
          configs.forEach((c, i) => {
            cluster.addGitOps(`Config${i}`, {
              name: c.name,
              gitUrl: c.source === 'git' || c.source === 'gitAndBlob' ? 'https://github.com/contoso/gitops' : c.source === 'badGit' ? 'github.com/contoso/gitops' : undefined,
              bucketUrl: c.source === 'bucket' || c.source === 'bucketNoName' ? 'https://s3.contoso.com' : c.source === 'badBucket' ? 's3://bucket' : undefined,
              bucketName: c.source === 'bucket' || c.source === 'badBucket' ? 'manifests' : undefined,
              blobContainerId: c.source === 'blob' || c.source === 'gitAndBlob' ? '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default/containers/flux' : undefined,
              syncIntervalSeconds: c.interval,
              kustomizations: c.kustomizations,
              scope: c.scope,
              localAuthReference: c.localAuthReference,
            });
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('ArcServers (+ machines through HybridMonitoring): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      mostly(opt(fc.constantFrom(GUID, GUID.toUpperCase())), fc.constantFrom('not-a-guid', '', `${GUID}x`)),
      opt(fc.boolean()),
      mostly(opt(fc.constantFrom('pls-arc', 'p'.repeat(64))), fc.constantFrom('p'.repeat(65), 'bad name')),
      mostly(fc.constant(true), fc.constant(false)),
      fc.dictionary(
        mostly(fc.constantFrom('srv1', 'srv2', 'srv3'), fc.constantFrom('srv 4')),
        fc.record({ id: mostly(fc.constant('arc'), fc.constantFrom('vm', 'junk')), os: fc.constantFrom(OperatingSystem.WINDOWS, OperatingSystem.LINUX), location: opt(fc.constant('northeurope')) }),
        { maxKeys: 3 },
      ),
      (principal, privateLinkScope, scopeName, withMonitoring, machines) => {
        runs.classify('ArcServers', () => {
          const stack = newStack();
          const monitoring = withMonitoring ? new HybridMonitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'westeurope' }) : undefined;
          const entries = Object.entries(machines).map(([name, m], i) => [name, {
            machineId: m.id === 'arc' ? arcId(`srv${i}`) : m.id === 'vm' ? vmId(`vm${i}`) : 'junk',
            os: m.os,
            location: m.location,
          }] as const);
          new ArcServers(stack, 'Arc', {
            resourceGroupName: 'rg',
            resourceGroupId: '/subscriptions/0/resourceGroups/rg',
            location: 'westeurope',
            onboardingPrincipalId: principal,
            privateLinkScope,
            privateLinkScopeName: scopeName,
            monitoring,
            machines: Object.fromEntries(entries),
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
