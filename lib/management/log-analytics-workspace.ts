import { LogAnalyticsWorkspace as LogAnalyticsWorkspaceResource } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { ILogAnalyticsWorkspace } from '../core/workspace';

import { DIAG_WORKSPACE_RETENTION } from '../core/rules';


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
   * Daily ingestion cap in GB; -1 for none.
   * @default -1
   */
  readonly dailyQuotaGb?: number;
}

/**
 * A Log Analytics workspace with the guide's defaults: PerGB2018, 30-day retention, local
 * authentication off.
 */
export class LogAnalyticsWorkspace extends Construct implements ILogAnalyticsWorkspace {
  /** Refers to an existing workspace by its full resource id. */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceResourceId: string): ILogAnalyticsWorkspace {
    class Existing extends Construct implements ILogAnalyticsWorkspace {
      public readonly workspaceResourceId = workspaceResourceId;
    }
    return new Existing(scope, id);
  }

  /** The workspace resource (escape hatch). */
  public readonly resource: LogAnalyticsWorkspaceResource;
  public readonly workspaceResourceId: string;
  /** The workspace's customer id (GUID), for agents and queries. */
  public readonly workspaceCustomerId: string;

  constructor(scope: Construct, id: string, props: LogAnalyticsWorkspaceProps) {
    super(scope, id);
    const retention = props.retentionInDays ?? 30;
    const problems = new ProblemCollector(this);
    checkName(problems, 'logAnalyticsWorkspace', 'name', props.name);
    if (!Token.isUnresolved(retention)) {
      problems.check(
        !Number.isInteger(retention) || retention < 30 || retention > 730,
        DIAG_WORKSPACE_RETENTION,
        'retentionInDays',
        retention,
        'retention must be a whole number of days from 30 to 730',
        'use 30-730 days; archive older data with a data export rule',
      );
    }
    problems.throwIfAny();

    this.resource = new LogAnalyticsWorkspaceResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'logAnalyticsWorkspace'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'PerGB2018',
      retentionInDays: retention,
      localAuthenticationEnabled: !(props.localAuthenticationDisabled ?? true),
      dailyQuotaGb: props.dailyQuotaGb ?? -1,
    });
    this.workspaceResourceId = this.resource.id;
    this.workspaceCustomerId = this.resource.workspaceId;
  }
}
