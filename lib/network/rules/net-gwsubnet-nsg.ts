import { allBlocks, defineRule, fails, RuleLevel } from '../../core/rule';

const GATEWAY_SUBNET_ID = /\/subnets\/GatewaySubnet$/;

/** No NSG on GatewaySubnet: through an association resource, or an inline subnet of a virtual network. */
export const NET_GWSUBNET_NSG = defineRule({
  id: 'NET-GWSUBNET-NSG',
  level: RuleLevel.ERROR,
  description: 'No network security group may be associated with GatewaySubnet',
  source: 'MicrosoftDocs/architecture-center troubleshoot-vpn-content.md',
  types: ['azurerm_subnet_network_security_group_association', 'azurerm_virtual_network'],
  check: (type, body, ctx) => {
    if (type === 'azurerm_virtual_network') {
      const i = allBlocks(body.subnet).findIndex((s) => s.name === 'GatewaySubnet' && s.security_group);
      return i < 0 ? 'compliant' : fails(`subnet.${i}.security_group`, 'the inline GatewaySubnet has a network security group. Fix: remove it; filter traffic on the other subnets');
    }
    const subnetId = body.subnet_id;
    const subnet = ctx.deref(subnetId);
    const isGateway = subnet ? subnet.body.name === 'GatewaySubnet' : typeof subnetId === 'string' && GATEWAY_SUBNET_ID.test(subnetId);
    return isGateway
      ? fails('subnet_id', `a network security group is associated with GatewaySubnet${subnet ? ` (${subnet.type}.${subnet.name})` : ''}. Fix: remove the association; filter traffic on the other subnets`)
      : 'compliant';
  },
});
