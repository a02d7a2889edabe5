import { allBlocks, AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';

/** Firewall tiers Azure offers (azurerm_firewall sku_tier). */
export const FIREWALL_TIERS = ['Basic', 'Standard', 'Premium'];

/**
 * The firewall's policy has the firewall's tier (a Premium policy on a Premium firewall), and a
 * Basic firewall needs a management IP configuration.
 */
export const FW_SKU = defineRule({
  id: 'FW-SKU',
  level: RuleLevel.ERROR,
  description: 'Azure Firewall tier is Basic, Standard or Premium; its firewall policy must be of the same tier; a Basic firewall needs a management IP configuration (AzureFirewallManagementSubnet)',
  source: `${AD} firewall-manager/policy-overview.md (Basic, Standard and Premium policies); firewall/basic-features.md; ${TF} website/docs/r/firewall.html.markdown (sku_tier, management_ip_configuration)`,
  types: ['azurerm_firewall'],
  check: (_type, body, ctx) => {
    const tier = body.sku_tier;
    if (typeof tier === 'string' && !tier.includes('${') && !FIREWALL_TIERS.includes(tier)) {
      return fails('sku_tier', `sku_tier ${tier} is not a firewall tier. Fix: use Standard (default) or Premium`);
    }
    if (tier === 'Basic' && allBlocks(body.management_ip_configuration).length === 0) {
      return fails('management_ip_configuration', 'a Basic firewall has no management IP configuration. Fix: add AzureFirewallManagementSubnet and a management_ip_configuration');
    }
    const policy = ctx.deref(body.firewall_policy_id);
    const policyTier = policy?.body.sku ?? (policy ? 'Standard' : undefined);
    if (policy && typeof tier === 'string' && typeof policyTier === 'string' && !policyTier.includes('${') && policyTier !== tier) {
      return fails('firewall_policy_id', `the firewall is ${tier} and its policy ${policy.body.name} is ${policyTier}. Fix: give the policy sku = "${tier}"`);
    }
    return 'compliant';
  },
});
