import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Token } from 'cdktf';
import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { ActiveDirectoryOptions, applyActiveDirectory, checkActiveDirectory, DefaultSharePermission } from './active-directory';
import { FILE_PRIVATE_DNS_ZONE, LOCAL_OR_ZONE_REPLICATION, REPLICATION_TYPES, SHARE_SOFT_DELETE_DAYS, SMB_AUTHENTICATION_TYPES, SMB_CHANNEL_ENCRYPTION, SMB_KERBEROS_TICKET_ENCRYPTION, SMB_VERSIONS } from './defaults';
import { endpointResolver, EndpointZone, recordEndpointZone, resolversInStack } from './endpoint-dns';
import { checkEndpointSubnet } from './endpoint-subnet';
import { zoneLinks } from './zone-links';
import { FileShareAccountAttributes, fileShareDiagnosticTargets, IFileShareAccount, ImportedFileShareAccount } from './file-share-account';
import { renderFileShareHandoff } from './handoff/hybrid-file-share';
import { FileShareOptions, resolveShare, ShareAccessLevel, ShareGrant } from './share-access';
import { AzureResource, AzureResourceProps, DiagnosticTarget, PrivateLinkTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { IPrivateDnsZoneCatalog, PrivateLink } from '../core/private-endpoint';
import { checkFinalBody } from '../core/report';
import { displayValue, resolveExpression } from '../core/tokens';
import type { IHubNetwork } from '../network/hub-network';
import {
  STG_HTTPS_ONLY,
  STG_LARGE_REPLICATION,
  STG_NESTED_PUBLIC,
  STG_PREMIUM_REPLICATION,
  STG_PUBLIC_NETWORK,
  STG_REPLICATION_TYPE,
  STG_ROLE_PRINCIPAL,
  STG_SHARE_ROLE,
  STG_SHARE_SOFT_DELETE,
  STG_SOFT_DELETE_DAYS,
  STG_TLS_MIN,
} from './rules';

export type { FileShareAccountAttributes, IFileShareAccount } from './file-share-account';
export type { ActiveDirectoryOptions } from './active-directory';
export { DefaultSharePermission } from './active-directory';
export type { FileShareOptions } from './share-access';
export { ShareAccessLevel, ShareProtocol } from './share-access';

/** The `terraform output` names a `HybridFileShare` adds for the hand-off. */
export interface HybridFileShareOutputs {
  /** `terraform output` name of storageAccountName. */
  readonly storageAccountName: string;
  /** `terraform output` name of storageAccountId. */
  readonly storageAccountId: string;
}

/** Props of `HybridFileShare`. */
export interface HybridFileShareProps extends AzureResourceProps {
  /** The hub whose virtual network gets the private DNS zone link (and gives the default resource group and region). */
  readonly hub: IHubNetwork;
  /**
   * Resource id of the subnet for the `file` private endpoint, e.g. `hub.addSubnet('privatelink').id`
   * or `hub.subnetId('privatelink')` (never the GatewaySubnet).
   */
  readonly privateEndpointSubnetId: string;
  /**
   * Resource group.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
  /**
   * Azure region.
   * @default - the hub's
   */
  readonly location?: string;
  /**
   * Storage account name (3-24 lowercase letters and digits, globally unique).
   * @default - generated: `st<path><hash>`
   */
  readonly name?: string;
  /**
   * Premium (FileStorage, SSD, provisioned) instead of standard (StorageV2). Must be a literal
   * (PROP-LITERAL): it decides the account kind and which settings exist.
   * @default false
   */
  readonly premium?: boolean;
  /**
   * Replication: LRS, ZRS, GRS, RAGRS, GZRS, RAGZRS (premium: LRS or ZRS).
   * @default 'ZRS'
   */
  readonly replicationType?: string;
  /**
   * Large file shares (up to 100 TiB) on a standard account; LRS and ZRS only.
   * @default - true on standard LRS/ZRS accounts, false on geo-replicated ones (and when `replicationType` is an expression)
   */
  readonly largeFileSharesEnabled?: boolean;
  /**
   * Share soft delete retention, 1-365 days.
   * @default 14
   */
  readonly shareSoftDeleteDays?: number;
  /**
   * Restrict SMB to 3.1.1 with Kerberos and AES-256-GCM (the maximum-security profile): clients
   * must be Windows 11 / Windows Server 2022 or later. Turn off for Windows 10 and Server
   * 2016/2019 clients, or for NTLMv2 access. Must be a literal (PROP-LITERAL).
   * @default true
   */
  readonly smbHardening?: boolean;
  /**
   * Public network access; off, the account is reachable through its private endpoint only. On,
   * the network rules still deny by default (trusted Azure services allowed): add IP rules through
   * `storageAccount.networkRules`.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Identity-based access with on-premises AD DS, applied in phase 2 behind the gate
   * `<construct>_joined_to_ad`, once `Join-AzStorageAccount` has run (see the runbook).
   * @default - none
   */
  readonly activeDirectory?: ActiveDirectoryOptions;
  /**
   * Share-level permission of authenticated identities without a role assignment.
   * @default DefaultSharePermission.NONE
   */
  readonly defaultSharePermission?: DefaultSharePermission;
  /**
   * Further virtual networks (spokes) to link the private DNS zone to, by a name of your choice.
   * @default - the hub only
   */
  readonly linkVirtualNetworks?: { [name: string]: string };
  /**
   * An existing `privatelink.file.core.windows.net` zone (one per resolver scope); its links are
   * then yours to manage.
   * @default - a zone is created and linked to the hub
   */
  readonly privateDnsZoneId?: string;
  /**
   * The hub's private-link zone catalog (`PrivateDnsZoneCatalog`): the endpoint registers in its
   * `privatelink.file.core.windows.net` zone instead of creating one.
   * @default - a zone is created (unless `privateDnsZoneId` is given)
   */
  readonly privateDnsZones?: IPrivateDnsZoneCatalog;
  /**
   * Shares by name, created with the account (one share per account is recommended).
   * @default - none
   */
  readonly shares?: { [name: string]: FileShareOptions };
}

/** The props after checks and defaults. */
interface Resolved {
  readonly premium: boolean;
  readonly replication: string;
  readonly largeFileShares: boolean;
  readonly softDelete: number;
  readonly hardening: boolean;
  readonly links: { [name: string]: string };
}

/**
 * A storage account built for Azure file shares in a hybrid estate: HTTPS only, TLS 1.2, no
 * public nested items, public network access off, a `file` private endpoint in the hub with its
 * private DNS zone, share soft delete, large file shares, SMB 3.1.1/Kerberos/AES-256-GCM, AD DS
 * identity-based access (phase 2, after the domain join) with RBAC share permissions. Nothing
 * in it uses the storage data plane (shares by `storage_account_id`), so the stack deploys with
 * `data_plane_available = false` (`AzureProvider`).
 */
export class HybridFileShare extends AzureResource implements IFileShareAccount {
  /**
   * An existing storage account with file shares, for File Sync and Azure Backup (diagnostics,
   * grants and a lock work on it too).
   */
  public static fromFileShareAccountAttributes(scope: Construct, id: string, attrs: FileShareAccountAttributes): IFileShareAccount {
    return new ImportedFileShareAccount(scope, id, attrs);
  }

  public readonly resourceId: string;
  /** The storage account (escape hatch). */
  public readonly storageAccount: StorageAccount;
  /** The `file` private endpoint. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** The private DNS zone, unless an existing one was given. */
  public readonly privateDnsZone?: PrivateDnsZone;
  /** Links of the private DNS zone to the hub and spokes. */
  public readonly privateDnsZoneLinks: PrivateDnsZoneVirtualNetworkLink[];
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  /** True on a premium FileStorage account. */
  public readonly premium: boolean;
  /** True when large file shares are on (always for premium). */
  public readonly largeFileSharesEnabled: boolean;
  /** True when SMB is restricted to 3.1.1, Kerberos and AES-256-GCM. */
  public readonly smbHardening: boolean;
  /** The phase-2 gate that applies the AD DS settings, when `activeDirectory` is given. */
  public readonly joinedToAdGate?: LifecycleGate;
  /** Terraform output names for the runbook. */
  public readonly outputNames: HybridFileShareOutputs;

  private readonly sharesByName = new Map<string, StorageShare>();
  private readonly grants: ShareGrant[] = [];

  constructor(scope: Construct, id: string, props: HybridFileShareProps) {
    super(scope, id);
    const resolved = this.resolve(props);
    this.premium = resolved.premium;
    this.largeFileSharesEnabled = resolved.largeFileShares;
    this.smbHardening = resolved.hardening;
    this.resourceGroupName = props.resourceGroupName ?? props.hub.resourceGroupName;
    this.location = props.location ?? props.hub.location;

    this.storageAccount = this.buildAccount(props, resolved);
    this.resourceId = this.storageAccountId = this.storageAccount.id;
    this.storageAccountName = this.storageAccount.name;
    if (props.activeDirectory) {
      this.joinedToAdGate = applyActiveDirectory(this.storageAccount, this, props.activeDirectory, props.defaultSharePermission ?? DefaultSharePermission.NONE);
    }
    checkFinalBody(this, this.storageAccount, [STG_PUBLIC_NETWORK, STG_HTTPS_ONLY, STG_TLS_MIN, STG_NESTED_PUBLIC, STG_SHARE_SOFT_DELETE]);

    const link = PrivateLink.create(this, '', {
      ...this.linkTarget(),
      targetResourceId: this.storageAccount.id,
      subnetId: props.privateEndpointSubnetId,
      privateDnsZoneId: props.privateDnsZoneId,
      privateDnsZones: props.privateDnsZones,
      linkVirtualNetworkIds: resolved.links,
    });
    this.privateEndpoints.push(link);
    this.privateEndpoint = link.endpoint;
    this.privateDnsZone = link.zone;
    this.privateDnsZoneLinks = link.links;
    for (const [name, options] of Object.entries(props.shares ?? {})) this._addShare(name, options ?? {}, `shares.${name}`);

    // Who answers on-premises queries for the zone: read at synth by the runbook (and by File Sync's).
    const zone: EndpointZone = { hub: props.hub, zoneName: FILE_PRIVATE_DNS_ZONE, linkedVirtualNetworkIds: link.zone ? Object.values(resolved.links) : undefined, catalog: props.privateDnsZones };
    recordEndpointZone(this, zone);
    this.outputNames = this.handOff(resolved, zone);
    this.initCommon(props);
  }

  /** The shares added so far, by name. */
  public get shareNames(): string[] {
    return [...this.sharesByName.keys()];
  }

  /** A share created by this construct, by name. */
  public share(name: string): StorageShare | undefined {
    return this.sharesByName.get(name);
  }

  /** The name of a share this construct created, as a reference to the share resource (an ordering edge for dependents). */
  public shareName(name: string): string | undefined {
    return this.sharesByName.get(name)?.name;
  }

  /**
   * Adds a file share; its name is also its construct id (`Share<name>`), so it must be a
   * literal (PROP-LITERAL).
   */
  public addShare(name: string, options: FileShareOptions = {}): StorageShare {
    return this._addShare(name, options, '');
  }

  /**
   * Grants a share-level role to a user, group or managed identity (its Entra object id) on the
   * whole account (through `grant`) or on one share of it. With AD DS, sync the identity to Entra
   * ID first. Idempotent: the same grant twice is one role assignment.
   */
  public grantShareAccess(principalId: string, level: ShareAccessLevel, shareName?: string): RoleAssignment {
    const problems = new ProblemCollector(this);
    problems.required('principalId', principalId, 'string');
    problems.required('level', level, 'string');
    problems.oneOf(STG_SHARE_ROLE, 'level', level, Object.values(ShareAccessLevel), 'use ShareAccessLevel.READER, CONTRIBUTOR or ELEVATED_CONTRIBUTOR (broader roles are granted with `grant`, on purpose)');
    problems.type('shareName', shareName, 'string');
    problems.guid(STG_ROLE_PRINCIPAL, 'principalId', principalId, 'use the object id, e.g. from `az ad group show --group <name> --query id`');
    problems.check(shareName !== undefined && !this.sharesByName.has(shareName), STG_ROLE_PRINCIPAL, 'shareName', shareName, 'no share of that name in this account', `use one of ${this.shareNames.join(', ') || '(none yet: add the share first)'}`);
    problems.throwIfAny();
    const grant: ShareGrant = { principal: displayValue(this, principalId), level, share: shareName };
    if (shareName === undefined) {
      const before = this.roleAssignments.length;
      const assignment = this.grant(principalId, level);
      if (this.roleAssignments.length > before) this.grants.push(grant);
      return assignment;
    }
    // Share scope: the same idempotence as `grant`; construct id `Access<hash>` as before, so
    // existing assignments are kept.
    const key = createHash('sha256').update(`${String(resolveExpression(this, principalId))}/${level}/${shareName}`).digest('hex').slice(0, 8);
    const existing = this.node.tryFindChild(`Access${key}`) as RoleAssignment | undefined;
    if (existing) return existing;
    this.grants.push(grant);
    return new RoleAssignment(this, `Access${key}`, { scope: this.sharesByName.get(shareName)!.id, roleDefinitionName: level, principalId });
  }

  /** @internal `addShare` with the prop path of the caller (`shares.<name>` from the constructor). */
  public _addShare(name: string, options: FileShareOptions, propPrefix: string): StorageShare {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.type(propPrefix || 'options', options, 'object');
    problems.throwIfAny();
    const account = { premium: this.premium, largeFileSharesEnabled: this.largeFileSharesEnabled, hasShare: (n: string) => this.sharesByName.has(n) };
    const share = resolveShare(problems, account, name, options, propPrefix || 'name', prop);
    problems.throwIfAny();
    // By `storage_account_id`: the provider then uses the Resource Manager API only, never the
    // file data plane (v4.55.0 internal/services/storage/storage_share_resource.go, create: the
    // data-plane client is used only when `storage_account_name` is set).
    const resource = new StorageShare(this, `Share${name}`, { name, storageAccountId: this.storageAccount.id, quota: share.quota, enabledProtocol: share.protocol, accessTier: share.tier });
    this.sharesByName.set(name, resource);
    return resource;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return fileShareDiagnosticTargets(this.storageAccount.id);
  }

  protected privateLinkTarget(): PrivateLinkTarget | undefined {
    return this.linkTarget();
  }

  private linkTarget(): PrivateLinkTarget {
    return { subresource: 'file', zoneName: FILE_PRIVATE_DNS_ZONE, resourceGroupName: this.resourceGroupName, location: this.location };
  }

  /** Every check on the props (one error listing all problems), and the defaults. */
  private resolve(props: HybridFileShareProps): Resolved {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('hub', props.hub, 'construct');
    problems.required('privateEndpointSubnetId', props.privateEndpointSubnetId, 'string');
    problems.type('shares', props.shares, 'object');
    problems.type('linkVirtualNetworks', props.linkVirtualNetworks, 'object');
    problems.throwIfAny();
    checkName(problems, 'storageAccount', 'name', props.name);
    problems.region('location', props.location);
    problems.literal('premium', props.premium, 'it decides the account kind (FileStorage or StorageV2) and which settings exist');
    problems.literal('smbHardening', props.smbHardening, 'it decides whether the SMB settings block exists');
    const premium = props.premium ?? false;
    const replication = props.replicationType ?? 'ZRS';
    const localOrZone = LOCAL_OR_ZONE_REPLICATION.includes(replication);
    problems.oneOf(STG_REPLICATION_TYPE, 'replicationType', replication, REPLICATION_TYPES, "use 'ZRS' (the default), 'LRS', 'GRS', 'RAGRS', 'GZRS' or 'RAGZRS', in capitals");
    if (!Token.isUnresolved(replication)) {
      problems.check(premium && !localOrZone, STG_PREMIUM_REPLICATION, 'replicationType', replication, 'a premium FileStorage account replicates only LRS or ZRS', "use 'ZRS' (or 'LRS'); protect against region loss with backup to a geo-redundant vault");
      problems.check(!premium && props.largeFileSharesEnabled === true && !localOrZone, STG_LARGE_REPLICATION, 'largeFileSharesEnabled', true, `large file shares are not available on ${replication} accounts`, "use 'ZRS' or 'LRS' replication, or leave large file shares off (shares up to 5120 GiB)");
    }
    const softDelete = props.shareSoftDeleteDays ?? SHARE_SOFT_DELETE_DAYS;
    problems.integer(STG_SOFT_DELETE_DAYS, 'shareSoftDeleteDays', softDelete, 1, 365, `use ${SHARE_SOFT_DELETE_DAYS} (recommended)`);
    if (props.activeDirectory !== undefined) checkActiveDirectory(problems, props.activeDirectory);
    checkEndpointSubnet(problems, this, props.hub, 'privateEndpointSubnetId', props.privateEndpointSubnetId);
    const links = zoneLinks(problems, 'linkVirtualNetworks', props.hub.virtualNetworkId, props.linkVirtualNetworks);
    problems.throwIfAny();
    // A token for largeFileSharesEnabled counts as on: share quotas are then not refused at synth.
    const largeFileShares = premium || (props.largeFileSharesEnabled ?? localOrZone) !== false;
    return { premium, replication, largeFileShares, softDelete, hardening: props.smbHardening ?? true, links };
  }

  private buildAccount(props: HybridFileShareProps, r: Resolved): StorageAccount {
    return new StorageAccount(this, 'Resource', {
      name: props.name ?? generateName(this, 'storageAccount'),
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      accountKind: r.premium ? 'FileStorage' : 'StorageV2',
      accountTier: r.premium ? 'Premium' : 'Standard',
      accountReplicationType: r.replication,
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: props.publicNetworkAccessEnabled ?? false,
      crossTenantReplicationEnabled: false,
      largeFileShareEnabled: r.premium ? undefined : r.largeFileShares,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      // share_properties is set through the Resource Manager file service API, not the data
      // plane (v4.55.0 storage_account_resource.go, FileService.SetServiceProperties); no
      // queue_properties or static_website, which need the data plane (same file, refused
      // with `data_plane_available = false`).
      shareProperties: {
        retentionPolicy: { days: r.softDelete },
        smb: r.hardening
          ? {
            versions: SMB_VERSIONS,
            authenticationTypes: SMB_AUTHENTICATION_TYPES,
            kerberosTicketEncryptionType: SMB_KERBEROS_TICKET_ENCRYPTION,
            channelEncryptionType: SMB_CHANNEL_ENCRYPTION,
            multichannelEnabled: r.premium ? true : undefined,
          }
          : undefined,
      },
    });
  }

  private handOff(r: Resolved, zone: EndpointZone): HybridFileShareOutputs {
    const runbook = Runbook.of(this);
    const outputs = {
      storageAccountName: runbook.addOutput(this, 'StorageAccountName', { value: this.storageAccount.name, description: `Storage account of ${this.node.path}` }),
      storageAccountId: runbook.addOutput(this, 'StorageAccountId', { value: this.storageAccount.id, description: `Resource id of the storage account of ${this.node.path}` }),
    };
    runbook.addSection(
      new LazySection(`Azure file shares of ${this.node.path}`, () =>
        renderFileShareHandoff({
          accountNameOutput: outputs.storageAccountName,
          accountIdOutput: outputs.storageAccountId,
          shareNames: this.shareNames,
          grants: this.grants,
          smbHardening: r.hardening,
          joinGate: this.joinedToAdGate?.name,
          softDeleteDays: Token.isUnresolved(r.softDelete) ? 'the configured number of' : String(r.softDelete),
          resolver: endpointResolver(this, zone),
          stackResolvers: resolversInStack(this),
        }),
      ),
    );
    return outputs;
  }
}
