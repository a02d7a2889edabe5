import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

/** Storage public network access off (azurerm default true: absent is non-compliant). */
export const STG_PUBLIC_NETWORK = defineRule({
  id: 'STG-PUBLIC-NETWORK',
  level: RuleLevel.WARNING,
  description: 'A storage account should be reached through private endpoints with public network access off',
  source: `${AD} storage/common/storage-network-security.md`,
  // HybridFileShare reported this as STG-PUBLIC-ACCESS from its props; one rule now, on the final body.
  formerIds: ['STG-PUBLIC-ACCESS'],
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.public_network_access_enabled;
    if (v === false || isExpression(v)) return 'compliant';
    return fails('public_network_access_enabled', `public_network_access_enabled is ${v === undefined ? 'not set (defaults to true)' : JSON.stringify(v)}: the account answers on its public endpoint. Fix: set it to false and use a private endpoint`);
  },
});
