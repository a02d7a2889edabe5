import { fails, HybridRule, isExpression } from '../rule';

/** Key vault purge protection (azurerm default false). */
export const KV_PURGE_PROTECTION: HybridRule = {
  id: 'KV-PURGE-PROTECTION',
  types: ['azurerm_key_vault'],
  check: (_type, body) =>
    body.purge_protection_enabled === true || isExpression(body.purge_protection_enabled)
      ? 'compliant'
      : fails('purge_protection_enabled', 'purge protection is off: a deleted vault and its secrets can be purged before the retention ends. Fix: set purge_protection_enabled true'),
};
