import { AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';

/**
 * Every subnet has default outbound access off (azurerm_subnet default_outbound_access_enabled,
 * which defaults to true in azurerm 4.55) and an explicit egress: a firewall or a NAT gateway.
 */
export const NET_DEFAULT_OUTBOUND = defineRule({
  id: 'NET-DEFAULT-OUTBOUND',
  level: RuleLevel.WARNING,
  description: 'Subnets should be private (default outbound access off) with explicit egress through a firewall or a NAT gateway: default outbound access is being retired for new virtual networks and uses an IP you do not own',
  source: `${AD} virtual-network/ip-services/default-outbound-access.md; ${TF} website/docs/r/subnet.html.markdown (default_outbound_access_enabled, default true)`,
  types: ['azurerm_subnet'],
  check: (_type, body) => {
    // GatewaySubnet is managed by the gateway itself (not a workload subnet): left out.
    if (body.name === 'GatewaySubnet') return 'not-applicable';
    if (body.default_outbound_access_enabled === false) return 'compliant';
    if (typeof body.default_outbound_access_enabled === 'string') return 'not-applicable';
    return fails('default_outbound_access_enabled', `subnet ${body.name} keeps default outbound access (azurerm's default is true). Fix: default_outbound_access_enabled = false, with egress through the hub firewall or a NAT gateway`);
  },
});
