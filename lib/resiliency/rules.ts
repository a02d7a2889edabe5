import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

// Rules of the backup and Site Recovery patterns (azure-hybrid-rules.md sections 7 and 9).
export const RESILIENCY_RULES: Record<string, RuleEntry> = {
  // Recovery Services vault
  'RSV-CRR-GEO': [RuleLevel.ERROR, 'Cross-region restore needs a GeoRedundant vault', `${TF} recovery_services_vault.html.markdown`],
  'RSV-IMMUTABILITY-LOCKED': [RuleLevel.WARNING, 'Locked immutability is irreversible: the vault can never be made mutable again', `${TF} recovery_services_vault.html.markdown`],
  'RSV-DIAG-MISSING': [RuleLevel.WARNING, 'Backup and Site Recovery logs should go to a Log Analytics workspace', `${AD} backup/backup-azure-diagnostic-events.md`],
  // File share backup
  'BKP-HOURLY-INTERVAL': [RuleLevel.ERROR, 'An hourly file share backup runs every 4, 6, 8 or 12 hours, in a window of 4-24 hours that is a multiple of the interval', `${TF} backup_policy_file_share.html.markdown`],
  'BKP-TIME': [RuleLevel.ERROR, 'Backup times are HH:MM on the hour or half hour', `${TF} backup_policy_file_share.html.markdown`],
  'BKP-RETENTION': [RuleLevel.ERROR, 'File share backup retention: daily and weekly 1-200, monthly 1-120, yearly 1-10; weekly, monthly and yearly need weekdays (and weeks/months) to keep', `${TF} backup_policy_file_share.html.markdown`],
  'BKP-SNAPSHOT-CAP': [RuleLevel.ERROR, 'A file share keeps at most 200 snapshots: the recovery points a policy retains must not exceed it', `${AD} backup/azure-file-share-support-matrix.md`],
  'BKP-POLICY-UNKNOWN': [RuleLevel.ERROR, 'A protected item must use a backup policy of the same vault', 'library pattern'],
  'BKP-SHARE-UNKNOWN': [RuleLevel.ERROR, 'Only a share of the storage account can be protected, once', `${TF} backup_protected_file_share.html.markdown`],
  // VM backup
  'BKP-VM-RETENTION': [RuleLevel.ERROR, 'VM backup daily retention is 7-9999 days; instant restore 1-5 days (V1) or 1-30 days (V2, Enhanced)', `${TF} backup_policy_vm.html.markdown`],
  'BKP-VM-ID': [RuleLevel.ERROR, 'A protected VM is given by its resource id (.../providers/Microsoft.Compute/virtualMachines/<name>)', `${TF} backup_protected_vm.html.markdown`],
  // Site Recovery
  'ASR-HV-INTERVAL': [RuleLevel.ERROR, 'Hyper-V replication runs every 30 or 300 seconds', `${TF} internal/services/recoveryservices/site_recovery_hyperv_replication_policy_resource.go`],
  'ASR-HV-RETENTION': [RuleLevel.ERROR, 'Hyper-V recovery points are kept 0-24 hours; app-consistent snapshots every 0-12 hours, not longer than the retention', `${TF} internal/services/recoveryservices/site_recovery_hyperv_replication_policy_resource.go`],
  'ASR-VMM-MAPPING': [RuleLevel.ERROR, 'A Hyper-V network mapping names the VMM server and the VM network it manages', `${TF} site_recovery_hyperv_network_mapping.html.markdown`],
  'ASR-VMW-RETENTION': [RuleLevel.ERROR, 'VMware recovery points are kept 0-21600 minutes; app-consistent snapshots every 0-720 minutes, not longer than the retention', `${TF} site_recovery_vmware_replication_policy.html.markdown`],
  'ASR-VMW-DISKS': [RuleLevel.ERROR, 'A VMware replicated VM takes a default log storage account or managed_disk blocks, not both', `${TF} site_recovery_vmware_replicated_vm.html.markdown`],
  'ASR-VMW-PLACEMENT': [RuleLevel.ERROR, 'A VMware replicated VM goes to an availability set or a zone, not both', `${TF} site_recovery_vmware_replicated_vm.html.markdown`],
  'ASR-VMW-DUPLICATE': [RuleLevel.ERROR, 'Each replicated VM is listed once', 'library pattern'],
  'ASR-TESTNET-ISOLATED': [RuleLevel.ERROR, 'The test failover network must be isolated from production: no peering', `${AD} site-recovery/site-recovery-test-failover-to-azure.md`],
};
