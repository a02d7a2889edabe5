import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { TrafficManagerAzureEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-azure-endpoint';
import { TrafficManagerExternalEndpoint } from '@cdktf/provider-azurerm/lib/traffic-manager-external-endpoint';
import { TrafficManagerProfile } from '@cdktf/provider-azurerm/lib/traffic-manager-profile';
import { Annotations, Lazy, Token } from 'cdktf';
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
} from './defaults';
import { isIpv4Address } from '../core/cidr';
import { isDnsLabel, isDnsName } from '../core/dns';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { APP_TM_DNS_NAME, APP_TM_ENDPOINT_DUPLICATE, APP_TM_ENDPOINT_LOCATION, APP_TM_ENDPOINT_TARGET, APP_TM_MULTIVALUE, APP_TM_PRIORITY, APP_TM_PROBE_FAILURES, APP_TM_PROBE_INTERVAL, APP_TM_PROBE_PATH, APP_TM_PROBE_PORT, APP_TM_PROBE_TIMEOUT, APP_TM_TTL, APP_TM_WEIGHT } from './rules';

/** How Traffic Manager picks an endpoint. */
export enum TrafficRoutingMethod {
  /** The healthy endpoint with the lowest priority: on-premises first, Azure as failover. */
  PRIORITY = 'Priority',
  /** Spread across endpoints by weight. */
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
   * Terraform ignores later changes of `enabled`.
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
export interface CrossCloudTrafficManagerProps {
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
   * Routing method.
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
   * Probe protocol.
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
   * Workspace for the profile's probe health logs and metrics.
   * @default - none: a warning is raised; call `sendDiagnosticsTo` to add one later
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
  /**
   * Create the metric alert that fires when an endpoint is degraded.
   * @default true
   */
  readonly degradedEndpointAlert?: boolean;
  /**
   * Action group the degraded-endpoint alert notifies.
   * @default - none: the alert shows in Azure Monitor only
   */
  readonly actionGroupId?: string;
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
}

const METRIC_NAMESPACE = 'Microsoft.Network/trafficManagerProfiles';
const ENDPOINT_STATE_METRIC = 'ProbeAgentCurrentEndpointStateByProfileResourceId';

/**
 * Cross-cloud scaling: a Traffic Manager profile that serves an app from on-premises (Azure
 * Stack Hub or any external endpoint, by FQDN) and from Azure (App Service or another resource,
 * by id). By default Priority routing sends users on-premises first and to Azure when the
 * on-premises endpoint is degraded; an HTTPS probe checks `/health` on 443 every 30 s; the DNS
 * TTL is 30 s; probe logs go to Log Analytics and an alert fires when an endpoint is degraded.
 */
export class CrossCloudTrafficManager extends Construct {
  /** The profile (escape hatch). */
  public readonly profile: TrafficManagerProfile;
  /** Resource id of the profile. */
  public readonly profileId: string;
  /** The profile's DNS name, `<relativeName>.trafficmanager.net`: the CNAME target. */
  public readonly fqdn: string;
  /** Routing method in use. */
  public readonly routingMethod: TrafficRoutingMethod;
  /** The degraded-endpoint alert (escape hatch), unless turned off. */
  public readonly degradedAlert?: MonitorMetricAlert;
  /** `terraform output` name of the profile FQDN. */
  public readonly fqdnOutputName: string;

  private readonly props: CrossCloudTrafficManagerProps;
  private readonly profileName: string;
  private readonly relativeName: string;
  private readonly entries: EndpointEntry[] = [];
  private readonly diagnosticSettings: DiagnosticSetting[] = [];
  private readonly resourceGroupOutputName?: string;

