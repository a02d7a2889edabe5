import { AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';

/** NSG flow logs cannot be created since 2025-06-30; virtual network flow logs replace them. */
export const NET_NSG_FLOW_LOG = defineRule({
  id: 'NET-NSG-FLOW-LOG',
  level: RuleLevel.ERROR,
  description: 'Flow logs target a virtual network, not a network security group: Azure refuses new NSG flow logs since 2025-06-30 and retires them on 2027-09-30',
  source: `${AD} network-watcher/nsg-flow-logs-overview.md ("After June 30, 2025, you can no longer create new NSG flow logs"); ${TF} internal/services/network/network_watcher_flow_log_resource.go (network_security_group_id deprecated for target_resource_id)`,
  types: ['azurerm_network_watcher_flow_log'],
  check: (_type, body) => {
    if (body.network_security_group_id !== undefined) return fails('network_security_group_id', 'a flow log on a network security group: Azure no longer creates them. Fix: target_resource_id = the virtual network (a VNet flow log)');
    const target = body.target_resource_id;
    if (typeof target !== 'string' || target.includes('${')) return typeof target === 'string' && /azurerm_network_security_group\./.test(target) ? fails('target_resource_id', 'the flow log targets a network security group. Fix: target the virtual network') : 'not-applicable';
    return /\/networkSecurityGroups\//i.test(target) ? fails('target_resource_id', `${target} is a network security group: Azure no longer creates NSG flow logs. Fix: target the virtual network`) : 'compliant';
  },
});
