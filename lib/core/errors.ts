import * as path from 'path';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { isIpv4Address } from './cidr';
import { ARM_ID, ArmType, GUID } from './resource-ids';
import { isDnsName } from './dns';
import { regionProblem } from './regions';
import { Rule } from './rule';
import { disableTokenStackTraces } from './stack-traces';
import { NET_REGION, PROP_LITERAL, PROP_REQUIRED, PROP_TYPE } from './rules';
import { resolveExpression } from './tokens';

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
    // Node prints an uncaught error as its stack followed by its own enumerable properties (its
    // printer ignores `util.inspect.custom`): every field would repeat what the message says.
    // Non-enumerable, they are still read as before (`e.problems`, `e.ruleId`, jest's toMatchObject).
    for (const key of HIDDEN_FIELDS) Object.defineProperty(this, key, { enumerable: false });
    this.stack = withoutLibraryFrames(this.stack, `${this.name}: ${this.message}`);
  }

  /**
   * What `console.log(e)` and `util.inspect(e)` print for a caught ValidationError: the problem
   * lines once, without the stack. (An uncaught one is printed by Node with its stack, which starts
   * at the caller's line.)
   */
  public [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.name}: ${this.message}`;
  }

  private static format(problems: ValidationProblem[]): string {
    const lines = problems.map(formatProblem);
    return problems.length === 1 ? lines[0] : `${problems.length} problems:\n${lines.join('\n')}`;
  }
}

/** Fields of a ValidationError that Node's printer of an uncaught error would list after the message. */
const HIDDEN_FIELDS = ['name', 'problems', 'ruleId', 'constructPath', 'prop', 'value', 'fix'];

/** The folder of the library's modules (`lib`, or `dist` once compiled). */
const LIBRARY_ROOT = path.resolve(__dirname, '..') + path.sep;

/**
 * A ValidationError's stack without the library's own frames (the checks that found the problem,
 * which the rule id already names), so that its first frame is the caller's line. Frames of
 * cdktf and of the caller's code stay; the stack is left as it is when no other frame remains.
 */
function withoutLibraryFrames(stack: string | undefined, header: string): string | undefined {
  if (typeof stack !== 'string' || !stack.startsWith(`${header}\n`)) return stack;
  const frames = stack.slice(header.length + 1).split('\n');
  const kept = frames.filter((line) => !(/^\s+at /.test(line) && line.includes(LIBRARY_ROOT)));
  return kept.some((line) => /^\s+at /.test(line)) ? [header, ...kept].join('\n') : stack;
}

/** One problem as one line: `[RULE-ID] path: `prop` = value: detail. Fix: fix` (errors and warnings alike). */
export function formatProblem(p: ValidationProblem): string {
  return `[${p.ruleId}] ${p.constructPath}: \`${p.prop}\` = ${p.value}: ${p.detail}. Fix: ${p.fix}`;
}

const MAX_VALUE_TEXT = 200;

/**
 * Renders a prop value for an error message: strings quoted, tokens as their Terraform
 * expression (`${var.x}`, never `-8.1e+298` or `${TfToken[...]}`), everything else as JSON,
 * cut at 200 characters so a hostile value cannot flood the message.
 */
