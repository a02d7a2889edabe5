import { defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

const APRL = 'Azure/Azure-Proactive-Resiliency-Library-v2';
import { usedByAzGateway } from './vpn-publicip-zones';

/** A Standard public IP should be zone-redundant (IPs of AZ-SKU gateways: VPN-PUBLICIP-ZONES). */
export const PIP_ZONES = defineRule({
  id: 'PIP-ZONES',
  level: RuleLevel.WARNING,
  description: 'A Standard public IP should be zone-redundant (zones 1, 2 and 3) where the region has availability zones',
  source: `${APRL} azure-resources/Network/publicIPAddresses`,
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    if ((body.sku !== undefined && body.sku !== 'Standard') || usedByAzGateway(ctx)) return 'not-applicable';
    const zones = body.zones;
    if (isExpression(zones) || (Array.isArray(zones) && (zones.length >= 3 || zones.some(isExpression)))) return 'compliant';
    const given = Array.isArray(zones) && zones.length > 0 ? `zones is ${JSON.stringify(zones)}` : 'no zones are set';
    return fails('zones', `${given}: the IP is not zone-redundant. Fix: set zones ["1", "2", "3"] in regions with availability zones`);
  },
});
