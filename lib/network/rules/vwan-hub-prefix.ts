import { parseCidr } from '../../core/cidr';
import { AD, defineRule, fails, isLiteral, RuleLevel, TF } from '../../core/rule';

/** Largest prefix length (smallest range) Azure accepts for a virtual hub. */
export const HUB_MAX_PREFIX_LENGTH = 24;

/**
 * A virtual hub's address prefix is a /24 or larger ("The minimum address space is /24 to create
 * a hub."); the provider says the same and Azure recommends a /23.
 */
export const VWAN_HUB_PREFIX = defineRule({
  id: 'VWAN-HUB-PREFIX',
  level: RuleLevel.ERROR,
  description: 'A virtual hub address prefix must be a valid IPv4 CIDR of /24 or larger (a /23 is recommended): Azure refuses /25 to /32 at creation',
  source: `${AD} articles/virtual-wan/how-to-nva-hub.md ("The minimum address space is /24 to create a hub, which implies anything range from /25 to /32 will produce an error during creation."); ${TF} website/docs/r/virtual_hub.html.markdown ("The address prefix subnet cannot be smaller than a /24. Azure recommends using a /23.")`,
  types: ['azurerm_virtual_hub'],
  check: (_type, body) => {
    const prefix = body.address_prefix;
    if (!isLiteral(prefix)) return 'not-applicable';
    const range = parseCidr(String(prefix));
    if (!range) return fails('address_prefix', `${String(prefix)} is not an IPv4 CIDR. Fix: use a range such as 10.100.0.0/23`);
    if (range.prefixLength > HUB_MAX_PREFIX_LENGTH) return fails('address_prefix', `${range.cidr} is smaller than a /24, and Azure refuses it at creation. Fix: use a /23 (recommended) or a /24`);
    return 'compliant';
  },
});
