import { AD, allBlocks, defineRule, fails, firstBlock, RuleLevel, TF } from '../../core/rule';

/**
 * Routing intent: at most one Internet and one PrivateTraffic policy, a next hop that is the
 * security solution of the same hub, and no custom route tables or static routes in that hub.
 */
export const VWAN_ROUTING_INTENT = defineRule({
  id: 'VWAN-ROUTING-INTENT',
  level: RuleLevel.ERROR,
  description: 'Routing intent takes at most one Internet and one PrivateTraffic policy, each to a security solution deployed in the same hub (Azure Firewall with virtual_hub), and its hub cannot have custom route tables or static routes in the defaultRouteTable',
  source: `${AD} articles/virtual-wan/how-to-routing-policies.md ("Each Virtual WAN Hub can have at most one Internet Traffic Routing Policy and one Private Traffic Routing Policy, each with a single Next Hop resource."; "Virtual WANs with custom route tables and customized policies therefore can't be used with the Routing Intent constructs."; "Static routes in the defaultRouteTable that point to a Virtual Network connection can't be used in conjunction with routing intent."); ${TF} virtual_hub_routing_intent_resource.go (destinations Internet, PrivateTraffic)`,
  types: ['azurerm_virtual_hub_routing_intent'],
  check: (_type, body, ctx) => {
    const policies = allBlocks(body.routing_policy);
    const destinations = policies.flatMap((p) => (Array.isArray(p.destinations) ? p.destinations : []));
    const twice = ['Internet', 'PrivateTraffic'].find((d) => destinations.filter((x) => x === d).length > 1);
    if (twice) return fails('routing_policy', `two ${twice} routing policies. Fix: one policy per destination (at most one Internet and one PrivateTraffic)`);
    const hubId = body.virtual_hub_id;
    for (const p of policies) {
      const nextHop = ctx.deref(p.next_hop);
      if (!nextHop) continue;
      const inHub = nextHop.type === 'azurerm_firewall' && firstBlock(nextHop.body.virtual_hub)?.virtual_hub_id === hubId;
      if (!inHub) return fails('routing_policy.next_hop', `the next hop ${nextHop.type}.${nextHop.name} is not a firewall deployed in this hub. Fix: deploy Azure Firewall in the hub (virtual_hub block) and use its id`);
    }
    const hub = ctx.deref(hubId);
    if (!hub) return 'compliant';
    const ref = `azurerm_virtual_hub.${hub.name}.`;
    const custom = ctx.resourcesOf('azurerm_virtual_hub_route_table').find((t) => String(t.body.virtual_hub_id).includes(ref));
    if (custom) return fails('virtual_hub_id', `the hub has the custom route table ${custom.name}, which routing intent does not allow. Fix: remove the custom route table (routing intent manages associations and propagations)`);
    if (allBlocks(hub.body.route).length > 0) return fails('virtual_hub_id', `the hub ${hub.name} has static routes (route blocks), which routing intent does not allow. Fix: remove them; use BGP peering with the NVA instead`);
    const staticVnet = ctx.resourcesOf('azurerm_virtual_hub_connection').find((c) => String(c.body.virtual_hub_id).includes(ref) && allBlocks(firstBlock(c.body.routing)?.static_vnet_route).length > 0);
    if (staticVnet) return fails('virtual_hub_id', `the connection ${staticVnet.name} has static VNet routes, which routing intent does not apply. Fix: remove them; use BGP peering with the NVA instead`);
    return 'compliant';
  },
});
