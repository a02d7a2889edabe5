import { StorageSyncCloudEndpoint } from '@cdktf/provider-azurerm/lib/storage-sync-cloud-endpoint';
import { FileSync, HubNetwork, HybridFileShare } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, validationErrors } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const principal = '0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const serverId = (guid: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.StorageSync/storageSyncServices/sss-x/registeredServers/${guid}`;
const SERVER_1 = serverId('11111111-2222-3333-4444-555555555555');

function setup(location = 'westeurope') {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
  const files = new HybridFileShare(stack, 'Files', { hub, location, privateEndpointSubnetName: 'privatelink', shares: { finance: {}, people: {} } });
  return { stack, hub, files };
}

describe('FileSync', () => {
  test('secure defaults: VNet-only sync service with an afs private endpoint, one cloud endpoint per group, the role on the account, tiering at 20%', () => {
    // GIVEN
    const { stack, hub, files } = setup();
    // WHEN
    const sync = new FileSync(stack, 'Sync', {
      hub,
      privateEndpointSubnetName: 'privatelink',
      storageSyncPrincipalId: principal,
      syncGroups: { finance: { fileShare: files, shareName: 'finance', serverEndpoints: { fs01: { registeredServerId: SERVER_1, serverLocalPath: 'D:\\Shares\\Finance' } } } },
    });
    sync.addSyncGroup('people', { fileShare: files, shareName: 'people' });
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_storage_sync').incoming_traffic_policy).toBe('AllowVirtualNetworksOnly');
    const endpoints = resourcesOf(json, 'azurerm_private_endpoint');
    expect(endpoints.map((e) => e.private_service_connection.subresource_names[0]).sort()).toEqual(['afs', 'file']);
    expect(resourcesOf(json, 'azurerm_private_dns_zone').map((z) => z.name).sort()).toEqual(['privatelink.afs.azure.net', 'privatelink.file.core.windows.net']);
    expect(resourcesOf(json, 'azurerm_storage_sync_group').map((g) => g.name).sort()).toEqual(['finance', 'people']);
    expect(resourcesOf(json, 'azurerm_storage_sync_cloud_endpoint')).toHaveLength(2);
    const roles = resourcesOf(json, 'azurerm_role_assignment');
    expect(roles).toHaveLength(1); // once per storage account
    expect(roles[0]).toMatchObject({ role_definition_name: 'Reader and Data Access', principal_id: principal, principal_type: 'ServicePrincipal' });
    const cloud = resourcesOf(json, 'azurerm_storage_sync_cloud_endpoint')[0];
    expect(cloud.depends_on[0]).toMatch(/^azurerm_role_assignment\./);
    const server = onlyResource(json, 'azurerm_storage_sync_server_endpoint');
    expect(server).toMatchObject({ registered_server_id: SERVER_1, server_local_path: 'D:\\Shares\\Finance', cloud_tiering_enabled: true, volume_free_space_percent: 20 });
    expect(server.depends_on[0]).toMatch(/^azurerm_storage_sync_cloud_endpoint\./);
  });

  test('the runbook covers agent install, registration and the second phase', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal, syncGroups: { finance: { fileShare: files, shareName: 'finance' } } });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain('Register-AzStorageSyncServer');
    expect(md).toContain('Get-AzStorageSyncServer');
    expect(md).toContain('az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id');
    expect(md).toContain(`terraform output -raw ${sync.outputNames.storageSyncName}`);
    expect(md).toContain('Phase 2');
  });

  test('defaults can be changed: all traffic, tiering off', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: 'subnet-id', storageSyncPrincipalId: principal, allowAllTraffic: true });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'E:\\Data', cloudTieringEnabled: false });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_storage_sync').incoming_traffic_policy).toBe('AllowAllTraffic');
    const server = onlyResource(json, 'azurerm_storage_sync_server_endpoint');
    expect(server.cloud_tiering_enabled).toBe(false);
    expect(server.volume_free_space_percent).toBeUndefined();
  });

  test('fails at synth when a sync group gets a second cloud endpoint', () => {
    // GIVEN
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    const group = sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    // WHEN
    new StorageSyncCloudEndpoint(stack, 'Second', { name: 'second', storageSyncGroupId: group.id, fileShareName: 'people', storageAccountId: files.storageAccountId });
    // THEN
    expect(validationErrors(stack).join('\n')).toMatch(/\[SYNC-CLOUD-ENDPOINT\] test\/Sync: `syncGroups.finance` = 2 cloud endpoints/);
  });

  test('fails when a sync group names a share the account does not have, or a server endpoint an unknown group', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    expectValidationError(() => sync.addSyncGroup('x', { fileShare: files, shareName: 'ghost' }), 'SYNC-CLOUD-ENDPOINT', 'shareName', 'ghost');
    expectValidationError(() => sync.addServerEndpoint('nogroup', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' }), 'SYNC-CLOUD-ENDPOINT', 'groupName', 'nogroup');
  });

  test('fails when the storage account is in another region', () => {
    const { stack, hub, files } = setup('northeurope');
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    expectValidationError(() => sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' }), 'SYNC-REGION', 'fileShare', 'northeurope');
  });

  test('fails when a sync group name is repeated', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addSyncGroup('finance', { fileShare: files, shareName: 'people' }), 'SYNC-GROUP-DUPLICATE', 'name', 'finance');
  });

  test('fails when a registered server id is malformed or used twice in a group', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: 'fs01.corp.contoso.com', serverLocalPath: 'D:\\x' }), 'SYNC-SERVER-ID', 'registeredServerId', 'fs01.corp.contoso.com');
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01b', { registeredServerId: SERVER_1, serverLocalPath: 'E:\\y' }), 'SYNC-SERVER-DUPLICATE', 'registeredServerId', SERVER_1);
  });

  test('fails when the server path is not a local path or is the system volume root', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: '\\\\fs01\\share' }), 'SYNC-SERVER-PATH', 'serverLocalPath', '\\\\fs01\\share');
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'C:\\' }), 'SYNC-SERVER-PATH', 'serverLocalPath', 'C:\\');
  });

  test('fails when tiering values are out of range', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', volumeFreeSpacePercent: 101 }), 'SYNC-TIERING', 'volumeFreeSpacePercent', 101);
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', tierFilesOlderThanDays: -1 }), 'SYNC-TIERING', 'tierFilesOlderThanDays', -1);
  });

  test('fails when the StorageSync principal is not an object id, or the subnet is missing', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new FileSync(stack, 'A', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: '9469b9f5-app' }), 'SYNC-PRINCIPAL', 'storageSyncPrincipalId', '9469b9f5-app');
    expectValidationError(() => new FileSync(stack, 'B', { hub, storageSyncPrincipalId: principal }), 'STG-PE-SUBNET', 'privateEndpointSubnetName');
    expectValidationError(() => new FileSync(stack, 'C', { hub, privateEndpointSubnetName: 'nope', storageSyncPrincipalId: principal }), 'STG-PE-SUBNET', 'privateEndpointSubnetName', 'nope');
  });
});

describe('FileSync.addServerEndpoint names', () => {
  test('fails when a server endpoint name is repeated in a sync group', () => {
    // GIVEN a sync group with server endpoint fs01
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    // WHEN / THEN: fs01 again (another server) is refused with NAME-DUPLICATE
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: serverId('99999999-2222-3333-4444-555555555555'), serverLocalPath: 'D:\\x' }), 'NAME-DUPLICATE', 'name', 'fs01');
  });

  test('the same endpoint name in another sync group is accepted', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetName: 'privatelink', storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addSyncGroup('people', { fileShare: files, shareName: 'people' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    sync.addServerEndpoint('people', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\y' });
    expect(resourcesOf(synthJson(stack), 'azurerm_storage_sync_server_endpoint')).toHaveLength(2);
  });
});
