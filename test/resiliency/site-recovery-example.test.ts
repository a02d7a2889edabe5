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
    // two vaults: the modernized VMware appliance needs one of its own; DR vaults take public traffic
    for (const vault of resourcesOf(json, 'azurerm_recovery_services_vault')) {
      expect(vault).toMatchObject({ storage_mode_type: 'GeoRedundant', soft_delete_enabled: true, immutability: 'Unlocked', public_network_access_enabled: true, classic_vmware_replication_enabled: false });
    }
    expect(resourcesOf(json, 'azurerm_recovery_services_vault')).toHaveLength(2);
    expect(resourcesOf(json, 'azurerm_virtual_network')).toHaveLength(2); // the two isolated test networks
    expect(resourcesOf(json, 'azurerm_virtual_network_peering')).toHaveLength(0);
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replicated_vm')).toMatchObject({ target_zone: '1', count: '${var.vmware_appliance_registered ? 1 : 0}', target_network_id: '${var.recovery_network_id}' });
    expect(onlyResource(json, 'azurerm_site_recovery_hyperv_replication_policy_association').count).toBe('${var.hyper_v_hosts_registered ? 1 : 0}');
    expect(onlyResource(json, 'azurerm_site_recovery_vmware_replication_policy_association').count).toBe('${var.vmware_appliance_registered ? 1 : 0}');
    expect(json.provider.azurerm[0].subscription_id).toContain('var.subscription_id');
    expect(json).toMatchSnapshot();
  });

  test('every resiliency rule has a test that names it', () => {
    const tests = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.ts') && f !== path.basename(__filename)).map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
    const untested = RESILIENCY_RULES.map((r) => r.id).filter((id) => !new RegExp(`[^A-Z-]${id}[^A-Z-]`).test(tests));
    expect(untested).toEqual([]);
  });
});
