import { ArcPrivateLinkScope } from '@cdktf/provider-azurerm/lib/arc-private-link-scope';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { MachineType, OperatingSystem } from './data-collection-rules';
import * as D from './defaults';
import { arcServersHandoff } from './handoff/arc-servers';
import type { HybridMonitoring } from './hybrid-monitoring';
import { ARC_SRV_MONITORING, ARC_SRV_PRINCIPAL } from './rules';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';

/** Options of `ArcServers.addMachine`. */
export interface ArcServerOptions {
  /** Resource id of the Arc-enabled server (known after `azcmagent connect`: pass a Terraform variable). */
  readonly machineId: string;
  /** Its operating system. */
  readonly os: OperatingSystem;
  /**
   * Region the machine was onboarded to.
   * @default - the ArcServers location
   */
  readonly location?: string;
  /**
   * The machine is already onboarded: its agent and rule associations need no gate.
   * @default false - they wait behind the monitoring's `<path>_machines_onboarded` gate
   */
  readonly alreadyOnboarded?: boolean;
}

/** Props of `ArcServers`. */
export interface ArcServersProps {
  /** Resource group the servers are onboarded into. */
  readonly resourceGroupName: string;
  /** Its resource id: scope of the onboarding role assignment. */
  readonly resourceGroupId: string;
  /** Region of the Arc machine resources. */
  readonly location: string;
  /**
   * Object id of the service principal (or managed identity) that runs `azcmagent connect`: gets
   * "Azure Connected Machine Onboarding" on the resource group, nothing more.
   * @default - no role assignment; the runbook says which one to make
   */
  readonly onboardingPrincipalId?: string;
  /**
   * Create an Arc private link scope (public network access off) for onboarding over a private
   * endpoint. Off by default: the scope alone is not enough, and this construct does not build the
   * rest (the `hybridcompute` private endpoint and its three DNS zones, on-premises DNS
   * forwarding, an Azure Monitor private link scope and data collection endpoint); the runbook
   * lists it. Must be a literal.
   * @default false - servers reach Azure Arc and Azure Monitor over their public endpoints (outbound list in the runbook)
   */
  readonly privateLinkScope?: boolean;
  /**
   * Private link scope name.
   * @default - generated: `pls-<construct path>`
   */
  readonly privateLinkScopeName?: string;
  /**
   * Monitoring whose agent and data collection rules the machines get.
   * @default - none: machines cannot be added
   */
  readonly monitoring?: HybridMonitoring;
  /**
   * Machines to monitor, by name.
   * @default - none
   */
  readonly machines?: Record<string, ArcServerOptions>;
}

/**
 * Onboarding support for Arc-enabled servers: a least-privilege role assignment for the onboarding
 * principal, an optional Arc private link scope, the Azure Monitor Agent and data collection rule
 * associations for machines (phase 2, once onboarded), and the `azcmagent connect` step in the runbook.
 */
export class ArcServers extends Construct {
  /** Onboarding role assignment. */
  public readonly onboardingRoleAssignment?: RoleAssignment;
  /** Arc private link scope. */
  public readonly privateLinkScope?: ArcPrivateLinkScope;
  /** Tenant and subscription of the running Terraform identity (for the runbook). */
  public readonly clientConfig: DataAzurermClientConfig;

  private readonly props: ArcServersProps;
  private readonly machineNames: string[] = [];

  constructor(scope: Construct, id: string, props: ArcServersProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('resourceGroupId', props.resourceGroupId, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    problems.guid(ARC_SRV_PRINCIPAL, 'onboardingPrincipalId', props.onboardingPrincipalId, 'use the object id: `az ad sp show --id <app id> --query id -o tsv`');
    problems.literal('privateLinkScope', props.privateLinkScope, 'it decides whether the scope exists');
    problems.literal('machines', props.machines, 'each machine keys its own resources');
    if (!Token.isUnresolved(props.machines)) for (const [name, m] of Object.entries(props.machines ?? {})) problems.region(`machines.${name}.location`, m?.location);
    checkName(problems, 'arcPrivateLinkScope', 'privateLinkScopeName', props.privateLinkScopeName);
    problems.throwIfAny();
    this.props = props;

    this.clientConfig = new DataAzurermClientConfig(this, 'ClientConfig', {});
    this.onboardingRoleAssignment = props.onboardingPrincipalId === undefined ? undefined : new RoleAssignment(this, 'OnboardingRole', {
      scope: props.resourceGroupId,
      roleDefinitionName: D.ARC_SERVER_ONBOARDING_ROLE,
      principalId: props.onboardingPrincipalId,
      description: 'Onboards Arc-enabled servers (azcmagent connect) and nothing else',
    });
    this.privateLinkScope = !(props.privateLinkScope ?? false) ? undefined : new ArcPrivateLinkScope(this, 'PrivateLinkScope', {
      name: props.privateLinkScopeName ?? generateName(this, 'arcPrivateLinkScope'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      publicNetworkAccessEnabled: false,
    });
    const runbook = Runbook.of(this);
    const tenant = runbook.addOutput(this, 'TenantId', { value: this.clientConfig.tenantId, description: 'Tenant id for azcmagent connect' });
    const subscription = runbook.addOutput(this, 'SubscriptionId', { value: this.clientConfig.subscriptionId, description: 'Subscription id for azcmagent connect' });
    const scopeOutput = this.privateLinkScope ? runbook.addOutput(this, 'PrivateLinkScopeId', { value: this.privateLinkScope.id, description: 'Arc private link scope id for azcmagent connect --private-link-scope' }) : undefined;
    for (const [name, machine] of Object.entries(props.machines ?? {})) this.addMachine(name, machine);
    runbook.addSection(new LazySection(`Arc-enabled servers ${this.node.path}`, () => arcServersHandoff({
      location: Token.isUnresolved(props.location) ? undefined : props.location,
      resourceGroupName: Token.isUnresolved(props.resourceGroupName) ? undefined : props.resourceGroupName,
      tenantOutputName: tenant,
      subscriptionOutputName: subscription,
      scopeOutputName: scopeOutput,
      onboardingRoleCreated: this.onboardingRoleAssignment !== undefined,
      onboardingRole: D.ARC_SERVER_ONBOARDING_ROLE,
      endpoints: D.ARC_SERVER_ENDPOINTS,
      machineNames: [...this.machineNames],
      machinesGateName: this.props.monitoring?.machinesOnboardedGate?.name,
    })));
  }

  /** Monitors an Arc-enabled server: agent extension and rule associations (phase 2), keyed by `name`. */
  public addMachine(name: string, options: ArcServerOptions): void {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.region('location', options.location);
    problems.check(!this.props.monitoring, ARC_SRV_MONITORING, 'monitoring', undefined, `machine ${name} needs a HybridMonitoring for its agent and rules`, 'pass `monitoring`');
    problems.throwIfAny();
    this.props.monitoring!.associateMachine(name, {
      machineId: options.machineId,
      os: options.os,
      machineType: MachineType.ARC_SERVER,
      location: options.location ?? this.props.location,
      alreadyOnboarded: options.alreadyOnboarded,
    });
    this.machineNames.push(name);
  }
}
