import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

const GOOD = ['TLS1_2', 'TLS1_3'];

/** Storage requires TLS 1.2+ (azurerm default TLS1_2: absent is compliant). */
export const STG_TLS_MIN = defineRule({
  id: 'STG-TLS-MIN',
  level: RuleLevel.ERROR,
  description: 'A storage account must require TLS 1.2 or later (min_tls_version TLS1_2 or TLS1_3)',
  source: `${AD} storage/common/transport-layer-security-configure-minimum-version.md`,
  types: ['azurerm_storage_account'],
  check: (_type, body) => {
    const v = body.min_tls_version;
    if (v === undefined || v === null || isExpression(v) || GOOD.includes(v)) return 'compliant';
    return fails('min_tls_version', `min_tls_version is ${JSON.stringify(v)}: clients may use TLS before 1.2. Fix: set TLS1_2`);
  },
});
