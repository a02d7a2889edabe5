import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** Storage accepts HTTPS only (azurerm default true: absent is compliant). */
export const STG_HTTPS_ONLY = defineRule({
  id: 'STG-HTTPS-ONLY',
  level: RuleLevel.ERROR,
  description: 'A storage account must accept HTTPS requests only (https_traffic_only_enabled)',
  source: `${AD} storage/common/storage-require-secure-transfer.md`,
  types: ['azurerm_storage_account'],
  check: (_type, body) =>
    body.https_traffic_only_enabled === false
      ? fails('https_traffic_only_enabled', 'https_traffic_only_enabled is false: the account accepts plain HTTP. Fix: set it to true (or leave it out)')
      : 'compliant',
});
