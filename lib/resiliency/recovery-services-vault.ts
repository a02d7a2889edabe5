import { BackupContainerStorageAccount } from '@cdktf/provider-azurerm/lib/backup-container-storage-account';
import { BackupPolicyFileShare } from '@cdktf/provider-azurerm/lib/backup-policy-file-share';
import { BackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import { BackupProtectedFileShare } from '@cdktf/provider-azurerm/lib/backup-protected-file-share';
import { BackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
import { RecoveryServicesVault as RecoveryServicesVaultResource } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { Fn, Lazy, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { buildFileSharePolicy, buildVmPolicy, checkFileSharePolicy, checkVmPolicy, FileSharePolicyOptions, VmPolicyOptions } from './backup-policies';
import { DEFAULT_FILE_SHARE_POLICY, DEFAULT_VM_POLICY } from './defaults';
import { renderVaultHandoff } from './handoff/recovery-services-vault';
import { ASR_VAULT_PRIVATE_ENDPOINT, ASR_VMW_VAULT_EXCLUSIVE, BKP_POLICY_NAME, BKP_POLICY_UNKNOWN, BKP_SHARE_UNKNOWN, BKP_VM_ID, RSV_CRR_GEO, RSV_IMMUTABILITY_LOCKED, RSV_REDUNDANCY, RSV_SETTINGS, RSV_SOFT_DELETE, RSV_VAULT_ID } from './rules';
import { AzureResource, AzureResourceProps, DiagnosticTarget, IAzureResource, PrivateLinkTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { displayValue } from '../core/tokens';
import { PrivateEndpointOptions, PrivateLinkParts } from '../core/private-endpoint';
import { checkFinalBody, reportAtSynth } from '../core/report';
import { checkUniqueIds, distinctChildId } from '../core/ids';
import type { IFileShareAccount } from '../storage/file-share-account';

/**
 * A Recovery Services vault (`Microsoft.RecoveryServices/vaults`), which Azure Backup (file
 * shares, VMs, MABS/MARS) and Site Recovery use: a `RecoveryServicesVault`, or an existing one
 * from `RecoveryServicesVault.fromVaultAttributes`. Not Azure's "Backup vault"
 * (`azurerm_data_protection_backup_vault`), a different resource.
 */
export interface IRecoveryServicesVault extends IAzureResource {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Name of the vault. */
  readonly vaultName: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Region of the vault. */
  readonly location: string;
  /** Whether the vault accepts public traffic (false: registrations need private endpoints). */
  readonly publicNetworkAccessEnabled: boolean;
  /**
   * `terraform output` name that carries the vault id, when this stack created the vault (the
   * runbooks read the id from it).
   * @default - none: an imported vault, named by its id
   */
  readonly vaultIdOutputName?: string;
}

/** Attributes of an existing Recovery Services vault. */
export interface RecoveryServicesVaultAttributes {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Name of the vault. */
  readonly vaultName: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Region of the vault. */
  readonly location: string;
  /**
   * Whether the vault accepts public traffic.
   * @default true
   */
  readonly publicNetworkAccessEnabled?: boolean;
}

/** Storage redundancy of a vault. */
export enum VaultRedundancy {
  /** Geo-redundant (recommended; allows cross-region restore). */
  GEO = 'GeoRedundant',
  ZONE = 'ZoneRedundant',
  LOCAL = 'LocallyRedundant',
}

/** Immutability of a vault. */
export enum VaultImmutability {
  /** Immutable, can still be disabled (recommended default). */
  UNLOCKED = 'Unlocked',
  /** Immutable forever: irreversible. */
  LOCKED = 'Locked',
  DISABLED = 'Disabled',
}

/** The `terraform output` names a `RecoveryServicesVault` adds for the hand-off. */
export interface RecoveryServicesVaultOutputs {
  /** `terraform output` name of vaultName. */
  readonly vaultName: string;
  /** `terraform output` name of vaultId. */
  readonly vaultId: string;
}

/** Props of `RecoveryServicesVault`. */
export interface RecoveryServicesVaultProps extends AzureResourceProps {
  readonly resourceGroupName: string;
  /** Region: near the datacenter for backup, the DR region for Site Recovery. */
  readonly location: string;
  /**
   * Vault name (2-50 letters, digits and '-', starting with a letter).
   * @default - generated: `rsv-<path>`
   */
  readonly name?: string;
  /**
   * Storage redundancy.
   * @default VaultRedundancy.GEO
   */
  readonly redundancy?: VaultRedundancy;
  /**
   * Cross-region restore (GeoRedundant only; cannot be turned off without recreating the vault).
   * @default - true when GeoRedundant
   */
  readonly crossRegionRestoreEnabled?: boolean;
  /**
   * Soft delete of backup data. Only `true` is accepted: `false` is refused (RSV-SOFT-DELETE).
   * @default true
   */
  readonly softDeleteEnabled?: boolean;
  /**
   * Immutability.
   * @default VaultImmutability.UNLOCKED
   */
  readonly immutability?: VaultImmutability;
  /**
   * Public network access. Off, every registration (MARS, MABS, Hyper-V hosts, the VMware
   * appliance) needs a private endpoint of the vault created before it: `addPrivateEndpoint`
   * (AzureBackup) and `addSiteRecoveryPrivateEndpoint` (AzureSiteRecovery); Site Recovery on a
   * private vault without one is refused at synth (ASR-VAULT-PRIVATE-ENDPOINT). A disaster-recovery
   * vault whose hosts reach Azure over the internet sets it to true.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
}

/** Options of `protectFileShare`. */
export interface ProtectFileShareOptions {
  /** The storage account (a `HybridFileShare`, or one imported with `HybridFileShare.fromFileShareAccountAttributes`). */
  readonly fileShare: IFileShareAccount;
  /** Name of the share in that account. */
  readonly shareName: string;
  /**
   * The policy, from this vault's `addFileSharePolicy`.
   * @default - `files-daily` (30 daily, 12 weekly, 12 monthly, 1 yearly), created on first use
   */
  readonly policy?: BackupPolicyFileShare;
}

/** Options of `protectVm`. */
export interface ProtectVmOptions {
  /** Resource id of the Azure VM. */
  readonly vmId: string;
  /**
   * The policy, from this vault's `addVmPolicy`.
   * @default - `vm-daily` (Enhanced, 30 days, instant restore 7 days), created on first use
   */
  readonly policy?: BackupPolicyVm;
}

/**
 * Private DNS zone code of a region for `privatelink.<geo>.backup.windowsazure.com`
 * (azure-docs backup/private-endpoints.md: "`<geo>` refers to the region code (for example eus
 * and ne for East US and North Europe)", from Microsoft's AzureRegionCodesList). Regions not in
 * this table need `privateDnsZoneId`.
 */
const BACKUP_GEO_CODES: Record<string, string> = {
  northeurope: 'ne',
  westeurope: 'we',
  eastus: 'eus',
  uksouth: 'uks',
  ukwest: 'ukw',
};

/**
 * A Recovery Services vault for a hybrid estate: geo-redundant with cross-region restore, soft
 * delete, immutability (unlocked), public access off, alerts and diagnostics on; file share backup
 * (container registration, validated policies, protected shares) and VM backup; private endpoints
 * for Backup and Site Recovery; the MABS/MARS registration steps in the runbook.
 */
export class RecoveryServicesVault extends AzureResource implements IRecoveryServicesVault {
  /** An existing vault, for Site Recovery or backup items in this stack. */
  public static fromVaultAttributes(scope: Construct, id: string, attrs: RecoveryServicesVaultAttributes): IRecoveryServicesVault {
    return new ImportedRecoveryServicesVault(scope, id, attrs);
  }

  /** The vault (escape hatch). */
  public readonly vault: RecoveryServicesVaultResource;
  public readonly resourceId: string;
  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly publicNetworkAccessEnabled: boolean;
  public readonly vaultIdOutputName?: string;
  /** Terraform output names for the runbook. */
  public readonly outputNames: RecoveryServicesVaultOutputs;

  private readonly fileSharePolicies = new Map<string, BackupPolicyFileShare>();
  private readonly vmPolicies = new Map<string, BackupPolicyVm>();
  private readonly containers = new Map<string, BackupContainerStorageAccount>();
  private readonly protectedShares = new Map<string, string>();
  private readonly protectedVms = new Map<string, string>();
  private readonly subresources = new Set<string>();
  private principalIdOutputName?: string;
  private roleScopesOutputName?: string;
  private readonly backupEndpointSubnetIds: string[] = [];

  constructor(scope: Construct, id: string, props: RecoveryServicesVaultProps) {
    super(scope, id);
    RecoveryServicesVault.check(this, props);
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.publicNetworkAccessEnabled = props.publicNetworkAccessEnabled ?? false;
    this.vault = this.buildVault(props);
    this.resourceId = this.vault.id;
    this.vaultId = this.vault.id;
    this.vaultName = this.vault.name;
    const runbook = Runbook.of(this);
    this.outputNames = {
      vaultName: runbook.addOutput(this, 'VaultName', { value: this.vault.name, description: `Recovery Services vault of ${this.node.path}` }),
      vaultId: runbook.addOutput(this, 'VaultId', { value: this.vault.id, description: `Resource id of the Recovery Services vault of ${this.node.path}` }),
    };
    this.vaultIdOutputName = this.outputNames.vaultId;
    runbook.addSection(new LazySection(`Recovery Services vault ${this.node.path}`, () => renderVaultHandoff(this.handoffState())));
    reportAtSynth(this, RSV_IMMUTABILITY_LOCKED, () =>
      this.vault.immutabilityInput === VaultImmutability.LOCKED
        ? { prop: 'immutability', value: VaultImmutability.LOCKED, detail: 'Locked immutability cannot be undone, and recovery points cannot be deleted before they expire', fix: 'use VaultImmutability.UNLOCKED until retention is final' }
        : undefined,
    );
    checkFinalBody(this, this.vault, [RSV_REDUNDANCY, RSV_SOFT_DELETE, ASR_VMW_VAULT_EXCLUSIVE, ASR_VAULT_PRIVATE_ENDPOINT]);
    this.initCommon(props);
  }

  private static check(self: RecoveryServicesVault, props: RecoveryServicesVaultProps): void {
    const problems = new ProblemCollector(self);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    problems.type('publicNetworkAccessEnabled', props.publicNetworkAccessEnabled, 'boolean');
    checkName(problems, 'recoveryServicesVault', 'name', props.name);
    // JavaScript callers can pass any string for an enum: azurerm refuses anything else at plan
    // (StringInSlice, case-sensitive), and a wrong redundancy also decides cross-region restore below.
    const redundancyBad = problems.oneOf(RSV_SETTINGS, 'redundancy', props.redundancy, Object.values(VaultRedundancy), 'use VaultRedundancy.GEO (default), ZONE or LOCAL');
    problems.oneOf(RSV_SETTINGS, 'immutability', props.immutability, Object.values(VaultImmutability), 'use VaultImmutability.UNLOCKED (default), LOCKED or DISABLED');
    for (const key of ['crossRegionRestoreEnabled', 'softDeleteEnabled'] as const) if (!Token.isUnresolved(props[key])) problems.type(key, props[key], 'boolean');
    const redundancy = props.redundancy ?? VaultRedundancy.GEO;
    const crr = props.crossRegionRestoreEnabled ?? redundancy === VaultRedundancy.GEO;
    problems.check(!redundancyBad && crr && redundancy !== VaultRedundancy.GEO, RSV_CRR_GEO, 'crossRegionRestoreEnabled', crr, `cross-region restore needs a GeoRedundant vault, not ${redundancy}`, 'use `redundancy: VaultRedundancy.GEO` or turn cross-region restore off');
    problems.check(props.softDeleteEnabled === false, RSV_SOFT_DELETE, 'softDeleteEnabled', props.softDeleteEnabled, 'with soft delete off, deleted backup data is purged at once and cannot be recovered', 'leave `softDeleteEnabled` out (true)');
    problems.throwIfAny();
  }

  private buildVault(props: RecoveryServicesVaultProps): RecoveryServicesVaultResource {
    const redundancy = props.redundancy ?? VaultRedundancy.GEO;
    return new RecoveryServicesVaultResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'recoveryServicesVault'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      storageModeType: redundancy,
      crossRegionRestoreEnabled: props.crossRegionRestoreEnabled ?? redundancy === VaultRedundancy.GEO,
      softDeleteEnabled: props.softDeleteEnabled ?? true,
      immutability: props.immutability ?? VaultImmutability.UNLOCKED,
      publicNetworkAccessEnabled: this.publicNetworkAccessEnabled,
      classicVmwareReplicationEnabled: false,
      monitoring: { alertsForAllJobFailuresEnabled: true, alertsForCriticalOperationFailuresEnabled: true },
    });
  }

  /** Object id of the vault's system-assigned identity (created by the first private endpoint, or `enableSystemIdentity`). */
  public get principalId(): string {
    this.enableSystemIdentity();
    return this.vault.identity.principalId;
  }

  /**
   * Gives the vault a system-assigned managed identity: private endpoints need it ("Managed
   * identity access is required when you're using the Private Link service for the vault",
   * azure-docs site-recovery/hybrid-how-to-enable-replication-private-endpoints.md; backup/private-endpoints.md).
   */
  public enableSystemIdentity(): void {
    if (this.vault.identityInput === undefined) this.vault.putIdentity({ type: 'SystemAssigned' });
  }

  /** Adds a validated file share backup policy; `name` is its name and construct id. */
  public addFileSharePolicy(name: string, options: FileSharePolicyOptions = {}): BackupPolicyFileShare {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.type('options', options, 'object');
    problems.throwIfAny();
    checkFileSharePolicy(problems, options);
    this.checkPolicyName(problems, name, `FileSharePolicy${name}`, this.fileSharePolicies.has(name));
    problems.throwIfAny();
    const policy = buildFileSharePolicy(this, this, name, options);
    this.fileSharePolicies.set(name, policy);
    return policy;
  }

  /** Adds a VM backup policy (Enhanced, V2, daily); `name` is its name and construct id. */
  public addVmPolicy(name: string, options: VmPolicyOptions = {}): BackupPolicyVm {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.type('options', options, 'object');
    problems.throwIfAny();
    checkVmPolicy(problems, options);
    this.checkPolicyName(problems, name, `VmPolicy${name}`, this.vmPolicies.has(name));
    problems.throwIfAny();
    const policy = buildVmPolicy(this, this, name, options);
    this.vmPolicies.set(name, policy);
    return policy;
  }

  /**
   * Protects a share of a storage account: registers the account with the vault (once) and backs
   * the share up. `id` keys the protected item (construct `Share<id>`).
   */
  public protectFileShare(id: string, options: ProtectFileShareOptions): BackupProtectedFileShare {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('fileShare', options.fileShare, 'construct');
    problems.required('shareName', options.shareName, 'string');
    problems.throwIfAny();
    const { fileShare, shareName } = options;
    const key = `${fileShare.node.path}/${shareName}`;
    const share = fileShare.shareName(shareName);
    problems.check(share === undefined, BKP_SHARE_UNKNOWN, 'shareName', shareName, `${fileShare.node.path} has no share ${shareName}`, 'add it with `addShare` first (or list it in `shareNames` of an imported account)');
    problems.check(this.protectedShares.has(key), BKP_SHARE_UNKNOWN, 'shareName', shareName, `${key} is already protected`, 'protect each share once');
    // Every id this call may create: the item, and the default policy when none exists yet (fuzz review 4).
    const defaultPolicy = options.policy === undefined && !this.fileSharePolicies.has(DEFAULT_FILE_SHARE_POLICY) ? [`FileSharePolicy${DEFAULT_FILE_SHARE_POLICY}`] : [];
    if (!problems.literal('id', id, 'the id keys the protected item')) checkUniqueIds(problems, this, [`Share${id}`], 'id', id, defaultPolicy);
    this.checkPolicy(problems, options.policy, [...this.fileSharePolicies.values()], 'addFileSharePolicy');
    problems.throwIfAny();
    const policy = options.policy ?? this.fileSharePolicies.get(DEFAULT_FILE_SHARE_POLICY) ?? this.addFileSharePolicy(DEFAULT_FILE_SHARE_POLICY);
    const container = this.containerFor(fileShare);
    this.protectedShares.set(key, policy.nameInput ?? DEFAULT_FILE_SHARE_POLICY);
    return new BackupProtectedFileShare(this, `Share${id}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      sourceStorageAccountId: container.storageAccountId,
      sourceFileShareName: share!,
      backupPolicyId: policy.id,
    });
  }

  /** Protects an Azure VM; `id` keys the protected item (construct `Vm<id>`). */
  public protectVm(id: string, options: ProtectVmOptions): BackupProtectedVm {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('vmId', options.vmId, 'string');
    problems.resourceId(BKP_VM_ID, 'vmId', options.vmId, 'Azure VM', 'use `.../providers/Microsoft.Compute/virtualMachines/<name>`, e.g. `vm.id`');
    if (!problems.check(this.protectedVms.has(id), BKP_VM_ID, 'id', id, `a protected VM with id ${id} already exists`, 'give each VM its own id')) {
      const defaultPolicy = options.policy === undefined && !this.vmPolicies.has(DEFAULT_VM_POLICY) ? [`VmPolicy${DEFAULT_VM_POLICY}`] : [];
      if (!problems.literal('id', id, 'the id keys the protected item')) checkUniqueIds(problems, this, [`Vm${id}`], 'id', id, defaultPolicy);
    }
    this.checkPolicy(problems, options.policy, [...this.vmPolicies.values()], 'addVmPolicy');
    problems.throwIfAny();
    const policy = options.policy ?? this.vmPolicies.get(DEFAULT_VM_POLICY) ?? this.addVmPolicy(DEFAULT_VM_POLICY);
    this.protectedVms.set(id, policy.nameInput ?? DEFAULT_VM_POLICY);
    return new BackupProtectedVm(this, `Vm${id}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      sourceVmId: options.vmId,
      backupPolicyId: policy.id,
    });
  }

  /**
   * Adds an `AzureBackup` private endpoint (MARS, MABS and workload backup with public access
   * off) and the vault's system identity; the zone is `privatelink.<geo>.backup.windowsazure.com`.
   * MARS also resolves `privatelink.blob.core.windows.net` and `privatelink.queue.core.windows.net`
   * (see the runbook). Create it before the first registration.
   */
  public addPrivateEndpoint(id: string, options: PrivateEndpointOptions): PrivateLinkParts {
    this.enableSystemIdentity();
    const parts = super.addPrivateEndpoint(id, options);
    this.subresources.add('AzureBackup');
    // Backup creates its own blob and queue endpoints and DNS records with the vault's identity at
    // the first registration: the identity needs Contributor where they go (backup/private-endpoints.md).
    this.principalIdOutputName ??= Runbook.of(this).addOutput(this, 'PrincipalId', { value: this.vault.identity.principalId, description: `Object id of the system-assigned identity of the Recovery Services vault of ${this.node.path}` });
    this.backupEndpointSubnetIds.push(options.subnetId);
    // The resource groups of the endpoints' subnets and of the vault (where the endpoint goes) as
    // role scopes, for the runbook's loop: the ids are known only after apply.
    this.roleScopesOutputName ??= Runbook.of(this).addOutput(this, 'BackupRoleScopes', {
      value: Lazy.anyValue({
        produce: () => Fn.distinct([...this.backupEndpointSubnetIds, this.vault.id].map((id) => Fn.join('/', Fn.slice(Fn.split('/', id), 0, 5)))),
      }),
      description: `Resource group ids where the identity of the Recovery Services vault of ${this.node.path} needs Contributor before the first registration: its Backup endpoints' subnets and the vault`,
    });
    return parts;
  }

  /**
   * Adds an `AzureSiteRecovery` private endpoint and the vault's system identity, with the zone
   * `privatelink.siterecovery.windowsazure.com` (azure-docs
   * site-recovery/hybrid-how-to-enable-replication-private-endpoints.md). It must exist before any
   * Hyper-V host or VMware appliance registers. VMware (modernized) also resolves
   * `privatelink.prod.migration.windowsazure.com` (see the runbook).
   */
  public addSiteRecoveryPrivateEndpoint(id: string, options: PrivateEndpointOptions): PrivateLinkParts {
    this.enableSystemIdentity();
    const parts = this._addPrivateEndpointFor(id, options, {
      subresource: 'AzureSiteRecovery',
      zoneName: 'privatelink.siterecovery.windowsazure.com',
      resourceGroupName: this.resourceGroupName,
      location: this.location,
    });
    this.subresources.add('AzureSiteRecovery');
    return parts;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.vault.id, resourceType: 'azurerm_recovery_services_vault' }];
  }

  protected privateLinkTarget(): PrivateLinkTarget | undefined {
    const geo = Token.isUnresolved(this.location) ? undefined : BACKUP_GEO_CODES[this.location.toLowerCase().replace(/\s/g, '')];
    return {
      subresource: 'AzureBackup',
      // An unknown region gives a zone name Azure would not use: pass `privateDnsZoneId` there.
      zoneName: `privatelink.${geo ?? '<geo>'}.backup.windowsazure.com`,
      resourceGroupName: this.resourceGroupName,
      location: this.location,
    };
  }

  /** A new policy's name: Azure's pattern, unique among the vault's policies, and a free construct id. */
  private checkPolicyName(problems: ProblemCollector, name: string, childId: string, exists: boolean): void {
    if (Token.isUnresolved(name)) {
      problems.literal('name', name, 'the policy name is its construct id');
      return;
    }
    if (problems.check(exists, BKP_POLICY_UNKNOWN, 'name', name, `a policy named ${name} already exists in this vault`, 'give each policy its own name')) return;
    if (problems.check(!/^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$/.test(name), BKP_POLICY_NAME, 'name', name, "a backup policy name is 3-150 letters, digits, '-', '_' or '!', starting with a letter", 'use e.g. files-daily')) return;
    checkUniqueIds(problems, this, [childId], 'name', name);
  }

  private checkPolicy(problems: ProblemCollector, policy: IConstruct | undefined, own: IConstruct[], method: string): void {
    problems.check(policy !== undefined && !own.includes(policy), BKP_POLICY_UNKNOWN, 'policy', policy?.node.path, 'not a policy of this vault', `add it with \`${method}\` on this vault`);
  }

  private containerFor(fileShare: IFileShareAccount): BackupContainerStorageAccount {
    let container = this.containers.get(fileShare.node.path);
    if (!container) {
      // Two paths with the same letters and digits (`Files-1`, `Files1`): the second gets a hash suffix (fuzz review 4).
      container = new BackupContainerStorageAccount(this, distinctChildId(this, `Container${pathKey(fileShare)}`, fileShare.node.path), {
        resourceGroupName: this.resourceGroupName,
        recoveryVaultName: this.vault.name,
        storageAccountId: fileShare.storageAccountId,
      });
      this.containers.set(fileShare.node.path, container);
    }
    return container;
  }

  private handoffState() {
    return {
      principalIdOutputName: this.principalIdOutputName,
      roleScopesOutputName: this.roleScopesOutputName,
      resourceGroupName: displayValue(this, this.resourceGroupName),
      vaultIdOutputName: this.vaultIdOutputName,
      vaultId: this.vaultId,
      publicNetworkAccessEnabled: this.publicNetworkAccessEnabled,
      privateEndpointSubresources: [...this.subresources],
      protectedShares: [...this.protectedShares.entries()],
      protectedVms: [...this.protectedVms.entries()],
      softDeleteEnabled: this.vault.softDeleteEnabledInput !== false,
    };
  }
}

