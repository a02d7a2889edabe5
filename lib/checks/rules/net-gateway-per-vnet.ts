/** Moved to lib/network/rules (the gateway constructs refuse it through the same rule object). */
export { NET_GATEWAY_PER_VNET } from '../../network/rules/net-gateway-per-vnet';
