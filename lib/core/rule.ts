/**
 * What a rule is: one object per Azure rule, with its id, level, source, description and at
 * most one check on a resource's final Terraform JSON body. Constructs cite these objects when
 * they refuse a prop (`ProblemCollector`), report them at synth (`reportAtSynth`,
 * `checkFinalBody`), and the policy rule pack (`HybridChecks`, the `check` command) runs their
 * body checks on any azurerm resource. The catalogue, `RULES.md` and the `RuleId` type are
 * derived from these objects (`lib/checks/catalogue.ts`); nothing else lists rules.
 *
 * Not part of the jsii API (generics and function types), except `RuleLevel`.
 */

/**
 * How serious a broken rule is.
 */
export enum RuleLevel {
  /** Azure refuses the configuration, or it breaks the pattern: synth fails. */
  ERROR = 'error',
  /** Allowed by Azure, but against the guidance: reported, synth goes on. */
  WARNING = 'warning',
}

/** Source prefixes used in rule sources. */
export const AD = 'MicrosoftDocs/azure-docs';
export const TF = 'hashicorp/terraform-provider-azurerm v4.55.0';
export const AC = 'MicrosoftDocs/architecture-center';

/** What a body check says about one resource. */
export type Compliance = 'compliant' | 'non-compliant' | 'not-applicable';

/** A verdict with a short detail naming the attribute at fault. */
export interface RuleVerdict {
  readonly compliance: Compliance;
  /** Dotted path of the attribute at fault, e.g. `share_properties.retention_policy.days`. */
  readonly attribute?: string;
  /** What is wrong and how to fix it, one sentence. */
  readonly detail?: string;
}

/** A resource of the stack, as the rules see it. */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, any>;
  /** The stack that owns it, when it is another stack of the app (reached through a cross-stack reference). */
  readonly stack?: string;
}

/** Another stack of the same app, as cross-stack references reach it. */
export interface AppStack {
  /** Its resources. */
  readonly index: ResourceIndex;
  /** Its `output` section (cdktf's `cross-stack-output-*` outputs carry what other stacks reference). */
  readonly outputs: Record<string, Record<string, any>>;
}

/** What a rule may see of a stack besides its resources. Each part is optional: unknown parts make the rules that need them not applicable. */
export interface ContextExtras {
  /** The stack's `variable` section (name -> body). */
  readonly variables?: Record<string, Record<string, any>>;
  /** The stack's `locals` (name -> value as written in cdk.tf.json). */
  readonly locals?: Record<string, unknown>;
  /** The stack's provider configurations: provider name (`azurerm`) -> its configuration blocks. */
  readonly providers?: Record<string, Record<string, any>[]>;
  /** Every stack of the app by name (this one included), for cross-stack references. */
  readonly app?: Record<string, AppStack>;
}

/** Every resource of one stack: type -> name -> body. */
export type ResourceIndex = Record<string, Record<string, Record<string, any>>>;

/** What a rule can ask about the rest of the stack (for cross-resource rules). */
export interface RuleContext {
  /** Stack name. */
  readonly stack: string;
  /** Terraform type of the resource checked. */
  readonly type: string;
  /** Terraform name (logical id) of the resource checked. */
  readonly name: string;
  /** Every resource of a type in the stack. */
  resourcesOf(type: string): StackResource[];
  /** The resource a reference expression (`${azurerm_subnet.x.id}`) points at, when it is one resource attribute. */
  deref(value: unknown): StackResource | undefined;
  /**
   * Resources of `type` that reference the resource checked: in `attribute` (a top-level
   * argument) when given, anywhere in their body otherwise.
   */
  referrers(type: string, attribute?: string): StackResource[];
  /** Variables of the stack (name -> body), for rules that read defaults. */
  variables(): Record<string, Record<string, any>>;
  /** Locals of the stack (name -> value as written), for rules that follow `local.<name>`; `{}` when unknown. */
  locals(): Record<string, unknown>;
  /**
   * The stack's configuration blocks of provider `name` (`azurerm`), default first as written;
   * `[]` when the stack has none, undefined when the caller could not tell (rules then do not apply).
   */
  providers(name: string): Record<string, any>[] | undefined;
  /**
   * Resources of `type` in every stack of the app this stack belongs to (this one included; the
   * others' carry `stack`). Only this stack's when the app is not known.
   */
  appResourcesOf(type: string): StackResource[];
}

