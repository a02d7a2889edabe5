import { FunctionAppHybridConnection } from '@cdktf/provider-azurerm/lib/function-app-hybrid-connection';
import { RelayHybridConnection } from '@cdktf/provider-azurerm/lib/relay-hybrid-connection';
import { RelayHybridConnectionAuthorizationRule } from '@cdktf/provider-azurerm/lib/relay-hybrid-connection-authorization-rule';
import { RelayNamespace } from '@cdktf/provider-azurerm/lib/relay-namespace';
import { WebAppHybridConnection } from '@cdktf/provider-azurerm/lib/web-app-hybrid-connection';
import { Annotations, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Address6 } from 'ip-address';
import { HYBRID_CONNECTION_LIMITS, LISTENER_RULE_NAME, SENDER_RULE_NAME } from './defaults';
import { isIpv4Address } from '../core/cidr';
import { isDnsName } from '../core/dns';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression } from '../core/tokens';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { APP_HC_APP_TARGET, APP_HC_ENDPOINT_DUPLICATE, APP_HC_HOST, APP_HC_PLAN_LIMIT, APP_HC_PLAN_TIER, APP_HC_PORT } from './rules';
import { NAME_DUPLICATE } from '../core/rules';

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

/** One on-premises TCP endpoint the app reaches through a hybrid connection. */
export interface HybridConnectionEndpointOptions {
  /** DNS name of the on-premises host, as the app will resolve it (not an IP, not localhost). */
  readonly host: string;
  /** TCP port, 1-65535. */
  readonly port: number;
  /**
   * Name of the relay hybrid connection.
   *
   * Unique in the namespace; 1-260 letters, digits, '.', '_' and '-', starting and ending with a
   * letter or digit.
   * @default - generated: `hc-<construct path>`
   */
  readonly name?: string;
}

/** Props of `AppServiceHybridConnection`. */
export interface AppServiceHybridConnectionProps {
  /** Resource group of the relay namespace. */
  readonly resourceGroupName: string;
  /** Azure region of the relay namespace: put it in the app's region. */
  readonly location: string;
  /**
   * Resource id of the web app (`azurerm_linux_web_app` / `azurerm_windows_web_app`) to bind.
   * Give exactly one of `webAppId` and `functionAppId`.
   * @default - none
   */
  readonly webAppId?: string;
  /**
   * Resource id of the function app to bind. Give exactly one of `webAppId` and `functionAppId`.
   * @default - none
   */
  readonly functionAppId?: string;
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
   * Hybrid connections other apps already use on the same plan (Basic and Standard limits count per plan).
   * @default 0
   */
  readonly otherConnectionsOnPlan?: number;
  /**
   * Workspace for the relay's hybrid connection logs and metrics.
   * @default - none: a warning is raised; call `sendDiagnosticsTo` to add one later
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** Props of `HybridConnectionEndpoint`. */
export interface HybridConnectionEndpointProps extends HybridConnectionEndpointOptions {
  /** The namespace and app it belongs to. */
  readonly parent: AppServiceHybridConnection;
}

/**
 * One hybrid connection: relay hybrid connection (client authorization on, endpoint metadata),
 * its listener and sender rules, and the binding to the app. Created by
 * `AppServiceHybridConnection.addEndpoint`.
 */
export class HybridConnectionEndpoint extends Construct {
  /** The relay hybrid connection (escape hatch). */
  public readonly hybridConnection: RelayHybridConnection;
  /** Listen-only rule for the on-premises Hybrid Connection Managers. */
  public readonly listenerRule: RelayHybridConnectionAuthorizationRule;
  /** Send-only rule the app uses. */
  public readonly senderRule: RelayHybridConnectionAuthorizationRule;
  /** Binding to the web app, when the parent binds a web app. */
  public readonly webAppBinding?: WebAppHybridConnection;
  /** Binding to the function app, when the parent binds a function app. */
  public readonly functionAppBinding?: FunctionAppHybridConnection;
  /** `host:port` served. */
  public readonly endpoint: string;
  /** `terraform output` name of the listener connection string (sensitive). */
  public readonly listenerConnectionStringOutputName: string;
  /** Name of the hybrid connection (as given or generated). */
  public readonly hybridConnectionName: string;

