import { fails, HybridRule, isExpression } from '../rule';

/** No public blobs or containers (azurerm default true: absent is non-compliant). */
export const STG_NESTED_PUBLIC: HybridRule = {
  id: 'STG-NESTED-PUBLIC',
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.allow_nested_items_to_be_public;
    if (v === false || isExpression(v)) return 'compliant';
    return fails('allow_nested_items_to_be_public', `allow_nested_items_to_be_public is ${v === undefined ? 'not set (defaults to true)' : JSON.stringify(v)}: containers can be opened to anonymous reads. Fix: set it to false`);
  },
};
