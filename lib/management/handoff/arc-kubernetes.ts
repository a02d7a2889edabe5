/** What the Arc-enabled Kubernetes runbook section reads (ArcKubernetes' public fields). */
export interface ArcKubernetesView {
  readonly clusterIdOutputName: string;
  readonly createdHere: boolean;
  readonly location?: string;
  readonly agentsGateName?: string;
  readonly extensionTypes: string[];
  readonly gitOpsNames: string[];
  readonly fluxSourceHosts: string[];
  readonly endpoints: string[];
  readonly containerInsights: boolean;
}

/** The "Arc-enabled Kubernetes" runbook section. */
export function arcKubernetesHandoff(v: ArcKubernetesView): string {
  const lines = [`Cluster id: \`terraform output -raw ${v.clusterIdOutputName}\`.`, ''];
  if (v.createdHere) {
    lines.push(
      'Phase 1 created the connected-cluster resource from your agent **public** key; the agents are not on the cluster yet, so the extensions, Flux configurations and the Container insights association wait for phase 2.',
      'On a machine with kubeconfig and cluster-admin rights, install the Arc agents with the matching **private** key (kept outside Terraform), as the provider\'s acceptance test does (`internal/services/arckubernetes/testdata/install_agent.sh`): the Arc agent Helm chart from `https://<region>.dp.kubernetesconfiguration.azure.com/azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview`, with',
      '`--set global.subscriptionId=<sub> --set global.resourceGroupName=<rg> --set global.resourceName=<cluster name> --set global.location=<region> --set global.tenantId=<tenant> --set global.onboardingPrivateKey=<base64 private key> --set systemDefaultValues.spnOnboarding=false --set global.azureEnvironment=AZUREPUBLICCLOUD --set systemDefaultValues.clusterconnect-agent.enabled=true --set global.kubernetesDistro=<distro, e.g. generic> --set global.kubernetesInfra=<infra, e.g. generic>` (check the names against the current chart).',
      'Or, simpler when you do not need your own key: remove `agentPublicKeyCertificate`, onboard with `az connectedk8s connect` (below) and pass the id as `existingClusterId` (then nothing waits for a gate).',
    );
    if (v.agentsGateName) {
      lines.push(`When \`az connectedk8s show --name <cluster name> --resource-group <rg> --query connectivityStatus\` says Connected, open gate \`${v.agentsGateName}\`. A Terraform precondition (agent_version set on the cluster resource) stops phase 2 if the agents have not reported yet.`);
    }
    lines.push('');
  }
  lines.push(
    `Onboarding with the Azure CLI (${v.createdHere ? 'alternative' : 'done before this stack'}), as a principal holding "Kubernetes Cluster - Azure Arc Onboarding" on the resource group:`,
    '',
    '```sh',
    'az extension add --upgrade --name connectedk8s',
    'az provider register --namespace Microsoft.Kubernetes && az provider register --namespace Microsoft.KubernetesConfiguration && az provider register --namespace Microsoft.ExtendedLocation',
    `az connectedk8s connect --name <cluster name> --resource-group <resource group> --location ${v.location ?? '<region>'} --kube-config ~/.kube/config --kube-context <context>`,
    'kubectl get deployments,pods -n azure-arc   # every pod Running',
    'az connectedk8s show --name <cluster name> --resource-group <resource group> --query connectivityStatus   # Connected',
    '```',
    '',
    'Outbound HTTPS (TCP 443) the cluster needs (through the proxy if any: `--proxy-https`):',
    '',
    ...v.endpoints.map((e) => `- ${e}`),
    ...v.fluxSourceHosts.map((h) => `- ${h} (Flux source)`),
    '',
    `Extensions: ${v.extensionTypes.join(', ') || 'none'}. GitOps configurations: ${v.gitOpsNames.length === 0 ? 'none' : v.gitOpsNames.join(', ')}.`,
    'Check Flux: `az k8s-configuration flux list --cluster-name <cluster name> --resource-group <rg> --cluster-type connectedClusters -o table` (complianceState Compliant); on the cluster `kubectl get gitrepositories,kustomizations -A`.',
  );
  if (v.containerInsights) {
    lines.push('Container insights uses managed-identity (Entra ID) authentication (`amalogs.useAADAuth=true`) and its data collection rule, associated with the cluster as `ContainerInsightsExtension`. Check: `kubectl get pods -n kube-system | grep ama-logs` (Running), then `ContainerLogV2 | take 10` in the workspace.');
  }
  return lines.join('\n');
}
