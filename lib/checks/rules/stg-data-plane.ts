import { allBlocks, defineRule, fails, RuleLevel, TF } from '../../core/rule';

/** The provider configuration a resource uses: its `provider` meta-argument (`azurerm.<alias>`) or the default one. */
function providerOf(configs: Record<string, any>[], meta: unknown): Record<string, any> | undefined {
  const alias = typeof meta === 'string' ? /^(?:\$\{)?azurerm\.([A-Za-z0-9_-]+)\}?$/.exec(meta)?.[1] : undefined;
  return alias ? configs.find((c) => c.alias === alias) : configs.find((c) => c.alias === undefined || c.alias === null);
}

/** A private storage account in a stack whose provider still polls the data plane. */
export const STG_DATA_PLANE = defineRule({
  id: 'STG-DATA-PLANE',
  level: RuleLevel.ERROR,
  description: 'A storage account with public_network_access_enabled = false needs the azurerm provider feature storage.data_plane_available = false (or Terraform running on a network with blob, queue and web private endpoints): azurerm 4.x polls the data-plane endpoints after create and on every refresh, and they answer 403',
  source: `${TF} internal/services/storage/storage_account_resource.go (~l.1547 waitForDataPlaneToBecomeAvailableForAccount, l.2327-2345 queue properties), website/docs/guides/features-block.html.markdown:285-287; deploy-review B1`,
  types: ['azurerm_storage_account'],
  check: (_type, body, ctx) => {
    if (body.public_network_access_enabled !== false) return 'not-applicable';
    const configs = ctx.providers('azurerm');
    if (configs === undefined) return 'not-applicable';
    const config = providerOf(configs, body.provider);
    const storage = allBlocks(config?.features).flatMap((f) => allBlocks(f.storage));
    if (storage.some((s) => s.data_plane_available === false || (typeof s.data_plane_available === 'string' && s.data_plane_available.includes('${')))) return 'compliant';
    return fails('public_network_access_enabled', `public access is off, but the azurerm provider${config?.alias ? ` ${config.alias}` : ''} of this stack does not set features.storage.data_plane_available = false: create and every refresh poll the blob/queue endpoints and fail with 403. Fix: set features { storage { data_plane_available = false } } (the library's AzureProvider does when the stack has a private storage account)`);
  },
});
