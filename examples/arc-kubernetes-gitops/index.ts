import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ArcKubernetes, AzureProvider, HybridTags, LogAnalyticsWorkspace } from '../../lib';

/**
 * An on-premises Kubernetes cluster in Azure Arc, created from its agent public key, with Flux,
 * Container insights and a cluster-wide GitOps baseline from git. Phase 1 creates the cluster
 * resource; once the agents are installed and connected, phase 2
 * (`--var='cluster_agents_connected=true'`) creates the extensions and the Flux configuration.
 */
export class ArcKubernetesGitOpsStack extends TerraformStack {
  public readonly cluster: ArcKubernetes;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-arc-k8s', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    // The public key is an input (not a secret, but it belongs to the cluster, not to the code).
    const publicKey = new TerraformVariable(this, 'arc_agent_public_key', {
      type: 'string',
      description: 'Base64 DER public key of the Arc agent (the private key stays with the operator)',
    });

    this.cluster = new ArcKubernetes(this, 'Cluster', {
      resourceGroupName: rg.name,
      location: 'westeurope',
      clusterName: 'k8s-onprem-paris',
      agentPublicKeyCertificate: publicKey.stringValue,
      logAnalyticsWorkspace: workspace,
    });

    this.cluster.addGitOps('Baseline', {
      gitUrl: 'https://github.com/contoso/k8s-baseline',
      kustomizations: {
        infra: { path: './infrastructure' },
        apps: { path: './apps', dependsOn: ['infra'] },
      },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'arc-kubernetes', owner: 'platform-team' }));
  }
}