  constructor(scope: Construct, id: string, props: HybridConnectionEndpointProps) {
    super(scope, id);
    const parent = props.parent;
    this.endpoint = `${props.host}:${props.port}`;
    this.hybridConnectionName = props.name ?? generateName(this, 'relayHybridConnection');
    this.hybridConnection = new RelayHybridConnection(this, 'Resource', {
      name: this.hybridConnectionName,
      resourceGroupName: parent.resourceGroupName,
      relayNamespaceName: parent.namespace.name,
      requiresClientAuthorization: true,
      userMetadata: JSON.stringify([{ key: 'endpoint', value: this.endpoint }]),
    });
    const rule = (ruleId: string, name: string, listen: boolean) =>
      new RelayHybridConnectionAuthorizationRule(this, ruleId, {
        name,
        resourceGroupName: parent.resourceGroupName,
        namespaceName: parent.namespace.name,
        hybridConnectionName: this.hybridConnection.name,
        listen,
        send: !listen,
        manage: false,
      });
    this.listenerRule = rule('ListenerRule', LISTENER_RULE_NAME, true);
    this.senderRule = rule('SenderRule', SENDER_RULE_NAME, false);
    const binding = {
      relayId: this.hybridConnection.id,
      hostname: props.host,
      port: props.port,
      sendKeyName: this.senderRule.name,
    };
    if (parent.webAppId !== undefined) {
      this.webAppBinding = new WebAppHybridConnection(this, 'Binding', { ...binding, webAppId: parent.webAppId });
    } else {
      this.functionAppBinding = new FunctionAppHybridConnection(this, 'Binding', { ...binding, functionAppId: parent.functionAppId! });
    }
    this.listenerConnectionStringOutputName = Runbook.of(this).addOutput(this, 'ListenerConnectionString', {
      value: this.listenerRule.primaryConnectionString,
      description: `Listen-only connection string of hybrid connection ${this.endpoint}, for the Hybrid Connection Managers`,
      sensitive: true,
    });
  }
}

/** Attribute names whose values are keys or connection strings. */
const SECRET_ATTRIBUTE = /^((primary|secondary)_(key|connection_string)|send_key_value)$/;

/**
 * App Service Hybrid Connections: a Standard relay namespace in the app's region and, per
 * on-premises `host:port` (`addEndpoint`), a hybrid connection with client authorization on and
 * the endpoint metadata App Service expects, a listen-only and a send-only rule scoped to the
 * connection, and the binding to a web app or function app using the send-only rule. The
 * listen-only connection string is a sensitive output; the runbook covers the Hybrid Connection
 * Managers to install on premises.
 */
export class AppServiceHybridConnection extends Construct {
  /** The relay namespace (escape hatch). */
  public readonly namespace: RelayNamespace;
  /** Resource group of the namespace. */
  public readonly resourceGroupName: string;
  /** Bound web app id, if any. */
  public readonly webAppId?: string;
  /** Bound function app id, if any. */
  public readonly functionAppId?: string;
  /** Name of the relay namespace (as given or generated). */
  public readonly namespaceName: string;

  private readonly props: AppServiceHybridConnectionProps;
  private readonly resourceGroupOutputName?: string;
  private readonly endpoints: HybridConnectionEndpoint[] = [];
  private readonly diagnosticSettings: DiagnosticSetting[] = [];

