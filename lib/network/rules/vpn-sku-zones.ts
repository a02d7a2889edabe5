import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';
import { LEGACY_VPN_SKUS } from './vpn-sku-legacy';

/** A VPN gateway should use a zone-redundant AZ SKU. */
export const VPN_SKU_ZONES = defineRule({
  id: 'VPN-SKU-ZONES',
  level: RuleLevel.WARNING,
  description: 'A VPN gateway should use a zone-redundant AZ SKU with zone-redundant public IPs (non-AZ SKUs and zonal IPs survive no zone outage)',
  source: `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    const sku = body.sku;
    if (body.type !== 'Vpn' || typeof sku !== 'string' || isExpression(sku) || LEGACY_VPN_SKUS.includes(sku)) return 'not-applicable';
    return sku.endsWith('AZ') ? 'compliant' : fails('sku', `sku is ${JSON.stringify(sku)}, not zone-redundant. Fix: use ${sku}AZ with zone-redundant Standard public IPs`);
  },
});
