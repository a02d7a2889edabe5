import * as fc from 'fast-check';
import { HybridFileShare, LogAnalyticsWorkspace, RecoveryServicesVault, SiteRecoveryHyperV, SiteRecoveryVmware, VaultImmutability, VaultRedundancy } from '../../lib';
import { newStack } from '../util';
import { mostly, NUM_RUNS, opt, PropertyRuns, synthChecked } from './property-helpers';

// Property (issue 3): every generated input either synthesizes to JSON that passes the schema
// check, the policy rule pack and the secure defaults (vault soft delete), or throws the
// library's ValidationError.

const runs = new PropertyRuns();
afterAll(() => runs.report('resiliency'));
const m = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> => mostly(good, bad, 12);

const WORKSPACE_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const ACCOUNT_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stfiles';
const vmId = (n: string) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/${n}`;
const time = m(opt(fc.constantFrom('00:00', '23:00', '23:30', '12:30')), fc.constantFrom('24:00', '23:15', '9:00', ''));

function vaultProps() {
  return fc.record({
    name: m(opt(fc.constantFrom('rsv-prod', 'rs', 'r'.repeat(50))), fc.constantFrom('r', 'r'.repeat(51), '1rsv', 'rsv_prod')),
    redundancy: opt(fc.constantFrom(VaultRedundancy.GEO, VaultRedundancy.ZONE)),
    crr: m(opt(fc.constant(false)), fc.constant(true)),
    // `softDeleteEnabled: false` is refused (RSV-SOFT-DELETE), as the rule pack would refuse the vault.
    softDelete: m(opt(fc.constant(true)), fc.constant(false)),
    immutability: opt(fc.constantFrom(VaultImmutability.UNLOCKED, VaultImmutability.DISABLED, VaultImmutability.LOCKED)),
    publicNetworkAccess: opt(fc.boolean()),
    workspace: fc.boolean(),
  });
}

test('RecoveryServicesVault (+ file share and VM policies, protected shares and VMs): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      vaultProps(),
      fc.array(fc.record({
        name: m(fc.constantFrom('files-hourly', 'files-long', 'files-daily'), fc.constant('files-hourly')),
        time,
        interval: m(opt(fc.constantFrom(4, 6, 8, 12)), fc.constantFrom(1, 5, 24, 0)),
        window: m(opt(fc.constantFrom(4, 12, 24)), fc.constantFrom(3, 25, 10)),
        daily: m(opt(fc.constantFrom(1, 30, 200)), fc.constantFrom(0, 201, 1.5)),
        weekly: m(opt(fc.constantFrom(0, 1, 12, 200)), fc.constantFrom(-1, 201)),
        monthly: m(opt(fc.constantFrom(0, 1, 12, 120)), fc.constantFrom(-1, 121)),
        yearly: m(opt(fc.constantFrom(0, 1, 10)), fc.constantFrom(-1, 11)),
        timezone: opt(fc.constantFrom('UTC', 'W. Europe Standard Time')),
      }), { maxLength: 2 }),
      fc.array(fc.record({
        name: m(fc.constantFrom('vm-gold', 'vm-silver'), fc.constant('vm-gold')),
        time,
        daily: m(opt(fc.constantFrom(7, 30, 9999)), fc.constantFrom(6, 10000, 0)),
        instant: m(opt(fc.constantFrom(1, 7, 30)), fc.constantFrom(0, 31)),
      }), { maxLength: 2 }),
      fc.array(fc.record({ share: m(fc.constantFrom('finance', 'hr-data'), fc.constant('unknown')), policy: m(fc.constantFrom('default', 'first'), fc.constant('unknown')) }), { maxLength: 2 }),
      fc.array(fc.record({ name: fc.constantFrom('web', 'sql'), id: m(fc.constant('vm'), fc.constant('junk')), policy: m(fc.constantFrom('default', 'first'), fc.constant('unknown')) }), { maxLength: 2 }),
      (v, filePolicies, vmPolicies, protectedShares, protectedVms) => {
        runs.classify('RecoveryServicesVault', () => {
          const stack = newStack();
          const vault = new RecoveryServicesVault(stack, 'Vault', {
            resourceGroupName: 'rg',
            location: 'westeurope',
            name: v.name,
            redundancy: v.redundancy,
            crossRegionRestoreEnabled: v.crr,
            softDeleteEnabled: v.softDelete,
            immutability: v.immutability,
            publicNetworkAccessEnabled: v.publicNetworkAccess,
            logAnalyticsWorkspace: v.workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
          });
          const filePolicyObjects = filePolicies.map((p) => vault.addFileSharePolicy(p.name, { time: p.time, hourlyIntervalHours: p.interval, hourlyWindowHours: p.window, dailyRetention: p.daily, weeklyRetention: p.weekly, monthlyRetention: p.monthly, yearlyRetention: p.yearly, timezone: p.timezone }));
          const vmPolicyObjects = vmPolicies.map((p) => vault.addVmPolicy(p.name, { time: p.time, dailyRetention: p.daily, instantRestoreDays: p.instant }));
          const foreign = new RecoveryServicesVault(stack, 'Other', { resourceGroupName: 'rg', location: 'westeurope', publicNetworkAccessEnabled: true });
          if (protectedShares.length > 0) {
            const files = HybridFileShare.fromFileShareAccountAttributes(stack, 'Files', { storageAccountId: ACCOUNT_ID, storageAccountName: 'stfiles', resourceGroupName: 'rg', location: 'westeurope', shareNames: ['finance', 'hr-data'] });
            protectedShares.forEach((s, i) => {
              vault.protectFileShare(`share${i}`, { fileShare: files, shareName: s.share, policy: s.policy === 'default' ? undefined : s.policy === 'first' ? filePolicyObjects[0] : foreign.addFileSharePolicy(`foreign${i}`) });
            });
          }
          protectedVms.forEach((p, i) => {
            vault.protectVm(p.name, { vmId: p.id === 'vm' ? vmId(`vm${i}`) : 'junk', policy: p.policy === 'default' ? undefined : p.policy === 'first' ? vmPolicyObjects[0] : foreign.addVmPolicy(`foreign${i}`) });
          });
          const json = synthChecked(stack);
          const body = Object.values<any>(json.resource.azurerm_recovery_services_vault)[0];
          expect(body.soft_delete_enabled).toBe(true);
          expect(body.classic_vmware_replication_enabled).toBe(false);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

const testNetwork = fc.record({
  space: m(opt(fc.constantFrom<string[]>(['10.255.0.0/16'], ['10.0.0.0/16', '192.168.0.0/24'])), fc.constantFrom([] as string[], ['x'], ['10.0.0.1/16'])),
  subnets: m(opt(fc.constantFrom<Record<string, string>>({ default: '10.255.0.0/24' }, { app: '10.255.1.0/24', data: '10.255.2.0/24' })), fc.constantFrom<Record<string, string>>({ outside: '172.16.0.0/24' }, { 'bad name': '10.255.0.0/24' })),
});
/** The test network's subnets must sit in its address space: pair the generated ones when the space is the default. */
function subnetsFor(space: string[] | undefined, subnets: Record<string, string> | undefined): Record<string, string> | undefined {
  if (subnets && space && space[0] === '10.0.0.0/16' && Object.values(subnets).every((p) => p.startsWith('10.255.'))) {
    return Object.fromEntries(Object.entries(subnets).map(([n, p]) => [n, p.replace('10.255.', '10.0.')]));
  }
  return subnets;
}

test('SiteRecoveryHyperV: any replication and mapping settings synthesize checked JSON or throw ValidationError', () => {
  fc.assert(
    fc.property(
      m(opt(fc.constantFrom(30, 300)), fc.constantFrom(0, 60, 301, 900)),
      m(opt(fc.constantFrom(0, 1, 12, 24)), fc.constantFrom(-1, 25, 1.5)),
      m(opt(fc.constantFrom(0, 1, 4, 12)), fc.constantFrom(-1, 13, 2.5)),
      fc.dictionary(fc.constantFrom('prod', 'dev'), fc.record({
        vmm: m(fc.constant('vmm01'), fc.constantFrom('', '  ')),
        network: m(fc.constant('Production'), fc.constant('')),
        target: m(fc.constant('/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/dr'), fc.constant('')),
      }), { maxKeys: 2 }),
      testNetwork,
      opt(fc.constantFrom('site-a', 'hyperv')),
      (interval, retention, appConsistent, mappings, net, siteName) => {
        runs.classify('SiteRecoveryHyperV', () => {
          const stack = newStack();
          const vault = new RecoveryServicesVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'northeurope', publicNetworkAccessEnabled: true });
          new SiteRecoveryHyperV(stack, 'HyperV', {
            vault,
            siteName,
            replicationIntervalSeconds: interval,
            recoveryPointRetentionHours: retention,
            appConsistentSnapshotHours: appConsistent,
            vmmNetworkMappings: Object.fromEntries(Object.entries(mappings).map(([n, x]) => [n, { vmmServerName: x.vmm, vmNetworkName: x.network, targetNetworkId: x.target }])),
            testNetworkAddressSpace: net.space,
            testNetworkSubnets: subnetsFor(net.space, net.subnets),
            hostNames: ['hv01'],
          });
          const json = synthChecked(stack);
          expect(json.resource.azurerm_virtual_network_peering).toBeUndefined(); // the test network stays isolated
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('SiteRecoveryVmware (+ replicated VMs): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      m(opt(fc.constantFrom(0, 60, 4320, 21600)), fc.constantFrom(-1, 21601, 1.5)),
      m(opt(fc.constantFrom(0, 60, 240, 720)), fc.constantFrom(-1, 721, 90.5)),
      m(fc.constant(true), fc.constant(false)),
      testNetwork,
      fc.array(fc.record({
        name: m(fc.constantFrom('web01', 'sql01', 'app01'), fc.constant('web01')),
        disks: m(fc.constantFrom('log', 'managed'), fc.constantFrom('both', 'none')),
        placement: m(fc.constantFrom('none', 'zone', 'set'), fc.constant('both')),
        nics: fc.integer({ min: 0, max: 2 }),
        network: m(fc.constant(true), fc.constant(false)),
        size: opt(fc.constantFrom('Standard_D2s_v5')),
      }), { maxLength: 3 }),
      (retention, appConsistent, withAppliance, net, vms) => {
        runs.classify('SiteRecoveryVmware', () => {
          const stack = newStack();
          const vault = new RecoveryServicesVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'northeurope', publicNetworkAccessEnabled: true });
          const storage = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stcache';
          new SiteRecoveryVmware(stack, 'Vmware', {
            vault,
            applianceName: withAppliance ? 'appliance01' : undefined,
            recoveryPointRetentionMinutes: retention,
            appConsistentSnapshotMinutes: appConsistent,
            testNetworkAddressSpace: net.space,
            testNetworkSubnets: subnetsFor(net.space, net.subnets),
            replicatedVms: Object.fromEntries(vms.map((v) => [v.name, {
              sourceVmName: v.name,
              physicalServerCredentialName: 'push-account',
              targetResourceGroupId: '/subscriptions/0/resourceGroups/dr',
              targetNetworkId: v.network ? '/subscriptions/0/resourceGroups/dr/providers/Microsoft.Network/virtualNetworks/dr' : (undefined as unknown as string),
              targetVmSize: v.size,
              targetZone: v.placement === 'zone' || v.placement === 'both' ? '1' : undefined,
              targetAvailabilitySetId: v.placement === 'set' || v.placement === 'both' ? '/subscriptions/0/resourceGroups/dr/providers/Microsoft.Compute/availabilitySets/as' : undefined,
              defaultLogStorageAccountId: v.disks === 'log' || v.disks === 'both' ? storage : undefined,
              managedDisks: v.disks === 'managed' || v.disks === 'both' ? [{ diskId: '6000C29a-disk0', targetDiskType: 'Premium_LRS', logStorageAccountId: storage }] : undefined,
              networkInterfaces: Array.from({ length: v.nics }, (_, i) => ({ sourceMacAddress: `00:50:56:00:00:0${i}`, targetSubnetName: Object.keys(subnetsFor(net.space, net.subnets) ?? { default: '' })[0], isPrimary: i === 0 })),
            }])),
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
