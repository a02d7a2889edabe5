import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { SiteRecoveryStack } from '../../examples/site-recovery';
import { RESILIENCY_RULES } from '../../lib/resiliency/rules';
import { onlyResource, resourcesOf } from '../util';

describe('example: site-recovery', () => {
  test('synthesizes (snapshot) with the secure defaults', () => {
    // GIVEN / WHEN
    const stack = new SiteRecoveryStack(Testing.app(), 'site-recovery');
    const json = JSON.parse(Testing.synth(stack, true));
    // THEN
    expect(onlyResource(json, 'azurerm_recovery_services_vault')).toMatchObject({ storage_mode_type: 'GeoRedundant', soft_delete_enabled: true, immutability: 'Unlocked', public_network_access_enabled: false, classic_vmware_replication_enabled: false });
    expect(resourcesOf(json, 'azurerm_virtual_network')).toHaveLength(2); // the two isolated test networks
    expect(resourcesOf(json, 'azurerm_virtual_network_peering')).toHaveLength(0);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replicated_vm').target_zone).toBe('1');
    expect(json).toMatchSnapshot();
  });

  test('every resiliency rule has a test that names it', () => {
    const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename)).map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
    const untested = Object.keys(RESILIENCY_RULES).filter((id) => !new RegExp(`[^A-Z-]${id}[^A-Z-]`).test(tests));
    expect(untested).toEqual([]);
  });
});
