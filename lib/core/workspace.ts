import { IConstruct } from 'constructs';

/**
 * A Log Analytics workspace that diagnostics, agents and alerts can send to: one the library
 * created (`LogAnalyticsWorkspace`), or an existing one (`LogAnalyticsWorkspace.fromWorkspaceId`).
 * It lives in core because every area sends to it.
 */
export interface ILogAnalyticsWorkspace extends IConstruct {
  /** Full Azure resource id of the workspace. */
  readonly workspaceResourceId: string;
}
