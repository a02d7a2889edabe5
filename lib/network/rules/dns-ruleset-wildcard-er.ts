import { allBlocks, AD, defineRule, fails, RuleLevel } from '../../core/rule';
import { rulesOfRuleset, sameResource } from './dns-helpers';

/**
 * Azure DNS Private Resolver wildcard rules in a virtual network with an ExpressRoute gateway
 * break the gateway's management connectivity (azure-docs
 * expressroute/expressroute-about-virtual-network-gateways.md, "Gateway subnet" note).
 */
export const DNS_RULESET_WILDCARD_ER = defineRule({
  id: 'DNS-RULESET-WILDCARD-ER',
  level: RuleLevel.WARNING,
  description: 'Do not link a forwarding ruleset with a wildcard rule (".") to a virtual network that has an ExpressRoute gateway: the gateway needs Azure DNS and loses management connectivity',
  source: `${AD} expressroute/expressroute-about-virtual-network-gateways.md (Gateway subnet: "Don't deploy Azure DNS Private Resolver into a virtual network that has an ExpressRoute virtual network gateway with wildcard rules")`,
  types: ['azurerm_private_dns_resolver_virtual_network_link'],
  check: (_type, body, ctx) => {
    const wildcard = rulesOfRuleset(ctx, body.dns_forwarding_ruleset_id).find((r) => r.body.domain_name === '.' && r.body.enabled !== false);
    if (!wildcard) return 'compliant';
    const erGateway = ctx.resourcesOf('azurerm_virtual_network_gateway').find((gw) => {
      if (gw.body.type !== 'ExpressRoute') return false;
      return allBlocks(gw.body.ip_configuration).some((c) => {
        const subnet = ctx.deref(c.subnet_id);
        return subnet !== undefined && sameResource(ctx, subnet.body.virtual_network_name, body.virtual_network_id);
      });
    });
    return erGateway
      ? fails('virtual_network_id', `the ruleset has the wildcard rule ${wildcard.body.name} and this link attaches it to the virtual network of ExpressRoute gateway ${erGateway.body.name}. Fix: forward named on-premises domains only, or do not link this ruleset to the gateway's virtual network`)
      : 'compliant';
  },
});
