import { HubNetwork, HybridBackupVault, HybridFileShare, LogAnalyticsWorkspace, RuleCatalogue, VaultImmutability, VaultRedundancy } from '../../lib';
import { RESILIENCY_RULES } from '../../lib/resiliency/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const VM_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/app-01';

function withShare() {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
  const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shares: { finance: {}, people: {} } });
  return { stack, files };
}

describe('HybridBackupVault', () => {
  test('secure defaults: GRS with cross-region restore, soft delete, immutability Unlocked, public access off, alerts and diagnostics on', () => {
    // GIVEN
    const stack = newStack();
    const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', base);
    // WHEN
    const vault = new HybridBackupVault(stack, 'Vault', { ...base, logAnalyticsWorkspace: workspace });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_recovery_services_vault')).toMatchObject({
      sku: 'Standard',
      storage_mode_type: 'GeoRedundant',
      cross_region_restore_enabled: true,
      soft_delete_enabled: true,
      immutability: 'Unlocked',
      public_network_access_enabled: false,
      classic_vmware_replication_enabled: false,
      monitoring: { alerts_for_all_job_failures_enabled: true, alerts_for_critical_operation_failures_enabled: true },
    });
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.log_analytics_destination_type).toBe('Dedicated');
    expect(diag.enabled_log.map((l: any) => l.category)).toContain('CoreAzureBackup');
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining([vault.outputNames.vaultName, vault.outputNames.vaultId]));
  });

  test('protects shares: the account is registered once, the default policy is daily with long-term points', () => {
    const { stack, files } = withShare();
    const vault = new HybridBackupVault(stack, 'Vault', base);
    vault.protectFileShare(files, 'finance');
    vault.protectFileShare(files, 'people');
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_backup_container_storage_account')).toHaveLength(1);
    const protectedShares = resourcesOf(json, 'azurerm_backup_protected_file_share');
    expect(protectedShares).toHaveLength(2);
    expect(protectedShares[0].source_storage_account_id).toMatch(/azurerm_backup_container_storage_account\..*\.storage_account_id/);
    const policy = onlyResource(json, 'azurerm_backup_policy_file_share');
    expect(policy).toMatchObject({
      name: 'files-daily',
      timezone: 'UTC',
      backup: { frequency: 'Daily', time: '23:00' },
      retention_daily: { count: 30 },
      retention_weekly: { count: 12, weekdays: ['Sunday'] },
      retention_monthly: { count: 12 },
      retention_yearly: { count: 1, months: ['January'] },
    });
  });

  test('hourly policies, VM policy and protection, other defaults changed', () => {
    const stack = newStack();
    const vault = new HybridBackupVault(stack, 'Vault', { ...base, redundancy: VaultRedundancy.ZONE, immutability: VaultImmutability.DISABLED, publicNetworkAccessEnabled: true });
    vault.addFileSharePolicy('hourly', { hourlyIntervalHours: 4, hourlyWindowHours: 12, time: '08:30', dailyRetention: 30, weeklyRetention: 0, monthlyRetention: 0, yearlyRetention: 0 });
    vault.protectVm('app01', VM_ID);
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_recovery_services_vault')).toMatchObject({ storage_mode_type: 'ZoneRedundant', cross_region_restore_enabled: false, immutability: 'Disabled', soft_delete_enabled: true, public_network_access_enabled: true });
    const policy = onlyResource(json, 'azurerm_backup_policy_file_share');
    expect(policy.backup).toEqual({ frequency: 'Hourly', hourly: { interval: 4, start_time: '08:30', window_duration: 12 } });
    expect(policy.retention_weekly).toBeUndefined();
    expect(onlyResource(json, 'azurerm_backup_policy_vm')).toMatchObject({ name: 'vm-daily', policy_type: 'V2', instant_restore_retention_days: 7, retention_daily: { count: 30 }, backup: { frequency: 'Daily', time: '23:00' } });
    expect(onlyResource(json, 'azurerm_backup_protected_vm').source_vm_id).toBe(VM_ID);
  });

  test('the runbook has the MABS/MARS registration steps', () => {
    const { stack, files } = withShare();
    const vault = new HybridBackupVault(stack, 'Vault', base);
    vault.protectFileShare(files, 'finance');
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['Get-AzRecoveryServicesVaultSettingsFile -Backup', 'Start-OBRegistration', 'Start-DPMCloudRegistration', 'AzureBackup', `terraform output -raw ${vault.outputNames.vaultId}`, 'Files/finance` (files-daily)']) {
      expect(md).toContain(step);
    }
  });

  test('fails when cross-region restore is asked on a vault that is not GeoRedundant', () => {
    expectValidationError(() => new HybridBackupVault(newStack(), 'Vault', { ...base, redundancy: VaultRedundancy.LOCAL, crossRegionRestoreEnabled: true }), 'RSV-CRR-GEO', 'crossRegionRestoreEnabled', true);
  });

  test('fails when soft delete is turned off', () => {
    // GIVEN / WHEN / THEN: refused at construction with the rule id the policy rule pack uses
    expectValidationError(() => new HybridBackupVault(newStack(), 'Vault', { ...base, softDeleteEnabled: false }), 'RSV-SOFT-DELETE', 'softDeleteEnabled', false);
  });

  test('accepts softDeleteEnabled: true', () => {
    const stack = newStack();
    new HybridBackupVault(stack, 'Vault', { ...base, softDeleteEnabled: true });
    expect(onlyResource(synthJson(stack), 'azurerm_recovery_services_vault').soft_delete_enabled).toBe(true);
  });

  test('fails when an id of addFileSharePolicy, addVmPolicy, protectFileShare or protectVm is repeated (already refused)', () => {
    const { stack, files } = withShare();
    const vault = new HybridBackupVault(stack, 'Vault', base);
    vault.addFileSharePolicy('first');
    expectValidationError(() => vault.addFileSharePolicy('first'), 'BKP-POLICY-UNKNOWN', 'name', 'first');
    vault.addVmPolicy('vms');
    expectValidationError(() => vault.addVmPolicy('vms'), 'BKP-POLICY-UNKNOWN', 'name', 'vms');
    vault.protectFileShare(files, 'finance');
    expectValidationError(() => vault.protectFileShare(files, 'finance'), 'BKP-SHARE-UNKNOWN', 'shareName', 'finance');
    vault.protectVm('app01', VM_ID);
    expectValidationError(() => vault.protectVm('app01', VM_ID), 'BKP-VM-ID', 'name', 'app01');
  });

  test('warns when immutability is Locked, or no workspace is given', () => {
    const stack = newStack();
    const vault = new HybridBackupVault(stack, 'Vault', { ...base, immutability: VaultImmutability.LOCKED });
    const warnings = vault.node.metadata.map((m) => String(m.data)).join('\n');
    expect(warnings).toContain('[RSV-IMMUTABILITY-LOCKED]');
    expect(warnings).toContain('[RSV-DIAG-MISSING]');
    expect(onlyResource(synthJson(stack), 'azurerm_recovery_services_vault').immutability).toBe('Locked');
  });

  test('fails when an hourly interval or window is not one Azure offers', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 5 }), 'BKP-HOURLY-INTERVAL', 'hourlyIntervalHours', 5);
    expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 8, hourlyWindowHours: 12 }), 'BKP-HOURLY-INTERVAL', 'hourlyWindowHours', 12);
  });

  test('fails when a time is not on the hour or half hour', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { time: '23:15' }), 'BKP-TIME', 'time', '23:15');
    expectValidationError(() => vault.addVmPolicy('v', { time: '24:00' }), 'BKP-TIME', 'time', '24:00');
  });

  test('fails when retention counts are out of range', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { dailyRetention: 0 }), 'BKP-RETENTION', 'dailyRetention', 0);
    expectValidationError(() => vault.addFileSharePolicy('p', { weeklyRetention: 201 }), 'BKP-RETENTION', 'weeklyRetention', 201);
    expectValidationError(() => vault.addFileSharePolicy('p', { monthlyRetention: 121 }), 'BKP-RETENTION', 'monthlyRetention', 121);
    expectValidationError(() => vault.addFileSharePolicy('p', { yearlyRetention: 11 }), 'BKP-RETENTION', 'yearlyRetention', 11);
  });

  test('fails when the policy would keep more than 200 snapshots', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    // 30 days x 6 a day (every 4 h over 24 h) + 12 + 12 + 1 = 205
    const error = expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 4 }), 'BKP-SNAPSHOT-CAP', 'dailyRetention', 30);
    expect(error.message).toContain('205 snapshots');
    expectValidationError(() => vault.addFileSharePolicy('q', { dailyRetention: 200, weeklyRetention: 1, monthlyRetention: 0, yearlyRetention: 0 }), 'BKP-SNAPSHOT-CAP', 'dailyRetention', 200);
    expect(vault.addFileSharePolicy('r', { dailyRetention: 175 }).retentionDailyInput).toBeDefined(); // 175 + 25 = 200
  });

  test('fails when a policy name is repeated or an unknown policy is used', () => {
    const { stack, files } = withShare();
    const vault = new HybridBackupVault(stack, 'Vault', base);
    vault.addFileSharePolicy('p');
    expectValidationError(() => vault.addFileSharePolicy('p'), 'BKP-POLICY-UNKNOWN', 'name', 'p');
    expectValidationError(() => vault.protectFileShare(files, 'finance', 'ghost'), 'BKP-POLICY-UNKNOWN', 'policyName', 'ghost');
    expectValidationError(() => vault.protectVm('app', VM_ID, 'ghost'), 'BKP-POLICY-UNKNOWN', 'policyName', 'ghost');
  });

  test('fails when a share is unknown or protected twice', () => {
    const { stack, files } = withShare();
    const vault = new HybridBackupVault(stack, 'Vault', base);
    expectValidationError(() => vault.protectFileShare(files, 'ghost'), 'BKP-SHARE-UNKNOWN', 'shareName', 'ghost');
    vault.protectFileShare(files, 'finance');
    expectValidationError(() => vault.protectFileShare(files, 'finance'), 'BKP-SHARE-UNKNOWN', 'shareName', 'finance');
  });

  test('fails when VM retention is out of range', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addVmPolicy('v', { dailyRetention: 6 }), 'BKP-VM-RETENTION', 'dailyRetention', 6);
    expectValidationError(() => vault.addVmPolicy('v', { instantRestoreDays: 31 }), 'BKP-VM-RETENTION', 'instantRestoreDays', 31);
  });

  test('fails when a VM id is not a virtual machine id or a name is repeated', () => {
    const vault = new HybridBackupVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.protectVm('app', 'app-01'), 'BKP-VM-ID', 'virtualMachineId', 'app-01');
    vault.protectVm('app', VM_ID);
    expectValidationError(() => vault.protectVm('app', VM_ID), 'BKP-VM-ID', 'name', 'app');
  });

  test('fails when the vault name breaks Azure rules', () => {
    expectValidationError(() => new HybridBackupVault(newStack(), 'Vault', { ...base, name: '1vault' }), 'NAME-INVALID', 'name', '1vault');
  });

  test('every resiliency rule is in the catalogue', () => {
    for (const id of Object.keys(RESILIENCY_RULES)) expect(RuleCatalogue.has(id)).toBe(true);
  });
});
