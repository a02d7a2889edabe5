import { allBlocks, defineRule, fails, isExpression, RuleLevel, TF } from '../../core/rule';

/**
 * An ExpressRoute gateway with a public IP of the customer's own. Since mid-2025 Azure assigns
 * and manages the public IP of a new ExpressRoute gateway itself (research.md section 11):
 * where it does, a `public_ip_address_id` given at creation is ignored and never read back, so
 * `ip_configuration` (ForceNew) differs on every plan and Terraform wants to replace the gateway;
 * azurerm 4.59.0 and later refuse the attribute on ExpressRoute gateways at plan time.
 */
export const ER_GATEWAY_PUBLICIP_CUSTOMER = defineRule({
  id: 'ER-GATEWAY-PUBLICIP-CUSTOMER',
  level: RuleLevel.WARNING,
  description: 'A new ExpressRoute gateway should not be given a public IP of its own: Azure assigns and manages it (Auto-Assigned Public IP); where it does, a public_ip_address_id is ignored, never read back, and every plan replaces the gateway (azurerm 4.59+ refuses it)',
  source: `${TF} internal/services/network/virtual_network_gateway_resource.go (ip_configuration ForceNew; public_ip_address_id Optional, flattened only when Azure returns it); azurerm PR #31084 (v4.59.0: "Since Aug 2025, newly created azurerm_virtual_network_gateway resource no longer returns public_ip_address_id when type is set to ExpressRoute", and CustomizeDiff refuses it); MicrosoftDocs/azure-docs expressroute/expressroute-about-virtual-network-gateways.md ("Auto-Assigned Public IP"); Azure/Azure-Landing-Zones#2376 (not idempotent, 500 on apply)`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    if (body.type !== 'ExpressRoute') return 'not-applicable';
    if (isExpression(body.ip_configuration)) return 'not-applicable';
    const withIp = allBlocks(body.ip_configuration).find((c) => c.public_ip_address_id !== undefined && c.public_ip_address_id !== null && c.public_ip_address_id !== '');
    return withIp
      ? fails('ip_configuration.public_ip_address_id', 'the ExpressRoute gateway is given a public IP of its own; where Azure assigns it (new gateways since mid-2025) it is ignored and every plan replaces the gateway. Fix: leave public_ip_address_id out (ExpressRouteGatewayPublicIp.azureManaged(), the default); keep it only for a gateway created with it before Azure-managed IPs reached its region, and acknowledge this rule with that reason')
      : 'compliant';
  },
});
