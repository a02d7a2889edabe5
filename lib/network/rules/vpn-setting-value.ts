import { defineRule, fails, isExpression, RuleLevel, TF } from '../../core/rule';

// The values azurerm 4.55 accepts (validation.StringInSlice, case-sensitive): `terraform validate`
// refuses anything else, and the library refuses it at synth. Source lines: see the rule's source.

/** `generation` of azurerm_virtual_network_gateway (None is for ExpressRoute gateways; the library builds Generation1 and Generation2 VPN gateways). */
export const GATEWAY_GENERATIONS: readonly string[] = ['Generation1', 'Generation2', 'None'];
/** `vpn_type` of azurerm_virtual_network_gateway. */
export const VPN_TYPES: readonly string[] = ['RouteBased', 'PolicyBased'];
/** `mode` of azurerm_virtual_network_gateway_nat_rule. */
export const NAT_RULE_MODES: readonly string[] = ['EgressSnat', 'IngressSnat'];
/** `type` of azurerm_virtual_network_gateway_nat_rule. */
export const NAT_RULE_TYPES: readonly string[] = ['Static', 'Dynamic'];
/** `connection_mode` of azurerm_virtual_network_gateway_connection. */
export const CONNECTION_MODES: readonly string[] = ['Default', 'InitiatorOnly', 'ResponderOnly'];

const ATTRIBUTES: Record<string, [string, readonly string[]][]> = {
  azurerm_virtual_network_gateway: [['generation', GATEWAY_GENERATIONS], ['vpn_type', VPN_TYPES]],
  azurerm_virtual_network_gateway_nat_rule: [['mode', NAT_RULE_MODES], ['type', NAT_RULE_TYPES]],
  azurerm_virtual_network_gateway_connection: [['connection_mode', CONNECTION_MODES]],
};

/** One of the listed values, case-sensitive, as azurerm checks it. */
export const VPN_SETTING_VALUE = defineRule({
  id: 'VPN-SETTING-VALUE',
  level: RuleLevel.ERROR,
  description: 'VPN gateway, NAT rule and connection settings take only the values azurerm accepts (case-sensitive): generation Generation1 or Generation2 (None is for ExpressRoute gateways), vpn_type RouteBased or PolicyBased, NAT rule mode EgressSnat or IngressSnat and type Static or Dynamic, connection_mode Default, InitiatorOnly or ResponderOnly',
  source: `${TF} internal/services/network/virtual_network_gateway_resource.go ("generation", "vpn_type": validation.StringInSlice); internal/services/network/virtual_network_gateway_nat_rule_resource.go ("mode", "type"); internal/services/network/virtual_network_gateway_connection_resource.go ("connection_mode")`,
  types: Object.keys(ATTRIBUTES),
  check: (type, body) => {
    for (const [attribute, allowed] of ATTRIBUTES[type] ?? []) {
      const value = body[attribute];
      if (value === undefined || value === null || isExpression(value)) continue;
      if (!allowed.includes(value)) return fails(attribute, `${attribute} is ${JSON.stringify(value)}, which azurerm refuses. Fix: use one of ${allowed.join(', ')}`);
    }
    return 'compliant';
  },
});
