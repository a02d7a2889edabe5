import { BackupPolicyFileShare } from '@cdktf/provider-azurerm/lib/backup-policy-file-share';
import { BackupPolicyVm } from '@cdktf/provider-azurerm/lib/backup-policy-vm';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { FILE_SHARE_BACKUP_TIME, FILE_SHARE_RETENTION, FILE_SHARE_SNAPSHOT_CAP, HOURLY_INTERVALS, VM_BACKUP_TIME, VM_INSTANT_RESTORE_DAYS, VM_RETENTION_DAYS } from './defaults';
import { BKP_HOURLY_INTERVAL, BKP_RETENTION, BKP_SNAPSHOT_CAP, BKP_TIME, BKP_TIMEZONE, BKP_VM_RETENTION } from './rules';
import { ProblemCollector } from '../core/errors';

/** A file share backup policy. Every number may be a Terraform expression (then checked by Azure at apply). */
export interface FileSharePolicyOptions {
  /**
   * Backup time (daily) or start of the window (hourly), HH:MM on the hour or half hour.
   * @default '23:00'
   */
  readonly time?: string;
  /**
   * Back up every 4, 6, 8 or 12 hours instead of daily. Must be known at synth (it decides the
   * shape of the policy).
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
   * Weekly recovery points (Sundays), 1-200; 0 for none (must be known at synth: 0 drops the block).
   * @default 12
   */
  readonly weeklyRetention?: number;
  /**
   * Monthly recovery points (first Sunday), 1-120; 0 for none (must be known at synth).
   * @default 12
   */
  readonly monthlyRetention?: number;
  /**
   * Yearly recovery points (first Sunday of January), 1-10; 0 for none (must be known at synth).
   * @default 1
   */
  readonly yearlyRetention?: number;
  /**
   * Time zone of the times, as a Windows time zone id, not an IANA name such as `Europe/Paris`.
   * Examples: `UTC`, `W. Europe Standard Time`.
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
   * Time zone, as a Windows time zone id, not an IANA name such as `Europe/Paris`.
   * Examples: `UTC`, `W. Europe Standard Time`.
   * @default 'UTC'
   */
  readonly timezone?: string;
}

/** Where a policy goes (library-internal). */
export interface PolicyVault {
  readonly resourceGroupName: string;
  readonly vaultName: string;
}

const HALF_HOUR = /^([01]\d|2[0-3]):(00|30)$/;
const known = (v: unknown): v is number => typeof v === 'number' && !Token.isUnresolved(v);

function checkTime(problems: ProblemCollector, time: string): void {
  if (Token.isUnresolved(time)) return;
  problems.check(typeof time !== 'string' || !HALF_HOUR.test(time), BKP_TIME, 'time', time, 'backup times are HH:MM on the hour or half hour', "use e.g. '23:00' or '23:30'");
}

/**
 * The form of a Windows time zone id, which Azure Backup takes (`TimeZone = "Pacific Standard
 * Time"` in the API): letters, digits, spaces and `. + - ( )`, as in `UTC`, `UTC+12`,
 * `W. Europe Standard Time`, `Pacific Standard Time (Mexico)`. azurerm v4.55.0 passes `timezone`
 * to Azure as free text (backup_policy_vm_resource.go, backup_policy_file_share_resource.go: no
 * ValidateFunc), and no list of the ids Azure Backup accepts ships with it, so only the form is
 * checked: an IANA name (`Europe/Paris`) or a typo of the characters fails here, a made-up name
 * in that form fails at apply.
 */
const WINDOWS_TIME_ZONE = /^[A-Za-z](?:[A-Za-z0-9 .+()-]{0,62}[A-Za-z0-9)])?$/;

function checkTimezone(problems: ProblemCollector, timezone: string | undefined): void {
  if (timezone === undefined || Token.isUnresolved(timezone)) return;
  problems.check(typeof timezone !== 'string' || !WINDOWS_TIME_ZONE.test(timezone), BKP_TIMEZONE, 'timezone', timezone,
    'a backup policy time zone is a Windows time zone id (letters, digits, spaces and . + - ( )), not an IANA name',
    "use e.g. 'UTC' (default), 'W. Europe Standard Time', 'GMT Standard Time' or 'Eastern Standard Time' (tzutil /l lists them)");
}

