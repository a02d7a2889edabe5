import { StorageSyncCloudEndpoint } from '@cdktf/provider-azurerm/lib/storage-sync-cloud-endpoint';
import { TerraformVariable } from 'cdktf';
import { FileSync, HubNetwork, HybridFileShare, LogAnalyticsWorkspace } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, annotationsAfterSynth, warningsAfterSynth } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const principal = '0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const serverId = (guid: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.StorageSync/storageSyncServices/sss-x/registeredServers/${guid}`;
const SERVER_1 = serverId('11111111-2222-3333-4444-555555555555');
const SUBNET_ID = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';

function setup(location = 'westeurope') {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
  const files = new HybridFileShare(stack, 'Files', { hub, location, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {}, people: {} } });
  return { stack, hub, files };
}

describe('FileSync', () => {
  test('secure defaults: VNet-only sync service with an afs private endpoint, one cloud endpoint per group, the role on the account, tiering at 20%', () => {
    // GIVEN
    const { stack, hub, files } = setup();
    // WHEN
    const sync = new FileSync(stack, 'Sync', {
      hub,
      privateEndpointSubnetId: hub.subnetId('privatelink')!,
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
    // B8: the cloud endpoint references the share resource's name and waits for the role to take effect
    const cloud = resourcesOf(json, 'azurerm_storage_sync_cloud_endpoint').find((c) => c.name === 'finance-cloud');
    expect(cloud.file_share_name).toMatch(/^\$\{azurerm_storage_share\.Files_Sharefinance_[0-9A-F]+\.name\}$/);
    expect(cloud.depends_on).toEqual([expect.stringMatching(/^time_sleep\.Sync_ReaderAndDataAccessFilesPropagation_[0-9A-F]+$/)]);
    const wait = onlyResource(json, 'time_sleep');
    expect(wait).toMatchObject({ create_duration: '5m', triggers: { role_assignment_id: expect.stringMatching(/^\$\{azurerm_role_assignment\.Sync_ReaderAndDataAccessFiles_[0-9A-F]+\.id\}$/) } });
    expect(json.provider.time).toHaveLength(1);
    // The server endpoint waits behind the registration gate (phase 2)
    const server = onlyResource(json, 'azurerm_storage_sync_server_endpoint');
    expect(server).toMatchObject({ registered_server_id: SERVER_1, server_local_path: 'D:\\Shares\\Finance', cloud_tiering_enabled: true, volume_free_space_percent: 20, count: '${var.sync_servers_registered ? 1 : 0}' });
    expect(server.depends_on[0]).toMatch(/^azurerm_storage_sync_cloud_endpoint\./);
    expect(json.variable.sync_servers_registered).toMatchObject({ type: 'bool', default: false });
    expect(sync.serversRegisteredGate!.name).toBe('sync_servers_registered');
  });

  test('the runbook covers agent install, registration and the second phase', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal, syncGroups: { finance: { fileShare: files, shareName: 'finance' } } });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain('Register-AzStorageSyncServer');
    expect(md).toContain('Get-AzStorageSyncServer');
    expect(md).toContain('az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id');
    expect(md).toContain(`terraform output -raw ${sync.outputNames.storageSyncName}`);
    expect(md).toContain('Phase 2');
    expect(md).toContain('conditional forwarder for `afs.azure.net`');
  });

  test('phase 1 has no server endpoint and no gate; phase 2 adds them behind the gate, whose command is in the runbook', () => {
    // GIVEN phase 1: a sync group without server endpoints
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal, syncGroups: { finance: { fileShare: files, shareName: 'finance' } } });
    let json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_storage_sync_server_endpoint')).toHaveLength(0);
    expect(json.variable?.sync_servers_registered).toBeUndefined();
    // WHEN phase 2 adds a server endpoint with its id from a variable
    const id = new TerraformVariable(stack, 'fs01_id', { type: 'string' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: id.stringValue, serverLocalPath: 'D:\\Shares\\Finance' });
    // THEN
    json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_storage_sync_server_endpoint')).toMatchObject({ registered_server_id: '${var.fs01_id}', count: '${var.sync_servers_registered ? 1 : 0}' });
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain("cdktf deploy test --var='sync_servers_registered=true'");
    expect(md).toContain('Register-AzStorageSyncServer');
  });

  test('diagnostics: metrics only (the sync service has no log categories); DIAG-MISSING without a workspace', () => {
    const { stack, hub, files } = setup();
    const workspace = LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w');
    files.sendDiagnosticsTo(workspace);
    new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal, logAnalyticsWorkspace: workspace });
    const quiet = new FileSync(stack, 'Quiet', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal, name: 'sss-quiet' });
    const warnings = warningsAfterSynth(stack).filter((w) => w.startsWith('[DIAG-MISSING]'));
    expect(warnings).toEqual([expect.stringMatching(/test\/Quiet:/)]);
    quiet.acknowledge('DIAG-MISSING', 'sent by policy');
    const setting = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting').find((d) => /azurerm_storage_sync\./.test(d.target_resource_id));
    expect(setting).toMatchObject({ enabled_log: [], enabled_metric: [{ category: 'AllMetrics' }] });
  });

  test('a sync group on an imported account uses the plain share name', () => {
    const { stack, hub } = setup();
    const existing = HybridFileShare.fromFileShareAccountAttributes(stack, 'Existing', { storageAccountId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stold', storageAccountName: 'stold', resourceGroupName: 'rg', location: 'westeurope', shareNames: ['archive'] });
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal });
    sync.addSyncGroup('archive', { fileShare: existing, shareName: 'archive' });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_storage_sync_cloud_endpoint')).toMatchObject({ file_share_name: 'archive', storage_account_id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stold' });
    expectValidationError(() => sync.addSyncGroup('other', { fileShare: existing, shareName: 'unlisted' }), 'SYNC-CLOUD-ENDPOINT', 'shareName', 'unlisted');
  });

  test('every prop Terraform takes as an expression synthesizes with a TerraformVariable; count-deciding ones are refused (PROP-LITERAL)', () => {
    const { stack, hub, files } = setup();
    const str = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    const num = (name: string) => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: str('subnet'), storageSyncPrincipalId: str('principal'), resourceGroupName: str('rg'), location: str('location'), name: str('name'), privateDnsZoneId: str('zone') });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: str('server'), serverLocalPath: str('path'), volumeFreeSpacePercent: num('free'), tierFilesOlderThanDays: num('days'), initialDownloadPolicy: str('policy') });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_storage_sync')).toMatchObject({ name: '${var.name}', location: '${var.location}' });
    expect(onlyResource(json, 'azurerm_storage_sync_server_endpoint')).toMatchObject({ registered_server_id: '${var.server}', volume_free_space_percent: '${var.free}', tier_files_older_than_days: '${var.days}' });
    const flag = new TerraformVariable(stack, 'flag', { type: 'bool' }).booleanValue as unknown as boolean;
    expectValidationError(() => new FileSync(stack, 'B', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal, allowAllTraffic: flag }), 'PROP-LITERAL', 'allowAllTraffic');
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs02', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', cloudTieringEnabled: flag }), 'PROP-LITERAL', 'cloudTieringEnabled');
    expectValidationError(() => sync.addSyncGroup(str('group'), { fileShare: files, shareName: 'people' }), 'PROP-LITERAL', 'name');
  });

  test('defaults can be changed: all traffic, tiering off', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: SUBNET_ID, storageSyncPrincipalId: principal, allowAllTraffic: true });
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
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    const group = sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    // WHEN
    new StorageSyncCloudEndpoint(stack, 'Second', { name: 'second', storageSyncGroupId: group.id, fileShareName: 'people', storageAccountId: files.storageAccountId });
    // THEN
    expect(annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , m]) => m).join('\n')).toMatch(/\[SYNC-CLOUD-ENDPOINT\] test\/Sync: `name` = "finance": sync group finance has 2 cloud endpoints/);
  });

  test('fails when a sync group names a share the account does not have, or a server endpoint an unknown group', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    expectValidationError(() => sync.addSyncGroup('x', { fileShare: files, shareName: 'ghost' }), 'SYNC-CLOUD-ENDPOINT', 'shareName', 'ghost');
    expectValidationError(() => sync.addServerEndpoint('nogroup', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' }), 'SYNC-CLOUD-ENDPOINT', 'groupName', 'nogroup');
  });

  test('fails when the storage account is in another region', () => {
    const { stack, hub, files } = setup('northeurope');
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    expectValidationError(() => sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' }), 'SYNC-REGION', 'fileShare', 'northeurope');
  });

  test('fails when a sync group name is repeated', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addSyncGroup('finance', { fileShare: files, shareName: 'people' }), 'SYNC-GROUP-DUPLICATE', 'name', 'finance');
  });

  test('fails when a registered server id is malformed or used twice in a group', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: 'fs01.corp.contoso.com', serverLocalPath: 'D:\\x' }), 'SYNC-SERVER-ID', 'registeredServerId', 'fs01.corp.contoso.com');
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01b', { registeredServerId: SERVER_1, serverLocalPath: 'E:\\y' }), 'SYNC-SERVER-DUPLICATE', 'registeredServerId', SERVER_1);
  });

  test('fails when the server path is not a local path or is the system volume root', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: '\\\\fs01\\share' }), 'SYNC-SERVER-PATH', 'serverLocalPath', '\\\\fs01\\share');
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'C:\\' }), 'SYNC-SERVER-PATH', 'serverLocalPath', 'C:\\');
  });

  test('fails when tiering values are out of range', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', volumeFreeSpacePercent: 101 }), 'SYNC-TIERING', 'volumeFreeSpacePercent', 101);
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', tierFilesOlderThanDays: -1 }), 'SYNC-TIERING', 'tierFilesOlderThanDays', -1);
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x', initialDownloadPolicy: 'Everything' }), 'SYNC-TIERING', 'initialDownloadPolicy', 'Everything');
  });

  test('fails when the StorageSync principal is not an object id, or the subnet is missing', () => {
    const { stack, hub } = setup();
    expectValidationError(() => new FileSync(stack, 'A', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: '9469b9f5-app' }), 'SYNC-PRINCIPAL', 'storageSyncPrincipalId', '9469b9f5-app');
    expectValidationError(() => new FileSync(stack, 'B', { hub, storageSyncPrincipalId: principal } as any), 'PROP-REQUIRED', 'privateEndpointSubnetId');
    expectValidationError(() => new FileSync(stack, 'C', { hub, privateEndpointSubnetId: 'nope', storageSyncPrincipalId: principal }), 'STG-PE-SUBNET', 'privateEndpointSubnetId', 'nope');
    expectValidationError(() => new FileSync(stack, 'D', { hub, privateEndpointSubnetId: hub.gatewaySubnetId, storageSyncPrincipalId: principal }), 'STG-PE-SUBNET', 'privateEndpointSubnetId');
    expectValidationError(() => new FileSync(stack, 'E', undefined as any), 'PROP-REQUIRED', 'props');
  });
});

describe('FileSync.addServerEndpoint names', () => {
  test('fails when a server endpoint name is repeated in a sync group', () => {
    // GIVEN a sync group with server endpoint fs01
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    // WHEN / THEN: fs01 again (another server) is refused with NAME-DUPLICATE
    expectValidationError(() => sync.addServerEndpoint('finance', 'fs01', { registeredServerId: serverId('99999999-2222-3333-4444-555555555555'), serverLocalPath: 'D:\\x' }), 'NAME-DUPLICATE', 'name', 'fs01');
  });

  test('the same endpoint name in another sync group is accepted', () => {
    const { stack, hub, files } = setup();
    const sync = new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal });
    sync.addSyncGroup('finance', { fileShare: files, shareName: 'finance' });
    sync.addSyncGroup('people', { fileShare: files, shareName: 'people' });
    sync.addServerEndpoint('finance', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\x' });
    sync.addServerEndpoint('people', 'fs01', { registeredServerId: SERVER_1, serverLocalPath: 'D:\\y' });
    expect(resourcesOf(synthJson(stack), 'azurerm_storage_sync_server_endpoint')).toHaveLength(2);
  });
});
