import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { hasLiteralPart, LocalLookup } from './expressions';

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
