import { defineRule, fails, RuleLevel } from '../rule';
import { isLiteralString } from '../tokens';

/** Secret arguments by Terraform type (other than VPN and ExpressRoute keys, which VPN-SHARED-KEY-LITERAL covers). */
const SECRET_ATTRIBUTES: Record<string, readonly string[]> = {
  azurerm_system_center_virtual_machine_manager_server: ['password'],
};

/** A password or other secret argument never has a literal part in the configuration. */
export const SECRET_LITERAL = defineRule({
  id: 'SECRET-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A password or other secret argument must never have a literal part in the Terraform configuration (after escape hatches, Fn.*, Lazy, interpolation): it would sit in cdk.tf.json, the repository and the state',
  source: 'library secure default',
  sensitive: true,
  types: Object.keys(SECRET_ATTRIBUTES).filter((t) => SECRET_ATTRIBUTES[t].length > 0),
  check: (type, body) => {
    for (const attribute of SECRET_ATTRIBUTES[type] ?? []) {
      const value = body[attribute];
      if (typeof value === 'string' && isLiteralString(value)) {
        return fails(attribute, `${attribute} has a literal part (${value.length} characters). Fix: pass a sensitive TerraformVariable or a Key Vault secret reference`);
      }
    }
    return 'compliant';
  },
});
