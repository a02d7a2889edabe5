import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { HybridBackupVault, SiteRecoveryHyperV, SiteRecoveryVmware, TestFailoverNetwork } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, validationErrors } from '../util';

const base = { resourceGroupName: 'rg-dr', location: 'northeurope' };
const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-target';
const CACHE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/stcache';
const vmBase = { sourceVmName: 'web-01', physicalServerCredentialName: 'push', targetResourceGroupId: RG_ID };

function setup() {
  const stack = newStack();
  const vault = new HybridBackupVault(stack, 'Vault', base);
  return { stack, vault };
}

describe('SiteRecoveryHyperV', () => {
  test('defaults: site, 300 s / 24 h / 4 h policy, association, isolated test network, no VMM mapping', () => {
    // GIVEN
    const { stack, vault } = setup();
    // WHEN
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault, siteName: 'paris' });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_services_vault_hyperv_site').name).toBe('paris');
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy')).toMatchObject({ replication_interval_in_seconds: 300, recovery_point_retention_in_hours: 24, application_consistent_snapshot_frequency_in_hours: 4 });
    const assoc = onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy_association');
    expect(assoc.hyperv_site_id).toMatch(/azurerm_site_recovery_services_vault_hyperv_site\./);
    expect(assoc.policy_id).toMatch(/azurerm_site_recovery_hyperv_replication_policy\./);
    expect(resourcesOf(json, 'azurerm_site_recovery_hyperv_network_mapping')).toHaveLength(0);
    expect(onlyResource(json, 'azurerm_virtual_network').address_space).toEqual(['10.255.0.0/16']);
    expect(resourcesOf(json, 'azurerm_virtual_network_peering')).toHaveLength(0);
    expect(json.output[hv.outputNames.testNetworkId]).toBeDefined();
  });

  test('VMM network mappings and custom policy values', () => {
    const { stack, vault } = setup();
    new SiteRecoveryHyperV(stack, 'HyperV', {
      vault,
      replicationIntervalSeconds: 30,
      recoveryPointRetentionHours: 2,
      appConsistentSnapshotHours: 1,
      vmmNetworkMappings: { prod: { vmmServerName: 'vmm01', vmNetworkName: 'Prod', targetNetworkId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/prod' } },
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy')).toMatchObject({ replication_interval_in_seconds: 30, recovery_point_retention_in_hours: 2, application_consistent_snapshot_frequency_in_hours: 1 });
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_network_mapping')).toMatchObject({ name: 'prod', source_system_center_virtual_machine_manager_name: 'vmm01', source_network_name: 'Prod' });
  });

  test('the runbook covers provider install, registration key validity and per-VM replication', () => {
    const { stack, vault } = setup();
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault, hostNames: ['hv01'], virtualMachineNames: ['app-01'] });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['AzureSiteRecoveryProvider.exe', 'DRConfigurator.exe', '/r', 'valid for 5 days', 'Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery', 'New-AzRecoveryServicesAsrReplicationProtectedItem -HyperVToAzure', '`hv01`', '`app-01`', `terraform output -raw ${hv.outputNames.siteName}`]) {
      expect(md).toContain(step);
    }
    expect(md).toContain(`Where-Object ID -eq "$(terraform output -raw ${vault.outputNames.vaultId})"`);
    expect(md).not.toContain('<vault');
  });

  test('fails when the replication interval is not 30 or 300 seconds', () => {
    const { stack, vault } = setup();
    expectValidationError(() => new SiteRecoveryHyperV(stack, 'HyperV', { vault, replicationIntervalSeconds: 60 }), 'ASR-HV-INTERVAL', 'replicationIntervalSeconds', 60);
  });

  test('fails when retention or app-consistent frequency is out of range', () => {
    const { stack, vault } = setup();
    expectValidationError(() => new SiteRecoveryHyperV(stack, 'A', { vault, recoveryPointRetentionHours: 25 }), 'ASR-HV-RETENTION', 'recoveryPointRetentionHours', 25);
    expectValidationError(() => new SiteRecoveryHyperV(stack, 'B', { vault, appConsistentSnapshotHours: 13 }), 'ASR-HV-RETENTION', 'appConsistentSnapshotHours', 13);
    expectValidationError(() => new SiteRecoveryHyperV(stack, 'C', { vault, recoveryPointRetentionHours: 2, appConsistentSnapshotHours: 4 }), 'ASR-HV-RETENTION', 'appConsistentSnapshotHours', 4);
  });

  test('fails when a VMM mapping leaves a name empty', () => {
    const { stack, vault } = setup();
    expectValidationError(() => new SiteRecoveryHyperV(stack, 'HyperV', { vault, vmmNetworkMappings: { prod: { vmmServerName: '', vmNetworkName: 'Prod', targetNetworkId: 'x' } } }), 'ASR-VMM-MAPPING', 'vmmNetworkMappings.prod.vmmServerName', '');
  });

  test('fails at synth when the test failover network is peered', () => {
    // GIVEN
    const { stack, vault } = setup();
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault });
    // WHEN
    new VirtualNetworkPeering(stack, 'Leak', { name: 'leak', resourceGroupName: 'rg', virtualNetworkName: 'vnet-prod', remoteVirtualNetworkId: hv.testNetwork.virtualNetworkId });
    // THEN
    expect(validationErrors(stack).join('\n')).toMatch(/\[ASR-TESTNET-ISOLATED\] test\/Leak/);
  });

  test('fails when the test network subnets do not fit its address space', () => {
    const { stack } = setup();
    expectValidationError(() => new TestFailoverNetwork(stack, 'T', { ...base, addressSpace: ['10.30.0.0/16'], subnets: { app: '10.31.0.0/24' } }), 'NET-SUBNET-OUTSIDE', 'subnets.app', '10.31.0.0/24');
    expectValidationError(() => new TestFailoverNetwork(stack, 'U', { ...base, addressSpace: ['10.30.0.1/16'] }), 'NET-CIDR-INVALID', 'addressSpace', '10.30.0.1/16');
  });
});

