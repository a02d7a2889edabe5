import { ContextExtras, contextFor, ResourceIndex, Rule, RuleLevel, RuleVerdict } from '../core/rule';
import { describeValue, ProblemCollector } from '../core/errors';
import { CHK_SUPPRESSION } from '../core/rules';
import { CHK_RULE_FAILED } from './rules';
import { ALL_RULES, PACK_RULES, ruleById } from './catalogue';

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

/**
 * Records a `CHK-SUPPRESSION` problem for each id the catalogue does not know (a typo in options),
 * naming the nearest id; `prop` must be a list of strings (`PROP-TYPE` otherwise).
 */
export function checkRuleIds(problems: ProblemCollector, prop: string, ids: unknown): void {
  if (problems.type(prop, ids, 'array')) return;
  ((ids as unknown[] | undefined) ?? []).forEach((id, i) => checkRuleId(problems, `${prop}[${i}]`, id));
}

/** Records a `CHK-SUPPRESSION` problem when `id` is not a rule id of the catalogue, naming the nearest id. */
export function checkRuleId(problems: ProblemCollector, prop: string, id: unknown): boolean {
  if (typeof id === 'string' && ruleById(id)) return false;
  const near = typeof id === 'string' ? nearestRuleId(id) : undefined;
  return problems.check(
    true,
    CHK_SUPPRESSION,
    prop,
    id,
    `${typeof id === 'string' ? id : describeValue(id)} is not a rule id of the catalogue`,
    near ? `did you mean ${near}? Use an id listed in RULES.md` : 'use an id listed in RULES.md',
  );
}

/** The catalogue's id nearest to a mistyped one (at most a third of its letters off), if any. */
export function nearestRuleId(id: string): string | undefined {
  const wanted = id.trim().toUpperCase();
  let best: { id: string; distance: number } | undefined;
  for (const rule of ALL_RULES) {
    for (const candidate of [rule.id, ...(rule.formerIds ?? [])]) {
      const distance = editDistance(wanted, candidate);
      if (!best || distance < best.distance) best = { id: candidate, distance };
    }
  }
  return best && best.distance <= Math.max(1, Math.floor(best.id.length / 3)) ? best.id : undefined;
}

/** Levenshtein distance (ids are short: a few hundred comparisons of ~20 characters). */
function editDistance(a: string, b: string): number {
  if (a.length > 100) return Infinity;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
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
