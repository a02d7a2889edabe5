import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { trimSeparators } from '../../core/naming';

/**
 * `<abbreviation>-<construct path in the stack>` for the hub's security and DNS resources (CAF
 * abbreviations: afw, afwp, bas, rt, ng, ddos, dnspr, in, out, dnsfrs), lower case, Microsoft.Network
 * name rules (letters, digits, '-', at most 80).
 */
export function hubResourceName(scope: IConstruct, abbreviation: string, qualifier?: string): string {
  const scopes = scope.node.scopes;
  const parts = scopes.slice(scopes.indexOf(TerraformStack.of(scope)) + 1).map((s) => s.node.id);
  if (qualifier) parts.push(qualifier);
  return trimSeparators(`${abbreviation}-${parts.join('-')}`.toLowerCase().replace(/[^a-z0-9_.-]/g, '-').replace(/-+/g, '-').slice(0, 80));
}
