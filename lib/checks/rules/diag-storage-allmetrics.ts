import { allBlocks, defineRule, fails, RuleLevel, TF } from '../../core/rule';

// A storage service sub-resource at the end of a target id: `/blobServices/default` and the like. Linear: alternation of literals.
const STORAGE_SERVICE = /\/(blobServices|fileServices|queueServices|tableServices)\/default$/i;
const STORAGE_ACCOUNT_ID = /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i;

/** Storage takes explicit metric categories (Capacity, Transaction), not AllMetrics. */
export const DIAG_STORAGE_ALLMETRICS = defineRule({
  id: 'DIAG-STORAGE-ALLMETRICS',
  level: RuleLevel.WARNING,
  description: 'A diagnostic setting on a storage account or a storage service (…/blobServices/default, …/fileServices/default, …) names its metric categories (Capacity, Transaction), not AllMetrics: the account scope refuses AllMetrics and the service scopes read it back as the concrete categories, so every plan shows a change',
  source: `${TF} internal/services/monitor/monitor_diagnostic_setting_resource_test.go (storageAccountTargetTransaction/Capacity); Azure/terraform-azurerm-avm-res-storage-storageaccount PR #325 and #380; research.md section 1; deploy-review B2`,
  types: ['azurerm_monitor_diagnostic_setting'],
  check: (_type, body, ctx) => {
    const metrics = [...allBlocks(body.enabled_metric).map((m, i) => ['enabled_metric', i, m] as const), ...allBlocks(body.metric).map((m, i) => ['metric', i, m] as const)];
    const all = metrics.find(([, , m]) => m.category === 'AllMetrics' && m.enabled !== false);
    if (!all) return 'not-applicable';
    const target = body.target_resource_id;
    const service = typeof target === 'string' && STORAGE_SERVICE.test(target);
    const account = ctx.deref(target)?.type === 'azurerm_storage_account' || (typeof target === 'string' && !target.includes('${') && STORAGE_ACCOUNT_ID.test(target));
    if (!service && !account) return 'compliant';
    const use = service ? 'Transaction (and Capacity)' : 'Capacity and Transaction';
    return fails(`${all[0]}.${all[1]}.category`, `AllMetrics on a storage ${service ? 'service' : 'account'}. Fix: one ${all[0]} block per category: ${use}`);
  },
});
