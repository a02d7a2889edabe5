import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { generateName } from './naming';
import { reportAtSynth } from './report';
import { Token } from 'cdktf';
import { MON_ACTION_GROUP_EMPTY, MON_ACTION_RECEIVER, MON_ACTION_SHORT_NAME, MON_ALERT_SEVERITY, MON_WEBHOOK_SECRET } from './rules';
import type { ILogAnalyticsWorkspace } from './workspace';

/** An action group that alerts notify: one the library created, or an existing one by id. */
export interface IActionGroup extends IConstruct {
  /** Full Azure resource id of the action group. */
  readonly actionGroupId: string;
}

/** Props of `ActionGroup`. */
export interface ActionGroupProps {
  readonly resourceGroupName: string;
  /**
   * E-mail addresses to notify.
   * @default - none
   */
  readonly emails?: string[];
  /**
   * Webhook URLs to call (a Terraform variable or Key Vault reference: a URL with a token in it
   * is a secret).
   * @default - none
   */
  readonly webhookUrls?: string[];
  /**
   * Short name shown in SMS and e-mail (1-12 characters).
   * @default 'hybrid'
   */
  readonly shortName?: string;
  /**
   * Name of the action group.
   * @default - generated from the construct path: `ag-<path>`
   */
  readonly name?: string;
}

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}$/;
/** Azure Monitor: up to 1,000 e-mail actions per action group (azure-docs azure-monitor/alerts/action-groups.md). */
const MAX_EMAIL_RECEIVERS = 1000;
/** Query parameters that carry a credential in webhook URLs (Logic Apps `sig`, Functions `code`, and the usual key names). */
const CREDENTIAL_PARAMETERS = new Set(['sig', 'signature', 'code', 'key', 'apikey', 'api-key', 'api_key', 'token', 'access_token', 'secret', 'password']);

/** What in a URL is a credential (`sig=`, `user:password@`), or undefined. One URL parse: linear. */
function webhookCredential(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.password !== '') return 'a user:password';
  for (const name of parsed.searchParams.keys()) if (CREDENTIAL_PARAMETERS.has(name.toLowerCase())) return `the ${name}= parameter`;
  return undefined;
}

/** An Azure Monitor action group with e-mail and webhook receivers. */
export class ActionGroup extends Construct implements IActionGroup {
  /** Refers to an existing action group by its full resource id. */
  public static fromActionGroupId(scope: Construct, id: string, actionGroupId: string): IActionGroup {
    const problems = new ProblemCollector(`${scope.node.path}/${id}`);
    problems.required('actionGroupId', actionGroupId, 'string');
    problems.resourceId(MON_ACTION_RECEIVER, 'actionGroupId', actionGroupId, 'action group');
    problems.throwIfAny();
    class Existing extends Construct implements IActionGroup {
      public readonly actionGroupId = actionGroupId;
    }
    return new Existing(scope, id);
  }

  /** The action group resource (escape hatch). */
  public readonly resource: MonitorActionGroup;
  public readonly actionGroupId: string;

