import { TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AppServiceHybridConnection,
  ArcKubernetes,
  ArcServers,
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
  ShareAccessLevel,
  SiteRecoveryHyperV,
  SiteRecoveryVmware,
  TestFailoverNetwork,
  TrafficRoutingMethod,
  VpnGateway,
} from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { annotationsAfterSynth, expectValidationError, resourcesOf, synthJson } from '../util';

// One test per ranked defect of the fuzz review (/work/shared/reviews/fuzz-review.md) in storage,
// resiliency, apps, management and core: each names the review's attack ids and asserts the
// fixed behaviour.

const GUID = '0b0c9b1e-8f5a-4f0e-9c4b-2d7e4f3a1b2c';
const SRV_ID = `/subscriptions/0/resourceGroups/rg/providers/Microsoft.StorageSync/storageSyncServices/sss/registeredServers/${GUID}`;
const VM_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1';
const ARC_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1';
const APP_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/app';
const VNET_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzureProvider(stack, 'azurerm');
  return stack;
}

function hubOf(stack: TerraformStack): HubNetwork {
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  hub.addSubnet('privatelink');
  return hub;
}

function files(stack: TerraformStack, hub: HubNetwork, id = 'Files', extra: object = {}): HybridFileShare {
  const f = new HybridFileShare(stack, id, { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, ...extra });
  f.addShare('data');
  return f;
}

function sync(stack: TerraformStack, hub: HubNetwork, extra: object = {}): FileSync {
  return new FileSync(stack, 'Sync', { hub, storageSyncPrincipalId: GUID, privateEndpointSubnetId: hub.subnetId('privatelink')!, ...extra });
}

/** Runs `build`; it must throw the library's ValidationError (never a TypeError or a constructs error). */
function validationErrorOf(build: () => unknown): ValidationError {
  try {
    build();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw new Error(`expected a ValidationError, got ${String(e)}`);
  }
  throw new Error('expected a ValidationError, got none');
}

/** An id or name refused as such: NAME-INVALID, or PROP-TYPE for an empty string (required non-empty string). */
function expectNameRefused(build: () => unknown, prop: string): void {
  const e = validationErrorOf(build);
  expect(e.problems.some((p) => p.prop === prop && ['NAME-INVALID', 'PROP-TYPE'].includes(p.ruleId))).toBe(true);
}

/** Synth-time error annotations (reportAtSynth) of a stack. */
function synthErrors(stack: TerraformStack): string[] {
  return annotationsAfterSynth(stack).filter(([l]) => l === 'error').map(([, , m]) => m);
}

describe('fuzz review 1 (secrets): ashc-secret-output-via-local, alert webhook URL with a signature', () => {
  test('ashc-secret-output-via-local: a relay connection string routed through a TerraformLocal into a non-sensitive output is refused at synth', () => {
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID) });
    const endpoint = hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    const cs = new TerraformLocal(stack, 'cs', endpoint.listenerRule.primaryConnectionString);
    const hop = new TerraformLocal(stack, 'hop', cs.asString);
    new TerraformOutput(stack, 'leak', { value: hop.asString });
    expect(synthErrors(stack).some((m) => m.includes('[APP-HC-SECRET-OUTPUT]') && m.includes('leak'))).toBe(true);
  });

  test('the same output marked sensitive synthesizes', () => {
    const stack = newStack();
    const hc = new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID) });
    const endpoint = hc.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    const cs = new TerraformLocal(stack, 'cs', endpoint.listenerRule.primaryConnectionString);
    new TerraformOutput(stack, 'leak', { value: cs.asString, sensitive: true });
    expect(synthErrors(stack).filter((m) => m.includes('[APP-HC-SECRET-OUTPUT]'))).toEqual([]);
  });

  test('alertWebhooks with a literal signed URL (sig=, code=, user:password) is refused without printing the secret; a variable passes', () => {
    for (const url of ['https://prod-00.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01&sig=SECRETSIG123', 'https://fn.azurewebsites.net/api/alert?code=SECRETSIG123', 'https://user:SECRETSIG123@hooks.example.com/x']) {
      const e = expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertWebhooks: [url] }), 'MON-WEBHOOK-SECRET', 'webhookUrls[0]');
      expect(e.message).not.toContain('SECRETSIG123');
      expect(e.message).toContain(`(literal, ${url.length} characters)`);
    }
    const stack = newStack();
    const hook = new TerraformVariable(stack, 'hook', { type: 'string', sensitive: true });
    new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertWebhooks: [hook.stringValue, 'https://hooks.example.com/plain'] });
    const receivers = resourcesOf(synthJson(stack), 'azurerm_monitor_action_group')[0].webhook_receiver;
    expect(receivers.map((r: any) => r.service_uri)).toEqual(['${var.hook}', 'https://hooks.example.com/plain']);
  });
});

