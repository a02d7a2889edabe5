import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { RelayNamespace } from '@cdktf/provider-azurerm/lib/relay-namespace';
import { TerraformLocal, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Address6 } from 'ip-address';
import { DEFAULT_HCM_COUNT, HYBRID_CONNECTION_LIMITS, RELAY_METRIC_NAMESPACE } from './defaults';
import { hybridConnectionHandoff } from './handoff/app-service-hybrid-connection';
import { HybridConnectionEndpoint, HybridConnectionEndpointOptions } from './hybrid-connection-endpoint';
import { HybridConnectionTarget } from './hybrid-connection-target';
import { APP_HC_APP_TARGET, APP_HC_ENDPOINT_DUPLICATE, APP_HC_HOST, APP_HC_LISTENERS, APP_HC_PLAN_LIMIT, APP_HC_PLAN_TIER, APP_HC_PORT, APP_HC_SECRET_OUTPUT } from './rules';
import { Alerts, IActionGroup, MetricDefinition } from '../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget, PrivateLinkTarget } from '../core/azure-resource';
import { isIpv4Address } from '../core/cidr';
import { isDnsName } from '../core/dns';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { Finding, reportAtSynth } from '../core/report';
import { NAME_DUPLICATE } from '../core/rules';
import { resolveExpression } from '../core/tokens';

// Kept importable from this file, where they were before they got files of their own.
// (lib/index.ts re-exports this file; the index owner may list the two files there instead.)
export * from './hybrid-connection-endpoint';
export * from './hybrid-connection-target';

/** Pricing tier of the App Service plan the app runs on (decides the hybrid connection limit). */
export enum AppServicePlanTier {
  /** F1: no hybrid connections. */
  FREE = 'Free',
  /** D1: no hybrid connections. */
  SHARED = 'Shared',
  /** B1-B3: 5 per plan. */
  BASIC = 'Basic',
  /** S1-S3: 25 per plan. */
  STANDARD = 'Standard',
  /** P*v2, P*v3, P*mv3 and Elastic Premium: 220 per app. */
  PREMIUM = 'Premium',
  /** I*v2: 220 per app. */
  ISOLATED_V2 = 'IsolatedV2',
  /** Functions Consumption (Y1, FC1): no hybrid connections. */
  CONSUMPTION = 'Consumption',
}

/** Props of `AppServiceHybridConnection`. */
export interface AppServiceHybridConnectionProps extends AzureResourceProps {
  /** Resource group of the relay namespace. */
  readonly resourceGroupName: string;
  /** Azure region of the relay namespace: put it in the app's region. */
  readonly location: string;
  /**
   * The app to bind: `HybridConnectionTarget.webApp(id)` or `HybridConnectionTarget.functionApp(id)`,
   * by its `Microsoft.Web/sites` resource id.
   */
  readonly app: HybridConnectionTarget;
  /**
   * Relay namespace name, 6-50 characters (globally unique: `<name>.servicebus.windows.net`).
   * @default - generated: `relay-<construct path>-<hash>`
   */
  readonly namespaceName?: string;
  /**
   * Tier of the app's App Service plan; when given, the plan's hybrid connection limit is checked.
   * @default - not checked
   */
  readonly planTier?: AppServicePlanTier;
  /**
   * Hybrid connections other apps already use on the same plan (Basic and Standard limits count
   * per plan). A Terraform expression is accepted; the limit is then checked on this app's
   * connections only.
   * @default 0
   */
  readonly otherConnectionsOnPlan?: number;
  /**
   * Create the metric alert on the relay's `ActiveListeners` (split by hybrid connection) that
   * fires when a connection has fewer listeners than `expectedListeners`: a dead Hybrid
   * Connection Manager. Must be a literal (it decides whether the alert exists): a Terraform
   * expression is refused with PROP-LITERAL.
   * @default true
   */
  readonly listenerAlert?: boolean;
  /**
   * Hybrid Connection Managers listening on each connection (the runbook installs two, for
   * high availability), 1-10: the listener alert's threshold.
   * @default 2
   */
  readonly expectedListeners?: number;
  /**
   * Action group the listener alert notifies (`new ActionGroup(...)` or `ActionGroup.fromActionGroupId(...)`).
   * @default - none: the alert shows in Azure Monitor only (warning MON-ACTION-GROUP-EMPTY)
   */
  readonly actionGroup?: IActionGroup;
}

