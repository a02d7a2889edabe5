/** What the VPN gateway's runbook section reads (the construct's public fields). */
export interface VpnGatewayHandoff {
  readonly skuName: string;
  readonly activeActive: boolean;
  readonly bgpEnabled: boolean;
  readonly asn: string;
  readonly apipaAddresses: string[][];
  readonly publicIpsOutputName?: string;
  readonly bgpPeeringAddressesOutputName?: string;
  readonly siteIds: string[];
}

/** The runbook section of a VPN gateway (pure). */
export function renderVpnGatewayHandoff(g: VpnGatewayHandoff): string {
  const lines = [
    `- SKU **${g.skuName}**, ${g.activeActive ? '**active-active**: build one tunnel to each of the two public IPs, from each on-premises device' : 'active-standby: one public IP'}.`,
    `- Public IPs: \`terraform output -json ${g.publicIpsOutputName}\``,
  ];
  if (g.bgpEnabled) {
    lines.push(`- BGP: Azure ASN **${g.asn}**; Azure's BGP peer addresses: \`terraform output -json ${g.bgpPeeringAddressesOutputName}\``);
    g.apipaAddresses.forEach((list, i) => {
      if (list.length > 0) lines.push(`- Custom APIPA BGP addresses of instance ${i + 1}: ${list.map((a) => `\`${a}\``).join(', ')}`);
    });
    lines.push("- The on-premises BGP speaker needs eBGP multihop (the peers are not directly connected) and must not advertise Azure's own prefixes back.");
  } else {
    lines.push('- BGP is off: routes are static; every on-premises prefix must be listed on its site.');
  }
  lines.push(`- Sites: ${g.siteIds.length === 0 ? 'none yet' : g.siteIds.join(', ')} (one section each below).`);
  return lines.join('\n');
}
