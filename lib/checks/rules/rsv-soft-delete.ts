import { fails, HybridRule } from '../rule';

/** Recovery Services vault soft delete (azurerm default true). */
export const RSV_SOFT_DELETE: HybridRule = {
  id: 'RSV-SOFT-DELETE',
  types: ['azurerm_recovery_services_vault'],
  check: (_type, body) =>
    body.soft_delete_enabled === false
      ? fails('soft_delete_enabled', 'soft_delete_enabled is false: deleted backup data is purged at once. Fix: set it to true (or leave it out)')
      : 'compliant',
};
