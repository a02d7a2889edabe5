// What the resiliency patterns choose when the user does not say: the guide's recommendations
// (../shared/reference/azure-hybrid-rules.md sections 7 and 9), in one place.

/** File share backup: daily at 23:00 UTC, 30 daily / 12 weekly / 12 monthly / 1 yearly. */
export const FILE_SHARE_BACKUP_TIME = '23:00';
export const FILE_SHARE_RETENTION = { daily: 30, weekly: 12, monthly: 12, yearly: 1 };
export const FILE_SHARE_SNAPSHOT_CAP = 200;
export const HOURLY_INTERVALS = [4, 6, 8, 12];
/** VM backup: Enhanced (V2) policy, daily at 23:00, 30 days, instant restore 7 days. */
export const VM_BACKUP_TIME = '23:00';
export const VM_RETENTION_DAYS = 30;
export const VM_INSTANT_RESTORE_DAYS = 7;
/** Hyper-V replication: every 300 s, 24 h of recovery points, app-consistent every 4 h. */
export const HYPERV_INTERVAL_SECONDS = 300;
export const HYPERV_RETENTION_HOURS = 24;
export const HYPERV_APP_CONSISTENT_HOURS = 4;
/** VMware replication: 72 h of recovery points (4320 min), app-consistent every 4 h (240 min). */
export const VMWARE_RETENTION_MINUTES = 4320;
export const VMWARE_APP_CONSISTENT_MINUTES = 240;
/**
 * Create timeout of a VMware replicated VM: the create returns once the initial replication has
 * copied every disk (provider v4.55.0 site_recovery_vmware_replicated_vm_resource.go waits for
 * "Protected"); the provider's default of 2 h fails on any large VM, and the resource is then not
 * saved to state. 24 h covers about 500 GB over 50 Mbit/s.
 */
export const VMWARE_REPLICATED_VM_CREATE_TIMEOUT = '24h';
/** The vault registration key is valid this many days. */
export const REGISTRATION_KEY_VALID_DAYS = 5;
/** Name of the file share policy created when a share is protected without one. */
export const DEFAULT_FILE_SHARE_POLICY = 'files-daily';
/** Name of the VM policy created when a VM is protected without one. */
export const DEFAULT_VM_POLICY = 'vm-daily';
