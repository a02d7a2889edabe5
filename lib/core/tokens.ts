import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
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
