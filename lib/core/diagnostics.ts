import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { resolveExpression } from './tokens';
import type { ILogAnalyticsWorkspace } from './workspace';
import { DIAG_CATEGORY_UNKNOWN } from './rules';

/**
 * The log and metric categories each resource type really has, and whether its logs can go to
 * resource-specific ("Dedicated") tables. Sources: Azure Monitor "supported logs" and
 * "supported metrics" reference pages per resource provider (MicrosoftDocs/azure-docs
 * azure-monitor/reference/supported-logs/, supported-metrics/). Metric categories are not
 * always `AllMetrics`: storage takes `Transaction` and `Capacity` and answers 400 to
 * `AllMetrics` at account scope (Azure/terraform-azurerm-avm-res-storage-storageaccount#325;
 * provider v4.55.0 monitor_diagnostic_setting_resource_test.go, storageAccountTargetTransaction),
 * and a storage service reads `AllMetrics` back as its concrete categories, a permanent diff
 * (same module, PR #380): explicit `Transaction` there. A network security group has no metrics.
 */
const ALL_METRICS = ['AllMetrics'];
const LOG_CATEGORIES: Record<string, { categories: string[]; dedicated: boolean; metrics: string[] }> = {
  // Gateway logs have no resource-specific tables: they land in AzureDiagnostics
  // (supported-logs/microsoft-network-virtualnetworkgateways-logs).
  azurerm_virtual_network_gateway: {
    categories: ['GatewayDiagnosticLog', 'TunnelDiagnosticLog', 'RouteDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog'],
    dedicated: false,
    metrics: ALL_METRICS,
  },
  azurerm_express_route_circuit: { categories: ['PeeringRouteLog'], dedicated: false, metrics: ALL_METRICS },
  // Virtual WAN gateways (supported-logs microsoft-network-vpngateways / -p2svpngateways; the
  // vWAN ExpressRoute gateway has metrics only: research.md section 1).
  azurerm_vpn_gateway: { categories: ['GatewayDiagnosticLog', 'IKEDiagnosticLog', 'RouteDiagnosticLog', 'TunnelDiagnosticLog'], dedicated: false, metrics: ALL_METRICS },
  azurerm_point_to_site_vpn_gateway: { categories: ['GatewayDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog'], dedicated: false, metrics: ALL_METRICS },
  azurerm_express_route_gateway: { categories: [], dedicated: false, metrics: ALL_METRICS },
  azurerm_public_ip: {
    categories: ['DDoSProtectionNotifications', 'DDoSMitigationFlowLogs', 'DDoSMitigationReports'],
    dedicated: false,
    metrics: ALL_METRICS,
  },
  azurerm_virtual_network: { categories: ['VMProtectionAlerts'], dedicated: false, metrics: ALL_METRICS },
  azurerm_network_security_group: {
    categories: ['NetworkSecurityGroupEvent', 'NetworkSecurityGroupRuleCounter'],
    dedicated: false,
    metrics: [],
  },
  azurerm_storage_account: { categories: [], dedicated: true, metrics: ['Capacity', 'Transaction'] },
  azurerm_recovery_services_vault: {
    categories: [
      'CoreAzureBackup',
      'AddonAzureBackupJobs',
      'AddonAzureBackupAlerts',
      'AddonAzureBackupPolicy',
      'AddonAzureBackupStorage',
      'AddonAzureBackupProtectedInstance',
      'AzureSiteRecoveryJobs',
      'AzureSiteRecoveryEvents',
      'AzureSiteRecoveryReplicatedItems',
      'AzureSiteRecoveryReplicationStats',
      'AzureSiteRecoveryRecoveryPoints',
      'AzureSiteRecoveryReplicationDataUploadRate',
      'AzureSiteRecoveryProtectedDiskDataChurn',
    ],
    dedicated: true,
    metrics: ALL_METRICS,
  },
  azurerm_key_vault: { categories: ['AuditEvent', 'AzurePolicyEvaluationDetails'], dedicated: false, metrics: ALL_METRICS },
  azurerm_traffic_manager_profile: { categories: ['ProbeHealthStatusEvents'], dedicated: false, metrics: ALL_METRICS },
  azurerm_relay_namespace: { categories: ['HybridConnectionsEvent', 'VNetAndIPFilteringLogs'], dedicated: false, metrics: ALL_METRICS },
  // App Service: the logs every SKU has (supported-logs/microsoft-web-sites-logs; file and antivirus audit logs are Premium only).
  azurerm_linux_web_app: {
    categories: ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServiceAppLogs', 'AppServiceAuditLogs', 'AppServiceIPSecAuditLogs', 'AppServicePlatformLogs'],
    dedicated: true,
    metrics: ALL_METRICS,
  },
  azurerm_windows_web_app: {
    categories: ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServiceAppLogs', 'AppServiceAuditLogs', 'AppServiceIPSecAuditLogs', 'AppServicePlatformLogs'],
    dedicated: true,
    metrics: ALL_METRICS,
  },
  azurerm_log_analytics_workspace: { categories: ['Audit', 'SummaryLogs'], dedicated: true, metrics: ALL_METRICS },
  // Storage Sync Service: metrics only (sync sessions, server online status, cloud tiering); it
  // has no log categories (research.md section 1: no supported-logs page for storageSyncServices).
  azurerm_storage_sync: { categories: [], dedicated: false, metrics: ALL_METRICS },
  // Azure Local: platform metrics, all exportable, no log categories (supported-metrics/microsoft-azurestackhci-clusters).
  azurerm_stack_hci_cluster: { categories: [], dedicated: false, metrics: ALL_METRICS },
  // Azure Firewall: resource-specific AZFW* tables (log_analytics_destination_type = Dedicated);
  // research.md section 1 (ALZ Deploy-Diagnostics-Firewall.json; supported-logs microsoft-network-azurefirewalls).
  azurerm_firewall: {
    categories: ['AZFWNetworkRule', 'AZFWApplicationRule', 'AZFWNatRule', 'AZFWThreatIntel', 'AZFWIdpsSignature', 'AZFWDnsQuery', 'AZFWFqdnResolveFailure', 'AZFWFatFlow', 'AZFWFlowTrace', 'AZFWNetworkRuleAggregation', 'AZFWApplicationRuleAggregation', 'AZFWNatRuleAggregation'],
    dedicated: true,
    metrics: ALL_METRICS,
  },
  azurerm_bastion_host: { categories: ['BastionAuditLogs'], dedicated: false, metrics: ALL_METRICS },
  // DNS Private Resolver: metrics only; its one log category (DnsResponse) is on DNS security policies.
  azurerm_private_dns_resolver: { categories: [], dedicated: false, metrics: ALL_METRICS },
  // Storage logs live on the service sub-resource (`<account id>/fileServices/default`).
  azurerm_storage_account_file_service: {
    categories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
    dedicated: true,
    metrics: ['Transaction'],
  },
};

