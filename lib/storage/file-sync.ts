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
import { AFS_PRIVATE_DNS_ZONE, GUID, READER_AND_DATA_ACCESS_ROLE, STORAGE_SYNC_APP_ID, VOLUME_FREE_SPACE_PERCENT } from './defaults';
import type { IFileShareAccount } from './file-share-account';
import { createPrivateLink } from './private-link';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression } from '../core/tokens';
import { HubNetwork, IHubNetwork } from '../network/hub-network';
import { STG_PE_SUBNET, SYNC_CLOUD_ENDPOINT, SYNC_GROUP_DUPLICATE, SYNC_PRINCIPAL, SYNC_REGION, SYNC_SERVER_DUPLICATE, SYNC_SERVER_ID, SYNC_SERVER_PATH, SYNC_TIERING } from './rules';

/** A server endpoint: a path on a registered server that syncs with the group's share. */
export interface ServerEndpointOptions {
  /**
   * Resource id of the registered server (`.../storageSyncServices/<name>/registeredServers/<guid>`),
   * known after the server is registered (phase two, see the runbook).
   */
  readonly registeredServerId: string;
  /** Local path on a non-system volume, e.g. `D:\Shares\Finance`. */
  readonly serverLocalPath: string;
  /**
   * Cloud tiering: keep only hot files on the server.
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
   * Server endpoints by a name of your choice (add them after the servers are registered).
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
export interface FileSyncProps {
  /** The hub whose virtual network gets the `afs` private endpoint. */
  readonly hub: IHubNetwork;
  /**
   * Object id, in your tenant, of the Microsoft.StorageSync service principal (app id
   * 9469b9f5-6722-4481-a2b2-14ed560b706f): `az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id -o tsv`.
   */
  readonly storageSyncPrincipalId: string;
  /**
   * Subnet of the hub for the private endpoint, by name. Exactly one of this and `privateEndpointSubnetId`.
   * @default - none
   */
  readonly privateEndpointSubnetName?: string;
  /**
   * Subnet id for the private endpoint.
   * @default - none
   */
  readonly privateEndpointSubnetId?: string;
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
   * Sync groups by name.
   * @default - none
   */
  readonly syncGroups?: { [name: string]: SyncGroupOptions };
}

