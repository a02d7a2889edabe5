import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

/** No public blobs or containers (azurerm default true: absent is non-compliant). */
export const STG_NESTED_PUBLIC = defineRule({
  id: 'STG-NESTED-PUBLIC',
  level: RuleLevel.ERROR,
  description: 'A storage account must not allow containers or blobs to be made public (allow_nested_items_to_be_public false)',
  source: `${AD} storage/blobs/anonymous-read-access-prevent.md`,
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.allow_nested_items_to_be_public;
    if (v === false || isExpression(v)) return 'compliant';
    return fails('allow_nested_items_to_be_public', `allow_nested_items_to_be_public is ${v === undefined ? 'not set (defaults to true)' : JSON.stringify(v)}: containers can be opened to anonymous reads. Fix: set it to false`);
  },
});
