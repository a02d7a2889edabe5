import { LogAnalyticsWorkspace as LogAnalyticsWorkspaceResource } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AzureResource, DiagnosticTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { DIAG_WORKSPACE_RETENTION } from '../core/rules';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import { MON_WORKSPACE_QUOTA } from './rules';

/** Props of `LogAnalyticsWorkspace`. */
export interface LogAnalyticsWorkspaceProps {
  /** Resource group to create the workspace in. */
  readonly resourceGroupName: string;
  /** Azure region; put it in the same region as the resources it watches. */
  readonly location: string;
  /**
   * Workspace name (4-63 characters, letters, digits, '-').
   * @default - generated from the construct path: `log-<path>`
   */
  readonly name?: string;
  /**
   * Days of retention, 30-730.
   * @default 30
   */
  readonly retentionInDays?: number;
  /**
   * Disable local (shared key) authentication, so that only Entra ID can write and read.
   * @default true
   */
  readonly localAuthenticationDisabled?: boolean;
  /**
   * Daily ingestion cap in GB, or `-1` for no cap.
   * @default - no cap (`-1`)
   */
  readonly dailyQuotaGb?: number;
}

/**
 * A Log Analytics workspace with the guide's defaults: PerGB2018, 30-day retention, local
 * authentication off. Its own audit log (`Audit`, `SummaryLogs`) is opt-in:
 * `workspace.sendDiagnosticsTo(centralWorkspace)` (a workspace is where diagnostics go, so no
 * `DIAG-MISSING` warning is reported for it).
 */
export class LogAnalyticsWorkspace extends AzureResource implements ILogAnalyticsWorkspace {
  /** Refers to an existing workspace by its full resource id. */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceResourceId: string): ILogAnalyticsWorkspace {
    const problems = new ProblemCollector(`${scope.node.path}/${id}`);
    problems.required('workspaceResourceId', workspaceResourceId, 'string');
    problems.throwIfAny();
    class Existing extends Construct implements ILogAnalyticsWorkspace {
      public readonly workspaceResourceId = workspaceResourceId;
    }
    return new Existing(scope, id);
  }

  /** The workspace resource (escape hatch). */
  public readonly resource: LogAnalyticsWorkspaceResource;
  public readonly workspaceResourceId: string;
  public readonly resourceId: string;
  /** The workspace's customer id (GUID), for agents and queries. */
  public readonly workspaceCustomerId: string;
  /** Region of the workspace. */
  public readonly location: string;

  constructor(scope: Construct, id: string, props: LogAnalyticsWorkspaceProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('location', props?.location, 'string');
    problems.region('location', props?.location);
    problems.throwIfAny();
    checkName(problems, 'logAnalyticsWorkspace', 'name', props.name);
    problems.integer(DIAG_WORKSPACE_RETENTION, 'retentionInDays', props.retentionInDays, 30, 730, 'use 30-730 days; archive older data with a data export rule');
    // NaN and Infinity were written as `null` (fuzz review 6); -5 and -0.5 mean nothing.
    if (!problems.number(MON_WORKSPACE_QUOTA, 'dailyQuotaGb', props.dailyQuotaGb, -1, 100_000, 'use -1 (no cap) or a daily cap in GB such as 5 (a cap above 100,000 GB a day caps nothing: use -1)')) {
      problems.check(typeof props.dailyQuotaGb === 'number' && !Token.isUnresolved(props.dailyQuotaGb) && props.dailyQuotaGb < 0 && props.dailyQuotaGb !== -1, MON_WORKSPACE_QUOTA, 'dailyQuotaGb', props.dailyQuotaGb, 'a negative cap other than -1 means nothing', 'use -1 (no cap) or a positive number of GB');
    }
    problems.throwIfAny();

    this.location = props.location;
    this.resource = new LogAnalyticsWorkspaceResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'logAnalyticsWorkspace'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'PerGB2018',
      retentionInDays: props.retentionInDays ?? 30,
      localAuthenticationEnabled: negate(props.localAuthenticationDisabled ?? true),
      dailyQuotaGb: props.dailyQuotaGb ?? -1,
    });
    this.workspaceResourceId = this.resource.id;
    this.resourceId = this.resource.id;
    this.workspaceCustomerId = this.resource.workspaceId;
    // No initCommon: a workspace is the destination of diagnostics, so its own audit log is
    // opt-in and no DIAG-MISSING is reported for it.
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_log_analytics_workspace' }];
  }
}

/** `!value`, also for a Terraform boolean expression. */
function negate(value: boolean): boolean {
  return Token.isUnresolved(value) ? (Fn.conditional(value, false, true) as unknown as boolean) : !value;
}
