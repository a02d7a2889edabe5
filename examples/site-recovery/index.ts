import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AzureProvider, HybridChecks, HybridTags, LogAnalyticsWorkspace, RecoveryServicesVault, SiteRecoveryHyperV, SiteRecoveryVmware } from '../../lib';

/**
 * Disaster recovery of on-premises VMs to Azure: standalone Hyper-V hosts and a VMware estate
 * replicating to geo-redundant vaults in the DR region (one for Hyper-V, an exclusive one for the
 * modernized VMware appliance), each with an isolated test failover network. Phase 2 gates:
 * `hyper_v_hosts_registered` (policy association) and `vmware_appliance_registered` (policy
 * association and replicated VMs).
 */
export class SiteRecoveryStack extends TerraformStack {
  public readonly vault: RecoveryServicesVault;
  public readonly vmwareVault: RecoveryServicesVault;
  public readonly hyperV: SiteRecoveryHyperV;
  public readonly vmware: SiteRecoveryVmware;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-dr', location: 'northeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    // DR vaults accept public traffic: the hosts and the appliance register over the internet
    // (HTTPS 443). With private connectivity, set it to false and add
    // vault.addSiteRecoveryPrivateEndpoint(...) in the same first apply, before any registration.
    this.vault = new RecoveryServicesVault(this, 'Vault', { resourceGroupName: rg.name, location: 'northeurope', logAnalyticsWorkspace: workspace, publicNetworkAccessEnabled: true });

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
        reason: 'The on-premises process server writes replication logs to this cache account over the internet; the DR vaults use public access in this example',
      },
    ]);

    // The modernized appliance needs a vault of its own (ASR-VMW-VAULT-EXCLUSIVE).
    this.vmwareVault = new RecoveryServicesVault(this, 'VmwareVault', { resourceGroupName: rg.name, location: 'northeurope', logAnalyticsWorkspace: workspace, publicNetworkAccessEnabled: true });
    const recoveryNetwork = new TerraformVariable(this, 'recovery_network_id', { type: 'string', description: 'Resource id of the DR virtual network a real failover brings the VMs up in (with subnet "app"), usually peered to the DR hub' });
    const web01Name = new TerraformVariable(this, 'vmware_web01_name', { type: 'string', default: 'web-01', description: 'Name of the web VM in vCenter, as the appliance discovered it' });
    const web01Mac = new TerraformVariable(this, 'vmware_web01_mac', { type: 'string', description: "MAC address of the web VM's NIC in vCenter (Get-VM web-01 | Get-NetworkAdapter)" });

    this.vmware = new SiteRecoveryVmware(this, 'Vmware', {
      vault: this.vmwareVault,
      applianceName: 'asr-appliance-lyon',
      testNetworkAddressSpace: ['10.31.0.0/16'],
      testNetworkSubnets: { app: '10.31.1.0/24' },
      replicatedVms: {
        web01: {
          sourceVmName: web01Name.stringValue,
          physicalServerCredentialName: 'vcenter-push',
          targetResourceGroupId: rg.id,
          defaultLogStorageAccountId: cache.id,
          targetZone: '1',
          targetNetworkId: recoveryNetwork.stringValue,
          networkInterfaces: [{ sourceMacAddress: web01Mac.stringValue, targetSubnetName: 'app' }],
        },
      },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-dr', owner: 'platform-team' }));
  }
}
