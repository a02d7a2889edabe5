import { Rule, RuleLevel } from '../core/rule';
import { CORE_RULES } from '../core/rules';
import { APPS_RULES } from '../apps/rules';
import { MANAGEMENT_RULES } from '../management/rules';
import { NETWORK_RULES } from '../network/rules';
import { RESILIENCY_RULES } from '../resiliency/rules';
import { STORAGE_RULES } from '../storage/rules';
import { CHECK_RULES } from './rules';

/**
 * Every rule of the library, derived from the rule objects each area defines once. Nothing
 * else lists rules: the catalogue, RULES.md, the rule pack and `RuleId` all come from here.
 */
export const ALL_RULES = [...CORE_RULES, ...NETWORK_RULES, ...MANAGEMENT_RULES, ...STORAGE_RULES, ...RESILIENCY_RULES, ...APPS_RULES, ...CHECK_RULES] as const;

/** A rule id of the catalogue: a typo such as `'VPN-SKU-LEGCY'` does not compile. */
export type RuleId = (typeof ALL_RULES)[number]['id'];

const BY_ID = new Map<string, Rule>();
for (const rule of ALL_RULES) {
  if (BY_ID.has(rule.id)) throw new Error(`rule id ${rule.id} is defined twice`);
  BY_ID.set(rule.id, rule);
}
// Ids a rule replaced (users may still suppress by them): former id -> rule.
const FORMER = new Map<string, Rule>();
for (const rule of ALL_RULES) for (const former of rule.formerIds ?? []) FORMER.set(former, rule);

/** The rule an id names, following former ids; undefined for an unknown id. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id) ?? FORMER.get(id);
}

/** The rules that have a check on a resource body: the policy rule pack. */
export const PACK_RULES: readonly Rule[] = ALL_RULES.filter((r: Rule) => r.check !== undefined);

/**
 * One Azure rule as the library knows it: constructs cite it when they refuse a prop, the
 * policy rule pack cites it when it finds a resource breaking it.
 */
export interface RuleInfo {
  /** Stable id, e.g. `NET-GWSUBNET-SIZE`. */
  readonly id: string;
  /** What the rule says. */
  readonly description: string;
  /** Error or warning. */
  readonly level: RuleLevel;
  /** Where the rule comes from (Azure docs or provider source). */
  readonly source: string;
  /** True when the policy rule pack (HybridChecks, the check command) checks it on any azurerm resource. */
  readonly inRulePack: boolean;
  /** Ids this rule replaced; suppressions by them still apply. */
  readonly formerIds: string[];
}

/**
 * The rule catalogue: every Azure rule the library enforces, by id.
 */
export class RuleCatalogue {
  /** Every rule, sorted by id. */
  public static all(): RuleInfo[] {
    return [...BY_ID.keys()].sort().map((id) => RuleCatalogue.get(id));
  }

  /** One rule by id (or by an id it replaced); throws for an unknown id (a typo in a suppression, say). */
  public static get(id: string): RuleInfo {
    const rule = typeof id === 'string' ? ruleById(id) : undefined;
    if (!rule) throw new Error(`Unknown rule id '${id}'. Known ids are listed in RULES.md`);
    return { id: rule.id, level: rule.level, description: rule.description, source: rule.source, inRulePack: rule.check !== undefined, formerIds: [...(rule.formerIds ?? [])] };
  }

  /** True if the id is in the catalogue (or is an id a rule replaced). */
  public static has(id: string): boolean {
    return typeof id === 'string' && ruleById(id) !== undefined;
  }

  private constructor() {}
}
