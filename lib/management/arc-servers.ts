import { ArcPrivateLinkScope } from '@cdktf/provider-azurerm/lib/arc-private-link-scope';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { HybridMonitoring, MachineType, OperatingSystem } from './hybrid-monitoring';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { ARC_SRV_MONITORING, ARC_SRV_PRINCIPAL } from './rules';

/** Options of `ArcServers.addMachine`. */
export interface ArcServerOptions {
  /** Resource id of the Arc-enabled server (known after `azcmagent connect`). */
  readonly machineId: string;
  /** Its operating system. */
  readonly os: OperatingSystem;
  /**
   * Region the machine was onboarded to.
   * @default - the ArcServers location
   */
  readonly location?: string;
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
   * endpoint (VPN or ExpressRoute).
   * @default false
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

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Onboarding support for Arc-enabled servers: a least-privilege role assignment for the onboarding
 * principal, an optional Arc private link scope, the Azure Monitor Agent and data collection rule
 * associations for machines listed by id, and the `azcmagent connect` step in the runbook.
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
  private readonly outputNames: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: ArcServersProps) {
    super(scope, id);
    this.props = props;
    const problems = new ProblemCollector(this);
    if (props.onboardingPrincipalId !== undefined && !Token.isUnresolved(props.onboardingPrincipalId)) {
      problems.check(!GUID.test(props.onboardingPrincipalId), ARC_SRV_PRINCIPAL, 'onboardingPrincipalId', props.onboardingPrincipalId, 'not an object id (GUID)', 'use the object id: `az ad sp show --id <app id> --query id -o tsv`');
    }
    checkName(problems, 'arcPrivateLinkScope', 'privateLinkScopeName', props.privateLinkScopeName);
    problems.throwIfAny();

    this.clientConfig = new DataAzurermClientConfig(this, 'ClientConfig', {});
    if (props.onboardingPrincipalId !== undefined) {
      this.onboardingRoleAssignment = new RoleAssignment(this, 'OnboardingRole', {
        scope: props.resourceGroupId,
        roleDefinitionName: D.ARC_SERVER_ONBOARDING_ROLE,
        principalId: props.onboardingPrincipalId,
        description: 'Onboards Arc-enabled servers (azcmagent connect) and nothing else',
      });
    }
    if (props.privateLinkScope ?? false) {
      this.privateLinkScope = new ArcPrivateLinkScope(this, 'PrivateLinkScope', {
        name: props.privateLinkScopeName ?? generateName(this, 'arcPrivateLinkScope'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        publicNetworkAccessEnabled: false,
      });
    }
    const runbook = Runbook.of(this);
    this.outputNames.tenant = runbook.addOutput(this, 'TenantId', { value: this.clientConfig.tenantId, description: 'Tenant id for azcmagent connect' });
    this.outputNames.subscription = runbook.addOutput(this, 'SubscriptionId', { value: this.clientConfig.subscriptionId, description: 'Subscription id for azcmagent connect' });
    if (this.privateLinkScope) {
      this.outputNames.scope = runbook.addOutput(this, 'PrivateLinkScopeId', { value: this.privateLinkScope.id, description: 'Arc private link scope id for azcmagent connect --private-link-scope' });
    }
    for (const [name, machine] of Object.entries(props.machines ?? {})) this.addMachine(name, machine);
    runbook.addSection(new LazySection(`Arc-enabled servers ${this.node.path}`, () => this.renderRunbook()));
  }

  /** Monitors an Arc-enabled server: agent extension and rule associations, keyed by `name`. */
  public addMachine(name: string, options: ArcServerOptions): void {
    const problems = new ProblemCollector(this);
    problems.check(!this.props.monitoring, ARC_SRV_MONITORING, 'monitoring', undefined, `machine ${name} needs a HybridMonitoring for its agent and rules`, 'pass `monitoring`');
    problems.throwIfAny();
    this.props.monitoring!.associateMachine(name, {
      machineId: options.machineId,
      os: options.os,
      machineType: MachineType.ARC_SERVER,
      location: options.location ?? this.props.location,
    });
    this.machineNames.push(name);
  }

  private renderRunbook(): string {
    const p = this.props;
    const location = Token.isUnresolved(p.location) ? '<region>' : p.location;
    const rg = Token.isUnresolved(p.resourceGroupName) ? '<resource group>' : p.resourceGroupName;
    const args = [
      `--resource-group "${rg}"`,
      `--tenant-id "$(terraform output -raw ${this.outputNames.tenant})"`,
      `--subscription-id "$(terraform output -raw ${this.outputNames.subscription})"`,
      `--location "${location}"`,
      '--service-principal-id "<onboarding app id>"',
      '--service-principal-secret "<secret from your vault, never from Terraform>"',
      '--cloud "AzureCloud"',
    ];
    if (this.outputNames.scope) args.push(`--private-link-scope "$(terraform output -raw ${this.outputNames.scope})"`);
    return [
      'Terraform cannot install the Connected Machine agent; on each server, as administrator/root:',
      '',
      `1. Onboarding principal: ${this.onboardingRoleAssignment ? 'the principal given has "Azure Connected Machine Onboarding" on the resource group (Terraform made the assignment).' : `assign it yourself: \`az role assignment create --assignee <object id> --role "${D.ARC_SERVER_ONBOARDING_ROLE}" --scope <resource group id>\`.`}`,
      '2. Install the agent: Windows `Invoke-WebRequest -Uri https://aka.ms/AzureConnectedMachineAgent -OutFile AzureConnectedMachineAgent.msi; msiexec /i AzureConnectedMachineAgent.msi /qn`; Linux `wget https://aka.ms/azcmagent -O install_linux_azcmagent.sh && sudo bash install_linux_azcmagent.sh`.',
      '3. Connect (read the values on the Terraform side and pass them to the server):',
      '',
      '```sh',
      `azcmagent connect \\\n  ${args.join(' \\\n  ')}`,
      'azcmagent show   # Agent Status: Connected',
      '```',
      '',
      this.privateLinkScope ? '4. Private link: create a private endpoint for the scope (group id `hybridcompute`) in the hub and resolve `*.his.arc.azure.com` and `*.guestconfiguration.azure.com` to it from on premises (conditional forwarders to Azure DNS private resolver).' : '4. Outbound HTTPS (TCP 443) each server needs, directly or through a proxy (`azcmagent config set proxy.url`):',
      ...(this.privateLinkScope ? [] : D.ARC_SERVER_ENDPOINTS.map((e) => `   - ${e}`)),
      `5. Put each machine id (\`az connectedmachine show -n <machine> -g ${rg} --query id -o tsv\`) in \`machines\`, then \`terraform apply\`: the agent and rules follow. Machines now: ${this.machineNames.length === 0 ? 'none' : this.machineNames.join(', ')}.`,
    ].join('\n');
  }
}
