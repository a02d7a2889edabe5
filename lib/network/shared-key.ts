import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ProblemCollector } from '../core/errors';
import { checkVariableName } from '../core/naming';
import { reportAtSynth } from '../core/report';
import { NAME_DUPLICATE } from '../core/rules';
import { Construct } from 'constructs';
import { keyPurpose } from './key-purpose';
import { SHARED_KEY_LENGTH } from './defaults';
import { Runbook } from '../core/outputs';
import { VPN_SHARED_KEY_LENGTH } from './rules';

// What a generated key holds at least (letters and digits, no special characters: some VPN
// devices mangle them). random_password refuses a length below their sum.
const MIN_NUMERIC = 4;
const MIN_UPPER = 4;
const MIN_LOWER = 4;
/** Shortest generated key: random_password's `length` must be at least the sum of its minimums. */
const SHARED_KEY_MIN_LENGTH = MIN_NUMERIC + MIN_UPPER + MIN_LOWER;
/** Longest pre-shared key Azure takes (1-128 characters: `az network vpn-connection shared-key reset --key-length`). */
const SHARED_KEY_MAX_LENGTH = 128;

/** A shared key bound to a connection: the expression to use and where an operator finds it. */
export interface SharedKeyConfig {
  /** Terraform expression of the key (never a literal). */
  readonly value: string;
  /** Markdown sentence telling the on-premises team where to read the key. */
  readonly whereToFindIt: string;
  /**
   * Length of a key Terraform generates (`SharedKey.generate`), known at synth.
   * @default - unknown: the key is given at deploy time
   */
  readonly generatedLength?: number;
}

/**
 * The pre-shared key of an IPsec connection. There is deliberately no way to pass a literal
 * string: a key in the synthesized JSON is a key in every clone of the repository.
 */
export abstract class SharedKey {
  /**
   * A key Terraform generates (`random_password`, letters and digits, 64 characters), kept in
   * state and handed off as a sensitive output.
   * @param length whole number of characters, 12 (the 4 digits, 4 upper-case and 4 lower-case
   * letters every key holds) to 128 (Azure's limit); a circuit peering's MD5 key takes at most 25
   * @default 64
   */
  public static generate(length?: number): SharedKey {
    const problems = new ProblemCollector('SharedKey.generate');
    // A whole number in range: NaN would be written as `"length": null`, 1.5 or '64' refused by
    // Terraform, fewer than 12 by random_password, more than 128 by Azure.
    problems.integer(VPN_SHARED_KEY_LENGTH, 'length', length, SHARED_KEY_MIN_LENGTH, SHARED_KEY_MAX_LENGTH, `use a whole number from ${SHARED_KEY_MIN_LENGTH} to ${SHARED_KEY_MAX_LENGTH} (the default is ${SHARED_KEY_LENGTH}; 25 for an ExpressRoute MD5 key), or leave it out`);
    problems.throwIfAny();
    return new GeneratedSharedKey(length ?? SHARED_KEY_LENGTH);
  }

  /**
   * A key given at deploy time through a sensitive Terraform variable (`TF_VAR_<name>`), without
   * a default. Connections given the same name share the variable; a variable of that name the
   * program declares itself is refused (the two would merge, its default becoming the key).
   */
  public static fromVariable(variableName: string): SharedKey {
    // A variable name, never the secret itself (which would then be in the code).
    const problems = new ProblemCollector('SharedKey.fromVariable');
    checkVariableName(problems, 'variableName', variableName);
    problems.throwIfAny();
    return new VariableSharedKey(variableName);
  }

  /** A key kept in Azure Key Vault, read at deploy time. */
  public static fromKeyVaultSecret(keyVaultId: string, secretName: string): SharedKey {
    // Both are required (JavaScript callers have no compiler): without them the data source is empty.
    const problems = new ProblemCollector('SharedKey.fromKeyVaultSecret');
    problems.required('keyVaultId', keyVaultId, 'string', 'give the resource id of the Key Vault (or a reference to its `id`)');
    problems.required('secretName', secretName, 'string', 'give the name of the secret that holds the key');
    problems.throwIfAny();
    return new KeyVaultSharedKey(keyVaultId, secretName);
  }

  /** Creates what the key needs under `scope` and returns how to use it. */
  public abstract bind(scope: Construct): SharedKeyConfig;
}

class GeneratedSharedKey extends SharedKey {
  constructor(private readonly length: number) {
    super();
  }

