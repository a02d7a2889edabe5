import { fails, HybridRule, isExpression } from '../rule';
import { LEGACY_VPN_SKUS } from './vpn-sku-legacy';

/** A VPN gateway should use a zone-redundant AZ SKU. */
export const VPN_SKU_ZONES: HybridRule = {
  id: 'VPN-SKU-ZONES',
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    const sku = body.sku;
    if (body.type !== 'Vpn' || typeof sku !== 'string' || isExpression(sku) || LEGACY_VPN_SKUS.includes(sku)) return 'not-applicable';
    return sku.endsWith('AZ') ? 'compliant' : fails('sku', `sku is ${JSON.stringify(sku)}, not zone-redundant. Fix: use ${sku}AZ with zone-redundant Standard public IPs`);
  },
};
