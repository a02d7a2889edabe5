import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

/** Key vault purge protection (azurerm default false). */
export const KV_PURGE_PROTECTION = defineRule({
  id: 'KV-PURGE-PROTECTION',
  level: RuleLevel.WARNING,
  description: 'A key vault holding keys or secrets of the hybrid link should have purge protection on',
  source: `${AD} key-vault/general/soft-delete-overview.md`,
  types: ['azurerm_key_vault'],
  check: (_type, body) =>
    body.purge_protection_enabled === true || isExpression(body.purge_protection_enabled)
      ? 'compliant'
      : fails('purge_protection_enabled', 'purge protection is off: a deleted vault and its secrets can be purged before the retention ends. Fix: set purge_protection_enabled true'),
});
