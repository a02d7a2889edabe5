import { Annotations, App, Aspects, IAspect, TerraformLocal, TerraformProvider, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { IConstruct } from 'constructs';
import { describeValue, formatProblem, maskedValue } from './errors';
import { trimTrailing } from './naming';
import { ContextExtras, contextFor, ResourceIndex, Rule, RuleContext, RuleLevel, RuleVerdict } from './rule';
import { CHK_APP_ASPECT } from './rules';
import { finalBody, resolvedResourceBody, resolveExpression, startResolvedBodies } from './tokens';

/**
 * One reporter decides, at synth, every warning a construct gives (and every check of a final
 * resource body after escape hatches), and honours suppressions: `HybridChecks.suppress` and a
 * construct's `acknowledge`. Nothing is decided in a constructor, so a call made after
 * construction (`sendDiagnosticsTo`, say) is seen.
 */

/** One rule suppressed on a construct and everything under it. */
export interface Suppression {
  readonly id: string;
  readonly reason: string;
}

/** What a synth-time decision found: the prop at fault, its value, what is wrong, the fix. */
export interface Finding {
  readonly prop: string;
  readonly value?: unknown;
  readonly detail: string;
  readonly fix: string;
}

/** Metadata type under which suppressions are stored on a construct node. */
export const SUPPRESSION_METADATA = 'cdktf-azure-hybrid:suppressions';

/** Records suppressions on a construct (validated by the caller). */
export function addSuppressions(construct: IConstruct, suppressions: readonly Suppression[]): void {
  construct.node.addMetadata(SUPPRESSION_METADATA, suppressions.map((s) => ({ id: s.id, reason: s.reason.trim() })));
}

/** The suppressions in force on a construct: its own and its scopes'. */
export function suppressionsOf(construct: IConstruct): Suppression[] {
  return construct.node.scopes.flatMap((scope) =>
    scope.node.metadata.filter((m) => m.type === SUPPRESSION_METADATA).flatMap((m) => m.data as Suppression[]),
  );
}

/** The suppression of `rule` in force on `construct` (by its id or an id it replaced), if any. */
export function suppressionFor(construct: IConstruct, rule: Rule): Suppression | undefined {
  const ids = [rule.id, ...(rule.formerIds ?? [])];
  return suppressionsOf(construct).find((s) => ids.includes(s.id));
}

interface Deferred {
  readonly rule: Rule;
  readonly decide: () => Finding | undefined;
}

const DEFERRED = new WeakMap<IConstruct, Deferred[]>();
const DECIDED = new WeakMap<IConstruct, Set<string>>();
const STACKS = new WeakSet<TerraformStack>();

/**
 * Decides `rule` for `owner` at synth: `decide` returns a finding when the rule is broken.
 * A warning rule becomes a warning annotation on `owner`, an error rule a synth error; a
 * suppression of the rule on `owner` (or a scope above it) turns either into an info line.
 */
export function reportAtSynth(owner: IConstruct, rule: Rule, decide: () => Finding | undefined): void {
  let list = DEFERRED.get(owner);
  if (!list) DEFERRED.set(owner, (list = []));
  list.push({ rule, decide });
  const stack = TerraformStack.of(owner);
  if (!STACKS.has(stack)) {
    STACKS.add(stack);
    Aspects.of(stack).add(new SynthReporter());
  }
}

/**
 * Runs the body checks of `rules` on `resource`'s final body (escape-hatch overrides included)
 * at synth, reported on `owner`. The policy rule pack then leaves these rules to the construct
 * on this resource, so a finding is never reported twice.
 */
export function checkFinalBody(owner: IConstruct, resource: TerraformResource, rules: readonly Rule[]): void {
  let decided = DECIDED.get(resource);
  if (!decided) DECIDED.set(resource, (decided = new Set()));
  for (const rule of rules) {
    if (!rule.check) throw new Error(`rule ${rule.id} has no body check`);
    decided.add(rule.id);
    reportAtSynth(owner, rule, () => {
      const stack = TerraformStack.of(resource);
      // Resolved as far as the check reads it (a connection's key check reads one attribute).
      const body = finalBody(stack, resource);
      const type = resource.terraformResourceType;
      const verdict = toVerdict(rule.check!(type, body, lazyContext(stack, type, resource.friendlyUniqueId)));
      if (verdict.compliance !== 'non-compliant') return undefined;
      const [detail, fix] = splitFix(verdict.detail ?? rule.description);
      const attribute = verdict.attribute ?? '';
      return { prop: attribute || resource.friendlyUniqueId, value: attribute ? valueAt(body, attribute) : undefined, detail: `${type}.${resource.friendlyUniqueId}: ${detail}`, fix };
    });
  }
}

/**
 * Declares that a construct decides `rule` itself for `resource` (through `reportAtSynth`), so
 * the policy pack does not report the same finding a second time on the resource.
 */
export function decidesFor(resource: IConstruct, rule: Rule): void {
  let decided = DECIDED.get(resource);
  if (!decided) DECIDED.set(resource, (decided = new Set()));
  decided.add(rule.id);
}

/** Rule ids a construct decides itself on this resource (the pack skips them). */
export function rulesDecidedOn(resource: IConstruct): ReadonlySet<string> {
  return DECIDED.get(resource) ?? new Set();
}

/** Rules a construct reports at synth (what `acknowledge` may name). */
export function rulesReportedBy(owner: IConstruct): Rule[] {
  return (DEFERRED.get(owner) ?? []).map((d) => d.rule);
}

function toVerdict(result: ReturnType<NonNullable<Rule['check']>>): RuleVerdict {
  return typeof result === 'string' ? { compliance: result } : result;
}

/** "what is wrong. Fix: how" -> [what is wrong, how]. */
function splitFix(text: string): [string, string] {
  const i = text.lastIndexOf('Fix: ');
  if (i < 0) return [trimTrailing(text, '. \t\n'), 'see the rule in RULES.md'];
  return [trimTrailing(text.slice(0, i), '. \t\n'), trimTrailing(text.slice(i + 5), '. \t\n')];
}

function valueAt(body: Record<string, any>, dotted: string): unknown {
  let v: any = body;
  for (const part of dotted.split('.')) {
    if (v === undefined || v === null) return undefined;
    v = Array.isArray(v) && !/^\d+$/.test(part) ? v[0]?.[part] : v[part];
  }
  return v;
}

function resolvedBody(stack: TerraformStack, resource: TerraformResource): Record<string, any> {
  return resolvedResourceBody(stack, resource);
}

// The stack's resource index and its providers and variables, built only when a cross-resource
// rule asks, once per synth (cleared when the reporter visits the stack, which aspects visit
// first). Bodies come from the synth's shared cache (lib/core/tokens.ts, resolvedResourceBody).
const INDEXES = new WeakMap<TerraformStack, ResourceIndex>();
const EXTRAS = new WeakMap<TerraformStack, ContextExtras>();

function stackIndex(stack: TerraformStack): ResourceIndex {
  let index = INDEXES.get(stack);
  if (!index) {
    const byType = new Map<string, TerraformResource[]>();
    for (const r of stack.node.findAll()) {
      if (!(r instanceof TerraformResource)) continue;
      const list = byType.get(r.terraformResourceType);
      if (list) list.push(r);
      else byType.set(r.terraformResourceType, [r]);
    }
    const built: ResourceIndex = {};
    for (const [type, resources] of byType) {
      lazyEntry(built, type, () => {
        const byName: Record<string, Record<string, any>> = {};
        for (const r of resources) lazyEntry(byName, r.friendlyUniqueId, () => resolvedBody(stack, r));
        return byName;
      });
    }
    INDEXES.set(stack, (index = built));
  }
  return index;
}

/**
 * An index entry made on first read (then kept, as an eager index keeps it): a rule that
 * follows one reference (VPN-SKU-ZONES reads a gateway's public IPs) resolves that resource,
 * not every resource of the stack, and names only the resources of the types it reads.
 * Enumeration and JSON.stringify see the entry as a plain one.
 */
function lazyEntry<T>(target: Record<string, T>, key: string, make: () => T): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

/**
 * The stack's provider blocks, variables and locals, resolved like resource bodies, for rules
 * that read them: one walk of the stack per synth (aspects that set provider features run on the
 * stack node, before any rule asks).
 */
export function stackExtras(stack: TerraformStack): ContextExtras {
  let extras = EXTRAS.get(stack);
  if (!extras) {
    const providers: Record<string, Record<string, any>[]> = {};
    const variables: Record<string, Record<string, any>> = {};
    const locals: Record<string, unknown> = {};
    for (const n of stack.node.findAll()) {
      if (n instanceof TerraformProvider) {
        const json = resolveExpression(stack, n.toTerraform()) as { provider?: Record<string, Record<string, any>[]> };
        for (const [p, configs] of Object.entries(json.provider ?? {})) (providers[p] ??= []).push(...(Array.isArray(configs) ? configs : [configs]));
      } else if (n instanceof TerraformVariable) {
        const json = resolveExpression(stack, n.toTerraform()) as { variable?: Record<string, Record<string, any>> };
        Object.assign(variables, json.variable ?? {});
      } else if (n instanceof TerraformLocal) {
        // A secret routed through a local is still in cdk.tf.json (VPN-SHARED-KEY-LITERAL follows `local.x`).
        Object.assign(locals, (resolveExpression(stack, n.toTerraform()) as { locals?: Record<string, unknown> }).locals ?? {});
      }
    }
    EXTRAS.set(stack, (extras = { providers, variables, locals }));
  }
  return extras;
}

function lazyContext(stack: TerraformStack, type: string, name: string): RuleContext {
  let ctx: RuleContext | undefined;
  const get = (): RuleContext => (ctx ??= contextFor(stack.node.id, stackIndex(stack), type, name, {}, stackExtras(stack)));
  return {
    stack: stack.node.id,
    type,
    name,
    resourcesOf: (t) => get().resourcesOf(t),
    deref: (v) => get().deref(v),
    referrers: (t, a) => get().referrers(t, a),
    variables: () => get().variables(),
    locals: () => get().locals(),
    providers: (p) => get().providers(p),
    appResourcesOf: (t) => get().appResourcesOf(t),
  };
}

/** The aspect that decides the deferred reports of a stack's constructs. One per stack. */
class SynthReporter implements IAspect {
  private readonly reported = new WeakMap<IConstruct, Set<string>>();

  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      INDEXES.delete(node as TerraformStack);
      EXTRAS.delete(node as TerraformStack);
      startResolvedBodies(node as TerraformStack, this);
      this.warnAboutAppAspects(node as TerraformStack);
    }
    const list = DEFERRED.get(node);
    if (!list) return;
    for (const { rule, decide } of list) {
      const finding = decide();
      if (!finding) continue;
      const line = formatProblem({
        ruleId: rule.id,
        constructPath: node.node.path,
        prop: finding.prop,
        value: rule.sensitive ? maskedValue(finding.value) : describeValue(finding.value, node),
        detail: finding.detail,
        fix: finding.fix,
      });
      const suppression = suppressionFor(node, rule);
      if (suppression) {
        this.once(node, 'info', `[${rule.id}] suppressed: ${suppression.reason} (${line})`);
      } else {
        this.once(node, rule.level === RuleLevel.ERROR ? 'error' : 'warning', line);
      }
    }
  }

  /** cdktf 0.21 runs no aspect added to the App: say so on each stack rather than tag or check nothing. */
  private warnAboutAppAspects(stack: TerraformStack): void {
    const app = stack.node.scope;
    if (app === undefined || !App.isApp(app)) return;
    const names = Aspects.of(app).all.map((a) => a.constructor.name);
    if (names.length === 0) return;
    const line = formatProblem({
      ruleId: CHK_APP_ASPECT.id,
      constructPath: stack.node.path,
      prop: 'Aspects.of(app)',
      value: names.join(', '),
      detail: `${names.join(', ')} was added to the App, and cdktf 0.21 never runs an aspect added to the App`,
      fix: 'use HybridTags.addTo(app) / HybridChecks.addTo(app), or Aspects.of(stack).add(...) for each stack',
    });
    if (suppressionFor(stack, CHK_APP_ASPECT)) return;
    this.once(stack, 'warning', line);
  }

  private once(node: IConstruct, level: 'error' | 'warning' | 'info', message: string): void {
    annotateOnce(this.reported, node, level, message);
  }
}

/**
 * Adds an annotation to `node` once: aspects run again at every synth, and the same finding must
 * not be listed twice. `reported` is the caller's memory of what it already said, by `key`
 * (the message unless the caller tells findings apart otherwise).
 */
export function annotateOnce(reported: WeakMap<IConstruct, Set<string>>, node: IConstruct, level: 'error' | 'warning' | 'info', message: string, key: string = message): void {
  let seen = reported.get(node);
  if (!seen) reported.set(node, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  const a = Annotations.of(node);
  if (level === 'error') a.addError(message);
  else if (level === 'warning') a.addWarning(message);
  else a.addInfo(message);
}
