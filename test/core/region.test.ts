import * as fs from 'fs';
import * as path from 'path';
import { TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AppServiceHybridConnection, ArcKubernetes, ArcResourceBridge, ArcServers, AzureLocalCluster, ClusterWitness, CrossCloudTrafficManager, DdosProtectionPlan, ExpressRouteCircuit, FileSync, GatewayDiagnostics,
  HubNetwork, HybridChecks, HybridConnectionTarget, HybridFileShare, HybridMonitoring, LogAnalyticsWorkspace, NatGatewayEgress, OperatingSystem, RecoveryServicesVault, ResourceBridgeInfrastructure, SpokePeering,
  TestFailoverNetwork, TrafficRoutingMethod, TrafficType, VirtualHub, VirtualWan, VpnDevice, VpnGateway, VpnSite,
} from '../../lib';
import { NET_REGION } from '../../lib/core/rules';
import { contextFor } from '../../lib/core/rule';
import { regionProblem } from '../../lib/core/regions';
import { annotationsAfterSynth, expectValidationError, newStack } from '../util';

// Issue 14: every construct that takes a location checks it with ProblemCollector.region (NET-REGION),
// with a "did you mean"; the pack checks the literal location of any azurerm resource.

const base = { resourceGroupName: 'rg' };
const ARC_MACHINE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/fs01';
const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const PRINCIPAL = '0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

