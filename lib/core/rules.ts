import { NETWORK_RULES } from '../network/rules';
import { MANAGEMENT_RULES } from '../management/rules';
import { APPS_RULES } from '../apps/rules';
import { STORAGE_RULES } from '../storage/rules';
import { RESILIENCY_RULES } from '../resiliency/rules';
import { CHECK_RULES } from '../checks/rules';
import { AD, RuleEntry, RuleLevel, TF } from './rule-entry';

export { RuleLevel };

/**
 * One Azure rule as the library knows it: constructs cite it when they refuse a prop, the
 * policy rule pack cites it when it finds a resource breaking it.
 */
export interface RuleInfo {
  /** Stable id, e.g. `NET-GWSUBNET-SIZE`. */
  readonly id: string;
  /** What the rule says. */
  readonly description: string;
  /** Error or warning. */
  readonly level: RuleLevel;
  /** Where the rule comes from (Azure docs or provider source). */
  readonly source: string;
}


// id -> [level, description, source]. Keep ids stable: users suppress rules by id.
const CATALOGUE: Record<string, RuleEntry> = {
  ...NETWORK_RULES,
  ...MANAGEMENT_RULES,
  ...APPS_RULES,
  ...STORAGE_RULES,
  ...RESILIENCY_RULES,
  ...CHECK_RULES,
  // Naming and address plans
  'NAME-INVALID': [RuleLevel.ERROR, "A resource name must satisfy Azure's length and character rules for its type", `${AD} azure-resource-manager/management/resource-name-rules.md`],
  'NAME-DUPLICATE': [RuleLevel.ERROR, 'An id or name given to an add method must be unique in its parent: it keys a construct (and often the Azure resource name, unique in its scope)', `library API; ${AD} azure-resource-manager/management/resource-name-rules.md`],
  'NET-CIDR-INVALID': [RuleLevel.ERROR, 'An address prefix must be a valid IPv4 CIDR whose address is the network address', 'RFC 4632'],
  'NET-SUBNET-OUTSIDE': [RuleLevel.ERROR, "Every subnet must lie inside its virtual network's address space", `${AD} virtual-network/virtual-network-manage-subnet.md`],
  'NET-SUBNET-OVERLAP': [RuleLevel.ERROR, 'Subnets of one virtual network must not overlap', `${AD} virtual-network/virtual-network-manage-subnet.md`],
  'NET-SUBNET-NO-SPACE': [RuleLevel.ERROR, 'A subnet to be carved needs a free range of its size in the address space', 'address plan'],
  'NET-SUBNET-DUPLICATE': [RuleLevel.ERROR, 'Subnet names must be unique in a virtual network', `${AD} virtual-network/virtual-network-manage-subnet.md`],
  'NET-ADDRESS-OVERLAP': [RuleLevel.ERROR, 'Address spaces of the hub, spokes and on-premises sites must not overlap, or routes are ambiguous', `${AD} vpn-gateway/vpn-gateway-about-vpn-gateway-settings.md`],
  // Diagnostics
  'DIAG-WORKSPACE-RETENTION': [RuleLevel.ERROR, 'Log Analytics retention must be 30-730 days', `${TF} log_analytics_workspace.html.markdown`],
  'DIAG-CATEGORY-UNKNOWN': [RuleLevel.ERROR, 'Diagnostic log categories must be ones the resource type emits', `${AD} azure-monitor/reference/supported-logs/`],
  'DIAG-GATEWAY-MISSING': [RuleLevel.WARNING, "A VPN or ExpressRoute gateway's logs and metrics should go to a Log Analytics workspace (pass one, or call sendDiagnosticsTo)", `${AD} vpn-gateway/monitor-vpn-gateway.md`],
  // Tags
  'TAG-INVALID': [RuleLevel.ERROR, 'Tag names are at most 512 characters (values 256) and cannot contain < > % & \\ ? /; at most 50 tags per resource', `${AD} azure-resource-manager/management/tag-resources.md`],
};

/**
 * The rule catalogue: every Azure rule the library enforces, by id.
 */
export class RuleCatalogue {
  /** Every rule, sorted by id. */
  public static all(): RuleInfo[] {
    return Object.keys(CATALOGUE)
      .sort()
      .map((id) => RuleCatalogue.get(id));
  }

  /** One rule by id; throws for an unknown id (a typo in a suppression, say). */
  public static get(id: string): RuleInfo {
    const entry = RuleCatalogue.has(id) ? CATALOGUE[id] : undefined;
    if (!entry) throw new Error(`Unknown rule id '${id}'. Known ids: ${Object.keys(CATALOGUE).sort().join(', ')}`);
    return { id, level: entry[0], description: entry[1], source: entry[2] };
  }

  /** True if the id is in the catalogue. */
  public static has(id: string): boolean {
    // Own keys only: `'toString' in CATALOGUE` is true.
    return Object.prototype.hasOwnProperty.call(CATALOGUE, id);
  }
}

