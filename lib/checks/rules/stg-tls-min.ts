import { fails, HybridRule, isExpression } from '../rule';

const GOOD = ['TLS1_2', 'TLS1_3'];

/** Storage requires TLS 1.2+ (azurerm default TLS1_2: absent is compliant). */
export const STG_TLS_MIN: HybridRule = {
  id: 'STG-TLS-MIN',
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.min_tls_version;
    if (v === undefined || v === null || isExpression(v) || GOOD.includes(v)) return 'compliant';
    return fails('min_tls_version', `min_tls_version is ${JSON.stringify(v)}: clients may use TLS before 1.2. Fix: set TLS1_2`);
  },
};
