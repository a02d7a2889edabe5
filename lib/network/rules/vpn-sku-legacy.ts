import { AD, defineRule, fails, RuleLevel, TF } from '../../core/rule';

/**
 * The VPN gateway SKUs Azure no longer creates: the one list (the constructs refuse them on
 * props, this rule on the final body). UltraPerformance is not here: it was never a VPN SKU,
 * only an ExpressRoute one (the provider accepts it only for `type = "ExpressRoute"`:
 * validateVirtualNetworkGatewayExpressRouteSku; the route-based VPN lists are Basic, Standard,
 * HighPerformance and VpnGw1-5[AZ]), so a VPN gateway with it is VPN-SKU-UNKNOWN.
 */
export const LEGACY_VPN_SKUS: readonly string[] = ['Basic', 'Standard', 'HighPerformance', 'VpnGw1', 'VpnGw2', 'VpnGw3', 'VpnGw4', 'VpnGw5'];

/** Legacy VPN gateway SKUs are refused (ExpressRoute gateways keep their own SKU names). */
export const VPN_SKU_LEGACY = defineRule({
  id: 'VPN-SKU-LEGACY',
  level: RuleLevel.ERROR,
  description: 'Basic, Standard and HighPerformance VPN gateway SKUs cannot be created (legacy, blocked since 2023-12-01; Basic lacks BGP, zones and active-active), nor the non-AZ VpnGw1-VpnGw5 (no new ones since 2025-01-01, retired 2026-09-30: use VpnGw1AZ-VpnGw5AZ)',
  source: `${AD} includes/vpn-gateway-deprecate-sku-faq.md; ${AD} articles/vpn-gateway/gateway-sku-consolidation.md (learn.microsoft.com/azure/vpn-gateway/gateway-sku-consolidation: VpnGw1-5 non-AZ SKUs cannot be created from 2025-01-01 and are migrated to AZ SKUs, retirement 2026-09-30); azure.microsoft.com/updates/v2/vpngw1-5-non-az-skus-will-be-retired-on-30-september-2026; ${TF} internal/services/network/virtual_network_gateway_resource.go (validateVirtualNetworkGatewayRouteBasedVpnSkuGeneration1)`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    if (body.type !== 'Vpn') return 'not-applicable';
    return LEGACY_VPN_SKUS.includes(body.sku)
      ? fails('sku', `sku is ${JSON.stringify(body.sku)}, a legacy VPN gateway SKU Azure no longer creates. Fix: use VpnGw2AZ (or another VpnGwNAZ)`)
      : 'compliant';
  },
});
