import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { trimSeparators } from '../../core/naming';

/**
 * Names of Virtual WAN resources the user did not name: `<abbreviation>-<path inside the stack>`,
 * Microsoft.Network rules (1-80 letters, digits, '_', '.', '-'). The core naming table has no
 * kinds for these types yet (vwan, vhub, vst, p2sgw, vpnsc, afw, afwp).
 */
export function vwanName(scope: IConstruct, abbreviation: string, qualifier?: string): string {
  const scopes = scope.node.scopes;
  const parts = scopes.slice(scopes.indexOf(TerraformStack.of(scope)) + 1).map((s) => s.node.id);
  if (qualifier) parts.push(qualifier);
  const clean = parts.join('-').replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/-+/g, '-');
  return trimSeparators(`${abbreviation}-${clean}`.slice(0, 80)).toLowerCase();
}