/** Attribute names whose values are keys or connection strings. */
const SECRET_ATTRIBUTE = /^((primary|secondary)_(key|connection_string)|send_key_value)$/;

/**
 * App Service Hybrid Connections: a Standard relay namespace in the app's region and, per
 * on-premises `host:port` (`addEndpoint`), a hybrid connection with client authorization on and
 * the endpoint metadata App Service expects, a listen-only and a send-only rule scoped to the
 * connection, and the binding to a web app or function app using the send-only rule. The
 * listen-only connection string is a sensitive output; an alert watches the listener count (the
 * on-premises Hybrid Connection Managers); the runbook covers installing them.
 */
export class AppServiceHybridConnection extends AzureResource {
  /** The relay namespace (escape hatch). */
  public readonly namespace: RelayNamespace;
  /** Resource id of the relay namespace. */
  public readonly resourceId: string;
  /** Resource group of the namespace. */
  public readonly resourceGroupName: string;
  /** Region of the namespace. */
  public readonly location: string;
  /** The bound app. */
  public readonly app: HybridConnectionTarget;
  /** Name of the relay namespace (as given or generated). */
  public readonly namespaceName: string;
  /** The endpoints added so far, in order. */
  public readonly endpoints: HybridConnectionEndpoint[] = [];
  /** The alert on the relay's listener count (escape hatch), unless turned off. */
  public readonly listenerAlert?: MonitorMetricAlert;

  private readonly planTier?: AppServicePlanTier;
  private readonly otherConnectionsOnPlan?: number;
  private readonly expectedListeners?: number;

  constructor(scope: Construct, id: string, props: AppServiceHybridConnectionProps) {
    super(scope, id);
    this.resolve(props);
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.app = props.app;
    this.planTier = props.planTier;
    this.otherConnectionsOnPlan = props.otherConnectionsOnPlan;
    this.namespaceName = props.namespaceName ?? generateName(this, 'relayNamespace');
    this.namespace = new RelayNamespace(this, 'Resource', {
      name: this.namespaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      skuName: 'Standard',
    });
    this.resourceId = this.namespace.id;
    if (props.listenerAlert ?? true) {
      this.expectedListeners = props.expectedListeners ?? DEFAULT_HCM_COUNT;
      this.listenerAlert = this.alertOnMissingListeners(props.actionGroup);
    }
    this.initCommon(props);
    reportAtSynth(this, APP_HC_SECRET_OUTPUT, () => this.findUnmaskedSecretOutputs());
    this.handOff(props);
  }

  /**
   * Listeners connected to each hybrid connection (split by `EntityName`, the connection's name):
   * one per running Hybrid Connection Manager.
   * Source: Azure Monitor supported metrics, Microsoft.Relay/namespaces (`ActiveListeners`, Total, PT1M).
   */
  public metricActiveListeners(): MetricDefinition {
    return { resourceId: this.resourceId, namespace: RELAY_METRIC_NAMESPACE, name: 'ActiveListeners', aggregation: 'Total', splitBy: ['EntityName'], unit: 'listeners' };
  }

  /** Listener disconnects per hybrid connection (`ListenerDisconnects`, Total). */
  public metricListenerDisconnects(): MetricDefinition {
    return { resourceId: this.resourceId, namespace: RELAY_METRIC_NAMESPACE, name: 'ListenerDisconnects', aggregation: 'Total', splitBy: ['EntityName'], unit: 'disconnects' };
  }