/** The check of a rule on one resource's final body. May throw (reported as `CHK-RULE-FAILED`). */
export type BodyCheck = (type: string, body: Record<string, any>, ctx: RuleContext) => Compliance | RuleVerdict;

/** One rule, as written once in its area's `rules.ts` (or one file per rule with a check). */
export interface Rule<Id extends string = string> {
  /** Stable id, e.g. `NET-GWSUBNET-SIZE`. Users suppress by id: never rename one. */
  readonly id: Id;
  /** Error or warning. */
  readonly level: RuleLevel;
  /** What the rule says, in Azure's words. */
  readonly description: string;
  /** Where the rule comes from (Azure docs or provider source). */
  readonly source: string;
  /** Terraform types the body check looks at; required with `check`. */
  readonly types?: readonly string[];
  /** The check on a resource's final body (after escape hatches), run by constructs and by the pack. */
  readonly check?: BodyCheck;
  /** Ids this rule replaced: a suppression by one of them still applies to this rule. */
  readonly formerIds?: readonly string[];
  /** The value the rule judges is a secret: messages show `(literal, N characters)`, never the value. */
  readonly sensitive?: boolean;
}

/** Defines one rule; keeps the id's literal type so that `RuleId` can be derived. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  if (rule.check && (!rule.types || rule.types.length === 0)) {
    throw new Error(`rule ${rule.id}: a body check needs the Terraform types it looks at`);
  }
  return Object.freeze(rule);
}

/** A non-compliant verdict. */
export function fails(attribute: string | undefined, detail: string): RuleVerdict {
  return { compliance: 'non-compliant', ...(attribute ? { attribute } : {}), detail };
}

/** True for a Terraform expression (`${...}` or `%{...}`): its value is unknown before apply. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('${') || value.includes('%{'));
}

/** True for a value given literally in the configuration (a string without `${`, a number, a boolean). */
export function isLiteral(value: unknown): boolean {
  return value !== undefined && value !== null && !isExpression(value) && typeof value !== 'object';
}

/** The first element of a block value (cdktf writes single blocks as objects or one-element lists). */
export function firstBlock(value: unknown): Record<string, any> | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : undefined;
}

/** Every element of a block value, as a list. */
export function allBlocks(value: unknown): Record<string, any>[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v));
}

