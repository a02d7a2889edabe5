import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { RELAY_CLIENT_AUTH } from './relay-client-auth';

const TM_DOC = `${AD} articles/traffic-manager/traffic-manager-monitoring.md`;
const TM_ROUTING = `${AD} articles/traffic-manager/traffic-manager-routing-methods.md`;
const HC_DOC = `${AD} articles/app-service/app-service-hybrid-connections.md`;

export { RELAY_CLIENT_AUTH };

// Traffic Manager (cross-cloud scaling)
export const APP_TM_PROBE_INTERVAL = defineRule({ id: 'APP-TM-PROBE-INTERVAL', level: RuleLevel.ERROR, description: 'The Traffic Manager probe interval is 10 (fast probing) or 30 seconds', source: `${TF} traffic_manager_profile_resource.go` });
export const APP_TM_PROBE_TIMEOUT = defineRule({ id: 'APP-TM-PROBE-TIMEOUT', level: RuleLevel.ERROR, description: 'The Traffic Manager probe timeout is 5-10 seconds, and 5-9 seconds with a 10-second interval', source: `${TF} traffic_manager_profile_resource.go; ${TM_DOC}` });
export const APP_TM_PROBE_FAILURES = defineRule({ id: 'APP-TM-PROBE-FAILURES', level: RuleLevel.ERROR, description: 'Tolerated probe failures are 0-9', source: `${TF} traffic_manager_profile_resource.go` });
export const APP_TM_PROBE_PATH = defineRule({ id: 'APP-TM-PROBE-PATH', level: RuleLevel.ERROR, description: 'The probe path is required for HTTP and HTTPS probes (starting with /) and forbidden for TCP probes', source: `${TF} traffic_manager_profile_resource.go` });
export const APP_TM_PROBE_PORT = defineRule({ id: 'APP-TM-PROBE-PORT', level: RuleLevel.ERROR, description: 'The probe port is 1-65535', source: `${TF} traffic_manager_profile_resource.go` });
export const APP_TM_TTL = defineRule({ id: 'APP-TM-TTL', level: RuleLevel.ERROR, description: 'The profile DNS TTL is 0-2147483647 seconds', source: `${TF} traffic_manager_profile_resource.go` });
export const APP_TM_DNS_NAME = defineRule({ id: 'APP-TM-DNS-NAME', level: RuleLevel.ERROR, description: 'The profile DNS relative name is a DNS label: 1-63 letters, digits and hyphens, starting and ending with a letter or digit (it becomes <name>.trafficmanager.net, globally unique)', source: `${AD} articles/traffic-manager/traffic-manager-manage-profiles.md` });
export const APP_TM_WEIGHT = defineRule({ id: 'APP-TM-WEIGHT', level: RuleLevel.ERROR, description: 'Endpoint weights are 1-1000', source: `${TF} traffic_manager_external_endpoint_resource.go` });
export const APP_TM_PRIORITY = defineRule({ id: 'APP-TM-PRIORITY', level: RuleLevel.ERROR, description: 'Endpoint priorities are 1-1000 and unique within a profile', source: `${TF} traffic_manager_external_endpoint_resource.go; ${TM_ROUTING}` });
export const APP_TM_ENDPOINT_LOCATION = defineRule({ id: 'APP-TM-ENDPOINT-LOCATION', level: RuleLevel.ERROR, description: 'External endpoints need endpoint_location (an Azure region) under Performance routing', source: `${TF} traffic_manager_external_endpoint.html.markdown` });
export const APP_TM_ENDPOINT_TARGET = defineRule({ id: 'APP-TM-ENDPOINT-TARGET', level: RuleLevel.ERROR, description: 'An external endpoint target is a fully qualified DNS name or an IP address (no scheme, path or port)', source: `${TF} traffic_manager_external_endpoint.html.markdown` });
export const APP_TM_ENDPOINT_DUPLICATE = defineRule({ id: 'APP-TM-ENDPOINT-DUPLICATE', level: RuleLevel.ERROR, description: 'Endpoint names are unique within a Traffic Manager profile, across Azure, external and nested endpoints', source: `${AD} articles/traffic-manager/traffic-manager-endpoint-types.md` });
export const APP_TM_ROUTING_METHOD = defineRule({ id: 'APP-TM-ROUTING-METHOD', level: RuleLevel.ERROR, description: 'The routing method is one the library builds: Priority, Weighted, Performance or MultiValue (Azure also has Geographic and Subnet, which need settings per endpoint the library does not write)', source: `${TF} internal/services/trafficmanager/traffic_manager_profile_resource.go (traffic_routing_method: StringInSlice); ${TM_ROUTING}` });
export const APP_TM_PROBE_PROTOCOL = defineRule({ id: 'APP-TM-PROBE-PROTOCOL', level: RuleLevel.ERROR, description: 'The health probe protocol is HTTP, HTTPS or TCP; expected status code ranges (HTTP and HTTPS only, at most eight) are "<from>-<to>" of HTTP status codes, 100 <= from <= to <= 599', source: `${TF} internal/services/trafficmanager/traffic_manager_profile_resource.go (protocol: StringInSlice) and validate/status_code_range.go; ${TM_DOC} (format 200-299, 301-301; at most eight ranges; HTTP and HTTPS only); RFC 9110 section 15 (status codes 1xx-5xx)` });
export const APP_TM_ENDPOINT_LIMIT = defineRule({ id: 'APP-TM-ENDPOINT-LIMIT', level: RuleLevel.ERROR, description: 'A Traffic Manager profile has at most 200 endpoints', source: `${AD} articles/azure-resource-manager/management/azure-subscription-service-limits.md (Traffic Manager limits: endpoints per profile 200)` });
export const APP_TM_MULTIVALUE = defineRule({ id: 'APP-TM-MULTIVALUE', level: RuleLevel.ERROR, description: 'MultiValue routing needs max_return 1-8 and only external endpoints given as IP addresses; max_return is only for MultiValue', source: `${TM_ROUTING}; ${TF} traffic_manager_profile.html.markdown` });
// App Service Hybrid Connections
export const APP_HC_HOST = defineRule({ id: 'APP-HC-HOST', level: RuleLevel.ERROR, description: 'A hybrid connection endpoint host is a DNS name as the app resolves it: not an IP address, not localhost, no scheme or port', source: HC_DOC });
export const APP_HC_PORT = defineRule({ id: 'APP-HC-PORT', level: RuleLevel.ERROR, description: 'A hybrid connection endpoint port is a TCP port 1-65535', source: HC_DOC });
export const APP_HC_ENDPOINT_DUPLICATE = defineRule({ id: 'APP-HC-ENDPOINT-DUPLICATE', level: RuleLevel.ERROR, description: 'Each hybrid connection of an app serves one distinct host:port', source: HC_DOC });
export const APP_HC_APP_TARGET = defineRule({ id: 'APP-HC-APP-TARGET', level: RuleLevel.ERROR, description: 'A hybrid connection binds to one web app or function app, given by its Microsoft.Web/sites resource id', source: `${TF} web_app_hybrid_connection.html.markdown` });
export const APP_HC_PLAN_TIER = defineRule({ id: 'APP-HC-PLAN-TIER', level: RuleLevel.ERROR, description: 'Hybrid Connections need a Basic, Standard, Premium or IsolatedV2 App Service plan; Free, Shared and Consumption plans have none', source: HC_DOC });
export const APP_HC_PLAN_LIMIT = defineRule({ id: 'APP-HC-PLAN-LIMIT', level: RuleLevel.ERROR, description: 'Hybrid connections per plan: Basic 5, Standard 25; Premium and IsolatedV2 220 per app', source: HC_DOC });
export const APP_HC_LISTENERS = defineRule({ id: 'APP-HC-LISTENERS', level: RuleLevel.ERROR, description: 'The listener alert expects 1-10 Hybrid Connection Managers per hybrid connection (two give high availability)', source: `${HC_DOC}; ${AD} azure-monitor/reference/supported-metrics/microsoft-relay-namespaces-metrics.md (ActiveListeners)` });
export const APP_HC_SECRET_OUTPUT = defineRule({ id: 'APP-HC-SECRET-OUTPUT', level: RuleLevel.ERROR, description: 'Outputs carrying relay keys or connection strings must be sensitive', source: 'library secure default' });
// Both
// APP-DIAGNOSTICS-MISSING: now DIAG-MISSING (lib/core/rules/diag-missing.ts), which still honours suppressions by this id
// RELAY-CLIENT-AUTH: defined with its body check in ./relay-client-auth.ts

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const APPS_RULES = [
  APP_TM_PROBE_INTERVAL,
  APP_TM_PROBE_TIMEOUT,
  APP_TM_PROBE_FAILURES,
  APP_TM_PROBE_PATH,
  APP_TM_PROBE_PORT,
  APP_TM_TTL,
  APP_TM_DNS_NAME,
  APP_TM_WEIGHT,
  APP_TM_PRIORITY,
  APP_TM_ENDPOINT_LOCATION,
  APP_TM_ENDPOINT_TARGET,
  APP_TM_ENDPOINT_DUPLICATE,
  APP_TM_MULTIVALUE,
  APP_TM_ROUTING_METHOD,
  APP_TM_PROBE_PROTOCOL,
  APP_TM_ENDPOINT_LIMIT,
  APP_HC_HOST,
  APP_HC_PORT,
  APP_HC_ENDPOINT_DUPLICATE,
  APP_HC_APP_TARGET,
  APP_HC_PLAN_TIER,
  APP_HC_PLAN_LIMIT,
  APP_HC_LISTENERS,
  APP_HC_SECRET_OUTPUT,
  RELAY_CLIENT_AUTH,
] as const;
