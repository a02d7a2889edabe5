import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { TrafficManagerAzureEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-azure-endpoint';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Address6 } from 'ip-address';
import {
  DEGRADED_ALERT,
  DNS_TTL_SECONDS,
  ENDPOINT_WEIGHT,
  PROBE_INTERVAL_SECONDS,
  PROBE_PATH,
  PROBE_PORT,
  PROBE_TIMEOUT_SECONDS,
  PROBE_TOLERATED_FAILURES,
  TM_METRIC_NAMESPACE,
} from './defaults';
import { trafficManagerHandoff } from './handoff/cross-cloud-traffic-manager';
import { APP_TM_DNS_NAME, APP_TM_ENDPOINT_DUPLICATE, APP_TM_ENDPOINT_LIMIT, APP_TM_ENDPOINT_LOCATION, APP_TM_ENDPOINT_TARGET, APP_TM_MULTIVALUE, APP_TM_PRIORITY, APP_TM_PROBE_FAILURES, APP_TM_PROBE_INTERVAL, APP_TM_PROBE_PATH, APP_TM_PROBE_PORT, APP_TM_PROBE_PROTOCOL, APP_TM_PROBE_TIMEOUT, APP_TM_ROUTING_METHOD, APP_TM_TTL, APP_TM_WEIGHT } from './rules';

/** Azure: at most 200 endpoints per Traffic Manager profile (azure-subscription-service-limits.md). */
const MAX_ENDPOINTS = 200;
import { Alerts, IActionGroup, MetricDefinition } from '../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../core/azure-resource';
import { isIpv4Address } from '../core/cidr';
import { isDnsLabel, isDnsName } from '../core/dns';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';

/** How Traffic Manager picks an endpoint. */
export enum TrafficRoutingMethod {
  /** The healthy endpoint with the lowest priority: on-premises first, Azure as failover (no scaling). */
  PRIORITY = 'Priority',
  /** Spread across the enabled endpoints by weight: cross-cloud scaling switches the Azure endpoint on under load. */
  WEIGHTED = 'Weighted',
  /** The endpoint closest to the user (external endpoints need `endpointLocation`). */
  PERFORMANCE = 'Performance',
  /** Every healthy endpoint (up to `maxReturn`); external IP-address endpoints only. */
  MULTI_VALUE = 'MultiValue',
}

/** Protocol of the endpoint health probe. */
export enum ProbeProtocol {
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
  TCP = 'TCP',
}

/** Options every endpoint takes. */
export interface TrafficManagerEndpointOptions {
  /**
   * Endpoint name in the profile.
   *
   * Unique in the profile across Azure and external endpoints; 1-260 characters, none of
   * `< > * % & : \ ? / # |`, not ending with `.` or a space.
   * @default - the id given to `addExternalEndpoint` / `addAzureEndpoint`
   */
  readonly name?: string;
  /**
   * Priority under Priority routing, 1-1000, unique in the profile.
   * @default - the lowest free priority, on-premises (external) endpoints before Azure ones
   */
  readonly priority?: number;
  /**
   * Weight under Weighted routing, 1-1000.
   * @default 1 under Weighted routing, otherwise not set
   */
  readonly weight?: number;
  /**
   * Whether the endpoint takes traffic.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The endpoint status is switched outside Terraform (by the scale-out threshold function):
   * Terraform ignores later changes of `enabled` (`lifecycle.ignore_changes = [enabled]`;
   * `enabled` is the provider's name for the endpoint status, and azurerm 4.55 has no
   * "managed outside Terraform" option for it: provider v4.55.0
   * internal/services/trafficmanager/traffic_manager_azure_endpoint_resource.go, `enabled`
   * mapped to `EndpointStatus` on create, read and update). Must be a literal: a Terraform
   * expression is refused with PROP-LITERAL.
   * @default false
   */
  readonly statusManagedOutsideTerraform?: boolean;
}

/** An endpoint outside Azure (Azure Stack Hub, a data centre) by its DNS name or IP address. */
export interface ExternalEndpointOptions extends TrafficManagerEndpointOptions {
  /** Fully qualified DNS name (or, for MultiValue routing, IP address) of the endpoint. */
  readonly target: string;
  /**
   * The Azure region closest to the endpoint; required under Performance routing.
   * @default - none
   */
  readonly endpointLocation?: string;
}

/** An endpoint in Azure (App Service, public IP with DNS name, ...) by resource id. */
export interface AzureEndpointOptions extends TrafficManagerEndpointOptions {
  /** Resource id of the App Service, public IP or other Azure resource. */
  readonly targetResourceId: string;
}

/** Props of `CrossCloudTrafficManager`. */
export interface CrossCloudTrafficManagerProps extends AzureResourceProps {
  /** Resource group of the profile (Traffic Manager is global). */
  readonly resourceGroupName: string;
  /**
   * Profile name.
   * @default - generated: `traf-<construct path>-<hash>`
   */
  readonly name?: string;
  /**
   * DNS relative name: the profile answers as `<relativeName>.trafficmanager.net`.
   * @default - the profile name
   */
  readonly relativeName?: string;
  /**
   * Routing method. `WEIGHTED` scales out (the Azure endpoint, switched on under load, takes its
   * share); `PRIORITY` fails over only. Must be a literal (it decides what the library builds):
   * a Terraform expression is refused with PROP-LITERAL.
   * @default TrafficRoutingMethod.PRIORITY
   */
  readonly routingMethod?: TrafficRoutingMethod;
  /**
   * DNS TTL of the answers, seconds.
   * @default 30
   */
  readonly ttlSeconds?: number;
  /**
   * Endpoints returned per answer under MultiValue routing, 1-8 (MultiValue only).
   * @default - none (required for MultiValue)
   */
  readonly maxReturn?: number;
  /**
   * Probe protocol. Must be a literal (it decides whether the probe has a path): a Terraform
   * expression is refused with PROP-LITERAL.
   * @default ProbeProtocol.HTTPS
   */
  readonly probeProtocol?: ProbeProtocol;
  /**
   * Probe port.
   * @default 443
   */
  readonly probePort?: number;
  /**
   * Probe path, starting with `/` (HTTP and HTTPS only).
   * @default '/health' for HTTP(S), none for TCP
   */
  readonly probePath?: string;
  /**
   * Probe interval: 30 (normal) or 10 (fast) seconds.
   * @default 30
   */
  readonly probeIntervalSeconds?: number;
  /**
   * Probe timeout, 5-10 seconds (5-9 at a 10-second interval).
   * @default 10 at a 30-second interval, 9 at a 10-second interval
   */
  readonly probeTimeoutSeconds?: number;
  /**
   * Probe failures tolerated before an endpoint is degraded, 0-9.
   * @default 3
   */
  readonly probeToleratedFailures?: number;
  /**
   * HTTP status code ranges the probe accepts, e.g. `['200-299']`.
   * @default - 200 only (Azure's default)
   */
  readonly expectedStatusCodeRanges?: string[];
  /**
   * Create the metric alert that fires when an endpoint is degraded. Must be a literal (it
   * decides whether the alert exists): a Terraform expression is refused with PROP-LITERAL.
   * @default true
   */
  readonly degradedEndpointAlert?: boolean;
  /**
   * Action group the degraded-endpoint alert notifies (`new ActionGroup(...)` or
   * `ActionGroup.fromActionGroupId(scope, id, actionGroupId)`).
   * @default - none: the alert shows in Azure Monitor only (warning MON-ACTION-GROUP-EMPTY)
   */
  readonly actionGroup?: IActionGroup;
  /**
   * The custom domain users type (e.g. `www.contoso.com`), for the CNAME step of the runbook.
   * @default - the runbook says `www.<your domain>`
   */
  readonly customDomain?: string;
}

interface EndpointEntry {
  readonly kind: 'external' | 'azure';
  readonly name: string;
  readonly target: string;
  readonly priority?: number;
  readonly weight?: number;
  readonly enabled: boolean;
  readonly managedOutside: boolean;
}

/** The profile settings after defaults and checks. */
interface ProfileConfig {
  readonly routingMethod: TrafficRoutingMethod;
  readonly protocol: ProbeProtocol;
  readonly interval: number;
  readonly timeout: number;
  readonly failures: number;
  readonly port: number;
  readonly path?: string;
  readonly ttl: number;
  readonly name: string;
  readonly relativeName: string;
}

/**
 * Cross-cloud scaling: a Traffic Manager profile that serves an app from on-premises (Azure
 * Stack Hub or any external endpoint, by FQDN) and from Azure (App Service or another resource,
 * by id). Weighted routing scales out (the Azure endpoint, created disabled with its status
 * owned outside Terraform, is switched on under load); Priority routing (the default) fails over
 * to Azure when the on-premises endpoint is degraded. An HTTPS probe checks `/health` on 443
 * every 30 s; the DNS TTL is 30 s; probe logs go to Log Analytics and an alert fires when an
 * endpoint is degraded.
 */
export class CrossCloudTrafficManager extends AzureResource {
  /** The profile (escape hatch). */
  public readonly profile: TrafficManagerProfile;
  /** Resource id of the profile. */
  public readonly resourceId: string;
  /** Resource id of the profile (same as `resourceId`). */
  public readonly profileId: string;
  /** The profile's DNS name, `<relativeName>.trafficmanager.net`: the CNAME target. */
  public readonly fqdn: string;
  /** Routing method in use. */
  public readonly routingMethod: TrafficRoutingMethod;
  /** The degraded-endpoint alert (escape hatch), unless turned off. */
  public readonly degradedAlert?: MonitorMetricAlert;
  /** `terraform output` name of the profile FQDN. */
  public readonly fqdnOutputName: string;

  private readonly config: ProfileConfig;
  private readonly entries: EndpointEntry[] = [];

  constructor(scope: Construct, id: string, props: CrossCloudTrafficManagerProps) {
    super(scope, id);
    this.config = this.resolve(props);
    this.routingMethod = this.config.routingMethod;
    this.profile = new TrafficManagerProfile(this, 'Resource', {
      name: this.config.name,
      resourceGroupName: props.resourceGroupName,
      trafficRoutingMethod: this.routingMethod,
      maxReturn: props.maxReturn,
      dnsConfig: { relativeName: this.config.relativeName, ttl: this.config.ttl },
      monitorConfig: {
        protocol: this.config.protocol,
        port: this.config.port,
        path: this.config.path,
        intervalInSeconds: this.config.interval,
        timeoutInSeconds: this.config.timeout,
        toleratedNumberOfFailures: this.config.failures,
        expectedStatusCodeRanges: props.expectedStatusCodeRanges,
      },
    });
    this.resourceId = this.profile.id;
    this.profileId = this.profile.id;
    this.fqdn = this.profile.fqdn;
    if (props.degradedEndpointAlert ?? true) this.degradedAlert = this.alertOnDegradedEndpoint(props);
    this.initCommon(props);
    this.fqdnOutputName = Runbook.of(this).addOutput(this, 'Fqdn', {
      value: this.profile.fqdn,
      description: `DNS name of Traffic Manager profile ${this.node.path}: the CNAME target of the app's custom domain`,
    });
    this.handOff(props);
  }

  /**
   * 1 while an endpoint's probe status is Enabled (online), 0 otherwise, per endpoint
   * (`ProbeAgentCurrentEndpointStateByProfileResourceId`, Maximum, split by `EndpointName`;
   * Azure Monitor supported metrics, Microsoft.Network/trafficManagerProfiles).
   */
  public metricEndpointState(): MetricDefinition {
    return { resourceId: this.resourceId, namespace: TM_METRIC_NAMESPACE, name: 'ProbeAgentCurrentEndpointStateByProfileResourceId', aggregation: 'Maximum', splitBy: ['EndpointName'], unit: '1 = online' };
  }

  /** DNS answers that returned each endpoint (`QpsByEndpoint`, Total, split by `EndpointName`): how traffic is spread. */
  public metricQueriesByEndpoint(): MetricDefinition {
    return { resourceId: this.resourceId, namespace: TM_METRIC_NAMESPACE, name: 'QpsByEndpoint', aggregation: 'Total', splitBy: ['EndpointName'], unit: 'queries' };
  }

  /** Adds an endpoint outside Azure (Azure Stack Hub, a data centre) by FQDN. */
  public addExternalEndpoint(id: string, options: ExternalEndpointOptions): TrafficManagerExternalEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('target', options.target, 'string');
    this.checkExternalTarget(problems, options.target);
    const location = options.endpointLocation;
    problems.check(
      this.routingMethod === TrafficRoutingMethod.PERFORMANCE && (location === undefined || location === ''),
      APP_TM_ENDPOINT_LOCATION,
      'endpointLocation',
      location,
      'Performance routing needs the Azure region closest to an external endpoint',
      'set `endpointLocation`, e.g. the region nearest the data centre',
    );
    problems.region('endpointLocation', location);
    const entry = this.checkCommon(problems, id, 'external', options.target, options);
    problems.throwIfAny();
    this.entries.push(entry);
    const endpoint = new TrafficManagerExternalEndpoint(this, id, {
      name: entry.name,
      profileId: this.profile.id,
      target: options.target,
      endpointLocation: location,
      enabled: entry.enabled,
      priority: this.priorityToken(entry),
      weight: entry.weight,
    });
    if (entry.managedOutside) endpoint.lifecycle = { ignoreChanges: ['enabled'] };
    return endpoint;
  }

  /** Adds an endpoint in Azure (App Service, public IP, ...) by resource id. */
  public addAzureEndpoint(id: string, options: AzureEndpointOptions): TrafficManagerAzureEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('targetResourceId', options.targetResourceId, 'string');
    problems.check(
      this.routingMethod === TrafficRoutingMethod.MULTI_VALUE,
      APP_TM_MULTIVALUE,
      'targetResourceId',
      options.targetResourceId,
      'MultiValue routing serves only external endpoints given as IP addresses',
      'add the Azure side as an external endpoint by its public IP address',
    );
    const entry = this.checkCommon(problems, id, 'azure', options.targetResourceId, options);
    problems.throwIfAny();
    this.entries.push(entry);
    const endpoint = new TrafficManagerAzureEndpoint(this, id, {
      name: entry.name,
      profileId: this.profile.id,
      targetResourceId: options.targetResourceId,
      enabled: entry.enabled,
      priority: this.priorityToken(entry),
      weight: entry.weight,
    });
    if (entry.managedOutside) endpoint.lifecycle = { ignoreChanges: ['enabled'] };
    return endpoint;
  }

  /** Priority each endpoint gets (explicit or assigned), by endpoint name; Priority routing only. */
  public priorities(): { [name: string]: number } {
    const result: { [name: string]: number } = {};
    for (const e of this.entries) result[e.name] = this.priorityOf(e);
    return result;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_traffic_manager_profile' }];
  }

  /** Defaults and every check on the props; one throw; nothing created yet. */
  private resolve(props: CrossCloudTrafficManagerProps): ProfileConfig {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.literal('routingMethod', props.routingMethod, 'it decides which endpoint settings apply');
    problems.literal('probeProtocol', props.probeProtocol, 'it decides whether the probe has a path');
    problems.literal('degradedEndpointAlert', props.degradedEndpointAlert, 'it decides whether the alert exists');
    problems.type('actionGroup', props.actionGroup, 'construct');
    problems.throwIfAny();
    const routingMethod = props.routingMethod ?? TrafficRoutingMethod.PRIORITY;
    const protocol = props.probeProtocol ?? ProbeProtocol.HTTPS;
    const interval = props.probeIntervalSeconds ?? PROBE_INTERVAL_SECONDS;
    const name = props.name ?? generateName(this, 'trafficManagerProfile');
    const config: ProfileConfig = {
      routingMethod,
      protocol,
      interval,
      timeout: props.probeTimeoutSeconds ?? (interval === 10 ? 9 : PROBE_TIMEOUT_SECONDS),
      failures: props.probeToleratedFailures ?? PROBE_TOLERATED_FAILURES,
      port: props.probePort ?? PROBE_PORT,
      path: props.probePath ?? (protocol === ProbeProtocol.TCP ? undefined : PROBE_PATH),
      ttl: props.ttlSeconds ?? DNS_TTL_SECONDS,
      name,
      // A name given as a Terraform expression is used as it is (lower-casing a token breaks it).
      relativeName: props.relativeName ?? (Token.isUnresolved(name) ? name : name.toLowerCase().replace(/[^a-z0-9-]/g, '-')),
    };
    checkName(problems, 'trafficManagerProfile', 'name', props.name);
    checkProfile(problems, config, props);
    problems.throwIfAny();
    return config;
  }

  private alertOnDegradedEndpoint(props: CrossCloudTrafficManagerProps): MonitorMetricAlert {
    const alert = Alerts.metric(this, 'DegradedEndpointAlert', props.resourceGroupName, this.metricEndpointState(), {
      actionGroup: props.actionGroup,
      severity: DEGRADED_ALERT.severity,
      frequency: DEGRADED_ALERT.frequency,
      windowSize: DEGRADED_ALERT.windowSize,
      operator: 'LessThan',
      threshold: 1,
      description: 'A Traffic Manager endpoint of the cross-cloud app is degraded (its health probe fails).',
    });
    // The name it always had: a new name would make Terraform replace the alert.
    alert.name = `${this.config.name}-endpoint-degraded`;
    alert.autoMitigate = true;
    return alert;
  }

  private checkExternalTarget(problems: ProblemCollector, target: string): void {
    if (typeof target !== 'string' || Token.isUnresolved(target)) return;
    const isIp = isIpv4Address(target) || Address6.isValid(target);
    if (this.routingMethod === TrafficRoutingMethod.MULTI_VALUE) {
      problems.check(!isIp, APP_TM_MULTIVALUE, 'target', target, 'MultiValue routing serves only endpoints given as IPv4 or IPv6 addresses', "give the endpoint's public IP address, or use another routing method");
    } else {
      problems.check(!isIp && !isDnsName(target, true), APP_TM_ENDPOINT_TARGET, 'target', target, 'the target must be a fully qualified DNS name, without scheme, port or path', 'use e.g. `app.local.azurestack.external`');
    }
  }

  private checkCommon(problems: ProblemCollector, id: string, kind: 'external' | 'azure', target: string, options: TrafficManagerEndpointOptions): EndpointEntry {
    const name = options.name ?? id;
    const namedBy = options.name !== undefined ? 'name' : 'id';
    const { priority, weight } = options;
    checkUniqueId(problems, this, id, 'id', id);
    problems.check(this.entries.length >= MAX_ENDPOINTS, APP_TM_ENDPOINT_LIMIT, 'id', id, `the profile already has ${this.entries.length} endpoints, Azure's maximum`, 'use a second profile (nested profiles) for more endpoints');
    checkName(problems, 'trafficManagerEndpoint', namedBy, name);
    // Azure keys a profile's endpoints by name, whatever their type.
    const clash = Token.isUnresolved(name) ? undefined : this.entries.find((e) => !Token.isUnresolved(e.name) && e.name.toLowerCase() === name.toLowerCase());
    problems.check(clash !== undefined, APP_TM_ENDPOINT_DUPLICATE, namedBy, name, `the profile already has ${clash?.kind === 'azure' ? 'an Azure' : 'an external'} endpoint named ${clash?.name}`, 'give each endpoint its own name (`name`, or the id when `name` is left out)');
    if (!problems.integer(APP_TM_PRIORITY, 'priority', priority, 1, 1000, 'use a whole number from 1 (first) to 1000') && priority !== undefined && !Token.isUnresolved(priority)) {
      const taken = this.entries.find((e) => e.priority === priority);
      problems.check(taken !== undefined, APP_TM_PRIORITY, 'priority', priority, `priority ${priority} is already taken by endpoint ${taken?.name}`, 'give each endpoint its own priority, or leave `priority` out to get the next free one');
    }
    problems.integer(APP_TM_WEIGHT, 'weight', weight, 1, 1000);
    problems.literal('statusManagedOutsideTerraform', options.statusManagedOutsideTerraform, 'it decides whether Terraform ignores the endpoint status');
    return {
      kind,
      name,
      target,
      priority,
      weight: weight ?? (this.routingMethod === TrafficRoutingMethod.WEIGHTED ? ENDPOINT_WEIGHT : undefined),
      enabled: options.enabled ?? true,
      managedOutside: options.statusManagedOutsideTerraform ?? false,
    };
  }

  private priorityToken(entry: EndpointEntry): number | undefined {
    if (this.routingMethod !== TrafficRoutingMethod.PRIORITY) return entry.priority;
    if (entry.priority !== undefined) return entry.priority;
    // Assigned at synth: on-premises endpoints first, then Azure, each in the order added.
    return Lazy.numberValue({ produce: () => this.priorityOf(entry) });
  }

  private priorityOf(entry: EndpointEntry): number {
    if (entry.priority !== undefined) return entry.priority;
    const taken = new Set(this.entries.map((e) => e.priority).filter((p): p is number => p !== undefined));
    const ordered = [...this.entries.filter((e) => e.kind === 'external'), ...this.entries.filter((e) => e.kind === 'azure')];
    let next = 1;
    for (const e of ordered) {
      if (e.priority !== undefined) continue;
      while (taken.has(next)) next++;
      if (e === entry) return next;
      next++;
    }
    return next;
  }

  private rankOf(e: EndpointEntry): string {
    if (this.routingMethod === TrafficRoutingMethod.WEIGHTED) return Token.isUnresolved(e.weight) ? '(set at apply)' : String(e.weight ?? ENDPOINT_WEIGHT);
    if (this.routingMethod === TrafficRoutingMethod.PRIORITY) return Token.isUnresolved(e.priority) ? '(set at apply)' : String(this.priorityOf(e));
    return '-';
  }

  private handOff(props: CrossCloudTrafficManagerProps): void {
    const rgOutput = Token.isUnresolved(props.resourceGroupName)
      ? Runbook.of(this).addOutput(this, 'ResourceGroup', { value: props.resourceGroupName, description: `Resource group of Traffic Manager profile ${this.node.path}` })
      : undefined;
    Runbook.of(this).addSection(
      new LazySection(`Cross-cloud scaling: ${this.node.path}`, () =>
        trafficManagerHandoff({
          routingMethod: this.routingMethod,
          probeProtocol: this.config.protocol,
          probePort: this.config.port,
          probePath: this.config.path,
          ttlSeconds: this.config.ttl,
          profileName: this.config.name,
          relativeName: this.config.relativeName,
          resourceGroup: rgOutput ? `"$(terraform output -raw ${rgOutput})"` : props.resourceGroupName,
          fqdnOutputName: this.fqdnOutputName,
          customDomain: props.customDomain,
          endpoints: this.entries.map((e) => ({ name: e.name, kind: e.kind, target: e.target, rank: this.rankOf(e), enabled: e.enabled, managedOutside: e.managedOutside })),
          alertName: this.degradedAlert ? `${this.config.name}-endpoint-degraded` : undefined,
          alertNotifies: props.actionGroup !== undefined,
        }),
      ),
    );
  }
}

