import { fails, HybridRule, isExpression } from '../rule';

/** Storage public network access off (azurerm default true: absent is non-compliant). */
export const STG_PUBLIC_NETWORK: HybridRule = {
  id: 'STG-PUBLIC-NETWORK',
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.public_network_access_enabled;
    if (v === false || isExpression(v)) return 'compliant';
    return fails('public_network_access_enabled', `public_network_access_enabled is ${v === undefined ? 'not set (defaults to true)' : JSON.stringify(v)}: the account answers on its public endpoint. Fix: set it to false and use a private endpoint`);
  },
};
