import { allBlocks, AD, defineRule, fails, RuleLevel } from '../../core/rule';
import { subnetPrefixLengths } from './dns-helpers';

/** Delegation every DNS Private Resolver endpoint subnet needs. */
export const DNS_RESOLVER_DELEGATION = 'Microsoft.Network/dnsResolvers';

/**
 * A DNS Private Resolver endpoint sits in its own subnet, delegated to Microsoft.Network/dnsResolvers,
 * /28 to /24 (azure-docs dns/dns-private-resolver-overview.md, "Subnet restrictions").
 */
export const DNS_RESOLVER_SUBNET = defineRule({
  id: 'DNS-RESOLVER-SUBNET',
  level: RuleLevel.ERROR,
  description: 'A DNS Private Resolver endpoint needs its own subnet, /28 to /24, delegated only to Microsoft.Network/dnsResolvers (one endpoint per subnet)',
  source: `${AD} dns/dns-private-resolver-overview.md (Subnet restrictions)`,
  types: ['azurerm_private_dns_resolver_inbound_endpoint', 'azurerm_private_dns_resolver_outbound_endpoint'],
  check: (type, body, ctx) => {
    const subnetId = type === 'azurerm_private_dns_resolver_inbound_endpoint' ? allBlocks(body.ip_configurations)[0]?.subnet_id : body.subnet_id;
    const attribute = type === 'azurerm_private_dns_resolver_inbound_endpoint' ? 'ip_configurations.subnet_id' : 'subnet_id';
    const subnet = ctx.deref(subnetId);
    if (!subnet || subnet.type !== 'azurerm_subnet') return 'not-applicable';
    const delegated = allBlocks(subnet.body.delegation).some((d) => allBlocks(d.service_delegation).some((s) => s.name === DNS_RESOLVER_DELEGATION));
    if (!delegated) return fails(attribute, `subnet ${subnet.body.name} is not delegated to ${DNS_RESOLVER_DELEGATION}. Fix: add a delegation block with service_delegation.name = "${DNS_RESOLVER_DELEGATION}"`);
    const bad = subnetPrefixLengths(subnet).find((n) => n < 24 || n > 28);
    if (bad !== undefined) return fails(attribute, `subnet ${subnet.body.name} is a /${bad}; a resolver endpoint subnet is /28 to /24. Fix: use a /28 (enough for current limits) up to a /24`);
    const sharing = [
      ...ctx.resourcesOf('azurerm_private_dns_resolver_inbound_endpoint').filter((r) => allBlocks(r.body.ip_configurations).some((c) => c.subnet_id === subnetId)),
      ...ctx.resourcesOf('azurerm_private_dns_resolver_outbound_endpoint').filter((r) => r.body.subnet_id === subnetId),
    ];
    return sharing.length > 1 ? fails(attribute, `subnet ${subnet.body.name} holds ${sharing.length} resolver endpoints. Fix: give each endpoint its own subnet`) : 'compliant';
  },
});
