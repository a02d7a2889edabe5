import { DefaultSharePermission, HubNetwork, HybridFileShare, LogAnalyticsWorkspace, RuleCatalogue, ShareAccessLevel, ShareProtocol } from '../../lib';
import { STORAGE_RULES } from '../../lib/storage/rules';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const ad = {
  domainName: 'corp.contoso.com',
  domainGuid: '5f1c9a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
  domainSid: 'S-1-5-21-1004336348-1177238915-682003330',
  storageSid: 'S-1-5-21-1004336348-1177238915-682003330-4101',
  forestName: 'contoso.com',
  netbiosDomainName: 'CORP',
};

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
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', logAnalyticsWorkspace: workspace, shares: { finance: {} } });
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
    const pe = onlyResource(json, 'azurerm_private_endpoint');
    expect(pe.private_service_connection.subresource_names).toEqual(['file']);
    expect(pe.subnet_id).toMatch(/^\$\{azurerm_subnet\.Hub_Subnetprivatelink_[0-9A-F]+\.id\}$/);
    expect(onlyResource(json, 'azurerm_private_dns_zone').name).toBe('privatelink.file.core.windows.net');
    const link = onlyResource(json, 'azurerm_private_dns_zone_virtual_network_link');
    expect(link.virtual_network_id).toMatch(/^\$\{azurerm_virtual_network\.Hub_[0-9A-F]+\.id\}$/);
    expect(link.registration_enabled).toBe(false);
    const share = onlyResource(json, 'azurerm_storage_share');
    expect(share).toMatchObject({ name: 'finance', quota: 1024, enabled_protocol: 'SMB', access_tier: 'TransactionOptimized' });
    const diag = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
    expect(diag.target_resource_id).toMatch(/\/fileServices\/default$/);
    expect(files.shareNames).toEqual(['finance']);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining([files.outputNames.storageAccountName, files.outputNames.storageAccountId]));
  });

  test('AD DS auth: full active_directory block and default share permission None; grants are RBAC roles', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s', activeDirectory: ad, shares: { finance: {} } });
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.CONTRIBUTOR, 'finance');
    files.grantShareAccess('11111111-2222-3333-4444-666666666666', ShareAccessLevel.ELEVATED_CONTRIBUTOR);
    const json = synthJson(stack);
    const account = onlyResource(json, 'azurerm_storage_account');
    expect(account.azure_files_authentication).toEqual({
      directory_type: 'AD',
      default_share_level_permission: 'None',
      active_directory: { domain_name: ad.domainName, domain_guid: ad.domainGuid, domain_sid: ad.domainSid, storage_sid: ad.storageSid, forest_name: ad.forestName, netbios_domain_name: ad.netbiosDomainName },
    });
    const roles = resourcesOf(json, 'azurerm_role_assignment');
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual(['Storage File Data SMB Share Contributor', 'Storage File Data SMB Share Elevated Contributor']);
    expect(roles.find((r) => r.role_definition_name.endsWith(' Contributor') && !r.role_definition_name.includes('Elevated')).scope).toMatch(/^\$\{azurerm_storage_share\.Files_Sharefinance_[0-9A-F]+\.id\}$/);
  });

  test('every default can be changed: premium NFS, GRS without large shares, public access with a warning, spokes linked', () => {
    const { stack, hub } = setup();
    const premium = new HybridFileShare(stack, 'Premium', { hub, privateEndpointSubnetName: 'privatelink', premium: true, replicationType: 'LRS', shareSoftDeleteDays: 30, smbHardening: false, linkVirtualNetworks: { spoke1: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke1' }, defaultSharePermission: DefaultSharePermission.READER, activeDirectory: ad });
    premium.addShare('nfsdata', { quotaGib: 200, protocol: ShareProtocol.NFS });
    const geo = new HybridFileShare(stack, 'Geo', { hub, privateEndpointSubnetName: 'privatelink', replicationType: 'GRS', publicNetworkAccessEnabled: true, privateDnsZoneId: '/subscriptions/x/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net' });
    geo.addShare('archive', { quotaGib: 5120, accessTier: 'Cool' });
    const json = synthJson(stack);
    const accounts = resourcesOf(json, 'azurerm_storage_account');
    const p = accounts.find((a) => a.account_kind === 'FileStorage');
    expect(p).toMatchObject({ account_tier: 'Premium', account_replication_type: 'LRS', share_properties: { retention_policy: { days: 30 } } });
    expect(p.share_properties.smb).toBeUndefined();
    expect(p.azure_files_authentication.default_share_level_permission).toBe('StorageFileDataSmbShareReader');
    const g = accounts.find((a) => a.account_replication_type === 'GRS');
    expect(g).toMatchObject({ large_file_share_enabled: false, public_network_access_enabled: true });
    expect(resourcesOf(json, 'azurerm_private_dns_zone')).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link')).toHaveLength(2);
    expect(resourcesOf(json, 'azurerm_storage_share').find((s) => s.name === 'nfsdata')).toMatchObject({ enabled_protocol: 'NFS', access_tier: 'Premium', quota: 200 });
    const warnings = geo.node.metadata.map((m) => String(m.data));
    expect(warnings.join('\n')).toContain('[STG-PUBLIC-ACCESS]');
    expect(warnings.join('\n')).toContain('[STG-DIAG-MISSING]');
  });

  test('the runbook has the domain-join and NTFS steps with the output names', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shares: { finance: {} } });
    files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER);
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain('Join-AzStorageAccount');
    expect(md).toContain(`terraform output -raw ${files.outputNames.storageAccountName}`);
    expect(md).toContain('icacls');
    expect(md).toContain(`Get-AzResource -ResourceId "$(terraform output -raw ${files.outputNames.storageAccountId})"`);
    expect(md).not.toContain('<resource group>');
    expect(md).toContain('Storage File Data SMB Share Reader to 11111111-2222-3333-4444-555555555555');
  });

  test('fails when a share name breaks Azure rules or is repeated', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shares: { finance: {} } });
    expectValidationError(() => files.addShare('Bad--Name'), 'STG-SHARE-NAME', 'name', 'Bad--Name');
    expectValidationError(() => files.addShare('-lead'), 'STG-SHARE-NAME', 'name', '-lead');
    expectValidationError(() => files.addShare('ab'), 'STG-SHARE-NAME', 'name', 'ab');
    expectValidationError(() => files.addShare('finance'), 'STG-SHARE-DUPLICATE', 'name', 'finance');
  });

  test('fails when a quota is out of range, or above 5120 GiB without large file shares', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink' });
    expectValidationError(() => files.addShare('zero', { quotaGib: 0 }), 'STG-SHARE-QUOTA', 'quotaGib', 0);
    expectValidationError(() => files.addShare('huge', { quotaGib: 102401 }), 'STG-SHARE-QUOTA', 'quotaGib', 102401);
    expect(files.addShare('big', { quotaGib: 102400 }).quotaInput).toBe(102400);
    const small = new HybridFileShare(stack, 'Small', { hub, privateEndpointSubnetName: 'privatelink', largeFileSharesEnabled: false });
    expectValidationError(() => small.addShare('big', { quotaGib: 5121 }), 'STG-SHARE-LARGE', 'quotaGib', 5121);
    expectValidationError(() => new HybridFileShare(newStack(), 'Files', { hub: HubNetwork.fromHubNetworkAttributes(newStack(), 'H', { virtualNetworkId: 'v', virtualNetworkName: 'v', resourceGroupName: 'rg', location: 'westeurope', gatewaySubnetId: 'g', addressSpace: ['10.9.0.0/16'] }), privateEndpointSubnetId: 's', shares: { big: { quotaGib: 6000 } }, replicationType: 'GZRS' }), 'STG-SHARE-LARGE', 'shares.big.quotaGib', 6000);
  });

  test('fails when large file shares are asked on a geo-replicated account', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', replicationType: 'RAGRS', largeFileSharesEnabled: true }), 'STG-LARGE-REPLICATION', 'largeFileSharesEnabled', true);
  });

  test('fails when premium and account kind do not match, or a premium share is 100 GiB or less', () => {
    const { stack, hub } = setup();
    const standard = new HybridFileShare(stack, 'Standard', { hub, privateEndpointSubnetName: 'privatelink' });
    expectValidationError(() => standard.addShare('fast', { accessTier: 'Premium' }), 'STG-PREMIUM-KIND', 'accessTier', 'Premium');
    const premium = new HybridFileShare(stack, 'Premium', { hub, privateEndpointSubnetName: 'privatelink', premium: true });
    expectValidationError(() => premium.addShare('hot', { accessTier: 'Hot' }), 'STG-PREMIUM-KIND', 'accessTier', 'Hot');
    expectValidationError(() => premium.addShare('tiny', { quotaGib: 100 }), 'STG-PREMIUM-QUOTA', 'quotaGib', 100);
    expect(premium.addShare('okay', { quotaGib: 101 }).quotaInput).toBe(101);
  });

  test('fails when a premium account is geo-replicated', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', premium: true, replicationType: 'GRS' }), 'STG-PREMIUM-REPLICATION', 'replicationType', 'GRS');
  });

  test('fails when an NFS share is added to a standard account', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink' });
    expectValidationError(() => files.addShare('linux', { protocol: ShareProtocol.NFS }), 'STG-NFS-KIND', 'protocol', 'NFS');
  });

  test('fails when share soft delete is outside 1-365 days', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shareSoftDeleteDays: 0 }), 'STG-SOFT-DELETE-DAYS', 'shareSoftDeleteDays', 0);
    expectValidationError(() => new HybridFileShare(stack, 'Files2', { hub, privateEndpointSubnetName: 'privatelink', shareSoftDeleteDays: 366 }), 'STG-SOFT-DELETE-DAYS', 'shareSoftDeleteDays', 366);
  });

  test('fails when the active_directory block is incomplete or malformed', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'A', { hub, privateEndpointSubnetName: 'privatelink', activeDirectory: { ...ad, storageSid: '' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.storageSid', '');
    expectValidationError(() => new HybridFileShare(stack, 'B', { hub, privateEndpointSubnetName: 'privatelink', activeDirectory: { ...ad, domainGuid: 'not-a-guid' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.domainGuid', 'not-a-guid');
    expectValidationError(() => new HybridFileShare(stack, 'C', { hub, privateEndpointSubnetName: 'privatelink', activeDirectory: { ...ad, netbiosDomainName: 'MUCHTOOLONGNETBIOS' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.netbiosDomainName', 'MUCHTOOLONGNETBIOS');
    expectValidationError(() => new HybridFileShare(stack, 'D', { hub, privateEndpointSubnetName: 'privatelink', activeDirectory: { ...ad, domainSid: 'S-1-5-32-544' } }), 'STG-AD-INCOMPLETE', 'activeDirectory.domainSid', 'S-1-5-32-544');
  });

  test('fails when the private endpoint subnet is missing, doubled, unknown or GatewaySubnet', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'A', { hub }), 'STG-PE-SUBNET', 'privateEndpointSubnetName');
    expectValidationError(() => new HybridFileShare(stack, 'B', { hub, privateEndpointSubnetName: 'privatelink', privateEndpointSubnetId: 'x' }), 'STG-PE-SUBNET', 'privateEndpointSubnetName', 'privatelink');
    expectValidationError(() => new HybridFileShare(stack, 'C', { hub, privateEndpointSubnetName: 'nope' }), 'STG-PE-SUBNET', 'privateEndpointSubnetName', 'nope');
    expectValidationError(() => new HybridFileShare(stack, 'D', { hub, privateEndpointSubnetName: 'GatewaySubnet' }), 'STG-PE-SUBNET', 'privateEndpointSubnetName', 'GatewaySubnet');
  });

  test('fails when a grant names a principal that is not an object id, or an unknown share', () => {
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink' });
    expectValidationError(() => files.grantShareAccess('CORP\\alice', ShareAccessLevel.READER), 'STG-ROLE-PRINCIPAL', 'principalId', 'CORP\\alice');
    expectValidationError(() => files.grantShareAccess('11111111-2222-3333-4444-555555555555', ShareAccessLevel.READER, 'ghost'), 'STG-ROLE-PRINCIPAL', 'shareName', 'ghost');
  });

  test('fails when the storage account name breaks Azure rules', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', name: 'Files-Account' }), 'NAME-INVALID', 'name', 'Files-Account');
  });

  test('every storage rule is in the catalogue', () => {
    for (const id of Object.keys(STORAGE_RULES)) expect(RuleCatalogue.has(id)).toBe(true);
  });
});

describe('HybridFileShare repeated calls', () => {
  test('granting the same principal the same level on the same share twice is one role assignment', () => {
    // GIVEN a share and a grant
    const { stack, hub } = setup();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shares: { finance: {} } });
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
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetName: 'privatelink', shares: { finance: {} } });
    expectValidationError(() => files.addShare('finance'), 'STG-SHARE-DUPLICATE', 'name', 'finance');
  });
});
