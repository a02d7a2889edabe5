import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ActionGroup, AzureProvider, CrossCloudTrafficManager, HybridTags, LogAnalyticsWorkspace, TrafficRoutingMethod } from '../../lib';

/**
 * Cross-cloud scaling: the app runs on Azure Stack Hub on premises and on an Azure App Service.
 * Traffic Manager routes by weight: on premises serves everyone while the Azure endpoint is
 * disabled; when load crosses a threshold, a function outside Terraform enables the Azure
 * endpoint, which then takes its share (and Traffic Manager still stops sending users to an
 * endpoint whose probe fails).
 */
export class CrossCloudScalingStack extends TerraformStack {
  public readonly trafficManager: CrossCloudTrafficManager;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const stackHubFqdn = new TerraformVariable(this, 'StackHubAppFqdn', {
      type: 'string',
      description: "External FQDN of the app published on Azure Stack Hub (e.g. app.westeurope1.cloudapp.azurestack.contoso.com): Traffic Manager's on-premises endpoint",
    });
    stackHubFqdn.overrideLogicalId('stack_hub_app_fqdn');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-cross-cloud-app', location: 'westeurope' });

    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    const oncall = new MonitorActionGroup(this, 'OnCall', {
      name: 'ag-app-oncall',
      resourceGroupName: rg.name,
      shortName: 'apponcall',
      emailReceiver: [{ name: 'oncall', emailAddress: 'oncall@contoso.com', useCommonAlertSchema: true }],
    });

    // The Azure side: Standard tier or higher is needed behind Traffic Manager.
    const plan = new ServicePlan(this, 'Plan', { name: 'asp-cross-cloud-app', resourceGroupName: rg.name, location: rg.location, osType: 'Linux', skuName: 'S1' });
    const app = new LinuxWebApp(this, 'AzureApp', {
      name: 'app-cross-cloud-contoso',
      resourceGroupName: rg.name,
      location: rg.location,
      servicePlanId: plan.id,
      httpsOnly: true,
      // No FTP or Web Deploy with basic credentials: deploy with Entra ID (az webapp deploy, a pipeline).
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      identity: { type: 'SystemAssigned' },
      siteConfig: { minimumTlsVersion: '1.2', healthCheckPath: '/health', healthCheckEvictionTimeInMin: 5 },
    });
    // App Service logs (HTTP, console, app, audit, platform...) and metrics: log availability
    // varies by plan, so the category group rather than a list.
    new MonitorDiagnosticSetting(this, 'AzureAppDiagnostics', {
      name: 'diag-app-cross-cloud-contoso',
      targetResourceId: app.id,
      logAnalyticsWorkspaceId: workspace.workspaceResourceId,
      enabledLog: [{ categoryGroup: 'allLogs' }],
      enabledMetric: [{ category: 'AllMetrics' }],
    });

    this.trafficManager = new CrossCloudTrafficManager(this, 'TrafficManager', {
      resourceGroupName: rg.name,
      relativeName: 'contoso-app',
      routingMethod: TrafficRoutingMethod.WEIGHTED,
      logAnalyticsWorkspace: workspace,
      actionGroup: ActionGroup.fromActionGroupId(this, 'OnCallGroup', oncall.id),
      customDomain: 'www.contoso.com',
    });
    this.trafficManager.addExternalEndpoint('StackHub', { target: stackHubFqdn.stringValue, weight: 1 });
    // Created disabled; the scale-out function owns its status from then on.
    this.trafficManager.addAzureEndpoint('Azure', { targetResourceId: app.id, weight: 1, enabled: false, statusManagedOutsideTerraform: true });

    Aspects.of(this).add(new HybridTags({ workload: 'cross-cloud-app', owner: 'app-team' }));
  }
}
