import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ActionGroup, AppServiceHybridConnection, AppServicePlanTier, AzureProvider, HybridConnectionTarget, HybridTags, LogAnalyticsWorkspace } from '../../lib';

/**
 * A Linux web app in Azure reaching an on-premises SQL Server and an internal API through
 * App Service Hybrid Connections (no VPN): two Hybrid Connection Managers on premises dial out
 * on 443, and an alert fires when a connection has fewer than two listeners.
 */
export class AppServiceHybridConnectionStack extends TerraformStack {
  public readonly hybridConnection: AppServiceHybridConnection;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-app', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });

    const plan = new ServicePlan(this, 'Plan', { name: 'asp-hybrid-app', resourceGroupName: rg.name, location: rg.location, osType: 'Linux', skuName: 'P1v3' });
    const app = new LinuxWebApp(this, 'App', {
      name: 'app-hybrid-contoso',
      resourceGroupName: rg.name,
      location: rg.location,
      servicePlanId: plan.id,
      httpsOnly: true,
      // No FTP or Web Deploy with basic credentials: deploy with Entra ID (az webapp deploy, a pipeline).
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      // An identity for Key Vault references and Entra ID sign-in to Azure services.
      identity: { type: 'SystemAssigned' },
      siteConfig: { minimumTlsVersion: '1.2' },
    });
    // App Service logs (HTTP, console, app, audit, platform...) and metrics: log availability
    // varies by plan, so the category group rather than a list.
    new MonitorDiagnosticSetting(this, 'AppDiagnostics', {
      name: 'diag-app-hybrid-contoso',
      targetResourceId: app.id,
      logAnalyticsWorkspaceId: workspace.workspaceResourceId,
      enabledLog: [{ categoryGroup: 'allLogs' }],
      enabledMetric: [{ category: 'AllMetrics' }],
    });

    this.hybridConnection = new AppServiceHybridConnection(this, 'HybridConnection', {
      resourceGroupName: rg.name,
      location: rg.location,
      app: HybridConnectionTarget.webApp(app.id),
      planTier: AppServicePlanTier.PREMIUM,
      logAnalyticsWorkspace: workspace,
      actionGroup: new ActionGroup(this, 'OnCall', { resourceGroupName: rg.name, emails: ['oncall@contoso.com'], shortName: 'apponcall' }),
    });
    this.hybridConnection.addEndpoint('Sql', { host: 'sql01.corp.contoso.com', port: 1433 });
    this.hybridConnection.addEndpoint('OrdersApi', { host: 'orders.corp.contoso.com', port: 443 });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-app', owner: 'app-team' }));
  }
}
