import { AD, defineRule, fails, firstBlock, isExpression, RuleLevel } from '../../core/rule';

/**
 * Share soft delete on accounts that hold file shares: FileStorage accounts, and any account an
 * `azurerm_storage_share` of the stack refers to.
 */
export const STG_SHARE_SOFT_DELETE = defineRule({
  id: 'STG-SHARE-SOFT-DELETE',
  level: RuleLevel.WARNING,
  description: 'A storage account holding file shares should keep deleted shares (share_properties.retention_policy, soft delete)',
  source: `${AD} storage/files/storage-files-prevent-file-share-deletion.md`,
  types: ['azurerm_storage_account'],
  check: (_type, body, ctx) => {
    const holdsShares = body.account_kind === 'FileStorage' || ctx.referrers('azurerm_storage_share').length > 0;
    if (!holdsShares) return 'not-applicable';
    const props = body.share_properties;
    if (isExpression(props)) return 'compliant';
    const policy = firstBlock(firstBlock(props)?.retention_policy);
    const days = policy?.days;
    if (policy && (days === undefined || isExpression(days) || (typeof days === 'number' && days >= 1))) return 'compliant';
    return fails('share_properties.retention_policy.days', 'the account holds file shares but share soft delete is off: a deleted share is lost at once. Fix: set share_properties.retention_policy.days (14 is the pattern default)');
  },
});
