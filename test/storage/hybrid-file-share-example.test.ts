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
    // B1: the account has no public access, so the provider skips the storage data plane
    expect(json.provider.azurerm[0].features[0].storage[0].data_plane_available).toBe(false);
    // B8: the cloud endpoint references the share and waits for the role to take effect
    const cloud = onlyResource(json, 'azurerm_storage_sync_cloud_endpoint');
    expect(cloud.file_share_name).toBe('${azurerm_storage_share.Files_Sharefinance_7C1701C5.name}');
    expect(cloud.depends_on).toEqual([expect.stringMatching(/^time_sleep\./)]);
    // Phase 1: AD DS settings and server endpoints wait behind their gates; no placeholder values
    expect(onlyResource(json, 'azurerm_storage_account').dynamic.azure_files_authentication.for_each).toBe('${var.files_joined_to_ad ? ["AD"] : []}');
    expect(onlyResource(json, 'azurerm_storage_sync_server_endpoint')).toMatchObject({ count: '${var.file_sync_servers_registered ? 1 : 0}', registered_server_id: '${var.fs01_registered_server_id}' });
    expect(synthesized).not.toMatch(/corp\.contoso\.com|S-1-5-21-|00000000-0000-0000-0000-000000000000/);
    for (const name of ['ad_domain_name', 'ad_domain_guid', 'ad_domain_sid', 'ad_storage_sid', 'ad_forest_name', 'ad_netbios_domain_name', 'fs01_registered_server_id']) {
      expect(json.variable[name]).toMatchObject({ type: 'string', default: null, description: expect.stringMatching(/phase 2/) });
    }
    expect(json).toMatchSnapshot();
  });

  test('phase 1 without server endpoints; phase 2 opens the gates listed in the runbook', () => {
    // Phase 1 without file servers: no server endpoint, no registration gate
    const bare = new HybridFileShareStack(Testing.app(), 'hybrid-file-share', { fileServers: {} });
    const phase1 = JSON.parse(Testing.synth(bare, true));
    expect(resourcesOf(phase1, 'azurerm_storage_sync_server_endpoint')).toHaveLength(0);
    expect(phase1.variable.file_sync_servers_registered).toBeUndefined();
    // With two servers: both endpoints behind the gate, each with its own id variable
    const stack = new HybridFileShareStack(Testing.app(), 'hybrid-file-share', { fileServers: { fs01: 'D:\\Shares\\Finance', fs02: 'E:\\Finance' } });
    const json = JSON.parse(Testing.synth(stack, true));
    const servers = resourcesOf(json, 'azurerm_storage_sync_server_endpoint');
    expect(servers.map((s) => [s.name, s.registered_server_id, s.count])).toEqual([
      ['fs01', '${var.fs01_registered_server_id}', '${var.file_sync_servers_registered ? 1 : 0}'],
      ['fs02', '${var.fs02_registered_server_id}', '${var.file_sync_servers_registered ? 1 : 0}'],
    ]);
    const md = (stack.node.findChild('HandoffRunbook') as any).render() as string;
    expect(md).toContain("cdktf deploy hybrid-file-share --var='files_joined_to_ad=true'");
    expect(md).toContain("--var='file_sync_servers_registered=true'");
  });

  test('every storage rule has a test that names it', () => {
    const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename)).map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
    const untested = STORAGE_RULES.map((r) => r.id).filter((id) => !new RegExp(`[^A-Z-]${id}[^A-Z-]`).test(tests));
    expect(untested).toEqual([]);
  });
});
