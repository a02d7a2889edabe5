import { defineRule, fails, isExpression, RuleLevel, TF } from '../../core/rule';

/** A VPN gateway has one ip_configuration per instance (a third one for active-active point-to-site). */
export const VPN_IPCONFIG_COUNT = defineRule({
  id: 'VPN-IPCONFIG-COUNT',
  level: RuleLevel.ERROR,
  description: 'A VPN gateway needs 1 ip_configuration when active-standby, 2 when active-active, 3 when active-active with point-to-site',
  source: `${TF} website/docs/r/virtual_network_gateway.html.markdown (ip_configuration)`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    if (body.type !== 'Vpn' || isExpression(body.ip_configuration)) return 'not-applicable';
    const count = Array.isArray(body.ip_configuration) ? body.ip_configuration.length : body.ip_configuration ? 1 : 0;
    const activeActive = body.active_active === true;
    const pointToSite = body.vpn_client_configuration !== undefined;
    const expected = activeActive ? (pointToSite ? [2, 3] : [2]) : [1];
    if (expected.includes(count)) return 'compliant';
    return fails('ip_configuration', `${count} ip_configuration blocks: an ${activeActive ? 'active-active' : 'active-standby'} gateway${pointToSite ? ' with point-to-site' : ''} needs ${expected.join(' or ')}. Fix: one ip_configuration per instance (3 for active-active with point-to-site)`);
  },
});