describe('fuzz review 2 (hang): sync-path-redos-*', () => {
  const adversarial = [
    'D:\\Shares\\Finance Departmnt Reports/Q1',
    'D:\\' + 'a'.repeat(26) + '<',
    'D:\\Shares\\' + 'Finance'.repeat(5) + '?',
    'D:\\' + 'a'.repeat(100_000) + '<',
    'D:\\' + 'ab\\'.repeat(30_000) + '|',
    'D:\\' + 'a\\'.repeat(50_000) + '\\\\x',
  ];
  test.each(adversarial.map((p) => [p.length > 60 ? `${p.slice(0, 30)}... (${p.length} characters)` : p, p]))('serverLocalPath %s is refused (SYNC-SERVER-PATH) in well under 2 s', (_label, path) => {
    const stack = newStack();
    const hub = hubOf(stack);
    const f = files(stack, hub);
    const s = sync(stack, hub, { syncGroups: { g: { fileShare: f, shareName: 'data' } } });
    const started = process.hrtime.bigint();
    expectValidationError(() => s.addServerEndpoint('g', 'srv', { registeredServerId: SRV_ID, serverLocalPath: path }), 'SYNC-SERVER-PATH', 'serverLocalPath');
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
  });

  test('valid paths still pass: D:\\Shares\\Finance, D:\\Shares\\Finance\\, E:\\', () => {
    const stack = newStack();
    const hub = hubOf(stack);
    const f = files(stack, hub);
    const s = sync(stack, hub, { syncGroups: { g: { fileShare: f, shareName: 'data' } } });
    ['D:\\Shares\\Finance', 'D:\\Shares\\Finance Reports 2024\\', 'E:\\'].forEach((p, i) => s.addServerEndpoint('g', `srv${i}`, { registeredServerId: SRV_ID.replace(/.$/, String(i)), serverLocalPath: p }));
    expect(resourcesOf(synthJson(stack), 'azurerm_storage_sync_server_endpoint')).toHaveLength(3);
  });
});

