import { BackupContainerStorageAccount } from '@cdktf/provider-azurerm/lib/backup-container-storage-account';
import { BackupPolicyFileShare } from '@cdktf/provider-azurerm/lib/backup-policy-file-share';
import { BackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import { BackupProtectedFileShare } from '@cdktf/provider-azurerm/lib/backup-protected-file-share';
import { BackupProtectedVm } from '@cdktf/provider-azurerm/lib/backup-protected-vm';
import { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { Annotations, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  DEFAULT_FILE_SHARE_POLICY,
  DEFAULT_VM_POLICY,
  FILE_SHARE_BACKUP_TIME,
  FILE_SHARE_RETENTION,
  FILE_SHARE_SNAPSHOT_CAP,
  HOURLY_INTERVALS,
  VM_BACKUP_TIME,
  VM_INSTANT_RESTORE_DAYS,
  VM_RETENTION_DAYS,
} from './defaults';
import { vaultLookup } from './vault-lookup';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import type { HybridFileShare } from '../storage/hybrid-file-share';
import { BKP_HOURLY_INTERVAL, BKP_POLICY_UNKNOWN, BKP_RETENTION, BKP_SHARE_UNKNOWN, BKP_SNAPSHOT_CAP, BKP_TIME, BKP_VM_ID, BKP_VM_RETENTION, RSV_CRR_GEO, RSV_SOFT_DELETE } from './rules';

/** A Recovery Services vault that Site Recovery and backup can use. */
export interface IRecoveryServicesVault extends IConstruct {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Name of the vault. */
  readonly vaultName: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Region of the vault. */
  readonly location: string;
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

/** The `terraform output` names a `HybridBackupVault` adds for the hand-off. */
export interface HybridBackupVaultOutputs {
  /** `terraform output` name of vaultName. */
  readonly vaultName: string;
  /** `terraform output` name of vaultId. */
  readonly vaultId: string;
}

/** Props of `HybridBackupVault`. */
export interface HybridBackupVaultProps {
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
   * Soft delete of backup data.
   *
   * Only `true` is accepted: `false` is refused (RSV-SOFT-DELETE), as deleted backup data would
   * be purged at once.
   * @default true
   */
  readonly softDeleteEnabled?: boolean;
  /**
   * Immutability.
   * @default VaultImmutability.UNLOCKED
   */
  readonly immutability?: VaultImmutability;
  /**
   * Public network access (off: private endpoints only; MARS/MABS then need an `AzureBackup` private endpoint).
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Where the vault's backup and Site Recovery logs go.
   * @default - none (warning RSV-DIAG-MISSING)
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** A file share backup policy. */
export interface FileSharePolicyOptions {
  /**
   * Backup time (daily) or start of the window (hourly), HH:MM on the hour or half hour.
   * @default '23:00'
   */
  readonly time?: string;
  /**
   * Back up every 4, 6, 8 or 12 hours instead of daily.
   * @default - daily
   */
  readonly hourlyIntervalHours?: number;
  /**
   * Length of the hourly window in hours, 4-24, a multiple of the interval.
   * @default 24
   */
  readonly hourlyWindowHours?: number;
  /**
   * Days of daily recovery points, 1-200.
   * @default 30
   */
  readonly dailyRetention?: number;
  /**
   * Weekly recovery points (Sundays), 1-200; 0 for none.
   * @default 12
   */
  readonly weeklyRetention?: number;
  /**
   * Monthly recovery points (first Sunday), 1-120; 0 for none.
   * @default 12
   */
  readonly monthlyRetention?: number;
  /**
   * Yearly recovery points (first Sunday of January), 1-10; 0 for none.
   * @default 1
   */
  readonly yearlyRetention?: number;
  /**
   * Time zone of the times.
   * @default 'UTC'
   */
  readonly timezone?: string;
}

/** A VM backup policy (Enhanced, V2). */
export interface VmPolicyOptions {
  /**
   * Daily backup time, HH:MM on the hour or half hour.
   * @default '23:00'
   */
  readonly time?: string;
  /**
   * Days of daily recovery points, 7-9999.
   * @default 30
   */
  readonly dailyRetention?: number;
  /**
   * Days of instant-restore snapshots, 1-30.
   * @default 7
   */
  readonly instantRestoreDays?: number;
  /**
   * Time zone.
   * @default 'UTC'
   */
  readonly timezone?: string;
}

const HALF_HOUR = /^([01]\d|2[0-3]):(00|30)$/;
const VM_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/virtualMachines\/[^/]+$/i;

/**
 * A Recovery Services vault for a hybrid estate: geo-redundant with cross-region restore, soft
 * delete, immutability (unlocked), public access off, alerts and diagnostics on; file share backup
 * (container registration, validated policies, protected shares) and VM backup, and the MABS/MARS
 * registration steps in the runbook.
 */
export class HybridBackupVault extends Construct implements IRecoveryServicesVault {
  /** The vault (escape hatch). */
  public readonly vault: RecoveryServicesVault;
  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  /** Terraform output names for the runbook. */
  public readonly outputNames: HybridBackupVaultOutputs;

  private readonly fileSharePolicies = new Map<string, BackupPolicyFileShare>();
  private readonly vmPolicies = new Map<string, BackupPolicyVm>();
  private readonly containers = new Map<string, BackupContainerStorageAccount>();
  private readonly protectedShares = new Map<string, string>();
  private readonly protectedVms = new Map<string, string>();
  private readonly publicAccess: boolean;

  constructor(scope: Construct, id: string, props: HybridBackupVaultProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    checkName(problems, 'recoveryServicesVault', 'name', props.name);
    const redundancy = props.redundancy ?? VaultRedundancy.GEO;
    const crr = props.crossRegionRestoreEnabled ?? redundancy === VaultRedundancy.GEO;
    problems.check(
      crr && redundancy !== VaultRedundancy.GEO,
      RSV_CRR_GEO,
      'crossRegionRestoreEnabled',
      crr,
      `cross-region restore needs a GeoRedundant vault, not ${redundancy}`,
      'use `redundancy: VaultRedundancy.GEO` or turn cross-region restore off',
    );
    problems.check(
      props.softDeleteEnabled === false,
      RSV_SOFT_DELETE,
      'softDeleteEnabled',
      props.softDeleteEnabled,
      'with soft delete off, deleted backup data is purged at once and cannot be recovered',
      'leave `softDeleteEnabled` out (true)',
    );
    problems.throwIfAny();
    const immutability = props.immutability ?? VaultImmutability.UNLOCKED;
    if (immutability === VaultImmutability.LOCKED) {
      Annotations.of(this).addWarning('[RSV-IMMUTABILITY-LOCKED] Immutability is Locked: this cannot be undone, and recovery points cannot be deleted before they expire. Use Unlocked until retention is final.');
    }
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.publicAccess = props.publicNetworkAccessEnabled ?? false;
    this.vault = new RecoveryServicesVault(this, 'Resource', {
      name: props.name ?? generateName(this, 'recoveryServicesVault'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      storageModeType: redundancy,
      crossRegionRestoreEnabled: crr,
      softDeleteEnabled: props.softDeleteEnabled ?? true,
      immutability,
      publicNetworkAccessEnabled: this.publicAccess,
      classicVmwareReplicationEnabled: false,
      monitoring: { alertsForAllJobFailuresEnabled: true, alertsForCriticalOperationFailuresEnabled: true },
    });
    this.vaultId = this.vault.id;
    this.vaultName = this.vault.name;
    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning('[RSV-DIAG-MISSING] No Log Analytics workspace: backup and Site Recovery jobs and alerts are not logged. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.');
    }
    const runbook = Runbook.of(this);
    this.outputNames = {
      vaultName: runbook.addOutput(this, 'VaultName', { value: this.vault.name, description: `Recovery Services vault of ${this.node.path}` }),
      vaultId: runbook.addOutput(this, 'VaultId', { value: this.vault.id, description: `Resource id of the Recovery Services vault of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Backup vault ${this.node.path}`, () => this.renderHandoff()));
  }

  /** Adds a validated file share backup policy; `name` is its name and construct id. */
  public addFileSharePolicy(name: string, options: FileSharePolicyOptions = {}): BackupPolicyFileShare {
    const problems = new ProblemCollector(this);
    const time = options.time ?? FILE_SHARE_BACKUP_TIME;
    problems.check(!Token.isUnresolved(time) && !HALF_HOUR.test(time), BKP_TIME, 'time', time, 'backup times are HH:MM on the hour or half hour', "use e.g. '23:00' or '23:30'");
    const interval = options.hourlyIntervalHours;
    const window = options.hourlyWindowHours ?? 24;
    let perDay = 1;
    if (interval !== undefined) {
      const okInterval = HOURLY_INTERVALS.includes(interval);
      problems.check(!okInterval, BKP_HOURLY_INTERVAL, 'hourlyIntervalHours', interval, `hourly backups run every ${HOURLY_INTERVALS.join(', ')} hours`, 'use 4, 6, 8 or 12');
      problems.check(
        okInterval && (!Number.isInteger(window) || window < 4 || window > 24 || window % interval !== 0),
        BKP_HOURLY_INTERVAL,
        'hourlyWindowHours',
        window,
        `the backup window is 4-24 hours and a multiple of the ${interval}-hour interval`,
        `use ${24 - (24 % interval)} or another multiple of ${interval}`,
      );
      if (okInterval) perDay = Math.max(1, Math.floor(window / interval));
    }
    const daily = options.dailyRetention ?? FILE_SHARE_RETENTION.daily;
    const weekly = options.weeklyRetention ?? FILE_SHARE_RETENTION.weekly;
    const monthly = options.monthlyRetention ?? FILE_SHARE_RETENTION.monthly;
    const yearly = options.yearlyRetention ?? FILE_SHARE_RETENTION.yearly;
    const ranges: [string, number, number, number][] = [
      ['dailyRetention', daily, 1, 200],
      ['weeklyRetention', weekly, 0, 200],
      ['monthlyRetention', monthly, 0, 120],
      ['yearlyRetention', yearly, 0, 10],
    ];
    let rangesOk = true;
    for (const [prop, value, min, max] of ranges) {
      const broken = !Number.isInteger(value) || value < min || value > max;
      rangesOk = rangesOk && !broken;
      problems.check(broken, BKP_RETENTION, prop, value, `must be ${min === 0 ? '0 (none) or 1' : min}-${max}`, `use a value from ${min} to ${max}`);
    }
    const snapshots = daily * perDay + weekly + monthly + yearly;
    problems.check(
      rangesOk && snapshots > FILE_SHARE_SNAPSHOT_CAP,
      BKP_SNAPSHOT_CAP,
      'dailyRetention',
      daily,
      `the policy can keep up to ${snapshots} snapshots (${daily} days x ${perDay} a day + ${weekly} weekly + ${monthly} monthly + ${yearly} yearly); a share holds at most ${FILE_SHARE_SNAPSHOT_CAP}`,
      'keep fewer daily points or back up less often; keep long-term points as weekly/monthly/yearly',
    );
    problems.check(this.fileSharePolicies.has(name), BKP_POLICY_UNKNOWN, 'name', name, `a file share policy named ${name} already exists`, 'give each policy its own name');
    problems.throwIfAny();
    const policy = new BackupPolicyFileShare(this, `FileSharePolicy${name}`, {
      name,
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      timezone: options.timezone ?? 'UTC',
      backup:
        interval === undefined
          ? { frequency: 'Daily', time }
          : { frequency: 'Hourly', hourly: { interval, startTime: time, windowDuration: window } },
      retentionDaily: { count: daily },
      retentionWeekly: weekly > 0 ? { count: weekly, weekdays: ['Sunday'] } : undefined,
      retentionMonthly: monthly > 0 ? { count: monthly, weekdays: ['Sunday'], weeks: ['First'] } : undefined,
      retentionYearly: yearly > 0 ? { count: yearly, weekdays: ['Sunday'], weeks: ['First'], months: ['January'] } : undefined,
    });
    this.fileSharePolicies.set(name, policy);
    return policy;
  }

  /**
   * Protects a share of a `HybridFileShare`: registers its storage account with the vault (once)
   * and backs the share up with the named policy (default: `files-daily`, created on first use).
   */
  public protectFileShare(fileShare: HybridFileShare, shareName: string, policyName?: string): BackupProtectedFileShare {
    const problems = new ProblemCollector(this);
    const key = `${fileShare.node.path}/${shareName}`;
    problems.check(fileShare.share(shareName) === undefined, BKP_SHARE_UNKNOWN, 'shareName', shareName, `${fileShare.node.path} has no share ${shareName}`, 'add it with `addShare` first');
    problems.check(this.protectedShares.has(key), BKP_SHARE_UNKNOWN, 'shareName', shareName, `${key} is already protected`, 'protect each share once');
    problems.check(policyName !== undefined && !this.fileSharePolicies.has(policyName), BKP_POLICY_UNKNOWN, 'policyName', policyName, 'no file share policy of that name in this vault', `add it with \`addFileSharePolicy\`, or use one of ${[...this.fileSharePolicies.keys()].join(', ') || '(none yet)'}`);
    problems.throwIfAny();
    const policy = policyName !== undefined ? this.fileSharePolicies.get(policyName)! : this.fileSharePolicies.get(DEFAULT_FILE_SHARE_POLICY) ?? this.addFileSharePolicy(DEFAULT_FILE_SHARE_POLICY);
    const accountKey = pathKey(fileShare);
    let container = this.containers.get(fileShare.node.path);
    if (!container) {
      container = new BackupContainerStorageAccount(this, `Container${accountKey}`, {
        resourceGroupName: this.resourceGroupName,
        recoveryVaultName: this.vault.name,
        storageAccountId: fileShare.storageAccountId,
      });
      this.containers.set(fileShare.node.path, container);
    }
    this.protectedShares.set(key, policyName ?? DEFAULT_FILE_SHARE_POLICY);
    return new BackupProtectedFileShare(this, `Share${accountKey}${shareName}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      sourceStorageAccountId: container.storageAccountId,
      sourceFileShareName: fileShare.share(shareName)!.name,
      backupPolicyId: policy.id,
    });
  }

  /** Adds a VM backup policy (Enhanced, V2, daily); `name` is its name and construct id. */
  public addVmPolicy(name: string, options: VmPolicyOptions = {}): BackupPolicyVm {
    const problems = new ProblemCollector(this);
    const time = options.time ?? VM_BACKUP_TIME;
    problems.check(!Token.isUnresolved(time) && !HALF_HOUR.test(time), BKP_TIME, 'time', time, 'backup times are HH:MM on the hour or half hour', "use e.g. '23:00'");
    const daily = options.dailyRetention ?? VM_RETENTION_DAYS;
    const instant = options.instantRestoreDays ?? VM_INSTANT_RESTORE_DAYS;
    problems.check(!Number.isInteger(daily) || daily < 7 || daily > 9999, BKP_VM_RETENTION, 'dailyRetention', daily, 'VM daily retention is 7-9999 days', `use e.g. ${VM_RETENTION_DAYS}`);
    problems.check(!Number.isInteger(instant) || instant < 1 || instant > 30, BKP_VM_RETENTION, 'instantRestoreDays', instant, 'Enhanced (V2) policies keep instant-restore snapshots 1-30 days', `use e.g. ${VM_INSTANT_RESTORE_DAYS}`);
    problems.check(this.vmPolicies.has(name), BKP_POLICY_UNKNOWN, 'name', name, `a VM policy named ${name} already exists`, 'give each policy its own name');
    problems.throwIfAny();
    const policy = new BackupPolicyVm(this, `VmPolicy${name}`, {
      name,
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      policyType: 'V2',
      timezone: options.timezone ?? 'UTC',
      instantRestoreRetentionDays: instant,
      backup: { frequency: 'Daily', time },
      retentionDaily: { count: daily },
    });
    this.vmPolicies.set(name, policy);
    return policy;
  }

  /**
   * Protects an Azure VM (by resource id) with the named policy (default: `vm-daily`, created on
   * first use); `name` is the construct id.
   */
  public protectVm(name: string, virtualMachineId: string, policyName?: string): BackupProtectedVm {
    const problems = new ProblemCollector(this);
    problems.check(!Token.isUnresolved(virtualMachineId) && !VM_ID.test(virtualMachineId), BKP_VM_ID, 'virtualMachineId', virtualMachineId, 'not the resource id of a virtual machine', 'use `.../providers/Microsoft.Compute/virtualMachines/<name>`, e.g. `vm.id`');
    problems.check(this.protectedVms.has(name), BKP_VM_ID, 'name', name, `a protected VM named ${name} already exists`, 'give each VM its own name');
    problems.check(policyName !== undefined && !this.vmPolicies.has(policyName), BKP_POLICY_UNKNOWN, 'policyName', policyName, 'no VM policy of that name in this vault', 'add it with `addVmPolicy`');
    problems.throwIfAny();
    const policy = policyName !== undefined ? this.vmPolicies.get(policyName)! : this.vmPolicies.get(DEFAULT_VM_POLICY) ?? this.addVmPolicy(DEFAULT_VM_POLICY);
    this.protectedVms.set(name, policyName ?? DEFAULT_VM_POLICY);
    return new BackupProtectedVm(this, `Vm${name}`, {
      resourceGroupName: this.resourceGroupName,
      recoveryVaultName: this.vault.name,
      sourceVmId: virtualMachineId,
      backupPolicyId: policy.id,
    });
  }

  /** Sends the vault's backup and Site Recovery logs and metrics to a Log Analytics workspace. */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting {
    return DiagnosticSetting.send(this, {
      ...options,
      targetResourceId: this.vault.id,
      resourceType: 'azurerm_recovery_services_vault',
      workspace,
    });
  }

  private renderHandoff(): string {
    const shares = [...this.protectedShares.entries()].map(([k, p]) => `\`${k}\` (${p})`).join(', ') || 'none';
    const vms = [...this.protectedVms.entries()].map(([k, p]) => `\`${k}\` (${p})`).join(', ') || 'none';
    return [
      `Protected shares: ${shares}. Protected Azure VMs: ${vms}.`,
      'Backup registers each storage account with the vault and takes a lock on it; it turns on soft',
      'delete for every share in the account. Unregister the container before deleting the account.',
      '',
      '### On-premises servers: MABS or the MARS agent (Terraform cannot do this)',
      '',
      this.publicAccess
        ? 'The vault accepts public traffic (outbound HTTPS 443 from the servers to Azure Backup).'
        : 'Public network access is off: create an `AzureBackup` private endpoint for the vault in the hub and resolve `privatelink.<geo>.backup.windowsazure.com` on-premises before registering.',
      '',
      '1. Install MABS v3 (with its SQL Server instance) on a domain-joined server, or the MARS agent on each server backed up directly.',
      '2. Download vault credentials (valid for 10 days):',
      '',
      '```powershell',
      vaultLookup(this.outputNames.vaultId, true),
      'Get-AzRecoveryServicesVaultSettingsFile -Backup -Vault $vault -Path C:\\Temp',
      '```',
      '',
      '3. Register: MARS, `Start-OBRegistration -VaultCredentials C:\\Temp\\<file>.VaultCredentials -Confirm:$false`;',
      '   MABS, `Start-DPMCloudRegistration -DPMServerName <mabs> -VaultCredentialsFilePath C:\\Temp\\<file>.VaultCredentials`.',
      '4. Set the passphrase (`Set-OBMachineSetting -EncryptionPassphrase`), keep it in Key Vault; without it nothing can be restored.',
      '5. Create the MARS schedule (`New-OBPolicy`, `Set-OBSchedule`, `Set-OBRetentionPolicy`, `Set-OBPolicy`) or the MABS protection groups in its console.',
    ].join('\n');
  }
}

/** A construct id fragment from a construct path (stable, unique within the stack). */
function pathKey(scope: IConstruct): string {
  return scope.node.path.split('/').slice(1).join('').replace(/[^a-zA-Z0-9]/g, '');
}
