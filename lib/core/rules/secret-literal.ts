import { defineRule, fails, RuleLevel } from '../rule';
import { literalSecret } from '../tokens';

/** Secret arguments by Terraform type (other than VPN and ExpressRoute keys, which VPN-SHARED-KEY-LITERAL covers). */
const SECRET_ATTRIBUTES: Record<string, readonly string[]> = {
  azurerm_system_center_virtual_machine_manager_server: ['password'],
};

/** A password or other secret argument never has a literal part in the configuration. */
export const SECRET_LITERAL = defineRule({
  id: 'SECRET-LITERAL',
  level: RuleLevel.ERROR,
  description: 'A password or other secret argument must never have a literal part in the Terraform configuration (after escape hatches, Fn.*, Lazy, interpolation, locals, variable defaults): it would sit in cdk.tf.json, the repository and the state',
  source: 'library secure default',
  sensitive: true,
  types: Object.keys(SECRET_ATTRIBUTES).filter((t) => SECRET_ATTRIBUTES[t].length > 0),
  check: (type, body, ctx) => {
    for (const attribute of SECRET_ATTRIBUTES[type] ?? []) {
      const value = body[attribute];
      // Through the stack's locals and variable defaults too (as VPN-SHARED-KEY-LITERAL).
      const found = typeof value === 'string' ? literalSecret(value, ctx) : undefined;
      if (!found) continue;
      if (found.via.length === 0) return fails(attribute, `${attribute} has a literal part (${value.length} characters). Fix: pass a sensitive TerraformVariable or a Key Vault secret reference`);
      const chain = found.via.join(' -> ');
      if (found.variableDefault !== undefined) {
        return fails(attribute, `${attribute} has a literal part (through ${chain}: the variable's default is a literal, used whenever no value is given). Fix: remove the default of variable ${found.variableDefault} and give the value at deploy time (TF_VAR_${found.variableDefault}), or use a Key Vault secret reference`);
      }
      return fails(attribute, `${attribute} has a literal part (through ${chain}, which holds a literal). Fix: pass a sensitive TerraformVariable or a Key Vault secret reference`);
    }
    return 'compliant';
  },
});
