import { AD, allBlocks, defineRule, fails, RuleContext, RuleLevel, StackResource } from '../../core/rule';

// `${azurerm_subnet.x.id}` (optionally `[0]`): linear, no nested quantifiers.
const SUBNET_REF = /^\$\{(azurerm_subnet)\.([A-Za-z0-9_-]+)(?:\[[0-9]+\])?\.id\}$/;

/**
 * Subnet keys by gateway body: every gateway's check compares it with every other gateway of the
 * App, so each body's key is worked out once (bodies are the stack index's objects, stable for a
 * synth). Same key whichever stack asks: a local reference is keyed by the stack that holds it.
 */
const KEYS = new WeakMap<object, string | null>();

/** A key for the subnet a gateway sits in, comparable across stacks; undefined when unknown. */
function subnetKey(ctx: RuleContext, gateway: StackResource): string | undefined {
  const known = KEYS.get(gateway.body);
  if (known !== undefined) return known ?? undefined;
  const key = computeSubnetKey(ctx, gateway);
  KEYS.set(gateway.body, key ?? null);
  return key;
}

function computeSubnetKey(ctx: RuleContext, gateway: StackResource): string | undefined {
  const id = allBlocks(gateway.body.ip_configuration).map((c) => c.subnet_id).find((s) => typeof s === 'string');
  if (typeof id !== 'string') return undefined;
  const local = SUBNET_REF.exec(id);
  if (local) return `${gateway.stack ?? ctx.stack}:${local[1]}.${local[2]}`;
  if (!id.includes('${')) return id.toLowerCase();
  const r = ctx.deref(id);
  return r ? `${r.stack ?? ctx.stack}:${r.type}.${r.name}` : undefined;
}

/** One VPN gateway and one ExpressRoute gateway per virtual network. */
export const NET_GATEWAY_PER_VNET = defineRule({
  id: 'NET-GATEWAY-PER-VNET',
  level: RuleLevel.ERROR,
  description: 'A virtual network holds at most one virtual network gateway per type: one VPN gateway and one ExpressRoute gateway in its GatewaySubnet',
  source: `${AD} expressroute/expressroute-about-virtual-network-gateways.md ("Each virtual network can have only one virtual network gateway per gateway type")`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body, ctx) => {
    const kind = (b: Record<string, any>): string => (typeof b.type === 'string' ? b.type : 'Vpn');
    const self: StackResource = { type: 'azurerm_virtual_network_gateway', name: ctx.name, body };
    const key = subnetKey(ctx, self);
    if (!key) return 'not-applicable';
    const order = (r: StackResource): string => `${r.stack ?? ctx.stack}:${r.name}`;
    const same = ctx.appResourcesOf('azurerm_virtual_network_gateway')
      .filter((g) => kind(g.body) === kind(body) && subnetKey(ctx, g) === key)
      .sort((a, b) => order(a).localeCompare(order(b)));
    if (same.length < 2 || order(same[0]) === order(self)) return 'compliant';
    const first = same[0];
    return fails('ip_configuration.0.subnet_id', `a second ${kind(body)} gateway in the GatewaySubnet of ${first.stack ? `${first.stack}:` : ''}azurerm_virtual_network_gateway.${first.name}: Azure allows one per type and virtual network. Fix: use one gateway (add connections to it)`);
  },
});