  constructor(scope: Construct, id: string, props: AppServiceHybridConnectionProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    checkName(problems, 'relayNamespace', 'namespaceName', props.namespaceName);
    const targets = [props.webAppId, props.functionAppId].filter((t) => t !== undefined);
    problems.check(
      targets.length !== 1,
      APP_HC_APP_TARGET,
      props.webAppId === undefined && props.functionAppId === undefined ? 'webAppId' : 'functionAppId',
      props.functionAppId,
      targets.length === 0 ? 'no app to bind the hybrid connections to' : 'both a web app and a function app are given',
      'give exactly one of `webAppId` and `functionAppId` (one AppServiceHybridConnection per app)',
    );
    const tier = props.planTier;
    problems.check(
      tier === AppServicePlanTier.FREE || tier === AppServicePlanTier.SHARED || tier === AppServicePlanTier.CONSUMPTION,
      APP_HC_PLAN_TIER,
      'planTier',
      tier,
      `the ${tier} tier has no Hybrid Connections`,
      'move the app to a Basic, Standard, Premium or IsolatedV2 plan',
    );
    const others = props.otherConnectionsOnPlan ?? 0;
    problems.check(!Number.isInteger(others) || others < 0, APP_HC_PLAN_LIMIT, 'otherConnectionsOnPlan', others, 'a count of connections is a whole number from 0', 'count the hybrid connections of the other apps on the plan');
    problems.throwIfAny();

    this.props = props;
    this.resourceGroupName = props.resourceGroupName;
    this.webAppId = props.webAppId;
    this.functionAppId = props.functionAppId;
    this.namespaceName = props.namespaceName ?? generateName(this, 'relayNamespace');
    this.namespace = new RelayNamespace(this, 'Resource', {
      name: this.namespaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      skuName: 'Standard',
    });

    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning(
        "[APP-DIAGNOSTICS-MISSING] No Log Analytics workspace: the relay's hybrid connection events go nowhere. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.",
      );
    }
    this.node.addValidation({ validate: () => this.validateSecretsSensitive() });
    if (Token.isUnresolved(props.resourceGroupName)) {
      this.resourceGroupOutputName = Runbook.of(this).addOutput(this, 'ResourceGroup', { value: props.resourceGroupName, description: `Resource group of relay namespace ${this.node.path}` });
    }
    Runbook.of(this).addSection(new LazySection(`App Service Hybrid Connections: ${this.node.path}`, () => this.renderHandoff()));
  }

  /** Sends the relay's hybrid connection logs and metrics to a workspace. */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting {
    const setting = DiagnosticSetting.send(this, {
      targetResourceId: this.namespace.id,
      resourceType: 'azurerm_relay_namespace',
      workspace,
      ...options,
    });
    this.diagnosticSettings.push(setting);
    return setting;
  }

  /** Lets the app reach one on-premises `host:port` through a new hybrid connection. */
  public addEndpoint(id: string, options: HybridConnectionEndpointOptions): HybridConnectionEndpoint {
    const problems = new ProblemCollector(`${this.node.path}/${id}`);
    const { host, port } = options;
    checkUniqueId(problems, this, id, 'id', id);
    checkName(problems, 'relayHybridConnection', 'name', options.name);
    if (options.name !== undefined && !Token.isUnresolved(options.name)) {
      const name = options.name.toLowerCase();
      const clash = this.endpoints.find((e) => !Token.isUnresolved(e.hybridConnectionName) && e.hybridConnectionName.toLowerCase() === name);
      problems.check(clash !== undefined, NAME_DUPLICATE, 'name', options.name, `the relay namespace already has a hybrid connection ${options.name} (${clash?.node.path})`, 'give each endpoint its own `name`, or leave it out to get a generated one');
    }
    if (!Token.isUnresolved(host)) {
      const lower = host.toLowerCase();
      const isIp = isIpv4Address(host) || Address6.isValid(host.replace(/^\[|\]$/g, ''));
      problems.check(isIp, APP_HC_HOST, 'host', host, 'the app resolves the endpoint by name: an IP address does not route through the hybrid connection', 'use the DNS name of the on-premises host, e.g. `sql01.corp.contoso.com`');
      problems.check(lower === 'localhost' || lower.endsWith('.localhost'), APP_HC_HOST, 'host', host, '`localhost` is the app\'s own sandbox (refused on Linux)', 'use the DNS name of the on-premises host as the Hybrid Connection Manager resolves it');
      problems.check(!isIp && (host.endsWith('.') || !isDnsName(host, false)), APP_HC_HOST, 'host', host, 'the host must be a DNS name, without scheme, port or path', 'give the port in `port`, e.g. host `sql01.corp.contoso.com`, port 1433');
    }
    if (!Token.isUnresolved(port)) {
      problems.check(!Number.isInteger(port) || port < 1 || port > 65535, APP_HC_PORT, 'port', port, 'the port is a TCP port 1-65535', 'use the on-premises service port, e.g. 1433');
    }
    const endpoint = `${host}:${port}`;
    problems.check(
      this.endpoints.some((e) => e.endpoint.toLowerCase() === endpoint.toLowerCase()),
      APP_HC_ENDPOINT_DUPLICATE,
      'host',
      endpoint,
      `${endpoint} is already served by another hybrid connection of this app`,
      'add each host:port once',
    );
    const tier = this.props.planTier;
    const limit = tier !== undefined ? HYBRID_CONNECTION_LIMITS[tier] : undefined;
    if (limit) {
      const used = this.endpoints.length + 1 + (limit.per === 'plan' ? this.props.otherConnectionsOnPlan ?? 0 : 0);
      problems.check(
        used > limit.limit,
        APP_HC_PLAN_LIMIT,
        'planTier',
        tier,
        `the ${tier} tier allows ${limit.limit} hybrid connections per ${limit.per}; this would be number ${used}`,
        tier === AppServicePlanTier.BASIC || tier === AppServicePlanTier.STANDARD ? 'scale the plan up (Standard: 25 per plan, Premium: 220 per app)' : 'use fewer hybrid connections, or another app',
      );
    }
    problems.throwIfAny();
    const created = new HybridConnectionEndpoint(this, id, { ...options, parent: this });
    this.endpoints.push(created);
    return created;
  }

