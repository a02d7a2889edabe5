import { AD, allBlocks, defineRule, fails, isExpression, RuleLevel, TF } from '../../core/rule';

/** Microsoft Entra ID authentication works over OpenVPN only, with tenant, issuer and audience. */
export const VWAN_P2S_ENTRA = defineRule({
  id: 'VWAN-P2S-ENTRA',
  level: RuleLevel.ERROR,
  description: 'Point-to-site with Microsoft Entra ID (AAD) authentication needs the OpenVPN protocol only, and an azure_active_directory_authentication block (tenant, issuer, audience)',
  source: `${AD} articles/vpn-gateway/point-to-site-about.md ("Microsoft Entra ID authentication is supported only for the OpenVPN protocol. To authenticate and connect, clients must use the Azure VPN Client."); ${TF} website/docs/r/vpn_server_configuration.html.markdown ("When vpn_authentication_types contains AAD the following arguments are supported")`,
  types: ['azurerm_vpn_server_configuration'],
  check: (_type, body) => {
    const auth = body.vpn_authentication_types;
    if (!Array.isArray(auth) || !auth.includes('AAD')) return 'not-applicable';
    const protocols = body.vpn_protocols;
    if (protocols === undefined || (Array.isArray(protocols) && protocols.some((p) => !isExpression(p) && p !== 'OpenVPN'))) {
      return fails('vpn_protocols', 'Entra ID (AAD) authentication works over OpenVPN only, and the protocols are not ["OpenVPN"]. Fix: vpn_protocols = ["OpenVPN"]');
    }
    if (allBlocks(body.azure_active_directory_authentication).length === 0) {
      return fails('azure_active_directory_authentication', 'AAD authentication without tenant, issuer and audience. Fix: add an azure_active_directory_authentication block');
    }
    return 'compliant';
  },
});
