import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { TerraformVariable } from 'cdktf';
import { HubNetwork, RecoveryServicesVault, SiteRecoveryHyperV, SiteRecoveryVmware, TestFailoverNetwork } from '../../lib';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, synthJson } from '../util';

const base = { resourceGroupName: 'rg-dr', location: 'northeurope' };
const SUB = '/subscriptions/6f1c9a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
const RG_ID = `${SUB}/resourceGroups/rg-target`;
const CACHE_ID = `${SUB}/resourceGroups/rg-dr/providers/Microsoft.Storage/storageAccounts/stcache`;
const NET_ID = `${SUB}/resourceGroups/rg-dr/providers/Microsoft.Network/virtualNetworks/vnet-dr`;
const nic = { sourceMacAddress: '00:50:56:aa:bb:cc', targetSubnetName: 'default' };
const vmBase = { sourceVmName: 'web-01', physicalServerCredentialName: 'push', targetResourceGroupId: RG_ID, targetNetworkId: NET_ID, networkInterfaces: [nic] };
const GATED = '${var.hyper_v_hosts_registered ? 1 : 0}';

function setup() {
  const stack = newStack();
  const vault = new RecoveryServicesVault(stack, 'Vault', { ...base, publicNetworkAccessEnabled: true });
  return { stack, vault };
}

function errorsOf(stack: ReturnType<typeof newStack>): string {
  return annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , m]) => m).join('\n');
}

describe('SiteRecoveryHyperV', () => {
  test('phase 1: site, 300 s / 24 h / 4 h policy and isolated test network; the association waits behind the hosts-registered gate', () => {
    // GIVEN
    const { stack, vault } = setup();
    // WHEN
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault, siteName: 'paris' });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_services_vault_hyperv_site').name).toBe('paris');
    expect(onlyResource(json, 'azurerm_site_recovery_services_vault_hyperv_site').count).toBeUndefined();
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy')).toMatchObject({ replication_interval_in_seconds: 300, recovery_point_retention_in_hours: 24, application_consistent_snapshot_frequency_in_hours: 4 });
    const assoc = onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy_association');
    expect(assoc.count).toBe(GATED);
    expect(json.variable.hyper_v_hosts_registered).toMatchObject({ type: 'bool', default: false });
    expect(hv.hostsRegisteredGate.name).toBe('hyper_v_hosts_registered');
    expect(onlyResource(json, 'azurerm_virtual_network').address_space).toEqual(['10.255.0.0/16']);
    expect(json.output[hv.outputNames.testNetworkId]).toBeDefined();
  });

  test('phase 2: the same JSON; the gate variable set to true creates the association (and the VMM mappings)', () => {
    const { stack, vault } = setup();
    new SiteRecoveryHyperV(stack, 'HyperV', { vault, vmmNetworkMappings: { prod: { vmmServerName: 'vmm01', vmNetworkName: 'Prod', targetNetworkId: NET_ID } } });
    const json = synthJson(stack);
    const assoc = onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy_association');
    expect(assoc.count).toBe(GATED);
    expect(assoc.hyperv_site_id).toMatch(/azurerm_site_recovery_services_vault_hyperv_site\.HyperV_[A-Za-z0-9_]+\.id/);
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_network_mapping')).toMatchObject({ count: GATED, name: 'prod', source_system_center_virtual_machine_manager_name: 'vmm01' });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain("--var='hyper_v_hosts_registered=true'");
  });

  test('the site name is generated like every other name', () => {
    const { stack, vault } = setup();
    new SiteRecoveryHyperV(stack, 'HyperV', { vault });
    expect(onlyResource(synthJson(stack), 'azurerm_site_recovery_services_vault_hyperv_site').name).toBe('rsv-hyperv-site');
  });

  test('numbers synthesize with a TerraformVariable', () => {
    const { stack, vault } = setup();
    const n = (name: string) => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
    new SiteRecoveryHyperV(stack, 'HyperV', { vault, replicationIntervalSeconds: n('interval'), recoveryPointRetentionHours: n('retention'), appConsistentSnapshotHours: n('snap') });
    expect(onlyResource(synthJson(stack), 'azurerm_site_recovery_hyperv_replication_policy')).toMatchObject({ replication_interval_in_seconds: '${var.interval}', recovery_point_retention_in_hours: '${var.retention}' });
  });

  test('the runbook: key, DRConfigurator, then the gate, then per-VM replication', () => {
    const { stack, vault } = setup();
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault, hostNames: ['hv01'], virtualMachineNames: ['app-01'] });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['AzureSiteRecoveryProvider.exe', 'DRConfigurator.exe', 'valid for 5 days', 'Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery', 'New-AzRecoveryServicesAsrReplicationProtectedItem -HyperVToAzure', '`hv01`', '`app-01`', `terraform output -raw ${hv.outputNames.siteName}`]) {
      expect(md).toContain(step);
    }
    expect(md.indexOf('DRConfigurator.exe" /r')).toBeLessThan(md.indexOf('### 3. Open the gate'));
    expect(md).toContain(`Where-Object ID -eq "$(terraform output -raw ${vault.outputNames.vaultId})"`);
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
    const { stack, vault } = setup();
    const hv = new SiteRecoveryHyperV(stack, 'HyperV', { vault });
    new VirtualNetworkPeering(stack, 'Leak', { name: 'leak', resourceGroupName: 'rg', virtualNetworkName: 'vnet-prod', remoteVirtualNetworkId: hv.testNetwork.virtualNetworkId });
    expect(errorsOf(stack)).toMatch(/\[ASR-TESTNET-ISOLATED\] test\/HyperV\/TestNetwork: `peering` = "test\/Leak"/);
  });

  test('fails at synth when the vault is private and has no AzureSiteRecovery private endpoint; passes with one', () => {
    const stack = newStack();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    new SiteRecoveryHyperV(stack, 'HyperV', { vault });
    expect(errorsOf(stack)).toMatch(/\[ASR-VAULT-PRIVATE-ENDPOINT\] test\/Vault/);
    const ok = newStack();
    const hub = new HubNetwork(ok, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
    const privateVault = new RecoveryServicesVault(ok, 'Vault', base);
    privateVault.addSiteRecoveryPrivateEndpoint('Asr', { subnetId: hub.subnetId('privatelink')!, linkVirtualNetworkIds: { hub: hub.virtualNetworkId } });
    new SiteRecoveryHyperV(ok, 'HyperV', { vault: privateVault });
    expect(errorsOf(ok)).not.toContain('ASR-VAULT-PRIVATE-ENDPOINT');
  });

  test('fails when the test network subnets do not fit its address space', () => {
    const { stack } = setup();
    expectValidationError(() => new TestFailoverNetwork(stack, 'T', { ...base, addressSpace: ['10.30.0.0/16'], subnets: { app: '10.31.0.0/24' } }), 'NET-SUBNET-OUTSIDE', 'subnets.app', '10.31.0.0/24');
    expectValidationError(() => new TestFailoverNetwork(stack, 'U', { ...base, addressSpace: ['10.30.0.1/16'] }), 'NET-CIDR-INVALID', 'addressSpace', '10.30.0.1/16');
  });
});

