import * as fc from 'fast-check';
import { AzureProvider, DefaultSharePermission, FileSync, HubNetwork, HybridFileShare, LogAnalyticsWorkspace, ShareAccessLevel, ShareProtocol } from '../../lib';
import { TerraformStack, Testing } from 'cdktf';
import { mostly, NUM_RUNS, opt, PropertyRuns, synthChecked } from './property-helpers';

// Property (issue 3): every generated input either synthesizes to JSON that passes the schema
// check, the policy rule pack and the secure defaults (HTTPS only, TLS 1.2), or throws the
// library's ValidationError.

const runs = new PropertyRuns();
/** Many props per case: each broken value is rarer than in the model, so that both outcomes stay frequent. */
const m = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> => mostly(good, bad, 15);
afterAll(() => runs.report('storage'));

const GUID_A = '0b0c9b1e-8f5a-4f0e-9c4b-2d7e4f3a1b2c';
const GUID_B = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const WORKSPACE_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';

/** Quotas around 1, 100/101 (premium), 5120/5121 (large shares), 102400/102401. */
const quota = m(opt(fc.constantFrom(1, 100, 101, 1024, 5120, 5121, 102400)), fc.constantFrom(0, 102401, -1, 1.5));
const shareName = m(fc.constantFrom('finance', 'hr-data', 'abc', 's'.repeat(63)), fc.constantFrom('ab', 's'.repeat(64), 'Finance', 'a--b', 'data-', '-data', 'finance'));
const share = fc.record({
  name: shareName,
  quotaGib: quota,
  protocol: m(opt(fc.constant(ShareProtocol.SMB)), fc.constant(ShareProtocol.NFS)),
  accessTier: m(opt(fc.constantFrom('TransactionOptimized', 'Hot', 'Cool')), fc.constant('Premium')),
});
const activeDirectory = fc.record({
  domainName: mostly(fc.constant('corp.contoso.com'), fc.constantFrom('corp', ''), 25),
  domainGuid: mostly(fc.constant(GUID_A), fc.constant('not-a-guid'), 25),
  domainSid: mostly(fc.constant('S-1-5-21-1-2-3'), fc.constant('S-1-5-21-1-2'), 25),
  storageSid: mostly(fc.constant('S-1-5-21-1-2-3-1104'), fc.constant('S-1-5-21-1-2-3'), 25),
  forestName: mostly(fc.constant('contoso.com'), fc.constant('contoso'), 25),
  netbiosDomainName: mostly(fc.constantFrom('CORP', 'N'.repeat(15)), fc.constant('N'.repeat(16)), 25),
});

/** A stack with `AzureProvider` (data_plane_available = false for private accounts, as the rule pack asks). */
function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzureProvider(stack, 'azurerm');
  return stack;
}

/** The private endpoint subnet: a reference or an id (good), missing, not a subnet id, or the GatewaySubnet (bad). */
function subnetFor(hub: HubNetwork, kind: string): string {
  if (kind === 'ref') return hub.subnetId('privatelink')!;
  if (kind === 'id') return '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe';
  if (kind === 'malformed') return 'privatelink';
  if (kind === 'GatewaySubnet') return hub.gatewaySubnetId;
  return undefined as unknown as string;
}

function hubWithSubnet(stack: any): HubNetwork {
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  hub.addSubnet('privatelink');
  return hub;
}

