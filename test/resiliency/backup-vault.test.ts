import { TerraformVariable, Testing } from 'cdktf';
import { HubNetwork, HybridBackupVault, HybridChecks, HybridFileShare, LogAnalyticsWorkspace, RecoveryServicesVault, RuleCatalogue, VaultImmutability, VaultRedundancy } from '../../lib';
import { Runbook } from '../../lib/core/outputs';
import { RESILIENCY_RULES } from '../../lib/resiliency/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const SUB = '/subscriptions/6f1c9a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
const VM_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/app-01`;
const ACCOUNT_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stfiles`;
const WORKSPACE_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law`;

function withShare() {
  const stack = newStack();
  const files = HybridFileShare.fromFileShareAccountAttributes(stack, 'Files', { storageAccountId: ACCOUNT_ID, storageAccountName: 'stfiles', ...base, shareNames: ['finance', 'people'] });
  return { stack, files };
}

function warnings(stack: ReturnType<typeof newStack>): string {
  Testing.synth(stack);
  return stack.node.findAll().flatMap((n) => n.node.metadata.map((m) => String(m.data))).join('\n');
}

describe('RecoveryServicesVault', () => {
  test('secure defaults: GRS with cross-region restore, soft delete, immutability Unlocked, public access off, alerts and diagnostics on', () => {
    // GIVEN
    const stack = newStack();
    const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', base);
    // WHEN
    const vault = new RecoveryServicesVault(stack, 'Vault', { ...base, logAnalyticsWorkspace: workspace });
    // THEN
    const json = synthJson(stack);
    const body = onlyResource(json, 'azurerm_recovery_services_vault');
    expect(body).toMatchObject({
      sku: 'Standard',
      storage_mode_type: 'GeoRedundant',
      cross_region_restore_enabled: true,
      soft_delete_enabled: true,
      immutability: 'Unlocked',
      public_network_access_enabled: false,
      classic_vmware_replication_enabled: false,
      monitoring: { alerts_for_all_job_failures_enabled: true, alerts_for_critical_operation_failures_enabled: true },
    });
    expect(body.identity).toBeUndefined();
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.enabled_log.map((l: any) => l.category)).toContain('CoreAzureBackup');
    expect(diag.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
    expect(vault.vaultIdOutputName).toBe(vault.outputNames.vaultId);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining([vault.outputNames.vaultName, vault.outputNames.vaultId]));
  });

  test('HybridBackupVault (deprecated) is the same construct with the same logical ids', () => {
    const a = newStack();
    new HybridBackupVault(a, 'Vault', base);
    const b = newStack();
    new RecoveryServicesVault(b, 'Vault', base);
    expect(Object.keys(synthJson(a).resource.azurerm_recovery_services_vault)).toEqual(Object.keys(synthJson(b).resource.azurerm_recovery_services_vault));
  });

  test('protects shares of any IFileShareAccount: the account is registered once, the default policy is daily with long-term points', () => {
    const { stack, files } = withShare();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.protectFileShare('finance', { fileShare: files, shareName: 'finance' });
    vault.protectFileShare('people', { fileShare: files, shareName: 'people' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_backup_container_storage_account').storage_account_id).toBe(ACCOUNT_ID);
    const protectedShares = resourcesOf(json, 'azurerm_backup_protected_file_share');
    expect(protectedShares).toHaveLength(2);
    expect(protectedShares[0].source_storage_account_id).toMatch(/azurerm_backup_container_storage_account\..*\.storage_account_id/);
    expect(Object.keys(json.resource.azurerm_backup_protected_file_share)[0]).toMatch(/^Vault_Sharefinance_/);
    expect(onlyResource(json, 'azurerm_backup_policy_file_share')).toMatchObject({
      name: 'files-daily',
      backup: { frequency: 'Daily', time: '23:00' },
      retention_daily: { count: 30 },
      retention_weekly: { count: 12, weekdays: ['Sunday'] },
      retention_yearly: { count: 1, months: ['January'] },
    });
  });

  test('hourly policies, VM policy and protection, other defaults changed', () => {
    const stack = newStack();
    const vault = new RecoveryServicesVault(stack, 'Vault', { ...base, redundancy: VaultRedundancy.ZONE, immutability: VaultImmutability.DISABLED, publicNetworkAccessEnabled: true });
    vault.addFileSharePolicy('hourly', { hourlyIntervalHours: 4, hourlyWindowHours: 12, time: '08:30', dailyRetention: 30, weeklyRetention: 0, monthlyRetention: 0, yearlyRetention: 0 });
    const gold = vault.addVmPolicy('gold', { dailyRetention: 60 });
    vault.protectVm('app01', { vmId: VM_ID, policy: gold });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_recovery_services_vault')).toMatchObject({ storage_mode_type: 'ZoneRedundant', cross_region_restore_enabled: false, immutability: 'Disabled', public_network_access_enabled: true });
    const policy = onlyResource(json, 'azurerm_backup_policy_file_share');
    expect(policy.backup).toEqual({ frequency: 'Hourly', hourly: { interval: 4, start_time: '08:30', window_duration: 12 } });
    expect(policy.retention_weekly).toBeUndefined();
    expect(onlyResource(json, 'azurerm_backup_policy_vm')).toMatchObject({ name: 'gold', policy_type: 'V2', retention_daily: { count: 60 } });
    expect(onlyResource(json, 'azurerm_backup_protected_vm').source_vm_id).toBe(VM_ID);
  });

  test('every number and time where Terraform takes an expression synthesizes with a TerraformVariable', () => {
    // GIVEN
    const stack = newStack();
    const n = (name: string) => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    // WHEN
    vault.addFileSharePolicy('tokens', { dailyRetention: n('daily'), hourlyIntervalHours: 6, hourlyWindowHours: n('window'), time: new TerraformVariable(stack, 'time', { type: 'string' }).stringValue });
    vault.addVmPolicy('vm-policy', { dailyRetention: n('vmdaily'), instantRestoreDays: n('instant') });
    vault.protectVm('app', { vmId: new TerraformVariable(stack, 'vm_id', { type: 'string' }).stringValue });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_backup_policy_file_share').retention_daily.count).toBe('${var.daily}');
    expect(resourcesOf(json, 'azurerm_backup_policy_vm').find((p) => p.name === 'vm-policy').instant_restore_retention_days).toBe('${var.instant}');
    expect(onlyResource(json, 'azurerm_backup_protected_vm').source_vm_id).toBe('${var.vm_id}');
  });

  test('fails, naming the prop and the expression (never -8.1e+298), where a literal is required', () => {
    const stack = newStack();
    const interval = new TerraformVariable(stack, 'interval', { type: 'number' }).numberValue;
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    const error = expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: interval }), 'PROP-LITERAL', 'hourlyIntervalHours');
    expect(error.message).toContain('var.interval');
    expect(error.message).not.toContain('e+298');
  });

  test('private endpoints: AzureBackup (geo zone) and AzureSiteRecovery, each turning on the vault identity', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.addPrivateEndpoint('Backup', { subnetId: hub.subnetId('privatelink')!, linkVirtualNetworkIds: { hub: hub.virtualNetworkId } });
    vault.addSiteRecoveryPrivateEndpoint('Asr', { subnetId: hub.subnetId('privatelink')!, linkVirtualNetworkIds: { hub: hub.virtualNetworkId } });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_recovery_services_vault').identity).toEqual({ type: 'SystemAssigned' });
    const zones = resourcesOf(json, 'azurerm_private_dns_zone').map((z) => z.name).sort();
    expect(zones).toEqual(['privatelink.siterecovery.windowsazure.com', 'privatelink.we.backup.windowsazure.com']);
    const subresources = resourcesOf(json, 'azurerm_private_endpoint').map((e) => e.private_service_connection.subresource_names[0]).sort();
    expect(subresources).toEqual(['AzureBackup', 'AzureSiteRecovery']);
  });

  test("an AzureBackup endpoint: the identity's object id is an output and the runbook grants it Contributor where Backup adds its endpoints", () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.addPrivateEndpoint('Backup', { subnetId: hub.subnetId('privatelink')!, linkVirtualNetworkIds: { hub: hub.virtualNetworkId } });
    const json = synthJson(stack);
    expect(json.output.vault_principal_id.value).toMatch(/azurerm_recovery_services_vault\.Vault_.*\.identity\[0\]\.principal_id/);
    const text = Runbook.of(stack).render();
    expect(text).toContain('**Contributor** on the resource groups');
    expect(text).toContain('terraform output -raw vault_principal_id');
    expect(text).toContain('az role assignment create');
    // The scopes are an output (resource group ids of the endpoint's subnet and of the vault),
    // not Terraform expressions printed into the runbook.
    expect(json.output.vault_backup_role_scopes.value).toMatch(/^\$\{distinct\(\[join\("\/", slice\(split\("\/", azurerm_subnet\.Hub_Subnetprivatelink_.*\.id\), 0, 5\)\), join\("\/", slice\(split\("\/", azurerm_recovery_services_vault\.Vault_.*\.id\), 0, 5\)\)\]\)\}$/);
    expect(text).toContain("for scope in $(terraform output -json vault_backup_role_scopes | jq -r '.[]')");
    expect(text).not.toMatch(/\$\{azurerm_/);
  });

  test('the runbook has the MABS/MARS registration, the private zones and the destroy trap', () => {
    const { stack, files } = withShare();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.protectFileShare('finance', { fileShare: files, shareName: 'finance' });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    for (const step of ['Get-AzRecoveryServicesVaultSettingsFile -Backup', 'Start-OBRegistration', 'Start-DPMCloudRegistration', 'AzureBackup', 'privatelink.queue.core.windows.net', '14 days', `terraform output -raw ${vault.outputNames.vaultId}`, 'Files/finance` (files-daily)']) {
      expect(md).toContain(step);
    }
  });

  test('DIAG-MISSING (formerly RSV-DIAG-MISSING) is cleared by sendDiagnosticsTo after construction and honours acknowledge and suppress', () => {
    const a = newStack();
    new RecoveryServicesVault(a, 'Vault', base);
    expect(warnings(a)).toContain('[DIAG-MISSING]');
    const b = newStack();
    const vault = new RecoveryServicesVault(b, 'Vault', base);
    vault.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(b, 'Law', WORKSPACE_ID));
    expect(warnings(b)).not.toContain('[DIAG-MISSING]');
    const c = newStack();
    new RecoveryServicesVault(c, 'Vault', base).acknowledge('RSV-DIAG-MISSING', 'logs go to the SIEM through an Event Hub');
    expect(warnings(c)).toContain('[DIAG-MISSING] suppressed: logs go to the SIEM');
    const d = newStack();
    new RecoveryServicesVault(d, 'Vault', base);
    HybridChecks.suppress(d, [{ id: 'DIAG-MISSING', reason: 'central diagnostics policy' }]);
    expect(warnings(d)).toContain('suppressed');
  });

  test('warns (RSV-REDUNDANCY) when the vault is LocallyRedundant', () => {
    const stack = newStack();
    new RecoveryServicesVault(stack, 'Vault', { ...base, redundancy: VaultRedundancy.LOCAL, crossRegionRestoreEnabled: false });
    expect(warnings(stack)).toContain('[RSV-REDUNDANCY]');
  });

  test('warns when immutability is Locked', () => {
    const stack = newStack();
    new RecoveryServicesVault(stack, 'Vault', { ...base, immutability: VaultImmutability.LOCKED });
    expect(warnings(stack)).toContain('[RSV-IMMUTABILITY-LOCKED]');
  });

  test('fromVaultAttributes: an existing vault takes diagnostics and is refused with a bad id', () => {
    const stack = newStack();
    const vault = RecoveryServicesVault.fromVaultAttributes(stack, 'Existing', { vaultId: `${SUB}/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv-old`, vaultName: 'rsv-old', ...base });
    vault.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', WORKSPACE_ID));
    expect(onlyResource(synthJson(stack), 'azurerm_monitor_diagnostic_setting').target_resource_id).toContain('rsv-old');
    expect(vault.vaultIdOutputName).toBeUndefined();
    expectValidationError(() => RecoveryServicesVault.fromVaultAttributes(newStack(), 'Bad', { vaultId: 'rsv-old', vaultName: 'rsv-old', ...base }), 'RSV-VAULT-ID', 'vaultId', 'rsv-old');
  });

  test('fails when cross-region restore is asked on a vault that is not GeoRedundant', () => {
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, redundancy: VaultRedundancy.LOCAL, crossRegionRestoreEnabled: true }), 'RSV-CRR-GEO', 'crossRegionRestoreEnabled', true);
  });

  test('fails when soft delete is turned off', () => {
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, softDeleteEnabled: false }), 'RSV-SOFT-DELETE', 'softDeleteEnabled', false);
  });

  test('fails (RSV-SETTINGS) when JavaScript passes a redundancy or immutability azurerm does not know, with no RSV-REDUNDANCY warning about it', () => {
    // GIVEN a value outside the enum, as a JavaScript caller can pass it
    // WHEN / THEN
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, redundancy: 'Foo' as VaultRedundancy }), 'RSV-SETTINGS', 'redundancy', 'Foo');
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, redundancy: 'georedundant' as VaultRedundancy }), 'RSV-SETTINGS', 'redundancy', 'georedundant');
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, immutability: 'Forever' as VaultImmutability }), 'RSV-SETTINGS', 'immutability', 'Forever');
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, softDeleteEnabled: 'no' as any }), 'PROP-TYPE', 'softDeleteEnabled', 'no');
    // the warning rule judges LocallyRedundant only: an unknown value written through the escape hatch is not called "one datacenter"
    const stack = newStack();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.vault.storageModeType = 'Foo';
    expect(warnings(stack)).not.toContain('[RSV-REDUNDANCY]');
  });

  test('fails with PROP-REQUIRED, not a TypeError, when JavaScript omits required props', () => {
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { location: 'westeurope' } as any), 'PROP-REQUIRED', 'resourceGroupName');
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.protectFileShare('x', { shareName: 'finance' } as any), 'PROP-REQUIRED', 'fileShare');
    expectValidationError(() => vault.protectVm('x', {} as any), 'PROP-REQUIRED', 'vmId');
  });

  test('fails when an id of addFileSharePolicy, addVmPolicy, protectFileShare or protectVm is repeated', () => {
    const { stack, files } = withShare();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    vault.addFileSharePolicy('first');
    expectValidationError(() => vault.addFileSharePolicy('first'), 'BKP-POLICY-UNKNOWN', 'name', 'first');
    vault.addVmPolicy('vms');
    expectValidationError(() => vault.addVmPolicy('vms'), 'BKP-POLICY-UNKNOWN', 'name', 'vms');
    vault.protectFileShare('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => vault.protectFileShare('finance2', { fileShare: files, shareName: 'finance' }), 'BKP-SHARE-UNKNOWN', 'shareName', 'finance');
    expectValidationError(() => vault.protectFileShare('finance', { fileShare: files, shareName: 'people' }), 'NAME-DUPLICATE', 'id', 'finance');
    vault.protectVm('app01', { vmId: VM_ID });
    expectValidationError(() => vault.protectVm('app01', { vmId: VM_ID }), 'BKP-VM-ID', 'id', 'app01');
  });

  test('fails when an hourly interval or window is not one Azure offers', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 5 }), 'BKP-HOURLY-INTERVAL', 'hourlyIntervalHours', 5);
    expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 8, hourlyWindowHours: 12 }), 'BKP-HOURLY-INTERVAL', 'hourlyWindowHours', 12);
    expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 4, hourlyWindowHours: 28 }), 'BKP-HOURLY-INTERVAL', 'hourlyWindowHours', 28);
  });

  test('fails (BKP-TIMEZONE) when a policy time zone is not in the form of a Windows time zone id', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('files-tz', { timezone: 'Mars/Olympus' }), 'BKP-TIMEZONE', 'timezone', 'Mars/Olympus');
    expectValidationError(() => vault.addVmPolicy('vms-tz', { timezone: 'Europe/Paris' }), 'BKP-TIMEZONE', 'timezone', 'Europe/Paris');
    expectValidationError(() => vault.addVmPolicy('vms-tz', { timezone: ' UTC' }), 'BKP-TIMEZONE', 'timezone', ' UTC');
    // Windows ids pass, including the ones with digits, dots and parentheses
    for (const timezone of ['UTC', 'UTC+12', 'UTC-02', 'W. Europe Standard Time', 'Pacific Standard Time (Mexico)', 'Russia Time Zone 3']) {
      expect(vault.addVmPolicy(`tz-${timezone.replace(/[^A-Za-z0-9]/g, '')}`, { timezone }).timezoneInput).toBe(timezone);
    }
  });

  test('fails when a time is not on the hour or half hour', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { time: '23:15' }), 'BKP-TIME', 'time', '23:15');
    expectValidationError(() => vault.addVmPolicy('v', { time: '24:00' }), 'BKP-TIME', 'time', '24:00');
  });

  test('fails when retention counts are out of range', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addFileSharePolicy('p', { dailyRetention: 0 }), 'BKP-RETENTION', 'dailyRetention', 0);
    expectValidationError(() => vault.addFileSharePolicy('p', { weeklyRetention: 201 }), 'BKP-RETENTION', 'weeklyRetention', 201);
    expectValidationError(() => vault.addFileSharePolicy('p', { monthlyRetention: 121 }), 'BKP-RETENTION', 'monthlyRetention', 121);
    expectValidationError(() => vault.addFileSharePolicy('p', { yearlyRetention: 11 }), 'BKP-RETENTION', 'yearlyRetention', 11);
  });

  test('fails when the policy would keep more than 200 snapshots', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    // 30 days x 6 a day (every 4 h over 24 h) + 12 + 12 + 1 = 205
    const error = expectValidationError(() => vault.addFileSharePolicy('p', { hourlyIntervalHours: 4 }), 'BKP-SNAPSHOT-CAP', 'dailyRetention', 30);
    expect(error.message).toContain('205 snapshots');
    expect(vault.addFileSharePolicy('r-policy', { dailyRetention: 175 }).retentionDailyInput).toBeDefined(); // 175 + 25 = 200
  });

  test('fails when a policy of another vault is used', () => {
    const { stack, files } = withShare();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    const other = new RecoveryServicesVault(stack, 'Other', base);
    expectValidationError(() => vault.protectFileShare('finance', { fileShare: files, shareName: 'finance', policy: other.addFileSharePolicy('theirs') }), 'BKP-POLICY-UNKNOWN', 'policy');
    expectValidationError(() => vault.protectVm('app', { vmId: VM_ID, policy: other.addVmPolicy('theirs') }), 'BKP-POLICY-UNKNOWN', 'policy');
  });

  test('fails when a share is unknown', () => {
    const { stack, files } = withShare();
    const vault = new RecoveryServicesVault(stack, 'Vault', base);
    expectValidationError(() => vault.protectFileShare('ghost', { fileShare: files, shareName: 'ghost' }), 'BKP-SHARE-UNKNOWN', 'shareName', 'ghost');
  });

  test('fails when VM retention is out of range or the VM id is not a VM', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', base);
    expectValidationError(() => vault.addVmPolicy('v', { dailyRetention: 6 }), 'BKP-VM-RETENTION', 'dailyRetention', 6);
    expectValidationError(() => vault.addVmPolicy('v', { instantRestoreDays: 31 }), 'BKP-VM-RETENTION', 'instantRestoreDays', 31);
    expectValidationError(() => vault.protectVm('app', { vmId: 'app-01' }), 'BKP-VM-ID', 'vmId', 'app-01');
  });

  test('fails when the vault name breaks Azure rules', () => {
    expectValidationError(() => new RecoveryServicesVault(newStack(), 'Vault', { ...base, name: '1vault' }), 'NAME-INVALID', 'name', '1vault');
  });

  test('every resiliency rule is in the catalogue', () => {
    for (const rule of RESILIENCY_RULES) expect(RuleCatalogue.has(rule.id)).toBe(true);
  });
  test('BKP-POLICY-NAME: policy names follow the provider\'s pattern (3-150, start with a letter)', () => {
    const vault = new RecoveryServicesVault(newStack(), 'Vault', { resourceGroupName: 'rg', location: 'westeurope' });
    expectValidationError(() => vault.addVmPolicy('1-policy'), 'BKP-POLICY-NAME', 'name', '1-policy');
    expectValidationError(() => vault.addFileSharePolicy('p'), 'BKP-POLICY-NAME', 'name', 'p');
    expect(() => vault.addVmPolicy('vm_weekly!')).not.toThrow();
  });
});
