import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

const TM_DOC = `${AD} articles/traffic-manager/traffic-manager-monitoring.md`;
const TM_ROUTING = `${AD} articles/traffic-manager/traffic-manager-routing-methods.md`;
const HC_DOC = `${AD} articles/app-service/app-service-hybrid-connections.md`;

// Rules of the hybrid app patterns (cross-cloud scaling, App Service Hybrid Connections).
// Ids are stable: users suppress by id.
export const APPS_RULES: Record<string, RuleEntry> = {
  // Traffic Manager (cross-cloud scaling)
  'APP-TM-PROBE-INTERVAL': [RuleLevel.ERROR, 'The Traffic Manager probe interval is 10 (fast probing) or 30 seconds', `${TF} traffic_manager_profile_resource.go`],
  'APP-TM-PROBE-TIMEOUT': [RuleLevel.ERROR, 'The Traffic Manager probe timeout is 5-10 seconds, and 5-9 seconds with a 10-second interval', `${TF} traffic_manager_profile_resource.go; ${TM_DOC}`],
  'APP-TM-PROBE-FAILURES': [RuleLevel.ERROR, 'Tolerated probe failures are 0-9', `${TF} traffic_manager_profile_resource.go`],
  'APP-TM-PROBE-PATH': [RuleLevel.ERROR, 'The probe path is required for HTTP and HTTPS probes (starting with /) and forbidden for TCP probes', `${TF} traffic_manager_profile_resource.go`],
  'APP-TM-PROBE-PORT': [RuleLevel.ERROR, 'The probe port is 1-65535', `${TF} traffic_manager_profile_resource.go`],
  'APP-TM-TTL': [RuleLevel.ERROR, 'The profile DNS TTL is 0-2147483647 seconds', `${TF} traffic_manager_profile_resource.go`],
  'APP-TM-DNS-NAME': [RuleLevel.ERROR, 'The profile DNS relative name is a DNS label: 1-63 letters, digits and hyphens, starting and ending with a letter or digit (it becomes <name>.trafficmanager.net, globally unique)', `${AD} articles/traffic-manager/traffic-manager-manage-profiles.md`],
  'APP-TM-WEIGHT': [RuleLevel.ERROR, 'Endpoint weights are 1-1000', `${TF} traffic_manager_external_endpoint_resource.go`],
  'APP-TM-PRIORITY': [RuleLevel.ERROR, 'Endpoint priorities are 1-1000 and unique within a profile', `${TF} traffic_manager_external_endpoint_resource.go; ${TM_ROUTING}`],
  'APP-TM-ENDPOINT-LOCATION': [RuleLevel.ERROR, 'External endpoints need endpoint_location (an Azure region) under Performance routing', `${TF} traffic_manager_external_endpoint.html.markdown`],
  'APP-TM-ENDPOINT-TARGET': [RuleLevel.ERROR, 'An external endpoint target is a fully qualified DNS name or an IP address (no scheme, path or port)', `${TF} traffic_manager_external_endpoint.html.markdown`],
  'APP-TM-ENDPOINT-DUPLICATE': [RuleLevel.ERROR, 'Endpoint names are unique within a Traffic Manager profile, across Azure, external and nested endpoints', `${AD} articles/traffic-manager/traffic-manager-endpoint-types.md`],
  'APP-TM-MULTIVALUE': [RuleLevel.ERROR, 'MultiValue routing needs max_return 1-8 and only external endpoints given as IP addresses; max_return is only for MultiValue', `${TM_ROUTING}; ${TF} traffic_manager_profile.html.markdown`],
  // App Service Hybrid Connections
  'APP-HC-HOST': [RuleLevel.ERROR, 'A hybrid connection endpoint host is a DNS name as the app resolves it: not an IP address, not localhost, no scheme or port', HC_DOC],
  'APP-HC-PORT': [RuleLevel.ERROR, 'A hybrid connection endpoint port is a TCP port 1-65535', HC_DOC],
  'APP-HC-ENDPOINT-DUPLICATE': [RuleLevel.ERROR, 'Each hybrid connection of an app serves one distinct host:port', HC_DOC],
  'APP-HC-APP-TARGET': [RuleLevel.ERROR, 'A hybrid connection binds to exactly one web app or function app', `${TF} web_app_hybrid_connection.html.markdown`],
  'APP-HC-PLAN-TIER': [RuleLevel.ERROR, 'Hybrid Connections need a Basic, Standard, Premium or IsolatedV2 App Service plan; Free, Shared and Consumption plans have none', HC_DOC],
  'APP-HC-PLAN-LIMIT': [RuleLevel.ERROR, 'Hybrid connections per plan: Basic 5, Standard 25; Premium and IsolatedV2 220 per app', HC_DOC],
  'APP-HC-SECRET-OUTPUT': [RuleLevel.ERROR, 'Outputs carrying relay keys or connection strings must be sensitive', 'library secure default'],
  // Both
  'APP-DIAGNOSTICS-MISSING': [RuleLevel.WARNING, 'Traffic Manager profiles and relay namespaces should send their logs and metrics to Log Analytics', `${AD} articles/traffic-manager/traffic-manager-diagnostic-logs.md`],
};
