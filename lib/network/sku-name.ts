import { ProblemCollector } from '../core/errors';
import { PROP_REQUIRED, PROP_TYPE } from '../core/rules';

/**
 * A gateway SKU object names its SKU: from JavaScript `VpnGatewaySku.of(undefined)` or `of(42)`
 * builds one that does not (PROP-REQUIRED / PROP-TYPE on `sku`, not a TypeError further on or a
 * gateway without `sku`).
 *
 * @param factory the SKU class, e.g. `VpnGatewaySku`
 * @param example a SKU name and a member, e.g. `['VpnGw2AZ', 'VPN_GW2_AZ']`
 */
export function checkSkuName(problems: ProblemCollector, sku: { readonly name: unknown } | undefined, factory: string, example: [string, string]): void {
  if (sku === undefined || sku === null || typeof sku !== 'object') return;
  const fix = `use ${factory}.of('${example[0]}') with a SKU name, or a member such as ${factory}.${example[1]}`;
  const name: unknown = sku.name;
  if (name === undefined || name === null) {
    problems.add(PROP_REQUIRED, 'sku', name, `\`sku\` names no SKU: ${factory}.of() was given no name`, fix);
  } else if (typeof name !== 'string' || name === '') {
    problems.add(PROP_TYPE, 'sku', name, `\`sku\` names its SKU by a non-empty string, got ${name === '' ? 'an empty string' : `a ${typeof name}`}`, fix);
  }
}
