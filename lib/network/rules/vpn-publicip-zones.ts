import { AD, defineRule, fails, isExpression, RuleContext, RuleLevel } from '../../core/rule';

/** The public IPs of an AZ-SKU gateway are zonal or zone-redundant. */
export const VPN_PUBLICIP_ZONES = defineRule({
  id: 'VPN-PUBLICIP-ZONES',
  level: RuleLevel.ERROR,
  description: 'An AZ SKU gateway needs zonal or zone-redundant Standard public IPs',
  source: `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`,
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    const azGateway = ctx.referrers('azurerm_virtual_network_gateway').find((g) => typeof g.body.sku === 'string' && g.body.sku.endsWith('AZ'));
    if (!azGateway) return 'not-applicable';
    const zones = body.zones;
    if (isExpression(zones) || (Array.isArray(zones) && zones.length > 0)) return 'compliant';
    return fails('zones', `no zones are set, but the IP serves ${azGateway.type}.${azGateway.name} with the AZ SKU ${azGateway.body.sku}. Fix: set zones ["1", "2", "3"]`);
  },
});

/** True when an AZ-SKU gateway of the stack uses the resource checked. */
export function usedByAzGateway(ctx: RuleContext): boolean {
  return ctx.referrers('azurerm_virtual_network_gateway').some((g) => typeof g.body.sku === 'string' && g.body.sku.endsWith('AZ'));
}