  constructor(scope: Construct, id: string, props: CrossCloudTrafficManagerProps) {
    super(scope, id);
    this.props = props;
    this.routingMethod = props.routingMethod ?? TrafficRoutingMethod.PRIORITY;
    const protocol = props.probeProtocol ?? ProbeProtocol.HTTPS;
    const interval = props.probeIntervalSeconds ?? PROBE_INTERVAL_SECONDS;
    const timeout = props.probeTimeoutSeconds ?? (interval === 10 ? 9 : PROBE_TIMEOUT_SECONDS);
    const failures = props.probeToleratedFailures ?? PROBE_TOLERATED_FAILURES;
    const port = props.probePort ?? PROBE_PORT;
    const path = props.probePath ?? (protocol === ProbeProtocol.TCP ? undefined : PROBE_PATH);
    const ttl = props.ttlSeconds ?? DNS_TTL_SECONDS;
    this.profileName = props.name ?? generateName(this, 'trafficManagerProfile');
    this.relativeName = props.relativeName ?? this.profileName.toLowerCase().replace(/[^a-z0-9-]/g, '-');

    const problems = new ProblemCollector(this);
    checkName(problems, 'trafficManagerProfile', 'name', props.name);
    if (!Token.isUnresolved(this.relativeName)) {
      problems.check(
        !isDnsLabel(this.relativeName),
        APP_TM_DNS_NAME,
        props.relativeName !== undefined ? 'relativeName' : 'name',
        this.relativeName,
        'the DNS relative name must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit',
        'give `relativeName` as a DNS label, e.g. `contoso-app`',
      );
    }
    if (!Token.isUnresolved(interval)) {
      problems.check(interval !== 10 && interval !== 30, APP_TM_PROBE_INTERVAL, 'probeIntervalSeconds', interval, 'the probe interval is 10 or 30 seconds', 'use 30 (normal) or 10 (fast probing)');
    }
    if (!Token.isUnresolved(timeout) && !Token.isUnresolved(interval)) {
      const max = interval === 10 ? 9 : 10;
      problems.check(
        !Number.isInteger(timeout) || timeout < 5 || timeout > max,
        APP_TM_PROBE_TIMEOUT,
        'probeTimeoutSeconds',
        timeout,
        `at a ${interval}-second interval the probe timeout is 5-${max} seconds`,
        `use a whole number from 5 to ${max}`,
      );
    }
    if (!Token.isUnresolved(failures)) {
      problems.check(!Number.isInteger(failures) || failures < 0 || failures > 9, APP_TM_PROBE_FAILURES, 'probeToleratedFailures', failures, 'tolerated failures are 0-9', 'use e.g. 3');
    }
    if (!Token.isUnresolved(port)) {
      problems.check(!Number.isInteger(port) || port < 1 || port > 65535, APP_TM_PROBE_PORT, 'probePort', port, 'the probe port is 1-65535', 'use 443 for HTTPS');
    }
    if (protocol === ProbeProtocol.TCP) {
      problems.check(path !== undefined, APP_TM_PROBE_PATH, 'probePath', path, 'a TCP probe takes no path', 'leave `probePath` out, or probe over HTTPS');
    } else if (path !== undefined && !Token.isUnresolved(path)) {
      problems.check(!path.startsWith('/'), APP_TM_PROBE_PATH, 'probePath', path, `an ${protocol} probe needs a path starting with /`, "use e.g. '/health'");
    }
    if (!Token.isUnresolved(ttl)) {
      problems.check(!Number.isInteger(ttl) || ttl < 0 || ttl > 2147483647, APP_TM_TTL, 'ttlSeconds', ttl, 'the DNS TTL is 0-2147483647 seconds', 'use e.g. 30 for quick failover');
    }
    const maxReturn = props.maxReturn;
    if (this.routingMethod === TrafficRoutingMethod.MULTI_VALUE) {
      if (maxReturn === undefined || !Token.isUnresolved(maxReturn)) {
        problems.check(
          maxReturn === undefined || !Number.isInteger(maxReturn) || maxReturn < 1 || maxReturn > 8,
          APP_TM_MULTIVALUE,
          'maxReturn',
          maxReturn,
          'MultiValue routing returns 1-8 endpoints per answer, and `maxReturn` must say how many',
          'set `maxReturn` to 1-8',
        );
      }
    } else {
      problems.check(maxReturn !== undefined, APP_TM_MULTIVALUE, 'maxReturn', maxReturn, `\`maxReturn\` applies to MultiValue routing only, not ${this.routingMethod}`, 'leave `maxReturn` out, or use TrafficRoutingMethod.MULTI_VALUE');
    }
    problems.throwIfAny();

    this.profile = new TrafficManagerProfile(this, 'Resource', {
      name: this.profileName,
      resourceGroupName: props.resourceGroupName,
      trafficRoutingMethod: this.routingMethod,
      maxReturn,
      dnsConfig: { relativeName: this.relativeName, ttl },
      monitorConfig: {
        protocol,
        port,
        path,
        intervalInSeconds: interval,
        timeoutInSeconds: timeout,
        toleratedNumberOfFailures: failures,
        expectedStatusCodeRanges: props.expectedStatusCodeRanges,
      },
    });
    this.profileId = this.profile.id;
    this.fqdn = this.profile.fqdn;

    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning(
        "[APP-DIAGNOSTICS-MISSING] No Log Analytics workspace: the profile's probe health events go nowhere. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.",
      );
    }

