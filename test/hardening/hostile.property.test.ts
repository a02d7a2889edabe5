import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  AppServiceHybridConnection,
  ArcKubernetes,
  AzureProvider,
  CrossCloudTrafficManager,
  FileSync,
  GatewayDiagnostics,
  HubNetwork,
  HybridConnectionTarget,
  HybridFileShare,
  HybridMonitoring,
  LogAnalyticsWorkspace,
  OperatingSystem,
  RecoveryServicesVault,
  TestFailoverNetwork,
  VpnGateway,
} from '../../lib';
import { NUM_RUNS, PropertyRuns, synthChecked } from '../property/property-helpers';

// Property (fuzz review 4, 6, 10, 11, 13): type-correct random input that includes empty,
// reserved (`__proto__`, `constructor`, `Resource`) and colliding names, NaN, Infinity and
// Terraform tokens either synthesizes to checked JSON (schema, rule pack, no literal secret,
// secret outputs sensitive) or throws the library's ValidationError. Never a TypeError, a
// constructs "already a Construct" error or a hang. One property per construct of the areas.

const runs = new PropertyRuns();
afterAll(() => runs.report('hardening'));

const GUID = '0b0c9b1e-8f5a-4f0e-9c4b-2d7e4f3a1b2c';
const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';
const VM = (n: number) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm${n}`;
const VNET_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';

/** Names that broke the library before: empty, reserved, prefixes of derived ids, look-alikes. */
const hostileName = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'aCloudEndpoint', 'Paris', 'paris', 'web', 'sql-1', 'TOKEN'), weight: 5 },
  { arbitrary: fc.constantFrom('', ' ', '__proto__', 'constructor', 'toString', 'Resource', 'Policyvm-daily', 'x/y', 'A'.repeat(201)), weight: 1 },
);
/** Numbers that became null or garbage: NaN, infinities, negatives, fractions, huge, a token (or none: the default). */
const hostileNumber = fc.option(fc.constantFrom<number | 'TOKEN'>(NaN, Infinity, -Infinity, -1, 0, 0.5, 1.5, 5, 30, 80, 100, 1e308, 'TOKEN'), { nil: undefined, freq: 2 });
/** Construct ids the test program gives at stack level (constructs itself refuses `__proto__` there: not the library's). */
const accountId = fc.constantFrom('Files-1', 'Files1', 'Files', 'files', 'Files_1');

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzureProvider(stack, 'azurerm');
  return stack;
}

let counter = 0;
/** 'TOKEN' becomes a fresh Terraform variable of the stack (string or number). */
function str(stack: TerraformStack, v: string): string {
  return v === 'TOKEN' ? new TerraformVariable(stack, `s${counter++}`, { type: 'string' }).stringValue : v;
}
function num(stack: TerraformStack, v: number | 'TOKEN' | undefined): number | undefined {
  return v === 'TOKEN' ? new TerraformVariable(stack, `n${counter++}`, { type: 'number' }).numberValue : v;
}

function hub(stack: TerraformStack): HubNetwork {
  const h = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  h.addSubnet('privatelink');
  return h;
}

test('HybridFileShare + FileSync with hostile ids, group names, link names and numbers', () => {
  fc.assert(
    fc.property(
      fc.array(accountId, { minLength: 1, maxLength: 3 }),
      fc.array(hostileName, { minLength: 1, maxLength: 3 }),
      fc.option(fc.constantFrom('Hub', 'hub', 'spoke', 'a b', 'a-b', ''), { nil: undefined, freq: 2 }),
      hostileNumber,
      (accountIds, groups, link, percent) => {
        runs.classify('FileSync', () => {
          const stack = newStack();
          const h = hub(stack);
          const accounts = accountIds.map((id, i) => {
            const f = new HybridFileShare(stack, accountIds.indexOf(id) === i ? id : `${id}x${i}`, { hub: h, privateEndpointSubnetId: h.subnetId('privatelink')!, linkVirtualNetworks: link === undefined ? undefined : { [link]: VNET_ID } });
            f.addShare('data');
            return f;
          });
          const sync = new FileSync(stack, 'Sync', { hub: h, storageSyncPrincipalId: GUID, privateEndpointSubnetId: h.subnetId('privatelink')! });
          groups.forEach((g, i) => {
            sync.addSyncGroup(str(stack, g), { fileShare: accounts[i % accounts.length], shareName: 'data' });
            sync.addServerEndpoint(g, str(stack, g), { registeredServerId: `/subscriptions/0/resourceGroups/rg/providers/Microsoft.StorageSync/storageSyncServices/s/registeredServers/${GUID.slice(0, -1)}${i}`, serverLocalPath: 'D:\\Shares\\' + 'a'.repeat(30) + (i % 3 === 2 ? '/' : ''), volumeFreeSpacePercent: num(stack, percent) });
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('RecoveryServicesVault with hostile item ids, policy names and retention', () => {
  fc.assert(
    fc.property(fc.array(hostileName, { minLength: 1, maxLength: 4 }), fc.option(hostileName, { nil: undefined }), hostileNumber, (vmIds, policyName, retention) => {
      runs.classify('RecoveryServicesVault', () => {
        const stack = newStack();
        const vault = new RecoveryServicesVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'westeurope', publicNetworkAccessEnabled: true });
        const policy = policyName === undefined ? undefined : vault.addVmPolicy(str(stack, policyName), { dailyRetention: num(stack, retention) });
        vmIds.forEach((id, i) => vault.protectVm(str(stack, id), { vmId: VM(i), policy }));
        synthChecked(stack);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('HybridMonitoring (+ associateMachine, LogAnalyticsWorkspace) with hostile names, thresholds, quotas and webhooks', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ name: hostileName, machine: fc.integer({ min: 0, max: 2 }) }), { maxLength: 3 }),
      hostileNumber,
      hostileNumber,
      hostileNumber,
      fc.constantFrom('https://hooks.example.com/x', 'https://x.logic.azure.com/invoke?sig=SECRET', 'TOKEN', 'http://x'),
      (machines, heartbeat, cpu, quota, webhook) => {
        runs.classify('HybridMonitoring', () => {
          const stack = newStack();
          const ws = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope', dailyQuotaGb: num(stack, quota) });
          const mon = new HybridMonitoring(stack, 'Mon', {
            resourceGroupName: 'rg',
            location: 'westeurope',
            logAnalyticsWorkspace: ws,
            heartbeatAlert: { threshold: num(stack, heartbeat) },
            cpuAlert: { threshold: num(stack, cpu) },
            alertWebhooks: [str(stack, webhook)],
          });
          for (const m of machines) mon.associateMachine(str(stack, m.name), { machineId: VM(m.machine), os: OperatingSystem.LINUX });
          const json = synthChecked(stack);
          expect(JSON.stringify(json)).not.toMatch(/SECRET|NaN|e\+30\d/);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('GatewayDiagnostics with hostile thresholds and connection monitor ids', () => {
  fc.assert(
    fc.property(hostileNumber, fc.array(hostileName, { maxLength: 3 }), fc.constantFrom('192.168.1.5', '', 'app01.contoso.com', '🔥'), (bandwidth, monitors, address) => {
      runs.classify('GatewayDiagnostics', () => {
        const stack = newStack();
        const h = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
        const ws = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
        const diag = new GatewayDiagnostics(stack, 'Gd', { gateway: new VpnGateway(stack, 'Gw', { hub: h }), logAnalyticsWorkspace: ws, bandwidthAlert: { threshold: num(stack, bandwidth) } });
        for (const id of monitors) diag.addConnectionMonitor(str(stack, id), { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1', destinationAddress: address });
        const json = synthChecked(stack);
        expect(JSON.stringify(json)).not.toMatch(/NaN|e\+30\d/);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('CrossCloudTrafficManager with hostile endpoint ids, names and numbers', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ id: hostileName, name: fc.option(hostileName, { nil: undefined }), priority: fc.option(hostileNumber, { nil: undefined }) }), { minLength: 1, maxLength: 4 }), hostileNumber, (endpoints, ttl) => {
      runs.classify('CrossCloudTrafficManager', () => {
        const stack = newStack();
        const tm = new CrossCloudTrafficManager(stack, 'Tm', { resourceGroupName: 'rg', ttlSeconds: num(stack, ttl) });
        endpoints.forEach((e, i) => tm.addExternalEndpoint(str(stack, e.id), { target: `e${i}.contoso.com`, name: e.name === undefined ? undefined : str(stack, e.name), priority: e.priority === undefined ? undefined : num(stack, e.priority) }));
        synthChecked(stack);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('AppServiceHybridConnection with hostile endpoint ids and ports, and secret outputs through locals', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ id: hostileName, port: hostileNumber }), { minLength: 1, maxLength: 3 }), hostileNumber, (endpoints, others) => {
      runs.classify('AppServiceHybridConnection', () => {
        const stack = newStack();
        const hc = new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID), otherConnectionsOnPlan: num(stack, others) });
        endpoints.forEach((e) => hc.addEndpoint(str(stack, e.id), { host: 'sql01.corp.contoso.com', port: num(stack, e.port) as number }));
        synthChecked(stack);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('ArcKubernetes.addGitOps with hostile ids and kustomization names', () => {
  fc.assert(
    fc.property(fc.array(hostileName, { minLength: 1, maxLength: 3 }), fc.option(fc.constantFrom('apps', '', 'Bad Name', '__proto__', 'infra'), { nil: undefined }), hostileNumber, (ids, kustomization, interval) => {
      runs.classify('ArcKubernetes', () => {
        const stack = newStack();
        const k8s = new ArcKubernetes(stack, 'K8s', { resourceGroupName: 'rg', location: 'westeurope', existingClusterId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c' });
        ids.forEach((id, i) => k8s.addGitOps(str(stack, id), { name: `cfg${i}`, gitUrl: 'https://github.com/org/repo', syncIntervalSeconds: num(stack, interval), kustomizations: kustomization === undefined ? undefined : JSON.parse(`{ ${JSON.stringify(kustomization)}: { "path": "./" } }`) }));
        synthChecked(stack);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('TestFailoverNetwork with hostile subnet names and overlapping prefixes', () => {
  fc.assert(
    fc.property(fc.dictionary(hostileName, fc.constantFrom('10.255.0.0/24', '10.255.0.128/25', '10.255.1.0/24', '10.0.0.0/24', 'TOKEN'), { maxKeys: 3 }), (subnets) => {
      runs.classify('TestFailoverNetwork', () => {
        const stack = newStack();
        new TestFailoverNetwork(stack, 'Tfn', { resourceGroupName: 'rg', location: 'westeurope', subnets: Object.fromEntries(Object.entries(subnets).map(([k, v]) => [k, str(stack, v)])) });
        synthChecked(stack);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});
