import { DefaultTokenResolver, StringConcat, TerraformResource, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

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
 * True for a string with a literal part: anything but a token or one whole Terraform expression
 * (`${random_password.x.result}`). A secret like `abc${var.x}` keeps `abc` in the repository.
 */
export function isLiteralString(value: unknown): value is string {
  return typeof value === 'string' && !Token.isUnresolved(value) && !/^\$\{.*\}$/s.test(value);
}
