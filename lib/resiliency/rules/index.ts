import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { RSV_REDUNDANCY } from './rsv-redundancy';
import { RSV_SOFT_DELETE } from './rsv-soft-delete';
import { ASR_VAULT_PRIVATE_ENDPOINT } from './asr-vault-private-endpoint';
import { ASR_VMW_VAULT_EXCLUSIVE } from './asr-vmw-vault-exclusive';

export { RSV_REDUNDANCY, RSV_SOFT_DELETE, ASR_VAULT_PRIVATE_ENDPOINT, ASR_VMW_VAULT_EXCLUSIVE };

// Recovery Services vault
export const RSV_CRR_GEO = defineRule({ id: 'RSV-CRR-GEO', level: RuleLevel.ERROR, description: 'Cross-region restore needs a GeoRedundant vault', source: `${TF} recovery_services_vault.html.markdown` });
export const RSV_IMMUTABILITY_LOCKED = defineRule({ id: 'RSV-IMMUTABILITY-LOCKED', level: RuleLevel.WARNING, description: 'Locked immutability is irreversible: the vault can never be made mutable again', source: `${TF} recovery_services_vault.html.markdown` });
export const RSV_SETTINGS = defineRule({ id: 'RSV-SETTINGS', level: RuleLevel.ERROR, description: 'A Recovery Services vault stores GeoRedundant, LocallyRedundant or ZoneRedundant (storage_mode_type) and its immutability is Locked, Unlocked or Disabled, spelled exactly so', source: `${TF} internal/services/recoveryservices/recovery_services_vault_resource.go (storage_mode_type, immutability: StringInSlice, case-sensitive)` });
export const RSV_VAULT_ID = defineRule({ id: 'RSV-VAULT-ID', level: RuleLevel.ERROR, description: 'An existing Recovery Services vault is given by its resource id (.../providers/Microsoft.RecoveryServices/vaults/<name>)', source: `${TF} recovery_services_vault.html.markdown` });
// RSV-DIAG-MISSING: now DIAG-MISSING (lib/core/rules/diag-missing.ts), which still honours suppressions by this id
// File share backup
export const BKP_HOURLY_INTERVAL = defineRule({ id: 'BKP-HOURLY-INTERVAL', level: RuleLevel.ERROR, description: 'An hourly file share backup runs every 4, 6, 8 or 12 hours, in a window of 4-24 hours that is a multiple of the interval', source: `${TF} backup_policy_file_share.html.markdown` });
export const BKP_TIMEZONE = defineRule({ id: 'BKP-TIMEZONE', level: RuleLevel.ERROR, description: "A backup policy's time zone is a Windows time zone id such as UTC or W. Europe Standard Time (letters, digits, spaces and . + - ( )), not an IANA name such as Europe/Paris; azurerm passes it to Azure unchecked, so only its form is checked", source: `${TF} internal/services/recoveryservices/backup_policy_vm_resource.go and backup_policy_file_share_resource.go (timezone: free text, default UTC); backup_policy_vm.html.markdown (list of time zones consumed by Azure)` });
export const BKP_TIME = defineRule({ id: 'BKP-TIME', level: RuleLevel.ERROR, description: 'Backup times are HH:MM on the hour or half hour', source: `${TF} backup_policy_file_share.html.markdown` });
export const BKP_RETENTION = defineRule({ id: 'BKP-RETENTION', level: RuleLevel.ERROR, description: 'File share backup retention: daily and weekly 1-200, monthly 1-120, yearly 1-10; weekly, monthly and yearly need weekdays (and weeks/months) to keep', source: `${TF} backup_policy_file_share.html.markdown` });
export const BKP_SNAPSHOT_CAP = defineRule({ id: 'BKP-SNAPSHOT-CAP', level: RuleLevel.ERROR, description: 'A file share keeps at most 200 snapshots: the recovery points a policy retains must not exceed it', source: `${AD} backup/azure-file-share-support-matrix.md` });
export const BKP_POLICY_UNKNOWN = defineRule({ id: 'BKP-POLICY-UNKNOWN', level: RuleLevel.ERROR, description: 'A protected item must use a backup policy of the same vault', source: 'library pattern' });
export const BKP_SHARE_UNKNOWN = defineRule({ id: 'BKP-SHARE-UNKNOWN', level: RuleLevel.ERROR, description: 'Only a share of the storage account can be protected, once', source: `${TF} backup_protected_file_share.html.markdown` });
export const BKP_POLICY_NAME = defineRule({ id: 'BKP-POLICY-NAME', level: RuleLevel.ERROR, description: "A backup policy name is 3-150 characters of letters, digits, '-', '_' and '!', starting with a letter", source: `${TF} internal/services/recoveryservices/backup_policy_vm_resource.go and backup_policy_file_share_resource.go (name: ^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$)` });
// VM backup
export const BKP_VM_RETENTION = defineRule({ id: 'BKP-VM-RETENTION', level: RuleLevel.ERROR, description: 'VM backup daily retention is 7-9999 days; instant restore 1-5 days (V1) or 1-30 days (V2, Enhanced)', source: `${TF} backup_policy_vm.html.markdown` });
export const BKP_VM_ID = defineRule({ id: 'BKP-VM-ID', level: RuleLevel.ERROR, description: 'A protected VM is given by its resource id (.../providers/Microsoft.Compute/virtualMachines/<name>)', source: `${TF} backup_protected_vm.html.markdown` });
// Site Recovery
export const ASR_HV_INTERVAL = defineRule({ id: 'ASR-HV-INTERVAL', level: RuleLevel.ERROR, description: 'Hyper-V replication runs every 30 or 300 seconds', source: `${TF} internal/services/recoveryservices/site_recovery_hyperv_replication_policy_resource.go` });
export const ASR_HV_RETENTION = defineRule({ id: 'ASR-HV-RETENTION', level: RuleLevel.ERROR, description: 'Hyper-V recovery points are kept 0-24 hours; app-consistent snapshots every 0-12 hours, not longer than the retention', source: `${TF} internal/services/recoveryservices/site_recovery_hyperv_replication_policy_resource.go` });
export const ASR_VMM_MAPPING = defineRule({ id: 'ASR-VMM-MAPPING', level: RuleLevel.ERROR, description: 'A Hyper-V network mapping names the VMM server and the VM network it manages', source: `${TF} site_recovery_hyperv_network_mapping.html.markdown` });
export const ASR_VMW_RETENTION = defineRule({ id: 'ASR-VMW-RETENTION', level: RuleLevel.ERROR, description: 'VMware recovery points are kept 0-21600 minutes; app-consistent snapshots every 0-720 minutes, not longer than the retention', source: `${TF} site_recovery_vmware_replication_policy.html.markdown` });
export const ASR_VMW_DISKS = defineRule({ id: 'ASR-VMW-DISKS', level: RuleLevel.ERROR, description: 'A VMware replicated VM takes a default log storage account or managed_disk blocks, not both; disk types are Standard_LRS, StandardSSD_LRS, StandardSSD_ZRS, Premium_LRS, Premium_ZRS, PremiumV2_LRS or UltraSSD_LRS', source: `${TF} site_recovery_vmware_replicated_vm.html.markdown; internal/services/recoveryservices/site_recovery_vmware_replicated_vm_resource.go (target_disk_type, default_recovery_disk_type: PossibleValuesForDiskAccountType)` });
export const ASR_VMW_PLACEMENT = defineRule({ id: 'ASR-VMW-PLACEMENT', level: RuleLevel.ERROR, description: 'A VMware replicated VM goes to an availability set or a zone, not both', source: `${TF} site_recovery_vmware_replicated_vm.html.markdown` });
export const ASR_VMW_DUPLICATE = defineRule({ id: 'ASR-VMW-DUPLICATE', level: RuleLevel.ERROR, description: 'Each replicated VM is listed once', source: 'library pattern' });
export const ASR_VMW_FAILOVER_NETWORK = defineRule({ id: 'ASR-VMW-FAILOVER-NETWORK', level: RuleLevel.ERROR, description: 'A VMware replicated VM names the virtual network it fails over to and maps each NIC (source MAC, 00:00:00:00:00:00) to a target and a test subnet, with an IPv4 address when static; exactly one NIC is primary; target_network_id is required with network_interface', source: `${TF} site_recovery_vmware_replicated_vm.html.markdown; internal/services/recoveryservices/site_recovery_vmware_replicated_vm_resource.go (source_mac_address, target_static_ip, is_primary)` });
export const ASR_TESTNET_ISOLATED = defineRule({ id: 'ASR-TESTNET-ISOLATED', level: RuleLevel.ERROR, description: 'The test failover network must be isolated from production: no peering', source: `${AD} site-recovery/site-recovery-test-failover-to-azure.md` });
// RSV-REDUNDANCY: defined with its body check in ./rsv-redundancy.ts
// RSV-SOFT-DELETE: defined with its body check in ./rsv-soft-delete.ts

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const RESILIENCY_RULES = [
  RSV_CRR_GEO,
  RSV_IMMUTABILITY_LOCKED,
  RSV_VAULT_ID,
  RSV_SETTINGS,
  BKP_HOURLY_INTERVAL,
  BKP_TIME,
  BKP_TIMEZONE,
  BKP_RETENTION,
  BKP_SNAPSHOT_CAP,
  BKP_POLICY_UNKNOWN,
  BKP_SHARE_UNKNOWN,
  BKP_VM_RETENTION,
  BKP_VM_ID,
  BKP_POLICY_NAME,
  ASR_HV_INTERVAL,
  ASR_HV_RETENTION,
  ASR_VMM_MAPPING,
  ASR_VMW_RETENTION,
  ASR_VMW_DISKS,
  ASR_VMW_PLACEMENT,
  ASR_VMW_DUPLICATE,
  ASR_VMW_FAILOVER_NETWORK,
  ASR_TESTNET_ISOLATED,
  ASR_VMW_VAULT_EXCLUSIVE,
  ASR_VAULT_PRIVATE_ENDPOINT,
  RSV_REDUNDANCY,
  RSV_SOFT_DELETE,
] as const;
