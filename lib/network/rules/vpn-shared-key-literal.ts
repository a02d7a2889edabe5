import { isLiteralString } from '../../core/tokens';
import { defineRule, fails, RuleLevel } from '../../core/rule';

/** A connection or circuit peering shared key is never a literal in the configuration. */
export const VPN_SHARED_KEY_LITERAL = defineRule({
  id: 'VPN-SHARED-KEY-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A connection shared key must never be a literal in the Terraform configuration',
  source: 'library secure default',
  types: ['azurerm_virtual_network_gateway_connection', 'azurerm_express_route_circuit_peering'],
  check: (_type, body) => {
    const key = body.shared_key;
    // The same definition the constructs use: only one whole expression is no literal.
    if (key === undefined || key === null || (typeof key === 'string' && !isLiteralString(key))) return 'compliant';
    return fails('shared_key', `shared_key is a literal (${String(key).length} characters) in the Terraform configuration and its state. Fix: take it from random_password, a variable or a Key Vault secret`);
  },
});
