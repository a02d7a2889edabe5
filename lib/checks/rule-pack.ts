import { contextFor, ResourceIndex, Rule, RuleLevel, RuleVerdict } from '../core/rule';
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

const BY_TYPE = new Map<string, Rule[]>();
for (const rule of HYBRID_RULES) {
  for (const t of rule.types ?? []) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), rule]);
}

/** Throws for rule ids the pack does not know (a typo in options). */
export function checkRuleIds(ids: readonly string[] | undefined, what: string): void {
  for (const id of ids ?? []) {
    if (!ruleById(id)) throw new Error(`${what}: unknown rule id '${id}'`);
  }
}

/** Runs the rules that apply to one resource. A rule that throws gives a `CHK-RULE-FAILED` finding. */
export function checkResource(stack: string, index: ResourceIndex, type: string, name: string, options: RulePackOptions = {}, variables: Record<string, Record<string, any>> = {}): RuleFinding[] {
  const rules = BY_TYPE.get(type);
  if (!rules) return [];
  const body = index[type]?.[name];
  if (!body || typeof body !== 'object') return [];
  const ctx = contextFor(stack, index, type, name, variables);
  const address = `${type}.${name}`;
  const findings: RuleFinding[] = [];
  const levelOf = (rule: Rule): RuleLevel => options.levels?.[rule.id] ?? rule.level;
  for (const rule of rules) {
    if (options.rules && !options.rules.some((id) => ruleById(id) === rule)) continue;
    if (options.excludeRules?.some((id) => ruleById(id) === rule)) continue;
    if (options.skip?.(rule)) continue;
    let verdict: RuleVerdict;
    try {
      const result = rule.check!(type, body, ctx);
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

/** Runs the pack over every azurerm resource of a stack's index. */
export function checkIndex(stack: string, index: ResourceIndex, options: RulePackOptions = {}, variables: Record<string, Record<string, any>> = {}): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const type of Object.keys(index)) {
    if (!BY_TYPE.has(type)) continue;
    for (const name of Object.keys(index[type])) findings.push(...checkResource(stack, index, type, name, options, variables));
  }
  return findings;
}

/** The resource index of a parsed `cdk.tf.json` (`resource` as an object or a list of objects). */
export function indexOfConfig(config: any): ResourceIndex {
  const index: ResourceIndex = {};
  const section = config?.resource;
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!part || typeof part !== 'object') continue;
    for (const [type, byName] of Object.entries(part)) {
      if (type === '//' || !byName || typeof byName !== 'object') continue;
      for (const named of Array.isArray(byName) ? byName : [byName]) {
        for (const [name, body] of Object.entries(named as object)) {
          if (name === '//' || !body || typeof body !== 'object') continue;
          (index[type] ??= {})[name] = body as Record<string, any>;
        }
      }
    }
  }
  return index;
}