describe('SiteRecoveryVmware', () => {
  test('phase 1: policy and test network; the policy association and the replicated VM wait behind the appliance gate, the VM with a 24h create timeout', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01', replicatedVms: { web01: { ...vmBase, defaultLogStorageAccountId: CACHE_ID, targetZone: '1' } } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy')).toMatchObject({ recovery_point_retention_in_minutes: 4320, application_consistent_snapshot_frequency_in_minutes: 240 });
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy').count).toBeUndefined();
    expect(onlyResource(json, 'azurerm_virtual_network').count).toBeUndefined();
    const vm = onlyResource(json, 'azurerm_site_recovery_vmware_replicated_vm');
    expect(vmw.applianceRegisteredGate.name).toBe('vmware_appliance_registered');
    expect(vm).toMatchObject({
      count: '${var.vmware_appliance_registered ? 1 : 0}',
      name: 'web01',
      appliance_name: 'appliance01',
      target_network_id: NET_ID,
      network_interface: [{ source_mac_address: nic.sourceMacAddress, target_subnet_name: 'default', test_subnet_name: 'default', is_primary: true }],
      timeouts: { create: '24h' },
    });
    expect(vm.test_network_id).toMatch(/azurerm_virtual_network\.Vmware_TestNetwork/);
    // both behind the same gate, so the VM reads the association's instance [0]
    expect(vm.recovery_replication_policy_id).toMatch(/^\$\{azurerm_site_recovery_vmware_replication_policy_association\.Vmware_PolicyAssociation_[A-Za-z0-9]+\[0\]\.policy_id\}$/);
  });

  test('the policy association waits behind the appliance gate even with no replicated VM (azurerm needs the protection container the registered appliance creates); the runbook says so', () => {
    // GIVEN a vault whose appliance is not registered yet (phase 1)
    const { stack, vault } = setup();
    // WHEN
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy_association').count).toBe('${var.vmware_appliance_registered ? 1 : 0}');
    expect(vmw.applianceRegisteredGate.isGuarding(vmw.association)).toBe(true);
    expect(json.variable.vmware_appliance_registered).toMatchObject({ type: 'bool', default: false });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain('Order: phase 1 apply (policy, test network) → deploy and register the appliance');
    expect(md).not.toMatch(/phase 1 apply \([^)]*association/);
    expect(md).toContain("--var='vmware_appliance_registered=true'");
  });

  test('phase 2: the gate variable opens the replicated VMs added later too; the runbook has the modernized commands and sizing', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    vmw.addReplicatedVm('db01', { ...vmBase, managedDisks: [{ diskId: 'disk-0', targetDiskType: 'Premium_LRS', logStorageAccountId: CACHE_ID }], createTimeout: '48h' });
    const vm = onlyResource(synthJson(stack), 'azurerm_site_recovery_vmware_replicated_vm');
    expect(vm.count).toBe('${var.vmware_appliance_registered ? 1 : 0}');
    expect(vm.timeouts).toEqual({ create: '48h' });
    expect(vm.managed_disk).toEqual([{ disk_id: 'disk-0', target_disk_type: 'Premium_LRS', log_storage_account_id: CACHE_ID }]);
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['UnifiedAgentInstaller.exe /Platform vmware /Silent /Role MS /CSType CSPrime /InstallLocation', 'UnifiedAgentConfigurator.exe" /SourceConfigFilePath "config.json" /CSType CSPrime', '8 vCPU, 16 GB RAM', '80 GB OS + 620 GB data', 'exclusive', "--var='vmware_appliance_registered=true'", '`db01`']) expect(md).toContain(step);
  });

  test('every prop Terraform accepts as an expression synthesizes with a TerraformVariable', () => {
    const { stack, vault } = setup();
    const s = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const n = (name: string) => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
    new SiteRecoveryVmware(stack, 'Vmware', {
      vault,
      applianceName: s('appliance'),
      recoveryPointRetentionMinutes: n('retention'),
      appConsistentSnapshotMinutes: n('snap'),
      replicatedVms: { web: { ...vmBase, sourceVmName: s('name'), targetNetworkId: s('net'), defaultLogStorageAccountId: s('cache'), networkInterfaces: [{ sourceMacAddress: s('mac'), targetSubnetName: s('subnet') }] } },
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replicated_vm')).toMatchObject({ source_vm_name: '${var.name}', target_network_id: '${var.net}' });
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy').recovery_point_retention_in_minutes).toBe('${var.retention}');
  });

  test('fails at synth when the VMware vault also holds a Hyper-V site or backup items (exclusive vault)', () => {
    const { stack, vault } = setup();
    new SiteRecoveryHyperV(stack, 'HyperV', { vault });
    new SiteRecoveryVmware(stack, 'Vmware', { vault });
    expect(errorsOf(stack)).toMatch(/\[ASR-VMW-VAULT-EXCLUSIVE\] test\/Vault: .*azurerm_site_recovery_services_vault_hyperv_site/);
    const backup = setup();
    backup.vault.addVmPolicy('vms');
    new SiteRecoveryVmware(backup.stack, 'Vmware', { vault: backup.vault });
    expect(errorsOf(backup.stack)).toMatch(/ASR-VMW-VAULT-EXCLUSIVE.*azurerm_backup_policy_vm/);
    const alone = setup();
    new SiteRecoveryVmware(alone.stack, 'Vmware', { vault: alone.vault });
    expect(errorsOf(alone.stack)).not.toContain('ASR-VMW-VAULT-EXCLUSIVE');
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

  test('fails when a VM has both an availability set and a zone', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, targetZone: '1', targetAvailabilitySetId: 'avset' }), 'ASR-VMW-PLACEMENT', 'targetZone', '1');
  });

  test('fails when a VM has no failover network, no NIC, or a test subnet the test network lacks', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, targetNetworkId: undefined } as any), 'PROP-REQUIRED', 'targetNetworkId');
    expectValidationError(() => vmw.addReplicatedVm('b', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces');
    expectValidationError(() => vmw.addReplicatedVm('c', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, testSubnetName: 'ghost' }] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces[0].testSubnetName', 'ghost');
  });

  test('fails (ASR-VMW-FAILOVER-NETWORK) unless exactly one NIC is primary; with isPrimary left out the first NIC is the primary', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    const second = { sourceMacAddress: '00:50:56:aa:bb:cd', targetSubnetName: 'default' };
    expectValidationError(() => vmw.addReplicatedVm('none', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, isPrimary: false }, { ...second, isPrimary: false }] }),
      'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces', [false, false]);
    expectValidationError(() => vmw.addReplicatedVm('two', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, isPrimary: true }, { ...second, isPrimary: true }] }),
      'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces', [true, true]);
    expectValidationError(() => vmw.addReplicatedVm('only', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, isPrimary: false }] }),
      'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces', [false]);
    expectValidationError(() => vmw.addReplicatedVm('notbool', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, isPrimary: 'yes' as any }] }),
      'PROP-TYPE', 'networkInterfaces[0].isPrimary', 'yes');
    vmw.addReplicatedVm('unset', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [nic, second] });
    vmw.addReplicatedVm('second', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [nic, { ...second, isPrimary: true }] });
    const vms = synthJson(stack).resource.azurerm_site_recovery_vmware_replicated_vm;
    const nicsOf = (name: string) => (Object.values(vms) as any[]).find((v) => v.name === name).network_interface.map((n: any) => n.is_primary);
    expect(nicsOf('unset')).toEqual([true, false]);
    expect(nicsOf('second')).toEqual([false, true]);
  });

  test('fails (ASR-VMW-FAILOVER-NETWORK) when a NIC has a MAC address or static IP azurerm refuses', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, sourceMacAddress: 'zz' }] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces[0].sourceMacAddress', 'zz');
    expectValidationError(() => vmw.addReplicatedVm('b', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, sourceMacAddress: '00-50-56-aa-bb-cc' }] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces[0].sourceMacAddress', '00-50-56-aa-bb-cc');
    expectValidationError(() => vmw.addReplicatedVm('c', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, targetStaticIp: 'x' }] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces[0].targetStaticIp', 'x');
    expectValidationError(() => vmw.addReplicatedVm('d', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, targetStaticIp: '10.0.0.300' }] }), 'ASR-VMW-FAILOVER-NETWORK', 'networkInterfaces[0].targetStaticIp', '10.0.0.300');
    // from the props too, with the prop path of the VM
    expectValidationError(() => new SiteRecoveryVmware(stack, 'Other', { vault, applianceName: 'appliance01', replicatedVms: { web: { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, sourceMacAddress: 'zz' }] } } }),
      'ASR-VMW-FAILOVER-NETWORK', 'replicatedVms.web.networkInterfaces[0].sourceMacAddress', 'zz');
    const ok = vmw.addReplicatedVm('e', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, networkInterfaces: [{ ...nic, sourceMacAddress: '00:50:56:AA:BB:CC', targetStaticIp: '10.20.1.10' }] });
    expect(ok.networkInterfaceInput).toBeDefined();
  });

  test('fails (ASR-VMW-DISKS) when a disk type is not one azurerm accepts', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01' });
    expectValidationError(() => vmw.addReplicatedVm('a', { ...vmBase, managedDisks: [{ diskId: 'disk-0', targetDiskType: 'Premium', logStorageAccountId: CACHE_ID }] }), 'ASR-VMW-DISKS', 'managedDisks[0].targetDiskType', 'Premium');
    expectValidationError(() => vmw.addReplicatedVm('b', { ...vmBase, defaultLogStorageAccountId: CACHE_ID, defaultRecoveryDiskType: 'premium_lrs' }), 'ASR-VMW-DISKS', 'defaultRecoveryDiskType', 'premium_lrs');
    vmw.addReplicatedVm('c', { ...vmBase, managedDisks: [{ diskId: 'disk-0', targetDiskType: 'StandardSSD_ZRS', logStorageAccountId: CACHE_ID }] });
  });

  test('fails when a replicated VM is listed twice', () => {
    const { stack, vault } = setup();
    const vmw = new SiteRecoveryVmware(stack, 'Vmware', { vault, applianceName: 'appliance01', replicatedVms: { web01: { ...vmBase, defaultLogStorageAccountId: CACHE_ID } } });
    expectValidationError(() => vmw.addReplicatedVm('web01', { ...vmBase, defaultLogStorageAccountId: CACHE_ID }), 'ASR-VMW-DUPLICATE', 'name', 'web01');
  });
});
