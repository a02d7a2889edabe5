import { AD, allBlocks, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';
import { LEGACY_VPN_SKUS } from './vpn-sku-legacy';

/**
 * An AZ-SKU VPN gateway should be zone-redundant: public IPs in one zone make a zonal gateway
 * that a zone outage takes down. (Non-AZ SKUs are refused outright by VPN-SKU-LEGACY since they
 * can no longer be created.)
 */
export const VPN_SKU_ZONES = defineRule({
  id: 'VPN-SKU-ZONES',
  level: RuleLevel.WARNING,
  description: 'A VPN gateway should be zone-redundant: an AZ SKU whose public IPs span zones 1, 2 and 3 (public IPs in a single zone make a zonal gateway that survives no zone outage)',
  source: `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body, ctx) => {
    const sku = body.sku;
    if (body.type !== 'Vpn' || typeof sku !== 'string' || isExpression(sku) || LEGACY_VPN_SKUS.includes(sku) || !sku.endsWith('AZ')) return 'not-applicable';
    const configs = allBlocks(body.ip_configuration);
    const zonal = configs.map((c) => ctx.deref(c.public_ip_address_id)).find((ip) => Array.isArray(ip?.body.zones) && ip!.body.zones.length === 1);
    return zonal
      ? fails('ip_configuration.public_ip_address_id', `public IP ${zonal.type}.${zonal.name} is in zone ${zonal.body.zones[0]} only, which makes a zonal gateway. Fix: zones ["1", "2", "3"] on every gateway public IP`)
      : 'compliant';
  },
});