/** Checks a file share policy's options (every problem at once). Library-internal. */
export function checkFileSharePolicy(problems: ProblemCollector, options: FileSharePolicyOptions): void {
  const time = options.time ?? FILE_SHARE_BACKUP_TIME;
  checkTime(problems, time);
  checkTimezone(problems, options.timezone);
  const interval = options.hourlyIntervalHours;
  const window = options.hourlyWindowHours ?? 24;
  const okInterval = !problems.literal('hourlyIntervalHours', interval, 'it decides between a daily and an hourly schedule') && !problems.oneOf(BKP_HOURLY_INTERVAL, 'hourlyIntervalHours', interval, HOURLY_INTERVALS, 'use 4, 6, 8 or 12');
  if (interval !== undefined && okInterval && !problems.integer(BKP_HOURLY_INTERVAL, 'hourlyWindowHours', window, 4, 24) && known(window)) {
    problems.check(window % interval !== 0, BKP_HOURLY_INTERVAL, 'hourlyWindowHours', window, `the backup window is a multiple of the ${interval}-hour interval`, `use ${24 - (24 % interval)} or another multiple of ${interval}`);
  }
  const r = retentionOf(options);
  let rangesOk = !problems.integer(BKP_RETENTION, 'dailyRetention', r.daily, 1, 200);
  for (const [prop, value, max] of [['weeklyRetention', r.weekly, 200], ['monthlyRetention', r.monthly, 120], ['yearlyRetention', r.yearly, 10]] as const) {
    rangesOk = !problems.literal(prop, value, '0 leaves the block out') && !problems.integer(BKP_RETENTION, prop, value, 0, max, `use 0 (none) or 1-${max}`) && rangesOk;
  }
  const perDay = interval !== undefined && okInterval && known(window) ? Math.max(1, Math.floor(window / interval)) : 1;
  if (!rangesOk || ![r.daily, r.weekly, r.monthly, r.yearly].every(known) || !known(window)) return;
  const snapshots = r.daily * perDay + r.weekly + r.monthly + r.yearly;
  problems.check(
    snapshots > FILE_SHARE_SNAPSHOT_CAP,
    BKP_SNAPSHOT_CAP,
    'dailyRetention',
    r.daily,
    `the policy can keep up to ${snapshots} snapshots (${r.daily} days x ${perDay} a day + ${r.weekly} weekly + ${r.monthly} monthly + ${r.yearly} yearly); a share holds at most ${FILE_SHARE_SNAPSHOT_CAP}`,
    'keep fewer daily points or back up less often; keep long-term points as weekly/monthly/yearly',
  );
}

function retentionOf(options: FileSharePolicyOptions) {
  return {
    daily: options.dailyRetention ?? FILE_SHARE_RETENTION.daily,
    weekly: options.weeklyRetention ?? FILE_SHARE_RETENTION.weekly,
    monthly: options.monthlyRetention ?? FILE_SHARE_RETENTION.monthly,
    yearly: options.yearlyRetention ?? FILE_SHARE_RETENTION.yearly,
  };
}

/** Builds a checked file share policy `FileSharePolicy<name>` under `scope`. Library-internal. */
export function buildFileSharePolicy(scope: Construct, vault: PolicyVault, name: string, options: FileSharePolicyOptions): BackupPolicyFileShare {
  const time = options.time ?? FILE_SHARE_BACKUP_TIME;
  const interval = options.hourlyIntervalHours;
  const r = retentionOf(options);
  return new BackupPolicyFileShare(scope, `FileSharePolicy${name}`, {
    name,
    resourceGroupName: vault.resourceGroupName,
    recoveryVaultName: vault.vaultName,
    timezone: options.timezone ?? 'UTC',
    backup: interval === undefined ? { frequency: 'Daily', time } : { frequency: 'Hourly', hourly: { interval, startTime: time, windowDuration: options.hourlyWindowHours ?? 24 } },
    retentionDaily: { count: r.daily },
    retentionWeekly: r.weekly > 0 ? { count: r.weekly, weekdays: ['Sunday'] } : undefined,
    retentionMonthly: r.monthly > 0 ? { count: r.monthly, weekdays: ['Sunday'], weeks: ['First'] } : undefined,
    retentionYearly: r.yearly > 0 ? { count: r.yearly, weekdays: ['Sunday'], weeks: ['First'], months: ['January'] } : undefined,
  });
}

/** Checks a VM policy's options. Library-internal. */
export function checkVmPolicy(problems: ProblemCollector, options: VmPolicyOptions): void {
  checkTime(problems, options.time ?? VM_BACKUP_TIME);
  checkTimezone(problems, options.timezone);
  problems.integer(BKP_VM_RETENTION, 'dailyRetention', options.dailyRetention, 7, 9999, `VM daily retention is 7-9999 days; use e.g. ${VM_RETENTION_DAYS}`);
  problems.integer(BKP_VM_RETENTION, 'instantRestoreDays', options.instantRestoreDays, 1, 30, `Enhanced (V2) policies keep instant-restore snapshots 1-30 days; use e.g. ${VM_INSTANT_RESTORE_DAYS}`);
}

/** Builds a checked VM policy `VmPolicy<name>` under `scope`. Library-internal. */
export function buildVmPolicy(scope: Construct, vault: PolicyVault, name: string, options: VmPolicyOptions): BackupPolicyVm {
  return new BackupPolicyVm(scope, `VmPolicy${name}`, {
    name,
    resourceGroupName: vault.resourceGroupName,
    recoveryVaultName: vault.vaultName,
    policyType: 'V2',
    timezone: options.timezone ?? 'UTC',
    instantRestoreRetentionDays: options.instantRestoreDays ?? VM_INSTANT_RESTORE_DAYS,
    backup: { frequency: 'Daily', time: options.time ?? VM_BACKUP_TIME },
    retentionDaily: { count: options.dailyRetention ?? VM_RETENTION_DAYS },
  });
}
