import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CrossCloudTrafficManager, HybridTags, LogAnalyticsWorkspace } from '../../lib';

/**
 * Cross-cloud scaling: the app runs on Azure Stack Hub on premises (priority 1) and on an Azure
 * App Service (priority 2); Traffic Manager sends users to Azure when Stack Hub is degraded.
 */
export class CrossCloudScalingStack extends TerraformStack {
  public readonly trafficManager: CrossCloudTrafficManager;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
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
      siteConfig: { minimumTlsVersion: '1.2', healthCheckPath: '/health', healthCheckEvictionTimeInMin: 5 },
    });

    this.trafficManager = new CrossCloudTrafficManager(this, 'TrafficManager', {
      resourceGroupName: rg.name,
      relativeName: 'contoso-app',
      logAnalyticsWorkspace: workspace,
      actionGroupId: oncall.id,
      customDomain: 'www.contoso.com',
    });
    this.trafficManager.addExternalEndpoint('StackHub', { target: 'app.westeurope1.cloudapp.azurestack.contoso.com' });
    this.trafficManager.addAzureEndpoint('Azure', { targetResourceId: app.id });

    Aspects.of(this).add(new HybridTags({ workload: 'cross-cloud-app', owner: 'app-team' }));
  }
}
