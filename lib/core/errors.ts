import { IConstruct } from 'constructs';

/**
 * One broken rule found in a construct's props.
 */
export interface ValidationProblem {
  /** Rule id from the catalogue, e.g. `NET-GWSUBNET-SIZE`. */
  readonly ruleId: string;
  /** Path of the construct whose props broke the rule. */
  readonly constructPath: string;
  /** The prop that carries the bad value, e.g. `gatewaySubnetPrefix`. */
  readonly prop: string;
  /** The bad value, as text. */
  readonly value: string;
  /** What is wrong, in Azure's own words. */
  readonly detail: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Recognises the library's validation errors from any language (jsii cannot export a subclass of
 * the built-in `Error`; TypeScript users can also import `ValidationError` from
 * `cdktf-azure-hybrid/dist/core/errors`).
 */
export class ValidationErrors {
  /** True when `error` is a `ValidationError` thrown by this library. */
  public static isValidationError(error: any): boolean {
    return error instanceof Error && (error as { name?: string }).name === 'ValidationError' && Array.isArray((error as { problems?: unknown }).problems);
  }

  /** The problems a validation error carries (empty for any other error). */
  public static problemsOf(error: any): ValidationProblem[] {
    return ValidationErrors.isValidationError(error) ? [...(error as ValidationError).problems] : [];
  }

  private constructor() {}
}

/**
 * Thrown at synth (construction) time when props break an Azure rule.
 *
 * The message lists every problem of the construct, one per line, each naming the rule id,
 * construct path, prop, value and a fix. `problems` carries the same data for programs.
 */
export class ValidationError extends Error {
  /** Every problem found; at least one. */
  public readonly problems: ValidationProblem[];
  /** Rule id of the first problem. */
  public readonly ruleId: string;
  /** Construct path of the first problem. */
  public readonly constructPath: string;
  /** Prop of the first problem. */
  public readonly prop: string;
  /** Value of the first problem, as text. */
  public readonly value: string;
  /** Fix of the first problem. */
  public readonly fix: string;

  constructor(problems: ValidationProblem[]) {
    super(ValidationError.format(problems));
    if (problems.length === 0) {
      throw new Error('ValidationError needs at least one problem');
    }
    this.name = 'ValidationError';
    this.problems = problems;
    this.ruleId = problems[0].ruleId;
    this.constructPath = problems[0].constructPath;
    this.prop = problems[0].prop;
    this.value = problems[0].value;
    this.fix = problems[0].fix;
    Object.setPrototypeOf(this, ValidationError.prototype);
  }

  private static format(problems: ValidationProblem[]): string {
    const lines = problems.map(
      (p) => `[${p.ruleId}] ${p.constructPath}: \`${p.prop}\` = ${p.value}: ${p.detail}. Fix: ${p.fix}`,
    );
    return problems.length === 1 ? lines[0] : `${problems.length} problems:\n${lines.join('\n')}`;
  }
}

/** Renders a prop value for an error message: strings quoted, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Collects the problems of one construct, so that the user sees all of them at once
 * (as Solutions Constructs do), then throws one `ValidationError`.
 */
export class ProblemCollector {
  private readonly problems: ValidationProblem[] = [];

  private readonly path: string;

  /** @param owner the construct whose props are checked, or a name for the place */
  constructor(owner: IConstruct | string) {
    this.path = typeof owner === 'string' ? owner : owner.node.path;
  }

  /** Records a problem with `prop` when `broken` is true. Returns `broken`. */
  public check(broken: boolean, ruleId: string, prop: string, value: unknown, detail: string, fix: string): boolean {
    if (broken) this.add(ruleId, prop, value, detail, fix);
    return broken;
  }

  public add(ruleId: string, prop: string, value: unknown, detail: string, fix: string): void {
    this.problems.push({
      ruleId,
      constructPath: this.path,
      prop,
      value: describeValue(value),
      detail,
      fix,
    });
  }

  public get count(): number {
    return this.problems.length;
  }

  /** Throws one `ValidationError` with every problem recorded, if any. */
  public throwIfAny(): void {
    if (this.problems.length > 0) throw new ValidationError([...this.problems]);
  }
}
