import { App, Aspects, IAspect, TerraformLocal, TerraformProvider, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from '../core/errors';
import { addSuppressions, annotateOnce, rulesDecidedOn, suppressionsOf } from '../core/report';
import { ContextExtras, ResourceIndex, RuleLevel } from '../core/rule';
import { resolvedResourceBody, resolveExpression, startResolvedBodies } from '../core/tokens';
import { ruleById } from './catalogue';
import { checkProviders, checkResource, checkRuleId, checkRuleIds, RuleFinding, SUPPRESSION_JSON_KEY } from './rule-pack';
import { CHK_SUPPRESSION, PROP_TYPE } from '../core/rules';
import { CHK_STACK_UNCHECKED } from './rules';

/** One rule suppressed on a construct and its children. */
export interface RuleSuppression {
  /** Rule id from the catalogue, e.g. `PIP-ZONES`. */
  readonly id: string;
  /** Why the rule does not apply here; required, shown in the synth output. */
  readonly reason: string;
}

/** Options of `HybridChecks`. */
export interface HybridChecksProps {
  /**
   * Run only these rule ids.
   * @default - every rule of the pack
   */
  readonly rules?: string[];
  /**
   * Never run these rule ids.
   * @default - none
   */
  readonly excludeRules?: string[];
  /**
   * Level per rule id, overriding the catalogue (e.g. make `PIP-ZONES` an error).
   * @default - the catalogue's levels
   */
  readonly levels?: { [ruleId: string]: RuleLevel };
  /**
   * Do not report warnings (errors and suppressions are still reported).
   * @default false
   */
  readonly ignoreWarnings?: boolean;
}

/**
 * The library's policy rule pack, as an Aspect in the style of cdk-nag:
 * `HybridChecks.addTo(app)` or `Aspects.of(stack).add(new HybridChecks())` (not
 * `Aspects.of(app)`: cdktf 0.21 never runs aspects added to the App). It checks every azurerm resource of the tree (the
 * library's constructs and hand-written provider resources alike) on its final Terraform JSON,
 * with the same rules as the `cdktf-azure-hybrid check` command. Errors are error annotations
 * (`app.synth()` then fails, listing them), warnings are warning annotations, suppressed findings
 * are info annotations naming the reason.
 */
export class HybridChecks implements IAspect {
  /**
   * Suppresses rules on a construct and everything under it. Each suppression needs a rule id
   * of the catalogue and a non-empty reason.
   */
  public static suppress(construct: IConstruct, suppressions: RuleSuppression[]): void {
    const problems = new ProblemCollector(Construct.isConstruct(construct) ? construct : 'HybridChecks.suppress');
    problems.required('construct', construct, 'construct', 'pass the construct (or stack) the rules do not apply to');
    problems.required('suppressions', suppressions, 'array', 'pass a list of { id, reason }');
    problems.throwIfAny();
    suppressions.forEach((s, i) => {
      if (problems.required(`suppressions[${i}]`, s, 'object', 'give each suppression as { id, reason }')) return;
      checkRuleId(problems, `suppressions[${i}].id`, s.id);
      problems.check(typeof s.reason !== 'string' || s.reason.trim().length === 0, CHK_SUPPRESSION, `suppressions[${i}].reason`, s.reason, `suppressing ${s.id} needs a reason`, 'say why the rule does not apply here');
    });
    problems.throwIfAny();
    addSuppressions(construct, suppressions);
  }

  /**
   * Adds the checks to a stack or a whole app. Use this rather than `Aspects.of(app).add(...)`:
   * cdktf 0.21 invokes aspects from each stack down, so an aspect added to the App itself is
   * never run. On an App, the checks are added to every stack it has now, and a stack created
   * afterwards fails `app.synth()` with a validation error rather than going unchecked.
   *
   * Idempotent: called again on the same scope (or on a stack the same checks already cover)
   * with the same options, it returns the checks already added (on an App, after adding them to
   * the stacks created since), so no finding is reported twice. A finding that two checks with
   * different options both report is still annotated once.
   * @returns the checks added
   */
  public static addTo(scope: IConstruct, props: HybridChecksProps = {}): HybridChecks {
    const problems = new ProblemCollector('HybridChecks.addTo');
    problems.required('scope', scope, 'construct', 'pass the App or a stack');
    problems.throwIfAny();
    const checks = new HybridChecks(props);
    if (!App.isApp(scope)) {
      // Checks with the same options on this scope or one above it already visit it (not on the
      // App: cdktf runs no aspect added there).
      const covering = scope.node.scopes
        .filter((s) => !App.isApp(s))
        .flatMap((s) => Aspects.of(s).all)
        .find((a): a is HybridChecks => a instanceof HybridChecks && a.optionsKey === checks.optionsKey);
      if (covering) return covering;
      Aspects.of(scope).add(checks);
      return checks;
    }
    let added = ADDED_TO_APP.get(scope);
    if (!added) ADDED_TO_APP.set(scope, (added = []));
    let entry = added.find((e) => e.checks.optionsKey === checks.optionsKey);
    if (!entry) {
      const created = { checks, stacks: new Set<TerraformStack>() };
      entry = created;
      added.push(created);
      // A stack created after the last addTo(app) would go unchecked: synth fails instead.
      scope.node.addValidation({
        validate: () =>
          stacksOf(scope)
            .filter((s) => !created.stacks.has(s))
            .map((s) => `[${CHK_STACK_UNCHECKED.id}] ${s.node.path}: stack created after HybridChecks.addTo(app), so HybridChecks does not apply to it. Fix: call HybridChecks.addTo(app) after creating every stack`),
      });
    }
    for (const stack of stacksOf(scope)) {
      if (entry.stacks.has(stack)) continue;
      Aspects.of(stack).add(entry.checks);
      entry.stacks.add(stack);
    }
    return entry.checks;
  }

  /** The suppressions in force on a construct: its own and its scopes'. */
  public static suppressionsOf(construct: IConstruct): RuleSuppression[] {
    return suppressionsOf(construct);
  }

  private readonly props: HybridChecksProps;
  /** The options in a canonical form: two checks with equal keys report the same findings. */
  private readonly optionsKey: string;
  private readonly stacks = new WeakMap<TerraformStack, ResourceIndex>();
  private readonly extras = new WeakMap<TerraformStack, ContextExtras>();

  constructor(props: HybridChecksProps = {}) {
    const problems = new ProblemCollector('HybridChecks');
    problems.type('props', props, 'object', 'pass the options as an object, or leave them out');
    problems.throwIfAny();
    checkRuleIds(problems, 'rules', props.rules);
    checkRuleIds(problems, 'excludeRules', props.excludeRules);
    if (!problems.type('levels', props.levels, 'object', 'pass levels as { [ruleId]: RuleLevel.ERROR | RuleLevel.WARNING }')) {
      for (const [id, level] of Object.entries(props.levels ?? {})) {
        checkRuleId(problems, 'levels', id);
        problems.oneOf(PROP_TYPE, `levels.${id}`, level, LEVELS, `use RuleLevel.ERROR ('error') or RuleLevel.WARNING ('warning')`);
      }
    }
    problems.type('ignoreWarnings', props.ignoreWarnings, 'boolean');
    problems.throwIfAny();
    this.props = { ...props };
    const ids = (list?: string[]) => [...new Set((list ?? []).map((id) => ruleById(id)!.id))].sort();
    this.optionsKey = JSON.stringify([
      props.rules === undefined ? null : ids(props.rules),
      ids(props.excludeRules),
      Object.entries(props.levels ?? {}).map(([id, level]) => [ruleById(id)!.id, level]).sort(),
      props.ignoreWarnings === true,
    ]);
  }

  public visit(node: IConstruct): void {
    // Aspects visit a stack before its children: start every synth from a fresh index.
    if (TerraformStack.isStack(node)) {
      this.stacks.delete(node as TerraformStack);
      this.extras.delete(node as TerraformStack);
      startResolvedBodies(node as TerraformStack, this);
    }
    const options = {
      rules: this.props.rules,
      excludeRules: this.props.excludeRules,
      levels: this.props.levels,
      // A library construct decides these rules on its own resources at synth (same check, same suppressions).
      skip: (rule: { id: string }) => rulesDecidedOn(node).has(rule.id),
    };
    let findings: RuleFinding[];
    if (node instanceof TerraformProvider && node.terraformResourceType === 'azurerm') {
      const stack = TerraformStack.of(node);
      const own = resolveExpression(stack, node.toTerraform()) as { provider?: { azurerm?: Record<string, any>[] } };
      findings = checkProviders(stack.node.id, this.indexOf(stack, undefined).index, options, { providers: { azurerm: own.provider?.azurerm ?? [] } });
    } else if (node instanceof TerraformResource && node.terraformResourceType.startsWith('azurerm_')) {
      const stack = TerraformStack.of(node);
      const { index } = this.indexOf(stack, node);
      const type = node.terraformResourceType;
      const name = node.friendlyUniqueId;
      (index[type] ??= {})[name] = resolvedResourceBody(stack, node, true); // freshest body for this resource (after earlier aspects)
      findings = checkResource(stack.node.id, index, type, name, options, this.extrasOf(stack));
    } else {
      return;
    }
    if (findings.length === 0) return;
    const suppressions = HybridChecks.suppressionsOf(node);
    const used: RuleSuppression[] = [];
    for (const f of findings) {
      const rule = ruleById(f.ruleId);
      const s = suppressions.find((x) => ruleById(x.id) === rule);
      if (s) {
        used.push(s);
        this.report(node, 'info', `[${f.ruleId}] suppressed: ${s.reason} (${describe(f)})`);
      } else if (f.level === RuleLevel.ERROR) {
        this.report(node, 'error', `[${f.ruleId}] ${describe(f)}`);
      } else if (!this.props.ignoreWarnings) {
        this.report(node, 'warning', `[${f.ruleId}] ${describe(f)}`);
      }
    }
    if (used.length > 0) {
      // Recorded in cdk.tf.json so that `cdktf-azure-hybrid check` honours the same suppressions
      // (those every HybridChecks on the resource used: one with other options must not drop them).
      let recorded = USED_SUPPRESSIONS.get(node);
      if (!recorded) USED_SUPPRESSIONS.set(node, (recorded = new Map()));
      for (const s of used) if (!recorded.has(s.id)) recorded.set(s.id, s.reason);
      node.addOverride(`//.${SUPPRESSION_JSON_KEY}`, [...recorded].map(([id, reason]) => ({ id, reason })));
    }
  }

  /**
   * The stack's resources with tokens resolved, built once per synth (and again when a resource
   * it does not know is visited, for aspects added below the stack).
   */
  private indexOf(stack: TerraformStack, resource: TerraformResource | undefined): { index: ResourceIndex; fresh: boolean } {
    const cached = this.stacks.get(stack);
    if (cached && (!resource || cached[resource.terraformResourceType]?.[resource.friendlyUniqueId])) return { index: cached, fresh: false };
    const index: ResourceIndex = {};
    for (const r of stack.node.findAll()) {
      if (!(r instanceof TerraformResource)) continue;
      // Shared with the library's other synth-time aspects: each resource resolved once per synth.
      (index[r.terraformResourceType] ??= {})[r.friendlyUniqueId] = resolvedResourceBody(stack, r);
    }
    this.stacks.set(stack, index);
    return { index, fresh: true };
  }

  /** The stack's provider blocks, variables and locals (resolved), once per synth. */
  private extrasOf(stack: TerraformStack): ContextExtras {
    let extras = this.extras.get(stack);
    if (!extras) {
      const providers: Record<string, Record<string, any>[]> = {};
      const variables: Record<string, Record<string, any>> = {};
      const locals: Record<string, unknown> = {};
      for (const n of stack.node.findAll()) {
        if (n instanceof TerraformProvider) {
          const json = resolveExpression(stack, n.toTerraform()) as { provider?: Record<string, Record<string, any>[]> };
          for (const [p, configs] of Object.entries(json.provider ?? {})) (providers[p] ??= []).push(...(Array.isArray(configs) ? configs : [configs]));
        } else if (n instanceof TerraformVariable) {
          Object.assign(variables, (resolveExpression(stack, n.toTerraform()) as { variable?: Record<string, Record<string, any>> }).variable ?? {});
        } else if (n instanceof TerraformLocal) {
          Object.assign(locals, (resolveExpression(stack, n.toTerraform()) as { locals?: Record<string, unknown> }).locals ?? {});
        }
      }
      this.extras.set(stack, (extras = { providers, variables, locals }));
    }
    return extras;
  }

  /** Annotates once per node, level and message, whichever HybridChecks (and synth) finds it. */
  private report(node: IConstruct, level: 'error' | 'warning' | 'info', message: string): void {
    annotateOnce(REPORTED, node, level, message, `${level}\0${message}`);
  }
}

const LEVELS: readonly string[] = [RuleLevel.ERROR, RuleLevel.WARNING];
/** What every HybridChecks reported per node (`level\0message`), shared so no finding is listed twice. */
const REPORTED = new WeakMap<IConstruct, Set<string>>();
/** Suppressions the checks used per resource (id -> reason), written to cdk.tf.json together. */
const USED_SUPPRESSIONS = new WeakMap<IConstruct, Map<string, string>>();
/** The checks `addTo` added to an App, per options, with the stacks each covers. */
const ADDED_TO_APP = new WeakMap<IConstruct, { checks: HybridChecks; stacks: Set<TerraformStack> }[]>();

function stacksOf(app: IConstruct): TerraformStack[] {
  return app.node.findAll().filter((n): n is TerraformStack => TerraformStack.isStack(n));
}

function describe(f: RuleFinding): string {
  return `${f.address}${f.attribute ? `.${f.attribute}` : ''}: ${f.message}`;
}
