import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** A firewall spread over availability zones (fixed at creation). */
export const FW_ZONES = defineRule({
  id: 'FW-ZONES',
  level: RuleLevel.WARNING,
  description: 'Deploy Azure Firewall across availability zones (zones are chosen at creation and cannot be added later); its public IPs need the same zones',
  source: `${AD} firewall/features.md (Availability zones); firewall/deploy-availability-zone-powershell.md`,
  types: ['azurerm_firewall'],
  check: (_type, body) => {
    const zones = body.zones;
    if (typeof zones === 'string') return 'not-applicable';
    return Array.isArray(zones) && zones.length >= 2 ? 'compliant' : fails('zones', 'the firewall is in one zone or none. Fix: zones = ["1", "2", "3"] in regions with availability zones (acknowledge the warning elsewhere)');
  },
});
