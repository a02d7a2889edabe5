import { isLiteralString } from '../../core/tokens';
import { defineRule, fails, RuleLevel } from '../../core/rule';

/**
 * A connection's pre-shared key or a circuit peering's MD5 key is never a literal in the
 * configuration: one rule for both (it replaced ER-SHARED-KEY-LITERAL, which still suppresses it).
 */
export const VPN_SHARED_KEY_LITERAL = defineRule({
  id: 'VPN-SHARED-KEY-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A connection shared key or a circuit peering MD5 key must never be a literal in the Terraform configuration',
  source: 'library secure default',
  types: ['azurerm_virtual_network_gateway_connection', 'azurerm_express_route_circuit_peering'],
  formerIds: ['ER-SHARED-KEY-LITERAL'],
  check: (type, body) => {
    const key = body.shared_key;
    // The same definition the constructs use: only one whole expression is no literal.
    if (key === undefined || key === null || (typeof key === 'string' && !isLiteralString(key))) return 'compliant';
    const what = type === 'azurerm_express_route_circuit_peering' ? 'the peering MD5 key' : 'the pre-shared key';
    return fails('shared_key', `${what} is a literal (${String(key).length} characters) in the Terraform configuration and its state. Fix: use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret() (a random_password, a sensitive variable or a Key Vault secret)`);
  },
});
