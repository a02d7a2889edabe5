import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { hasLiteralPart, literalParts, LocalLookup } from './expressions';

/**
 * Resolves tokens to their Terraform expression (`${azurerm_subnet.x.id}`), so that two
 * references to the same attribute compare equal however they were obtained.
 */
export function resolveExpression(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/**
 * A value as text for the runbook: literals as they are, tokens as their Terraform expression
 * (`${var.device_address}`) instead of the placeholder `${TfToken[TOKEN.11]}` or a huge number.
 */
export function displayValue(scope: IConstruct, value: unknown): string {
  if (value === undefined) return '';
  return Token.isUnresolved(value) ? String(resolveExpression(scope, value)) : String(value);
}

/**
 * A resource's body as it will be synthesized, escape-hatch overrides included: what checks of
 * the final resource (`node.addValidation`) read.
 */
export function synthesizedBody(resource: TerraformResource): Record<string, any> {
  const byName = (resource.toTerraform() as { resource?: Record<string, Record<string, Record<string, any>>> }).resource?.[resource.terraformResourceType];
  return byName?.[resource.friendlyUniqueId] ?? {};
}

/**
 * True for a string with a literal part (`lib/core/expressions.ts`): text outside `${...}`
 * (`abc${var.x}`, `${var.a}abc${var.b}`), a quoted string inside an expression
 * (`${"abc"}`, `${lower("abc")}`), a bare number. A cdktf token is resolved first when `scope`
 * is given (so `Fn.lower('abc')`, `Fn.rawString('abc')` and `Lazy` values are seen as what they
 * become); without a scope a token counts as not literal: check the final body at synth.
 * `locals` follows `local.x` references to their values.
 */
export function isLiteralString(value: unknown, scope?: IConstruct, locals?: LocalLookup): value is string {
  let v = value;
  if (Token.isUnresolved(v)) {
    if (scope === undefined) return false;
    v = resolveExpression(scope, v);
  }
  return typeof v === 'string' && hasLiteralPart(v, locals);
}

/** Where a secret check finds the stack's locals and variables (a rule's context has both). */
export interface SecretSources {
  /** The stack's locals, name -> value as written in cdk.tf.json. */
  locals(): Record<string, unknown>;
  /** The stack's variables, name -> body (`default` is read). */
  variables(): Record<string, Record<string, any>>;
}

/** How a literal reaches a secret argument. */
export interface LiteralSecret {
  /**
   * The references followed to it, outermost first (`local.psk`, `var.psk`): empty when the literal
   * is written in the value itself (text, a quoted string or a number in an expression).
   */
  readonly via: readonly string[];
  /** The variable whose literal default it is, when it is one. */
  readonly variableDefault?: string;
}

// `local.<name>` or `var.<name>`; the attribute path after it (`.a.b`, `[0]`) is read one part at
// a time (PATH_PART, sticky). Linear: no quantifier nested under another.
const SECRET_REFERENCE = /(^|[^A-Za-z0-9_.])(local|var)\.([A-Za-z_][A-Za-z0-9_-]*)/g;
const PATH_PART = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[([0-9]+)\]/y;
const MAX_SECRET_DEPTH = 20;

/**
 * Whether a secret argument's value (as in cdk.tf.json) puts a literal into the configuration,
 * and how: written in it (`isLiteralString`'s test), or through the stack's locals (`local.x`,
 * nested, concatenated or inside a function call: the local's value is looked at the same way)
 * or a variable with a literal default (`var.x` with `default = "..."`: Terraform uses it when
 * no value is given, so the key is in the JSON). Undefined when the value has no literal.
 * `sources` is read only when the value refers to a local or variable.
 */
export function literalSecret(value: unknown, sources?: SecretSources): LiteralSecret | undefined {
  let locals: Record<string, unknown> | undefined;
  let variables: Record<string, Record<string, any>> | undefined;
  // Each local is looked at once (a loop of locals, which Terraform refuses anyway, ends here).
  const seen = new Map<string, LiteralSecret | undefined>();
  const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  const visit = (v: unknown, depth: number): LiteralSecret | undefined => {
    if (v === undefined || v === null || depth > MAX_SECRET_DEPTH) return undefined;
    if (typeof v === 'number') return { via: [] };
    // A boolean is no key material: a local or variable that is one is a condition (`local.use_kv ? ... : ...`).
    if (typeof v === 'boolean') return depth === 0 ? { via: [] } : undefined;
    if (Array.isArray(v)) return first(v, depth + 1);
    if (typeof v === 'object') return first(Object.values(v), depth + 1);
    if (typeof v !== 'string') return undefined;
    if (literalParts(v).length > 0) return { via: [] };
    if (!sources || !/\b(local|var)\./.test(v)) return undefined;
    for (const m of v.matchAll(SECRET_REFERENCE)) {
      const [kind, name] = [m[2], m[3]];
      const path = pathAfter(v, m.index + m[0].length);
      if (kind === 'var') {
        variables ??= sources.variables();
        const body = own(variables, name) ? variables[name] : undefined;
        if (body && hasLiteralDefault(at(body.default, path))) return { via: [`var.${name}`], variableDefault: name };
        continue;
      }
      locals ??= sources.locals();
      if (!own(locals, name)) continue;
      const key = [name, ...path].join('.');
      if (!seen.has(key)) {
        seen.set(key, undefined);
        seen.set(key, visit(at(locals[name], path), depth + 1));
      }
      const found = seen.get(key);
      if (found) return { ...found, via: [`local.${name}`, ...found.via] };
    }
    return undefined;
  };
  const first = (list: unknown[], depth: number): LiteralSecret | undefined => {
    for (const item of list) {
      const found = visit(item, depth);
      if (found) return found;
    }
    return undefined;
  };
  return visit(value, 0);
}

/** The attribute path (`.a[0].b`) written at `i` in `text`, as its parts: names and list indexes. */
function pathAfter(text: string, i: number): (string | number)[] {
  const parts: (string | number)[] = [];
  PATH_PART.lastIndex = i;
  for (let m = PATH_PART.exec(text); m !== null; m = PATH_PART.exec(text)) parts.push(m[1] ?? Number(m[2]));
  return parts;
}

/** The part of an object or list value an attribute path names; the whole value when the path leaves it. */
function at(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return v;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A default that puts a value in the JSON: a non-empty string, a number, or a list or object holding one. */
function hasLiteralDefault(value: unknown): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return true;
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasLiteralDefault);
  return false;
}