describe('SiteRecoveryVmware', () => {
  test('defaults: 4320/240 min policy, association, replicated VM with log storage, zone and the isolated test network', () => {
    const { stack, vault } = setup();
    new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01', replicatedVms: { web01: { ...vmBase, defaultLogStorageAccountId: CACHE_ID, targetZone: '1' } } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy')).toMatchObject({ recovery_point_retention_in_minutes: 4320, application_consistent_snapshot_frequency_in_minutes: 240 });
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy_association').policy_id).toMatch(/azurerm_site_recovery_vmware_replication_policy\./);
    const vm = onlyResource(json, 'azurerm_site_recovery_vmware_replicated_vm');
    expect(vm).toMatchObject({ name: 'web01', appliance_name: 'appliance01', source_vm_name: 'web-01', target_vm_name: 'web-01', default_log_storage_account_id: CACHE_ID, default_recovery_disk_type: 'Premium_LRS', target_zone: '1' });
    expect(vm.test_network_id).toMatch(/azurerm_virtual_network\.Vmware_TestNetwork/);
    expect(vm.managed_disk).toBeUndefined();
  });

  test('managed disks and NICs; the runbook covers the appliance', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    vmw.addReplicatedVm('db01', { ...vmBase, targetNetworkId: 'vnet', managedDisks: [{ diskId: 'disk-0', targetDiskType: 'Premium_LRS', logStorageAccountId: CACHE_ID }], networkInterfaces: [{ sourceMacAddress: '00:50:56:aa:bb:cc', targetSubnetName: 'data' }] });
    const vm = onlyResource(synthJson(stack), 'azurerm_site_recovery_vmware_replicated_vm');
    expect(vm.managed_disk).toEqual([{ disk_id: 'disk-0', target_disk_type: 'Premium_LRS', log_storage_account_id: CACHE_ID }]);
    expect(vm.network_interface[0]).toMatchObject({ target_subnet_name: 'data', test_subnet_name: 'data', is_primary: true });
    expect(vm.default_recovery_disk_type).toBeUndefined();
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['OVA', 'configuration manager', 'valid 5 days', 'Mobility service', '`db01`']) expect(md).toContain(step);
  });

  test('fails when retention or app-consistent frequency is out of range', () => {
    const { stack, vault } = setup();
    expectValidationError(() => new SiteRecoveryVmware(stack, 'A', { vault, recoveryPointRetentionMinutes: 21601 }), 'ASR-VMW-RETENTION', 'recoveryPointRetentionMinutes', 21601);
    expectValidationError(() => new SiteRecoveryVmware(stack, 'B', { vault, appConsistentSnapshotMinutes: 721 }), 'ASR-VMW-RETENTION', 'appConsistentSnapshotMinutes', 721);
    expectValidationError(() => new SiteRecoveryVmware(stack, 'C', { vault, recoveryPointRetentionMinutes: 60, appConsistentSnapshotMinutes: 120 }), 'ASR-VMW-RETENTION', 'appConsistentSnapshotMinutes', 120);
  });

  test('fails when a VM has both or neither log storage and managed disks, or no appliance', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, managedDisks: [{ diskId: 'd', targetDiskType: 'Premium_LRS' }] }), 'ASR-VMW-DISKS', 'managedDisks', 1);
    expectValidationError(() => vmw.addReplicatedVm('b', vmBase), 'ASR-VMW-DISKS', 'defaultLogStorageAccountId');
    const noAppliance = new SiteRecoveryVmware(stack, 'NoAppliance', { vault });
    expectValidationError(() => noAppliance.addReplicatedVm('c', { ...vmBase, defaultLogStorageAccountId: CACHE_ID }), 'ASR-VMW-DISKS', 'applianceName');
  });

  test('fails when a VM has both an availability set and a zone, or NICs without a network', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, targetZone: '1', targetAvailabilitySetId: 'avset' }), 'ASR-VMW-PLACEMENT', 'targetZone', '1');
    expectValidationError(() => vmw.addReplicatedVm('b', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ sourceMacAddress: 'm', targetSubnetName: 's' }] }), 'ASR-VMW-PLACEMENT', 'targetNetworkId');
  });

  test('fails when a replicated VM is listed twice', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01', replicatedVms: { web01: { ...vmBase, defaultLogStorageAccountId: CACHE_ID } } });
    expectValidationError(() => vmw.addReplicatedVm('web01', { ...vmBase, defaultLogStorageAccountId: CACHE_ID }), 'ASR-VMW-DUPLICATE', 'name', 'web01');
  });
});
