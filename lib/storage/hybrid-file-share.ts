import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Annotations, TerraformStack, Token } from 'cdktf';
import { createHash } from 'crypto';
import { Construct } from 'constructs';
import {
  FILE_PRIVATE_DNS_ZONE,
  GUID,
  LOCAL_OR_ZONE_REPLICATION,
  PREMIUM_SHARE_QUOTA_MIN,
  SHARE_QUOTA_DEFAULT,
  SHARE_QUOTA_MAX,
  SHARE_QUOTA_MIN,
  SHARE_SOFT_DELETE_DAYS,
  SMB_AUTHENTICATION_TYPES,
  SMB_CHANNEL_ENCRYPTION,
  SMB_KERBEROS_TICKET_ENCRYPTION,
  SMB_VERSIONS,
  STANDARD_SHARE_QUOTA_MAX,
} from './defaults';
import { createPrivateLink } from './private-link';
import { FileShareAccountAttributes, fileShareDiagnosticTargets, IFileShareAccount, ImportedFileShareAccount } from './file-share-account';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression } from '../core/tokens';
import { HubNetwork, IHubNetwork } from '../network/hub-network';
import { STG_AD_INCOMPLETE, STG_LARGE_REPLICATION, STG_NFS_KIND, STG_PE_SUBNET, STG_PREMIUM_KIND, STG_PREMIUM_QUOTA, STG_PREMIUM_REPLICATION, STG_ROLE_PRINCIPAL, STG_SHARE_DUPLICATE, STG_SHARE_LARGE, STG_SHARE_NAME, STG_SHARE_QUOTA, STG_SOFT_DELETE_DAYS } from './rules';

export type { FileShareAccountAttributes, IFileShareAccount } from './file-share-account';

/** Protocol of a file share. */
export enum ShareProtocol {
  /** SMB 3.x (Windows, the default). */
  SMB = 'SMB',
  /** NFS 4.1 (Linux); premium FileStorage accounts only. */
  NFS = 'NFS',
}

/** Share-level permission given through Azure RBAC. */
export enum ShareAccessLevel {
  /** Storage File Data SMB Share Reader. */
  READER = 'Storage File Data SMB Share Reader',
  /** Storage File Data SMB Share Contributor. */
  CONTRIBUTOR = 'Storage File Data SMB Share Contributor',
  /** Storage File Data SMB Share Elevated Contributor (can change NTFS ACLs). */
  ELEVATED_CONTRIBUTOR = 'Storage File Data SMB Share Elevated Contributor',
}

/** Share-level permission of every authenticated identity without a role assignment. */
export enum DefaultSharePermission {
  /** No access without a role assignment (recommended). */
  NONE = 'None',
  READER = 'StorageFileDataSmbShareReader',
  CONTRIBUTOR = 'StorageFileDataSmbShareContributor',
  ELEVATED_CONTRIBUTOR = 'StorageFileDataSmbShareElevatedContributor',
}

/** The on-premises AD DS domain the storage account is joined to (from `Join-AzStorageAccount`). */
export interface ActiveDirectoryOptions {
  /** DNS name of the domain, e.g. `corp.contoso.com`. */
  readonly domainName: string;
  /** Domain GUID (`(Get-ADDomain).ObjectGUID`). */
  readonly domainGuid: string;
  /** Domain SID (`(Get-ADDomain).DomainSID`), `S-1-5-21-...`. */
  readonly domainSid: string;
  /** SID of the storage account's computer or service account in AD DS, `S-1-5-21-...-<rid>`. */
  readonly storageSid: string;
  /** Forest name, e.g. `contoso.com`. */
  readonly forestName: string;
  /** NetBIOS domain name, e.g. `CORP`. */
  readonly netbiosDomainName: string;
}

/** A file share of a `HybridFileShare`. */
export interface FileShareOptions {
  /**
   * Quota in GiB, 1-102400 (above 5120 needs large file shares; premium shares more than 100).
   * @default 1024
   */
  readonly quotaGib?: number;
  /**
   * Protocol.
   * @default ShareProtocol.SMB
   */
  readonly protocol?: ShareProtocol;
  /**
   * Access tier: `TransactionOptimized`, `Hot`, `Cool` (standard) or `Premium`.
   * @default - `Premium` on a premium account, `TransactionOptimized` otherwise
   */
  readonly accessTier?: string;
}

/** The `terraform output` names a `HybridFileShare` adds for the hand-off. */
export interface HybridFileShareOutputs {
  /** `terraform output` name of storageAccountName. */
  readonly storageAccountName: string;
  /** `terraform output` name of storageAccountId. */
  readonly storageAccountId: string;
}