  /** Listener connections refused by the service, per hybrid connection (`ListenerConnections-ServerError`, Total). */
  public metricListenerServerErrors(): MetricDefinition {
    return { resourceId: this.resourceId, namespace: RELAY_METRIC_NAMESPACE, name: 'ListenerConnections-ServerError', aggregation: 'Total', splitBy: ['EntityName'], unit: 'connections' };
  }

  /** Lets the app reach one on-premises `host:port` through a new hybrid connection. */
  public addEndpoint(id: string, options: HybridConnectionEndpointOptions): HybridConnectionEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('host', options.host, 'string');
    problems.required('port', options.port, 'number');
    checkUniqueId(problems, this, id, 'id', id);
    checkName(problems, 'relayHybridConnection', 'name', options.name);
    this.checkNameFree(problems, options.name);
    checkHost(problems, options.host);
    problems.integer(APP_HC_PORT, 'port', options.port, 1, 65535, 'use the on-premises service port, e.g. 1433');
    // A number token printed with `${}` would read -8.1e+298: keep it as its expression.
    const endpoint = `${options.host}:${Token.isUnresolved(options.port) ? Token.asString(options.port) : options.port}`;
    problems.check(
      !Token.isUnresolved(endpoint) && this.endpoints.some((e) => e.endpoint.toLowerCase() === endpoint.toLowerCase()),
      APP_HC_ENDPOINT_DUPLICATE,
      'host',
      endpoint,
      `${endpoint} is already served by another hybrid connection of this app`,
      'add each host:port once',
    );
    this.checkPlanLimit(problems);
    problems.throwIfAny();
    const created = new HybridConnectionEndpoint(this, id, { ...options, resourceGroupName: this.resourceGroupName, relayNamespaceName: this.namespace.name, app: this.app });
    this.endpoints.push(created);
    return created;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_relay_namespace' }];
  }

  /**
   * Relay private link: sub-resource `namespace`, zone `privatelink.servicebus.windows.net`
   * (MicrosoftDocs/azure-docs articles/private-link/private-endpoint-dns.md, "Azure Relay").
   * The Hybrid Connection Managers then resolve the namespace to the private address over the
   * VPN or ExpressRoute, and the app reaches it through VNet integration.
   */
  protected privateLinkTarget(): PrivateLinkTarget {
    return { subresource: 'namespace', zoneName: 'privatelink.servicebus.windows.net', resourceGroupName: this.resourceGroupName, location: this.location };
  }

  /** Every check on the props; one throw; nothing created yet. */
  private resolve(props: AppServiceHybridConnectionProps): void {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    const legacy = props as { webAppId?: unknown; functionAppId?: unknown };
    if (props.app === undefined && (legacy.webAppId !== undefined || legacy.functionAppId !== undefined)) {
      problems.add(APP_HC_APP_TARGET, 'app', undefined, '`webAppId` and `functionAppId` were replaced by `app`', 'pass `app: HybridConnectionTarget.webApp(id)` or `HybridConnectionTarget.functionApp(id)`');
    } else if (!problems.required('app', props.app, 'object') && !problems.required('app.appId', props.app.appId, 'string')) {
      problems.resourceId(APP_HC_APP_TARGET, 'app', props.app.appId, 'web app', 'pass the id of the app (`Microsoft.Web/sites/<name>`), e.g. `HybridConnectionTarget.webApp(app.id)`');
    }
    checkName(problems, 'relayNamespace', 'namespaceName', props.namespaceName);
    const tier = props.planTier;
    problems.check(
      tier === AppServicePlanTier.FREE || tier === AppServicePlanTier.SHARED || tier === AppServicePlanTier.CONSUMPTION,
      APP_HC_PLAN_TIER,
      'planTier',
      tier,
      `the ${tier} tier has no Hybrid Connections`,
      'move the app to a Basic, Standard, Premium or IsolatedV2 plan',
    );
    problems.integer(APP_HC_PLAN_LIMIT, 'otherConnectionsOnPlan', props.otherConnectionsOnPlan, 0, 1000, 'count the hybrid connections of the other apps on the plan');
    problems.literal('listenerAlert', props.listenerAlert, 'it decides whether the listener alert exists');
    problems.integer(APP_HC_LISTENERS, 'expectedListeners', props.expectedListeners, 1, 10, 'use the number of Hybrid Connection Managers per connection, 2 for high availability');
    problems.type('actionGroup', props.actionGroup, 'construct');
    problems.throwIfAny();
  }

  private alertOnMissingListeners(actionGroup: IActionGroup | undefined): MonitorMetricAlert {
    return Alerts.metric(this, 'ListenerAlert', this.resourceGroupName, this.metricActiveListeners(), {
      actionGroup,
      severity: 1,
      operator: 'LessThan',
      threshold: this.expectedListeners!,
      // One sample a minute (PT1M grain): the count of listeners connected in that minute.
      windowSize: 'PT1M',
      frequency: 'PT1M',
      description: 'A hybrid connection of the relay has fewer listeners than Hybrid Connection Managers installed: an HCM is down or disconnected (requests fail once none is left).',
    });
  }

  private checkNameFree(problems: ProblemCollector, name: string | undefined): void {
    if (name === undefined || Token.isUnresolved(name)) return;
    const clash = this.endpoints.find((e) => !Token.isUnresolved(e.hybridConnectionName) && e.hybridConnectionName.toLowerCase() === name.toLowerCase());
    problems.check(clash !== undefined, NAME_DUPLICATE, 'name', name, `the relay namespace already has a hybrid connection ${name} (${clash?.node.path})`, 'give each endpoint its own `name`, or leave it out to get a generated one');
  }

  private checkPlanLimit(problems: ProblemCollector): void {
    const tier = this.planTier;
    const limit = tier !== undefined ? HYBRID_CONNECTION_LIMITS[tier] : undefined;
    if (!limit) return;
    // A Terraform expression for the other apps' count is known only at apply: count this app's.
    const others = limit.per === 'plan' && !Token.isUnresolved(this.otherConnectionsOnPlan) ? this.otherConnectionsOnPlan ?? 0 : 0;
    const used = this.endpoints.length + 1 + others;
    problems.check(
      used > limit.limit,
      APP_HC_PLAN_LIMIT,
      'planTier',
      tier,
      `the ${tier} tier allows ${limit.limit} hybrid connections per ${limit.per}; this would be number ${used}`,
      tier === AppServicePlanTier.BASIC || tier === AppServicePlanTier.STANDARD ? 'scale the plan up (Standard: 25 per plan, Premium: 220 per app)' : 'use fewer hybrid connections, or another app',
    );
  }

  /**
   * Every output of the stack that carries a key or connection string of this construct's
   * resources must be sensitive (decided at synth, after escape-hatch edits).
   */
  private findUnmaskedSecretOutputs(): Finding | undefined {
    const stack = TerraformStack.of(this);
    const refs = this.node
      .findAll()
      .filter((n): n is TerraformResource => n instanceof TerraformResource)
      .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}.`);
    const leaking: string[] = [];
    const nodes = stack.node.findAll();
    const locals = stackLocals(stack, nodes);
    for (const node of nodes) {
      if (!(node instanceof TerraformOutput)) continue;
      const body = (resolveExpression(stack, node.toTerraform()) as { output?: Record<string, { value?: unknown; sensitive?: boolean }> }).output ?? {};
      for (const [name, output] of Object.entries(body)) {
        // Through `local.x` too: a connection string routed through a TerraformLocal is still a secret (fuzz review 1).
        const value = expandLocals(JSON.stringify(output.value ?? ''), locals);
        const leaks = refs.some((ref) => value.split(ref).slice(1).some((rest) => SECRET_ATTRIBUTE.test(rest.split(/[^a-z_]/)[0])));
        if (leaks && output.sensitive !== true) leaking.push(name);
      }
    }
    if (leaking.length === 0) return undefined;
    return {
      prop: 'output',
      value: leaking.join(', '),
      detail: `output(s) ${leaking.map((n) => `\`${n}\``).join(', ')} carry a relay key or connection string but are not sensitive`,
      fix: 'set `sensitive: true` on the output',
    };
  }

  private handOff(props: AppServiceHybridConnectionProps): void {
    const rgOutput = Token.isUnresolved(props.resourceGroupName)
      ? Runbook.of(this).addOutput(this, 'ResourceGroup', { value: props.resourceGroupName, description: `Resource group of relay namespace ${this.node.path}` })
      : undefined;
    Runbook.of(this).addSection(
      new LazySection(`App Service Hybrid Connections: ${this.node.path}`, () =>
        hybridConnectionHandoff({
          namespaceName: this.namespaceName,
          resourceGroup: rgOutput ? `"$(terraform output -raw ${rgOutput})"` : this.resourceGroupName,
          endpoints: this.endpoints,
          appKind: this.app.kind,
          appCliGroup: this.app.cliGroup,
          expectedListeners: this.listenerAlert ? this.expectedListeners : undefined,
          alertNotifies: props.actionGroup !== undefined,
        }),
      ),
    );
  }
}

/** The stack's locals, by name, each as the JSON text of its value. */
function stackLocals(stack: TerraformStack, nodes: IConstruct[]): Map<string, string> {
  const locals = new Map<string, string>();
  for (const node of nodes) {
    if (!(node instanceof TerraformLocal)) continue;
    const body = (resolveExpression(stack, node.toTerraform()) as { locals?: Record<string, unknown> }).locals ?? {};
    for (const [name, value] of Object.entries(body)) locals.set(name, JSON.stringify(value ?? ''));
  }
  return locals;
}

const LOCAL_REFERENCE = /\blocal\.([a-zA-Z_][a-zA-Z0-9_-]*)/g;

/**
 * `text` with every `local.<name>` replaced by the local's value, through locals that refer to
 * locals (at most 10 levels, at most 1 MB: a loop of locals cannot hang the check).
 */
function expandLocals(text: string, locals: Map<string, string>): string {
  let expanded = text;
  for (let depth = 0; depth < 10 && locals.size > 0; depth++) {
    const next = expanded.replace(LOCAL_REFERENCE, (whole, name: string) => locals.get(name) ?? whole);
    if (next === expanded || next.length > 1_000_000) return next;
    expanded = next;
  }
  return expanded;
}

/** The host is a DNS name the app resolves: not an IP address, not localhost, no scheme or port. */
function checkHost(problems: ProblemCollector, host: string): void {
  if (typeof host !== 'string' || Token.isUnresolved(host)) return;
  const lower = host.toLowerCase();
  const isIp = isIpv4Address(host) || Address6.isValid(host.replace(/^\[|\]$/g, ''));
  problems.check(isIp, APP_HC_HOST, 'host', host, 'the app resolves the endpoint by name: an IP address does not route through the hybrid connection', 'use the DNS name of the on-premises host, e.g. `sql01.corp.contoso.com`');
  problems.check(lower === 'localhost' || lower.endsWith('.localhost'), APP_HC_HOST, 'host', host, "`localhost` is the app's own sandbox (refused on Linux)", 'use the DNS name of the on-premises host as the Hybrid Connection Manager resolves it');
  problems.check(!isIp && (host.endsWith('.') || !isDnsName(host, false)), APP_HC_HOST, 'host', host, 'the host must be a DNS name, without scheme, port or path', 'give the port in `port`, e.g. host `sql01.corp.contoso.com`, port 1433');
}
