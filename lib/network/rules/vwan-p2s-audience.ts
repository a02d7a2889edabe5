import { AD, allBlocks, defineRule, fails, RuleLevel } from '../../core/rule';

/** The Microsoft-registered Azure VPN Client audience (every Azure cloud, Windows and macOS clients). */
export const AZURE_VPN_CLIENT_AUDIENCE = 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8';

/** Audiences of the older, manually registered Azure VPN Client app (Public, Government, Germany, 21Vianet). */
export const MANUALLY_REGISTERED_AUDIENCES = [
  '41b23e61-6c1e-4545-b367-cd054e0ed4b4',
  '51bb15d4-3a4f-4ebf-9dca-40096fe32426',
  '538ee9e6-310a-468d-afef-ea97365856a9',
  '49f817b6-84ae-4cc0-928c-73f27289b3aa',
];

export const VWAN_P2S_AUDIENCE = defineRule({
  id: 'VWAN-P2S-AUDIENCE',
  level: RuleLevel.WARNING,
  description: `Entra ID point-to-site should use the Microsoft-registered Azure VPN Client audience ${AZURE_VPN_CLIENT_AUDIENCE}, not the older manually registered app, which needs admin consent in every tenant`,
  source: `${AD} virtual-wan Entra ID point-to-site include, ms.date 05/26/2026, included by articles/virtual-wan/point-to-site-entra-gateway.md (Microsoft-registered App ID: "The audience value c632b3df-fb67-4d84-bdcf-b95ad541b5c8 applies to: Azure Public, Azure Government, Azure Germany, Microsoft Azure operated by 21Vianet"; "When you configure a P2S VPN gateway using the new Audience values, you skip the previously required Azure VPN Client app manual registration process"; "A P2S User VPN gateway can only support one Audience value.")`,
  types: ['azurerm_vpn_server_configuration'],
  check: (_type, body) => {
    const aad = allBlocks(body.azure_active_directory_authentication)[0];
    if (!aad) return 'not-applicable';
    return MANUALLY_REGISTERED_AUDIENCES.includes(String(aad.audience).toLowerCase())
      ? fails('azure_active_directory_authentication.audience', `audience ${String(aad.audience)} is the manually registered Azure VPN Client app (admin consent per tenant). Fix: use the Microsoft-registered audience ${AZURE_VPN_CLIENT_AUDIENCE} and re-issue the client profiles`)
      : 'compliant';
  },
});
