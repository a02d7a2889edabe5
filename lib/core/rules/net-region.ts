import { regionProblem } from '../regions';
import { AD, defineRule, fails, isLiteral, RuleLevel, TF } from '../rule';

// Resources whose `location` is `global` rather than a region (action groups, activity log alerts, bots).
const GLOBAL = 'global';

/**
 * A location is an Azure region. The constructs ask for its canonical name (`ProblemCollector.region`);
 * the body check (the pack, on any azurerm resource) refuses only what is no region at all, since
 * Azure and the provider take a display name (`West Europe`) in hand-written Terraform.
 */
export const NET_REGION = defineRule({
  id: 'NET-REGION',
  level: RuleLevel.ERROR,
  description:
    'A location is an Azure region. The library\'s constructs take its canonical name (`westeurope`, not `West Europe`): names derived from it (NetworkWatcher_<region>) and region comparisons between constructs need one form, and it is the form Terraform keeps in the state. On any azurerm resource (the rule pack), a literal location that is no region (a typo such as `westeurop`) is refused, with the nearest region',
  source: `${AD} reliability/regions-list.md; az account list-locations --query "[].name" (the canonical names); ${TF} internal/location/schema.go (commonschema.Location with StateFunc and DiffSuppressFunc of hashicorp/go-azure-helpers resourcemanager/location: a display name is lowercased without spaces and stored canonical, so West Europe -> westeurope plans no change; any other string fails at apply)`,
  types: ['*'],
  check: (_type, body) => {
    const location = body.location;
    if (!isLiteral(location) || (typeof location === 'string' && location.toLowerCase() === GLOBAL)) return 'compliant';
    const problem = regionProblem(location, false);
    return problem ? fails('location', `location ${JSON.stringify(location)}: ${problem.detail}. Fix: ${problem.fix}, or suppress NET-REGION with the reason for a region newer than this library's list`) : 'compliant';
  },
});
