import { IAspect, TerraformProvider, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { IConstruct } from 'constructs';
import { ProblemCollector } from '../core/errors';
import { addToEveryStack } from '../core/aspects';
import { addSuppressions, annotateOnce, rulesDecidedOn, suppressionsOf } from '../core/report';
import { ContextExtras, ResourceIndex, RuleLevel } from '../core/rule';
import { resolvedResourceBody, resolveExpression, startResolvedBodies } from '../core/tokens';
import { RuleCatalogue, ruleById } from './catalogue';
import { checkProviders, checkResource, checkRuleIds, RuleFinding, SUPPRESSION_JSON_KEY } from './rule-pack';
import { CHK_SUPPRESSION } from '../core/rules';
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
    const problems = new ProblemCollector(construct);
    suppressions.forEach((s, i) => {
      problems.check(!RuleCatalogue.has(s.id), CHK_SUPPRESSION, `suppressions[${i}].id`, s.id, `${s.id} is not a rule id of the catalogue`, 'use an id listed in RULES.md');
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
   * @returns the checks added
   */
  public static addTo(scope: IConstruct, props: HybridChecksProps = {}): HybridChecks {
    const checks = new HybridChecks(props);
    addToEveryStack(scope, checks, 'HybridChecks', CHK_STACK_UNCHECKED.id);
    return checks;
  }

  /** The suppressions in force on a construct: its own and its scopes'. */
  public static suppressionsOf(construct: IConstruct): RuleSuppression[] {
    return suppressionsOf(construct);
  }

  private readonly props: HybridChecksProps;
  private readonly stacks = new WeakMap<TerraformStack, ResourceIndex>();
  private readonly extras = new WeakMap<TerraformStack, ContextExtras>();
  private readonly reported = new WeakMap<IConstruct, Set<string>>();

  constructor(props: HybridChecksProps = {}) {
    checkRuleIds(props.rules, 'HybridChecks rules');
    checkRuleIds(props.excludeRules, 'HybridChecks excludeRules');
    checkRuleIds(Object.keys(props.levels ?? {}), 'HybridChecks levels');
    this.props = props;
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
      // Recorded in cdk.tf.json so that `cdktf-azure-hybrid check` honours the same suppressions.
      node.addOverride(`//.${SUPPRESSION_JSON_KEY}`, used.map((s) => ({ id: s.id, reason: s.reason })));
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

  /** The stack's provider blocks and variables (resolved), once per synth. */
  private extrasOf(stack: TerraformStack): ContextExtras {
    let extras = this.extras.get(stack);
    if (!extras) {
      const providers: Record<string, Record<string, any>[]> = {};
      const variables: Record<string, Record<string, any>> = {};
      for (const n of stack.node.findAll()) {
        if (n instanceof TerraformProvider) {
          const json = resolveExpression(stack, n.toTerraform()) as { provider?: Record<string, Record<string, any>[]> };
          for (const [p, configs] of Object.entries(json.provider ?? {})) (providers[p] ??= []).push(...(Array.isArray(configs) ? configs : [configs]));
        } else if (n instanceof TerraformVariable) {
          Object.assign(variables, (resolveExpression(stack, n.toTerraform()) as { variable?: Record<string, Record<string, any>> }).variable ?? {});
        }
      }
      this.extras.set(stack, (extras = { providers, variables }));
    }
    return extras;
  }

  private report(node: IConstruct, level: 'error' | 'warning' | 'info', message: string): void {
    annotateOnce(this.reported, node, level, message);
  }
}

function describe(f: RuleFinding): string {
  return `${f.address}${f.attribute ? `.${f.attribute}` : ''}: ${f.message}`;
}