    if (props.degradedEndpointAlert ?? true) {
      this.degradedAlert = new MonitorMetricAlert(this, 'DegradedEndpointAlert', {
        name: `${this.profileName}-endpoint-degraded`,
        resourceGroupName: props.resourceGroupName,
        scopes: [this.profile.id],
        description: 'A Traffic Manager endpoint of the cross-cloud app is degraded (its health probe fails).',
        severity: DEGRADED_ALERT.severity,
        frequency: DEGRADED_ALERT.frequency,
        windowSize: DEGRADED_ALERT.windowSize,
        autoMitigate: true,
        criteria: [
          {
            metricNamespace: METRIC_NAMESPACE,
            metricName: ENDPOINT_STATE_METRIC,
            aggregation: 'Maximum',
            operator: 'LessThan',
            threshold: 1,
            dimension: [{ name: 'EndpointName', operator: 'Include', values: ['*'] }],
          },
        ],
        action: props.actionGroupId !== undefined ? [{ actionGroupId: props.actionGroupId }] : undefined,
      });
    }

    this.fqdnOutputName = Runbook.of(this).addOutput(this, 'Fqdn', {
      value: this.profile.fqdn,
      description: `DNS name of Traffic Manager profile ${this.node.path}: the CNAME target of the app's custom domain`,
    });
    if (Token.isUnresolved(props.resourceGroupName)) {
      this.resourceGroupOutputName = Runbook.of(this).addOutput(this, 'ResourceGroup', { value: props.resourceGroupName, description: `Resource group of Traffic Manager profile ${this.node.path}` });
    }
    Runbook.of(this).addSection(new LazySection(`Cross-cloud scaling: ${this.node.path}`, () => this.renderHandoff()));
  }

  /** Sends the profile's probe health logs and metrics to a workspace. */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting {
    const setting = DiagnosticSetting.send(this, {
      targetResourceId: this.profile.id,
      resourceType: 'azurerm_traffic_manager_profile',
      workspace,
      ...options,
    });
    this.diagnosticSettings.push(setting);
    return setting;
  }