/** Options of `Diagnostics.send` and of every construct's `sendDiagnosticsTo`. */
export interface DiagnosticsOptions {
  /**
   * Log categories to send.
   * @default - every category the resource type emits
   */
  readonly logCategories?: string[];
  /**
   * Send the platform metrics as well, in the categories the type has (`AllMetrics` for most,
   * `Transaction`/`Capacity` for storage, none for a network security group).
   * @default true where the type has metrics
   */
  readonly metrics?: boolean;
}

/** Props of `DiagnosticSetting`. */
export interface DiagnosticSettingProps extends DiagnosticsOptions {
  /** Resource id whose logs and metrics to send. */
  readonly targetResourceId: string;
  /** Terraform type of the resource, e.g. `azurerm_virtual_network_gateway`: picks its real log categories. */
  readonly resourceType: string;
  /** Where to send them. */
  readonly workspace: ILogAnalyticsWorkspace;
  /**
   * Name of the diagnostic setting.
   * @default 'to-log-analytics'
   */
  readonly name?: string;
}

/**
 * Sends one resource's logs and metrics to a Log Analytics workspace, with the categories the
 * resource type really emits. This is the one way every construct of the library does it.
 */
export class DiagnosticSetting extends Construct {
  /** The metric categories a diagnostic setting takes for a Terraform resource type (empty if none or unknown). */
  public static metricCategoriesOf(resourceType: string): string[] {
    return [...(LOG_CATEGORIES[resourceType]?.metrics ?? [])];
  }

  /** The log categories Azure documents for a Terraform resource type (empty if unknown). */
  public static logCategoriesOf(resourceType: string): string[] {
    return [...(LOG_CATEGORIES[resourceType]?.categories ?? [])];
  }

  /** Resource types whose log categories the library knows. */
  public static knownResourceTypes(): string[] {
    return Object.keys(LOG_CATEGORIES).sort();
  }