const hubOf = (stack: TerraformStack, location = 'westeurope') => new HubNetwork(stack, 'Hub', { ...base, location, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
const wanOf = (stack: TerraformStack) => new VirtualWan(stack, 'Wan', { ...base, location: 'westeurope' });
const azureLocal = (location: string) => ({
  ...base,
  resourceGroupId: RG_ID,
  location,
  clusterName: 'azl-01',
  machines: [{ name: 'N1', ipv4Address: '192.168.1.11' }, { name: 'N2', ipv4Address: '192.168.1.12' }],
  domainFqdn: 'corp.contoso.com',
  organizationalUnitPath: 'OU=AzureLocal,DC=corp,DC=contoso,DC=com',
  namePrefix: 'azl',
  secretsLocation: 'https://kv-azl.vault.azure.net/',
  witness: ClusterWitness.cloud('witnessacct'),
  infrastructureNetwork: { subnetMask: '255.255.255.0', gateway: '192.168.1.1', dnsServers: ['192.168.1.4'], ipPoolStart: '192.168.1.50', ipPoolEnd: '192.168.1.59' },
  intents: [
    { name: 'MgmtCompute', adapters: ['NIC1', 'NIC2'], trafficTypes: [TrafficType.MANAGEMENT, TrafficType.COMPUTE] },
    { name: 'Storage', adapters: ['SMB1', 'SMB2'], trafficTypes: [TrafficType.STORAGE] },
  ],
  storageNetworks: [{ name: 'S1', adapterName: 'SMB1', vlanId: 711 }, { name: 'S2', adapterName: 'SMB2', vlanId: 712 }],
});
const bridgeNet = { ipAddressPrefix: '192.168.30.0/29', gateway: '192.168.30.1', vmIpPoolStart: '192.168.30.2', vmIpPoolEnd: '192.168.30.3', controlPlaneIp: '192.168.30.4', dnsServers: ['192.168.1.4'] };

/** A construct (or method) given `location` for its location prop: [the props interface, build, construct path, prop path]. */
type Case = [string, (stack: TerraformStack, location: string) => unknown, string, string];

const CASES: Case[] = [
  // network
  ['HubNetworkProps', (s, l) => hubOf(s, l), 'test/Hub', 'location'],
  ['HubNetworkAttributes', (s, l) => HubNetwork.fromHubNetworkAttributes(s, 'Existing', {
    virtualNetworkId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub', virtualNetworkName: 'hub', ...base, location: l, addressSpace: ['10.0.0.0/16'],
    gatewaySubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet',
  }), 'test/Existing', 'location'],
  ['SpokeOptions', (s, l) => new SpokePeering(s, 'App', { hub: hubOf(s), addressSpace: ['10.1.0.0/16'], location: l }), 'test/App', 'location'],
  ['DdosProtectionPlanProps', (s, l) => new DdosProtectionPlan(s, 'Ddos', { ...base, location: l }), 'test/Ddos', 'location'],
  ['NatGatewayEgressProps', (s, l) => new NatGatewayEgress(s, 'Nat', { ...base, location: l }), 'test/Nat', 'location'],
  ['ExpressRouteCircuitProps', (s, l) => new ExpressRouteCircuit(s, 'Circuit', { ...base, location: l, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 }), 'test/Circuit', 'location'],
  ['VirtualWanProps', (s, l) => new VirtualWan(s, 'Wan', { ...base, location: l }), 'test/Wan', 'location'],
  ['VirtualWanAttributes', (s, l) => VirtualWan.fromVirtualWanAttributes(s, 'ExistingWan', { virtualWanId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualWans/wan', ...base, location: l }), 'test/ExistingWan', 'location'],
  ['VirtualHubOptions', (s, l) => new VirtualHub(s, 'West', { virtualWan: wanOf(s), location: l, addressPrefix: '10.0.0.0/23' }), 'test/West', 'location'],
  ['VpnSiteOptions', (s, l) => new VpnSite(s, 'Branch', { virtualWan: wanOf(s), location: l, addressSpaces: ['192.168.0.0/24'], links: [{ name: 'isp1', device: VpnDevice.address('203.0.113.10') }] }), 'test/Branch', 'location'],
  // management
  ['LogAnalyticsWorkspaceProps', (s, l) => new LogAnalyticsWorkspace(s, 'Ws', { ...base, location: l }), 'test/Ws', 'location'],
  ['HybridMonitoringProps', (s, l) => new HybridMonitoring(s, 'Mon', { ...base, location: l }), 'test/Mon', 'location'],
  ['MonitoredMachineOptions', (s, l) => new HybridMonitoring(s, 'Mon', { ...base, location: 'westeurope' }).associateMachine('fs01', { machineId: ARC_MACHINE, os: OperatingSystem.LINUX, location: l }), 'test/Mon', 'location'],
  ['ArcServersProps', (s, l) => new ArcServers(s, 'Arc', { ...base, resourceGroupId: RG_ID, location: l }), 'test/Arc', 'location'],
  ['ArcServerOptions', (s, l) => new ArcServers(s, 'Arc', { ...base, resourceGroupId: RG_ID, location: 'westeurope', monitoring: new HybridMonitoring(s, 'Mon', { ...base, location: 'westeurope' }), machines: { fs01: { machineId: ARC_MACHINE, os: OperatingSystem.LINUX, location: l } } }), 'test/Arc', 'machines.fs01.location'],
  ['ArcServerOptions (addMachine)', (s, l) => new ArcServers(s, 'Arc', { ...base, resourceGroupId: RG_ID, location: 'westeurope', monitoring: new HybridMonitoring(s, 'Mon', { ...base, location: 'westeurope' }) }).addMachine('fs01', { machineId: ARC_MACHINE, os: OperatingSystem.LINUX, location: l }), 'test/Arc', 'location'],
  ['ArcKubernetesProps', (s, l) => new ArcKubernetes(s, 'K8s', { ...base, location: l, existingClusterId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/k8s' }), 'test/K8s', 'location'],
  ['AzureLocalClusterProps', (s, l) => new AzureLocalCluster(s, 'Azl', azureLocal(l)), 'test/Azl', 'location'],
  ['ArcResourceBridgeProps', (s, l) => new ArcResourceBridge(s, 'Bridge', { ...base, location: l, infrastructure: ResourceBridgeInfrastructure.VMWARE, network: bridgeNet }), 'test/Bridge', 'location'],
  ['ConnectionMonitorOptions', (s, l) => {
    const diag = new GatewayDiagnostics(s, 'Diag', { gateway: new VpnGateway(s, 'Vpn', { hub: hubOf(s) }), logAnalyticsWorkspace: new LogAnalyticsWorkspace(s, 'Ws', { ...base, location: 'westeurope' }) });
    return diag.addConnectionMonitor('Branch', { sourceArcMachineId: ARC_MACHINE, destinationAddress: '10.0.0.4', sourceLocation: l });
  }, 'test/Diag', 'sourceLocation'],
  // storage
  ['HybridFileShareProps', (s, l) => new HybridFileShare(s, 'Files', { hub: hubOf(s), location: l, privateEndpointSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/privatelink' }), 'test/Files', 'location'],
  ['FileShareAccountAttributes', (s, l) => HybridFileShare.fromFileShareAccountAttributes(s, 'Existing', { storageAccountId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stold', storageAccountName: 'stold', ...base, location: l }), 'test/Existing', 'location'],
  ['FileSyncProps', (s, l) => {
    const hub = hubOf(s);
    return new FileSync(s, 'Sync', { hub, location: l, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: PRINCIPAL });
  }, 'test/Sync', 'location'],
  // resiliency
  ['RecoveryServicesVaultProps', (s, l) => new RecoveryServicesVault(s, 'Vault', { ...base, location: l }), 'test/Vault', 'location'],
  ['RecoveryServicesVaultAttributes', (s, l) => RecoveryServicesVault.fromVaultAttributes(s, 'ExistingVault', { vaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv', vaultName: 'rsv', ...base, location: l }), 'test/ExistingVault', 'location'],
  ['TestFailoverNetworkProps', (s, l) => new TestFailoverNetwork(s, 'Tfn', { ...base, location: l }), 'test/Tfn', 'location'],
  // apps
  ['AppServiceHybridConnectionProps', (s, l) => new AppServiceHybridConnection(s, 'Hc', { ...base, location: l, app: HybridConnectionTarget.webApp('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app') }), 'test/Hc', 'location'],
  ['ExternalEndpointOptions', (s, l) => new CrossCloudTrafficManager(s, 'Tm', { ...base, routingMethod: TrafficRoutingMethod.PERFORMANCE }).addExternalEndpoint('Dc', { target: 'dc.contoso.com', endpointLocation: l }), 'test/Tm/Dc', 'endpointLocation'],
];

/**
 * Props interfaces with a location prop that the table does not build, and why. Anything else
 * with a `location` (or `...Location`) prop must be in CASES: a new construct cannot skip the check.
 */
const NOT_CHECKED_HERE: Record<string, string> = {
  ApplicationInsightsSpec: '`locations` are availability-test locations (emea-nl-ams-azr), not Azure regions',
  HybridMonitoringProps: '`availabilityTestLocations` are availability-test locations, not Azure regions (its `location` is in CASES)',
  AzureLocalClusterProps: '`secretsLocation` is a Key Vault URI (its `location` is in CASES)',
  ExpressRouteCircuitAttributes: '`peeringLocation` is a meet-me site (Amsterdam), not a region',
  IExpressRouteCircuit: 'an interface read by other constructs, not input',
  IHubNetwork: 'an interface read by other constructs, not input',
  IVirtualWan: 'an interface read by other constructs, not input',
  IVirtualHub: 'an interface read by other constructs, not input',
  IRecoveryServicesVault: 'an interface read by other constructs, not input',
  IFileShareAccount: 'an interface read by other constructs, not input',
  LogAlertOptions: 'library-internal (Alerts.log), given the location of a construct that checked it',
  PrivateLinkTarget: 'library-internal, the location of a construct that checked it',
  PrivateLinkSpec: 'library-internal, the location of a construct that checked it',
  MachineAlertsSpec: 'library-internal, the location of HybridMonitoring',
  AzureLocalView: 'handoff view of AzureLocalCluster (checked there)',
  ArcResourceBridgeView: 'handoff view of ArcResourceBridge (checked there)',
  ArcKubernetesView: 'handoff view of ArcKubernetes (checked there)',
  ArcServersView: 'handoff view of ArcServers (checked there)',
};

function libFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? libFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('NET-REGION on every construct that takes a location', () => {
  test('every exported interface with a location prop is in the table (or excluded with a reason)', () => {
    const found = new Set<string>();
    for (const file of libFiles(path.join(__dirname, '..', '..', 'lib'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
        if (/readonly \w*[lL]ocations?\??:/.test(m[2])) found.add(m[1]);
      }
    }
    const covered = new Set(CASES.map(([name]) => name.split(' ')[0]));
    const unexplained = [...found].filter((name) => !covered.has(name) && NOT_CHECKED_HERE[name] === undefined).sort();
    expect({ unexplained }).toEqual({ unexplained: [] });
  });

  const bad: [string, string][] = CASES.flatMap(([name]) => ['West Europ', 'westeurop', 'West Europe'].map((v): [string, string] => [name, v]));
  test.each(bad)('%s refuses location %j with "did you mean westeurope"', (name, value) => {
    const [, build, constructPath, prop] = CASES.find(([n]) => n === name)!;
    const error = expectValidationError(() => build(newStack(), value), NET_REGION.id, prop, value);
    const problem = error.problems.find((p) => p.ruleId === NET_REGION.id)!;
    expect(problem.constructPath).toBe(constructPath);
    expect(problem.detail).toContain('did you mean `westeurope`');
    expect(problem.fix).toBe("use 'westeurope'");
  });

  test.each(CASES.map(([name]) => [name]))('%s takes a canonical region and a Terraform expression', (name) => {
    const [, build] = CASES.find(([n]) => n === name)!;
    expect(() => build(newStack(), 'northeurope')).not.toThrow();
    const stack = newStack();
    expect(() => build(stack, new TerraformVariable(stack, 'location', { type: 'string' }).stringValue)).not.toThrow();
  });

  test('a display name says it is another spelling; a name with nothing near says where to find one', () => {
    expect(regionProblem('West Europe', true)?.detail).toMatch(/^another spelling of the region westeurope: .*did you mean `westeurope`\?$/);
    expect(regionProblem('West Europ', true)?.detail).toBe('not an Azure region name; did you mean `westeurope`?');
    expect(regionProblem('mars', true)).toMatchObject({ detail: 'not an Azure region name', fix: expect.stringContaining('az account list-locations') });
    expect(regionProblem('westeurope', true)).toBeUndefined();
    expect(regionProblem('West Europe', false)).toBeUndefined();
  });

  test('a location of the wrong kind is PROP-TYPE, reported once', () => {
    const error = expectValidationError(() => new LogAnalyticsWorkspace(newStack(), 'Ws', { ...base, location: 42 as any }), 'PROP-TYPE', 'location', 42);
    expect(error.problems.map((p) => p.ruleId)).toEqual(['PROP-TYPE']);
    expectValidationError(() => new SpokePeering(newStack(), 'App', { hub: hubOf(newStack()), addressSpace: ['10.1.0.0/16'], location: 7 as any }), 'PROP-TYPE', 'location', 7);
  });
});

describe('NET-REGION body check (the pack, on any azurerm resource)', () => {
  const check = (type: string, body: Record<string, any>) => NET_REGION.check!(type, body, contextFor('s', {}, type, 'r'));

  test('a literal location that is no region fails with the nearest region', () => {
    expect(check('azurerm_resource_group', { location: 'westeurop' })).toMatchObject({ compliance: 'non-compliant', attribute: 'location', detail: expect.stringContaining('did you mean `westeurope`') });
    expect(check('azurerm_storage_account', { location: 'West Europ' })).toMatchObject({ compliance: 'non-compliant', attribute: 'location' });
    expect(check('azurerm_storage_account', { location: 'mars' })).toMatchObject({ compliance: 'non-compliant', detail: expect.stringContaining('suppress NET-REGION') });
  });

  test('a region in either spelling, global, an expression or no location passes', () => {
    for (const location of ['westeurope', 'West Europe', 'global', 'Global', '${var.location}', '${azurerm_resource_group.rg.location}', undefined]) {
      expect(check('azurerm_monitor_action_group', location === undefined ? {} : { location })).toBe('compliant');
    }
  });

  test('an escape hatch that writes a bad location on a construct\'s resource is caught once, by the pack', () => {
    const stack = newStack();
    const ws = new LogAnalyticsWorkspace(stack, 'Ws', { ...base, location: 'westeurope' });
    ws.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource).forEach((r) => r.addOverride('location', 'westeurop'));
    HybridChecks.addTo(stack);
    const errors = annotationsAfterSynth(stack).filter(([level, , m]) => level === 'error' && m.includes('[NET-REGION]'));
    expect(errors).toHaveLength(1);
    expect(errors[0][2]).toContain('did you mean `westeurope`');
  });
});
