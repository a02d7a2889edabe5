import { AD, allBlocks, defineRule, fails, isExpression, RuleLevel, TF } from '../../core/rule';

/** Entra ID point-to-site on a VPN gateway: OpenVPN only, with tenant, issuer and audience. */
export const VPN_P2S_ENTRA = defineRule({
  id: 'VPN-P2S-ENTRA',
  level: RuleLevel.ERROR,
  description: 'Point-to-site with Microsoft Entra ID (AAD) authentication on a VPN gateway needs the OpenVPN protocol only, and aad_tenant, aad_issuer and aad_audience',
  source: `${AD} articles/vpn-gateway/point-to-site-about.md ("Microsoft Entra ID authentication is supported only for the OpenVPN protocol"); ${AD} articles/vpn-gateway/point-to-site-entra-gateway.md (Microsoft-registered Azure VPN Client audience c632b3df-fb67-4d84-bdcf-b95ad541b5c8); ${TF} website/docs/r/virtual_network_gateway.html.markdown (vpn_client_configuration: aad_tenant, aad_audience, aad_issuer, vpn_client_protocols, vpn_auth_types)`,
  types: ['azurerm_virtual_network_gateway'],
  check: (_type, body) => {
    const config = allBlocks(body.vpn_client_configuration)[0];
    if (!config) return 'not-applicable';
    const auth = config.vpn_auth_types;
    const entra = config.aad_tenant !== undefined || (Array.isArray(auth) && auth.includes('AAD'));
    if (!entra) return 'not-applicable';
    const protocols = config.vpn_client_protocols;
    if (!Array.isArray(protocols) || protocols.some((p) => !isExpression(p) && p !== 'OpenVPN')) {
      return fails('vpn_client_configuration.0.vpn_client_protocols', 'Entra ID (AAD) authentication works over OpenVPN only, and the protocols are not ["OpenVPN"]. Fix: vpn_client_protocols = ["OpenVPN"] (add a second gateway-level protocol only with certificate authentication and no Entra ID)');
    }
    if (config.aad_tenant === undefined || config.aad_issuer === undefined || config.aad_audience === undefined) {
      return fails('vpn_client_configuration.0.aad_tenant', 'Entra ID authentication without aad_tenant, aad_issuer and aad_audience. Fix: give all three');
    }
    return 'compliant';
  },
});
