import { AD, allBlocks, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

const MIN_PREFIX = 27;

/** The prefix length of a literal CIDR, or undefined. */
function prefixLength(cidr: unknown): number | undefined {
  if (typeof cidr !== 'string' || isExpression(cidr)) return undefined;
  const m = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr);
  return m ? Number(m[1]) : undefined;
}

/**
 * GatewaySubnet is /27 or larger: checked on the library's hub props and, through this body
 * check, on any GatewaySubnet (a hand-made one in an existing network included).
 */
export const NET_GWSUBNET_SIZE = defineRule({
  id: 'NET-GWSUBNET-SIZE',
  level: RuleLevel.ERROR,
  description: 'GatewaySubnet must be /27 or larger (/26 recommended); Azure allows /29 but active-active, ExpressRoute coexistence and new features need more',
  source: `${AD} vpn-gateway/vpn-gateway-vpn-faq.md`,
  types: ['azurerm_subnet', 'azurerm_virtual_network'],
  check: (type, body) => {
    const subnets = type === 'azurerm_subnet' ? [{ name: body.name, prefixes: body.address_prefixes, at: 'address_prefixes' }] : allBlocks(body.subnet).map((s, i) => ({ name: s.name, prefixes: s.address_prefixes, at: `subnet.${i}.address_prefixes` }));
    for (const s of subnets) {
      if (s.name !== 'GatewaySubnet') continue;
      const small = (Array.isArray(s.prefixes) ? s.prefixes : []).find((p: unknown) => (prefixLength(p) ?? 0) > MIN_PREFIX);
      if (small) return fails(s.at, `GatewaySubnet is ${small}, smaller than /27. Fix: use a /26 (recommended) or /27`);
    }
    return subnets.some((s) => s.name === 'GatewaySubnet') ? 'compliant' : 'not-applicable';
  },
});
