import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { APPI_WORKSPACE } from './appi-workspace';
import { ARC_EXT_NAMESPACE } from './arc-ext-namespace';
import { ARC_FLUX_DEPENDS } from './arc-flux-depends';
import { LAW_LOCAL_AUTH } from './law-local-auth';
import { AZURE_LOCAL_RULES } from './azure-local';

export { APPI_WORKSPACE, ARC_EXT_NAMESPACE, ARC_FLUX_DEPENDS, LAW_LOCAL_AUTH };

// Data collection rules (Azure Monitor Agent)
export const MON_DCR_KIND = defineRule({ id: 'MON-DCR-KIND', level: RuleLevel.ERROR, description: 'A data collection rule of kind Linux takes no windows_event_log data source, and one of kind Windows no syslog data source', source: `${TF} monitor_data_collection_rule.html.markdown` });
export const MON_DCR_SAMPLING = defineRule({ id: 'MON-DCR-SAMPLING', level: RuleLevel.ERROR, description: 'Performance counter sampling_frequency_in_seconds must be a whole number from 1 to 1800', source: `${TF} monitor_data_collection_rule.html.markdown` });
export const MON_DCR_INSIGHTS_METRICS = defineRule({ id: 'MON-DCR-INSIGHTS-METRICS', level: RuleLevel.ERROR, description: 'Counters sent to the Microsoft-InsightsMetrics stream (VM insights) must be sampled every 60 seconds exactly', source: `${TF} monitor_data_collection_rule.html.markdown` });
export const MON_DCR_EMPTY = defineRule({ id: 'MON-DCR-EMPTY', level: RuleLevel.ERROR, description: 'A data collection rule needs at least one data source (performance counters, Windows event log queries or syslog facilities)', source: `${TF} monitor_data_collection_rule.html.markdown` });
export const MON_MACHINE_ID = defineRule({ id: 'MON-MACHINE-ID', level: RuleLevel.ERROR, description: 'A machine to monitor is an Azure VM (Microsoft.Compute/virtualMachines) or an Arc-enabled server (Microsoft.HybridCompute/machines) given by its full resource id, under a unique name', source: `${AD} azure-monitor/agents/azure-monitor-agent-manage.md` });
export const MON_WORKSPACE_QUOTA = defineRule({ id: 'MON-WORKSPACE-QUOTA', level: RuleLevel.ERROR, description: 'A workspace daily cap is -1 (no cap) or a positive number of GB', source: `${TF} internal/services/loganalytics/log_analytics_workspace_resource.go (daily_quota_gb: FloatAtLeast(-1), default -1 = no cap); ${AD} articles/azure-monitor/logs/daily-cap.md` });
// Alerts and action groups
export const MON_ALERT_THRESHOLD = defineRule({ id: 'MON-ALERT-THRESHOLD', level: RuleLevel.ERROR, description: 'Alert thresholds must be in range: CPU 1-100 %, free disk 1-99 %, heartbeat 1-1440 minutes, failed locations 1 to the number of test locations, availability 1-100 %, BGP peer status 0-1', source: 'library' });
export const MON_WEBTEST_URL = defineRule({ id: 'MON-WEBTEST-URL', level: RuleLevel.ERROR, description: 'A standard availability test requests an absolute http(s) URL', source: `${AD} azure-monitor/app/availability-standard-tests.md` });
export const MON_WEBTEST_FREQUENCY = defineRule({ id: 'MON-WEBTEST-FREQUENCY', level: RuleLevel.ERROR, description: 'An availability test runs every 300, 600 or 900 seconds', source: `${TF} application_insights_standard_web_test.html.markdown` });
// VPN troubleshooting
export const GWD_BANDWIDTH_PERCENT = defineRule({ id: 'GWD-BANDWIDTH-PERCENT', level: RuleLevel.ERROR, description: 'The bandwidth alert threshold is a percentage (1-100) of the SKU aggregate throughput', source: 'library' });
export const GWD_SKU_THROUGHPUT = defineRule({ id: 'GWD-SKU-THROUGHPUT', level: RuleLevel.WARNING, description: "The gateway SKU's aggregate throughput is unknown, so no bandwidth alert can be built", source: `${AD} vpn-gateway/about-gateway-skus.md` });
export const GWD_MONITOR_ENDPOINT = defineRule({ id: 'GWD-MONITOR-ENDPOINT', level: RuleLevel.ERROR, description: 'A connection monitor test needs exactly one source (an Arc machine id or an on-premises address) and exactly one destination (an Azure VM id or an address)', source: `${TF} network_connection_monitor.html.markdown` });
export const GWD_MONITOR_PORT = defineRule({ id: 'GWD-MONITOR-PORT', level: RuleLevel.ERROR, description: 'A TCP connection monitor test port is 1-65535', source: `${TF} network_connection_monitor.html.markdown` });
export const GWD_FLOW_LOG = defineRule({ id: 'GWD-FLOW-LOG', level: RuleLevel.ERROR, description: 'A virtual network flow log keeps its files 0-365 days in a storage account, and traffic analytics runs every 10 or 60 minutes on a workspace whose id and region are known', source: `${TF} network_watcher_flow_log.html.markdown; ${AD} network-watcher/vnet-flow-logs-overview.md` });
export const GWD_NETWORK_WATCHER = defineRule({ id: 'GWD-NETWORK-WATCHER', level: RuleLevel.ERROR, description: 'Azure allows one Network Watcher per region and subscription and enables NetworkWatcher_<region> (resource group NetworkWatcherRG) with the first virtual network of the region: use that one (the default) or give another by id; create one only where automatic enablement is off, never both', source: `${AD} network-watcher/network-watcher-create.md; ${AD} network-watcher/network-watcher-overview.md` });
export const GWD_MONITOR_FREQUENCY = defineRule({ id: 'GWD-MONITOR-FREQUENCY', level: RuleLevel.ERROR, description: 'A connection monitor test runs every 30 to 1800 seconds', source: `${AD} network-watcher/connection-monitor-overview.md` });
// Arc-enabled Kubernetes
export const ARC_K8S_SOURCE = defineRule({ id: 'ARC-K8S-SOURCE', level: RuleLevel.ERROR, description: 'An Arc Kubernetes cluster is either an existing connected cluster (by id) or a new cluster resource with its agent public key, not both and not neither', source: `${AD} azure-arc/kubernetes/quickstart-connect-cluster.md` });
export const ARC_K8S_KEY = defineRule({ id: 'ARC-K8S-KEY', level: RuleLevel.ERROR, description: 'agent_public_key_certificate must be base64 (the DER public key, base64 encoded)', source: `${TF} arc_kubernetes_cluster_resource.go` });
export const ARC_K8S_CLUSTER_ID = defineRule({ id: 'ARC-K8S-CLUSTER-ID', level: RuleLevel.ERROR, description: 'An existing connected cluster id is a Microsoft.Kubernetes/connectedClusters resource id', source: `${TF} arc_kubernetes_cluster_extension_resource.go` });
export const ARC_FLUX_NAME = defineRule({ id: 'ARC-FLUX-NAME', level: RuleLevel.ERROR, description: 'A Flux configuration name, and each of its kustomization names, matches ^[a-z\\d]([-a-z\\d]{0,28}[a-z\\d])?$; a configuration has at least one kustomization', source: `${TF} internal/services/arckubernetes/validate/flux_configuration.go; arc_kubernetes_flux_configuration_resource.go (kustomizations: MinItems 1, name pattern)` });
export const ARC_FLUX_SOURCE = defineRule({ id: 'ARC-FLUX-SOURCE', level: RuleLevel.ERROR, description: 'A Flux configuration has exactly one source: git repository, bucket or blob storage', source: `${TF} arc_kubernetes_flux_configuration_resource.go` });
export const ARC_FLUX_URL = defineRule({ id: 'ARC-FLUX-URL', level: RuleLevel.ERROR, description: 'A Flux git URL starts with http://, https://, git@ or ssh://; a bucket URL with http:// or https://', source: `${TF} arc_kubernetes_flux_configuration_resource.go` });
export const ARC_FLUX_INTERVAL = defineRule({ id: 'ARC-FLUX-INTERVAL', level: RuleLevel.ERROR, description: 'Flux sync, retry and timeout intervals are 1-35791394 seconds', source: `${TF} arc_kubernetes_flux_configuration_resource.go` });
export const ARC_FLUX_DISABLED = defineRule({ id: 'ARC-FLUX-DISABLED', level: RuleLevel.ERROR, description: 'GitOps configurations need the microsoft.flux extension; it cannot be turned off while Flux configurations are added', source: `${AD} azure-arc/kubernetes/conceptual-gitops-flux2.md` });
// Arc-enabled servers
export const ARC_SRV_PRINCIPAL = defineRule({ id: 'ARC-SRV-PRINCIPAL', level: RuleLevel.ERROR, description: 'The onboarding principal id is the object id (a GUID) of a service principal or managed identity', source: `${AD} azure-arc/servers/onboard-service-principal.md` });
export const ARC_SRV_MONITORING = defineRule({ id: 'ARC-SRV-MONITORING', level: RuleLevel.ERROR, description: 'Machines listed for monitoring need a HybridMonitoring (its workspace and data collection rules)', source: `${AD} azure-monitor/agents/azure-monitor-agent-manage.md` });
// APPI-WORKSPACE: defined with its body check in ./appi-workspace.ts
// LAW-LOCAL-AUTH: defined with its body check in ./law-local-auth.ts

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const MANAGEMENT_RULES = [
  MON_DCR_KIND,
  MON_DCR_SAMPLING,
  MON_DCR_INSIGHTS_METRICS,
  MON_DCR_EMPTY,
  MON_MACHINE_ID,
  MON_ALERT_THRESHOLD,
  MON_WORKSPACE_QUOTA,
  MON_WEBTEST_URL,
  MON_WEBTEST_FREQUENCY,
  GWD_BANDWIDTH_PERCENT,
  GWD_SKU_THROUGHPUT,
  GWD_MONITOR_ENDPOINT,
  GWD_MONITOR_PORT,
  GWD_NETWORK_WATCHER,
  GWD_MONITOR_FREQUENCY,
  GWD_FLOW_LOG,
  ARC_K8S_SOURCE,
  ARC_K8S_KEY,
  ARC_K8S_CLUSTER_ID,
  ARC_EXT_NAMESPACE,
  ARC_FLUX_NAME,
  ARC_FLUX_SOURCE,
  ARC_FLUX_URL,
  ARC_FLUX_INTERVAL,
  ARC_FLUX_DEPENDS,
  ARC_FLUX_DISABLED,
  ARC_SRV_PRINCIPAL,
  ARC_SRV_MONITORING,
  APPI_WORKSPACE,
  LAW_LOCAL_AUTH,
  ...AZURE_LOCAL_RULES,
] as const;