test('HybridFileShare (+ addShare, AD DS options, grantShareAccess): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      fc.record({
        name: m(opt(fc.constantFrom('stfiles01', 'abc', 's'.repeat(24))), fc.constantFrom('ab', 's'.repeat(25), 'StFiles', 'st-files')),
        premium: opt(fc.boolean()),
        replication: m(opt(fc.constantFrom('LRS', 'ZRS')), fc.constantFrom('GRS', 'GZRS', 'RAGRS', 'RAGZRS')),
        largeFileShares: opt(fc.boolean()),
        softDelete: m(opt(fc.constantFrom(1, 14, 365)), fc.constantFrom(0, 366, 1.5)),
        smbHardening: opt(fc.boolean()),
        publicNetworkAccess: opt(fc.boolean()),
        subnet: m(fc.constantFrom('ref', 'id'), fc.constantFrom('none', 'malformed', 'GatewaySubnet')),
        activeDirectory: opt(activeDirectory),
        defaultSharePermission: opt(fc.constantFrom(...Object.values(DefaultSharePermission))),
        existingZone: fc.boolean(),
        workspace: fc.boolean(),
        propShares: fc.array(share, { maxLength: 2 }),
        addedShares: fc.array(share, { maxLength: 2 }),
        grants: fc.array(fc.record({
          principal: m(fc.constantFrom(GUID_A, GUID_B), fc.constant('bob@contoso.com')),
          level: fc.constantFrom(...Object.values(ShareAccessLevel)),
          share: m(fc.constantFrom('none', 'first'), fc.constant('unknown')),
        }), { maxLength: 3 }),
      }),
      (p) => {
        runs.classify('HybridFileShare', () => {
          const stack = newStack();
          const hub = hubWithSubnet(stack);
          const shares: Record<string, any> = {};
          for (const s of p.propShares) shares[s.name] = { quotaGib: s.quotaGib, protocol: s.protocol, accessTier: s.accessTier };
          const files = new HybridFileShare(stack, 'Files', {
            hub,
            privateEndpointSubnetId: subnetFor(hub, p.subnet),
            name: p.name,
            premium: p.premium,
            // A premium account has Premium shares: keep the generated tiers consistent most of the time.
            replicationType: p.replication,
            largeFileSharesEnabled: p.largeFileShares,
            shareSoftDeleteDays: p.softDelete,
            smbHardening: p.smbHardening,
            publicNetworkAccessEnabled: p.publicNetworkAccess,
            activeDirectory: p.activeDirectory,
            defaultSharePermission: p.activeDirectory ? p.defaultSharePermission : undefined,
            privateDnsZoneId: p.existingZone ? '/subscriptions/0/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net' : undefined,
            logAnalyticsWorkspace: p.workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID) : undefined,
            shares: p.premium ? fixTiers(shares) : shares,
          });
          for (const s of p.addedShares) files.addShare(s.name, { quotaGib: s.quotaGib, protocol: s.protocol, accessTier: p.premium && s.accessTier !== undefined && s.accessTier !== 'Premium' ? undefined : s.accessTier });
          for (const g of p.grants) {
            const target = g.share === 'first' ? files.shareNames[0] : g.share === 'unknown' ? 'no-such-share' : undefined;
            files.grantShareAccess(g.principal, g.level, target);
          }
          const json = synthChecked(stack);
          for (const sa of Object.values<any>(json.resource.azurerm_storage_account)) {
            expect(sa.allow_nested_items_to_be_public).toBe(false);
            expect(sa.share_properties.retention_policy.days).toBeGreaterThanOrEqual(1);
          }
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

/** Premium accounts only take Premium shares: most generated premium cases leave the tier out. */
function fixTiers(shares: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.entries(shares).map(([n, s]) => [n, { ...s, accessTier: s.accessTier === 'Hot' ? undefined : s.accessTier }]));
}

const serverId = (guid: string, service = 'sss') => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.StorageSync/storageSyncServices/${service}/registeredServers/${guid}`;

test('FileSync (+ sync groups and server endpoints): synthesizes checked JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      fc.record({
        principal: m(fc.constantFrom(GUID_A, GUID_A.toUpperCase()), fc.constantFrom('9469b9f5', '')),
        subnet: m(fc.constantFrom('ref', 'id'), fc.constantFrom('none', 'malformed', 'GatewaySubnet')),
        name: m(opt(fc.constantFrom('sss-files', 's'.repeat(260))), fc.constantFrom('s'.repeat(261), 'bad name')),
        allowAllTraffic: opt(fc.boolean()),
        fileShareLocation: m(opt(fc.constantFrom('westeurope', 'West Europe')), fc.constant('northeurope')),
        groups: fc.array(fc.record({
          name: m(fc.constantFrom('finance', 'hr', 'ops'), fc.constant('finance')),
          share: m(fc.constantFrom('finance', 'hr-data'), fc.constant('unknown')),
          servers: fc.array(fc.record({
            name: fc.constantFrom('srv1', 'srv2', 'srv3'),
            guid: m(fc.constantFrom(GUID_A, GUID_B), fc.constantFrom('not-a-guid')),
            path: m(fc.constantFrom('D:\\Shares\\Finance', 'E:\\', 'D:\\Data'), fc.constantFrom('C:\\', 'c:', '/mnt/share', 'D:Shares', '\\\\server\\share')),
            freeSpace: m(opt(fc.constantFrom(0, 20, 100)), fc.constantFrom(-1, 101, 20.5)),
            olderThan: m(opt(fc.constantFrom(0, 60, 2147483647)), fc.constantFrom(-1, 2147483648, 1.5)),
            tiering: opt(fc.boolean()),
            policy: opt(fc.constantFrom('NamespaceThenModifiedFiles', 'NamespaceOnly', 'AvoidTieredFiles')),
          }), { maxLength: 2 }),
        }), { maxLength: 2 }),
      }),
      (p) => {
        runs.classify('FileSync', () => {
          const stack = newStack();
          const hub = hubWithSubnet(stack);
          const files = new HybridFileShare(stack, 'Files', {
            hub,
            privateEndpointSubnetId: hub.subnetId('privatelink')!,
            location: p.fileShareLocation,
            shares: { finance: {}, 'hr-data': { quotaGib: 100 } },
          });
          const sync = new FileSync(stack, 'Sync', {
            hub,
            storageSyncPrincipalId: p.principal,
            privateEndpointSubnetId: subnetFor(hub, p.subnet),
            name: p.name,
            allowAllTraffic: p.allowAllTraffic,
          });
          for (const g of p.groups) {
            const serverEndpoints: Record<string, any> = {};
            for (const s of g.servers) {
              serverEndpoints[s.name] = {
                registeredServerId: serverId(s.guid),
                serverLocalPath: s.path,
                cloudTieringEnabled: s.tiering,
                volumeFreeSpacePercent: s.freeSpace,
                tierFilesOlderThanDays: s.olderThan,
                initialDownloadPolicy: s.policy,
              };
            }
            sync.addSyncGroup(g.name, { fileShare: files, shareName: g.share, serverEndpoints });
          }
          const json = synthChecked(stack);
          expect(Object.values<any>(json.resource.azurerm_storage_sync)[0].incoming_traffic_policy).toBe(p.allowAllTraffic ? 'AllowAllTraffic' : 'AllowVirtualNetworksOnly');
          // Exactly one cloud endpoint per sync group.
          expect(Object.keys(json.resource.azurerm_storage_sync_cloud_endpoint ?? {}).length).toBe(Object.keys(json.resource.azurerm_storage_sync_group ?? {}).length);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