// Linear: one optional group whose body has a single quantified character class; no nesting.
const REF = /^\$\{(?:data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[0-9]+\])?(?:\.[A-Za-z0-9_.[\]"]+)?\}$/;
// `${data.terraform_remote_state.<name>.outputs.<output>}`: what cdktf writes for a cross-stack reference.
const REMOTE = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/;
const REMOTE_INPUT = 'cross-stack-reference-input-';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Every `<type>.<name>.` (optionally `[n]`) a value mentions, as the exact test below would find it.
// Linear: no nested quantifiers.
const ANY_REF = /(^|[^A-Za-z0-9_.])([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[0-9]+\])?\./g;
const REFERRERS = new WeakMap<ResourceIndex, Map<string, Map<string, StackResource[]>>>();

/** Resources of type `t` by the addresses their `attribute` (or whole body) mentions. */
function referrerIndex(index: ResourceIndex, t: string, attribute: string | undefined): Map<string, StackResource[]> {
  let byKey = REFERRERS.get(index);
  if (!byKey) REFERRERS.set(index, (byKey = new Map()));
  const key = `${t}\0${attribute ?? ''}`;
  let byAddress = byKey.get(key);
  if (byAddress) return byAddress;
  byAddress = new Map();
  for (const [n, body] of Object.entries(index[t] ?? {})) {
    const value = attribute === undefined ? body : (body as Record<string, unknown>)[attribute];
    const text = typeof value === 'string' ? (value.includes('${') ? value : '') : value !== null && typeof value === 'object' ? JSON.stringify(value) : '';
    const seen = new Set<string>();
    for (const m of text.matchAll(ANY_REF)) {
      const address = `${m[2]}.${m[3]}`;
      if (seen.has(address)) continue;
      seen.add(address);
      const list = byAddress.get(address) ?? [];
      list.push({ type: t, name: n, body });
      byAddress.set(address, list);
    }
  }
  byKey.set(key, byAddress);
  return byAddress;
}

/**
 * Builds the context of one resource over a stack's resource index. `variables` is the stack's
 * `variable` section, when known; `extras` carries its providers and the app's other stacks.
 * A cross-stack reference (`${data.terraform_remote_state.cross-stack-reference-input-<stack>.outputs.<o>}`)
 * is followed to the resource the producing stack's output names, when that stack is in `extras.app`.
 */
export function contextFor(stack: string, index: ResourceIndex, type: string, name: string, variables: Record<string, Record<string, any>> = {}, extras: ContextExtras = {}): RuleContext {
  const list = (t: string): StackResource[] => Object.entries(index[t] ?? {}).map(([n, body]) => ({ type: t, name: n, body }));
  const refRe = new RegExp(`(^|[^A-Za-z0-9_.])${escapeRe(type)}\\.${escapeRe(name)}(\\[[0-9]+\\])?\\.`);
  const mentions = (v: unknown): boolean => {
    if (typeof v === 'string') return v.includes('${') && refRe.test(v);
    if (v === null || typeof v !== 'object') return false;
    return refRe.test(JSON.stringify(v));
  };
  const app = extras.app;
  const derefIn = (owner: string, idx: ResourceIndex, value: unknown, depth: number): StackResource | undefined => {
    if (typeof value !== 'string' || depth > 3) return undefined;
    const remote = REMOTE.exec(value);
    if (remote && app) {
      const producers = remote[1].startsWith(REMOTE_INPUT) && app[remote[1].slice(REMOTE_INPUT.length)]
        ? [remote[1].slice(REMOTE_INPUT.length)]
        : Object.keys(app).filter((s) => s !== owner && app[s].outputs[remote[2]] !== undefined);
      if (producers.length !== 1) return undefined;
      const producer = app[producers[0]];
      const found = derefIn(producers[0], producer.index, producer.outputs[remote[2]]?.value, depth + 1);
      return found && { ...found, stack: found.stack ?? producers[0] };
    }
    const m = REF.exec(value);
    if (!m || value.startsWith('${data.')) return undefined;
    const body = idx[m[1]]?.[m[2]];
    return body ? { type: m[1], name: m[2], body, ...(owner !== stack ? { stack: owner } : {}) } : undefined;
  };
  return {
    stack,
    type,
    name,
    resourcesOf: list,
    deref: (value) => derefIn(stack, index, value, 0),
    referrers(t, attribute) {
      // Through a reverse index built once per stack index, type and attribute: scanning every
      // resource of `t` for every resource checked was quadratic (20,000 resources: seconds).
      const found = referrerIndex(index, t, attribute).get(`${type}.${name}`) ?? [];
      // The index over-approximates (any `a.b.` it sees); the exact test keeps the old meaning.
      return found.filter((r) => mentions(attribute === undefined ? r.body : r.body[attribute]));
    },
    variables: () => (Object.keys(variables).length > 0 ? variables : extras.variables ?? {}),
    locals: () => extras.locals ?? {},
    providers: (provider) => (extras.providers ? extras.providers[provider] ?? [] : undefined),
    appResourcesOf(t) {
      if (!app) return list(t);
      return [
        ...list(t),
        ...Object.entries(app)
          .filter(([s]) => s !== stack)
          .flatMap(([s, other]) => Object.entries(other.index[t] ?? {}).map(([n, body]) => ({ type: t, name: n, body, stack: s }))),
      ];
    },
  };
}
