// Azure regions, canonical (lowercase, no spaces) names. No package on the npm registry ships a
// maintained list: the Azure SDKs (@azure/arm-resources-subscriptions) ask the live API
// (`Subscriptions.listLocations`), and the provider only normalises a name (lowercase, spaces
// removed: hashicorp/go-azure-helpers resourcemanager/location.Normalize) without a list. So the
// list is kept here, from `az account list-locations --query "[?metadata.regionType=='Physical'].name"`
// (public cloud) and MicrosoftDocs/azure-docs articles/reliability/regions-list.md; sovereign
// clouds from their own list-locations. Update it when Azure opens a region.
// Display names ("West Europe") are accepted by isAzureRegion (Azure and the provider normalise
// them), and refused by the constructs (regionProblem with canonical = true; rule NET-REGION).
const REGIONS = new Set([
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral', 'brazilsouth', 'brazilsoutheast',
  'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'centraluseuap', 'chilecentral', 'denmarkeast', 'eastasia', 'eastus', 'eastus2', 'eastus2euap',
  'francecentral', 'francesouth', 'germanynorth', 'germanywestcentral', 'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest',
  'jioindiacentral', 'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiawest', 'mexicocentral', 'newzealandnorth', 'northcentralus', 'northeurope',
  'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral', 'southafricanorth', 'southafricawest', 'southcentralus', 'southeastasia', 'southindia',
  'spaincentral', 'swedencentral', 'swedensouth', 'switzerlandnorth', 'switzerlandwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus',
  'westeurope', 'westindia', 'westus', 'westus2', 'westus3',
  // Sovereign clouds (Azure Government, Azure operated by 21Vianet).
  'usgovarizona', 'usgovtexas', 'usgovvirginia', 'usdodcentral', 'usdodeast', 'chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3',
]);

/** The canonical name of a region given as `westeurope` or `West Europe`. */
export function regionName(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

/** True for an Azure region name, in either spelling. */
export function isAzureRegion(value: string): boolean {
  return typeof value === 'string' && value.length <= 40 && REGIONS.has(regionName(value));
}

/** True for a region in its canonical form (`westeurope`), the form names and comparisons need. */
export function isCanonicalRegion(value: string): boolean {
  return typeof value === 'string' && REGIONS.has(value);
}

/**
 * The region a wrong name most likely means: its canonical form for a display name
 * (`West Europe` -> `westeurope`), else the nearest region by edit distance (at most 3 edits,
 * `westeurop` -> `westeurope`); undefined when nothing is near.
 */
export function suggestRegion(value: string): string | undefined {
  if (typeof value !== 'string' || value.length > 60) return undefined;
  const name = regionName(value);
  if (REGIONS.has(name)) return name;
  let best: string | undefined;
  let bestDistance = 4;
  for (const region of REGIONS) {
    const d = editDistance(name, region, bestDistance);
    if (d < bestDistance) {
      best = region;
      bestDistance = d;
    }
  }
  return best;
}

/** What is wrong with a location, and the fix. */
export interface RegionProblem {
  readonly detail: string;
  readonly fix: string;
}

/**
 * What is wrong with a literal location, or undefined when it is a region: in its canonical form
 * when `canonical` (what the constructs need), in either spelling otherwise (what Azure takes).
 * The detail says "did you mean" with the nearest region: `West Europe` and `westeurop` ->
 * `westeurope`. The one region check of the library (rule NET-REGION).
 */
export function regionProblem(value: unknown, canonical: boolean): RegionProblem | undefined {
  if (typeof value === 'string' && (canonical ? isCanonicalRegion(value) : isAzureRegion(value))) return undefined;
  const suggestion = typeof value === 'string' ? suggestRegion(value) : undefined;
  if (suggestion === undefined) {
    return {
      detail: 'not an Azure region name',
      fix: 'use a region name such as westeurope (`az account list-locations --query "[].name" -o tsv`); for a region newer than this library\'s list, pass the location as a Terraform variable',
    };
  }
  const spelling = regionName(value as string) === suggestion;
  return {
    detail: spelling
      ? `another spelling of the region ${suggestion}: the library takes its canonical name (names and region comparisons are derived from it); did you mean \`${suggestion}\`?`
      : `not an Azure region name; did you mean \`${suggestion}\`?`,
    fix: `use '${suggestion}'`,
  };
}

/** Levenshtein distance, stopping early once every entry of a row is at least `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
