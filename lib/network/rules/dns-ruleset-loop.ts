import { allBlocks, AD, defineRule, fails, RuleLevel } from '../../core/rule';
import { rulesOfRuleset, sameResource, targetsOf } from './dns-helpers';

/**
 * A ruleset with a rule whose target is an inbound endpoint must not be linked to the virtual
 * network of that inbound endpoint: DNS resolution loops (azure-docs
 * dns/private-resolver-endpoints-rulesets.md, "Rules", IMPORTANT; dns/private-resolver-architecture.md).
 */
export const DNS_RULESET_LOOP = defineRule({
  id: 'DNS-RULESET-LOOP',
  level: RuleLevel.ERROR,
  description: 'A forwarding ruleset with a rule that targets a private resolver inbound endpoint must not be linked to the virtual network where that inbound endpoint is: queries loop',
  source: `${AD} dns/private-resolver-endpoints-rulesets.md (Rules: "do not link the ruleset to the VNet where the inbound endpoint is provisioned"); dns/private-resolver-architecture.md`,
  types: ['azurerm_private_dns_resolver_virtual_network_link'],
  check: (_type, body, ctx) => {
    const rules = rulesOfRuleset(ctx, body.dns_forwarding_ruleset_id);
    if (rules.length === 0) return 'not-applicable';
    const inbound = ctx.resourcesOf('azurerm_private_dns_resolver_inbound_endpoint').filter((ep) => {
      const resolver = ctx.deref(ep.body.private_dns_resolver_id);
      return resolver !== undefined && sameResource(ctx, resolver.body.virtual_network_id, body.virtual_network_id);
    });
    for (const ep of inbound) {
      const ips = allBlocks(ep.body.ip_configurations).map((c) => c.private_ip_address).filter((ip) => typeof ip === 'string');
      const ref = `azurerm_private_dns_resolver_inbound_endpoint.${ep.name}.`;
      const looping = rules.find((r) => targetsOf(r).some((t) => typeof t === 'string' && (ips.includes(t) || t.includes(ref))));
      if (looping) {
        return fails('virtual_network_id', `the ruleset's rule ${looping.body.name} (${looping.body.domain_name}) forwards to inbound endpoint ${ep.body.name}, and this link attaches the ruleset to that endpoint's own virtual network. Fix: link the ruleset to the spokes only; the hub resolves the zone through its private DNS zone link`);
      }
    }
    return 'compliant';
  },
});
