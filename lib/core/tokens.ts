import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Resolves tokens to their Terraform expression (`${azurerm_subnet.x.id}`), so that two
 * references to the same attribute compare equal however they were obtained.
 */
export function resolveExpression(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}
