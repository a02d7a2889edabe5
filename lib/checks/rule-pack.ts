import { ContextExtras, contextFor, ResourceIndex, Rule, RuleLevel, RuleVerdict } from '../core/rule';
import { CHK_RULE_FAILED } from './rules';
import { PACK_RULES, ruleById } from './catalogue';

/** Key under a resource's `//` metadata in cdk.tf.json where HybridChecks records suppressions, read by the `check` command. */
export const SUPPRESSION_JSON_KEY = 'cdktf-azure-hybrid-suppressions';

/** Every rule of the pack: the rules of the catalogue that have a body check. */
export const HYBRID_RULES: readonly Rule[] = PACK_RULES;

/** One broken rule on one resource. */
export interface RuleFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly stack: string;
  /** `type.name`. */
  readonly address: string;
  readonly attribute?: string;
  readonly message: string;
}

/** Which rules run and at which level. */
export interface RulePackOptions {
  /** Only these rule ids (default: all). */
  readonly rules?: readonly string[];
  /** Never these rule ids. */
  readonly excludeRules?: readonly string[];
  /** Level per rule id, overriding the catalogue. */
  readonly levels?: Readonly<Record<string, RuleLevel>>;
  /** Rules not to run on this resource (a construct already decided them at synth). */
  readonly skip?: (rule: Rule) => boolean;
}

/** Rule type `*`: the rule looks at every azurerm resource. */
export const ANY_AZURERM = '*';
/** Rule type `provider.azurerm`: the rule looks at the stack's azurerm provider blocks (name = alias or `default`). */
export const AZURERM_PROVIDER = 'provider.azurerm';

const BY_TYPE = new Map<string, Rule[]>();
const ANY: Rule[] = HYBRID_RULES.filter((r) => r.types?.includes(ANY_AZURERM));
for (const rule of HYBRID_RULES) {
  for (const t of rule.types ?? []) if (t !== ANY_AZURERM) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), rule]);
}

function rulesFor(type: string): Rule[] {
  const own = BY_TYPE.get(type) ?? [];
  return type.startsWith('azurerm_') && ANY.length > 0 ? [...own, ...ANY.filter((r) => !own.includes(r))] : own;
}

/** Throws for rule ids the pack does not know (a typo in options). */
export function checkRuleIds(ids: readonly string[] | undefined, what: string): void {
  for (const id of ids ?? []) {
    if (!ruleById(id)) throw new Error(`${what}: unknown rule id '${id}'`);
  }
}

/** Runs the rules that apply to one resource. A rule that throws gives a `CHK-RULE-FAILED` finding. */
export function checkResource(stack: string, index: ResourceIndex, type: string, name: string, options: RulePackOptions = {}, extras: ContextExtras = {}): RuleFinding[] {
  const body = index[type]?.[name];
  return checkBody(stack, index, type, name, body, `${type}.${name}`, options, extras);
}

/**
 * Runs the rules on the stack's azurerm provider blocks (`provider.azurerm`, name = alias or
 * `default`); `extras.providers` holds them.
 */
export function checkProviders(stack: string, index: ResourceIndex, options: RulePackOptions = {}, extras: ContextExtras = {}): RuleFinding[] {
  return (extras.providers?.azurerm ?? []).flatMap((config) => {
    const alias = typeof config?.alias === 'string' ? config.alias : 'default';
    return checkBody(stack, index, AZURERM_PROVIDER, alias, config, alias === 'default' ? AZURERM_PROVIDER : `${AZURERM_PROVIDER}.${alias}`, options, extras);
  });
}

function checkBody(stack: string, index: ResourceIndex, type: string, name: string, body: unknown, address: string, options: RulePackOptions, extras: ContextExtras): RuleFinding[] {
  const rules = rulesFor(type);
  if (rules.length === 0) return [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const ctx = contextFor(stack, index, type, name, {}, extras);
  const findings: RuleFinding[] = [];
  const levelOf = (rule: Rule): RuleLevel => options.levels?.[rule.id] ?? rule.level;
  for (const rule of rules) {
    if (options.rules && !options.rules.some((id) => ruleById(id) === rule)) continue;
    if (options.excludeRules?.some((id) => ruleById(id) === rule)) continue;
    if (options.skip?.(rule)) continue;
    let verdict: RuleVerdict;
    try {
      const result = rule.check!(type, body as Record<string, any>, ctx);
      verdict = typeof result === 'string' ? { compliance: result } : result;
    } catch (e) {
      findings.push({ ruleId: CHK_RULE_FAILED.id, level: levelOf(CHK_RULE_FAILED), stack, address, message: `rule ${rule.id} failed on this resource: ${(e as Error)?.message ?? String(e)}` });
      continue;
    }
    if (verdict.compliance !== 'non-compliant') continue;
    findings.push({
      ruleId: rule.id,
      level: levelOf(rule),
      stack,
      address,
      ...(verdict.attribute ? { attribute: verdict.attribute } : {}),
      message: verdict.detail ?? rule.description,
    });
  }
  return findings;
}

/** Runs the pack over every azurerm resource of a stack's index, and its azurerm provider blocks. */
export function checkIndex(stack: string, index: ResourceIndex, options: RulePackOptions = {}, extras: ContextExtras = {}): RuleFinding[] {
  const findings: RuleFinding[] = checkProviders(stack, index, options, extras);
  for (const type of Object.keys(index)) {
    if (rulesFor(type).length === 0) continue;
    for (const name of Object.keys(index[type])) findings.push(...checkResource(stack, index, type, name, options, extras));
  }
  return findings;
}

/** The resource index of a parsed `cdk.tf.json` (`resource` as an object or a list of objects). */
export function indexOfConfig(config: any): ResourceIndex {
  // No prototypes: type and resource names from the input (even `__proto__`) are plain keys.
  const index: ResourceIndex = Object.create(null);
  const section = config?.resource;
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!part || typeof part !== 'object') continue;
    for (const [type, byName] of Object.entries(part)) {
      if (type === '//' || !byName || typeof byName !== 'object') continue;
      for (const named of Array.isArray(byName) ? byName : [byName]) {
        for (const [name, body] of Object.entries(named as object)) {
          if (name === '//' || !body || typeof body !== 'object') continue;
          (index[type] ??= Object.create(null))[name] = body as Record<string, any>;
        }
      }
    }
  }
  return index;
}
