/**
 * The shape of a policy rule: a small pure function of one azurerm resource's Terraform JSON body
 * (what `resource.toTerraform()` gives, tokens resolved, or what is in `cdk.tf.json`). The same
 * rule serves the `HybridChecks` Aspect and the `check` command. Not part of the jsii API.
 */

/** What a rule says about one resource. */
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
}

/** One rule of the pack. */
export interface HybridRule {
  /** Rule id in the catalogue. */
  readonly id: string;
  /** Terraform resource types the rule looks at. */
  readonly types: readonly string[];
  /** The check itself; may throw (reported as `CHK-RULE-FAILED`). */
  check(type: string, body: Record<string, any>, ctx: RuleContext): Compliance | RuleVerdict;
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

const REF = /^\$\{(?:data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.[\]"]+)?\}$/;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the context of one resource over a stack's resource index. */
export function contextFor(stack: string, index: ResourceIndex, type: string, name: string): RuleContext {
  const list = (t: string): StackResource[] => Object.entries(index[t] ?? {}).map(([n, body]) => ({ type: t, name: n, body }));
  const refRe = new RegExp(`(^|[^A-Za-z0-9_.])${escapeRe(type)}\\.${escapeRe(name)}\\.`);
  const mentions = (v: unknown): boolean => {
    if (typeof v === 'string') return v.includes('${') && refRe.test(v);
    if (v === null || typeof v !== 'object') return false;
    return refRe.test(JSON.stringify(v));
  };
  return {
    stack,
    type,
    name,
    resourcesOf: list,
    deref(value) {
      if (typeof value !== 'string') return undefined;
      const m = REF.exec(value);
      if (!m) return undefined;
      const body = index[m[1]]?.[m[2]];
      return body ? { type: m[1], name: m[2], body } : undefined;
    },
    referrers(t, attribute) {
      return list(t).filter((r) => mentions(attribute === undefined ? r.body : r.body[attribute]));
    },
  };
}
