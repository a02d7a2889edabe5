import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import type { IPrivateDnsZoneCatalog } from '../../lib/core/private-endpoint';
import { DefaultSharePermission, HubNetwork, HybridChecks, HybridFileShare, LogAnalyticsWorkspace, RuleCatalogue, ShareAccessLevel, ShareProtocol } from '../../lib';
import { resolveExpression } from '../../lib/core/tokens';
import { STORAGE_RULES } from '../../lib/storage/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, annotationsAfterSynth, warningsAfterSynth } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const ad = {
  domainName: 'corp.contoso.com',
  domainGuid: '5f1c9a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
  domainSid: 'S-1-5-21-1004336348-1177238915-682003330',
  storageSid: 'S-1-5-21-1004336348-1177238915-682003330-4101',
  forestName: 'contoso.com',
  netbiosDomainName: 'CORP',
};

const SUBNET_ID = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';

function setup() {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
  const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', base);
  return { stack, hub, workspace };
}

describe('HybridFileShare', () => {
  test('secure defaults: https, TLS 1.2, private, soft delete 14 days, SMB hardening, ZRS with large file shares', () => {
    // GIVEN
    const { stack, hub, workspace } = setup();
    // WHEN
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, logAnalyticsWorkspace: workspace, shares: { finance: {} } });
    // THEN
    const json = synthJson(stack);
    const account = onlyResource(json, 'azurerm_storage_account');
    expect(account).toMatchObject({
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'ZRS',
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: false,
      large_file_share_enabled: true,
      network_rules: { default_action: 'Deny' },
      share_properties: {
        retention_policy: { days: 14 },
        smb: { versions: ['SMB3.1.1'], authentication_types: ['Kerberos'], kerberos_ticket_encryption_type: ['AES-256'], channel_encryption_type: ['AES-256-GCM'] },
      },
    });
    expect(account.name).toMatch(/^st[a-z0-9]{3,22}$/);
    expect(account.azure_files_authentication).toBeUndefined();
    expect(account.dynamic).toBeUndefined();
    const pe = onlyResource(json, 'azurerm_private_endpoint');
    expect(pe.private_service_connection.subresource_names).toEqual(['file']);
    expect(pe.subnet_id).toMatch(/^\$\{azurerm_subnet\.Hub_Subnetprivatelink_[0-9A-F]+\.id\}$/);
    expect(onlyResource(json, 'azurerm_private_dns_zone').name).toBe('privatelink.file.core.windows.net');
    const link = onlyResource(json, 'azurerm_private_dns_zone_virtual_network_link');
    expect(link.virtual_network_id).toMatch(/^\$\{azurerm_virtual_network\.Hub_[0-9A-F]+\.id\}$/);
    expect(link.registration_enabled).toBe(false);
    const share = onlyResource(json, 'azurerm_storage_share');
    expect(share).toMatchObject({ name: 'finance', quota: 1024, enabled_protocol: 'SMB', access_tier: 'TransactionOptimized' });
    // Shares by storage_account_id: the provider uses the Resource Manager API, never the data plane.
    expect(share.storage_account_name).toBeUndefined();
    expect(share.storage_account_id).toMatch(/^\$\{azurerm_storage_account\.Files_[0-9A-F]+\.id\}$/);
    expect(account.queue_properties).toBeUndefined();
    expect(account.static_website).toBeUndefined();
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.target_resource_id).toMatch(/\/fileServices\/default$/);
    // B2: storage takes explicit metric categories, never AllMetrics.
    expect(diag.enabled_metric).toEqual([{ category: 'Transaction' }]);
    expect(diag.enabled_log.map((l: any) => l.category)).toEqual(['StorageRead', 'StorageWrite', 'StorageDelete']);
    expect(resolveExpression(stack, files.shareName('finance'))).toBe('${azurerm_storage_share.Files_Sharefinance_7C1701C5.name}');
    expect(files.shareName('ghost')).toBeUndefined();
    expect(files.shareNames).toEqual(['finance']);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining([files.outputNames.storageAccountName, files.outputNames.storageAccountId]));
  });

  test('AD DS auth: full active_directory block, default share permission None, applied behind the join gate; grants are RBAC roles', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: SUBNET_ID, activeDirectory: ad, shares: { finance: {} } });
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.CONTRIBUTOR, 'finance');
    files.grantShareAccess('11111111-2222-3333-4444-666666666666', ShareAccessLevel.ELEVATED_CONTRIBUTOR);
    const json = synthJson(stack);
    const account = onlyResource(json, 'azurerm_storage_account');
    expect(account.azure_files_authentication).toBeUndefined();
    expect(files.joinedToAdGate!.name).toBe('files_joined_to_ad');
    expect(json.variable.files_joined_to_ad).toMatchObject({ type: 'bool', default: false });
    expect(account.dynamic.azure_files_authentication).toEqual({
      for_each: '${var.files_joined_to_ad ? ["AD"] : []}',
      content: {
        directory_type: 'AD',
        default_share_level_permission: 'None',
        active_directory: { domain_name: ad.domainName, domain_guid: ad.domainGuid, domain_sid: ad.domainSid, storage_sid: ad.storageSid, forest_name: ad.forestName, netbios_domain_name: ad.netbiosDomainName },
      },
    });
    const roles = resourcesOf(json, 'azurerm_role_assignment');
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual(['Storage File Data SMB Share Contributor', 'Storage File Data SMB Share Elevated Contributor']);
    expect(roles.find((r) => r.role_definition_name.endsWith(' Contributor') && !r.role_definition_name.includes('Elevated')).scope).toMatch(/^\$\{azurerm_storage_share\.Files_Sharefinance_[0-9A-F]+\.id\}$/);
  });

  test('every default can be changed: premium NFS, GRS without large shares, public access with a warning, spokes linked', () => {
    const { stack, hub } = setup();
    const premium = new HybridFileShare(stack, 'Premium', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, premium: true, replicationType: 'LRS', shareSoftDeleteDays: 30, smbHardening: false, linkVirtualNetworks: { spoke1: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke1' }, defaultSharePermission: DefaultSharePermission.READER, activeDirectory: ad });
    premium.addShare('nfsdata', { quotaGib: 200, protocol: ShareProtocol.NFS });
    const geo = new HybridFileShare(stack, 'Geo', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, replicationType: 'GRS', publicNetworkAccessEnabled: true, privateDnsZoneId: '/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net' });
    geo.addShare('archive', { quotaGib: 5120, accessTier: 'Cool' });
    const warnings = warningsAfterSynth(stack).join('\n');
    const json = synthJson(stack);
    const accounts = resourcesOf(json, 'azurerm_storage_account');
    const p = accounts.find((a) => a.account_kind === 'FileStorage');
    expect(p).toMatchObject({ account_tier: 'Premium', account_replication_type: 'LRS', share_properties: { retention_policy: { days: 30 } } });
    expect(p.share_properties.smb).toBeUndefined();
    expect(p.dynamic.azure_files_authentication.content.default_share_level_permission).toBe('StorageFileDataSmbShareReader');
    const g = accounts.find((a) => a.account_replication_type === 'GRS');
    expect(g).toMatchObject({ large_file_share_enabled: false, public_network_access_enabled: true });
    expect(resourcesOf(json, 'azurerm_private_dns_zone')).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link')).toHaveLength(2);
    expect(resourcesOf(json, 'azurerm_storage_share').find((s) => s.name === 'nfsdata')).toMatchObject({ enabled_protocol: 'NFS', access_tier: 'Premium', quota: 200 });
    expect(warnings).toMatch(/\[STG-PUBLIC-NETWORK\] test\/Geo:/);
    expect(warnings).toMatch(/\[DIAG-MISSING\] test\/Geo:/);
  });

  test('the runbook has the domain-join and NTFS steps with the output names', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {} } });
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER);
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain('Join-AzStorageAccount');
    expect(md).toContain(`terraform output -raw ${files.outputNames.storageAccountName}`);
    expect(md).toContain('icacls');
    expect(md).toContain(`Get-AzResource -ResourceId "$(terraform output -raw ${files.outputNames.storageAccountId})"`);
    expect(md).not.toContain('<resource group>');
    expect(md).toContain('Storage File Data SMB Share Reader to 11111111-2222-3333-4444-555555555555');
    // m3: client requirements of the hardened SMB profile; m5: which resolver, and what to forward; m13: destroy
    expect(md).toContain('Windows 11 or Windows Server 2022');
    expect(md).toContain('Set-SmbClientConfiguration -EncryptionCiphers "AES_256_GCM"');
    expect(md).toContain('This stack deploys no DNS forwarder');
    expect(md).toContain('conditional forwarder for\n`file.core.windows.net`');
    expect(md).not.toContain('to the Azure DNS Private Resolver or a DNS server in the hub');
    expect(md).toContain('AzureBackupProtectionLock');
  });

  test('the runbook lists the AD join gate with its command', () => {
    const { stack, hub } = setup();
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: SUBNET_ID, activeDirectory: ad });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain("cdktf deploy test --var='files_joined_to_ad=true'");
    expect(md).toContain('Join-AzStorageAccount');
    expect(md).toContain('do not apply the stack after the join');
  });

  test('fails when a share name breaks Azure rules or is repeated', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {} } });
    expectValidationError(() => files.addShare('Bad--Name'), 'STG-SHARE-NAME', 'name', 'Bad--Name');
    expectValidationError(() => files.addShare('-lead'), 'STG-SHARE-NAME', 'name', '-lead');
    expectValidationError(() => files.addShare('ab'), 'STG-SHARE-NAME', 'name', 'ab');
    expectValidationError(() => files.addShare('finance'), 'STG-SHARE-DUPLICATE', 'name', 'finance');
  });

  test('fails when a quota is out of range, or above 5120 GiB without large file shares', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    expectValidationError(() => files.addShare('zero', { quotaGib: 0 }), 'STG-SHARE-QUOTA', 'quotaGib', 0);
    expectValidationError(() => files.addShare('huge', { quotaGib: 102401 }), 'STG-SHARE-QUOTA', 'quotaGib', 102401);
    expect(files.addShare('big', { quotaGib: 102400 }).quotaInput).toBe(102400);
    const small = new HybridFileShare(stack, 'Small', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, largeFileSharesEnabled: false });
    expectValidationError(() => small.addShare('big', { quotaGib: 5121 }), 'STG-SHARE-LARGE', 'quotaGib', 5121);
    expectValidationError(() => new HybridFileShare(newStack(), 'Files', { hub: HubNetwork.fromHubNetworkAttributes(newStack(), 'H', { virtualNetworkId: 'v', virtualNetworkName: 'v', resourceGroupName: 'rg', location: 'westeurope', gatewaySubnetId: SUBNET_ID.replace(/s$/, 'GatewaySubnet'), addressSpace: ['10.9.0.0/16'] }), privateEndpointSubnetId: SUBNET_ID, shares: { big: { quotaGib: 6000 } }, replicationType: 'GZRS' }), 'STG-SHARE-LARGE', 'shares.big.quotaGib', 6000);
  });

  test('fails when large file shares are asked on a geo-replicated account', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, replicationType: 'RAGRS', largeFileSharesEnabled: true }), 'STG-LARGE-REPLICATION', 'largeFileSharesEnabled', true);
  });

  test('fails when premium and account kind do not match, or a premium share is 100 GiB or less', () => {
    const { stack, hub } = setup();
    const standard = new HybridFileShare(stack, 'Standard', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    expectValidationError(() => standard.addShare('fast', { accessTier: 'Premium' }), 'STG-PREMIUM-KIND', 'accessTier', 'Premium');
    const premium = new HybridFileShare(stack, 'Premium', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, premium: true });
    expectValidationError(() => premium.addShare('hot', { accessTier: 'Hot' }), 'STG-PREMIUM-KIND', 'accessTier', 'Hot');
    expectValidationError(() => premium.addShare('tiny', { quotaGib: 100 }), 'STG-PREMIUM-QUOTA', 'quotaGib', 100);
    expect(premium.addShare('okay', { quotaGib: 101 }).quotaInput).toBe(101);
  });

  test('fails when a premium account is geo-replicated', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, premium: true, replicationType: 'GRS' }), 'STG-PREMIUM-REPLICATION', 'replicationType', 'GRS');
  });

  test('fails when an NFS share is added to a standard account', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    expectValidationError(() => files.addShare('linux', { protocol: ShareProtocol.NFS }), 'STG-NFS-KIND', 'protocol', 'NFS');
  });

  test('fails when share soft delete is outside 1-365 days', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shareSoftDeleteDays: 0 }), 'STG-SOFT-DELETE-DAYS', 'shareSoftDeleteDays', 0);
    expectValidationError(() => new HybridFileShare(stack, 'Files2', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shareSoftDeleteDays: 366 }), 'STG-SOFT-DELETE-DAYS', 'shareSoftDeleteDays', 366);
  });

  test('fails when the active_directory block is incomplete or malformed', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'A', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, activeDirectory: { ...ad, storageSid: '' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.storageSid', '');
    expectValidationError(() => new HybridFileShare(stack, 'B', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, activeDirectory: { ...ad, domainGuid: 'not-a-guid' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.domainGuid', 'not-a-guid');
    expectValidationError(() => new HybridFileShare(stack, 'C', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, activeDirectory: { ...ad, netbiosDomainName: 'MUCHTOOLONGNETBIOS' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.netbiosDomainName', 'MUCHTOOLONGNETBIOS');
    expectValidationError(() => new HybridFileShare(stack, 'D', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, activeDirectory: { ...ad, domainSid: 'S-1-5-32-544' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.domainSid', 'S-1-5-32-544');
  });

  test('fails when the private endpoint subnet is missing, not a subnet id, or the GatewaySubnet', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'A', { hub } as any), 'PROP-REQUIRED', 'privateEndpointSubnetId');
    expectValidationError(() => new HybridFileShare(stack, 'B', { hub, privateEndpointSubnetId: 'privatelink' }), 'STG-PE-SUBNET', 'privateEndpointSubnetId', 'privatelink');
    // by reference (the hub's GatewaySubnet) and by a literal id
    expectValidationError(() => new HybridFileShare(stack, 'C', { hub, privateEndpointSubnetId: hub.subnetId('GatewaySubnet')! }), 'STG-PE-SUBNET', 'privateEndpointSubnetId');
    expectValidationError(() => new HybridFileShare(stack, 'D', { hub, privateEndpointSubnetId: SUBNET_ID.replace(/s$/, 'GatewaySubnet') }), 'STG-PE-SUBNET', 'privateEndpointSubnetId');
  });

  test('fails when JavaScript passes no props, no hub, or a string for shares (ValidationError, not TypeError)', () => {
    const { stack } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'A', undefined as any), 'PROP-REQUIRED', 'props');
    expectValidationError(() => new HybridFileShare(stack, 'B', { privateEndpointSubnetId: SUBNET_ID } as any), 'PROP-REQUIRED', 'hub');
    const { hub } = setup();
    expectValidationError(() => new HybridFileShare(hub, 'C', { hub, privateEndpointSubnetId: SUBNET_ID, shares: 'finance' as any }), 'PROP-TYPE', 'shares');
  });

  test('fails when a count-deciding prop is a Terraform expression (PROP-LITERAL)', () => {
    const { stack, hub } = setup();
    const flag = new TerraformVariable(stack, 'flag', { type: 'bool' });
    expectValidationError(() => new HybridFileShare(stack, 'A', { hub, privateEndpointSubnetId: SUBNET_ID, premium: (flag.booleanValue as unknown as boolean) }), 'PROP-LITERAL', 'premium');
    expectValidationError(() => new HybridFileShare(stack, 'B', { hub, privateEndpointSubnetId: SUBNET_ID, smbHardening: (flag.booleanValue as unknown as boolean) }), 'PROP-LITERAL', 'smbHardening');
    const files = new HybridFileShare(stack, 'C', { hub, privateEndpointSubnetId: SUBNET_ID });
    expectValidationError(() => files.addShare(new TerraformVariable(stack, 'share', { type: 'string' }).stringValue), 'PROP-LITERAL', 'name');
  });

  test('every prop Terraform takes as an expression synthesizes with a TerraformVariable', () => {
    // GIVEN variables for every expression-capable prop
    const { stack, hub } = setup();
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    const str = (name: string) => v(name).stringValue;
    const num = (name: string) => v(name, 'number').numberValue;
    // WHEN
    const files = new HybridFileShare(stack, 'Files', {
      hub,
      privateEndpointSubnetId: str('subnet'),
      resourceGroupName: str('rg'),
      location: str('location'),
      name: str('name'),
      replicationType: str('replication'),
      largeFileSharesEnabled: v('large', 'bool').booleanValue as unknown as boolean,
      shareSoftDeleteDays: num('soft_delete'),
      publicNetworkAccessEnabled: v('public', 'bool').booleanValue as unknown as boolean,
      activeDirectory: { domainName: str('d1'), domainGuid: str('d2'), domainSid: str('d3'), storageSid: str('d4'), forestName: str('d5'), netbiosDomainName: str('d6') },
      defaultSharePermission: str('perm') as DefaultSharePermission,
      privateDnsZoneId: str('zone'),
      linkVirtualNetworks: { spoke: str('spoke') },
      shares: { finance: { quotaGib: num('quota'), accessTier: str('tier'), protocol: str('protocol') as ShareProtocol } },
    });
    files.grantShareAccess(str('principal'), ShareAccessLevel.READER, 'finance');
    files.grantShareAccess(str('principal2'), ShareAccessLevel.READER);
    // THEN
    const json = synthJson(stack);
    const account = onlyResource(json, 'azurerm_storage_account');
    expect(account).toMatchObject({ name: '${var.name}', account_replication_type: '${var.replication}', share_properties: { retention_policy: { days: '${var.soft_delete}' } } });
    expect(onlyResource(json, 'azurerm_storage_share')).toMatchObject({ quota: '${var.quota}', access_tier: '${var.tier}' });
    expect(onlyResource(json, 'azurerm_private_endpoint').subnet_id).toBe('${var.subnet}');
    expect(resourcesOf(json, 'azurerm_role_assignment').map((r) => r.principal_id).sort()).toEqual(['${var.principal2}', '${var.principal}']);
    // The runbook names the variable that gives each principal, not "(from a reference)".
    const text = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(text).toContain('Storage File Data SMB Share Reader to ${var.principal} on finance');
    expect(text).not.toContain('(from a reference)');
  });

  test("with the hub's private-link zone catalog, the endpoint registers in its zone and creates none", () => {
    const { stack, hub } = setup();
    class Catalog extends Construct implements IPrivateDnsZoneCatalog {
      public zoneId(name: string) {
        return `/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/${name}`;
      }
    }
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: SUBNET_ID, privateDnsZones: new Catalog(stack, 'Zones') });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_private_dns_zone')).toHaveLength(0);
    expect(onlyResource(json, 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids).toEqual(['/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net']);
  });

  test('an existing account imported with fromFileShareAccountAttributes: plain share names, diagnostics, grants', () => {
    const { stack, workspace } = setup();
    const id = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stexisting';
    const account = HybridFileShare.fromFileShareAccountAttributes(stack, 'Existing', { storageAccountId: id, storageAccountName: 'stexisting', resourceGroupName: 'rg', location: 'westeurope', shareNames: ['finance'] });
    expect(account.shareName('finance')).toBe('finance');
    expect(account.shareName('ghost')).toBeUndefined();
    account.sendDiagnosticsTo(workspace);
    account.grant('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER);
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_monitor_diagnostic_setting')).toMatchObject({ target_resource_id: `${id}/fileServices/default`, enabled_metric: [{ category: 'Transaction' }] });
    expect(onlyResource(json, 'azurerm_role_assignment').scope).toBe(id);
    expectValidationError(() => HybridFileShare.fromFileShareAccountAttributes(stack, 'Bad', { storageAccountId: 'stexisting', storageAccountName: 'stexisting', resourceGroupName: 'rg', location: 'westeurope' }), 'STG-ACCOUNT-ID', 'storageAccountId', 'stexisting');
    expectValidationError(() => HybridFileShare.fromFileShareAccountAttributes(stack, 'Bad2', { storageAccountId: id } as any), 'PROP-REQUIRED', 'storageAccountName');
  });

  test('DIAG-MISSING: cleared by sendDiagnosticsTo after construction, suppressed by acknowledge or by its former id STG-DIAG-MISSING', () => {
    const { stack, hub, workspace } = setup();
    const sent = new HybridFileShare(stack, 'Sent', { hub, privateEndpointSubnetId: SUBNET_ID });
    sent.sendDiagnosticsTo(workspace);
    new HybridFileShare(stack, 'Missing', { hub, privateEndpointSubnetId: SUBNET_ID });
    new HybridFileShare(stack, 'Acked', { hub, privateEndpointSubnetId: SUBNET_ID }).acknowledge('DIAG-MISSING', 'sent by Azure Policy');
    HybridChecks.suppress(new HybridFileShare(stack, 'Old', { hub, privateEndpointSubnetId: SUBNET_ID }), [{ id: 'STG-DIAG-MISSING', reason: 'sent by Azure Policy' }]);
    const warnings = warningsAfterSynth(stack).filter((w) => w.startsWith('[DIAG-MISSING]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/test\/Missing:/);
  });

  test('public network access on is one warning, STG-PUBLIC-NETWORK, also suppressed by its former id STG-PUBLIC-ACCESS', () => {
    const { stack, hub, workspace } = setup();
    new HybridFileShare(stack, 'Open', { hub, privateEndpointSubnetId: SUBNET_ID, publicNetworkAccessEnabled: true, logAnalyticsWorkspace: workspace });
    const old = new HybridFileShare(stack, 'OpenOld', { hub, privateEndpointSubnetId: SUBNET_ID, publicNetworkAccessEnabled: true, logAnalyticsWorkspace: workspace });
    old.acknowledge('STG-PUBLIC-ACCESS', 'IP rules added through the escape hatch');
    const warnings = warningsAfterSynth(stack).filter((w) => w.includes('PUBLIC'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[STG-PUBLIC-NETWORK\] test\/Open:/);
  });

  test('escape-hatch edits that weaken the account are reported at synth (final-body rules)', () => {
    const { stack, hub, workspace } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: SUBNET_ID, logAnalyticsWorkspace: workspace, shares: { finance: {} } });
    files.storageAccount.minTlsVersion = 'TLS1_0';
    files.storageAccount.httpsTrafficOnlyEnabled = false;
    files.storageAccount.allowNestedItemsToBePublic = true;
    files.storageAccount.addOverride('share_properties.retention_policy', null);
    const notes = annotationsAfterSynth(stack);
    const errors = notes.filter(([level]) => level === 'error').map(([, , m]) => m).join('\n');
    expect(errors).toMatch(/\[STG-TLS-MIN\] test\/Files:/);
    expect(errors).toMatch(/\[STG-HTTPS-ONLY\] test\/Files:/);
    expect(errors).toMatch(/\[STG-NESTED-PUBLIC\] test\/Files:/);
    expect(notes.filter(([level]) => level === 'warning').map(([, , m]) => m).join('\n')).toMatch(/\[STG-SHARE-SOFT-DELETE\] test\/Files:/);
  });

  test('fails when a grant names a principal that is not an object id, or an unknown share', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    expectValidationError(() => files.grantShareAccess('CORP\\alice', ShareAccessLevel.READER), 'STG-ROLE-PRINCIPAL', 'principalId', 'CORP\\alice');
    expectValidationError(() => files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER, 'ghost'), 'STG-ROLE-PRINCIPAL', 'shareName', 'ghost');
  });

  test('fails when the storage account name breaks Azure rules', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, name: 'Files-Account' }), 'NAME-INVALID', 'name', 'Files-Account');
  });

  test('every storage rule is in the catalogue', () => {
    for (const rule of STORAGE_RULES) expect(RuleCatalogue.has(rule.id)).toBe(true);
  });
});

describe('HybridFileShare repeated calls', () => {
  test('granting the same principal the same level on the same share twice is one role assignment', () => {
    // GIVEN a share and a grant
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {} } });
    const first = files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.CONTRIBUTOR, 'finance');
    // WHEN the same grant is repeated
    const second = files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.CONTRIBUTOR, 'finance');
    // THEN it returns the existing assignment; a different level or scope is a new one
    expect(second).toBe(first);
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER, 'finance');
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.CONTRIBUTOR);
    expect(resourcesOf(synthJson(stack), 'azurerm_role_assignment').filter((r) => r.principal_id === '11111111-2222-3333-4444-555555555555')).toHaveLength(3);
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md.match(/Storage File Data SMB Share Contributor to 11111111-2222-3333-4444-555555555555 on finance/g)).toHaveLength(1);
  });

  test('fails when a share name is repeated (already refused)', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {} } });
    expectValidationError(() => files.addShare('finance'), 'STG-SHARE-DUPLICATE', 'name', 'finance');
  });
});
