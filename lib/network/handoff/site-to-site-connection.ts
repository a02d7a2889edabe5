/** An IPsec/IKE policy, every value rendered for display. */
export interface PolicyRows {
  readonly ikeEncryption: string;
  readonly ikeIntegrity: string;
  readonly dhGroup: string;
  readonly ipsecEncryption: string;
  readonly ipsecIntegrity: string;
  readonly pfsGroup: string;
  readonly saLifetimeSeconds: string;
  readonly saDataSizeKilobytes: string;
}

/** What a site's runbook section reads (values already rendered for display). */
export interface SiteHandoff {
  /** `public IP `x``, `private IP `x`` or `FQDN `x``. */
  readonly device: string;
  /** The circuit the tunnel runs over (ExpressRoute private peering), if any. */
  readonly overExpressRoute?: string;
  readonly activeActive: boolean;
  readonly publicIpsOutputName?: string;
  readonly keyWhereToFindIt: string;
  readonly policy?: PolicyRows;
  readonly dpdTimeoutSeconds: string;
  readonly bgp?: { readonly asn: string; readonly peer: string; readonly azureAsn: string; readonly azurePeersOutputName?: string; readonly customAddresses: string[] };
  /** Prefixes of the local network gateway (static routes, or the BGP peer's /32). */
  readonly localPrefixes: string[];
  readonly policyBasedTrafficSelectors: boolean;
  readonly connectionName: string;
  readonly resourceGroupName: string;
}

/** The runbook section of an on-premises site (pure). */
export function renderSiteHandoff(s: SiteHandoff): string {
  const ips = s.publicIpsOutputName ? ` (\`terraform output -json ${s.publicIpsOutputName}\`)` : " (the existing gateway's public IPs)";
  // Over ExpressRoute private peering the tunnels end on the gateway's private IPs (site-to-site-vpn-private-peering.md).
  const endpoints = s.overExpressRoute
    ? `${s.activeActive ? 'two tunnels, one to each Azure private IP' : 'one tunnel to the Azure private IP'} over ExpressRoute circuit \`${s.overExpressRoute}\`: \`az network vnet-gateway show -g ${s.resourceGroupName} -n <gateway> --query "bgpSettings.bgpPeeringAddresses[].tunnelIpAddresses"\` lists them (the private ones are in the hub's GatewaySubnet); ping them from the device over the circuit first`
    : `${s.activeActive ? 'two tunnels, one to each Azure public IP' : 'one tunnel'}${ips}`;
  const lines = [
    `- Device: ${s.device}. Build ${endpoints}.`,
    `- Pre-shared key: ${s.keyWhereToFindIt}.`,
    '- IKE version: **IKEv2**.',
  ];
  const p = s.policy;
  if (p) {
    lines.push(
      '- IPsec/IKE policy (configure exactly this on the device; Azure offers nothing else):',
      '',
      '  | phase | setting | value |',
      '  | --- | --- | --- |',
      `  | IKE (phase 1) | encryption | ${p.ikeEncryption} |`,
      `  | IKE (phase 1) | integrity / PRF | ${p.ikeIntegrity} |`,
      `  | IKE (phase 1) | DH group | ${p.dhGroup} |`,
      '  | IKE (phase 1) | SA lifetime | 28800 s (fixed by Azure) |',
      `  | IPsec (phase 2) | encryption | ${p.ipsecEncryption} |`,
      `  | IPsec (phase 2) | integrity | ${p.ipsecIntegrity} |`,
      `  | IPsec (phase 2) | PFS group | ${p.pfsGroup} |`,
      `  | IPsec (phase 2) | SA lifetime | ${p.saLifetimeSeconds} s / ${p.saDataSizeKilobytes} KB |`,
      '',
    );
  } else {
    lines.push("- IPsec/IKE policy: Azure's default proposals (see Azure's list of default IPsec/IKE parameters).");
  }
  lines.push(`- Dead peer detection: ${s.dpdTimeoutSeconds} s.`);
  const prefixes = s.localPrefixes.map((a) => `\`${a}\``).join(', ');
  if (s.bgp) {
    lines.push(`- BGP: on-premises ASN **${s.bgp.asn}**, peer address \`${s.bgp.peer}\`; Azure ASN **${s.bgp.azureAsn}**, Azure peer addresses ${s.bgp.azurePeersOutputName ? `\`terraform output -json ${s.bgp.azurePeersOutputName}\`` : "(the existing gateway's BGP settings)"}.`);
    if (s.bgp.customAddresses.length > 0) lines.push(`- Azure peers from its custom APIPA addresses: \`${s.bgp.customAddresses.join('`, `')}\`.`);
    lines.push(`- Routes are learned over BGP; the local network gateway holds ${prefixes || 'no prefixes'}.`);
  } else {
    // m7: these are the on-premises prefixes Azure routes into the tunnel; without BGP Azure advertises nothing.
    lines.push(`- Static routing: Azure routes traffic for ${prefixes} into this tunnel (Azure advertises nothing without BGP). On the device, route the Azure address space (hub and spokes) into the tunnel.`);
  }
  if (s.policyBasedTrafficSelectors) lines.push('- Policy-based traffic selectors are on: the device must propose exactly the on-premises and Azure prefixes.');
  lines.push(`- Check: \`az network vpn-connection show --name ${s.connectionName} --resource-group ${s.resourceGroupName} --query connectionStatus\` says \`Connected\`.`);
  return lines.join('\n');
}
