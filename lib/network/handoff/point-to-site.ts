/** What the point-to-site runbook section reads (the gateway's resolved configuration). */
export interface PointToSiteHandoff {
  readonly gatewayName: string;
  readonly resourceGroupName: string;
  readonly protocols: string[];
  readonly authTypes: string[];
  readonly clientAddressPool: string[];
  readonly customRoutes: string[];
  readonly dnsServers: string[];
  readonly entraTenantId?: string;
  readonly entraAudience?: string;
}

/**
 * The runbook section of point-to-site VPN (pure): how users get and import the client profile.
 * Sources (MicrosoftDocs/azure-docs): articles/vpn-gateway/point-to-site-entra-gateway.md,
 * point-to-site-entra-vpn-client-windows.md (import in the Azure VPN Client),
 * azure-vpn-client-optional-configurations.md (`<dnsservers>` in azurevpnconfig.xml),
 * vpn-gateway-howto-point-to-site-resource-manager-portal.md (certificates, IKEv2 native clients).
 */
export function renderPointToSiteHandoff(p: PointToSiteHandoff): string {
  const lines = [
    `- Protocols: ${p.protocols.join(', ')}; authentication: ${p.authTypes.map((a) => (a === 'AAD' ? 'Microsoft Entra ID' : 'certificate')).join(' and ')}.`,
    `- Client address pool: ${p.clientAddressPool.map((c) => `\`${c}\``).join(', ')} (claimed in the address plan: on-premises firewalls that filter by source must allow it).`,
  ];
  if (p.customRoutes.length > 0) lines.push(`- Custom routes pushed to clients: ${p.customRoutes.map((c) => `\`${c}\``).join(', ')}.`);
  if (p.entraTenantId !== undefined) {
    lines.push(`- Entra ID: tenant \`${p.entraTenantId}\`, audience \`${p.entraAudience}\`${p.entraAudience === 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8' ? ' (the Microsoft-registered Azure VPN Client: no app registration, no per-tenant consent)' : ' (a custom app registration: grant it to the users)'}.`);
  }
  lines.push(
    '',
    '**Client profile (once after apply, again after any change of the settings above):**',
    '',
    '```sh',
    `az network vnet-gateway vpn-client generate --resource-group ${p.resourceGroupName} --name ${p.gatewayName} --authentication-method EAPTLS --output tsv   # prints a URL to the profile zip`,
    '```',
    '',
    p.authTypes.includes('AAD')
      ? '- Entra ID users: install the Azure VPN Client (Windows from the Microsoft Store, macOS from the App Store, Linux package), then **Import** `AzureVPN/azurevpnconfig.xml` from the zip (or push it with Intune); sign in with the Entra account on Connect.'
      : '- Certificate users: install a client certificate issued by the uploaded root (with its private key) on each device.',
  );
  if (p.authTypes.includes('Certificate')) {
    lines.push('- Certificate users: OpenVPN clients import `OpenVPN/vpnconfig.ovpn` (fill in the client certificate and key); IKEv2 users run the native client package from `WindowsAmd64/` or configure macOS/iOS from `Generic/VpnSettings.xml`.');
  }
  if (p.dnsServers.length > 0) {
    lines.push(
      `- DNS: the gateway has no DNS setting for clients. Before distributing \`azurevpnconfig.xml\`, add the servers inside \`<clientconfig>\` so that private endpoints resolve for remote users:`,
      '',
      '```xml',
      '<clientconfig>',
      '  <dnsservers>',
      ...p.dnsServers.map((d) => `    <dnsserver>${d}</dnsserver>`),
      '  </dnsservers>',
      '</clientconfig>',
      '```',
      '',
      '  (IKEv2 and OpenVPN clients receive the hub network\'s DNS servers only when the virtual network has custom DNS servers.)',
    );
  }
  lines.push('- Check: connected clients `az network vnet-gateway vpn-client show-health` and the P2SDiagnosticLog category in Log Analytics.');
  return lines.join('\n');
}
