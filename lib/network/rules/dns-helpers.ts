import { allBlocks, RuleContext, StackResource } from '../../core/rule';

/** Same resource: by dereferenced type and name, or the same literal id. */
export function sameResource(ctx: RuleContext, a: unknown, b: unknown): boolean {
  const ra = ctx.deref(a);
  const rb = ctx.deref(b);
  if (ra && rb) return ra.type === rb.type && ra.name === rb.name && ra.stack === rb.stack;
  return typeof a === 'string' && a === b;
}

/** The prefix length of a literal CIDR, or undefined. */
export function prefixLengthOf(cidr: unknown): number | undefined {
  if (typeof cidr !== 'string') return undefined;
  const m = /^\d{1,3}(?:\.\d{1,3}){3}\/(\d{1,2})$/.exec(cidr);
  return m ? Number(m[1]) : undefined;
}

/** The address prefixes of a subnet body (literal ones only). */
export function subnetPrefixLengths(subnet: StackResource): number[] {
  const prefixes = Array.isArray(subnet.body.address_prefixes) ? subnet.body.address_prefixes : [];
  return prefixes.map(prefixLengthOf).filter((n: number | undefined): n is number => n !== undefined);
}

/** The forwarding rules of the ruleset a value references (a ruleset id). */
export function rulesOfRuleset(ctx: RuleContext, rulesetId: unknown): StackResource[] {
  return ctx.resourcesOf('azurerm_private_dns_resolver_forwarding_rule').filter((r) => sameResource(ctx, r.body.dns_forwarding_ruleset_id, rulesetId));
}

/** Target IP addresses (literal or expressions) of a forwarding rule. */
export function targetsOf(rule: StackResource): unknown[] {
  return allBlocks(rule.body.target_dns_servers).map((t) => t.ip_address);
}
