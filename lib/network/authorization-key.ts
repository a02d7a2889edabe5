import { Token } from 'cdktf';
import { ER_AUTHORIZATION_KEY } from './rules';
import { ProblemCollector } from '../core/errors';

/**
 * An authorization key from another subscription (an existing circuit's, a Global Reach peer's) is
 * an expression: a literal would sit in the configuration and every clone of it (ER-AUTHORIZATION-KEY).
 */
export function checkAuthorizationKey(problems: ProblemCollector, prop: string, key: string | undefined): void {
  problems.check(key !== undefined && !Token.isUnresolved(key), ER_AUTHORIZATION_KEY, prop, key === undefined ? undefined : `(literal, ${key.length} characters)`, 'the authorization key is a literal in the Terraform configuration', "pass a sensitive TerraformVariable's value or a Key Vault secret (DataAzurermKeyVaultSecret.value)");
}
