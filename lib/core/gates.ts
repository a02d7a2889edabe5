import { Aspects, Fn, IAspect, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { GATE_NAME, GATE_REFERENCE } from './rules';
import { forgetResolvedBody, resolvedResourceBody, resolveExpression, startResolvedBodies } from './tokens';

/**
 * A step outside Terraform that part of a stack waits for: a provider provisioning a circuit,
 * Hyper-V hosts registered, Arc agents connected. A gate is a boolean Terraform variable,
 * false by default; the resources behind it get `count = var.<gate> ? 1 : 0`. Phase 1 is
 * `cdktf deploy <stack>`; when the step is done, phase 2 is
 * `cdktf deploy <stack> --var='<gate>=true'` from the same synthesized JSON, no code edit.
 *
 * Why a variable and `count`: the synthesized `cdk.tf.json` is the same for both phases, so CI
 * can synthesize once; `terraform apply -var` works without cdktf; and Terraform's own `count`
 * keeps the gated resources out of the plan (nothing half-created). References between gated
 * resources of one gate are rewritten to `[0]`; an ungated resource that references a gated one
 * is refused at synth (`GATE-REFERENCE`), and outputs use `try(...[0]..., null)`.
 */
export interface LifecycleGateProps {
  /** What must have happened before the gate opens, in plain words (shown in the runbook and the variable). */
  readonly waitsFor: string;
  /** Who does it: `the connectivity provider`, `the on-premises Hyper-V team`. */
  readonly performedBy: string;
  /**
   * How to tell that it is done (a command), shown in the runbook.
   * @default - none
   */
  readonly verify?: string;
}

/** A gate as a runbook shows it: its variable and the command that opens it. */
export interface GateHandoff {
  /** Terraform variable name. */
  readonly name: string;
  /** `cdktf deploy <stack> --var='<gate>=true'`, for the stack that declares the gate. */
  readonly command: string;
}

const GATES_ID = 'LifecycleGates';

/** The gates of one stack, in the order they were declared. */
class StackGates extends Construct {
  public readonly gates: LifecycleGate[] = [];
}

/** A named phase-2 gate of a stack. Create with `LifecycleGate.of(scope, name, props)`. */
export class LifecycleGate extends Construct {
  /**
   * The stack's gate `name` (a Terraform variable name: lowercase letters, digits, '_'),
   * created on first use; a second use with the same name returns the same gate.
   */
  public static of(scope: IConstruct, name: string, props: LifecycleGateProps): LifecycleGate {
    const stack = TerraformStack.of(scope);
    const problems = new ProblemCollector(scope);
    problems.check(typeof name !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(name), GATE_NAME, 'gate', name, 'a gate name is a Terraform variable name', 'use lowercase letters, digits and "_", starting with a letter, at most 63 characters');
    problems.throwIfAny();
    const holder = (stack.node.tryFindChild(GATES_ID) as StackGates | undefined) ?? new StackGates(stack, GATES_ID);
    const existing = holder.gates.find((g) => g.name === name);
    if (existing) return existing;
    const gate = new LifecycleGate(holder, name, props);
    holder.gates.push(gate);
    return gate;
  }

  /** Every gate of the stack, in declaration order. */
  public static allOf(scope: IConstruct): LifecycleGate[] {
    const holder = TerraformStack.of(scope).node.tryFindChild(GATES_ID) as StackGates | undefined;
    return [...(holder?.gates ?? [])];
  }

  /** Terraform variable name. */
  public readonly name: string;
  /** What the gate waits for. */
  public readonly waitsFor: string;
  /** Who opens it. */
  public readonly performedBy: string;
  /** How to tell the step is done. */
  public readonly verify?: string;
  /** The variable (`false` by default). */
  public readonly variable: TerraformVariable;
  private readonly guarded = new Set<TerraformResource>();
  private readonly guardedScopes: IConstruct[] = [];
  private readonly twins: LifecycleGate[] = [];

  private constructor(scope: Construct, name: string, props: LifecycleGateProps) {
    super(scope, name);
    this.name = name;
    this.waitsFor = props.waitsFor;
    this.performedBy = props.performedBy;
    this.verify = props.verify;
    this.variable = new TerraformVariable(this, 'Variable', {
      type: 'bool',
      default: false,
      nullable: false,
      description: `Phase 2 gate: set to true once ${props.waitsFor} (${props.performedBy}).`,
    });
    this.variable.overrideLogicalId(name);
    Aspects.of(TerraformStack.of(this)).add(new GateAspect(this));
  }

  /** The command that opens the gate for a stack. */
  public openCommand(stackName: string): string {
    return `cdktf deploy ${stackName} --var='${this.name}=true'`;
  }

  /** The gate for a runbook: its name and the command that opens it in its own stack. */
  public handoff(): GateHandoff {
    return { name: this.name, command: this.openCommand(TerraformStack.of(this).node.id) };
  }

  /**
   * This gate as seen from the stack of `scope`: the gate itself in its own stack; in another
   * stack, a gate of that stack for the same step, named `<this gate's stack>_<name>`. A stack
   * opens only its own variables: a resource of another stack behind this stack's variable
   * would read it through remote state, and opening the gate here would not create it there.
   */
  public inStackOf(scope: IConstruct): LifecycleGate {
    const own = TerraformStack.of(this);
    const other = TerraformStack.of(scope);
    if (own === other) return this;
    const twin = LifecycleGate.of(other, twinName(own.node.id, this.name), { waitsFor: this.waitsFor, performedBy: this.performedBy, verify: this.verify });
    if (!this.twins.includes(twin)) this.twins.push(twin);
    return twin;
  }

  /** The same step's gates in other stacks (see `inStackOf`), to open after this one. */
  public twinsInOtherStacks(): GateHandoff[] {
    return this.twins.map((t) => t.handoff());
  }

  /** The `count` every gated resource gets: 1 when the gate is open, 0 before. */
  public get count(): number {
    return Token.asNumber(Fn.conditional(this.variable.booleanValue, 1, 0));
  }

  /** Puts resources behind the gate (a resource of another stack behind the gate's twin there). */
  public guard(...resources: TerraformResource[]): void {
    for (const r of resources) {
      const gate = this.inStackOf(r);
      r.count = gate.count;
      gate.guarded.add(r);
      forgetResolvedBody(r);
    }
  }

  /** Puts every resource under `scope` behind the gate, including ones added after this call. */
  public guardScope(scope: IConstruct): void {
    this.guardedScopes.push(scope);
  }

  /** True when the resource is behind this gate. */
  public isGuarding(resource: TerraformResource): boolean {
    return this.guarded.has(resource);
  }

  /** @internal Called by the gate's aspect at synth. */
  public _collectScopes(): void {
    for (const scope of this.guardedScopes) {
      for (const node of scope.node.findAll()) if (node instanceof TerraformResource && !this.guarded.has(node)) this.guard(node);
    }
  }

  /** @internal Resources behind the gate. */
  public _guarded(): TerraformResource[] {
    return [...this.guarded];
  }
}

/** `<stack>_<gate>` as a variable name: lowercase letters, digits and '_', at most 63 characters. */
function twinName(stackId: string, gate: string): string {
  const stack = stackId.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '') || 'stack';
  return `${stack.slice(0, Math.max(1, 62 - gate.length))}_${gate}`.slice(0, 63);
}

