import { Token } from 'cdktf';
import { NET_REGION } from './rules';
import { ProblemCollector } from '../core/errors';
import { isCanonicalRegion, suggestRegion } from '../core/regions';

/**
 * A literal location must be a canonical Azure region name (NET-REGION), with a "did you mean":
 * `West Europe` -> `westeurope`, `westeurop` -> `westeurope`. Expressions pass through.
 */
export function checkRegion(problems: ProblemCollector, prop: string, value: string | undefined): boolean {
  if (value === undefined || Token.isUnresolved(value) || (typeof value === 'string' && isCanonicalRegion(value))) return false;
  const suggestion = suggestRegion(value);
  return problems.check(
    true,
    NET_REGION,
    prop,
    value,
    suggestion ? `not a canonical Azure region name; did you mean \`${suggestion}\`?` : 'not an Azure region name',
    suggestion ? `use '${suggestion}'` : 'use a region name such as westeurope (`az account list-locations --query "[].name" -o tsv`)',
  );
}