  /**
   * Every output of the stack that carries a key or connection string of this construct's
   * resources must be sensitive (checked on the final tree, after escape-hatch edits).
   */
  private validateSecretsSensitive(): string[] {
    const errors: string[] = [];
    const stack = TerraformStack.of(this);
    const refs = this.node
      .findAll()
      .filter((n): n is TerraformResource => n instanceof TerraformResource)
      .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}.`);
    for (const node of stack.node.findAll()) {
      if (!(node instanceof TerraformOutput)) continue;
      const body = (resolveExpression(stack, node.toTerraform()) as { output?: Record<string, { value?: unknown; sensitive?: boolean }> }).output ?? {};
      for (const [name, output] of Object.entries(body)) {
        const value = JSON.stringify(output.value ?? '');
        const leaks = refs.some((ref) => value.split(ref).slice(1).some((rest) => SECRET_ATTRIBUTE.test(rest.split(/[^a-z_]/)[0])));
        if (leaks && output.sensitive !== true) {
          errors.push(`[APP-HC-SECRET-OUTPUT] ${node.node.path}: output \`${name}\` carries a relay key or connection string but is not sensitive. Fix: set \`sensitive: true\` on the output`);
        }
      }
    }
    return errors;
  }

  private renderHandoff(): string {
    const show = (value: string | undefined, placeholder: string) => (value === undefined || Token.isUnresolved(value) ? placeholder : value);
    const ns = show(this.namespaceName, '<relay namespace>');
    const rg = this.resourceGroupOutputName ? `"$(terraform output -raw ${this.resourceGroupOutputName})"` : this.resourceGroupName;
    const lines = [
      `Relay namespace \`${ns}\` (Standard). The app reaches these on-premises endpoints through it:`,
      '',
      '| endpoint | hybrid connection | listener connection string output |',
      '| --- | --- | --- |',
      ...this.endpoints.map((e) => `| \`${e.endpoint}\` | \`${show(e.hybridConnectionName, '<hybrid connection>')}\` | \`${e.listenerConnectionStringOutputName}\` (sensitive) |`),
      '',
      '### 1. Install two Hybrid Connection Managers on premises',
      '',
      '- On two servers (Windows Server 2012 or later, or Linux) that resolve and reach every endpoint above: two HCMs listening on the same connections give high availability.',
      `- Firewall: outbound TCP **443** only, to \`${ns}.servicebus.windows.net\` and the relay gateways \`*.servicebus.windows.net\`; nothing inbound.`,
      '- Download the HCM from the app\'s Networking > Hybrid connections page in the portal.',
      '',
      '### 2. Add each connection to both HCMs with its listen-only connection string',
      '',
      '```sh',
      ...this.endpoints.map((e) => `terraform output -raw ${e.listenerConnectionStringOutputName}   # ${e.endpoint}`),
      '```',
      '',
      'In the HCM: Add a new Hybrid Connection > Enter Manually > paste the connection string (or the `hcm` command line on Linux). Handle the string as a secret: it grants listen access only, never send or manage. Do not sign the HCM in with an Azure account that can list every key.',
      '',
      '### 3. Check',
      '',
      '```sh',
      ...this.endpoints.map((e) => `az relay hyco show --resource-group ${rg} --namespace-name ${ns} --name ${show(e.hybridConnectionName, '<hybrid connection>')} --query listenerCount   # 2 when both HCMs are connected`),
      `az webapp hybrid-connection list --resource-group <app resource group> --name <app>   # or: az functionapp hybrid-connection list`,
      '```',
      '',
      'The HCM shows each connection as `Connected`; the app then reaches `host:port` by name.',
    ];
    return lines.join('\n');
  }
}