/** An existing vault: diagnostics, grants and a lock work on it as on a new one. */
class ImportedRecoveryServicesVault extends AzureResource implements IRecoveryServicesVault {
  public readonly resourceId: string;
  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly publicNetworkAccessEnabled: boolean;

  constructor(scope: Construct, id: string, attrs: RecoveryServicesVaultAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('attrs', attrs, 'object');
    problems.throwIfAny();
    problems.required('vaultId', attrs.vaultId, 'string');
    problems.required('vaultName', attrs.vaultName, 'string');
    problems.required('resourceGroupName', attrs.resourceGroupName, 'string');
    problems.required('location', attrs.location, 'string');
    problems.region('location', attrs.location);
    problems.resourceId(RSV_VAULT_ID, 'vaultId', attrs.vaultId, 'Recovery Services vault');
    problems.type('publicNetworkAccessEnabled', attrs.publicNetworkAccessEnabled, 'boolean');
    problems.throwIfAny();
    this.resourceId = attrs.vaultId;
    this.vaultId = attrs.vaultId;
    this.vaultName = attrs.vaultName;
    this.resourceGroupName = attrs.resourceGroupName;
    this.location = attrs.location;
    this.publicNetworkAccessEnabled = attrs.publicNetworkAccessEnabled ?? true;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.vaultId, resourceType: 'azurerm_recovery_services_vault' }];
  }
}

/** A construct id fragment from a construct path (stable, unique within the stack). */
function pathKey(scope: IConstruct): string {
  return scope.node.path.split('/').slice(1).join('').replace(/[^a-zA-Z0-9]/g, '');
}
