import { ArcKubernetesCluster } from '@cdktf/provider-azurerm/lib/arc-kubernetes-cluster';
import { ArcKubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/arc-kubernetes-cluster-extension';
import { ArcKubernetesFluxConfiguration } from '@cdktf/provider-azurerm/lib/arc-kubernetes-flux-configuration';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { ILogAnalyticsWorkspace } from '../core/workspace';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression, synthesizedBody } from '../core/tokens';
import { ARC_FLUX_DISABLED, ARC_FLUX_INTERVAL, ARC_FLUX_NAME, ARC_FLUX_SOURCE, ARC_FLUX_URL, ARC_K8S_CLUSTER_ID, ARC_K8S_KEY, ARC_K8S_NAME, ARC_K8S_SOURCE } from './rules';

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

/** Props of `ArcKubernetes`. */
export interface ArcKubernetesProps {
  /** Resource group of the cluster resource. */
  readonly resourceGroupName: string;
  /** Region: the nearest to the cluster. */
  readonly location: string;
  /**
   * An existing connected cluster (`az connectedk8s connect` was run).
   * @default - none: give `agentPublicKeyCertificate`
   */
  readonly existingClusterId?: string;
  /**
   * Base64 public key of the cluster agent: creates the `azurerm_arc_kubernetes_cluster` resource.
   * The matching private key stays with the operator (see the runbook).
   * @default - none: give `existingClusterId`
   */
  readonly agentPublicKeyCertificate?: string;
  /**
   * Cluster name (1-260 of letters, digits, '-', '_').
   * @default - generated: `arck-<construct path>`
   */
  readonly clusterName?: string;
  /**
   * Install the microsoft.flux extension.
   * @default true
   */
  readonly flux?: boolean;
  /**
   * Send container logs and metrics (Container insights) to this workspace.
   * @default - no Container insights
   */
  readonly workspace?: ILogAnalyticsWorkspace;
}

const CONNECTED_CLUSTER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Kubernetes\/connectedClusters\/[^/]+$/i;
const FLUX_NAME = /^[a-z\d]([-a-z\d]{0,28}[a-z\d])?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * An Arc-enabled Kubernetes cluster (existing by id, or the cluster resource with its agent public
 * key), with the microsoft.flux and Container insights extensions and Flux (GitOps) configurations.
 */
export class ArcKubernetes extends Construct {
  /** Id of the connected cluster. */
  public readonly clusterId: string;
  /** The cluster resource, when created here. */
  public readonly cluster?: ArcKubernetesCluster;
  /** The microsoft.flux extension. */
  public readonly fluxExtension?: ArcKubernetesClusterExtension;
  /** The Container insights extension. */
  public readonly containerInsightsExtension?: ArcKubernetesClusterExtension;

