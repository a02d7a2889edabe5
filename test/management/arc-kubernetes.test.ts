import { TerraformVariable, Testing } from 'cdktf';
import { ArcKubernetes, ArcServers, HybridMonitoring, LogAnalyticsWorkspace, OperatingSystem, Runbook } from '../../lib';
import { ArcKubernetesGitOpsStack } from '../../examples/arc-kubernetes-gitops';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, annotationsAfterSynth } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const KEY = Buffer.from('a DER-encoded RSA public key stands here').toString('base64');
const CLUSTER = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1';

describe('ArcKubernetes', () => {
  test('creates the cluster with SystemAssigned identity, Flux and Container insights, GitOps after Flux', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, agentPublicKeyCertificate: KEY, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/ws') });
    k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/baseline' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_kubernetes_cluster')).toMatchObject({ agent_public_key_certificate: KEY, identity: { type: 'SystemAssigned' } });
    const extensions = resourcesOf(json, 'azurerm_arc_kubernetes_cluster_extension');
    expect(extensions.map((e) => e.extension_type).sort()).toEqual(['Microsoft.AzureMonitor.Containers', 'microsoft.flux']);
    expect(extensions.find((e) => e.extension_type === 'Microsoft.AzureMonitor.Containers').configuration_settings.logAnalyticsWorkspaceResourceID).toBe('/ws');
    const flux = onlyResource(json, 'azurerm_arc_kubernetes_flux_configuration');
    expect(flux).toMatchObject({ name: 'baseline', scope: 'cluster', namespace: 'flux-system' });
    expect(flux.git_repository).toMatchObject({ url: 'https://github.com/contoso/baseline', reference_type: 'branch', reference_value: 'main' });
    expect(flux.depends_on[0]).toMatch(/^azurerm_arc_kubernetes_cluster_extension\./);
    const md = Runbook.of(stack).render();
    expect(md).toContain('az connectedk8s connect');
    expect(md).toContain('dp.kubernetesconfiguration.azure.com');
  });

  test('uses an existing connected cluster by id', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER });
    expect(k8s.cluster).toBeUndefined();
    expect(onlyResource(synthJson(stack), 'azurerm_arc_kubernetes_cluster_extension').cluster_id).toBe(CLUSTER);
  });

  test('fails when neither or both of cluster id and key are given', () => {
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', base), 'ARC-K8S-SOURCE', 'existingClusterId');
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', { ...base, existingClusterId: CLUSTER, agentPublicKeyCertificate: KEY }), 'ARC-K8S-SOURCE', 'existingClusterId', CLUSTER);
  });

  test('fails when the key is not base64, the id not a connected cluster or the name invalid', () => {
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', { ...base, agentPublicKeyCertificate: 'not base64!' }), 'ARC-K8S-KEY', 'agentPublicKeyCertificate', 'not base64!');
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', { ...base, existingClusterId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/a' }), 'ARC-K8S-CLUSTER-ID', 'existingClusterId');
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', { ...base, agentPublicKeyCertificate: KEY, clusterName: 'bad name' }), 'NAME-INVALID', 'clusterName', 'bad name');
  });

  test('fails when a Flux configuration name, source, URL or interval is invalid', () => {
    const k8s = new ArcKubernetes(newStack(), 'K8s', { ...base, existingClusterId: CLUSTER });
    expectValidationError(() => k8s.addGitOps('X', { name: 'Bad_Name', gitUrl: 'https://g/r' }), 'ARC-FLUX-NAME', 'name', 'Bad_Name');
    expectValidationError(() => k8s.addGitOps('x', {}), 'ARC-FLUX-SOURCE', 'gitUrl', []);
    expectValidationError(() => k8s.addGitOps('x', { gitUrl: 'https://g/r', bucketUrl: 'https://b', bucketName: 'b' }), 'ARC-FLUX-SOURCE', 'gitUrl');
    expectValidationError(() => k8s.addGitOps('x', { gitUrl: 'ftp://g/r' }), 'ARC-FLUX-URL', 'gitUrl', 'ftp://g/r');
    expectValidationError(() => k8s.addGitOps('x', { gitUrl: 'https://g/r', syncIntervalSeconds: 35791395 }), 'ARC-FLUX-INTERVAL', 'syncIntervalSeconds', 35791395);
    expectValidationError(() => k8s.addGitOps('x', { gitUrl: 'https://g/r', kustomizations: { a: { path: './', syncIntervalSeconds: 0 } } }), 'ARC-FLUX-INTERVAL', 'kustomizations.a.syncIntervalSeconds', 0);
  });

  test('fails when GitOps is added with Flux turned off', () => {
    const k8s = new ArcKubernetes(newStack(), 'K8s', { ...base, existingClusterId: CLUSTER, flux: false });
    expectValidationError(() => k8s.addGitOps('x', { gitUrl: 'https://g/r' }), 'ARC-FLUX-DISABLED', 'flux', false);
  });

  test('fails at synth when depends_on the flux extension is removed, or an extension gets both namespaces', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER });
    const flux = k8s.addGitOps('x', { gitUrl: 'https://g/r' });
    flux.dependsOn = [];
    k8s.fluxExtension!.targetNamespace = 'other';
    const errors = annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , m]) => m);
    expect(errors.some((e) => e.includes('[ARC-FLUX-DEPENDS]'))).toBe(true);
    expect(errors.some((e) => e.includes('[ARC-EXT-NAMESPACE]'))).toBe(true);
  });

  test('passes the final-body checks when depends_on and one namespace are kept', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER });
    k8s.addGitOps('x', { gitUrl: 'https://g/r' });
    expect(annotationsAfterSynth(stack).filter(([level]) => level === 'error')).toEqual([]);
  });
});

