import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** What a Basic Virtual WAN cannot hold: everything but site-to-site VPN. */
const STANDARD_ONLY = ['azurerm_express_route_gateway', 'azurerm_point_to_site_vpn_gateway', 'azurerm_virtual_hub_connection', 'azurerm_virtual_hub_routing_intent', 'azurerm_firewall'];

export const VWAN_TYPE_STANDARD = defineRule({
  id: 'VWAN-TYPE-STANDARD',
  level: RuleLevel.ERROR,
  description: 'A Basic Virtual WAN supports site-to-site VPN only: ExpressRoute, point-to-site, virtual network connections, inter-hub transit and secured hubs need a Standard Virtual WAN',
  source: `${AD} articles/virtual-wan/virtual-wan-about.md (Basic: "Site-to-site VPN only"; Standard: "ExpressRoute, User VPN (P2S), VPN (site-to-site), Inter-hub and VNet-to-VNet transiting through the virtual hub")`,
  types: ['azurerm_virtual_wan'],
  check: (_type, body, ctx) => {
    if (body.type !== 'Basic') return 'compliant';
    const hubs = ctx.referrers('azurerm_virtual_hub', 'virtual_wan_id');
    const hubRefs = hubs.map((h) => `azurerm_virtual_hub.${h.name}.`);
    const standardOnly = STANDARD_ONLY.flatMap((t) => ctx.resourcesOf(t)).find((r) => hubRefs.some((ref) => JSON.stringify(r.body).includes(ref)));
    return standardOnly
      ? fails('type', `a Basic Virtual WAN with ${standardOnly.type}.${standardOnly.name} in one of its hubs. Fix: type = "Standard" (an upgrade from Basic to Standard is one-way)`)
      : 'compliant';
  },
});
