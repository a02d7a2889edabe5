import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** Recovery Services vault soft delete (azurerm default true). */
export const RSV_SOFT_DELETE = defineRule({
  id: 'RSV-SOFT-DELETE',
  level: RuleLevel.ERROR,
  description: 'A Recovery Services vault must keep soft delete on, so deleted backups can be recovered',
  source: `${AD} backup/backup-azure-security-feature-cloud.md`,
  types: ['azurerm_recovery_services_vault'],
  check: (_type, body) =>
    body.soft_delete_enabled === false
      ? fails('soft_delete_enabled', 'soft_delete_enabled is false: deleted backup data is purged at once. Fix: set it to true (or leave it out)')
      : 'compliant',
});
