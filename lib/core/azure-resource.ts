import { createHash } from 'crypto';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DiagnosticSetting, DiagnosticsOptions } from './diagnostics';
import { ProblemCollector } from './errors';
import { PrivateEndpointOptions, PrivateLink, PrivateLinkParts } from './private-endpoint';
import { addSuppressions, decidesFor, reportAtSynth } from './report';
import { CHK_SUPPRESSION, DIAG_MISSING, LOCK_LEVEL, PRIVATE_ENDPOINT, ROLE_ASSIGNMENT } from './rules';
import { resolveExpression } from './tokens';
import type { ILogAnalyticsWorkspace } from './workspace';

/**
 * An Azure resource the library manages or refers to (`fromXxxAttributes` imports implement it
 * too, so an existing gateway or vault can get diagnostics, grants and a lock).
 */
export interface IAzureResource extends IConstruct {
  /** Full Azure resource id. */
  readonly resourceId: string;
  /** Diagnostic settings sent so far. */
  readonly diagnosticSettings: DiagnosticSetting[];
  /** Sends the resource's logs and metrics to a workspace (see `AzureResource.sendDiagnosticsTo`). */
  sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options?: DiagnosticsOptions): DiagnosticSetting[];
  /** Grants a role on the resource (idempotent). */
  grant(principalId: string, roleDefinitionName: string, options?: GrantOptions): RoleAssignment;
  /** Locks the resource. */
  addLock(level?: ResourceLockLevel, notes?: string): ManagementLock;
  /** Acknowledges a warning with a reason. */
  acknowledge(ruleId: string, reason: string): void;
}

/** What `sendDiagnosticsTo` sends: one resource (or sub-resource) of a construct. */
export interface DiagnosticTarget {
  /** Resource id (`<account id>/fileServices/default` for a storage service). */
  readonly targetResourceId: string;
  /** Terraform type whose log and metric categories apply (`DiagnosticSetting.knownResourceTypes()`). */
  readonly resourceType: string;
}

/** Where a private endpoint of the resource connects, and the DNS zone it registers in. */
export interface PrivateLinkTarget {
  /** Private link sub-resource (group id): `file`, `afs`, `AzureBackup`, `namespace`, ... */
  readonly subresource: string;
  /** Private DNS zone name for that sub-resource, e.g. `privatelink.file.core.windows.net`. */
  readonly zoneName: string;
  /** Resource group and region for the endpoint. */
  readonly resourceGroupName: string;
  readonly location: string;
}

/** Props every resource construct takes (its own props extend these). */
export interface AzureResourceProps {
  /**
   * Where to send the resource's logs and metrics (the categories its type has).
   * @default - none: warning `DIAG-MISSING` at synth, unless `sendDiagnosticsTo` is called
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** Lock levels of `addLock` (Azure management locks). */
export enum ResourceLockLevel {
  /** Authorized users can read and modify, not delete. */
  CAN_NOT_DELETE = 'CanNotDelete',
  /** Authorized users can read, not modify or delete. */
  READ_ONLY = 'ReadOnly',
}

/** Options of `grant`. */
export interface GrantOptions {
  /**
   * Kind of principal, so that Azure does not wait for a directory lookup (needed for a principal
   * created in the same apply, such as a managed identity).
   * @default - Azure looks it up
   */
  readonly principalType?: string;
  /**
   * Why the grant exists, shown in the portal.
   * @default - none
   */
  readonly description?: string;
}

/**
 * The one contract every Azure resource construct of the library follows, in the spirit of
 * aws-cdk's `Resource`: diagnostics (the type's real log and metric categories; a warning
 * `DIAG-MISSING` at synth while none are sent), idempotent role grants, a lock, private
 * endpoints where the resource has private link, and acknowledging a warning with a reason.
 */
export abstract class AzureResource extends Construct implements IAzureResource {
  /** Full Azure resource id. */
  public abstract readonly resourceId: string;
  /** Diagnostic settings sent so far (by `logAnalyticsWorkspace` or `sendDiagnosticsTo`). */
  public readonly diagnosticSettings: DiagnosticSetting[] = [];
  /** Role assignments made by `grant`. */
  public readonly roleAssignments: RoleAssignment[] = [];
  /** Private endpoints added by `addPrivateEndpoint` (each with its DNS zone group). */
  public readonly privateEndpoints: PrivateLinkParts[] = [];
  private lock?: ManagementLock;

