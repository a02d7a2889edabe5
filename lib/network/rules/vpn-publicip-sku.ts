import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

/** Public IPs of a virtual network gateway: Standard SKU (azurerm 4 default) and Static allocation. */
export const VPN_PUBLICIP_SKU = defineRule({
  id: 'VPN-PUBLICIP-SKU',
  level: RuleLevel.ERROR,
  description: 'Gateway public IPs must be Standard SKU with static allocation',
  source: `${AD} vpn-gateway/vpn-gateway-vpn-faq.md`,
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    if (ctx.referrers('azurerm_virtual_network_gateway').length === 0) return 'not-applicable';
    return publicIpSkuProblem(body, 'a virtual network gateway') ?? 'compliant';
  },
});

/** The SKU / allocation problem of a public IP body, if any. */
export function publicIpSkuProblem(body: Record<string, any>, user: string) {
  const sku = body.sku;
  if (sku !== undefined && sku !== null && !isExpression(sku) && sku !== 'Standard') {
    return fails('sku', `sku is ${JSON.stringify(sku)}: ${user} needs a Standard public IP. Fix: set sku Standard (the azurerm 4 default) and allocation_method Static`);
  }
  const alloc = body.allocation_method;
  if (!isExpression(alloc) && alloc !== 'Static') {
    return fails('allocation_method', `allocation_method is ${JSON.stringify(alloc)}: a Standard public IP is allocated statically. Fix: set allocation_method Static`);
  }
  return undefined;
}
