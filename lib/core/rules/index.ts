import { AD, defineRule, RuleLevel, TF } from '../rule';
import { DIAG_MISSING } from './diag-missing';
import { NET_REGION } from './net-region';
import { SECRET_LITERAL } from './secret-literal';

export { DIAG_MISSING, NET_REGION, SECRET_LITERAL };

// Naming and address plans
export const NAME_INVALID = defineRule({ id: 'NAME-INVALID', level: RuleLevel.ERROR, description: "A resource name must satisfy Azure's length and character rules for its type", source: `${AD} azure-resource-manager/management/resource-name-rules.md` });
export const NAME_DUPLICATE = defineRule({ id: 'NAME-DUPLICATE', level: RuleLevel.ERROR, description: 'An id or name given to an add method must be unique in its parent: it keys a construct (and often the Azure resource name, unique in its scope)', source: `library API; ${AD} azure-resource-manager/management/resource-name-rules.md` });
export const NET_CIDR_INVALID = defineRule({ id: 'NET-CIDR-INVALID', level: RuleLevel.ERROR, description: 'An address prefix must be a valid IPv4 CIDR whose address is the network address', source: 'RFC 4632' });
export const NET_SUBNET_OUTSIDE = defineRule({ id: 'NET-SUBNET-OUTSIDE', level: RuleLevel.ERROR, description: "Every subnet must lie inside its virtual network's address space", source: `${AD} virtual-network/virtual-network-manage-subnet.md` });
export const NET_SUBNET_OVERLAP = defineRule({ id: 'NET-SUBNET-OVERLAP', level: RuleLevel.ERROR, description: 'Subnets of one virtual network must not overlap', source: `${AD} virtual-network/virtual-network-manage-subnet.md` });
export const NET_SUBNET_NO_SPACE = defineRule({ id: 'NET-SUBNET-NO-SPACE', level: RuleLevel.ERROR, description: 'A subnet to be carved needs a free range of its size in the address space', source: 'address plan' });
export const NET_SUBNET_DUPLICATE = defineRule({ id: 'NET-SUBNET-DUPLICATE', level: RuleLevel.ERROR, description: 'Subnet names must be unique in a virtual network', source: `${AD} virtual-network/virtual-network-manage-subnet.md` });
// NET-REGION: defined with its body check in ./net-region.ts
export const NET_ADDRESS_RESERVED = defineRule({ id: 'NET-ADDRESS-RESERVED', level: RuleLevel.ERROR, description: "A virtual network's address space cannot include 224.0.0.0/4 (multicast), 255.255.255.255/32 (broadcast), 127.0.0.0/8 (loopback), 169.254.0.0/16 (link-local) or 168.63.129.16/32 (Azure's internal DNS)", source: `${AD} virtual-network/virtual-networks-faq.md ("What address ranges can I use in my virtual networks?")` });
export const NET_DNS_SERVERS = defineRule({ id: 'NET-DNS-SERVERS', level: RuleLevel.ERROR, description: 'The DNS servers of a virtual network are IPv4 addresses, each once', source: `${AD} virtual-network/manage-virtual-network.md (change DNS servers)` });
export const NET_ADDRESS_OVERLAP = defineRule({ id: 'NET-ADDRESS-OVERLAP', level: RuleLevel.ERROR, description: 'Address spaces of the hub, spokes and on-premises sites must not overlap, or routes are ambiguous', source: `${AD} vpn-gateway/vpn-gateway-about-vpn-gateway-settings.md` });
// Diagnostics
export const DIAG_WORKSPACE_RETENTION = defineRule({ id: 'DIAG-WORKSPACE-RETENTION', level: RuleLevel.ERROR, description: 'Log Analytics retention must be 30-730 days', source: `${TF} log_analytics_workspace.html.markdown` });
export const DIAG_CATEGORY_UNKNOWN = defineRule({ id: 'DIAG-CATEGORY-UNKNOWN', level: RuleLevel.ERROR, description: 'Diagnostic log categories must be ones the resource type emits', source: `${AD} azure-monitor/reference/supported-logs/` });
// DIAG-GATEWAY-MISSING: now DIAG-MISSING (lib/core/rules/diag-missing.ts), which still honours suppressions by this id
// Props from JavaScript (no compiler) and props that must be literals
export const PROP_REQUIRED = defineRule({ id: 'PROP-REQUIRED', level: RuleLevel.ERROR, description: 'A required prop must be given (JavaScript callers have no compiler to say so)', source: 'library API' });
export const PROP_TYPE = defineRule({ id: 'PROP-TYPE', level: RuleLevel.ERROR, description: 'A prop must have the type its documentation gives: a string where a string is asked, a list where a list is asked', source: 'library API' });
export const PROP_LITERAL = defineRule({ id: 'PROP-LITERAL', level: RuleLevel.ERROR, description: 'A prop that decides how many resources exist, or what the library builds, must be known at synth: not a Terraform variable or reference', source: 'library API; Terraform count/for_each must be known at plan' });
// The cross-cutting contract of every resource (lib/core/azure-resource.ts)
export const CHK_SUPPRESSION = defineRule({ id: 'CHK-SUPPRESSION', level: RuleLevel.ERROR, description: 'A rule suppression names a rule id of the catalogue and gives a non-empty reason', source: 'library (cdk-nag NagSuppressions style)' });
export const ROLE_ASSIGNMENT = defineRule({ id: 'ROLE-ASSIGNMENT', level: RuleLevel.ERROR, description: 'A role assignment names its principal by object id (a GUID) and its role by name', source: `${AD} role-based-access-control/role-assignments-cli.md` });
export const LOCK_LEVEL = defineRule({ id: 'LOCK-LEVEL', level: RuleLevel.ERROR, description: 'A resource has at most one management lock, CanNotDelete or ReadOnly', source: `${AD} azure-resource-manager/management/lock-resources.md` });
export const PRIVATE_ENDPOINT = defineRule({ id: 'PRIVATE-ENDPOINT', level: RuleLevel.ERROR, description: 'A private endpoint connects to a resource that has private link, in a subnet given by id, and registers in the private DNS zone of its sub-resource', source: `${AD} private-link/private-endpoint-dns.md` });
// Lifecycle gates (lib/core/gates.ts)
export const GATE_NAME = defineRule({ id: 'GATE-NAME', level: RuleLevel.ERROR, description: 'A lifecycle gate is named like a Terraform variable (it is one): lowercase letters, digits and "_"', source: 'library API; Terraform variable naming' });
export const GATE_REFERENCE = defineRule({ id: 'GATE-REFERENCE', level: RuleLevel.ERROR, description: 'A resource that references a resource behind a lifecycle gate must be behind the same gate: the gated resource does not exist in phase 1', source: 'Terraform count semantics (resources with count are referenced by instance)' });
// Provider settings (lib/core/provider.ts)
export const PROVIDER_SUBSCRIPTION = defineRule({ id: 'PROVIDER-SUBSCRIPTION', level: RuleLevel.ERROR, description: 'azurerm 4.x needs a real subscription id (a GUID, not the zero placeholder), from the code, a variable or ARM_SUBSCRIPTION_ID', source: `${TF} website/docs/guides/4.0-upgrade-guide.html.markdown` });
// Alerts (lib/core/alerts.ts)
export const MON_WEBHOOK_SECRET = defineRule({ id: 'MON-WEBHOOK-SECRET', level: RuleLevel.ERROR, sensitive: true, description: 'A webhook URL that carries a credential (a signature or key in the query string such as sig= or code=, or a user:password) is a secret: pass it as a sensitive Terraform variable or Key Vault reference, never as a literal in the program', source: `${AD} articles/logic-apps/logic-apps-securing-a-logic-app.md (the request trigger URL's sig parameter is a shared access signature); ${AD} articles/azure-functions/function-keys-how-to.md (code= carries a function key)` });
export const MON_ACTION_RECEIVER = defineRule({ id: 'MON-ACTION-RECEIVER', level: RuleLevel.ERROR, description: 'Action group email receivers need an email address and webhook receivers an https URL', source: `${AD} azure-monitor/alerts/action-groups.md` });
export const MON_ACTION_GROUP_EMPTY = defineRule({ id: 'MON-ACTION-GROUP-EMPTY', level: RuleLevel.WARNING, description: 'Alerts without an action group notify nobody; give at least one email or webhook receiver', source: `${AD} azure-monitor/alerts/action-groups.md` });
export const MON_ALERT_SEVERITY = defineRule({ id: 'MON-ALERT-SEVERITY', level: RuleLevel.ERROR, description: 'Alert severity must be 0 (critical) to 4 (verbose)', source: `${TF} monitor_metric_alert.html.markdown` });
export const MON_ACTION_SHORT_NAME = defineRule({ id: 'MON-ACTION-SHORT-NAME', level: RuleLevel.ERROR, description: 'An action group short name is 1-12 characters (it is used in SMS and email subjects)', source: `${AD} azure-monitor/alerts/action-groups.md` });
// Tags
export const TAG_INVALID = defineRule({ id: 'TAG-INVALID', level: RuleLevel.ERROR, description: 'Tag names are at most 512 characters (values 256) and cannot contain < > % & \\ ? /; at most 50 tags per resource', source: `${AD} azure-resource-manager/management/tag-resources.md` });
// DIAG-MISSING: defined with its body check in ./diag-missing.ts