  /**
   * The resources whose logs and metrics `sendDiagnosticsTo` sends. Empty when the construct
   * has nothing to send (then `DIAG-MISSING` is never reported).
   */
  protected abstract diagnosticTargets(): DiagnosticTarget[];

  /**
   * Where a private endpoint connects, for resources with private link.
   * @returns undefined when the resource has no private link
   */
  protected privateLinkTarget(): PrivateLinkTarget | undefined {
    return undefined;
  }

  /**
   * Sends the logs and metrics of every target of the construct to a Log Analytics workspace,
   * with the categories its type has. Call it at any time before synth: the `DIAG-MISSING`
   * warning is decided at synth.
   *
   * Idempotent per workspace: Azure refuses a category sent to one workspace by two settings of
   * a resource, so a second call with the same workspace (or `GatewayDiagnostics` after it)
   * returns the setting that already sends there, and adds one only for categories not sent
   * there yet. Another workspace gets a setting of its own.
   * @returns the settings of the workspace, one per target (created, or already there)
   */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting[] {
    const problems = new ProblemCollector(this);
    problems.required('workspace', workspace, 'construct');
    problems.throwIfAny();
    const settings = this.diagnosticTargets().map((target) => DiagnosticSetting.send(this, { ...target, workspace, ...options }));
    for (const s of settings) if (!this.diagnosticSettings.includes(s)) this.diagnosticSettings.push(s);
    return settings;
  }

  /**
   * Grants a role on this resource to a principal (object id). Idempotent: the same principal
   * and role again returns the first assignment.
   * @param principalId object id of a user, group, service principal or managed identity
   * @param roleDefinitionName built-in or custom role name, e.g. `Storage File Data SMB Share Contributor`
   */
  public grant(principalId: string, roleDefinitionName: string, options: GrantOptions = {}): RoleAssignment {
    const problems = new ProblemCollector(this);
    problems.required('principalId', principalId, 'string');
    problems.required('roleDefinitionName', roleDefinitionName, 'string');
    problems.guid(ROLE_ASSIGNMENT, 'principalId', principalId, 'use the object id, e.g. `az ad sp show --id <app id> --query id -o tsv`');
    problems.throwIfAny();
    // Keyed by what the values resolve to, so two tokens of one attribute are one grant.
    const key = createHash('sha256').update(`${String(resolveExpression(this, principalId))}\0${roleDefinitionName}`).digest('hex').slice(0, 12);
    const id = `Grant${key}`;
    const existing = this.node.tryFindChild(id) as RoleAssignment | undefined;
    if (existing) return existing;
    const assignment = new RoleAssignment(this, id, {
      scope: this.resourceId,
      principalId,
      roleDefinitionName,
      principalType: options.principalType,
      description: options.description,
    });
    this.roleAssignments.push(assignment);
    return assignment;
  }

  /**
   * Locks the resource against deletion (or any change). Once per resource: a second call with
   * the same level returns the lock, another level is refused.
   */
  public addLock(level: ResourceLockLevel = ResourceLockLevel.CAN_NOT_DELETE, notes?: string): ManagementLock {
    const problems = new ProblemCollector(this);
    problems.oneOf(LOCK_LEVEL, 'level', level, [ResourceLockLevel.CAN_NOT_DELETE, ResourceLockLevel.READ_ONLY]);
    problems.check(this.lock !== undefined && this.lock.lockLevel !== level, LOCK_LEVEL, 'level', level, `the resource already has a ${this.lock?.lockLevel} lock`, 'keep one lock per resource');
    problems.throwIfAny();
    this.lock ??= new ManagementLock(this, 'Lock', {
      name: `lock-${level === ResourceLockLevel.READ_ONLY ? 'readonly' : 'nodelete'}`,
      scope: this.resourceId,
      lockLevel: level,
      notes: notes ?? 'Managed by cdktf-azure-hybrid: part of the hybrid connection',
    });
    return this.lock;
  }

