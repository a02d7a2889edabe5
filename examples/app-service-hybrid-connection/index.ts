import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AppServiceHybridConnection, AppServicePlanTier, HybridTags, LogAnalyticsWorkspace } from '../../lib';

/**
 * A Linux web app in Azure reaching an on-premises SQL Server and an internal API through
 * App Service Hybrid Connections (no VPN): two Hybrid Connection Managers on premises dial out
 * on 443.
 */
export class AppServiceHybridConnectionStack extends TerraformStack {
  public readonly hybridConnection: AppServiceHybridConnection;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-app', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });

    const plan = new ServicePlan(this, 'Plan', { name: 'asp-hybrid-app', resourceGroupName: rg.name, location: rg.location, osType: 'Linux', skuName: 'P1v3' });
    const app = new LinuxWebApp(this, 'App', {
      name: 'app-hybrid-contoso',
      resourceGroupName: rg.name,
      location: rg.location,
      servicePlanId: plan.id,
      httpsOnly: true,
      siteConfig: { minimumTlsVersion: '1.2' },
    });

    this.hybridConnection = new AppServiceHybridConnection(this, 'HybridConnection', {
      resourceGroupName: rg.name,
      location: rg.location,
      webAppId: app.id,
      planTier: AppServicePlanTier.PREMIUM,
      logAnalyticsWorkspace: workspace,
    });
    this.hybridConnection.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    this.hybridConnection.addEndpoint('OrdersApi', { host: 'orders.corp.contoso.com', port: 443 });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-app', owner: 'app-team' }));
  }
}