  constructor(scope: Construct, id: string, props: ActionGroupProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.throwIfAny();
    const emails = props.emails ?? [];
    const webhooks = props.webhookUrls ?? [];
    problems.type('emails', props.emails, 'array');
    problems.type('webhookUrls', props.webhookUrls, 'array');
    problems.throwIfAny();
    // Receivers given as Terraform expressions are known at apply only: skipped here.
    emails.forEach((e, i) => problems.check(!Token.isUnresolved(e) && (typeof e !== 'string' || !EMAIL.test(e)), MON_ACTION_RECEIVER, `emails[${i}]`, e, 'not an e-mail address', 'use name@domain'));
    webhooks.forEach((w, i) => {
      if (problems.check(!Token.isUnresolved(w) && (typeof w !== 'string' || !/^https:\/\//.test(w)), MON_ACTION_RECEIVER, `webhookUrls[${i}]`, w, 'a webhook is an https URL', 'use https://...')) return;
      // A literal URL with a signature or key in it would be written to cdk.tf.json (fuzz review 16).
      problems.check(typeof w === 'string' && !Token.isUnresolved(w) && webhookCredential(w) !== undefined, MON_WEBHOOK_SECRET, `webhookUrls[${i}]`, w, `the URL carries a credential (${webhookCredential(w)}) and would be written to cdk.tf.json in clear`, 'pass the URL as a sensitive TerraformVariable (or a Key Vault secret reference)');
    });
    problems.check(emails.length > MAX_EMAIL_RECEIVERS, MON_ACTION_RECEIVER, 'emails', `${emails.length} addresses`, `an action group takes at most ${MAX_EMAIL_RECEIVERS} e-mail receivers`, 'split the receivers over several action groups, or use a distribution list');
    problems.literal('emails', props.emails, 'the number of e-mail receivers decides the receiver blocks');
    problems.literal('webhookUrls', props.webhookUrls, 'the number of webhooks decides the receiver blocks');
    problems.check(emails.length + webhooks.length === 0, MON_ACTION_RECEIVER, 'emails', emails, 'an action group without receivers notifies nobody', 'give at least one e-mail or webhook');
    const shortName = props.shortName ?? 'hybrid';
    problems.check(!Token.isUnresolved(shortName) && (typeof shortName !== 'string' || shortName.length < 1 || shortName.length > 12), MON_ACTION_SHORT_NAME, 'shortName', shortName, 'the short name is 1-12 characters (it is used in SMS and e-mail subjects)', 'use a shorter name');
    problems.throwIfAny();
    // Construct id `Default`: cdktf leaves it out of the logical id, so an action group that was a
    // bare MonitorActionGroup with this construct's id keeps its logical id (Terraform replaces nothing).
    this.resource = new MonitorActionGroup(this, 'Default', {
      name: props.name ?? generateName(this, 'actionGroup'),
      resourceGroupName: props.resourceGroupName,
      shortName,
      emailReceiver: emails.map((address, i) => ({ name: `email-${i + 1}`, emailAddress: address, useCommonAlertSchema: true })),
      webhookReceiver: webhooks.length > 0 ? webhooks.map((serviceUri, i) => ({ name: `webhook-${i + 1}`, serviceUri, useCommonAlertSchema: true })) : undefined,
    });
    this.actionGroupId = this.resource.id;
  }
}

/**
 * A platform metric of an Azure resource, as constructs expose it (`metricBgpPeerStatus()`),
 * in the spirit of aws-cdk's `Metric`. Alerts are made from it by `MetricAlerts.create`.
 */
export interface MetricDefinition {
  /** Resource id the metric belongs to (the alert's scope). */
  readonly resourceId: string;
  /** Metric namespace, e.g. `Microsoft.Network/virtualNetworkGateways`. */
  readonly namespace: string;
  /** Metric name, e.g. `BgpPeerStatus`. */
  readonly name: string;
  /** Aggregation: Average, Minimum, Maximum, Total or Count. */
  readonly aggregation: string;
  /**
   * Dimensions to split by (one alert series per value), e.g. `BgpPeerAddress`.
   * @default - none
   */
  readonly splitBy?: string[];
  /** Unit, for messages (`bytes/s`, `%`, `1 = up`). */
  readonly unit: string;
}

/** Options of an alert made from a metric. */
export interface MetricAlertOptions {
  /** Who is notified; without one the alert fires silently (warning `MON-ACTION-GROUP-EMPTY`). */
  readonly actionGroup?: IActionGroup;
  /**
   * Severity, 0 (critical) to 4 (verbose).
   * @default 1
   */
  readonly severity?: number;
  /** Comparison with the threshold: GreaterThan, LessThan, GreaterThanOrEqual, LessThanOrEqual. */
  readonly operator: string;
  /** Threshold, in the metric's unit. */
  readonly threshold: number;
  /** What the alert means, shown in the notification. */
  readonly description: string;
  /**
   * Window over which the aggregation runs (ISO 8601).
   * @default 'PT5M'
   */
  readonly windowSize?: string;
  /**
   * How often the alert is evaluated (ISO 8601).
   * @default 'PT1M'
   */
  readonly frequency?: string;
}

/** Options of an alert made from a Log Analytics query. */
export interface LogAlertOptions {
  readonly workspace: ILogAnalyticsWorkspace;
  readonly location: string;
  readonly actionGroup?: IActionGroup;
  /** @default 1 */
  readonly severity?: number;
  readonly description: string;
  /** KQL that returns one row per problem. */
  readonly query: string;
  /** Alert when the count of rows is greater than this. @default 0 */
  readonly threshold?: number;
  /** Dimension columns of the query (one alert per value). @default - none */
  readonly dimensions?: string[];
  /** @default 'PT5M' */
  readonly windowDuration?: string;
  /** @default 'PT5M' */
  readonly evaluationFrequency?: string;
}

/**
 * The one factory of the library's alerts: metric alerts from a `MetricDefinition`, log alerts
 * from a query. Severity is checked here, a missing action group is a synth-time warning on the
 * owner, and names are generated the same way everywhere. Library-internal.
 */
export class Alerts {
  /** A metric alert under `scope` with construct id `id`. */
  public static metric(scope: Construct, id: string, resourceGroupName: string, metric: MetricDefinition, options: MetricAlertOptions): MonitorMetricAlert {
    Alerts.checkSeverity(scope, id, options.severity);
    Alerts.warnWithoutActionGroup(scope, id, options.actionGroup);
    return new MonitorMetricAlert(scope, id, {
      name: generateName(scope, 'monitorAlert', id),
      resourceGroupName,
      description: options.description,
      scopes: [metric.resourceId],
      severity: options.severity ?? 1,
      frequency: options.frequency ?? 'PT1M',
      windowSize: options.windowSize ?? 'PT5M',
      criteria: [
        {
          metricNamespace: metric.namespace,
          metricName: metric.name,
          aggregation: metric.aggregation,
          operator: options.operator,
          threshold: options.threshold,
          dimension: metric.splitBy?.map((name) => ({ name, operator: 'Include', values: ['*'] })),
        },
      ],
      action: options.actionGroup ? [{ actionGroupId: options.actionGroup.actionGroupId }] : undefined,
    });
  }

  /** A log (scheduled query) alert under `scope` with construct id `id`. */
  public static log(scope: Construct, id: string, resourceGroupName: string, options: LogAlertOptions): MonitorScheduledQueryRulesAlertV2 {
    Alerts.checkSeverity(scope, id, options.severity);
    Alerts.warnWithoutActionGroup(scope, id, options.actionGroup);
    return new MonitorScheduledQueryRulesAlertV2(scope, id, {
      name: generateName(scope, 'monitorAlert', id),
      resourceGroupName,
      location: options.location,
      description: options.description,
      scopes: [options.workspace.workspaceResourceId],
      severity: options.severity ?? 1,
      evaluationFrequency: options.evaluationFrequency ?? 'PT5M',
      windowDuration: options.windowDuration ?? 'PT5M',
      criteria: [
        {
          query: options.query,
          timeAggregationMethod: 'Count',
          operator: 'GreaterThan',
          threshold: options.threshold ?? 0,
          dimension: options.dimensions?.map((name) => ({ name, operator: 'Include', values: ['*'] })),
          failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
        },
      ],
      action: options.actionGroup ? { actionGroups: [options.actionGroup.actionGroupId] } : undefined,
    });
  }

  private static checkSeverity(scope: Construct, id: string, severity: number | undefined): void {
    const problems = new ProblemCollector(scope);
    problems.integer(MON_ALERT_SEVERITY, `${id}.severity`, severity, 0, 4, 'use 0 (critical) to 4 (verbose)');
    problems.throwIfAny();
  }

  private static warnWithoutActionGroup(scope: Construct, id: string, actionGroup: IActionGroup | undefined): void {
    if (actionGroup !== undefined) return;
    reportAtSynth(scope, MON_ACTION_GROUP_EMPTY, () => ({
      prop: 'actionGroup',
      value: undefined,
      detail: `alert ${id} notifies nobody`,
      fix: 'pass an `actionGroup` (`new ActionGroup(...)` or `ActionGroup.fromActionGroupId(...)`)',
    }));
  }

  private constructor() {}
}
