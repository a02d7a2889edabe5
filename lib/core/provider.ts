import { AzurermProvider, AzurermProviderFeatures } from '@cdktf/provider-azurerm/lib/provider';
import { Aspects, IAspect, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { LazySection, Runbook } from './outputs';
import { PROVIDER_SUBSCRIPTION } from './rules';
import { resolvedResourceBody, startResolvedBodies } from './tokens';

/** Props of `AzureProvider`. */
export interface AzureProviderProps {
  /**
   * Subscription id. azurerm 4.x requires one: it no longer falls back to the Azure CLI's
   * active subscription (provider v4.55.0 website/docs/guides/4.0-upgrade-guide.html.markdown,
   * "Specifying Subscription ID is now Mandatory").
   * @default - a Terraform variable `subscription_id`; left null it falls back to `ARM_SUBSCRIPTION_ID`
   */
  readonly subscriptionId?: string;
  /**
   * Extra resource providers to register, beyond those the stack's resources need.
   * @default - none
   */
  readonly resourceProvidersToRegister?: string[];
  /**
   * Provider alias, for a second subscription.
   * @default - none
   */
  readonly alias?: string;
}

// Resource providers the library's resources need that azurerm's default ("legacy") set does not
// register (provider v4.55.0 internal/resourceproviders/required.go): the first create on a fresh
// subscription fails with "MissingSubscriptionRegistration" without them.
const PROVIDERS_BY_TYPE: [RegExp, string[]][] = [
  [/^azurerm_arc_machine|^azurerm_arc_private_link_scope/, ['Microsoft.HybridCompute', 'Microsoft.GuestConfiguration', 'Microsoft.HybridConnectivity']],
  [/^azurerm_arc_kubernetes/, ['Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration', 'Microsoft.ExtendedLocation']],
  [/^azurerm_storage_sync/, ['Microsoft.StorageSync']],
  // Azure Local: the nodes are Arc machines (azure-local/deploy/deployment-arc-register-server-permissions.md lists these).
  [/^azurerm_stack_hci/, ['Microsoft.AzureStackHCI', 'Microsoft.HybridCompute', 'Microsoft.GuestConfiguration', 'Microsoft.HybridConnectivity', 'Microsoft.Attestation', 'Microsoft.ExtendedLocation', 'Microsoft.ResourceConnector', 'Microsoft.KubernetesConfiguration']],
  [/^azurerm_arc_resource_bridge/, ['Microsoft.ResourceConnector', 'Microsoft.ExtendedLocation', 'Microsoft.HybridConnectivity']],
  [/^azurerm_system_center_virtual_machine_manager/, ['Microsoft.ScVmm', 'Microsoft.ResourceConnector', 'Microsoft.ExtendedLocation']],
  [/^azurerm_monitor_data_collection/, ['Microsoft.Insights']],
  // Flow logs and traffic analytics (MicrosoftDocs/azure-docs network-watcher/vnet-flow-logs-tutorial.md: "Register Microsoft.insights provider").
  [/^azurerm_network_watcher_flow_log$/, ['Microsoft.Insights']],
];

/**
 * The azurerm provider configured the way azurerm 4.x needs it for hybrid stacks:
 * - the subscription id from a variable (or `ARM_SUBSCRIPTION_ID`), never a literal placeholder;
 * - `features.storage.data_plane_available = false` when the stack holds a storage account
 *   without public network access: otherwise create and every refresh poll the blob, queue and
 *   file endpoints and fail with 403 from outside the private network (provider v4.55.0
 *   internal/services/storage/storage_account_resource.go, waitForDataPlaneToBecomeAvailableForAccount;
 *   website/docs/guides/features-block.html.markdown `data_plane_available`);
 * - the resource providers the stack's Arc, Kubernetes and File Sync resources need registered.
 * Decided at synth from what the stack holds, so it stays right as constructs are added.
 */
export class AzureProvider extends Construct {
  /** The provider (escape hatch). */
  public readonly provider: AzurermProvider;
  /** The `subscription_id` variable, when the id was not given. */
  public readonly subscriptionIdVariable?: TerraformVariable;
  private readonly extraProviders: string[];

  constructor(scope: Construct, id: string, props: AzureProviderProps = {}) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.guid(PROVIDER_SUBSCRIPTION, 'subscriptionId', props.subscriptionId, 'give the subscription id (`az account show --query id -o tsv`), or leave it out and set ARM_SUBSCRIPTION_ID');
    problems.check(typeof props.subscriptionId === 'string' && /^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(props.subscriptionId), PROVIDER_SUBSCRIPTION, 'subscriptionId', props.subscriptionId, 'a placeholder subscription id', 'give the real id, or leave it out and set ARM_SUBSCRIPTION_ID');
    problems.throwIfAny();
    if (props.subscriptionId === undefined) {
      this.subscriptionIdVariable = new TerraformVariable(this, 'SubscriptionId', {
        type: 'string',
        default: '',
        nullable: false,
        description: 'Azure subscription id; when empty, the provider reads ARM_SUBSCRIPTION_ID (azurerm 4.x requires one or the other).',
      });
      this.subscriptionIdVariable.overrideLogicalId('subscription_id');
    }
    this.extraProviders = props.resourceProvidersToRegister ?? [];
    this.provider = new AzurermProvider(this, 'Resource', {
      features: [{}],
      // Empty means null, so the provider falls back to ARM_SUBSCRIPTION_ID (its schema default).
      subscriptionId: props.subscriptionId ?? '${var.subscription_id == "" ? null : var.subscription_id}',
      alias: props.alias,
    });
    Aspects.of(TerraformStack.of(this)).add(new ProviderSettings(this));
    Runbook.of(this).addPreamble(
      new LazySection('Before the first apply', () =>
        [
          props.subscriptionId === undefined
            ? '- azurerm 4.x needs a subscription: `export ARM_SUBSCRIPTION_ID=$(az account show --query id -o tsv)` (or `--var=subscription_id=<id>`).'
            : '- The subscription is set in the code.',
          '- Sign in with `az login` (or set `ARM_CLIENT_ID`/`ARM_CLIENT_SECRET`/`ARM_TENANT_ID` for a service principal).',
          ...(this.settings().privateStorage ? ['- The stack holds a storage account without public access: the provider skips its data-plane checks (`data_plane_available = false`), so Terraform can run from outside the private network.'] : []),
          ...(this.settings().providers.length > 0 ? [`- The provider registers ${this.settings().providers.map((p) => `\`${p}\``).join(', ')} on first use (the first apply takes a few minutes longer).`] : []),
        ].join('\n'),
      ),
    );
  }

  /** @internal True when the stack holds a storage account with public network access off. */
  public _needsPrivateStorageSetting(): boolean {
    return this._decide().privateStorage;
  }

  /** @internal The resource providers to register for the stack's resources. */
  public _resourceProviders(): string[] {
    return this._decide().providers;
  }

  /**
   * @internal Both settings from one walk of the stack (storage account bodies from the synth's
   * shared resolved bodies); the provider's aspect keeps the result for the runbook.
   */
  public _decide(): { privateStorage: boolean; providers: string[] } {
    const stack = TerraformStack.of(this);
    const types = new Set<string>();
    let privateStorage = false;
    for (const n of stack.node.findAll()) {
      if (!(n instanceof TerraformResource)) continue;
      types.add(n.terraformResourceType);
      if (!privateStorage && n.terraformResourceType === 'azurerm_storage_account') {
        privateStorage = resolvedResourceBody(stack, n).public_network_access_enabled === false;
      }
    }
    const needed = new Set(this.extraProviders);
    for (const [pattern, providers] of PROVIDERS_BY_TYPE) if ([...types].some((t) => pattern.test(t))) providers.forEach((p) => needed.add(p));
    return { privateStorage, providers: [...needed].sort() };
  }

  /** @internal Set by the provider's aspect at synth. */
  public _decided?: { privateStorage: boolean; providers: string[] };

  /** What the last synth decided (the runbook is rendered after it), or decided now. */
  private settings(): { privateStorage: boolean; providers: string[] } {
    return this._decided ?? this._decide();
  }
}

/** Sets the features and registrations at synth, from what the stack holds then. */
class ProviderSettings implements IAspect {
  constructor(private readonly owner: AzureProvider) {}

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    startResolvedBodies(node as TerraformStack, this);
    const decision = (this.owner._decided = this.owner._decide());
    const features: AzurermProviderFeatures = decision.privateStorage ? { storage: [{ dataPlaneAvailable: false }] } : {};
    this.owner.provider.features = [features];
    const providers = decision.providers;
    // Registered on top of azurerm's default ("legacy") set, which stays as it is.
    this.owner.provider.resourceProvidersToRegister = providers.length > 0 ? providers : undefined;
  }
}