describe('ArcServers', () => {
  test('fails when the onboarding principal is not a GUID', () => {
    expectValidationError(() => new ArcServers(newStack(), 'Arc', { ...base, resourceGroupId: '/subscriptions/s/resourceGroups/rg', onboardingPrincipalId: 'app-name' }), 'ARC-SRV-PRINCIPAL', 'onboardingPrincipalId', 'app-name');
  });

  test('fails when machines are listed without monitoring', () => {
    const arc = new ArcServers(newStack(), 'Arc', { ...base, resourceGroupId: '/subscriptions/s/resourceGroups/rg' });
    expectValidationError(() => arc.addMachine('m', { machineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m', os: OperatingSystem.LINUX }), 'ARC-SRV-MONITORING', 'monitoring');
  });

  test('gives machines the agent and rules through the monitoring, role assignment without a PLS by default', () => {
    const stack = newStack();
    const monitoring = new HybridMonitoring(stack, 'Mon', base);
    new ArcServers(stack, 'Arc', { ...base, resourceGroupId: '/subscriptions/s/resourceGroups/rg', onboardingPrincipalId: '11111111-2222-3333-4444-555555555555', monitoring, machines: { m: { machineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m', os: OperatingSystem.LINUX } } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_machine_extension').type).toBe('AzureMonitorLinuxAgent');
    expect(onlyResource(json, 'azurerm_role_assignment')).toMatchObject({ role_definition_name: 'Azure Connected Machine Onboarding', scope: '/subscriptions/s/resourceGroups/rg' });
    expect(resourcesOf(json, 'azurerm_arc_private_link_scope')).toHaveLength(0);
  });
});

describe('arc-kubernetes-gitops example', () => {
  test('synthesizes (snapshot)', () => {
    const stack = new ArcKubernetesGitOpsStack(Testing.app(), 'arc-kubernetes-gitops');
    const json = JSON.parse(Testing.synth(stack, true));
    expect(json).toMatchSnapshot();
    expect(onlyResource(json, 'azurerm_arc_kubernetes_flux_configuration').kustomizations.map((k: any) => k.name)).toEqual(['infra', 'apps']);
    expect(Runbook.of(stack).render()).toMatchSnapshot();
  });
});

describe('repeated ids', () => {
  test('ArcKubernetes.addGitOps fails when an id is repeated, even under another name', () => {
    // GIVEN a GitOps configuration Baseline
    const k8s = new ArcKubernetes(newStack(), 'K8s', { ...base, agentPublicKeyCertificate: KEY });
    k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/baseline' });
    // WHEN / THEN
    expectValidationError(() => k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/apps', name: 'apps' }), 'NAME-DUPLICATE', 'id', 'Baseline');
  });

  test('ArcServers.addMachine fails when a machine name is repeated (refused by the monitoring)', () => {
    const stack = newStack();
    const monitoring = new HybridMonitoring(stack, 'Mon', base);
    const arc = new ArcServers(stack, 'Arc', { ...base, resourceGroupId: '/subscriptions/s/resourceGroups/rg', monitoring });
    const machine = { machineId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m', os: OperatingSystem.LINUX };
    arc.addMachine('m', machine);
    expectValidationError(() => arc.addMachine('m', machine), 'MON-MACHINE-ID', 'name', 'm');
  });
});

describe('ArcKubernetes gate and Container insights (B5, M7)', () => {
  test('gate: extensions, Flux and the Container insights association are phase 2, with an agent_version precondition', () => {
    // GIVEN a cluster created from its public key, with Container insights and GitOps
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, agentPublicKeyCertificate: KEY, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/ws') });
    k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/baseline' });
    // WHEN
    const json = synthJson(stack);
    // THEN phase 1 (var false) creates none of them; phase 2 (var true) creates each once
    expect(json.variable.k8s_agents_connected).toMatchObject({ type: 'bool', default: false });
    const gated = [...resourcesOf(json, 'azurerm_arc_kubernetes_cluster_extension'), onlyResource(json, 'azurerm_arc_kubernetes_flux_configuration'), onlyResource(json, 'azurerm_monitor_data_collection_rule_association')];
    expect(gated).toHaveLength(4);
    for (const r of gated) {
      expect(r.count).toBe('${var.k8s_agents_connected ? 1 : 0}');
      expect(r.lifecycle.precondition[0].condition).toMatch(/coalesce\(azurerm_arc_kubernetes_cluster\.\w+\.agent_version/);
      expect(r.lifecycle.precondition[0].error_message).toMatch(/agents have not connected/);
    }
    expect(onlyResource(json, 'azurerm_arc_kubernetes_cluster').count).toBeUndefined();
    expect(onlyResource(json, 'azurerm_monitor_data_collection_rule').count).toBeUndefined();
    expect(Runbook.of(stack).render()).toContain("--var='k8s_agents_connected=true'");
  });

  test('an existing cluster needs no gate', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER });
    k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/baseline' });
    const json = synthJson(stack);
    expect(json.variable?.k8s_agents_connected).toBeUndefined();
    expect(onlyResource(json, 'azurerm_arc_kubernetes_flux_configuration').count).toBeUndefined();
    expect(k8s.agentsGate).toBeUndefined();
  });

  test('Container insights with Entra ID auth: extension setting, DCR with the group stream, association ContainerInsightsExtension', () => {
    const stack = newStack();
    new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/ws'), flux: false });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_kubernetes_cluster_extension').configuration_settings).toEqual({ logAnalyticsWorkspaceResourceID: '/ws', 'amalogs.useAADAuth': 'true' });
    const dcr = onlyResource(json, 'azurerm_monitor_data_collection_rule');
    expect(dcr.data_sources.extension[0]).toMatchObject({ name: 'ContainerInsightsExtension', extension_name: 'ContainerInsights', streams: ['Microsoft-ContainerInsights-Group-Default'] });
    expect(onlyResource(json, 'azurerm_monitor_data_collection_rule_association')).toMatchObject({ name: 'ContainerInsightsExtension', target_resource_id: CLUSTER });
    expect(Runbook.of(stack).render()).toContain('*.handler.control.monitor.azure.com');
  });

  test('the Flux source host is in the outbound list', () => {
    const stack = newStack();
    const k8s = new ArcKubernetes(stack, 'K8s', { ...base, existingClusterId: CLUSTER });
    k8s.addGitOps('Baseline', { gitUrl: 'https://github.com/contoso/baseline' });
    synthJson(stack);
    expect(Runbook.of(stack).render()).toContain('- github.com (Flux source)');
  });

  test('fails with PROP-LITERAL when flux is a token, and takes tokens where Terraform does', () => {
    const stack = newStack();
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    expectValidationError(() => new ArcKubernetes(stack, 'Bad', { ...base, existingClusterId: CLUSTER, flux: v('flux', 'bool').booleanValue as unknown as boolean }), 'PROP-LITERAL', 'flux');
    const k8s = new ArcKubernetes(stack, 'K8s', {
      resourceGroupName: v('rg', 'string').stringValue,
      location: v('loc', 'string').stringValue,
      agentPublicKeyCertificate: v('key', 'string').stringValue,
      clusterName: v('name', 'string').stringValue,
    });
    k8s.addGitOps('Baseline', { gitUrl: v('git', 'string').stringValue, name: v('fname', 'string').stringValue, syncIntervalSeconds: v('int', 'number').numberValue });
    expect(onlyResource(synthJson(stack), 'azurerm_arc_kubernetes_cluster').name).toBe('${var.name}');
  });

  test('fails with PROP-REQUIRED when JavaScript leaves out the resource group', () => {
    expectValidationError(() => new ArcKubernetes(newStack(), 'K8s', { location: 'westeurope', existingClusterId: CLUSTER } as any), 'PROP-REQUIRED', 'resourceGroupName');
  });
});

describe('ArcServers v2', () => {
  test('fails with PROP-LITERAL when privateLinkScope is a token; takes tokens where Terraform does', () => {
    const stack = newStack();
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    expectValidationError(() => new ArcServers(stack, 'Bad', { ...base, resourceGroupId: '/subscriptions/s/resourceGroups/rg', privateLinkScope: v('pls', 'bool').booleanValue as unknown as boolean }), 'PROP-LITERAL', 'privateLinkScope');
    const monitoring = new HybridMonitoring(stack, 'Mon', base);
    new ArcServers(stack, 'Arc', {
      resourceGroupName: v('rg', 'string').stringValue,
      resourceGroupId: v('rgid', 'string').stringValue,
      location: v('loc', 'string').stringValue,
      onboardingPrincipalId: v('pid', 'string').stringValue,
      privateLinkScope: true,
      privateLinkScopeName: v('plsname', 'string').stringValue,
      monitoring,
      machines: { m: { machineId: v('m', 'string').stringValue, os: OperatingSystem.LINUX, location: v('mloc', 'string').stringValue } },
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_private_link_scope').name).toBe('${var.plsname}');
    expect(onlyResource(json, 'azurerm_arc_machine_extension').count).toBe('${var.mon_machines_onboarded ? 1 : 0}');
    expect(Runbook.of(stack).render()).toContain('Private link (not complete in this stack)');
  });
});

describe('LogAnalyticsWorkspace', () => {
  test('is an AzureResource: no DIAG-MISSING (it is the destination), its audit log is opt-in', () => {
    const stack = newStack();
    const ws = new LogAnalyticsWorkspace(stack, 'Ws', base);
    expect(annotationsAfterSynth(stack).filter(([level]) => level === 'warning')).toEqual([]);
    const central = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Central', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central');
    ws.sendDiagnosticsTo(central);
    expect(onlyResource(synthJson(stack), 'azurerm_monitor_diagnostic_setting').target_resource_id).toMatch(/azurerm_log_analytics_workspace/);
  });

  test('fails when retention is outside 30-730; takes tokens', () => {
    expectValidationError(() => new LogAnalyticsWorkspace(newStack(), 'Ws', { ...base, retentionInDays: 20 }), 'DIAG-WORKSPACE-RETENTION', 'retentionInDays', 20);
    const stack = newStack();
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    new LogAnalyticsWorkspace(stack, 'Ws', { ...base, retentionInDays: v('ret', 'number').numberValue, localAuthenticationDisabled: v('la', 'bool').booleanValue as unknown as boolean, dailyQuotaGb: v('q', 'number').numberValue, name: v('n', 'string').stringValue });
    expect(onlyResource(synthJson(stack), 'azurerm_log_analytics_workspace').local_authentication_enabled).toBe('${var.la ? false : true}');
  });
});