export function describeValue(value: unknown, scope?: IConstruct): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (scope !== undefined && Token.isUnresolved(value)) text = JSON.stringify(resolveExpression(scope, value));
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT)}... (${text.length} characters)` : text;
}

/** A secret's value for a message: its length only. */
export function maskedValue(value: unknown): string {
  return typeof value === 'string' ? `(literal, ${value.length} characters)` : '(secret)';
}

/** A kind of value in words: 'a list', 'an object', 'a string'. */
/** What a prop holds: a value of a JavaScript kind, or a construct (what `new X(...)` or `X.from...(...)` returned). */
type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'construct';

function kindText(kind: Kind): string {
  return kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : kind === 'construct' ? 'a construct' : `a ${kind}`;
}

/** A value to skip in a check: not given, or a token whose value is known only at apply. */
function unknownYet(value: unknown): boolean {
  return value === undefined || Token.isUnresolved(value);
}

/**
 * Collects the problems of one construct, so that the user sees all of them at once
 * (as Solutions Constructs do), then throws one `ValidationError`.
 */
export class ProblemCollector {
  private readonly problems: ValidationProblem[] = [];

  private readonly path: string;
  private readonly scope?: IConstruct;

  /** @param owner the construct whose props are checked, or a name for the place */
  constructor(owner: IConstruct | string) {
    // Every construct of the library checks its props first: the library's first step in a
    // program is the place to turn off cdktf's costly token stack traces (see stack-traces.ts).
    disableTokenStackTraces();
    this.path = typeof owner === 'string' ? owner : owner.node.path;
    this.scope = typeof owner === 'string' ? undefined : owner;
  }

  /** Records a problem with `prop` when `broken` is true. Returns `broken`. */
  public check(broken: boolean, rule: Rule, prop: string, value: unknown, detail: string, fix: string): boolean {
    if (broken) this.add(rule, prop, value, detail, fix);
    return broken;
  }

  public add(rule: Rule, prop: string, value: unknown, detail: string, fix: string): void {
    const problem: ValidationProblem = {
      ruleId: rule.id,
      constructPath: this.path,
      prop,
      value: rule.sensitive ? maskedValue(value) : describeValue(value, this.scope),
      detail,
      fix,
    };
    // The same problem twice (e.g. `required` then `type` on one prop) is reported once.
    const same = (p: ValidationProblem) => p.ruleId === problem.ruleId && p.prop === problem.prop && p.value === problem.value && p.detail === problem.detail;
    if (!this.problems.some(same)) this.problems.push(problem);
  }

  // Typed checks. Each skips a value that is not given or is a token (known only at apply), so
  // that no caller writes its own `Token.isUnresolved` guard. Each returns true when it recorded
  // a problem.

  /**
   * A required prop (JavaScript callers have no compiler): present, not null, of the right kind.
   * `kind` 'string' also refuses an empty string.
   * @param fix how to give the value, naming the API (e.g. "use VpnGatewaySku.of('VpnGw2AZ')"); default: the kind
   */
  public required(prop: string, value: unknown, kind: Kind, fix?: string): boolean {
    if (value === undefined || value === null) {
      return this.check(true, PROP_REQUIRED, prop, value, `\`${prop}\` is required`, fix ?? `give \`${prop}\` (${kindText(kind)})`);
    }
    return this.type(prop, value, kind, fix);
  }

  /**
   * An optional prop, when given, is of the right kind (tokens pass where a string or number is asked).
   * @param fix how to give the value, naming the API; default: the kind
   */
  public type(prop: string, value: unknown, kind: Kind, fix?: string): boolean {
    if (value === undefined) return false;
    // A construct-typed prop (a hub, a circuit, a workspace...) given a plain object from JavaScript
    // would fail later on a missing member with a TypeError: it is refused here.
    const ok =
      kind === 'construct'
        ? Construct.isConstruct(value)
        : kind === 'array'
        ? Array.isArray(value) || Token.isUnresolved(value)
        : kind === 'object'
          ? value !== null && typeof value === 'object' && !Array.isArray(value)
          : kind === 'string'
            ? typeof value === 'string' && value.length > 0
            : typeof value === kind;
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : value === '' ? 'an empty string' : typeof value === 'object' ? (kind === 'construct' ? 'a plain object' : 'an object') : `a ${typeof value}`;
    return this.check(!ok, PROP_TYPE, prop, value, `\`${prop}\` must be ${kind === 'string' ? 'a non-empty string' : kindText(kind)}, got ${got}`, fix ?? (kind === 'construct' ? `pass what \`new ...\` or a \`from...\` method of the library returned (not an id or a plain object)` : `pass \`${prop}\` as ${kindText(kind)}`));
  }

  /** A whole number from `min` to `max` (NaN and Infinity are refused). */
  public integer(rule: Rule, prop: string, value: number | undefined, min: number, max: number, fix?: string): boolean {
    if (unknownYet(value)) return false;
    const broken = typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max;
    return this.check(broken, rule, prop, value, `\`${prop}\` is a whole number from ${min} to ${max}`, fix ?? `use a whole number from ${min} to ${max}`);
  }

  /** A finite number from `min` to `max`. */
  public number(rule: Rule, prop: string, value: number | undefined, min: number, max: number, fix?: string): boolean {
    if (unknownYet(value)) return false;
    const broken = typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max;
    return this.check(broken, rule, prop, value, `\`${prop}\` is a number from ${min} to ${max}`, fix ?? `use a number from ${min} to ${max}`);
  }

  /** One of the allowed values. */
  public oneOf<T>(rule: Rule, prop: string, value: T | undefined, allowed: readonly T[], fix?: string): boolean {
    if (unknownYet(value)) return false;
    return this.check(!allowed.includes(value as T), rule, prop, value, `\`${prop}\` must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, fix ?? `use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }

  /** An IPv4 address (dotted, no prefix). */
  public ipv4(rule: Rule, prop: string, value: string | undefined, fix?: string): boolean {
    if (unknownYet(value)) return false;
    return this.check(typeof value !== 'string' || !isIpv4Address(value), rule, prop, value, 'not an IPv4 address', fix ?? 'use a dotted IPv4 address such as 203.0.113.10');
  }

  /** The full Azure resource id of a resource of `type`. */
  public resourceId(rule: Rule, prop: string, value: string | undefined, type: ArmType, fix?: string): boolean {
    if (unknownYet(value)) return false;
    const { pattern, example } = ARM_ID[type];
    return this.check(typeof value !== 'string' || !pattern.test(value), rule, prop, value, `not the resource id of a ${type}`, fix ?? `use ${example}, or a reference to the resource's \`id\``);
  }

  /** A DNS host name (`fullyQualified`: two labels or more). */
  public dnsName(rule: Rule, prop: string, value: string | undefined, fullyQualified: boolean, fix?: string): boolean {
    if (unknownYet(value)) return false;
    return this.check(typeof value !== 'string' || !isDnsName(value, fullyQualified), rule, prop, value, fullyQualified ? 'not a fully qualified DNS name' : 'not a DNS name', fix ?? 'use labels of letters, digits and "-" separated by dots, such as vpn.contoso.com');
  }

  /** A GUID (object ids, tenant ids, subscription ids). */
  public guid(rule: Rule, prop: string, value: string | undefined, fix?: string): boolean {
    if (unknownYet(value)) return false;
    return this.check(typeof value !== 'string' || !GUID.test(value), rule, prop, value, 'not a GUID', fix ?? 'use the id as 8-4-4-4-12 hexadecimal digits, e.g. from `az ad sp show --id <app> --query id -o tsv`');
  }

  /**
   * An Azure region in its canonical form (`westeurope`), rule NET-REGION, with a "did you mean":
   * `West Europe` and `westeurop` -> `westeurope`. The one region check of every construct that
   * takes a location (one rule id, so that one form flows between constructs).
   */
  public region(prop: string, value: string | undefined): boolean {
    // A value of the wrong kind is PROP-TYPE (the same problem `required(prop, v, 'string')` records, kept once).
    if (unknownYet(value)) return false;
    if (this.type(prop, value, 'string')) return true;
    const problem = regionProblem(value, true);
    return this.check(problem !== undefined, NET_REGION, prop, value, problem?.detail ?? '', problem?.fix ?? '');
  }

  /**
   * A value that must be known at synth, not a token: it decides how many resources exist or
   * what the library builds. Returns true when a token was given.
   */
  public literal(prop: string, value: unknown, why: string): boolean {
    return this.check(value !== undefined && Token.isUnresolved(value), PROP_LITERAL, prop, value, `\`${prop}\` must be known at synth, not a Terraform expression: ${why}`, `give \`${prop}\` as a literal value`);
  }

  public get count(): number {
    return this.problems.length;
  }

  /** Throws one `ValidationError` with every problem recorded, if any. */
  public throwIfAny(): void {
    if (this.problems.length > 0) throw new ValidationError([...this.problems]);
  }
}
