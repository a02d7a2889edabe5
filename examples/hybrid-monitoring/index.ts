import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ArcServers, HybridMonitoring, HybridTags, OperatingSystem } from '../../lib';

/**
 * Hybrid performance monitoring: one workspace, Windows/Linux/VM insights rules, an Azure VM and
 * two Arc-enabled servers with the Azure Monitor Agent, Application Insights with an availability
 * test, an action group and baseline alerts, and Arc server onboarding.
 */
export class HybridMonitoringStack extends TerraformStack {
  public readonly monitoring: HybridMonitoring;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-monitoring', location: 'westeurope' });
    const onboardingPrincipal = new TerraformVariable(this, 'arc_onboarding_principal_id', {
      type: 'string',
      description: 'Object id of the service principal that runs azcmagent connect',
    });

    this.monitoring = new HybridMonitoring(this, 'Monitoring', {
      resourceGroupName: rg.name,
      location: 'westeurope',
      workspaceRetentionInDays: 90,
      alertEmails: { ops: 'ops@contoso.com' },
      availabilityTestUrl: 'https://app.contoso.com/health',
      cpuAlert: { threshold: 85 },
    });

    this.monitoring.associateMachine('AppVm', {
      machineId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app-01',
      os: OperatingSystem.LINUX,
    });

    new ArcServers(this, 'ArcServers', {
      resourceGroupName: rg.name,
      resourceGroupId: rg.id,
      location: 'westeurope',
      onboardingPrincipalId: onboardingPrincipal.stringValue,
      privateLinkScope: true,
      monitoring: this.monitoring,
      machines: {
        FileServer: {
          machineId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hybrid-monitoring/providers/Microsoft.HybridCompute/machines/fs01',
          os: OperatingSystem.WINDOWS,
        },
        Proxy: {
          machineId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hybrid-monitoring/providers/Microsoft.HybridCompute/machines/proxy01',
          os: OperatingSystem.LINUX,
        },
      },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-monitoring', owner: 'platform-team' }));
  }
}
