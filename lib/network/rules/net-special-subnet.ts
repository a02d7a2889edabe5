import { allBlocks, AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';
import { subnetPrefixLengths } from './dns-helpers';

/** Subnets Azure requires by exact name, with their minimum size (prefix length at most). */
export const SPECIAL_SUBNETS: Record<string, number> = {
  AzureFirewallSubnet: 26,
  AzureFirewallManagementSubnet: 26,
  AzureBastionSubnet: 26,
};

/**
 * Azure Firewall goes into `AzureFirewallSubnet` (/26) and its management configuration into
 * `AzureFirewallManagementSubnet` (/26); Bastion into `AzureBastionSubnet` (/26 or larger).
 */
export const NET_SPECIAL_SUBNET = defineRule({
  id: 'NET-SPECIAL-SUBNET',
  level: RuleLevel.ERROR,
  description: 'Azure Firewall needs AzureFirewallSubnet (/26) and, for forced tunnelling or Basic, AzureFirewallManagementSubnet (/26); Azure Bastion needs AzureBastionSubnet (/26 or larger); the names are exact',
  source: `${AD} firewall/firewall-faq.yml ("Why does Azure Firewall need a /26 subnet size?"), firewall/forced-tunneling.md, bastion/configuration-settings.md (Azure Bastion subnet); ${TF} internal/services/firewall/validate/firewall_subnet_name.go, firewall_management_subnet_name.go`,
  types: ['azurerm_subnet', 'azurerm_firewall', 'azurerm_bastion_host'],
  check: (type, body, ctx) => {
    if (type === 'azurerm_subnet') {
      const max = SPECIAL_SUBNETS[body.name];
      if (max === undefined) return 'not-applicable';
      const bad = subnetPrefixLengths({ type, name: '', body }).find((n) => n > max);
      return bad === undefined ? 'compliant' : fails('address_prefixes', `${body.name} is a /${bad}; Azure needs /${max} or larger. Fix: give it a /${max}`);
    }
    const expected: [string, unknown][] =
      type === 'azurerm_firewall'
        ? [
            ...allBlocks(body.ip_configuration).map((c): [string, unknown] => ['AzureFirewallSubnet', c.subnet_id]),
            ...allBlocks(body.management_ip_configuration).map((c): [string, unknown] => ['AzureFirewallManagementSubnet', c.subnet_id]),
          ]
        : allBlocks(body.ip_configuration).map((c): [string, unknown] => ['AzureBastionSubnet', c.subnet_id]);
    for (const [name, subnetId] of expected) {
      const subnet = ctx.deref(subnetId);
      if (subnet && subnet.type === 'azurerm_subnet' && typeof subnet.body.name === 'string' && subnet.body.name !== name) {
        return fails('ip_configuration.subnet_id', `${type} is placed in subnet ${subnet.body.name}; Azure requires the subnet named exactly ${name}. Fix: create ${name} and use it`);
      }
    }
    return expected.length > 0 ? 'compliant' : 'not-applicable';
  },
});