  public bind(scope: Construct): SharedKeyConfig {
    ensureRandomProvider(scope);
    // Letters and digits only: some VPN devices mangle special characters in pre-shared keys.
    const password = new Password(scope, 'SharedKey', { length: this.length, special: false, minNumeric: MIN_NUMERIC, minUpper: MIN_UPPER, minLower: MIN_LOWER });
    // One attribute token for both uses (each read of `result` records a cdktf creation stack).
    const key = password.result;
    const output = Runbook.of(scope).addOutput(scope, 'SharedKey', {
      value: key,
      description: keyPurpose(scope) ?? `Pre-shared key of connection ${scope.node.path}`,
      sensitive: true,
    });
    return {
      value: key,
      generatedLength: this.length,
      whereToFindIt: `generated by Terraform; read it with \`terraform output -raw ${output}\` and hand it over out of band (never by e-mail). Terraform keeps it in its state in plain text: keep the state in a remote azurerm backend (encrypted storage account, access restricted to the deploying identity), never in a local file or a repository; or use SharedKey.fromKeyVaultSecret() so the key lives in Key Vault`,
    };
  }
}

class VariableSharedKey extends SharedKey {
  constructor(private readonly variableName: string) {
    super();
  }

  public bind(scope: Construct): SharedKeyConfig {
    const stack = TerraformStack.of(scope);
    // A variable of the same name declared by the program would merge with this one in
    // cdk.tf.json (its default becoming the key): refused now, or at synth when declared later.
    const problems = new ProblemCollector(scope);
    const taken = (): boolean => variableNameTaken(stack, this.variableName);
    problems.check(taken(), NAME_DUPLICATE, 'variableName', this.variableName, takenDetail(this.variableName), takenFix);
    problems.throwIfAny();
    reportAtSynth(scope, NAME_DUPLICATE, () => (taken() ? { prop: 'variableName', value: this.variableName, detail: takenDetail(this.variableName), fix: takenFix } : undefined));
    const existing = stack.node.tryFindChild(`SharedKeyVariable-${this.variableName}`) as TerraformVariable | undefined;
    const variable = existing ?? new TerraformVariable(stack, `SharedKeyVariable-${this.variableName}`, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: keyPurpose(scope) ?? 'Pre-shared key of a site-to-site VPN connection',
    });
    if (!existing) variable.overrideLogicalId(this.variableName);
    return {
      value: variable.stringValue,
      whereToFindIt: `given at deploy time as the sensitive variable \`${this.variableName}\` (\`export TF_VAR_${this.variableName}=...\`): the on-premises team uses the same value`,
    };
  }
}

/**
 * True when the stack has a variable named `name` other than the key's own: a variable declared
 * on the stack with that id (`new TerraformVariable(stack, 'psk', ...)`), which cdktf names by
 * its id. (One looked up by id, not a walk of the tree: a stack with many sites stays linear.)
 */
function variableNameTaken(stack: TerraformStack, name: string): boolean {
  const other = stack.node.tryFindChild(name);
  return other instanceof TerraformVariable && other.friendlyUniqueId === name;
}

const takenDetail = (name: string): string =>
  `the stack already declares a variable \`${name}\`: the two would merge into one variable in cdk.tf.json, and a default it has would become the key`;
const takenFix = 'give SharedKey.fromVariable() a name no other variable of the stack has, or drop the other variable';

class KeyVaultSharedKey extends SharedKey {
  constructor(
    private readonly keyVaultId: string,
    private readonly secretName: string,
  ) {
    super();
  }

  public bind(scope: Construct): SharedKeyConfig {
    const secret = new DataAzurermKeyVaultSecret(scope, 'SharedKeySecret', { keyVaultId: this.keyVaultId, name: this.secretName });
    return {
      value: secret.value,
      whereToFindIt: `in Key Vault secret \`${this.secretName}\` (\`az keyvault secret show --id <vault>/secrets/${this.secretName}\`)`,
    };
  }
}

const STACKS_WITH_RANDOM = new WeakSet<TerraformStack>();

/**
 * The random provider must be configured once per stack for `random_password`. The tree is
 * searched once per stack (a user may have configured it), not once per site: that made
 * 1,000 sites quadratic.
 */
function ensureRandomProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (STACKS_WITH_RANDOM.has(stack)) return;
  if (!stack.node.findAll().some((c) => c instanceof RandomProvider)) new RandomProvider(stack, 'random');
  STACKS_WITH_RANDOM.add(stack);
}
