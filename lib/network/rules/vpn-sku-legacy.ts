import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

export const LEGACY_VPN_SKUS = ['Basic', 'Standard', 'HighPerformance'];

/** Legacy VPN gateway SKUs are refused (ExpressRoute gateways keep their own SKU names). */
export const VPN_SKU_LEGACY = defineRule({
  id: 'VPN-SKU-LEGACY',
  level: RuleLevel.ERROR,
  description: 'Basic, Standard and HighPerformance VPN gateway SKUs cannot be created (legacy, blocked since 2023-12-01; Basic lacks BGP, zones and active-active)',
  source: `${AD} includes/vpn-gateway-deprecate-sku-faq.md`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    if (body.type !== 'Vpn') return 'not-applicable';
    return LEGACY_VPN_SKUS.includes(body.sku)
      ? fails('sku', `sku is ${JSON.stringify(body.sku)}, a legacy VPN gateway SKU Azure no longer creates. Fix: use VpnGw2AZ (or another VpnGwNAZ)`)
      : 'compliant';
  },
});