describe('fuzz review 4 (derived ids collide)', () => {
  test('sync-group-id-clash: addSyncGroup("a") then "aCloudEndpoint" (and the reverse order) is NAME-DUPLICATE', () => {
    for (const order of [['a', 'aCloudEndpoint'], ['aCloudEndpoint', 'a']]) {
      const stack = newStack();
      const hub = hubOf(stack);
      const f = files(stack, hub);
      f.addShare('data2');
      const s = sync(stack, hub);
      s.addSyncGroup(order[0], { fileShare: f, shareName: 'data' });
      expectValidationError(() => s.addSyncGroup(order[1], { fileShare: f, shareName: 'data2' }), 'NAME-DUPLICATE', 'name', order[1]);
    }
  });

  test('sync-role-key-clash: file shares Files-1 and Files1 in one FileSync get one role assignment each', () => {
    const stack = newStack();
    const hub = hubOf(stack);
    const a = files(stack, hub, 'Files-1');
    const b = files(stack, hub, 'Files1');
    const s = sync(stack, hub);
    s.addSyncGroup('g1', { fileShare: a, shareName: 'data' });
    s.addSyncGroup('g2', { fileShare: b, shareName: 'data' });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_role_assignment').filter((r) => r.role_definition_name === 'Reader and Data Access')).toHaveLength(2);
    expect(resourcesOf(json, 'time_sleep')).toHaveLength(2);
  });

  test('rsv-container-clash: Files-1 and Files1 protected by one vault get one container each', () => {
    const stack = newStack();
    const hub = hubOf(stack);
    const vault = new RecoveryServicesVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'westeurope', publicNetworkAccessEnabled: true });
    vault.protectFileShare('a', { fileShare: files(stack, hub, 'Files-1'), shareName: 'data' });
    vault.protectFileShare('b', { fileShare: files(stack, hub, 'Files1'), shareName: 'data' });
    expect(resourcesOf(synthJson(stack), 'azurerm_backup_container_storage_account')).toHaveLength(2);
  });

  test('rsv-protectVm-id-clash: protectVm("Policyvm-daily") is NAME-DUPLICATE whether or not the default policy exists yet', () => {
    const fresh = new RecoveryServicesVault(newStack(), 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    expectValidationError(() => fresh.protectVm('Policyvm-daily', { vmId: VM_ID }), 'NAME-DUPLICATE', 'id', 'Policyvm-daily');
    const used = new RecoveryServicesVault(newStack(), 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    used.protectVm('web', { vmId: VM_ID });
    expectValidationError(() => used.protectVm('Policyvm-daily', { vmId: VM_ID }), 'NAME-DUPLICATE', 'id', 'Policyvm-daily');
    // and a policy named after a protected item's id
    const third = new RecoveryServicesVault(newStack(), 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    third.protectVm('Policyweekly', { vmId: VM_ID });
    expectValidationError(() => third.addVmPolicy('weekly'), 'NAME-DUPLICATE', 'name', 'weekly');
  });

  test('mon-associate-empty-name, associateMachine("__proto__" | "constructor" | "toString"): NAME-INVALID', () => {
    for (const name of ['', '   ', '__proto__', 'constructor', 'toString']) {
      const mon = new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope' });
      expectNameRefused(() => mon.associateMachine(name, { machineId: VM_ID, os: OperatingSystem.LINUX }), 'name');
    }
  });

  test('arcs-machine-empty-name: ArcServers machines { "": ... } and { __proto__ } are NAME-INVALID', () => {
    for (const name of ['', '__proto__']) {
      const stack = newStack();
      const monitoring = new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope' });
      const machines = JSON.parse(`{ ${JSON.stringify(name)}: { "machineId": ${JSON.stringify(ARC_ID)}, "os": "Linux" } }`);
      expectNameRefused(() => new ArcServers(stack, 'Arc', { resourceGroupName: 'rg', resourceGroupId: '/subscriptions/0/resourceGroups/rg', location: 'westeurope', monitoring, machines }), 'name');
    }
  });

  test('tm.addExternalEndpoint("") / hc.addEndpoint("") / addGitOps("") / addConnectionMonitor("") are NAME-INVALID', () => {
    const stack = newStack();
    const tm = new CrossCloudTrafficManager(stack, 'Tm', { resourceGroupName: 'rg' });
    expectNameRefused(() => tm.addExternalEndpoint('', { target: 'app.contoso.com', name: 'x' }), 'id');
    const hc = new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID) });
    expectNameRefused(() => hc.addEndpoint('', { host: 'sql01.corp.contoso.com', port: 1433 }), 'id');
    const k8s = new ArcKubernetes(stack, 'K8s', { resourceGroupName: 'rg', location: 'westeurope', existingClusterId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c' });
    expectNameRefused(() => k8s.addGitOps('', { gitUrl: 'https://github.com/org/repo', name: 'apps' }), 'id');
  });

  test('GatewayDiagnostics.addConnectionMonitor ids that meet the agents\' ids: NAME-DUPLICATE, not a raw error', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway: new VpnGateway(stack, 'Gw', { hub }), logAnalyticsWorkspace: new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' }) });
    expectNameRefused(() => diag.addConnectionMonitor('', { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1', destinationAddress: '10.0.1.4' }), 'id');
    expectNameRefused(() => diag.addConnectionMonitor('__proto__', { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1', destinationAddress: '10.0.1.4' }), 'id');
    diag.addConnectionMonitor('a', { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1', destinationAddress: '10.0.1.4' });
    expect(() => diag.addConnectionMonitor('b', { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m2', destinationAddress: '10.0.1.4' })).not.toThrow();
  });
});

describe('fuzz review 6 (NaN / Infinity / number tokens)', () => {
  const gatewaySetup = () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    const gateway = new VpnGateway(stack, 'Gw', { hub });
    const workspace = new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' });
    return { stack, gateway, workspace };
  };

  test('gd-bandwidth-NaN / Infinity: MON-ALERT-THRESHOLD (or the bandwidth rule) names bandwidthAlert.threshold', () => {
    for (const threshold of [NaN, Infinity, -Infinity]) {
      const { stack, gateway, workspace } = gatewaySetup();
      const e = validationErrorOf(() => new GatewayDiagnostics(stack, 'Gd', { gateway, logAnalyticsWorkspace: workspace, bandwidthAlert: { threshold } }));
      expect(e.problems.some((p) => p.prop === 'bandwidthAlert.threshold')).toBe(true);
    }
  });

  test('gd-bandwidth-token: a percentage variable stays a Terraform expression in the threshold (no garbage literal)', () => {
    const { stack, gateway, workspace } = gatewaySetup();
    const pct = new TerraformVariable(stack, 'pct', { type: 'number' });
    new GatewayDiagnostics(stack, 'Gd', { gateway, logAnalyticsWorkspace: workspace, bandwidthAlert: { threshold: pct.numberValue } });
    const alert = resourcesOf(synthJson(stack), 'azurerm_monitor_metric_alert').find((a) => a.criteria[0].metric_name === 'AverageBandwidth');
    expect(typeof alert.criteria[0].threshold).toBe('string');
    expect(alert.criteria[0].threshold).toMatch(/^\$\{floor\(.*var\.pct.*\)\}$/);
    expect(alert.description).not.toMatch(/e\+\d{3}/);
  });

  test('law-quota-*: dailyQuotaGb NaN, Infinity, -5, -0.5 are MON-WORKSPACE-QUOTA; -1, 0.5, 10 and a variable synthesize', () => {
    for (const q of [NaN, Infinity, -Infinity, -5, -0.5]) {
      expectValidationError(() => new LogAnalyticsWorkspace(newStack(), 'Law', { resourceGroupName: 'rg', location: 'westeurope', dailyQuotaGb: q }), 'MON-WORKSPACE-QUOTA', 'dailyQuotaGb');
    }
    const stack = newStack();
    const v = new TerraformVariable(stack, 'quota', { type: 'number' });
    [-1, 0.5, 10, v.numberValue].forEach((q, i) => new LogAnalyticsWorkspace(stack, `Law${i}`, { resourceGroupName: 'rg', location: 'westeurope', dailyQuotaGb: q }));
    expect(resourcesOf(synthJson(stack), 'azurerm_log_analytics_workspace').map((w) => w.daily_quota_gb)).toEqual([-1, 0.5, 10, '${var.quota}']);
  });

  test('mon-heartbeat-threshold-NaN, mon-cpu-threshold-NaN: refused; a variable threshold lands in the query as ${var.x}', () => {
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', heartbeatAlert: { threshold: NaN } }), 'MON-ALERT-THRESHOLD', 'heartbeatAlert.threshold');
    expectValidationError(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', cpuAlert: { threshold: NaN } }), 'MON-ALERT-THRESHOLD', 'cpuAlert.threshold');
    const stack = newStack();
    const v = new TerraformVariable(stack, 'minutes', { type: 'number' });
    new HybridMonitoring(stack, 'Mon', { resourceGroupName: 'rg', location: 'westeurope', heartbeatAlert: { threshold: v.numberValue }, cpuAlert: { threshold: v.numberValue }, diskAlert: { threshold: v.numberValue } });
    const text = JSON.stringify(resourcesOf(synthJson(stack), 'azurerm_monitor_scheduled_query_rules_alert_v2'));
    expect(text).toContain('ago(${var.minutes}m)');
    expect(text).toContain('CpuPercent > ${var.minutes}');
    expect(text).not.toMatch(/e\+\d{3}/);
  });
});

describe('fuzz review 8: hfs-link-Hub, hfs-link-hub-lower, hfs-link-collide (and FileSync)', () => {
  const cases: [string, { [name: string]: string }, string][] = [
    ['hfs-link-Hub', { Hub: VNET_ID }, 'linkVirtualNetworks.Hub'],
    ['hfs-link-hub-lower', { hub: VNET_ID }, 'linkVirtualNetworks.hub'],
    ['hfs-link-collide', { 'a b': VNET_ID, 'a-b': VNET_ID.replace('spoke', 'spoke2') }, 'linkVirtualNetworks.a-b'],
    ['not a network id', { spoke: 'spoke' }, 'linkVirtualNetworks.spoke'],
  ];
  test.each(cases)('%s: STG-ZONE-LINK on HybridFileShare and FileSync', (_attack, links, prop) => {
    const stack = newStack();
    const hub = hubOf(stack);
    expectValidationError(() => files(stack, hub, 'Files', { linkVirtualNetworks: links }), 'STG-ZONE-LINK', prop);
    expectValidationError(() => sync(stack, hub, { linkVirtualNetworks: links }), 'STG-ZONE-LINK', prop);
  });

  test('a distinct further network keeps the hub link: link-hub and link-spoke', () => {
    const stack = newStack();
    const hub = hubOf(stack);
    files(stack, hub, 'Files', { linkVirtualNetworks: { spoke: VNET_ID } });
    const names = resourcesOf(synthJson(stack), 'azurerm_private_dns_zone_virtual_network_link').map((l) => l.name).sort();
    expect(names).toEqual(['link-hub', 'link-spoke']);
  });
});

describe('fuzz review 10: missing or null required props from JavaScript give PROP-REQUIRED / PROP-TYPE, never a TypeError', () => {
  const js = (v: unknown) => v as any;
  const attacks: [string, (stack: TerraformStack) => unknown][] = [
    ['HybridFileShare undefined props', (s) => new HybridFileShare(s, 'F', js(undefined))],
    ['HybridFileShare hub null', (s) => new HybridFileShare(s, 'F', js({ hub: null, privateEndpointSubnetId: 'x' }))],
    ['HybridFileShare.addShare null options', (s) => files(s, hubOf(s)).addShare('more', js(null))],
    ['HybridFileShare.grantShareAccess undefined', (s) => files(s, hubOf(s)).grantShareAccess(js(undefined), js(undefined))],
    ['FileSync undefined props', (s) => new FileSync(s, 'S', js(undefined))],
    ['FileSync.addSyncGroup undefined options', (s) => sync(s, hubOf(s)).addSyncGroup('g', js(undefined))],
    ['FileSync.addServerEndpoint undefined options', (s) => sync(s, hubOf(s)).addServerEndpoint('g', 'x', js(undefined))],
    ['RecoveryServicesVault undefined props', (s) => new RecoveryServicesVault(s, 'V', js(undefined))],
    ['RecoveryServicesVault {}', (s) => new RecoveryServicesVault(s, 'V', js({}))],
    ['RecoveryServicesVault.protectVm undefined', (s) => new RecoveryServicesVault(s, 'V', { resourceGroupName: 'rg', location: 'westeurope' }).protectVm('x', js(undefined))],
    ['RecoveryServicesVault.protectFileShare {}', (s) => new RecoveryServicesVault(s, 'V', { resourceGroupName: 'rg', location: 'westeurope' }).protectFileShare('x', js({}))],
    ['RecoveryServicesVault.addVmPolicy null name', (s) => new RecoveryServicesVault(s, 'V', { resourceGroupName: 'rg', location: 'westeurope' }).addVmPolicy(js(null))],
    ['SiteRecoveryHyperV undefined props', (s) => new SiteRecoveryHyperV(s, 'H', js(undefined))],
    ['SiteRecoveryHyperV {}', (s) => new SiteRecoveryHyperV(s, 'H', js({}))],
    ['SiteRecoveryVmware undefined props', (s) => new SiteRecoveryVmware(s, 'W', js(undefined))],
    ['SiteRecoveryVmware {}', (s) => new SiteRecoveryVmware(s, 'W', js({}))],
    ['TestFailoverNetwork undefined props', (s) => new TestFailoverNetwork(s, 'T', js(undefined))],
    ['TestFailoverNetwork {}', (s) => new TestFailoverNetwork(s, 'T', js({}))],
    ['HybridMonitoring undefined props', (s) => new HybridMonitoring(s, 'M', js(undefined))],
    ['HybridMonitoring.associateMachine undefined options', (s) => new HybridMonitoring(s, 'M', { resourceGroupName: 'rg', location: 'westeurope' }).associateMachine('m', js(undefined))],
    ['HybridMonitoring.addDataCollectionRule undefined options', (s) => new HybridMonitoring(s, 'M', { resourceGroupName: 'rg', location: 'westeurope' }).addDataCollectionRule('r', js(undefined))],
    ['HybridMonitoring.monitorVpnGateway undefined', (s) => new HybridMonitoring(s, 'M', { resourceGroupName: 'rg', location: 'westeurope' }).monitorVpnGateway(js(undefined))],
    ['ArcServers undefined props', (s) => new ArcServers(s, 'A', js(undefined))],
    ['ArcServers.addMachine undefined', (s) => new ArcServers(s, 'A', { resourceGroupName: 'rg', resourceGroupId: '/subscriptions/0/resourceGroups/rg', location: 'westeurope', monitoring: new HybridMonitoring(s, 'M', { resourceGroupName: 'rg', location: 'westeurope' }) }).addMachine(js(undefined), js(undefined))],
    ['ArcKubernetes undefined props', (s) => new ArcKubernetes(s, 'K', js(undefined))],
    ['ArcKubernetes.addGitOps undefined', (s) => new ArcKubernetes(s, 'K', { resourceGroupName: 'rg', location: 'westeurope', existingClusterId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c' }).addGitOps(js(undefined), js({}))],
    ['GatewayDiagnostics undefined gateway', (s) => new GatewayDiagnostics(s, 'G', js({ gateway: undefined }))],
    ['GatewayDiagnostics undefined props', (s) => new GatewayDiagnostics(s, 'G', js(undefined))],
    ['LogAnalyticsWorkspace undefined props', (s) => new LogAnalyticsWorkspace(s, 'L', js(undefined))],
    ['LogAnalyticsWorkspace.fromWorkspaceId empty', (s) => LogAnalyticsWorkspace.fromWorkspaceId(s, 'L', '')],
    ['CrossCloudTrafficManager undefined props', (s) => new CrossCloudTrafficManager(s, 'T', js(undefined))],
    ['CrossCloudTrafficManager.addExternalEndpoint undefined', (s) => new CrossCloudTrafficManager(s, 'T', { resourceGroupName: 'rg' }).addExternalEndpoint('e', js(undefined))],
    ['CrossCloudTrafficManager.addAzureEndpoint {}', (s) => new CrossCloudTrafficManager(s, 'T', { resourceGroupName: 'rg' }).addAzureEndpoint('e', js({}))],
    ['AppServiceHybridConnection undefined props', (s) => new AppServiceHybridConnection(s, 'H', js(undefined))],
    ['AppServiceHybridConnection {}', (s) => new AppServiceHybridConnection(s, 'H', js({}))],
    ['AppServiceHybridConnection.addEndpoint undefined', (s) => new AppServiceHybridConnection(s, 'H', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID) }).addEndpoint('e', js(undefined))],
    ['AppServiceHybridConnection with HybridConnectionTarget.webApp(undefined)', (s) => new AppServiceHybridConnection(s, 'H', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(js(undefined)) })],
  ];
  test.each(attacks)('%s', (_name, build) => {
    const e = validationErrorOf(() => build(newStack()));
    expect(e.problems.some((p) => ['PROP-REQUIRED', 'PROP-TYPE', 'NAME-INVALID', 'APP-HC-APP-TARGET'].includes(p.ruleId))).toBe(true);
  });
});

describe('fuzz review 11: tokens deferred, never refused with an encoded number or a mangled name', () => {
  test('vault policy retention and relay otherConnectionsOnPlan as number variables synthesize as ${var.x}', () => {
    const stack = newStack();
    const days = new TerraformVariable(stack, 'days', { type: 'number' });
    const vault = new RecoveryServicesVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    vault.addVmPolicy('vm-weekly', { dailyRetentionDays: days.numberValue } as any);
    vault.addFileSharePolicy('files-weekly', { dailyRetention: days.numberValue } as any);
    new AppServiceHybridConnection(stack, 'Hc', { resourceGroupName: 'rg', location: 'westeurope', app: HybridConnectionTarget.webApp(APP_ID), otherConnectionsOnPlan: days.numberValue });
    const text = JSON.stringify(synthJson(stack));
    expect(text).toContain('${var.days}');
    expect(text).not.toMatch(/-?\d\.\d+e\+\d{3}/);
  });

  test('Traffic Manager name as a variable is not lower-cased or mangled', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'tmname', { type: 'string' });
    new CrossCloudTrafficManager(stack, 'Tm', { resourceGroupName: 'rg', name: v.stringValue });
    const profile = resourcesOf(synthJson(stack), 'azurerm_traffic_manager_profile')[0];
    expect(profile.name).toBe('${var.tmname}');
    expect(JSON.stringify(profile)).not.toContain('tftoken');
  });
});

describe('fuzz review 13: the same machine associated twice', () => {
  test('associateMachine("a", X) then ("b", X): MON-MACHINE-ID names machineId', () => {
    const mon = new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope' });
    mon.associateMachine('a', { machineId: ARC_ID, os: OperatingSystem.LINUX });
    expectValidationError(() => mon.associateMachine('b', { machineId: ARC_ID.toUpperCase(), os: OperatingSystem.LINUX }), 'MON-MACHINE-ID', 'machineId');
  });
});

describe('fuzz review 15: invalid values accepted silently', () => {
  test('HybridFileShare replicationType FOO / zrs: STG-REPLICATION-TYPE', () => {
    for (const replicationType of ['FOO', 'zrs']) {
      const stack = newStack();
      expectValidationError(() => files(stack, hubOf(stack), 'Files', { replicationType }), 'STG-REPLICATION-TYPE', 'replicationType', replicationType);
    }
  });

  test('addShare accessTier Lukewarm: STG-SHARE-TIER; protocol CIFS: STG-NFS-KIND', () => {
    const stack = newStack();
    const f = files(stack, hubOf(stack));
    expectValidationError(() => f.addShare('more', { accessTier: 'Lukewarm' }), 'STG-SHARE-TIER', 'accessTier', 'Lukewarm');
    expectValidationError(() => f.addShare('more', { protocol: 'CIFS' as any }), 'STG-NFS-KIND', 'protocol', 'CIFS');
  });

  test('grantShareAccess(guid, "Owner") from JavaScript: STG-SHARE-ROLE', () => {
    const stack = newStack();
    const f = files(stack, hubOf(stack));
    expectValidationError(() => f.grantShareAccess(GUID, 'Owner' as ShareAccessLevel), 'STG-SHARE-ROLE', 'level', 'Owner');
  });

  test('FileSync sync group name "" (NAME-INVALID) and initialDownloadPolicy "Everything" (SYNC-TIERING)', () => {
    const stack = newStack();
    const hub = hubOf(stack);
    const f = files(stack, hub);
    const s = sync(stack, hub);
    expectValidationError(() => s.addSyncGroup('', { fileShare: f, shareName: 'data' }), 'NAME-INVALID', 'name');
    s.addSyncGroup('g', { fileShare: f, shareName: 'data' });
    expectValidationError(() => s.addServerEndpoint('g', 'srv', { registeredServerId: SRV_ID, serverLocalPath: 'D:\\x', initialDownloadPolicy: 'Everything' }), 'SYNC-TIERING', 'initialDownloadPolicy');
  });

  test('backup policy name "🔥 policy": BKP-POLICY-NAME', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    expectValidationError(() => vault.addVmPolicy('🔥 policy'), 'BKP-POLICY-NAME', 'name', '🔥 policy');
    expectValidationError(() => vault.addFileSharePolicy('ab'), 'BKP-POLICY-NAME', 'name', 'ab');
  });

  test('Traffic Manager routingMethod Random, probeProtocol UDP, status ranges abc / 600-700 / 300-200, 201 endpoints', () => {
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { resourceGroupName: 'rg', routingMethod: 'Random' as TrafficRoutingMethod }), 'APP-TM-ROUTING-METHOD', 'routingMethod', 'Random');
    expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { resourceGroupName: 'rg', probeProtocol: 'UDP' as any }), 'APP-TM-PROBE-PROTOCOL', 'probeProtocol', 'UDP');
    ['abc', '600-700', '300-200', '99-100', '200'].forEach((r) => expectValidationError(() => new CrossCloudTrafficManager(newStack(), 'Tm', { resourceGroupName: 'rg', expectedStatusCodeRanges: ['200-299', r] }), 'APP-TM-PROBE-PROTOCOL', 'expectedStatusCodeRanges[1]', r));
    const tm = new CrossCloudTrafficManager(newStack(), 'Tm', { resourceGroupName: 'rg' });
    for (let i = 0; i < 200; i++) tm.addExternalEndpoint(`e${i}`, { target: `e${i}.contoso.com` });
    expectValidationError(() => tm.addExternalEndpoint('e200', { target: 'e200.contoso.com' }), 'APP-TM-ENDPOINT-LIMIT', 'id', 'e200');
  });

  test('ArcKubernetes kustomizations {} / "Bad Name", gitUrl "https://": ARC-FLUX-NAME / ARC-FLUX-URL', () => {
    const k8s = () => new ArcKubernetes(newStack(), 'K8s', { resourceGroupName: 'rg', location: 'westeurope', existingClusterId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c' });
    expectValidationError(() => k8s().addGitOps('apps', { gitUrl: 'https://github.com/org/repo', kustomizations: {} }), 'ARC-FLUX-NAME', 'kustomizations');
    expectValidationError(() => k8s().addGitOps('apps', { gitUrl: 'https://github.com/org/repo', kustomizations: { 'Bad Name': { path: './' } } }), 'ARC-FLUX-NAME', 'kustomizations.Bad Name');
    expectValidationError(() => k8s().addGitOps('apps', { gitUrl: 'https://' }), 'ARC-FLUX-URL', 'gitUrl', 'https://');
  });

  test('GatewayDiagnostics.addConnectionMonitor addresses "" and "🔥" (and any source address): GWD-MONITOR-ENDPOINT', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    const diag = new GatewayDiagnostics(stack, 'Diag', { gateway: new VpnGateway(stack, 'Gw', { hub }), logAnalyticsWorkspace: new LogAnalyticsWorkspace(stack, 'Ws', { resourceGroupName: 'rg', location: 'westeurope' }) });
    expectValidationError(() => diag.addConnectionMonitor('a', { sourceAddress: '', destinationAddress: '10.0.1.4' }), 'GWD-MONITOR-ENDPOINT', 'sourceAddress');
    expectValidationError(() => diag.addConnectionMonitor('b', { sourceArcMachineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1', destinationAddress: '🔥' }), 'GWD-MONITOR-ENDPOINT', 'destinationAddress');
  });

  test('TestFailoverNetwork overlapping subnets and a duplicated address space: NET-SUBNET-OVERLAP / NET-ADDRESS-OVERLAP', () => {
    expectValidationError(() => new TestFailoverNetwork(newStack(), 'T', { resourceGroupName: 'rg', location: 'westeurope', subnets: { a: '10.255.0.0/24', b: '10.255.0.128/25' } }), 'NET-SUBNET-OVERLAP', 'subnets.b', '10.255.0.128/25');
    expectValidationError(() => new TestFailoverNetwork(newStack(), 'T', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.255.0.0/16', '10.255.0.0/16'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace[1]');
  });

  test('HybridMonitoring with 1,001 e-mail receivers: MON-ACTION-RECEIVER', () => {
    const emails = Array.from({ length: 1001 }, (_, i) => `ops${i}@contoso.com`);
    const e = validationErrorOf(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: emails }));
    expect(e.problems.some((p) => p.ruleId === 'MON-ACTION-RECEIVER')).toBe(true);
  });
});

describe('fuzz review 16 (low): alertEmails regex on a 100,000-character address', () => {
  test('refused in well under 2 s', () => {
    const started = process.hrtime.bigint();
    validationErrorOf(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: ['a'.repeat(100_000)] }));
    validationErrorOf(() => new HybridMonitoring(newStack(), 'Mon', { resourceGroupName: 'rg', location: 'westeurope', alertEmails: ['a@' + 'b'.repeat(100_000) + ' '] }));
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
  });
});
