import { defineRule, fails, RuleLevel, StackResource, TF } from '../../core/rule';
import { dependsOn, literalName } from './helpers';

/** [attribute, type of the resource it names]: a name where Terraform learns the order only from a reference. */
const NAMES: Record<string, [string, string][]> = {
  azurerm_storage_sync_cloud_endpoint: [['file_share_name', 'azurerm_storage_share']],
  azurerm_backup_protected_file_share: [['source_file_share_name', 'azurerm_storage_share'], ['recovery_vault_name', 'azurerm_recovery_services_vault']],
  azurerm_backup_container_storage_account: [['recovery_vault_name', 'azurerm_recovery_services_vault']],
  azurerm_backup_protected_vm: [['recovery_vault_name', 'azurerm_recovery_services_vault']],
  azurerm_private_dns_zone_virtual_network_link: [['private_dns_zone_name', 'azurerm_private_dns_zone']],
  azurerm_subnet: [['virtual_network_name', 'azurerm_virtual_network']],
  azurerm_virtual_network_peering: [['virtual_network_name', 'azurerm_virtual_network']],
};

/** A literal name of a resource the same stack creates: no edge, so Terraform may create both at once. */
export const REF_LITERAL_NAME = defineRule({
  id: 'REF-LITERAL-NAME',
  level: RuleLevel.WARNING,
  description: 'A resource that names another resource of the same stack (a share, a vault, a DNS zone, a virtual network) must reference it (`${azurerm_storage_share.x.name}`) or list it in depends_on: a literal name gives Terraform no edge, so both are created at once and the first may fail',
  source: `${TF} website/docs/r/storage_sync_cloud_endpoint.html.markdown (file_share_name); Terraform docs "Resource dependencies" (references create the order); deploy-review B8`,
  types: Object.keys(NAMES),
  check: (type, body, ctx) => {
    const text = JSON.stringify(body);
    const linked = (r: StackResource): boolean => dependsOn(body, r) || text.includes(`${r.type}.${r.name}.`) || text.includes(`${r.type}.${r.name}[`);
    for (const [attribute, target] of NAMES[type] ?? []) {
      const value = body[attribute];
      if (typeof value !== 'string' || value.includes('${')) continue;
      const named = ctx.resourcesOf(target).filter((r) => literalName(r.body) === value);
      if (named.length === 0 || named.some(linked)) continue;
      return fails(attribute, `${attribute} is the literal "${value}", the name of ${target}.${named[0].name} of this stack, with no reference to it: Terraform may create this resource first. Fix: use \${${target}.${named[0].name}.name} (or add it to depends_on)`);
    }
    return 'compliant';
  },
});
