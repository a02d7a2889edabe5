import { AD, defineRule, fails, isLiteral, RuleLevel, TF } from '../../core/rule';

/**
 * Scale units of the virtual hub gateways: a VPN unit is 500 Mbps up to the hub's 20 Gbps
 * (40 units), an ExpressRoute unit 2 Gbps up to 10 units, point-to-site up to 200 units.
 */
export const SCALE_UNIT_LIMITS: Record<string, { attribute: string; max: number; what: string }> = {
  azurerm_vpn_gateway: { attribute: 'scale_unit', max: 40, what: 'a site-to-site VPN gateway (500 Mbps per unit, 20 Gbps per hub)' },
  azurerm_express_route_gateway: { attribute: 'scale_units', max: 10, what: 'an ExpressRoute gateway (2 Gbps per unit)' },
  azurerm_point_to_site_vpn_gateway: { attribute: 'scale_unit', max: 200, what: 'a point-to-site gateway' },
};

export const VWAN_SCALE_UNITS = defineRule({
  id: 'VWAN-SCALE-UNITS',
  level: RuleLevel.ERROR,
  description: 'Virtual hub gateway scale units are whole numbers: site-to-site VPN 1-40 (500 Mbps each, 20 Gbps per hub), ExpressRoute 1-10 (2 Gbps each), point-to-site 1-200',
  source: `${AD} articles/virtual-wan/virtual-wan-faq.md ("1 scale unit of VPN = 500 Mbps. 1 scale unit of ExpressRoute = 2 Gbps."; "You can connect up to 1,000 branch connections per region (virtual hub) with aggregate of 20 Gbps per hub."); ${TF} express_route_gateway_resource.go (scale_units IntBetween(1, 10): "Each scale unit is equal to 2Gbps, with support for up to 10 scale units (20Gbps)"); ${AD} includes/virtual-wan-allocating-p2s-pools.md (point-to-site scale units up to 200)`,
  types: Object.keys(SCALE_UNIT_LIMITS),
  check: (type, body) => {
    const limit = SCALE_UNIT_LIMITS[type];
    const value = body[limit.attribute];
    if (value === undefined || !isLiteral(value)) return 'not-applicable';
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > limit.max) {
      return fails(limit.attribute, `${String(value)} scale units for ${limit.what}: Azure takes a whole number from 1 to ${limit.max}. Fix: use 1-${limit.max}`);
    }
    return 'compliant';
  },
});