  private readonly configurations = new Map<string, ArcKubernetesFluxConfiguration>();
  private readonly props: ArcKubernetesProps;
  private readonly outputNames: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: ArcKubernetesProps) {
    super(scope, id);
    this.props = props;
    const problems = new ProblemCollector(this);
    const given = [props.existingClusterId, props.agentPublicKeyCertificate].filter((v) => v !== undefined).length;
    problems.check(given !== 1, ARC_K8S_SOURCE, 'existingClusterId', props.existingClusterId, `give exactly one of \`existingClusterId\` and \`agentPublicKeyCertificate\` (${given} given)`, 'reference a connected cluster, or create one from its agent public key');
    if (props.existingClusterId !== undefined && !Token.isUnresolved(props.existingClusterId)) {
      problems.check(!CONNECTED_CLUSTER_ID.test(props.existingClusterId), ARC_K8S_CLUSTER_ID, 'existingClusterId', props.existingClusterId, 'not a Microsoft.Kubernetes/connectedClusters id', 'use `az connectedk8s show -n <name> -g <rg> --query id -o tsv`');
    }
    const key = props.agentPublicKeyCertificate;
    if (key !== undefined && !Token.isUnresolved(key)) {
      problems.check(key.length === 0 || !BASE64.test(key), ARC_K8S_KEY, 'agentPublicKeyCertificate', key.length > 40 ? `${key.slice(0, 40)}...` : key, 'the agent public key must be base64', 'base64-encode the DER public key: `openssl rsa -in key.pem -pubout -outform DER | base64 -w0`');
    }
    if (props.clusterName !== undefined && !Token.isUnresolved(props.clusterName)) {
      problems.check(!/^[-_a-zA-Z0-9]{1,260}$/.test(props.clusterName), ARC_K8S_NAME, 'clusterName', props.clusterName, 'a cluster name is 1-260 of letters, digits, - and _', 'rename it');
    }
    problems.throwIfAny();

    if (props.agentPublicKeyCertificate !== undefined) {
      this.cluster = new ArcKubernetesCluster(this, 'Resource', {
        name: props.clusterName ?? generateName(this, 'arcKubernetesCluster'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        agentPublicKeyCertificate: props.agentPublicKeyCertificate,
        identity: { type: 'SystemAssigned' },
      });
      this.clusterId = this.cluster.id;
    } else {
      this.clusterId = props.existingClusterId!;
    }
    if (props.flux ?? true) {
      this.fluxExtension = this.extension('Flux', 'flux', 'microsoft.flux', D.FLUX_NAMESPACE, {});
    }
    if (props.workspace) {
      this.containerInsightsExtension = this.extension('ContainerInsights', 'azuremonitor-containers', 'Microsoft.AzureMonitor.Containers', undefined, {
        logAnalyticsWorkspaceResourceID: props.workspace.workspaceResourceId,
      });
    }
    this.outputNames.clusterId = Runbook.of(this).addOutput(this, 'ClusterId', { value: this.clusterId, description: `Arc-enabled Kubernetes cluster of ${this.node.path}` });
    this.node.addValidation({ validate: () => this.validateDependsOn() });
    Runbook.of(this).addSection(new LazySection(`Arc-enabled Kubernetes ${this.node.path}`, () => this.renderRunbook()));
  }

  /** Adds a Flux (GitOps) configuration; created after the microsoft.flux extension. */
  public addGitOps(id: string, options: GitOpsOptions): ArcKubernetesFluxConfiguration {
    const problems = new ProblemCollector(this);
    const name = options.name ?? id.toLowerCase();
    checkUniqueId(problems, this, `GitOps${id}`, 'id', id);
    problems.check(!this.fluxExtension, ARC_FLUX_DISABLED, 'flux', false, 'GitOps needs the microsoft.flux extension', 'leave `flux` on');
    if (!Token.isUnresolved(name)) problems.check(!FLUX_NAME.test(name) || this.configurations.has(name), ARC_FLUX_NAME, 'name', name, 'a Flux configuration name is 1-30 lowercase letters, digits and -, starting and ending with a letter or digit, unique on the cluster', 'rename it');
    const sources = [options.gitUrl, options.bucketUrl, options.blobContainerId].filter((v) => v !== undefined);
    problems.check(sources.length !== 1, ARC_FLUX_SOURCE, 'gitUrl', sources, `a Flux configuration has exactly one source (${sources.length} given)`, 'give one of `gitUrl`, `bucketUrl` or `blobContainerId`');
    if (options.gitUrl !== undefined && !Token.isUnresolved(options.gitUrl)) {
      problems.check(!/^(https?:\/\/|git@|ssh:\/\/)/.test(options.gitUrl), ARC_FLUX_URL, 'gitUrl', options.gitUrl, 'a git URL starts with http://, https://, git@ or ssh://', 'use e.g. https://github.com/org/repo');
    }
    if (options.bucketUrl !== undefined && !Token.isUnresolved(options.bucketUrl)) {
      problems.check(!/^https?:\/\//.test(options.bucketUrl), ARC_FLUX_URL, 'bucketUrl', options.bucketUrl, 'a bucket URL starts with http:// or https://', 'use the bucket endpoint URL');
      problems.check(options.bucketName === undefined, ARC_FLUX_SOURCE, 'bucketName', options.bucketName, 'a bucket source needs `bucketName`', 'give the bucket name');
    }
    const kustomizations = options.kustomizations ?? { root: { path: './' } };
    const intervals: [string, number | undefined][] = [['syncIntervalSeconds', options.syncIntervalSeconds]];
    for (const [k, v] of Object.entries(kustomizations)) intervals.push([`kustomizations.${k}.syncIntervalSeconds`, v.syncIntervalSeconds]);
    for (const [prop, value] of intervals) {
      if (value === undefined || Token.isUnresolved(value)) continue;
      problems.check(!Number.isInteger(value) || value < 1 || value > D.FLUX_MAX_INTERVAL_SECONDS, ARC_FLUX_INTERVAL, prop, value, `an interval is 1-${D.FLUX_MAX_INTERVAL_SECONDS} seconds`, 'use 600 (default)');
    }
    problems.throwIfAny();

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
    this.configurations.set(name, configuration);
    return configuration;
  }

  private extension(id: string, name: string, type: string, releaseNamespace: string | undefined, settings: Record<string, string>): ArcKubernetesClusterExtension {
    return new ArcKubernetesClusterExtension(this, id, {
      name,
      clusterId: this.clusterId,
      extensionType: type,
      releaseNamespace,
      identity: { type: 'SystemAssigned' },
      configurationSettings: Object.keys(settings).length > 0 ? settings : undefined,
    });
  }

  /** Every Flux configuration must still depend on the flux extension after escape-hatch edits. */
  private validateDependsOn(): string[] {
    if (!this.fluxExtension) return [];
    const errors: string[] = [];
    const bare = (value: unknown) => String(resolveExpression(this, value)).replace(/^\$\{(.*)\}$/, '$1');
    const flux = bare(this.fluxExtension.fqn);
    for (const [name, configuration] of this.configurations) {
      const dependsOn = (synthesizedBody(configuration).depends_on ?? []) as string[];
      if (!dependsOn.map(bare).includes(flux)) {
        errors.push(`[ARC-FLUX-DEPENDS] ${configuration.node.path}: Flux configuration ${name} does not depend on ${flux}. Fix: keep depends_on = [${flux}]`);
      }
    }
    for (const extension of [this.fluxExtension, this.containerInsightsExtension]) {
      if (!extension) continue;
      const body = synthesizedBody(extension);
      if (body.release_namespace !== undefined && body.target_namespace !== undefined) {
        errors.push(`[ARC-EXT-NAMESPACE] ${extension.node.path}: release_namespace and target_namespace are both set. Fix: keep one`);
      }
    }
    return errors;
  }

  private renderRunbook(): string {
    const p = this.props;
    const lines = [`Cluster id: \`terraform output -raw ${this.outputNames.clusterId}\`.`, ''];
    if (this.cluster) {
      lines.push(
        'Terraform created the connected-cluster resource from your agent **public** key; the agents are not on the cluster yet.',
        'On a machine with kubeconfig and cluster-admin rights, install the Arc agents with the matching **private** key (kept outside Terraform), as in the provider example `examples/arckubernetes`: its Arc agent Helm release (chart location as in that example; check it against the current Arc docs) with `--set global.onboardingPrivateKey=<base64 private key>`, `--set global.resourceName=<cluster name>`, `--set global.resourceGroupName=<rg>`, `--set global.location=<region>`, `--set global.subscriptionId=<sub>`, `--set global.tenantId=<tenant>`.',
        'Or, simpler when you do not need your own key: remove `agentPublicKeyCertificate`, onboard with `az connectedk8s connect` (below) and pass the id as `existingClusterId`.',
        '',
      );
    }
    lines.push(
      `Onboarding with the Azure CLI (${this.cluster ? 'alternative' : 'done before this stack'}), as a principal holding "Kubernetes Cluster - Azure Arc Onboarding" on the resource group:`,
      '',
      '```sh',
      'az extension add --upgrade --name connectedk8s',
      'az provider register --namespace Microsoft.Kubernetes && az provider register --namespace Microsoft.KubernetesConfiguration && az provider register --namespace Microsoft.ExtendedLocation',
      `az connectedk8s connect --name <cluster name> --resource-group <resource group> --location ${Token.isUnresolved(p.location) ? '<region>' : p.location} --kube-config ~/.kube/config --kube-context <context>`,
      'kubectl get deployments,pods -n azure-arc   # every pod Running',
      'az connectedk8s show --name <cluster name> --resource-group <resource group> --query connectivityStatus   # Connected',
      '```',
      '',
      'Outbound HTTPS (TCP 443) the cluster needs (through the proxy if any: `--proxy-https`):',
      '',
      ...D.ARC_K8S_ENDPOINTS.map((e) => `- ${e}`),
      '',
      `Extensions: ${[this.fluxExtension ? 'microsoft.flux' : undefined, this.containerInsightsExtension ? 'Microsoft.AzureMonitor.Containers' : undefined].filter(Boolean).join(', ') || 'none'}. GitOps configurations: ${this.configurations.size === 0 ? 'none' : [...this.configurations.keys()].join(', ')}.`,
      'Check Flux: `az k8s-configuration flux list --cluster-name <cluster name> --resource-group <rg> --cluster-type connectedClusters -o table` (complianceState Compliant); on the cluster `kubectl get gitrepositories,kustomizations -A`.',
    );
    return lines.join('\n');
  }
}
