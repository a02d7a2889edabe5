import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HybridBackupVault, HybridChecks, HybridTags, LogAnalyticsWorkspace, SiteRecoveryHyperV, SiteRecoveryVmware } from '../../lib';

/**
 * Disaster recovery of on-premises VMs to Azure: standalone Hyper-V hosts and a VMware estate
 * replicating to a geo-redundant vault in the DR region, each with an isolated test failover
 * network.
 */
export class SiteRecoveryStack extends TerraformStack {
  public readonly vault: HybridBackupVault;
  public readonly hyperV: SiteRecoveryHyperV;
  public readonly vmware: SiteRecoveryVmware;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-dr', location: 'northeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    this.vault = new HybridBackupVault(this, 'Vault', { resourceGroupName: rg.name, location: 'northeurope', logAnalyticsWorkspace: workspace });

    this.hyperV = new SiteRecoveryHyperV(this, 'HyperV', {
      vault: this.vault,
      siteName: 'paris-hyperv',
      hostNames: ['hv-par-01', 'hv-par-02'],
      virtualMachineNames: ['app-01', 'sql-01'],
      testNetworkAddressSpace: ['10.30.0.0/16'],
      testNetworkSubnets: { app: '10.30.1.0/24', data: '10.30.2.0/24' },
    });

    // Cache (log) storage for VMware replication: standard LRS, private to Azure services.
    const cache = new StorageAccount(this, 'ReplicationCache', {
      name: 'stasrcachedr001',
      resourceGroupName: rg.name,
      location: rg.location,
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      publicNetworkAccessEnabled: true,
    });
    // The rule pack warns about the public endpoint; here it is what VMware replication needs.
    HybridChecks.suppress(cache, [
      {
        id: 'STG-PUBLIC-NETWORK',
        reason: 'The on-premises process server writes replication logs to this cache account over the internet; Site Recovery private endpoints are not used in this example',
      },
    ]);

    this.vmware = new SiteRecoveryVmware(this, 'Vmware', {
      vault: this.vault,
      applianceName: 'asr-appliance-lyon',
      testNetworkAddressSpace: ['10.31.0.0/16'],
      replicatedVms: {
        web01: {
          sourceVmName: 'web-01',
          physicalServerCredentialName: 'vcenter-push',
          targetResourceGroupId: rg.id,
          defaultLogStorageAccountId: cache.id,
          targetZone: '1',
        },
      },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-dr', owner: 'platform-team' }));
  }
}