/** Props of `HybridFileShare`. */
export interface HybridFileShareProps extends AzureResourceProps {
  /** The hub whose virtual network gets the private endpoint and the private DNS zone link. */
  readonly hub: IHubNetwork;
  /**
   * Name of a subnet created by the hub (`HubNetwork`) to put the `file` private endpoint in.
   * Exactly one of this and `privateEndpointSubnetId`.
   * @default - none
   */
  readonly privateEndpointSubnetName?: string;
  /**
   * Resource id of the subnet for the private endpoint.
   * @default - none
   */
  readonly privateEndpointSubnetId?: string;
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
   * Premium (FileStorage, SSD, provisioned) instead of standard (StorageV2).
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
   * @default - true on standard LRS/ZRS accounts, false on geo-replicated ones
   */
  readonly largeFileSharesEnabled?: boolean;
  /**
   * Share soft delete retention, 1-365 days.
   * @default 14
   */
  readonly shareSoftDeleteDays?: number;
  /**
   * Restrict SMB to 3.1.1 with Kerberos and AES-256-GCM (the maximum-security profile).
   * Turn off only for clients older than Windows 10 / Server 2016 or for NTLMv2 access.
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
   * Identity-based access with on-premises AD DS.
   * @default - none (domain-join in a second apply, see the runbook)
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
   * Shares by name, created with the account (one share per account is recommended).
   * @default - none
   */
  readonly shares?: { [name: string]: FileShareOptions };
}

const SHARE_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/;
const SID = /^S-1-5-21(-\d+){3,4}$/;

