import { LiteralSecret, literalSecret } from '../../core/tokens';
import { allBlocks, defineRule, fails, RuleLevel } from '../../core/rule';

/**
 * A connection's pre-shared key or a circuit peering's MD5 key is never a literal in the
 * configuration: one rule for both (it replaced ER-SHARED-KEY-LITERAL, which still suppresses it).
 */
export const VPN_SHARED_KEY_LITERAL = defineRule({
  id: 'VPN-SHARED-KEY-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A connection shared key, a circuit peering MD5 key or an ExpressRoute authorization key must never have a literal part in the Terraform configuration (after escape hatches, Fn.*, Lazy, interpolation, locals, variable defaults)',
  source: 'library secure default',
  types: ['azurerm_vpn_gateway_connection', 'azurerm_virtual_network_gateway_connection', 'azurerm_express_route_circuit_peering', 'azurerm_express_route_connection', 'azurerm_express_route_circuit_connection'],
  formerIds: ['ER-SHARED-KEY-LITERAL'],
  // Its value is a secret: messages say "(literal, N characters)", never the value.
  sensitive: true,
  check: (type, body, ctx) => {
    // The same definition the constructs use (lib/core/expressions.ts): any literal part of the
    // final value is a literal; references to variables, data sources and generated values are
    // not, unless they lead to one: a local holding a literal (fuzz F1: `TerraformLocal`) or a
    // variable with a literal default (the key is then in cdk.tf.json all the same).
    for (const attribute of ['shared_key', 'authorization_key']) {
      const key = body[attribute];
      const found = literalSecret(key, ctx);
      if (!found) continue;
      const what = attribute === 'authorization_key' ? 'the ExpressRoute authorization key' : type === 'azurerm_express_route_circuit_peering' ? 'the peering MD5 key' : 'the pre-shared key';
      const fix = attribute === 'authorization_key'
        ? 'pass the key as a sensitive Terraform variable without a default, or a Key Vault secret reference'
        : 'use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret() (a random_password, a sensitive variable or a Key Vault secret)';
      return fails(attribute, `${what} has a literal part ${how(key, found)} in the Terraform configuration and its state. Fix: ${fixFor(found, fix)}`);
    }
    // Virtual WAN site connections carry one key per link.
    const links = allBlocks(body.vpn_link);
    for (let i = 0; i < links.length; i++) {
      const found = literalSecret(links[i].shared_key, ctx);
      if (found) {
        return fails(`vpn_link.${i}.shared_key`, `the pre-shared key of link ${i} has a literal part ${how(links[i].shared_key, found)} in the Terraform configuration and its state. Fix: ${fixFor(found, 'use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret()')}`);
      }
    }
    return 'compliant';
  },
});

/** Where the literal is, never what it is: its length when written in the value, else the references that lead to it. */
function how(key: unknown, found: LiteralSecret): string {
  if (found.via.length === 0) return `(${String(key).length} characters)`;
  const chain = found.via.join(' -> ');
  return found.variableDefault !== undefined ? `(through ${chain}: the variable's default is a literal, used whenever no value is given)` : `(through ${chain}, which holds a literal)`;
}

function fixFor(found: LiteralSecret, fix: string): string {
  return found.variableDefault !== undefined ? `remove the default of variable ${found.variableDefault} and give the value at deploy time (TF_VAR_${found.variableDefault}), or ${fix}` : fix;
}