  /**
   * Adds a diagnostic setting under `owner` with the next free construct id (`Diagnostics`,
   * `Diagnostics1`, ...) and, unless named, the next free setting name (`to-log-analytics`,
   * `to-log-analytics-1`, ...): Azure refuses two settings of one name on a resource. This is
   * what every construct's `sendDiagnosticsTo` calls.
   *
   * Idempotent per resource and workspace: Azure refuses a category sent to one workspace by two
   * settings of one resource (Conflict "Data sink ... is already used in diagnostic setting ...
   * for category ..."). Categories a setting of the App already sends from `targetResourceId` to
   * the same workspace are left out; when nothing is left, the setting that sends them is
   * returned and none is added. Another workspace gets its own setting, with the same
   * categories (Azure allows up to five settings per resource).
   */
  public static send(owner: Construct, props: DiagnosticSettingProps): DiagnosticSetting {
    let sent = props;
    const known = props?.resourceType !== undefined && Object.prototype.hasOwnProperty.call(LOG_CATEGORIES, props.resourceType) ? LOG_CATEGORIES[props.resourceType] : undefined;
    const target = known && typeof props.targetResourceId === 'string' ? sinkKey(owner, props.targetResourceId) : undefined;
    const workspace = target !== undefined && Construct.isConstruct(props.workspace) ? sinkKey(owner, props.workspace.workspaceResourceId) : undefined;
    // Anything else (an unknown type, a missing prop) is refused by the constructor below.
    const onTarget = target === undefined ? [] : settingsOf(owner).filter((s) => s.sink.target === target);
    const same = onTarget.filter((s) => s.sink.workspace === workspace);
    if (same.length > 0) {
      const logs = new Set(same.flatMap((s) => s.sink.logs));
      const asked = props.logCategories ?? known!.categories;
      const left = asked.filter((c) => !logs.has(c));
      const askedMetrics = (props.metrics ?? true) && known!.metrics.length > 0;
      const metrics = askedMetrics && !same.some((s) => s.sink.metrics);
      // All sent already: the setting that sends (the first of) them.
      if (left.length === 0 && !metrics) return same.find((s) => asked.some((c) => s.sink.logs.includes(c)) || (askedMetrics && s.sink.metrics)) ?? same[0];
      sent = { ...props, logCategories: left, metrics };
    }
    let n = 0;
    while (owner.node.tryFindChild(`Diagnostics${n || ''}`)) n++;
    // A name another construct's setting has on the same resource (two imports of one gateway) is skipped too.
    const names = new Set(onTarget.map((s) => s.sink.name));
    let k = n;
    while (props.name === undefined && names.has(`to-log-analytics${k ? `-${k}` : ''}`)) k++;
    return new DiagnosticSetting(owner, `Diagnostics${n || ''}`, { ...sent, name: props.name ?? `to-log-analytics${k ? `-${k}` : ''}` });
  }

  /** The diagnostic setting resource (escape hatch). */
  public readonly resource: MonitorDiagnosticSetting;
  /** What the setting sends where, as `send` compares it. */
  private readonly sink: Sink;

  constructor(scope: Construct, id: string, props: DiagnosticSettingProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('targetResourceId', props?.targetResourceId, 'string');
    problems.required('resourceType', props?.resourceType, 'string');
    problems.required('workspace', props?.workspace, 'construct');
    problems.throwIfAny();
    const known = Object.prototype.hasOwnProperty.call(LOG_CATEGORIES, props.resourceType) ? LOG_CATEGORIES[props.resourceType] : undefined;
    problems.check(
      !known,
      DIAG_CATEGORY_UNKNOWN,
      'resourceType',
      props.resourceType,
      `the library does not know the log categories of ${props.resourceType}`,
      `use one of ${Object.keys(LOG_CATEGORIES).sort().join(', ')}, or create an azurerm_monitor_diagnostic_setting yourself`,
    );
    problems.throwIfAny();
    const categories = props.logCategories ?? known!.categories;
    for (const category of categories) {
      problems.check(
        !known!.categories.includes(category),
        DIAG_CATEGORY_UNKNOWN,
        'logCategories',
        category,
        `${props.resourceType} has no log category ${category}`,
        `use some of ${known!.categories.join(', ')}`,
      );
    }
    const metrics = (props.metrics ?? true) && known!.metrics.length > 0;
    problems.check(
      categories.length === 0 && !metrics,
      DIAG_CATEGORY_UNKNOWN,
      'logCategories',
      categories,
      'a diagnostic setting needs at least one log category or metrics',
      'leave `logCategories` out to send every category',
    );
    problems.throwIfAny();

    this.resource = new MonitorDiagnosticSetting(this, 'Resource', {
      name: props.name ?? 'to-log-analytics',
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.workspace.workspaceResourceId,
      logAnalyticsDestinationType: known!.dedicated ? 'Dedicated' : undefined,
      enabledLog: categories.map((category) => ({ category })),
      enabledMetric: metrics ? known!.metrics.map((category) => ({ category })) : undefined,
    });
    this.sink = {
      target: sinkKey(this, props.targetResourceId),
      workspace: sinkKey(this, props.workspace.workspaceResourceId),
      name: props.name ?? 'to-log-analytics',
      logs: [...categories],
      metrics,
    };
    settingsOf(this).push(this);
  }
}

/** One setting's resource, destination, name and categories. */
interface Sink {
  readonly target: string;
  readonly workspace: string;
  readonly name: string;
  readonly logs: readonly string[];
  readonly metrics: boolean;
}

/** Every DiagnosticSetting of an App (keyed by the tree's root), for `send`. */
const SETTINGS = new WeakMap<IConstruct, DiagnosticSetting[]>();

function settingsOf(scope: IConstruct): DiagnosticSetting[] {
  const root = scope.node.root;
  let list = SETTINGS.get(root);
  if (!list) SETTINGS.set(root, (list = []));
  return list;
}

/**
 * An id as compared between settings: a token as its Terraform expression in its stack (two
 * references to one attribute are one resource; stacks of an App may have resources of the same
 * address), an Azure resource id case-insensitively.
 */
function sinkKey(scope: IConstruct, id: string): string {
  return Token.isUnresolved(id) ? `${TerraformStack.of(scope).node.path}\0${String(resolveExpression(scope, id))}` : String(id).toLowerCase();
}
