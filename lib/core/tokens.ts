import { DefaultTokenResolver, StringConcat, TerraformResource, Token, Tokenization } from 'cdktf';
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
