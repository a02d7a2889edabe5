import { AD, defineRule, RuleLevel } from '../../core/rule';
import { publicIpSkuProblem } from './vpn-publicip-sku';

/** Any other public IP: Standard + Static (gateway IPs are reported as VPN-PUBLICIP-SKU). */
export const PIP_SKU = defineRule({
  id: 'PIP-SKU',
  level: RuleLevel.ERROR,
  description: 'Public IPs must be Standard SKU with static allocation (Basic public IPs retired on 2025-09-30)',
  source: `${AD} virtual-network/ip-services/public-ip-basic-upgrade-guidance.md`,
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    if (ctx.referrers('azurerm_virtual_network_gateway').length > 0) return 'not-applicable';
    return publicIpSkuProblem(body, 'Azure (Basic retired on 2025-09-30)') ?? 'compliant';
  },
});