  /**
   * Adds a private endpoint to the resource, registered in a private DNS zone through a zone
   * group: the given zone (from a hub's private-link zone catalogue), or a new zone linked to
   * `linkVirtualNetworkIds`.
   */
  public addPrivateEndpoint(id: string, options: PrivateEndpointOptions): PrivateLinkParts {
    return this._addPrivateEndpointFor(id, options, this.privateLinkTarget());
  }

  /**
   * @internal A private endpoint to a given sub-resource, for resources with more than one
   * (a Recovery Services vault: AzureBackup and AzureSiteRecovery).
   */
  protected _addPrivateEndpointFor(id: string, options: PrivateEndpointOptions, target: PrivateLinkTarget | undefined): PrivateLinkParts {
    const problems = new ProblemCollector(this);
    problems.check(target === undefined, PRIVATE_ENDPOINT, 'addPrivateEndpoint', id, `${this.constructor.name} has no private link`, 'reach it through its public endpoint with network rules');
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const parts = PrivateLink.create(this, id, { ...target!, ...options, targetResourceId: this.resourceId });
    this.privateEndpoints.push(parts);
    return parts;
  }

  /**
   * Acknowledges a warning this construct (or a resource under it) reports, with the reason it
   * does not apply; the same as `HybridChecks.suppress(this, [{ id, reason }])`.
   */
  public acknowledge(ruleId: string, reason: string): void {
    const problems = new ProblemCollector(this);
    problems.check(typeof ruleId !== 'string' || !/^[A-Z]+-[A-Z0-9-]+$/.test(ruleId), CHK_SUPPRESSION, 'ruleId', ruleId, 'not a rule id', 'use an id listed in RULES.md');
    problems.check(typeof reason !== 'string' || reason.trim().length === 0, CHK_SUPPRESSION, 'reason', reason, `acknowledging ${ruleId} needs a reason`, 'say why the rule does not apply here');
    problems.throwIfAny();
    addSuppressions(this, [{ id: ruleId, reason }]);
  }

  /**
   * Call at the end of the constructor: sends diagnostics to `logAnalyticsWorkspace` when given,
   * and reports `DIAG-MISSING` at synth while no diagnostic setting exists.
   */
  protected initCommon(props: AzureResourceProps): void {
    const problems = new ProblemCollector(this);
    problems.type('logAnalyticsWorkspace', props?.logAnalyticsWorkspace, 'construct', 'use a LogAnalyticsWorkspace, or LogAnalyticsWorkspace.fromWorkspaceId(scope, id, workspaceResourceId) for an existing one');
    problems.throwIfAny();
    if (props?.logAnalyticsWorkspace !== undefined) this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    // The construct decides DIAG-MISSING for its own resources: the pack does not repeat it on them.
    for (const node of this.node.findAll()) {
      if (node instanceof TerraformResource && (DIAG_MISSING.types ?? []).includes(node.terraformResourceType)) decidesFor(node, DIAG_MISSING);
    }
    reportAtSynth(this, DIAG_MISSING, () => {
      const targets = this.diagnosticTargets();
      if (targets.length === 0 || this.diagnosticSettings.length > 0) return undefined;
      return {
        prop: 'logAnalyticsWorkspace',
        value: undefined,
        detail: `no diagnostic setting: the logs of ${targets.map((t) => t.resourceType).join(', ')} go nowhere`,
        fix: 'pass `logAnalyticsWorkspace`, or call `sendDiagnosticsTo(workspace)`',
      };
    });
  }
}