  /** Adds an endpoint outside Azure (Azure Stack Hub, a data centre) by FQDN. */
  public addExternalEndpoint(id: string, options: ExternalEndpointOptions): TrafficManagerExternalEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
    const target = options.target;
    if (!Token.isUnresolved(target)) {
      const isIp = isIpv4Address(target) || Address6.isValid(target);
      if (this.routingMethod === TrafficRoutingMethod.MULTI_VALUE) {
        problems.check(!isIp, APP_TM_MULTIVALUE, 'target', target, 'MultiValue routing serves only endpoints given as IPv4 or IPv6 addresses', 'give the endpoint\'s public IP address, or use another routing method');
      } else {
        problems.check(!isIp && !isDnsName(target, true), APP_TM_ENDPOINT_TARGET, 'target', target, 'the target must be a fully qualified DNS name, without scheme, port or path', 'use e.g. `app.local.azurestack.external`');
      }
    }
    const location = options.endpointLocation;
    problems.check(
      this.routingMethod === TrafficRoutingMethod.PERFORMANCE && (location === undefined || location === ''),
      APP_TM_ENDPOINT_LOCATION,
      'endpointLocation',
      location,
      'Performance routing needs the Azure region closest to an external endpoint',
      'set `endpointLocation`, e.g. the region nearest the data centre',
    );
    const entry = this.checkCommon(problems, id, 'external', target, options);
    problems.throwIfAny();
    this.entries.push(entry);
    const endpoint = new TrafficManagerExternalEndpoint(this, id, {
      name: entry.name,
      profileId: this.profile.id,
      target,
      endpointLocation: location,
      enabled: entry.enabled,
      priority: this.priorityToken(entry),
      weight: entry.weight,
    });
    if (options.statusManagedOutsideTerraform) endpoint.lifecycle = { ignoreChanges: ['enabled'] };
    return endpoint;
  }

  /** Adds an endpoint in Azure (App Service, public IP, ...) by resource id. */
  public addAzureEndpoint(id: string, options: AzureEndpointOptions): TrafficManagerAzureEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
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
    if (options.statusManagedOutsideTerraform) endpoint.lifecycle = { ignoreChanges: ['enabled'] };
    return endpoint;
  }

  /** Priority each endpoint gets (explicit or assigned), by endpoint name; Priority routing only. */
  public priorities(): { [name: string]: number } {
    const result: { [name: string]: number } = {};
    for (const e of this.entries) result[e.name] = this.priorityOf(e);
    return result;
  }

  private checkCommon(problems: ProblemCollector, id: string, kind: 'external' | 'azure', target: string, options: TrafficManagerEndpointOptions): EndpointEntry {
    const name = options.name ?? id;
    const { priority, weight } = options;
    checkUniqueId(problems, this, id, 'id', id);
    checkName(problems, 'trafficManagerEndpoint', options.name !== undefined ? 'name' : 'id', name);
    if (!Token.isUnresolved(name)) {
      // Azure keys a profile's endpoints by name, whatever their type.
      const clash = this.entries.find((e) => !Token.isUnresolved(e.name) && e.name.toLowerCase() === name.toLowerCase());
      problems.check(
        clash !== undefined,
        APP_TM_ENDPOINT_DUPLICATE,
        options.name !== undefined ? 'name' : 'id',
        name,
        `the profile already has ${clash?.kind === 'azure' ? 'an Azure' : 'an external'} endpoint named ${clash?.name}`,
        'give each endpoint its own name (`name`, or the id when `name` is left out)',
      );
    }
    if (priority !== undefined && !Token.isUnresolved(priority)) {
      problems.check(!Number.isInteger(priority) || priority < 1 || priority > 1000, APP_TM_PRIORITY, 'priority', priority, 'an endpoint priority is 1-1000', 'use a whole number from 1 (first) to 1000');
      const clash = this.entries.find((e) => e.priority === priority);
      problems.check(clash !== undefined, APP_TM_PRIORITY, 'priority', priority, `priority ${priority} is already taken by endpoint ${clash?.name}`, 'give each endpoint its own priority, or leave `priority` out to get the next free one');
    }
    if (weight !== undefined && !Token.isUnresolved(weight)) {
      problems.check(!Number.isInteger(weight) || weight < 1 || weight > 1000, APP_TM_WEIGHT, 'weight', weight, 'an endpoint weight is 1-1000', 'use a whole number from 1 to 1000');
    }
    return {
      kind,
      name,
      target,
      priority,
      weight: weight ?? (this.routingMethod === TrafficRoutingMethod.WEIGHTED ? ENDPOINT_WEIGHT : undefined),
      enabled: options.enabled ?? true,
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

  private renderHandoff(): string {
    const p = this.props;
    const show = (value: string | undefined, placeholder: string) => (value === undefined || Token.isUnresolved(value) ? placeholder : value);
    const rg = this.resourceGroupOutputName ? `"$(terraform output -raw ${this.resourceGroupOutputName})"` : p.resourceGroupName;
    const profile = show(this.profileName, '<profile name>');
    const domain = p.customDomain ?? 'www.<your domain>';
    const host = domain.split('.')[0];
    const zone = domain.split('.').slice(1).join('.') || '<your domain>';
    const lines = [
      `Routing: **${this.routingMethod}**; probe ${p.probeProtocol ?? ProbeProtocol.HTTPS} on port ${p.probePort ?? PROBE_PORT}${(p.probeProtocol ?? ProbeProtocol.HTTPS) === ProbeProtocol.TCP ? '' : ` path \`${p.probePath ?? PROBE_PATH}\``}; DNS TTL ${p.ttlSeconds ?? DNS_TTL_SECONDS} s.`,
      '',
      '| endpoint | side | target | ' + (this.routingMethod === TrafficRoutingMethod.WEIGHTED ? 'weight' : 'priority') + ' | enabled |',
      '| --- | --- | --- | --- | --- |',
      ...this.entries.map((e) => {
        const rank = this.routingMethod === TrafficRoutingMethod.WEIGHTED ? String(e.weight ?? ENDPOINT_WEIGHT) : this.routingMethod === TrafficRoutingMethod.PRIORITY ? String(this.priorityOf(e)) : '-';
        return `| ${e.name} | ${e.kind === 'external' ? 'on-premises' : 'Azure'} | ${show(e.target, '(resource id, set at apply)')} | ${rank} | ${e.enabled ? 'yes' : 'no'} |`;
      }),
      '',
      '### 1. Point the custom domain at the profile (Terraform does not own your registrar)',
      '',
      '```sh',
      `terraform output -raw ${this.fqdnOutputName}     # <profile>.trafficmanager.net`,
      '```',
      '',
      `At the registrar or DNS zone of \`${zone}\`, create \`${host} CNAME <that FQDN>.\` (e.g. \`${host}  300  IN  CNAME  ${show(this.relativeName, '<profile>')}.trafficmanager.net.\`). In an Azure DNS zone:`,
      '',
      '```sh',
      `az network dns record-set cname set-record --resource-group <dns zone resource group> --zone-name ${zone} --record-set-name ${host} --cname "$(terraform output -raw ${this.fqdnOutputName})"`,
      `nslookup ${domain}     # answers with an on-premises or Azure endpoint`,
      '```',
      '',
      'A zone apex cannot be a CNAME: use `www` (or an Azure DNS alias record) for the apex.',
      '',
      '### 2. Make every endpoint answer the probe and the domain',
      '',
      `- Each endpoint must answer ${p.probeProtocol ?? ProbeProtocol.HTTPS} on port ${p.probePort ?? PROBE_PORT}${(p.probeProtocol ?? ProbeProtocol.HTTPS) === ProbeProtocol.TCP ? '' : ` at \`${p.probePath ?? PROBE_PATH}\` with 200`} within the probe timeout.`,
      `- App Service endpoints: the app needs Standard tier or higher and the custom domain bound: \`az webapp config hostname add --webapp-name <app> --resource-group <app resource group> --hostname ${domain}\` (add the \`asuid.${host}\` TXT record first), plus a certificate for it.`,
      `- Azure Stack Hub (out of scope here): deploy the same app on Stack Hub, publish it on its external FQDN with a certificate valid for \`${domain}\`, and open HTTPS from the Internet to it (Traffic Manager probes come from Azure's probe addresses).`,
      '',
      '### 3. Scale out to Azure on load (out of scope here)',
      '',
      'The pattern serves from on-premises and turns the Azure endpoint on when load crosses a threshold. Terraform does not watch load: the threshold function (e.g. an Azure Function on a Stack Hub metric) switches the endpoint:',
      '',
      '```sh',
      `az network traffic-manager endpoint update --resource-group ${rg} --profile-name ${profile} --type azureEndpoints --name ${this.entries.filter((e) => e.kind === 'azure').map((e) => e.name)[0] ?? '<azure endpoint>'} --endpoint-status Enabled   # Disabled to scale back`,
      '```',
      '',
      'Add such endpoints with `statusManagedOutsideTerraform: true`, so that the next `terraform apply` does not undo the switch.',
      '',
      '### 4. Check',
      '',
      '```sh',
      `az network traffic-manager endpoint list --resource-group ${rg} --profile-name ${profile} --query "[].{name:name,type:type,status:endpointStatus,monitor:endpointMonitorStatus}" -o table`,
      '```',
      '',
      `Every endpoint should be \`Online\`. ${this.degradedAlert ? `The alert \`${show(`${this.profileName}-endpoint-degraded`, '<profile>-endpoint-degraded')}\` fires when one is degraded${p.actionGroupId ? ' and notifies the action group' : ' (no action group: it shows in Azure Monitor only)'}.` : 'No degraded-endpoint alert was created.'}`,
    ];
    return lines.join('\n');
  }
}
