import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

// Rules of hybrid management: monitoring agents and DCRs, alerts, VPN troubleshooting, Azure Arc.
// Ids are stable: users suppress by id.
export const MANAGEMENT_RULES: Record<string, RuleEntry> = {
  // Data collection rules (Azure Monitor Agent)
  'MON-DCR-KIND': [RuleLevel.ERROR, 'A data collection rule of kind Linux takes no windows_event_log data source, and one of kind Windows no syslog data source', `${TF} monitor_data_collection_rule.html.markdown`],
  'MON-DCR-SAMPLING': [RuleLevel.ERROR, 'Performance counter sampling_frequency_in_seconds must be a whole number from 1 to 1800', `${TF} monitor_data_collection_rule.html.markdown`],
  'MON-DCR-INSIGHTS-METRICS': [RuleLevel.ERROR, 'Counters sent to the Microsoft-InsightsMetrics stream (VM insights) must be sampled every 60 seconds exactly', `${TF} monitor_data_collection_rule.html.markdown`],
  'MON-DCR-EMPTY': [RuleLevel.ERROR, 'A data collection rule needs at least one data source (performance counters, Windows event log queries or syslog facilities)', `${TF} monitor_data_collection_rule.html.markdown`],
  'MON-MACHINE-ID': [RuleLevel.ERROR, 'A machine to monitor is an Azure VM (Microsoft.Compute/virtualMachines) or an Arc-enabled server (Microsoft.HybridCompute/machines) given by its full resource id, under a unique name', `${AD} azure-monitor/agents/azure-monitor-agent-manage.md`],
  // Alerts and action groups
  'MON-ACTION-SHORT-NAME': [RuleLevel.ERROR, 'An action group short name is 1-12 characters (it is used in SMS and email subjects)', `${AD} azure-monitor/alerts/action-groups.md`],
  'MON-ACTION-RECEIVER': [RuleLevel.ERROR, 'Action group email receivers need an email address and webhook receivers an https URL', `${AD} azure-monitor/alerts/action-groups.md`],
  'MON-ACTION-GROUP-EMPTY': [RuleLevel.WARNING, 'Alerts without an action group notify nobody; give at least one email or webhook receiver', `${AD} azure-monitor/alerts/action-groups.md`],
  'MON-ALERT-SEVERITY': [RuleLevel.ERROR, 'Alert severity must be 0 (critical) to 4 (verbose)', `${TF} monitor_metric_alert.html.markdown`],
  'MON-ALERT-THRESHOLD': [RuleLevel.ERROR, 'Alert thresholds must be in range: CPU 1-100 %, free disk 1-99 %, heartbeat 1-1440 minutes, failed locations 1 to the number of test locations', 'library'],
  'MON-WEBTEST-URL': [RuleLevel.ERROR, 'A standard availability test requests an absolute http(s) URL', `${AD} azure-monitor/app/availability-standard-tests.md`],
  'MON-WEBTEST-FREQUENCY': [RuleLevel.ERROR, 'An availability test runs every 300, 600 or 900 seconds', `${TF} application_insights_standard_web_test.html.markdown`],
  // VPN troubleshooting
  'GWD-BANDWIDTH-PERCENT': [RuleLevel.ERROR, 'The bandwidth alert threshold is a percentage (1-100) of the SKU aggregate throughput', 'library'],
  'GWD-SKU-THROUGHPUT': [RuleLevel.WARNING, "The gateway SKU's aggregate throughput is unknown, so no bandwidth alert can be built", `${AD} vpn-gateway/about-gateway-skus.md`],
  'GWD-MONITOR-ENDPOINT': [RuleLevel.ERROR, 'A connection monitor test needs exactly one source (an Arc machine id or an on-premises address) and exactly one destination (an Azure VM id or an address)', `${TF} network_connection_monitor.html.markdown`],
  'GWD-MONITOR-PORT': [RuleLevel.ERROR, 'A TCP connection monitor test port is 1-65535', `${TF} network_connection_monitor.html.markdown`],
  'GWD-MONITOR-FREQUENCY': [RuleLevel.ERROR, 'A connection monitor test runs every 30 to 1800 seconds', `${AD} network-watcher/connection-monitor-overview.md`],
  // Arc-enabled Kubernetes
  'ARC-K8S-SOURCE': [RuleLevel.ERROR, 'An Arc Kubernetes cluster is either an existing connected cluster (by id) or a new cluster resource with its agent public key, not both and not neither', `${AD} azure-arc/kubernetes/quickstart-connect-cluster.md`],
  'ARC-K8S-NAME': [RuleLevel.ERROR, 'An Arc Kubernetes cluster name matches ^[-_a-zA-Z0-9]{1,260}$', `${TF} internal/services/arckubernetes/validate`],
  'ARC-K8S-KEY': [RuleLevel.ERROR, 'agent_public_key_certificate must be base64 (the DER public key, base64 encoded)', `${TF} arc_kubernetes_cluster_resource.go`],
  'ARC-K8S-CLUSTER-ID': [RuleLevel.ERROR, 'An existing connected cluster id is a Microsoft.Kubernetes/connectedClusters resource id', `${TF} arc_kubernetes_cluster_extension_resource.go`],
  'ARC-EXT-NAMESPACE': [RuleLevel.ERROR, 'A cluster extension takes release_namespace (cluster scope) or target_namespace (namespace scope), not both', `${TF} arc_kubernetes_cluster_extension_resource.go`],
  'ARC-FLUX-NAME': [RuleLevel.ERROR, 'A Flux configuration name matches ^[a-z\\d]([-a-z\\d]{0,28}[a-z\\d])?$', `${TF} internal/services/arckubernetes/validate/flux_configuration.go`],
  'ARC-FLUX-SOURCE': [RuleLevel.ERROR, 'A Flux configuration has exactly one source: git repository, bucket or blob storage', `${TF} arc_kubernetes_flux_configuration_resource.go`],
  'ARC-FLUX-URL': [RuleLevel.ERROR, 'A Flux git URL starts with http://, https://, git@ or ssh://; a bucket URL with http:// or https://', `${TF} arc_kubernetes_flux_configuration_resource.go`],
  'ARC-FLUX-INTERVAL': [RuleLevel.ERROR, 'Flux sync, retry and timeout intervals are 1-35791394 seconds', `${TF} arc_kubernetes_flux_configuration_resource.go`],
  'ARC-FLUX-DEPENDS': [RuleLevel.ERROR, 'A Flux configuration must depend on the microsoft.flux cluster extension, or it is created before Flux is installed', `${TF} arc_kubernetes_flux_configuration.html.markdown`],
  'ARC-FLUX-DISABLED': [RuleLevel.ERROR, 'GitOps configurations need the microsoft.flux extension; it cannot be turned off while Flux configurations are added', `${AD} azure-arc/kubernetes/conceptual-gitops-flux2.md`],
  // Arc-enabled servers
  'ARC-SRV-PRINCIPAL': [RuleLevel.ERROR, 'The onboarding principal id is the object id (a GUID) of a service principal or managed identity', `${AD} azure-arc/servers/onboard-service-principal.md`],
  'ARC-SRV-MONITORING': [RuleLevel.ERROR, 'Machines listed for monitoring need a HybridMonitoring (its workspace and data collection rules)', `${AD} azure-monitor/agents/azure-monitor-agent-manage.md`],
};