export const TAG_STACK_UNTAGGED = defineRule({ id: 'TAG-STACK-UNTAGGED', level: RuleLevel.ERROR, description: 'HybridTags.addTo(app) tags the stacks that exist when it is called; a stack created later would go untagged', source: 'library (cdktf 0.21 runs no aspect added to the App)' });
export const CHK_APP_ASPECT = defineRule({ id: 'CHK-APP-ASPECT', level: RuleLevel.WARNING, description: 'An aspect added to the App with Aspects.of(app).add is never run by cdktf 0.21: use HybridTags.addTo(app) / HybridChecks.addTo(app), or add it to each stack', source: 'cdktf 0.21 lib/synthesize/synthesizer.ts (invokeAspects starts at each stack)' });

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const CORE_RULES = [
  NAME_INVALID,
  NAME_DUPLICATE,
  NET_CIDR_INVALID,
  NET_SUBNET_OUTSIDE,
  NET_SUBNET_OVERLAP,
  NET_SUBNET_NO_SPACE,
  NET_SUBNET_DUPLICATE,
  NET_ADDRESS_OVERLAP,
  NET_ADDRESS_RESERVED,
  NET_DNS_SERVERS,
  NET_REGION,
  DIAG_WORKSPACE_RETENTION,
  DIAG_CATEGORY_UNKNOWN,
  PROP_REQUIRED,
  PROP_TYPE,
  PROP_LITERAL,
  CHK_SUPPRESSION,
  ROLE_ASSIGNMENT,
  LOCK_LEVEL,
  PRIVATE_ENDPOINT,
  GATE_NAME,
  GATE_REFERENCE,
  PROVIDER_SUBSCRIPTION,
  MON_ACTION_RECEIVER,
  MON_WEBHOOK_SECRET,
  MON_ACTION_GROUP_EMPTY,
  MON_ALERT_SEVERITY,
  MON_ACTION_SHORT_NAME,
  TAG_INVALID,
  TAG_STACK_UNTAGGED,
  CHK_APP_ASPECT,
  DIAG_MISSING,
  SECRET_LITERAL,
] as const;