const REGISTERED_SERVER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.StorageSync\/storageSyncServices\/[^/]+\/registeredServers\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/i;
const LOCAL_PATH = /^[a-zA-Z]:\\([^<>:"/\\|?*]+\\?)*$/;

interface GroupState {
  readonly group: StorageSyncGroup;
  readonly cloudEndpoint: StorageSyncCloudEndpoint;
  readonly shareName: string;
  readonly servers: Map<string, { name: string; path: string }>;
}

/**
 * Azure File Sync: a Storage Sync Service reachable only from virtual networks (with an `afs`
 * private endpoint), sync groups with exactly one cloud endpoint each, the role the service needs
 * on each storage account, and server endpoints with cloud tiering for registered servers.
 */
export class FileSync extends Construct {
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
  private readonly roleAssignments = new Map<string, RoleAssignment>();

  constructor(scope: Construct, id: string, props: FileSyncProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    checkName(problems, 'storageSyncService', 'name', props.name);
    problems.check(
      !Token.isUnresolved(props.storageSyncPrincipalId) && !GUID.test(props.storageSyncPrincipalId),
      SYNC_PRINCIPAL,
      'storageSyncPrincipalId',
      props.storageSyncPrincipalId,
      'the Microsoft.StorageSync principal is given by its object id (a GUID)',
      `run \`az ad sp show --id ${STORAGE_SYNC_APP_ID} --query id -o tsv\``,
    );
    const byName = props.privateEndpointSubnetName;
    const subnet = byName !== undefined && props.hub instanceof HubNetwork ? props.hub.subnet(byName) : undefined;
    problems.check(
      (byName === undefined) === (props.privateEndpointSubnetId === undefined) || (byName !== undefined && (subnet === undefined || byName === 'GatewaySubnet')),
      STG_PE_SUBNET,
      'privateEndpointSubnetName',
      byName,
      'give exactly one of `privateEndpointSubnetName` (a subnet the hub created) and `privateEndpointSubnetId`',
      "add a subnet with `hub.addSubnet('privatelink')` and pass its name",
    );
    problems.throwIfAny();
    this.principalId = props.storageSyncPrincipalId;
    this.resourceGroupName = props.resourceGroupName ?? props.hub.resourceGroupName;
    this.location = props.location ?? props.hub.location;

    this.storageSync = new StorageSync(this, 'Resource', {
      name: props.name ?? generateName(this, 'storageSyncService'),
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      incomingTrafficPolicy: props.allowAllTraffic ? 'AllowAllTraffic' : 'AllowVirtualNetworksOnly',
    });
    this.storageSyncId = this.storageSync.id;
    const link = createPrivateLink(this, {
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      subnetId: props.privateEndpointSubnetId ?? subnet!.id,
      targetResourceId: this.storageSync.id,
      subresource: 'afs',
      zoneName: AFS_PRIVATE_DNS_ZONE,
      existingZoneId: props.privateDnsZoneId,
      virtualNetworks: { Hub: props.hub.virtualNetworkId, ...(props.linkVirtualNetworks ?? {}) },
    });
    this.privateEndpoint = link.endpoint;
    this.privateDnsZone = link.zone;
    this.privateDnsZoneLinks = link.links;

    for (const [name, options] of Object.entries(props.syncGroups ?? {})) this.addSyncGroup(name, options, `syncGroups.${name}`);

    const runbook = Runbook.of(this);
    this.outputNames = {
      storageSyncName: runbook.addOutput(this, 'StorageSyncName', { value: this.storageSync.name, description: `Storage Sync Service of ${this.node.path}` }),
      storageSyncId: runbook.addOutput(this, 'StorageSyncId', { value: this.storageSync.id, description: `Resource id of the Storage Sync Service of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Azure File Sync ${this.node.path}`, () => this.renderHandoff()));
    this.node.addValidation({ validate: () => this.validateOneCloudEndpoint() });
  }

  /**
   * Adds a sync group with its one cloud endpoint (the share), and grants the sync service
   * "Reader and Data Access" on the share's storage account (once per account).
   */
  public addSyncGroup(name: string, options: SyncGroupOptions, propPrefix = ''): StorageSyncGroup {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.check(this.groups.has(name), SYNC_GROUP_DUPLICATE, propPrefix || 'name', name, `a sync group named ${name} already exists`, 'give each sync group its own name');
    problems.check(
      options.fileShare.shareName(options.shareName) === undefined,
      SYNC_CLOUD_ENDPOINT,
      prop('shareName'),
      options.shareName,
      `${options.fileShare.node.path} has no share ${options.shareName}`,
      'add the share with `fileShare.addShare(name)` first (or list it in `shareNames` of an imported account)',
    );
    const shareLocation = options.fileShare.location;
    problems.check(
      !Token.isUnresolved(shareLocation) && !Token.isUnresolved(this.location) && normalizeRegion(shareLocation) !== normalizeRegion(this.location),
      SYNC_REGION,
      prop('fileShare'),
      shareLocation,
      `the storage account is in ${shareLocation}, the Storage Sync Service in ${this.location}`,
      'put the sync service and the storage account in the same region',
    );
    problems.throwIfAny();

    const group = new StorageSyncGroup(this, `Group${name}`, { name, storageSyncId: this.storageSync.id });
    const role = this.grantAccountAccess(options.fileShare);
    const cloudEndpoint = new StorageSyncCloudEndpoint(this, `Group${name}CloudEndpoint`, {
      name: `${name}-cloud`,
      storageSyncGroupId: group.id,
      // A reference to the share resource's name: the endpoint is created after the share.
      fileShareName: options.fileShare.shareName(options.shareName)!,
      storageAccountId: options.fileShare.storageAccountId,
      dependsOn: [role],
    });
    this.groups.set(name, { group, cloudEndpoint, shareName: options.shareName, servers: new Map() });
    for (const [serverName, server] of Object.entries(options.serverEndpoints ?? {})) {
      this.addServerEndpoint(name, serverName, server, `${prop('serverEndpoints')}.${serverName}`);
    }
    return group;
  }

  /** Adds a server endpoint to a sync group; `name` is the endpoint's name and construct id. */
  public addServerEndpoint(groupName: string, name: string, options: ServerEndpointOptions, propPrefix = ''): StorageSyncServerEndpoint {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    const state = this.groups.get(groupName);
    problems.check(state === undefined, SYNC_CLOUD_ENDPOINT, 'groupName', groupName, 'a server endpoint needs a sync group with its cloud endpoint', 'add the sync group first');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Group${groupName}Server${name}`, propPrefix || 'name', name);
    const serverId = options.registeredServerId;
    if (!Token.isUnresolved(serverId)) {
      problems.check(!REGISTERED_SERVER_ID.test(serverId), SYNC_SERVER_ID, prop('registeredServerId'), serverId, 'not the resource id of a registered server', 'copy it from `Get-AzStorageSyncServer` (phase two of the runbook)');
      problems.check(state!.servers.has(serverId.toLowerCase()), SYNC_SERVER_DUPLICATE, prop('registeredServerId'), serverId, `this server already has an endpoint (${state!.servers.get(serverId.toLowerCase())?.name}) in sync group ${groupName}`, 'sync one path per server and group; use another sync group for another path');
    }
    problems.check(!Token.isUnresolved(options.serverLocalPath) && !LOCAL_PATH.test(options.serverLocalPath), SYNC_SERVER_PATH, prop('serverLocalPath'), options.serverLocalPath, 'not a local Windows path', 'use e.g. D:\\Shares\\Finance');
    problems.check(
      !Token.isUnresolved(options.serverLocalPath) && /^c:\\?$/i.test(options.serverLocalPath),
      SYNC_SERVER_PATH,
      prop('serverLocalPath'),
      options.serverLocalPath,
      'the root of the system volume cannot be a server endpoint',
      'use a folder on a data volume, e.g. D:\\Shares\\Finance',
    );
    const freeSpace = options.volumeFreeSpacePercent ?? VOLUME_FREE_SPACE_PERCENT;
    if (!Token.isUnresolved(freeSpace)) {
      problems.check(!Number.isInteger(freeSpace) || freeSpace < 0 || freeSpace > 100, SYNC_TIERING, prop('volumeFreeSpacePercent'), freeSpace, 'volume free space is 0-100 percent', `use ${VOLUME_FREE_SPACE_PERCENT} (recommended)`);
    }
    const days = options.tierFilesOlderThanDays;
    if (days !== undefined && !Token.isUnresolved(days)) {
      problems.check(!Number.isInteger(days) || days < 0 || days > 2147483647, SYNC_TIERING, prop('tierFilesOlderThanDays'), days, 'a tiering date policy is 0-2147483647 days', 'use e.g. 60');
    }
    problems.throwIfAny();
    const tiering = options.cloudTieringEnabled ?? true;
    const endpoint = new StorageSyncServerEndpoint(this, `Group${groupName}Server${name}`, {
      name,
      storageSyncGroupId: state!.group.id,
      registeredServerId: serverId,
      serverLocalPath: options.serverLocalPath,
      cloudTieringEnabled: tiering,
      volumeFreeSpacePercent: tiering ? freeSpace : undefined,
      tierFilesOlderThanDays: tiering ? days : undefined,
      initialDownloadPolicy: options.initialDownloadPolicy,
      dependsOn: [state!.cloudEndpoint],
    });
    state!.servers.set(Token.isUnresolved(serverId) ? `token-${name}` : serverId.toLowerCase(), { name, path: options.serverLocalPath });
    return endpoint;
  }

  private grantAccountAccess(share: IFileShareAccount): RoleAssignment {
    const existing = this.roleAssignments.get(share.node.path);
    if (existing) return existing;
    const key = share.node.path.split('/').slice(1).join('').replace(/[^a-zA-Z0-9]/g, '');
    const role = new RoleAssignment(this, `ReaderAndDataAccess${key}`, {
      scope: share.storageAccountId,
      roleDefinitionName: READER_AND_DATA_ACCESS_ROLE,
      principalId: this.principalId,
      principalType: 'ServicePrincipal',
    });
    this.roleAssignments.set(share.node.path, role);
    return role;
  }

  private validateOneCloudEndpoint(): string[] {
    const stack = TerraformStack.of(this);
    const errors: string[] = [];
    for (const [name, state] of this.groups) {
      const groupRef = resolveExpression(stack, state.group.id);
      const endpoints = stack.node.findAll().filter((n) => n instanceof StorageSyncCloudEndpoint && resolveExpression(stack, n.storageSyncGroupIdInput) === groupRef);
      if (endpoints.length !== 1) {
        errors.push(
          `[SYNC-CLOUD-ENDPOINT] ${this.node.path}: \`syncGroups.${name}\` = ${endpoints.length} cloud endpoints (${endpoints.map((e) => e.node.path).join(', ')}): a sync group has exactly one cloud endpoint. Fix: sync another share with another sync group`,
        );
      }
    }
    return errors;
  }

  private renderHandoff(): string {
    const name = `$(terraform output -raw ${this.outputNames.storageSyncName})`;
    const groups = [...this.groups.entries()].map(([g, s]) => {
      const servers = [...s.servers.values()].map((v) => `${v.name} (\`${v.path}\`)`).join(', ');
      return `| ${g} | ${s.shareName} | ${servers || 'none yet'} |`;
    });
    return [
      'File Sync is deployed in two phases: Terraform cannot install the agent or register a server,',
      'and a server endpoint needs the id the registration returns.',
      '',
      '| sync group | share (cloud endpoint) | server endpoints |',
      '| --- | --- | --- |',
      ...groups,
      '',
      `Prerequisite (once per tenant): the object id passed as \`storageSyncPrincipalId\` comes from`,
      `\`az ad sp show --id ${STORAGE_SYNC_APP_ID} --query id -o tsv\` (Microsoft.StorageSync); it holds "${READER_AND_DATA_ACCESS_ROLE}" on each storage account.`,
      '',
      '### Phase 1: on each Windows Server (2016 or later), after `cdktf deploy`',
      '',
      'The server must resolve `<region>.afs.azure.net` to the private endpoint (conditional forwarder for',
      '`afs.azure.net`) and reach it and the storage account over the VPN/ExpressRoute (TCP 443, 445).',
      '',
      '```powershell',
      '# Install the Azure File Sync agent (https://aka.ms/afs/agent), then:',
      'Install-Module Az.StorageSync -Scope AllUsers',
      'Connect-AzAccount',
      `$rg = (Get-AzResource -ResourceId "$(terraform output -raw ${this.outputNames.storageSyncId})").ResourceGroupName`,
      `Register-AzStorageSyncServer -ResourceGroupName $rg -StorageSyncServiceName "${name}"`,
      `Get-AzStorageSyncServer -ResourceGroupName $rg -StorageSyncServiceName "${name}" | Select-Object FriendlyName, ResourceId`,
      '```',
      '',
      'A server registers to one Storage Sync Service only.',
      '',
      '### Phase 2: add the server endpoints',
      '',
      'Put each `ResourceId` into `serverEndpoints` (`registeredServerId`) with its local path and deploy again.',
      `Cloud tiering is on by default and keeps ${VOLUME_FREE_SPACE_PERCENT}% of the volume free; it cannot be used on the system volume.`,
    ].join('\n');
  }
}

function normalizeRegion(region: string): string {
  return region.toLowerCase().replace(/\s/g, '');
}
