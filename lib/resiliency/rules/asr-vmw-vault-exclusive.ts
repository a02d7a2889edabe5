import { AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';

// What else may live in a Recovery Services vault: anything here next to a modernized VMware
// replication policy breaks it (Hyper-V sites and VMM clouds add protection containers, backup
// registers containers and items).
const OTHER_USERS: [string, string][] = [
  ['azurerm_site_recovery_services_vault_hyperv_site', 'recovery_vault_id'],
  ['azurerm_site_recovery_hyperv_replication_policy', 'recovery_vault_id'],
  ['azurerm_site_recovery_fabric', 'recovery_vault_name'],
  ['azurerm_backup_container_storage_account', 'recovery_vault_name'],
  ['azurerm_backup_protected_file_share', 'recovery_vault_name'],
  ['azurerm_backup_protected_vm', 'recovery_vault_name'],
  ['azurerm_backup_policy_file_share', 'recovery_vault_name'],
  ['azurerm_backup_policy_vm', 'recovery_vault_name'],
];

/**
 * A vault with modernized VMware replication holds nothing else. The replication appliance needs
 * "a new and exclusive Recovery Services vault" (azure-docs site-recovery/replication-appliance-support-matrix.md),
 * and azurerm's VMware replicated VM and policy association error unless the vault has exactly one
 * protection container (provider v4.55.0 site_recovery_vmware_replicated_vm_resource.go:872-884,
 * site_recovery_vmware_replication_policy_association_resource.go fetchReplicationPolicyAssociationContainerId),
 * a second of which a registered Hyper-V site adds.
 */
export const ASR_VMW_VAULT_EXCLUSIVE = defineRule({
  id: 'ASR-VMW-VAULT-EXCLUSIVE',
  level: RuleLevel.ERROR,
  description: 'A Recovery Services vault used for modernized VMware replication is exclusive to it: no Hyper-V site, other fabric or backup items in the same vault',
  source: `${AD} site-recovery/replication-appliance-support-matrix.md; ${TF} internal/services/recoveryservices/site_recovery_vmware_replicated_vm_resource.go and site_recovery_vmware_replication_policy_association_resource.go`,
  types: ['azurerm_recovery_services_vault'],
  check: (_type, _body, ctx) => {
    if (ctx.referrers('azurerm_site_recovery_vmware_replication_policy', 'recovery_vault_id').length === 0) return 'not-applicable';
    const others = OTHER_USERS.flatMap(([type, attribute]) => ctx.referrers(type, attribute).map((r) => `${r.type}.${r.name}`));
    return others.length === 0
      ? 'compliant'
      : fails(undefined, `the vault holds modernized VMware replication and also ${others.join(', ')}. Fix: give SiteRecoveryVmware a vault of its own (a second RecoveryServicesVault)`);
  },
});
