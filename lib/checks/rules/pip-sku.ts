import { HybridRule } from '../rule';
import { publicIpSkuProblem } from './vpn-publicip-sku';

/** Any other public IP: Standard + Static (gateway IPs are reported as VPN-PUBLICIP-SKU). */
export const PIP_SKU: HybridRule = {
  id: 'PIP-SKU',
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    if (ctx.referrers('azurerm_virtual_network_gateway').length > 0) return 'not-applicable';
    return publicIpSkuProblem(body, 'Azure (Basic retired on 2025-09-30)') ?? 'compliant';
  },
};