/**
 * Resolved resource bodies of one stack during one synth, shared by the synth-time aspects of
 * the library (lifecycle gates, the provider settings, the reporter's final-body checks and
 * cross-resource index, the rule pack): each resource is resolved once per synth instead of
 * once per aspect, gate and rule.
 *
 * Validity: the aspects that change a resource body during synth say so (`forgetResolvedBody`:
 * gates setting `count` and rewriting references); everything else the library's aspects change
 * (tags, the `//` suppression record) no rule reads. A new synth starts from an empty cache:
 * every library aspect calls `startResolvedBodies` when it visits the stack, and the second
 * visit of one aspect means a new synth (aspects visit the stack node before any child, and a
 * stack's aspects run in the order they were added, so the oldest clears before anyone reads).
 * The runbook's synthesizer drops the cache after the stack is written.
 */
interface BodyCache {
  readonly visitors: Set<object>;
  readonly bodies: Map<TerraformResource, Record<string, any>>;
}

const BODY_CACHES = new WeakMap<TerraformStack, BodyCache>();

/** Called by a library aspect on visiting the stack node: a repeated visit starts a new synth. */
export function startResolvedBodies(stack: TerraformStack, aspect: object): void {
  const cache = BODY_CACHES.get(stack);
  if (cache && !cache.visitors.has(aspect)) {
    cache.visitors.add(aspect);
    return;
  }
  BODY_CACHES.set(stack, { visitors: new Set([aspect]), bodies: new Map() });
}

/** Drops the stack's resolved bodies (after the synth). */
export function dropResolvedBodies(stack: TerraformStack): void {
  BODY_CACHES.delete(stack);
}

/** Forgets one resource's resolved body after a change to it during synth. */
export function forgetResolvedBody(resource: TerraformResource): void {
  BODY_CACHES.get(TerraformStack.of(resource))?.bodies.delete(resource);
}

/**
 * The resource's body as synthesized (escape-hatch overrides included), tokens resolved to
 * Terraform expressions; from the synth's cache when inside one (see `startResolvedBodies`).
 * `fresh` resolves again and updates the cache (for a reader that runs after other aspects
 * visited the resource). Callers must not change the object returned.
 */
export function resolvedResourceBody(stack: TerraformStack, resource: TerraformResource, fresh = false): Record<string, any> {
  const cache = BODY_CACHES.get(stack);
  let body = fresh ? undefined : cache?.bodies.get(resource);
  if (body === undefined) {
    const json = resolveExpression(stack, resource.toTerraform()) as { resource?: Record<string, Record<string, Record<string, any>>> };
    body = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId] ?? {};
    cache?.bodies.set(resource, body);
  }
  return body;
}

/**
 * The resource's final body (escape-hatch overrides included) for one construct's final-body
 * checks: the resolved body when the synth's cache has it, else a read-only view that resolves
 * each top-level attribute the first time a check reads it. A check of one attribute (a
 * connection's `shared_key`) then resolves that attribute, not the whole body: the same values
 * (`resolve` of a body is the body of its resolved attributes, those resolving to undefined
 * left out), enumeration and JSON.stringify included (they resolve every attribute). Not put in
 * the cache, which holds whole bodies. Callers must not change the object returned.
 */
export function finalBody(stack: TerraformStack, resource: TerraformResource): Record<string, any> {
  const cached = BODY_CACHES.get(stack)?.bodies.get(resource);
  if (cached !== undefined) return cached;
  const raw = synthesizedBody(resource);
  const resolved = new Map<string, unknown>();
  const own = (key: string | symbol): key is string => typeof key === 'string' && Object.prototype.hasOwnProperty.call(raw, key);
  const value = (key: string): unknown => {
    if (!resolved.has(key)) resolved.set(key, resolveExpression(stack, raw[key]));
    return resolved.get(key);
  };
  const present = (key: string | symbol): key is string => own(key) && value(key) !== undefined;
  return new Proxy({} as Record<string, any>, {
    get: (target, key, receiver) => (own(key) ? value(key) : Reflect.get(target, key, receiver)),
    has: (target, key) => present(key) || Reflect.has(target, key),
    ownKeys: () => Object.keys(raw).filter(present),
    getOwnPropertyDescriptor: (_target, key) => (present(key) ? { value: value(key), writable: true, enumerable: true, configurable: true } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
