import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { HybridFileShareStack } from '../../examples/hybrid-file-share';
import { STORAGE_RULES } from '../../lib/storage/rules';
import { onlyResource, resourcesOf } from '../util';

describe('example: hybrid-file-share', () => {
  test('synthesizes (snapshot) with the secure defaults', () => {
    // GIVEN / WHEN
    const stack = new HybridFileShareStack(Testing.app(), 'hybrid-file-share');
    const synthesized = Testing.synth(stack, true);
    // THEN
    const json = JSON.parse(synthesized);
    expect(onlyResource(json, 'azurerm_storage_account')).toMatchObject({ public_network_access_enabled: false, https_traffic_only_enabled: true, min_tls_version: 'TLS1_2' });
    expect(onlyResource(json, 'azurerm_storage_sync').incoming_traffic_policy).toBe('AllowVirtualNetworksOnly');
    expect(onlyResource(json, 'azurerm_recovery_services_vault')).toMatchObject({ storage_mode_type: 'GeoRedundant', cross_region_restore_enabled: true });
    expect(resourcesOf(json, 'azurerm_backup_protected_file_share')).toHaveLength(1);
    expect(synthesized).not.toMatch(/access_key|primary_connection_string/);
    expect(json).toMatchSnapshot();
  });

  test('phase two adds the server endpoints', () => {
    const stack = new HybridFileShareStack(Testing.app(), 'hybrid-file-share', {
      registeredServerIds: { fs01: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hybrid-files/providers/Microsoft.StorageSync/storageSyncServices/sss-filesync/registeredServers/11111111-2222-3333-4444-555555555555' },
    });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(onlyResource(json, 'azurerm_storage_sync_server_endpoint')).toMatchObject({ name: 'fs01', volume_free_space_percent: 20, cloud_tiering_enabled: true });
  });

  test('every storage rule has a test that names it', () => {
    const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename)).map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
    const untested = Object.keys(STORAGE_RULES).filter((id) => !new RegExp(`[^A-Z-]${id}[^A-Z-]`).test(tests));
    expect(untested).toEqual([]);
  });
});
