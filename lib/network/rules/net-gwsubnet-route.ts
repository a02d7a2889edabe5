import { allBlocks, AD, defineRule, fails, RuleLevel } from '../../core/rule';

const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * A route table on GatewaySubnet: never a 0.0.0.0/0 route, and BGP (gateway) route propagation
 * stays enabled (azure-docs includes/vpn-gateway-gwudr-warning.md).
 */
export const NET_GWSUBNET_ROUTE = defineRule({
  id: 'NET-GWSUBNET-ROUTE',
  level: RuleLevel.ERROR,
  description: 'A route table on GatewaySubnet must not hold a 0.0.0.0/0 route and must keep BGP route propagation enabled, or the gateway loses its management path and stops working',
  source: `${AD} includes/vpn-gateway-gwudr-warning.md ("User-defined routes with a 0.0.0.0/0 destination ... on the gateway subnet are not supported"; "BGP route propagation should be enabled on the gateway subnet")`,
  types: ['azurerm_subnet_route_table_association'],
  check: (_type, body, ctx) => {
    const subnet = ctx.deref(body.subnet_id);
    const isGateway = subnet ? subnet.body.name === 'GatewaySubnet' : typeof body.subnet_id === 'string' && /\/subnets\/GatewaySubnet$/.test(body.subnet_id);
    if (!isGateway) return 'not-applicable';
    const table = ctx.deref(body.route_table_id);
    if (!table) return 'not-applicable';
    if (table.body.bgp_route_propagation_enabled === false) {
      return fails('route_table_id', `route table ${table.body.name} on GatewaySubnet disables BGP route propagation. Fix: keep bgp_route_propagation_enabled = true on the gateway's route table`);
    }
    const inline = allBlocks(table.body.route).map((r) => r.address_prefix);
    // Separate azurerm_route resources name their table: by a reference to it, or literally.
    const separate = ctx
      .resourcesOf('azurerm_route')
      .filter((r) => {
        const named = ctx.deref(r.body.route_table_name);
        return named ? named.type === table.type && named.name === table.name : r.body.route_table_name === table.body.name;
      })
      .map((r) => r.body.address_prefix);
    return [...inline, ...separate].includes(DEFAULT_ROUTE)
      ? fails('route_table_id', `route table ${table.body.name} on GatewaySubnet has a 0.0.0.0/0 route. Fix: on GatewaySubnet route only the spoke prefixes to the firewall; put the default route on the spoke subnets`)
      : 'compliant';
  },
});