/**
 * At synth: completes the gate's scopes, rewrites references between gated resources to `[0]`,
 * outputs to `try(...[0]..., null)`, and refuses an ungated resource that references a gated one
 * (it would fail the first plan: "Because x has count set, its attributes must be accessed on
 * specific instances").
 */
class GateAspect implements IAspect {
  private done = false;

  constructor(private readonly gate: LifecycleGate) {}

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stack = node as TerraformStack;
    // Every gate of the stack reads the bodies of every resource: resolved once per synth and
    // shared (a rewrite below forgets the body it changed).
    startResolvedBodies(stack, this);
    if (this.done) return;
    this.done = true;
    this.gate._collectScopes();
    const gated = this.gate._guarded();
    if (gated.length === 0) return;
    const all = LifecycleGate.allOf(stack);
    const gateOf = (r: TerraformResource) => all.find((g) => g.isGuarding(r));
    const addresses = gated.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`);
    const pattern = new RegExp(`(^|[^A-Za-z0-9_.\\[])(${addresses.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.`, 'g');
    for (const child of stack.node.findAll()) {
      if (child instanceof TerraformResource) {
        const body = resolvedResourceBody(stack, child);
        const refs = findRefs(body, pattern);
        if (refs.length === 0) continue;
        const own = gateOf(child);
        const problems = new ProblemCollector(child);
        for (const ref of refs) {
          const target = gated[addresses.indexOf(ref.address)];
          if (own === undefined || own !== gateOf(target)) {
            problems.add(GATE_REFERENCE, ref.path || 'body', ref.address, `${child.terraformResourceType}.${child.friendlyUniqueId} references ${ref.address}, which is behind gate ${this.gate.name}, but is ${own ? `behind gate ${own.name}` : 'not behind it'}`, `put it behind gate ${this.gate.name} too, or reference an ungated resource`);
            continue;
          }
          child.addOverride(ref.path, ref.value.replace(pattern, (_m, pre, addr) => `${pre}${addr}[0].`));
          forgetResolvedBody(child);
        }
        problems.throwIfAny();
      } else if (child instanceof TerraformOutput) {
        const value = resolveExpression(stack, (child.toTerraform() as any).output?.[child.friendlyUniqueId]?.value);
        if (typeof value === 'string' && pattern.test(value)) {
          pattern.lastIndex = 0;
          const inner = value.replace(/^\$\{/, '').replace(/\}$/, '').replace(pattern, (_m, pre, addr) => `${pre}${addr}[0].`);
          child.addOverride('value', `\${try(${inner}, null)}`);
        }
        pattern.lastIndex = 0;
      }
    }
  }
}

interface Ref {
  readonly path: string;
  readonly value: string;
  readonly address: string;
}

/** Every string in `body` that references a gated address, with its override path. */
function findRefs(body: unknown, pattern: RegExp, path = ''): Ref[] {
  if (typeof body === 'string') {
    pattern.lastIndex = 0;
    const m = pattern.exec(body);
    pattern.lastIndex = 0;
    return m ? [{ path, value: body, address: m[2] }] : [];
  }
  if (Array.isArray(body)) return body.flatMap((v, i) => findRefs(v, pattern, path ? `${path}.${i}` : String(i)));
  if (body !== null && typeof body === 'object') {
    return Object.entries(body as Record<string, unknown>)
      .filter(([k]) => k !== 'count' && k !== '//' && k !== 'depends_on' && k !== 'lifecycle')
      .flatMap(([k, v]) => findRefs(v, pattern, path ? `${path}.${k}` : k));
  }
  return [];
}
