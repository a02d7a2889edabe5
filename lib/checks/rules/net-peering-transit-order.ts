import { defineRule, fails, RuleLevel, StackResource, TF } from '../../core/rule';
import { dependsOn, literalName } from './helpers';

/**
 * A spoke peering with `use_remote_gateways = true` must be created after the hub's peering that
 * allows gateway transit: Azure checks the remote peering when it creates this one.
 */
export const NET_PEERING_TRANSIT_ORDER = defineRule({
  id: 'NET-PEERING-TRANSIT-ORDER',
  level: RuleLevel.ERROR,
  description: 'A peering with use_remote_gateways = true needs an edge (depends_on or a reference) to the reverse peering with allow_gateway_transit = true, or the two race and Azure refuses it ("corresponding remote peering has AllowGatewayTransit flag set to false")',
  source: `hashicorp/terraform-provider-azurerm#2872; ${TF} virtual_network_peering.html.markdown; Azure/terraform-azurerm-avm-res-network-virtualnetwork#57; deploy-review B7`,
  types: ['azurerm_virtual_network_peering'],
  check: (_type, body, ctx) => {
    if (body.use_remote_gateways !== true) return 'not-applicable';
    const remote = ctx.deref(body.remote_virtual_network_id);
    if (!remote || remote.type !== 'azurerm_virtual_network' || remote.stack !== undefined) return 'not-applicable';
    const remoteName = literalName(remote.body);
    const onRemote = (p: StackResource): boolean => {
      const local = ctx.deref(p.body.virtual_network_name);
      return local ? local.type === remote.type && local.name === remote.name : remoteName !== undefined && p.body.virtual_network_name === remoteName;
    };
    const reverse = ctx.resourcesOf('azurerm_virtual_network_peering').filter((p) => p.name !== ctx.name && p.body.allow_gateway_transit === true && onRemote(p));
    if (reverse.length === 0) return 'not-applicable';
    const text = JSON.stringify(body);
    const linked = (p: StackResource): boolean => dependsOn(body, p) || text.includes(`azurerm_virtual_network_peering.${p.name}.`) || text.includes(`azurerm_virtual_network_peering.${p.name}[`);
    if (reverse.some(linked)) return 'compliant';
    return fails('depends_on', `use_remote_gateways is true but nothing orders this peering after azurerm_virtual_network_peering.${reverse[0].name} (allow_gateway_transit = true): Terraform creates both at once and Azure may refuse this one. Fix: add azurerm_virtual_network_peering.${reverse[0].name} to depends_on`);
  },
});
