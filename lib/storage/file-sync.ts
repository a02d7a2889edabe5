import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageSync } from '@cdktf/provider-azurerm/lib/storage-sync';
import { StorageSyncCloudEndpoint } from '@cdktf/provider-azurerm/lib/storage-sync-cloud-endpoint';
import { StorageSyncGroup } from '@cdktf/provider-azurerm/lib/storage-sync-group';
import { StorageSyncServerEndpoint } from '@cdktf/provider-azurerm/lib/storage-sync-server-endpoint';
import { TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AFS_PRIVATE_DNS_ZONE, READER_AND_DATA_ACCESS_ROLE, STORAGE_SYNC_APP_ID, VOLUME_FREE_SPACE_PERCENT } from './defaults';
import { endpointResolver, endpointZoneOf, EndpointZone, recordEndpointZone, resolversInStack } from './endpoint-dns';
import { checkEndpointSubnet } from './endpoint-subnet';
import type { ResolverHandoff } from './handoff/dns';
import { zoneLinks } from './zone-links';
import type { IFileShareAccount } from './file-share-account';
import { renderFileSyncHandoff } from './handoff/file-sync';
import { AzureResource, AzureResourceProps, DiagnosticTarget, PrivateLinkTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { checkUniqueId, checkUniqueIds, distinctChildId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { IPrivateDnsZoneCatalog, PrivateLink } from '../core/private-endpoint';
import { regionName } from '../core/regions';
import { reportAtSynth } from '../core/report';
import { GUID } from '../core/resource-ids';
import { resolveExpression } from '../core/tokens';
import type { IHubNetwork } from '../network/hub-network';
import { SYNC_CLOUD_ENDPOINT, SYNC_GROUP_DUPLICATE, SYNC_PRINCIPAL, SYNC_REGION, SYNC_SERVER_DUPLICATE, SYNC_SERVER_ID, SYNC_SERVER_PATH, SYNC_TIERING } from './rules';
import { ROLE_PROPAGATION_WAIT, TimeSleep } from '../core/time-sleep';

/** A server endpoint: a path on a registered server that syncs with the group's share. */
export interface ServerEndpointOptions {
  /**
   * Resource id of the registered server (`.../storageSyncServices/<name>/registeredServers/<guid>`),
   * known once the server is registered: pass a Terraform variable. The endpoint is created
   * only when the gate `<construct>_servers_registered` is open (phase 2, see the runbook).
   */
  readonly registeredServerId: string;
  /** Local path on a non-system volume, e.g. `D:\Shares\Finance`. */
  readonly serverLocalPath: string;
  /**
   * Cloud tiering: keep only hot files on the server. Must be a literal (PROP-LITERAL): it
   * decides which tiering settings are sent.
   * @default true
   */
  readonly cloudTieringEnabled?: boolean;
  /**
   * Volume free space to keep with cloud tiering, 0-100 percent.
   * @default 20
   */
  readonly volumeFreeSpacePercent?: number;
  /**
   * Also tier files not accessed for this many days.
   * @default - no date policy
   */
  readonly tierFilesOlderThanDays?: number;
  /**
   * `NamespaceThenModifiedFiles`, `NamespaceOnly` or `AvoidTieredFiles`.
   * @default 'NamespaceThenModifiedFiles'
   */
  readonly initialDownloadPolicy?: string;
}

/** A sync group: one share (its cloud endpoint) and the server paths that sync with it. */
export interface SyncGroupOptions {
  /** The account holding the share: a `HybridFileShare`, or `HybridFileShare.fromFileShareAccountAttributes`. */
  readonly fileShare: IFileShareAccount;
  /** Name of the share (added to a `HybridFileShare` with `addShare`, or listed in the imported account's `shareNames`). */
  readonly shareName: string;
  /**
   * Server endpoints by a name of your choice (created in phase 2, once the servers are registered).
   * @default - none
   */
  readonly serverEndpoints?: { [name: string]: ServerEndpointOptions };
}

/** The `terraform output` names a `FileSync` adds for the hand-off. */
export interface FileSyncOutputs {
  /** `terraform output` name of storageSyncName. */
  readonly storageSyncName: string;
  /** `terraform output` name of storageSyncId. */
  readonly storageSyncId: string;
}

/** Props of `FileSync`. */
export interface FileSyncProps extends AzureResourceProps {
  /** The hub whose virtual network gets the private DNS zone link (and gives the default resource group and region). */
  readonly hub: IHubNetwork;
  /**
   * Object id, in your tenant, of the Microsoft.StorageSync service principal (app id
   * 9469b9f5-6722-4481-a2b2-14ed560b706f): `az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id -o tsv`.
   */
  readonly storageSyncPrincipalId: string;
  /**
   * Resource id of the subnet for the `afs` private endpoint, e.g. `hub.addSubnet('privatelink').id`
   * (never the GatewaySubnet).
   */
  readonly privateEndpointSubnetId: string;
  /**
   * Resource group.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
  /**
   * Region; the storage accounts of the cloud endpoints must be in it.
   * @default - the hub's
   */
  readonly location?: string;
  /**
   * Storage Sync Service name.
   * @default - generated: `sss-<path>`
   */
  readonly name?: string;
  /**
   * Accept traffic from the internet as well as from the private endpoint.
   * @default false (AllowVirtualNetworksOnly)
   */
  readonly allowAllTraffic?: boolean;
  /**
   * Further virtual networks to link the `privatelink.afs.azure.net` zone to, by name.
   * @default - the hub only
   */
  readonly linkVirtualNetworks?: { [name: string]: string };
  /**
   * An existing `privatelink.afs.azure.net` zone.
   * @default - a zone is created and linked to the hub
   */
  readonly privateDnsZoneId?: string;
  /**
   * The hub's private-link zone catalog (`PrivateDnsZoneCatalog`): the endpoint registers in its
   * `privatelink.afs.azure.net` zone instead of creating one.
   * @default - a zone is created (unless `privateDnsZoneId` is given)
   */
  readonly privateDnsZones?: IPrivateDnsZoneCatalog;
  /**
   * Sync groups by name.
   * @default - none
   */
  readonly syncGroups?: { [name: string]: SyncGroupOptions };
}

const REGISTERED_SERVER_ID = new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.StorageSync/storageSyncServices/[^/]+/registeredServers/${GUID.source.slice(1, -1)}$`, 'i');
// A drive, then folders each ended by '\\' and an optional last folder. Folder characters exclude
// '\\', so there is exactly one way to split a path: linear time. (The former
// `([^...]+\\?)*` could split a folder name in 2^n ways and hung on a long name followed by a
// refused character, fuzz review 2.) Windows paths are at most 32,767 characters.
const LOCAL_PATH = /^[a-zA-Z]:\\(?:[^<>:"/\\|?*\u0000-\u001f]+\\)*[^<>:"/\\|?*\u0000-\u001f]*$/;
const MAX_LOCAL_PATH = 32767;
const INITIAL_DOWNLOAD_POLICIES = ['NamespaceThenModifiedFiles', 'NamespaceOnly', 'AvoidTieredFiles'];

interface GroupState {
  readonly group: StorageSyncGroup;
  readonly cloudEndpoint: StorageSyncCloudEndpoint;
  readonly shareName: string;
  readonly account: IFileShareAccount;
  readonly servers: Map<string, { name: string; path: string }>;
}

/**
 * Azure File Sync: a Storage Sync Service reachable only from virtual networks (with an `afs`
 * private endpoint), sync groups with exactly one cloud endpoint each (created after the share,
 * and after the role the service needs on the account has had time to take effect), and server
 * endpoints with cloud tiering behind the gate `<construct>_servers_registered`.
 */
export class FileSync extends AzureResource {
  public readonly resourceId: string;
  /** The Storage Sync Service (escape hatch). */
  public readonly storageSync: StorageSync;
  /** The `afs` private endpoint. */
  public readonly privateEndpoint: PrivateEndpoint;
  public readonly privateDnsZone?: PrivateDnsZone;
  public readonly privateDnsZoneLinks: PrivateDnsZoneVirtualNetworkLink[];
  public readonly storageSyncId: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  /** Terraform output names for the runbook. */
  public readonly outputNames: FileSyncOutputs;

  private readonly principalId: string;
  private readonly groups = new Map<string, GroupState>();
  private readonly accountAccess = new Map<string, TimeSleep>();
  private serversGate?: LifecycleGate;

  constructor(scope: Construct, id: string, props: FileSyncProps) {
    super(scope, id);
    this.resolve(props);
    this.principalId = props.storageSyncPrincipalId;
    this.resourceGroupName = props.resourceGroupName ?? props.hub.resourceGroupName;
    this.location = props.location ?? props.hub.location;

    this.storageSync = new StorageSync(this, 'Resource', {
      name: props.name ?? generateName(this, 'storageSyncService'),
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      incomingTrafficPolicy: props.allowAllTraffic ? 'AllowAllTraffic' : 'AllowVirtualNetworksOnly',
    });
    this.resourceId = this.storageSyncId = this.storageSync.id;
    const links = this.resolveLinks(props);
    const link = PrivateLink.create(this, '', {
      ...this.linkTarget(),
      targetResourceId: this.storageSync.id,
      subnetId: props.privateEndpointSubnetId,
      privateDnsZoneId: props.privateDnsZoneId,
      privateDnsZones: props.privateDnsZones,
      linkVirtualNetworkIds: links,
    });
    this.privateEndpoints.push(link);
    this.privateEndpoint = link.endpoint;
    this.privateDnsZone = link.zone;
    this.privateDnsZoneLinks = link.links;

    for (const [name, options] of Object.entries(props.syncGroups ?? {})) this._addSyncGroup(name, options, `syncGroups.${name}`);
    // Who answers on-premises queries for the zone: read at synth by the runbook.
    const zone: EndpointZone = { hub: props.hub, zoneName: AFS_PRIVATE_DNS_ZONE, linkedVirtualNetworkIds: link.zone ? Object.values(links) : undefined, catalog: props.privateDnsZones };
    recordEndpointZone(this, zone);
    this.outputNames = this.handOff(zone);
    this.initCommon(props);
  }

  /** The server registration gate, once a server endpoint exists. */
  public get serversRegisteredGate(): LifecycleGate | undefined {
    return this.serversGate;
  }

  /**
   * Adds a sync group with its one cloud endpoint (the share), and grants the sync service
   * "Reader and Data Access" on the share's storage account (once per account).
   */
  public addSyncGroup(name: string, options: SyncGroupOptions): StorageSyncGroup {
    return this._addSyncGroup(name, options, '');
  }

  /**
   * Adds a server endpoint to a sync group; `name` is the endpoint's name and construct id. It
   * is created when the gate `<construct>_servers_registered` is open (phase 2).
   */
  public addServerEndpoint(groupName: string, name: string, options: ServerEndpointOptions): StorageSyncServerEndpoint {
    return this._addServerEndpoint(groupName, name, options, '');
  }

  /** @internal `addSyncGroup` with the prop path of the caller. */
  public _addSyncGroup(name: string, options: SyncGroupOptions, propPrefix: string): StorageSyncGroup {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.required(prop('fileShare'), options?.fileShare, 'object');
    problems.required(prop('shareName'), options?.shareName, 'string');
    problems.throwIfAny();
    problems.literal(propPrefix || 'name', name, 'the sync group name is its construct id');
    if (!problems.check(this.groups.has(name), SYNC_GROUP_DUPLICATE, propPrefix || 'name', name, `a sync group named ${name} already exists`, 'give each sync group its own name') && !Token.isUnresolved(name)) {
      // Every construct id derived from the name, checked before any is created (fuzz review 4).
      checkUniqueIds(problems, this, [`Group${name}`, `Group${name}CloudEndpoint`], propPrefix || 'name', name);
    }
    const shareRef = options.fileShare.shareName(options.shareName);
    problems.check(shareRef === undefined, SYNC_CLOUD_ENDPOINT, prop('shareName'), options.shareName, `${options.fileShare.node.path} has no share ${options.shareName}`, 'add the share with `fileShare.addShare(name)` first (or list it in `shareNames` of an imported account)');
    const shareLocation = options.fileShare.location;
    problems.check(
      !Token.isUnresolved(shareLocation) && !Token.isUnresolved(this.location) && regionName(shareLocation) !== regionName(this.location),
      SYNC_REGION,
      prop('fileShare'),
      shareLocation,
      `the storage account is in ${shareLocation}, the Storage Sync Service in ${this.location}`,
      'put the sync service and the storage account in the same region',
    );
    problems.throwIfAny();

    const group = new StorageSyncGroup(this, `Group${name}`, { name, storageSyncId: this.storageSync.id });
    const cloudEndpoint = new StorageSyncCloudEndpoint(this, `Group${name}CloudEndpoint`, {
      name: `${name}-cloud`,
      storageSyncGroupId: group.id,
      // A reference to the share resource's name: the endpoint is created after the share.
      fileShareName: shareRef!,
      storageAccountId: options.fileShare.storageAccountId,
      // After the role has had time to take effect (deploy review B8).
      dependsOn: [this.grantAccountAccess(options.fileShare)],
    });
    this.groups.set(name, { group, cloudEndpoint, shareName: options.shareName, account: options.fileShare, servers: new Map() });
    reportAtSynth(this, SYNC_CLOUD_ENDPOINT, () => this.checkOneCloudEndpoint(name, propPrefix || 'name'));
    for (const [serverName, server] of Object.entries(options.serverEndpoints ?? {})) {
      this._addServerEndpoint(name, serverName, server, `${prop('serverEndpoints')}.${serverName}`);
    }
    return group;
  }

  /** @internal `addServerEndpoint` with the prop path of the caller. */
  public _addServerEndpoint(groupName: string, name: string, options: ServerEndpointOptions, propPrefix: string): StorageSyncServerEndpoint {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const state = this.groups.get(groupName);
    const problems = new ProblemCollector(this);
    problems.check(state === undefined, SYNC_CLOUD_ENDPOINT, 'groupName', groupName, 'a server endpoint needs a sync group with its cloud endpoint', 'add the sync group first');
    problems.required(prop('registeredServerId'), options?.registeredServerId, 'string');
    problems.required(prop('serverLocalPath'), options?.serverLocalPath, 'string');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Group${groupName}Server${name}`, propPrefix || 'name', name);
    this.checkServerEndpoint(problems, state!, groupName, options, prop);
    problems.throwIfAny();
    const tiering = options.cloudTieringEnabled ?? true;
    const endpoint = new StorageSyncServerEndpoint(this, `Group${groupName}Server${name}`, {
      name,
      storageSyncGroupId: state!.group.id,
      registeredServerId: options.registeredServerId,
      serverLocalPath: options.serverLocalPath,
      cloudTieringEnabled: tiering,
      volumeFreeSpacePercent: tiering ? options.volumeFreeSpacePercent ?? VOLUME_FREE_SPACE_PERCENT : undefined,
      tierFilesOlderThanDays: tiering ? options.tierFilesOlderThanDays : undefined,
      initialDownloadPolicy: options.initialDownloadPolicy,
      dependsOn: [state!.cloudEndpoint],
    });
    this.serversRegistered().guard(endpoint);
    const serverId = options.registeredServerId;
    state!.servers.set(Token.isUnresolved(serverId) ? `token-${name}` : serverId.toLowerCase(), { name, path: options.serverLocalPath });
    return endpoint;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.storageSync.id, resourceType: 'azurerm_storage_sync' }];
  }

  protected privateLinkTarget(): PrivateLinkTarget | undefined {
    return this.linkTarget();
  }

  private linkTarget(): PrivateLinkTarget {
    return { subresource: 'afs', zoneName: AFS_PRIVATE_DNS_ZONE, resourceGroupName: this.resourceGroupName, location: this.location };
  }

  private resolve(props: FileSyncProps): void {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('hub', props.hub, 'construct');
    problems.required('storageSyncPrincipalId', props.storageSyncPrincipalId, 'string');
    problems.required('privateEndpointSubnetId', props.privateEndpointSubnetId, 'string');
    problems.type('syncGroups', props.syncGroups, 'object');
    problems.type('linkVirtualNetworks', props.linkVirtualNetworks, 'object');
    problems.throwIfAny();
    checkName(problems, 'storageSyncService', 'name', props.name);
    problems.region('location', props.location);
    problems.literal('allowAllTraffic', props.allowAllTraffic, 'it picks the incoming traffic policy');
    problems.guid(SYNC_PRINCIPAL, 'storageSyncPrincipalId', props.storageSyncPrincipalId, `run \`az ad sp show --id ${STORAGE_SYNC_APP_ID} --query id -o tsv\``);
    checkEndpointSubnet(problems, this, props.hub, 'privateEndpointSubnetId', props.privateEndpointSubnetId);
    problems.throwIfAny();
  }

  /** The resolver of the sync service's zone, and whether it answers for every synced share's zone too. */
  private resolvers(zone: EndpointZone): { resolver?: ResolverHandoff; sharesUseResolver: boolean; stackResolvers: string[] } {
    const resolver = endpointResolver(this, zone);
    const shareZones = [...this.groups.values()].map((g) => endpointZoneOf(g.account));
    const sharesUseResolver = resolver !== undefined && shareZones.every((z) => z !== undefined && endpointResolver(this, z)?.path === resolver.path);
    return { resolver, sharesUseResolver, stackResolvers: resolversInStack(this) };
  }

  private resolveLinks(props: FileSyncProps): { [name: string]: string } {
    const problems = new ProblemCollector(this);
    const links = zoneLinks(problems, 'linkVirtualNetworks', props.hub.virtualNetworkId, props.linkVirtualNetworks);
    problems.throwIfAny();
    return links;
  }

  private checkServerEndpoint(problems: ProblemCollector, state: GroupState, groupName: string, options: ServerEndpointOptions, prop: (p: string) => string): void {
    const serverId = options.registeredServerId;
    const path = options.serverLocalPath;
    if (!problems.check(!Token.isUnresolved(serverId) && !REGISTERED_SERVER_ID.test(serverId), SYNC_SERVER_ID, prop('registeredServerId'), serverId, 'not the resource id of a registered server', 'copy it from `Get-AzStorageSyncServer` (phase 1 of the runbook)') && !Token.isUnresolved(serverId)) {
      const other = state.servers.get(serverId.toLowerCase());
      problems.check(other !== undefined, SYNC_SERVER_DUPLICATE, prop('registeredServerId'), serverId, `this server already has an endpoint (${other?.name}) in sync group ${groupName}`, 'sync one path per server and group; use another sync group for another path');
    }
    if (!Token.isUnresolved(path)) {
      problems.check(typeof path !== 'string' || path.length > MAX_LOCAL_PATH || !LOCAL_PATH.test(path), SYNC_SERVER_PATH, prop('serverLocalPath'), path, 'not a local Windows path', 'use e.g. D:\\Shares\\Finance');
      problems.check(/^c:\\?$/i.test(path), SYNC_SERVER_PATH, prop('serverLocalPath'), path, 'the root of the system volume cannot be a server endpoint', 'use a folder on a data volume, e.g. D:\\Shares\\Finance');
    }
    problems.literal(prop('cloudTieringEnabled'), options.cloudTieringEnabled, 'it decides which tiering settings are sent');
    problems.integer(SYNC_TIERING, prop('volumeFreeSpacePercent'), options.volumeFreeSpacePercent, 0, 100, `use ${VOLUME_FREE_SPACE_PERCENT} (recommended)`);
    problems.integer(SYNC_TIERING, prop('tierFilesOlderThanDays'), options.tierFilesOlderThanDays, 0, 2147483647, 'use e.g. 60');
    problems.oneOf(SYNC_TIERING, prop('initialDownloadPolicy'), options.initialDownloadPolicy, INITIAL_DOWNLOAD_POLICIES);
  }

  /** The gate server endpoints wait behind: registered servers exist only after `Register-AzStorageSyncServer`. */
  private serversRegistered(): LifecycleGate {
    this.serversGate ??= LifecycleGate.of(this, `${outputName(this, '')}_servers_registered`, {
      waitsFor: 'the file servers are registered to the Storage Sync Service (Register-AzStorageSyncServer) and their resource ids are given to the stack',
      performedBy: 'the on-premises file server administrators',
      verify: 'Get-AzStorageSyncServer -ResourceGroupName <rg> -StorageSyncServiceName <name> | Select-Object FriendlyName, ResourceId',
    });
    return this.serversGate;
  }

  /**
   * "Reader and Data Access" for the sync service on the account (once per account), and a
   * `time_sleep` after it that the cloud endpoint waits for: the role takes minutes to take
   * effect, and the cloud endpoint create fails until it has.
   */
  private grantAccountAccess(account: IFileShareAccount): TimeSleep {
    const existing = this.accountAccess.get(account.node.path);
    if (existing) return existing;
    // Letters and digits of the account's path; two paths that clean to the same key (`Files-1`,
    // `Files1`) get a hash suffix for the second, instead of a raw constructs error (fuzz review 4).
    const cleaned = account.node.path.split('/').slice(1).join('').replace(/[^a-zA-Z0-9]/g, '');
    const key = distinctChildId(this, `ReaderAndDataAccess${cleaned}`, account.node.path, ['', 'Propagation']).slice('ReaderAndDataAccess'.length);
    const role = new RoleAssignment(this, `ReaderAndDataAccess${key}`, {
      scope: account.storageAccountId,
      roleDefinitionName: READER_AND_DATA_ACCESS_ROLE,
      principalId: this.principalId,
      principalType: 'ServicePrincipal',
    });
    const wait = new TimeSleep(this, `ReaderAndDataAccess${key}Propagation`, { createDuration: ROLE_PROPAGATION_WAIT, triggers: { role_assignment_id: role.id } });
    this.accountAccess.set(account.node.path, wait);
    return wait;
  }

  private checkOneCloudEndpoint(name: string, prop: string): { prop: string; value: unknown; detail: string; fix: string } | undefined {
    const stack = TerraformStack.of(this);
    const groupRef = resolveExpression(stack, this.groups.get(name)!.group.id);
    const endpoints = stack.node.findAll().filter((n) => n instanceof StorageSyncCloudEndpoint && resolveExpression(stack, n.storageSyncGroupIdInput) === groupRef);
    if (endpoints.length === 1) return undefined;
    return { prop, value: name, detail: `sync group ${name} has ${endpoints.length} cloud endpoints (${endpoints.map((e) => e.node.path).join(', ')}): a sync group has exactly one`, fix: 'sync another share with another sync group' };
  }

  private handOff(zone: EndpointZone): FileSyncOutputs {
    const runbook = Runbook.of(this);
    const outputs = {
      storageSyncName: runbook.addOutput(this, 'StorageSyncName', { value: this.storageSync.name, description: `Storage Sync Service of ${this.node.path}` }),
      storageSyncId: runbook.addOutput(this, 'StorageSyncId', { value: this.storageSync.id, description: `Resource id of the Storage Sync Service of ${this.node.path}` }),
    };
    runbook.addSection(
      new LazySection(`Azure File Sync ${this.node.path}`, () =>
        renderFileSyncHandoff({
          syncNameOutput: outputs.storageSyncName,
          syncIdOutput: outputs.storageSyncId,
          groups: [...this.groups.entries()].map(([g, s]) => ({ name: g, shareName: s.shareName, servers: [...s.servers.values()] })),
          serversGate: this.serversGate?.name,
          ...this.resolvers(zone),
        }),
      ),
    );
    return outputs;
  }
}