/** `200-299`: two HTTP status codes (100-599), the first not above the second. */
function isStatusCodeRange(range: unknown): boolean {
  if (typeof range !== 'string') return false;
  const m = /^(\d{3})-(\d{3})$/.exec(range);
  return m !== null && Number(m[1]) >= 100 && Number(m[1]) <= Number(m[2]) && Number(m[2]) <= 599;
}

/** The profile's own rules: DNS name, probe, TTL, MultiValue. */
function checkProfile(problems: ProblemCollector, c: ProfileConfig, props: CrossCloudTrafficManagerProps): void {
  if (!Token.isUnresolved(c.relativeName)) {
    problems.check(!isDnsLabel(c.relativeName), APP_TM_DNS_NAME, props.relativeName !== undefined ? 'relativeName' : 'name', c.relativeName, 'the DNS relative name must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit', 'give `relativeName` as a DNS label, e.g. `contoso-app`');
  }
  problems.oneOf(APP_TM_ROUTING_METHOD, 'routingMethod', c.routingMethod, Object.values(TrafficRoutingMethod));
  problems.oneOf(APP_TM_PROBE_PROTOCOL, 'probeProtocol', c.protocol, Object.values(ProbeProtocol));
  if (!problems.type('expectedStatusCodeRanges', props.expectedStatusCodeRanges, 'array') && Array.isArray(props.expectedStatusCodeRanges) && !Token.isUnresolved(props.expectedStatusCodeRanges)) {
    const ranges = props.expectedStatusCodeRanges;
    ranges.forEach((range, i) => problems.check(!Token.isUnresolved(range) && !isStatusCodeRange(range), APP_TM_PROBE_PROTOCOL, `expectedStatusCodeRanges[${i}]`, range, 'a status code range is "<from>-<to>" of HTTP status codes (100-599), from <= to', "use e.g. '200-299'"));
    problems.check(ranges.length > 8, APP_TM_PROBE_PROTOCOL, 'expectedStatusCodeRanges', `${ranges.length} ranges`, 'a profile takes at most eight status code ranges', 'merge neighbouring ranges');
    problems.check(ranges.length > 0 && c.protocol === ProbeProtocol.TCP, APP_TM_PROBE_PROTOCOL, 'expectedStatusCodeRanges', ranges, 'status code ranges apply to HTTP and HTTPS probes only', 'leave them out with a TCP probe');
  }
  problems.oneOf(APP_TM_PROBE_INTERVAL, 'probeIntervalSeconds', c.interval, [10, 30], 'use 30 (normal) or 10 (fast probing)');
  const maxTimeout = c.interval === 10 ? 9 : 10;
  problems.integer(APP_TM_PROBE_TIMEOUT, 'probeTimeoutSeconds', c.timeout, 5, maxTimeout, `at a ${Token.isUnresolved(c.interval) ? 'given' : c.interval}-second interval the timeout is 5-${maxTimeout} seconds`);
  problems.integer(APP_TM_PROBE_FAILURES, 'probeToleratedFailures', c.failures, 0, 9, 'use e.g. 3');
  problems.integer(APP_TM_PROBE_PORT, 'probePort', c.port, 1, 65535, 'use 443 for HTTPS');
  if (c.protocol === ProbeProtocol.TCP) {
    problems.check(c.path !== undefined, APP_TM_PROBE_PATH, 'probePath', c.path, 'a TCP probe takes no path', 'leave `probePath` out, or probe over HTTPS');
  } else if (c.path !== undefined && !Token.isUnresolved(c.path)) {
    problems.check(!c.path.startsWith('/'), APP_TM_PROBE_PATH, 'probePath', c.path, `an ${c.protocol} probe needs a path starting with /`, "use e.g. '/health'");
  }
  problems.integer(APP_TM_TTL, 'ttlSeconds', c.ttl, 0, 2147483647, 'use e.g. 30 for quick failover');
  const maxReturn = props.maxReturn;
  if (c.routingMethod === TrafficRoutingMethod.MULTI_VALUE) {
    problems.check(maxReturn === undefined, APP_TM_MULTIVALUE, 'maxReturn', maxReturn, 'MultiValue routing returns 1-8 endpoints per answer, and `maxReturn` must say how many', 'set `maxReturn` to 1-8');
    problems.integer(APP_TM_MULTIVALUE, 'maxReturn', maxReturn, 1, 8, 'set `maxReturn` to 1-8');
  } else {
    problems.check(maxReturn !== undefined, APP_TM_MULTIVALUE, 'maxReturn', maxReturn, `\`maxReturn\` applies to MultiValue routing only, not ${c.routingMethod}`, 'leave `maxReturn` out, or use TrafficRoutingMethod.MULTI_VALUE');
  }
}
