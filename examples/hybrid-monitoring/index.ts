import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ArcServers, AzureProvider, HybridMonitoring, HybridTags, MachineType, OperatingSystem } from '../../lib';

/**
 * Hybrid performance monitoring: one workspace, Windows/Linux/VM insights rules, an Azure VM and
 * two Arc-enabled servers with the Azure Monitor Agent, Application Insights with an availability
 * test, an action group and baseline alerts, and Arc server onboarding.
 *
 * Phase 1 creates the monitoring and the onboarding role; the on-premises team then onboards the
 * servers (`azcmagent connect`), and phase 2 (`--var='monitoring_machines_onboarded=true'` with
 * the machine ids) installs the agent on them and associates the rules.
 */
export class HybridMonitoringStack extends TerraformStack {
  public readonly monitoring: HybridMonitoring;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-monitoring', location: 'westeurope' });
    const onboardingPrincipal = new TerraformVariable(this, 'arc_onboarding_principal_id', {
      type: 'string',
      description: 'Object id of the service principal that runs azcmagent connect',
    });
    const appVm = new TerraformVariable(this, 'app_vm_id', {
      type: 'string',
      description: 'Resource id of the Azure VM vm-app-01 (with a system-assigned identity, which the Azure Monitor Agent uses)',
    });
    const machineId = (name: string) => new TerraformVariable(this, `arc_${name}_id`, {
      type: 'string',
      default: '',
      description: `Phase 2: resource id of the Arc-enabled server ${name} (az connectedmachine show -n ${name} -g rg-hybrid-monitoring --query id -o tsv)`,
    }).stringValue;

    this.monitoring = new HybridMonitoring(this, 'Monitoring', {
      resourceGroupName: rg.name,
      location: 'westeurope',
      workspaceRetentionInDays: 90,
      alertEmails: ['ops@contoso.com'],
      availabilityTestUrl: 'https://app.contoso.com/health',
      cpuAlert: { threshold: 85 },
    });

    this.monitoring.associateMachine('AppVm', {
      machineId: appVm.stringValue,
      machineType: MachineType.AZURE_VM,
      os: OperatingSystem.LINUX,
    });

    new ArcServers(this, 'ArcServers', {
      resourceGroupName: rg.name,
      resourceGroupId: rg.id,
      location: 'westeurope',
      onboardingPrincipalId: onboardingPrincipal.stringValue,
      monitoring: this.monitoring,
      machines: {
        FileServer: { machineId: machineId('fs01'), os: OperatingSystem.WINDOWS },
        Proxy: { machineId: machineId('proxy01'), os: OperatingSystem.LINUX },
      },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-monitoring', owner: 'platform-team' }));
  }
}
