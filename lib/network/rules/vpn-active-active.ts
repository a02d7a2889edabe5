import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';
import { LEGACY_VPN_SKUS } from './vpn-sku-legacy';

/** A VPN gateway should be active-active (azurerm default false). */
export const VPN_ACTIVE_ACTIVE = defineRule({
  id: 'VPN-ACTIVE-ACTIVE',
  level: RuleLevel.WARNING,
  description: 'A VPN gateway should be active-active, so maintenance and instance failures do not drop tunnels',
  source: `${AD} vpn-gateway/vpn-gateway-highlyavailable.md`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    if (body.type !== 'Vpn' || LEGACY_VPN_SKUS.includes(body.sku)) return 'not-applicable';
    const v = body.active_active;
    if (v === true || isExpression(v)) return 'compliant';
    return fails('active_active', 'the gateway is active-standby: tunnels drop for a failover on maintenance. Fix: set active_active with two ip_configuration blocks and two public IPs');
  },
});
