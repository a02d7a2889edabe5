// What hybrid management chooses when the user does not say: the guide's recommendations
// (../shared/reference/azure-hybrid-rules.md sections 4, 5, 8 and 10), in one place.

/** Performance counter sampling of the Windows and Linux rules (Azure's own default). */
export const PERF_SAMPLING_SECONDS = 60;
/** VM insights sends to Microsoft-InsightsMetrics, which Azure samples every 60 s exactly. */
export const INSIGHTS_METRICS_SAMPLING_SECONDS = 60;

/** Windows counters of the "basic" performance set the Azure portal proposes. */
export const WINDOWS_COUNTERS = [
  '\\Processor Information(_Total)\\% Processor Time',
  '\\Memory\\% Committed Bytes In Use',
  '\\Memory\\Available Bytes',
  '\\LogicalDisk(_Total)\\% Free Space',
  '\\LogicalDisk(_Total)\\Avg. Disk sec/Transfer',
  '\\Network Interface(*)\\Bytes Total/sec',
];
/** Linux counters of the same set. */
export const LINUX_COUNTERS = [
  '\\Processor(*)\\% Processor Time',
  '\\Memory(*)\\% Used Memory',
  '\\Memory(*)\\Available MBytes Memory',
  '\\Logical Disk(*)\\% Free Space',
  '\\Logical Disk(*)\\Disk Transfers/sec',
  '\\Network(*)\\Total Bytes',
];
/** Critical, error and warning events of the Application and System logs. */
export const WINDOWS_EVENT_XPATH = [
  'Application!*[System[(Level=1 or Level=2 or Level=3)]]',
  'System!*[System[(Level=1 or Level=2 or Level=3)]]',
];
/** Syslog facilities collected on Linux. */
export const SYSLOG_FACILITIES = ['auth', 'authpriv', 'cron', 'daemon', 'kern', 'syslog', 'user'];
/** Syslog levels collected: warning and worse. */
export const SYSLOG_LEVELS = ['Warning', 'Error', 'Critical', 'Alert', 'Emergency'];

/** Availability test locations: five, as Azure recommends (Europe, US, Asia). */
export const WEB_TEST_LOCATIONS = ['emea-nl-ams-azr', 'emea-gb-db3-azr', 'us-va-ash-azr', 'us-ca-sjc-azr', 'apac-sg-sin-azr'];
export const WEB_TEST_FREQUENCY_SECONDS = 300;
export const WEB_TEST_TIMEOUT_SECONDS = 30;
/** An availability alert fires when this many locations fail. */
export const WEB_TEST_FAILED_LOCATIONS = 2;

/** Baseline alert thresholds. */
export const CPU_PERCENT_THRESHOLD = 90;
export const DISK_FREE_PERCENT_THRESHOLD = 10;
export const HEARTBEAT_MINUTES = 10;
/** Tunnel bandwidth alert: percent of the SKU's aggregate throughput. */
export const BANDWIDTH_PERCENT_THRESHOLD = 80;

/** Connection monitor test defaults. */
export const MONITOR_PORT = 443;
export const MONITOR_FREQUENCY_SECONDS = 60;

/** Flux defaults (the provider's and Flux's own). */
export const FLUX_SYNC_INTERVAL_SECONDS = 600;
export const FLUX_NAMESPACE = 'flux-system';
export const FLUX_MAX_INTERVAL_SECONDS = 35791394;

/** Azure Monitor Agent extension publisher and types. */
export const AMA_PUBLISHER = 'Microsoft.Azure.Monitor';
export const AMA_WINDOWS = 'AzureMonitorWindowsAgent';
export const AMA_LINUX = 'AzureMonitorLinuxAgent';
/** Built-in role that lets a principal onboard Arc-enabled servers and nothing else. */
export const ARC_SERVER_ONBOARDING_ROLE = 'Azure Connected Machine Onboarding';

/** Outbound endpoints (TCP 443) an Arc-enabled server and its monitoring agent need. */
export const ARC_SERVER_ENDPOINTS = [
  'management.azure.com',
  'login.microsoftonline.com, login.windows.net, pas.windows.net',
  '*.his.arc.azure.com',
  '*.guestconfiguration.azure.com',
  'guestnotificationservice.azure.com, *.guestnotificationservice.azure.com',
  'azgn*.servicebus.windows.net, *.servicebus.windows.net',
  'download.microsoft.com, packages.microsoft.com (agent install and updates)',
  'global.handler.control.monitor.azure.com, <region>.handler.control.monitor.azure.com (Azure Monitor Agent)',
  '<workspace id>.ods.opinsights.azure.com, <region>.ingest.monitor.azure.com (Azure Monitor Agent data)',
];

/** Outbound endpoints (TCP 443) an Arc-enabled Kubernetes cluster needs. */
export const ARC_K8S_ENDPOINTS = [
  'management.azure.com',
  '<region>.dp.kubernetesconfiguration.azure.com',
  'login.microsoftonline.com, <region>.login.microsoft.com, login.windows.net',
  'mcr.microsoft.com, *.data.mcr.microsoft.com',
  'gbl.his.arc.azure.com, *.his.arc.azure.com',
  'k8connecthelm.azureedge.net, k8sconnectcsp.azureedge.net',
  'guestnotificationservice.azure.com, *.guestnotificationservice.azure.com, sts.windows.net',
  '*.servicebus.windows.net (cluster connect)',
  '*.arc.azure.net',
  'graph.microsoft.com (only for `az connectedk8s` itself)',
  '*.ods.opinsights.azure.com, *.oms.opinsights.azure.com, *.monitoring.azure.com (Container insights)',
  'global.handler.control.monitor.azure.com, *.handler.control.monitor.azure.com, *.ingest.monitor.azure.com (Container insights with managed-identity authentication)',
];

/** ExpressRoute gateway alerts: CPU percent, and packets per second (80 % of ErGw1AZ's 100,000 pps, about-gateway SKUs table). */
export const ER_GATEWAY_CPU_PERCENT = 80;
export const ER_GATEWAY_PACKETS_PER_SECOND = 80_000;
/** Network Watcher agent extension publisher (connection monitor sources). */
export const NETWORK_WATCHER_AGENT_PUBLISHER = 'Microsoft.Azure.NetworkWatcher';
/** Container insights group stream (all default tables; research.md section 9). */
export const CONTAINER_INSIGHTS_STREAM = 'Microsoft-ContainerInsights-Group-Default';

/** VNet flow log files kept 30 days unless asked otherwise. */
export const FLOW_LOG_RETENTION_DAYS = 30;
/** Traffic analytics every 10 minutes (the faster of Azure's two intervals). */
export const TRAFFIC_ANALYTICS_INTERVAL_MINUTES = 10;

/**
 * The resource group Azure puts the Network Watcher it enables with the first virtual network of
 * a region in (`NetworkWatcher_<region>`): azure-docs network-watcher/network-watcher-create.md.
 */
export const AZURE_NETWORK_WATCHER_RESOURCE_GROUP = 'NetworkWatcherRG';
