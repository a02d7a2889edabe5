import { isLiteralString } from '../../core/tokens';
import { allBlocks, defineRule, fails, RuleLevel } from '../../core/rule';

/**
 * A connection's pre-shared key or a circuit peering's MD5 key is never a literal in the
 * configuration: one rule for both (it replaced ER-SHARED-KEY-LITERAL, which still suppresses it).
 */
export const VPN_SHARED_KEY_LITERAL = defineRule({
  id: 'VPN-SHARED-KEY-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A connection shared key, a circuit peering MD5 key or an ExpressRoute authorization key must never have a literal part in the Terraform configuration (after escape hatches, Fn.*, Lazy, interpolation)',
  source: 'library secure default',
  types: ['azurerm_vpn_gateway_connection', 'azurerm_virtual_network_gateway_connection', 'azurerm_express_route_circuit_peering', 'azurerm_express_route_connection', 'azurerm_express_route_circuit_connection'],
  formerIds: ['ER-SHARED-KEY-LITERAL'],
  // Its value is a secret: messages say "(literal, N characters)", never the value.
  sensitive: true,
  check: (type, body) => {
    // The same definition the constructs use (lib/core/expressions.ts): any literal part of the
    // final value is a literal; references to variables, data sources and generated values are not.
    for (const attribute of ['shared_key', 'authorization_key']) {
      const key = body[attribute];
      if (key === undefined || key === null || (typeof key === 'string' && !isLiteralString(key))) continue;
      const what = attribute === 'authorization_key' ? 'the ExpressRoute authorization key' : type === 'azurerm_express_route_circuit_peering' ? 'the peering MD5 key' : 'the pre-shared key';
      const fix = attribute === 'authorization_key'
        ? 'pass the key as a sensitive Terraform variable or a Key Vault secret reference'
        : 'use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret() (a random_password, a sensitive variable or a Key Vault secret)';
      return fails(attribute, `${what} has a literal part (${String(key).length} characters) in the Terraform configuration and its state. Fix: ${fix}`);
    }
    // Virtual WAN site connections carry one key per link.
    const links = allBlocks(body.vpn_link);
    const i = links.findIndex((l) => typeof l.shared_key === 'string' && isLiteralString(l.shared_key));
    if (i >= 0) return fails(`vpn_link.${i}.shared_key`, `the pre-shared key of link ${i} has a literal part (${String(links[i].shared_key).length} characters) in the Terraform configuration and its state. Fix: use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret()`);
    return 'compliant';
  },
});