/**
 * A storage account built for Azure file shares in a hybrid estate: HTTPS only, TLS 1.2, no
 * public nested items, public network access off, a `file` private endpoint in the hub with its
 * private DNS zone, share soft delete, large file shares, SMB 3.1.1/Kerberos/AES-256-GCM, AD DS
 * identity-based access with RBAC share permissions.
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
  /** Terraform output names for the runbook. */
  public readonly outputNames: HybridFileShareOutputs;

  private readonly sharesByName = new Map<string, StorageShare>();
  private readonly grants: { principal: string; level: ShareAccessLevel; share?: string }[] = [];
  private readonly activeDirectory?: ActiveDirectoryOptions;

  constructor(scope: Construct, id: string, props: HybridFileShareProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    checkName(problems, 'storageAccount', 'name', props.name);
    this.premium = props.premium ?? false;
    const replication = props.replicationType ?? 'ZRS';
    const localOrZone = LOCAL_OR_ZONE_REPLICATION.includes(replication);
    if (!Token.isUnresolved(replication)) {
      problems.check(
        this.premium && !localOrZone,
        STG_PREMIUM_REPLICATION,
        'replicationType',
        replication,
        'a premium FileStorage account replicates only LRS or ZRS',
        "use 'ZRS' (or 'LRS'); protect against region loss with backup to a geo-redundant vault",
      );
      problems.check(
        !this.premium && props.largeFileSharesEnabled === true && !localOrZone,
        STG_LARGE_REPLICATION,
        'largeFileSharesEnabled',
        true,
        `large file shares are not available on ${replication} accounts`,
        "use 'ZRS' or 'LRS' replication, or leave large file shares off (shares up to 5120 GiB)",
      );
    }
    this.largeFileSharesEnabled = this.premium || (props.largeFileSharesEnabled ?? localOrZone);
    const softDelete = props.shareSoftDeleteDays ?? SHARE_SOFT_DELETE_DAYS;
    if (!Token.isUnresolved(softDelete)) {
      problems.check(
        !Number.isInteger(softDelete) || softDelete < 1 || softDelete > 365,
        STG_SOFT_DELETE_DAYS,
        'shareSoftDeleteDays',
        softDelete,
        'share soft delete keeps deleted shares 1-365 days',
        `use ${SHARE_SOFT_DELETE_DAYS} (recommended)`,
      );
    }
    if (props.activeDirectory) this.checkActiveDirectory(problems, props.activeDirectory);
    const subnetId = this.resolveSubnet(problems, props);
    problems.throwIfAny();

    this.resourceGroupName = props.resourceGroupName ?? props.hub.resourceGroupName;
    this.location = props.location ?? props.hub.location;
    this.activeDirectory = props.activeDirectory;
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const hardening = props.smbHardening ?? true;

    this.storageAccount = new StorageAccount(this, 'Resource', {
      name: props.name ?? generateName(this, 'storageAccount'),
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      accountKind: this.premium ? 'FileStorage' : 'StorageV2',
      accountTier: this.premium ? 'Premium' : 'Standard',
      accountReplicationType: replication,
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: publicAccess,
      crossTenantReplicationEnabled: false,
      largeFileShareEnabled: this.premium ? undefined : this.largeFileSharesEnabled,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      shareProperties: {
        retentionPolicy: { days: softDelete },
        smb: hardening
          ? {
            versions: SMB_VERSIONS,
            authenticationTypes: SMB_AUTHENTICATION_TYPES,
            kerberosTicketEncryptionType: SMB_KERBEROS_TICKET_ENCRYPTION,
            channelEncryptionType: SMB_CHANNEL_ENCRYPTION,
            multichannelEnabled: this.premium ? true : undefined,
          }
          : undefined,
      },
      azureFilesAuthentication: props.activeDirectory
        ? {
          directoryType: 'AD',
          defaultShareLevelPermission: props.defaultSharePermission ?? DefaultSharePermission.NONE,
          activeDirectory: { ...props.activeDirectory },
        }
        : undefined,
    });
    this.storageAccountId = this.storageAccount.id;
    this.resourceId = this.storageAccount.id;
    this.storageAccountName = this.storageAccount.name;

    const link = createPrivateLink(this, {
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      subnetId,
      targetResourceId: this.storageAccount.id,
      subresource: 'file',
      zoneName: FILE_PRIVATE_DNS_ZONE,
      existingZoneId: props.privateDnsZoneId,
      virtualNetworks: { Hub: props.hub.virtualNetworkId, ...(props.linkVirtualNetworks ?? {}) },
    });
    this.privateEndpoint = link.endpoint;
    this.privateDnsZone = link.zone;
    this.privateDnsZoneLinks = link.links;

    if (publicAccess) {
      Annotations.of(this).addWarning('[STG-PUBLIC-ACCESS] Public network access is on: the account answers on its public endpoint as well as the private one. Leave `publicNetworkAccessEnabled` off.');
    }
    for (const [name, options] of Object.entries(props.shares ?? {})) this.addShare(name, options, `shares.${name}`);

    const runbook = Runbook.of(this);
    this.outputNames = {
      storageAccountName: runbook.addOutput(this, 'StorageAccountName', { value: this.storageAccount.name, description: `Storage account of ${this.node.path}` }),
      storageAccountId: runbook.addOutput(this, 'StorageAccountId', { value: this.storageAccount.id, description: `Resource id of the storage account of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Azure file shares of ${this.node.path}`, () => this.renderHandoff()));
    this.initCommon(props);
  }

  /** The name of a share this construct created, as a reference to the share resource. */
  public shareName(name: string): string | undefined {
    return this.sharesByName.get(name)?.name;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return fileShareDiagnosticTargets(this.storageAccount.id);
  }

  /** The shares added so far, by name. */
  public get shareNames(): string[] {
    return [...this.sharesByName.keys()];
  }

  /** A share created by this construct, by name. */
  public share(name: string): StorageShare | undefined {
    return this.sharesByName.get(name);
  }

  /** Adds a file share; its name is also its construct id (`Share<name>`). */
  public addShare(name: string, options: FileShareOptions = {}, propPrefix = ''): StorageShare {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.check(
      !Token.isUnresolved(name) && (name.length < 3 || name.length > 63 || !SHARE_NAME.test(name)),
      STG_SHARE_NAME,
      propPrefix || 'name',
      name,
      "a share name must be 3-63 lowercase letters, digits and '-', start and end with a letter or digit, without '--'",
      'rename the share, e.g. finance-data',
    );
    problems.check(this.sharesByName.has(name), STG_SHARE_DUPLICATE, propPrefix || 'name', name, `a share named ${name} already exists in this account`, 'give each share its own name');
    const quota = options.quotaGib ?? SHARE_QUOTA_DEFAULT;
    const protocol = options.protocol ?? ShareProtocol.SMB;
    const tier = options.accessTier ?? (this.premium ? 'Premium' : 'TransactionOptimized');
    if (!Token.isUnresolved(quota)) {
      const inRange = Number.isInteger(quota) && quota >= SHARE_QUOTA_MIN && quota <= SHARE_QUOTA_MAX;
      problems.check(!inRange, STG_SHARE_QUOTA, prop('quotaGib'), quota, `a share quota is a whole number of GiB from ${SHARE_QUOTA_MIN} to ${SHARE_QUOTA_MAX}`, 'pick a quota in range');
      problems.check(
        inRange && !this.largeFileSharesEnabled && quota > STANDARD_SHARE_QUOTA_MAX,
        STG_SHARE_LARGE,
        prop('quotaGib'),
        quota,
        `without large file shares a standard share holds at most ${STANDARD_SHARE_QUOTA_MAX} GiB`,
        'set `largeFileSharesEnabled` (LRS or ZRS accounts), or use a smaller quota',
      );
      problems.check(
        inRange && this.premium && quota < PREMIUM_SHARE_QUOTA_MIN,
        STG_PREMIUM_QUOTA,
        prop('quotaGib'),
        quota,
        'a premium share must be provisioned larger than 100 GiB',
        `use at least ${PREMIUM_SHARE_QUOTA_MIN} GiB`,
      );
    }
    if (!Token.isUnresolved(tier)) {
      problems.check(
        (tier === 'Premium') !== this.premium,
        STG_PREMIUM_KIND,
        prop('accessTier'),
        tier,
        this.premium ? 'a FileStorage account has only Premium shares' : 'Premium shares need a premium FileStorage account',
        this.premium ? "leave `accessTier` out (Premium)" : "set `premium: true` on the account, or use 'TransactionOptimized', 'Hot' or 'Cool'",
      );
    }
    problems.check(
      protocol === ShareProtocol.NFS && !this.premium,
      STG_NFS_KIND,
      prop('protocol'),
      protocol,
      'NFS shares exist only on premium FileStorage accounts',
      'set `premium: true` on the account, or use SMB',
    );
    problems.throwIfAny();
    const share = new StorageShare(this, `Share${name}`, {
      name,
      storageAccountId: this.storageAccount.id,
      quota,
      enabledProtocol: protocol,
      accessTier: tier,
    });
    this.sharesByName.set(name, share);
    return share;
  }

  /**
   * Grants a share-level role to a user, group or managed identity (its Entra object id) on the
   * whole account or on one share of it. With AD DS, sync the identity to Entra ID first.
   */
  public grantShareAccess(principalId: string, level: ShareAccessLevel, shareName?: string): RoleAssignment {
    const problems = new ProblemCollector(this);
    problems.check(!Token.isUnresolved(principalId) && !GUID.test(principalId), STG_ROLE_PRINCIPAL, 'principalId', principalId, 'a principal id is the object id (GUID) of a user, group or identity', 'use the object id, e.g. from `az ad group show --group <name> --query id`');
    problems.check(shareName !== undefined && !this.sharesByName.has(shareName), STG_ROLE_PRINCIPAL, 'shareName', shareName, 'no share of that name in this account', `use one of ${this.shareNames.join(', ') || '(none yet: add the share first)'}`);
    problems.throwIfAny();
    const stack = TerraformStack.of(this);
    const key = createHash('sha256').update(`${String(resolveExpression(stack, principalId))}/${level}/${shareName ?? ''}`).digest('hex').slice(0, 8);
    // The same grant twice is one role assignment: return the one already made.
    const existing = this.node.tryFindChild(`Access${key}`);
    if (existing instanceof RoleAssignment) return existing;
    const scope = shareName ? this.sharesByName.get(shareName)!.id : this.storageAccount.id;
    this.grants.push({ principal: Token.isUnresolved(principalId) ? '(from a reference)' : principalId, level, share: shareName });
    return new RoleAssignment(this, `Access${key}`, {
      scope,
      roleDefinitionName: level,
      principalId,
    });
  }

  private resolveSubnet(problems: ProblemCollector, props: HybridFileShareProps): string {
    const byName = props.privateEndpointSubnetName;
    const byId = props.privateEndpointSubnetId;
    if ((byName === undefined) === (byId === undefined)) {
      problems.add(STG_PE_SUBNET, 'privateEndpointSubnetName', byName, 'give exactly one of `privateEndpointSubnetName` and `privateEndpointSubnetId`', "add a subnet with `hub.addSubnet('privatelink')` and pass its name");
      return '';
    }
    if (byId !== undefined) return byId;
    const subnet = props.hub instanceof HubNetwork ? props.hub.subnet(byName!) : undefined;
    problems.check(
      subnet === undefined || byName === 'GatewaySubnet',
      STG_PE_SUBNET,
      'privateEndpointSubnetName',
      byName,
      props.hub instanceof HubNetwork ? `the hub has no subnet ${byName} for private endpoints` : 'an existing hub has no subnets by name',
      "add it with `hub.addSubnet(name)` first (never GatewaySubnet), or pass `privateEndpointSubnetId`",
    );
    return subnet?.id ?? '';
  }

  private checkActiveDirectory(problems: ProblemCollector, ad: ActiveDirectoryOptions): void {
    const checks: [keyof ActiveDirectoryOptions, (v: string) => boolean, string][] = [
      ['domainName', (v) => /^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/.test(v), 'a DNS domain name, e.g. corp.contoso.com'],
      ['domainGuid', (v) => GUID.test(v), 'a GUID'],
      ['domainSid', (v) => /^S-1-5-21(-\d+){3}$/.test(v), 'a domain SID, S-1-5-21-<a>-<b>-<c>'],
      ['storageSid', (v) => SID.test(v) && v.split('-').length === 8, 'an account SID, S-1-5-21-<a>-<b>-<c>-<rid>'],
      ['forestName', (v) => /^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/.test(v), 'a DNS forest name, e.g. contoso.com'],
      ['netbiosDomainName', (v) => /^[a-zA-Z0-9!@#$%^&'(){}~_.-]{1,15}$/.test(v), 'a NetBIOS name of at most 15 characters'],
    ];
    for (const [key, ok, text] of checks) {
      const value = ad[key];
      if (value !== undefined && Token.isUnresolved(value)) continue;
      problems.check(
        typeof value !== 'string' || !ok(value),
        STG_AD_INCOMPLETE,
        `activeDirectory.${key}`,
        value,
        `\`${key}\` must be ${text}`,
        'copy the values printed by the domain-join step of the runbook (Get-ADDomain, Get-ADComputer)',
      );
    }
  }

  private renderHandoff(): string {
    const account = `$(terraform output -raw ${this.outputNames.storageAccountName})`;
    const shares = this.shareNames.length ? this.shareNames.map((s) => `\`${s}\``).join(', ') : 'none yet';
    const lines = [
      `Shares: ${shares}. The account is reachable only through its private endpoint: on-premises clients`,
      `must resolve \`<account>.file.core.windows.net\` to the private IP (conditional forwarder for`,
      '`file.core.windows.net` to the Azure DNS Private Resolver or a DNS server in the hub) and reach it',
      'over the VPN or ExpressRoute (TCP 445).',
      '',
      '### 1. Join the storage account to AD DS (once, on a domain-joined host with RSAT)',
      '',
      '```powershell',
      'Install-Module Az.Storage, AzFilesHybrid -Scope CurrentUser',
      'Connect-AzAccount',
      `$account = "$(terraform output -raw ${this.outputNames.storageAccountName})"`,
      `$rg = (Get-AzResource -ResourceId "$(terraform output -raw ${this.outputNames.storageAccountId})").ResourceGroupName`,
      'Join-AzStorageAccount -ResourceGroupName $rg -StorageAccountName $account `',
      '  -DomainAccountType ComputerAccount -OrganizationalUnitDistinguishedName "OU=AzureFiles,DC=corp,DC=contoso,DC=com" `',
      '  -EncryptionType AES256',
      '# The values for the `activeDirectory` prop:',
      'Get-ADDomain | Select-Object DNSRoot, ObjectGUID, DomainSID, Forest, NetBIOSName',
      'Get-ADComputer $account | Select-Object SID',
      '```',
      '',
      this.activeDirectory
        ? `AD DS authentication is configured for \`${this.activeDirectory.domainName}\`; Terraform owns the \`active_directory\` block, so run Join-AzStorageAccount only to (re)create the AD object and keep the SIDs in sync. Rotate the AD object's Kerberos password with \`Update-AzStorageAccountADObjectPassword\` before its password policy expires it.`
        : 'Then put the printed values into the `activeDirectory` prop and apply again (Terraform would otherwise remove what Join-AzStorageAccount set).',
      '',
      '### 2. Share permissions and NTFS ACLs',
      '',
      `Share-level access is Azure RBAC (default for everyone else: \`None\`). Granted by this stack: ${this.grants.length === 0 ? 'none' : this.grants.map((g) => `${g.level} to ${g.principal}${g.share ? ` on ${g.share}` : ''}`).join('; ')}.`,
      'NTFS permissions are set from a domain-joined client by an identity with the Elevated Contributor role:',
      '',
      '```powershell',
      `net use Z: \\\\${account}.file.core.windows.net\\<share>`,
      'icacls Z:\\ /grant "CORP\\FileShareUsers:(OI)(CI)M"',
      'icacls Z:\\ /remove "Authenticated Users"',
      '```',
    ];
    return lines.join('\n');
  }
}
