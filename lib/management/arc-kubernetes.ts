import { ArcKubernetesCluster } from '@cdktf/provider-azurerm/lib/arc-kubernetes-cluster';
import { ArcKubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension';
import { ArcKubernetesFluxConfiguration } from '@cdktf/provider-azurerm/lib/arc-kubernetes-flux-configuration';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { Fn, Op, TerraformResource, TerraformResourceLifecycle, Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { arcKubernetesHandoff } from './handoff/arc-kubernetes';
import { ARC_EXT_NAMESPACE, ARC_FLUX_DEPENDS, ARC_FLUX_DISABLED, ARC_FLUX_INTERVAL, ARC_FLUX_NAME, ARC_FLUX_SOURCE, ARC_FLUX_URL, ARC_K8S_CLUSTER_ID, ARC_K8S_KEY, ARC_K8S_SOURCE } from './rules';
import { AzureResource, DiagnosticTarget } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { checkFinalBody } from '../core/report';
import type { ILogAnalyticsWorkspace } from '../core/workspace';

/** Scope of a Flux configuration. */
export enum FluxScope {
  /** Cluster-wide (the guide's baseline configuration). */
  CLUSTER = 'cluster',
  /** One namespace. */
  NAMESPACE = 'namespace',
}

/** One Flux kustomization of a GitOps configuration. */
export interface GitOpsKustomization {
  /** Path in the source. */
  readonly path: string;
  /**
   * Names of kustomizations of the same configuration applied first.
   * @default - none
   */
  readonly dependsOn?: string[];
  /**
   * Re-reconcile interval, 1-35791394 s.
   * @default 600
   */
  readonly syncIntervalSeconds?: number;
  /**
   * Delete what was removed from the source.
   * @default true
   */
  readonly prune?: boolean;
}

/** Options of `ArcKubernetes.addGitOps`: exactly one source. */
export interface GitOpsOptions {
  /**
   * Configuration name.
   * @default - the id, lowercased
   */
  readonly name?: string;
  /**
   * Namespace of the configuration.
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * Cluster or namespace scope.
   * @default FluxScope.CLUSTER
   */
  readonly scope?: FluxScope;
  /**
   * Git repository URL (http://, https://, git@ or ssh://).
   * @default - no git source
   */
  readonly gitUrl?: string;
  /**
   * Branch of the git repository.
   * @default 'main'
   */
  readonly gitBranch?: string;
  /**
   * S3-compatible bucket URL (http:// or https://), with `bucketName`.
   * @default - no bucket source
   */
  readonly bucketUrl?: string;
  /**
   * Bucket name.
   * @default - none
   */
  readonly bucketName?: string;
  /**
   * Azure Blob container id, authenticated by the cluster's identity (no key in Terraform).
   * @default - no blob source
   */
  readonly blobContainerId?: string;
  /**
   * Name of a Kubernetes secret in the configuration's namespace holding the source credentials
   * (never a credential in Terraform).
   * @default - public source
   */
  readonly localAuthReference?: string;
  /**
   * Source sync interval, 1-35791394 s.
   * @default 600
   */
  readonly syncIntervalSeconds?: number;
  /**
   * Kustomizations by name.
   * @default - one kustomization `root` at path `./`
   */
  readonly kustomizations?: Record<string, GitOpsKustomization>;
}

const FLUX_NAME = /^[a-z\d]([-a-z\d]{0,28}[a-z\d])?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Props of `ArcKubernetes`. */
export interface ArcKubernetesProps {
  /** Resource group of the cluster resource. */
  readonly resourceGroupName: string;
  /** Region: the nearest to the cluster. */
  readonly location: string;
  /**
   * An existing connected cluster (`az connectedk8s connect` was run): nothing waits for a gate.
   * @default - none: give `agentPublicKeyCertificate`
   */
  readonly existingClusterId?: string;
  /**
   * Base64 public key of the cluster agent: creates the `azurerm_arc_kubernetes_cluster` resource
   * in phase 1; extensions, Flux configurations and Container insights wait behind gate
   * `<path>_agents_connected` until the agents are installed with the private key (runbook).
   * @default - none: give `existingClusterId`
   */
  readonly agentPublicKeyCertificate?: string;
  /**
   * Cluster name (1-260 of letters, digits, '-', '_'; NAME-INVALID otherwise).
   * @default - generated: `arck-<construct path>`
   */
  readonly clusterName?: string;
  /**
   * Install the microsoft.flux extension. Must be a literal (it decides whether the extension exists).
   * @default true
   */
  readonly flux?: boolean;
  /**
   * Send container logs and metrics (Container insights, Entra ID authentication) to this
   * workspace: the extension, its data collection rule and the rule's association with the cluster.
   * @default - no Container insights
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/**
 * An Arc-enabled Kubernetes cluster (existing by id, or the cluster resource with its agent public
 * key), with the microsoft.flux and Container insights extensions and Flux (GitOps)
 * configurations. What needs the agents on the cluster waits behind a phase-2 gate.
 */
export class ArcKubernetes extends AzureResource {
  /** Id of the connected cluster. */
  public readonly clusterId: string;
  public readonly resourceId: string;
  /** The cluster resource, when created here. */
  public readonly cluster?: ArcKubernetesCluster;
  /** The microsoft.flux extension. */
  public readonly fluxExtension?: ArcKubernetesClusterExtension;
  /** The Container insights extension. */
  public readonly containerInsightsExtension?: ArcKubernetesClusterExtension;
  /** The Container insights data collection rule. */
  public readonly containerInsightsRule?: MonitorDataCollectionRule;
  /** Its association with the cluster (name `ContainerInsightsExtension`). */
  public readonly containerInsightsAssociation?: MonitorDataCollectionRuleAssociation;
  /** The gate extensions and Flux configurations wait behind (when the cluster is created here). */
  public readonly agentsGate?: LifecycleGate;
  /** Name of the hand-off output with the cluster id. */
  public readonly clusterIdOutputName: string;

  private readonly configurations = new Map<string, ArcKubernetesFluxConfiguration>();
  private readonly fluxHosts = new Set<string>();

  constructor(scope: Construct, id: string, props: ArcKubernetesProps) {
    super(scope, id);
    this.resolve(props);
    if (props.agentPublicKeyCertificate !== undefined) {
      this.cluster = new ArcKubernetesCluster(this, 'Resource', {
        name: props.clusterName ?? generateName(this, 'arcKubernetesCluster'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        agentPublicKeyCertificate: props.agentPublicKeyCertificate,
        identity: { type: 'SystemAssigned' },
      });
      this.agentsGate = LifecycleGate.of(this, `${outputName(this, '')}_agents_connected`, {
        waitsFor: `the Arc agents run on the cluster of ${this.node.path} (installed with the private key) and it is Connected`,
        performedBy: 'the Kubernetes platform team',
        verify: 'az connectedk8s show --name <cluster name> --resource-group <rg> --query connectivityStatus -o tsv   # Connected',
      });
    }
    this.clusterId = this.cluster?.id ?? props.existingClusterId!;
    this.resourceId = this.clusterId;
    if (props.flux ?? true) this.fluxExtension = this.extension('Flux', 'flux', 'microsoft.flux', D.FLUX_NAMESPACE, {});
    if (props.logAnalyticsWorkspace) [this.containerInsightsExtension, this.containerInsightsRule, this.containerInsightsAssociation] = this.containerInsights(props);
    this.clusterIdOutputName = Runbook.of(this).addOutput(this, 'ClusterId', { value: this.clusterId, description: `Arc-enabled Kubernetes cluster of ${this.node.path}` });
    this.initCommon({});
    Runbook.of(this).addSection(new LazySection(`Arc-enabled Kubernetes ${this.node.path}`, () => arcKubernetesHandoff({
      clusterIdOutputName: this.clusterIdOutputName,
      createdHere: this.cluster !== undefined,
      location: Token.isUnresolved(props.location) ? undefined : props.location,
      agentsGateName: this.agentsGate?.name,
      extensionTypes: [this.fluxExtension ? 'microsoft.flux' : undefined, this.containerInsightsExtension ? 'Microsoft.AzureMonitor.Containers' : undefined].filter((e): e is string => e !== undefined),
      gitOpsNames: [...this.configurations.keys()],
      fluxSourceHosts: [...this.fluxHosts],
      endpoints: D.ARC_K8S_ENDPOINTS,
      containerInsights: this.containerInsightsExtension !== undefined,
    })));
  }

  /** Adds a Flux configuration; created after the microsoft.flux extension (and, for a cluster created here, in phase 2). */
  public addGitOps(id: string, options: GitOpsOptions): ArcKubernetesFluxConfiguration {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.literal('id', id, 'the id keys the configuration');
    problems.throwIfAny();
    const name = options.name ?? id.toLowerCase();
    checkUniqueId(problems, this, `GitOps${id}`, 'id', id);
    problems.check(!this.fluxExtension, ARC_FLUX_DISABLED, 'flux', false, 'GitOps needs the microsoft.flux extension', 'leave `flux` on');
    if (!Token.isUnresolved(name)) problems.check(!FLUX_NAME.test(name) || this.configurations.has(name), ARC_FLUX_NAME, 'name', name, 'a Flux configuration name is 1-30 lowercase letters, digits and -, starting and ending with a letter or digit, unique on the cluster', 'rename it');
    const sources = [options.gitUrl, options.bucketUrl, options.blobContainerId].filter((v) => v !== undefined);
    problems.check(sources.length !== 1, ARC_FLUX_SOURCE, 'gitUrl', sources, `a Flux configuration has exactly one source (${sources.length} given)`, 'give one of `gitUrl`, `bucketUrl` or `blobContainerId`');
    if (options.gitUrl !== undefined && !Token.isUnresolved(options.gitUrl)) {
      problems.check(!/^(https?:\/\/|git@|ssh:\/\/)[^\s]+$/.test(options.gitUrl), ARC_FLUX_URL, 'gitUrl', options.gitUrl, 'a git URL starts with http://, https://, git@ or ssh://', 'use e.g. https://github.com/org/repo');
    }
    if (options.bucketUrl !== undefined && !Token.isUnresolved(options.bucketUrl)) {
      problems.check(!/^https?:\/\//.test(options.bucketUrl), ARC_FLUX_URL, 'bucketUrl', options.bucketUrl, 'a bucket URL starts with http:// or https://', 'use the bucket endpoint URL');
    }
    problems.check(options.bucketUrl !== undefined && options.bucketName === undefined, ARC_FLUX_SOURCE, 'bucketName', options.bucketName, 'a bucket source needs `bucketName`', 'give the bucket name');
    problems.literal('kustomizations', options.kustomizations, 'each kustomization is a block of the configuration');
    problems.type('kustomizations', options.kustomizations, 'object');
    const kustomizations = options.kustomizations ?? { root: { path: './' } };
    const kNames = typeof kustomizations === 'object' && kustomizations !== null ? Object.keys(kustomizations) : [];
    problems.check(kNames.length === 0, ARC_FLUX_NAME, 'kustomizations', kustomizations, 'a Flux configuration needs at least one kustomization', "give one, e.g. `{ root: { path: './' } }`");
    for (const k of kNames) problems.check(!FLUX_NAME.test(k), ARC_FLUX_NAME, `kustomizations.${k}`, k, 'a kustomization name is 1-30 lowercase letters, digits and -, starting and ending with a letter or digit', 'rename it, e.g. `apps`');
    problems.integer(ARC_FLUX_INTERVAL, 'syncIntervalSeconds', options.syncIntervalSeconds, 1, D.FLUX_MAX_INTERVAL_SECONDS, 'use 600 (default)');
    for (const [k, v] of Object.entries(kustomizations)) problems.integer(ARC_FLUX_INTERVAL, `kustomizations.${k}.syncIntervalSeconds`, v?.syncIntervalSeconds, 1, D.FLUX_MAX_INTERVAL_SECONDS, 'use 600 (default)');
    problems.throwIfAny();

    const host = sourceHost(options.gitUrl ?? options.bucketUrl);
    if (host) this.fluxHosts.add(host);
    const interval = options.syncIntervalSeconds ?? D.FLUX_SYNC_INTERVAL_SECONDS;
    const configuration = new ArcKubernetesFluxConfiguration(this, `GitOps${id}`, {
      name,
      clusterId: this.clusterId,
      namespace: options.namespace ?? D.FLUX_NAMESPACE,
      scope: options.scope ?? FluxScope.CLUSTER,
      gitRepository: options.gitUrl !== undefined
        ? { url: options.gitUrl, referenceType: 'branch', referenceValue: options.gitBranch ?? 'main', syncIntervalInSeconds: interval, localAuthReference: options.localAuthReference }
        : undefined,
      bucket: options.bucketUrl !== undefined
        ? { url: options.bucketUrl, bucketName: options.bucketName!, syncIntervalInSeconds: interval, localAuthReference: options.localAuthReference }
        : undefined,
      blobStorage: options.blobContainerId !== undefined ? { containerId: options.blobContainerId, syncIntervalInSeconds: interval, localAuthReference: options.localAuthReference } : undefined,
      kustomizations: Object.entries(kustomizations).map(([kName, k]) => ({
        name: kName,
        path: k.path,
        dependsOn: k.dependsOn,
        syncIntervalInSeconds: k.syncIntervalSeconds ?? D.FLUX_SYNC_INTERVAL_SECONDS,
        garbageCollectionEnabled: k.prune ?? true,
      })),
      dependsOn: [this.fluxExtension!],
    });
    this.afterAgents(configuration);
    checkFinalBody(this, configuration, [ARC_FLUX_DEPENDS]);
    this.configurations.set(name, configuration);
    return configuration;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    // Connected clusters have no diagnostic settings; Container insights is their monitoring.
    return [];
  }

  private resolve(props: ArcKubernetesProps): void {
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    const given = [props.existingClusterId, props.agentPublicKeyCertificate].filter((v) => v !== undefined).length;
    problems.check(given !== 1, ARC_K8S_SOURCE, 'existingClusterId', props.existingClusterId, `give exactly one of \`existingClusterId\` and \`agentPublicKeyCertificate\` (${given} given)`, 'reference a connected cluster, or create one from its agent public key');
    problems.resourceId(ARC_K8S_CLUSTER_ID, 'existingClusterId', props.existingClusterId, 'Arc-enabled Kubernetes cluster', 'use `az connectedk8s show -n <name> -g <rg> --query id -o tsv`');
    const key = props.agentPublicKeyCertificate;
    if (key !== undefined && !Token.isUnresolved(key)) {
      problems.check(typeof key !== 'string' || key.length === 0 || !BASE64.test(key), ARC_K8S_KEY, 'agentPublicKeyCertificate', typeof key === 'string' && key.length > 40 ? `${key.slice(0, 40)}...` : key, 'the agent public key must be base64', 'base64-encode the DER public key: `openssl rsa -in key.pem -pubout -outform DER | base64 -w0`');
    }
    checkName(problems, 'arcKubernetesCluster', 'clusterName', props.clusterName);
    problems.literal('flux', props.flux, 'it decides whether the microsoft.flux extension exists');
    problems.type('logAnalyticsWorkspace', props.logAnalyticsWorkspace, 'construct');
    problems.throwIfAny();
  }

  private extension(id: string, name: string, type: string, releaseNamespace: string | undefined, settings: Record<string, string>): ArcKubernetesClusterExtension {
    const extension = new ArcKubernetesClusterExtension(this, id, {
      name,
      clusterId: this.clusterId,
      extensionType: type,
      releaseNamespace,
      identity: { type: 'SystemAssigned' },
      configurationSettings: Object.keys(settings).length > 0 ? settings : undefined,
    });
    this.afterAgents(extension);
    checkFinalBody(this, extension, [ARC_EXT_NAMESPACE]);
    return extension;
  }

  /**
   * Container insights with managed-identity authentication: the extension (`amalogs.useAADAuth`),
   * a data collection rule with the ContainerInsights extension data source, and its association
   * with the cluster named `ContainerInsightsExtension` (research.md section 9, Microsoft's
   * arc-k8s-extension-msi-auth onboarding template). The association is created before the extension.
   */
  private containerInsights(props: ArcKubernetesProps): [ArcKubernetesClusterExtension, MonitorDataCollectionRule, MonitorDataCollectionRuleAssociation] {
    const workspaceId = props.logAnalyticsWorkspace!.workspaceResourceId;
    const rule = new MonitorDataCollectionRule(this, 'ContainerInsightsRule', {
      name: generateName(this, 'dataCollectionRule', 'ContainerInsights'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: 'Linux',
      description: `Container insights of ${this.node.path}`,
      destinations: { logAnalytics: [{ name: 'ciworkspace', workspaceResourceId: workspaceId }] },
      dataFlow: [{ streams: [D.CONTAINER_INSIGHTS_STREAM], destinations: ['ciworkspace'] }],
      dataSources: {
        extension: [{
          name: 'ContainerInsightsExtension',
          extensionName: 'ContainerInsights',
          streams: [D.CONTAINER_INSIGHTS_STREAM],
          extensionJson: JSON.stringify({ dataCollectionSettings: { interval: '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true } }),
        }],
      },
    });
    const association = new MonitorDataCollectionRuleAssociation(this, 'ContainerInsightsAssociation', {
      name: 'ContainerInsightsExtension',
      targetResourceId: this.clusterId,
      dataCollectionRuleId: rule.id,
      description: 'Deleting this association will break the data collection for this Arc K8s Cluster.',
    });
    this.afterAgents(association);
    const extension = this.extension('ContainerInsights', 'azuremonitor-containers', 'Microsoft.AzureMonitor.Containers', undefined, {
      logAnalyticsWorkspaceResourceID: workspaceId,
      'amalogs.useAADAuth': 'true',
    });
    extension.dependsOn = [association.fqn];
    return [extension, rule, association];
  }

  /** Puts a resource that needs the agents behind the gate, with a precondition on the cluster's agent_version. */
  private afterAgents(resource: TerraformResource & { lifecycle?: TerraformResourceLifecycle }): void {
    if (!this.cluster || !this.agentsGate) return;
    this.agentsGate.guard(resource);
    resource.lifecycle = {
      ...resource.lifecycle,
      precondition: [{
        // coalesce skips null and "": agent_version is set only once the agents report (research.md section 7).
        condition: Op.neq(Fn.coalesce([this.cluster.agentVersion, 'not-connected']), 'not-connected'),
        errorMessage: `The Arc agents have not connected cluster ${this.node.path} yet (agent_version is empty): install them with the private key (runbook), wait for connectivityStatus Connected, then deploy with the gate open.`,
      }],
    };
  }
}

/** The host a Flux source is fetched from (for the outbound list). */
function sourceHost(url: string | undefined): string | undefined {
  if (url === undefined || Token.isUnresolved(url)) return undefined;
  const ssh = /^git@([^:]+):/.exec(url);
  if (ssh) return `${ssh[1]} (TCP 22)`;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
