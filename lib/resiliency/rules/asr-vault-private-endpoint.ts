import { AD, allBlocks, defineRule, fails, RuleLevel } from '../../core/rule';

const SITE_RECOVERY_USERS: [string, string][] = [
  ['azurerm_site_recovery_services_vault_hyperv_site', 'recovery_vault_id'],
  ['azurerm_site_recovery_vmware_replication_policy', 'recovery_vault_id'],
];

/**
 * Site Recovery in a vault locked to private access registers only through an `AzureSiteRecovery`
 * private endpoint, which must exist before any host or appliance registers ("You can create
 * private endpoints only for new Recovery Services vaults that don't have any items registered",
 * azure-docs site-recovery/hybrid-how-to-enable-replication-private-endpoints.md; research.md section 2).
 */
export const ASR_VAULT_PRIVATE_ENDPOINT = defineRule({
  id: 'ASR-VAULT-PRIVATE-ENDPOINT',
  level: RuleLevel.ERROR,
  description: 'A vault used by Site Recovery with public network access off needs an AzureSiteRecovery private endpoint (and the vault identity) in the same apply, before any host or appliance registers',
  source: `${AD} site-recovery/hybrid-how-to-enable-replication-private-endpoints.md`,
  types: ['azurerm_recovery_services_vault'],
  check: (_type, body, ctx) => {
    if (body.public_network_access_enabled !== false) return 'not-applicable';
    if (SITE_RECOVERY_USERS.every(([t, a]) => ctx.referrers(t, a).length === 0)) return 'not-applicable';
    const endpoints = ctx.referrers('azurerm_private_endpoint', 'private_service_connection');
    const asr = endpoints.some((e) => allBlocks(e.body.private_service_connection).some((c) => (c.subresource_names ?? []).includes('AzureSiteRecovery')));
    return asr
      ? 'compliant'
      : fails('public_network_access_enabled', 'Site Recovery uses this vault, its public network access is off and no AzureSiteRecovery private endpoint exists: Hyper-V hosts and the VMware appliance cannot register. Fix: call addSiteRecoveryPrivateEndpoint on the vault, or set publicNetworkAccessEnabled: true');
  },
});
