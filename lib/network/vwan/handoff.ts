// Runbook Markdown of the Virtual WAN constructs: pure functions of what the constructs hand over.

/** One link of a branch connection, for the branch device configuration. */
export interface LinkHandoff {
  readonly name: string;
  readonly bgp: boolean;
  readonly keyWhereToFindIt: string;
  readonly policy: string;
}

/** What the branch team needs for one site. */
export interface SiteConnectionHandoff {
  readonly site: string;
  readonly hubAsn: string;
  readonly publicIpsOutputName: string;
  readonly bgpPeeringAddressesOutputName: string;
  readonly gate?: string;
  readonly links: LinkHandoff[];
  readonly addressSpaces: string[];
}

/** The branch device configuration, per link: both hub instances, BGP, IPsec, the key. */
export function renderSiteConnectionHandoff(h: SiteConnectionHandoff): string {
  const lines = [
    `Configure the device(s) of branch \`${h.site}\`. The hub VPN gateway is active-active: every link builds **two tunnels**, one to each instance.`,
    '',
    `- Hub public IPs (instance 0, instance 1): \`terraform output -json ${h.publicIpsOutputName}\``,
    `- Hub BGP peers (instance 0, instance 1), ASN ${h.hubAsn}: \`terraform output -json ${h.bgpPeeringAddressesOutputName}\``,
    h.addressSpaces.length > 0 ? `- Static prefixes the hub routes to this branch: ${h.addressSpaces.map((a) => `\`${a}\``).join(', ')}` : '- Prefixes: learned over BGP',
    '',
    '| link | tunnels | BGP | IPsec/IKE | pre-shared key |',
    '| --- | --- | --- | --- | --- |',
    ...h.links.map((l) => `| ${l.name} | to instance 0 and instance 1 | ${l.bgp ? `yes: peer with both hub BGP addresses (eBGP multihop, source your BGP address)` : 'no (static)'} | ${l.policy} | ${l.keyWhereToFindIt.replace(/\|/g, '\\|')} |`),
  ];
  if (h.gate) lines.push('', `The connection waits behind gate \`${h.gate}\`: open it (see Phases) once the device is configured.`);
  return lines.join('\n');
}

/** What the runbook says about a hub VPN gateway. */
export interface HubVpnGatewayHandoff {
  readonly path: string;
  readonly scaleUnits: string;
  readonly publicIpsOutputName: string;
  readonly bgpPeeringAddressesOutputName: string;
  readonly connectionIds: string[];
}

export function renderHubVpnGatewayHandoff(h: HubVpnGatewayHandoff): string {
  return [
    `Virtual WAN site-to-site gateway, ${h.scaleUnits} scale unit(s) (500 Mbps each), two instances.`,
    `Public IPs: \`terraform output -json ${h.publicIpsOutputName}\`; BGP peers: \`terraform output -json ${h.bgpPeeringAddressesOutputName}\`.`,
    `Branches: ${h.connectionIds.length > 0 ? h.connectionIds.join(', ') : 'none yet'}. Check tunnels with \`az network vpn-gateway connection show\` and the TunnelDiagnosticLog.`,
  ].join('\n');
}

/** What the runbook says about a point-to-site gateway. */
export interface PointToSiteHandoff {
  readonly path: string;
  readonly entraTenant?: string;
  readonly audience?: string;
  readonly certificates: string[];
  readonly pools: string[];
  readonly resourceGroup: string;
}

export function renderPointToSiteHandoff(h: PointToSiteHandoff): string {
  return [
    `User VPN (point-to-site) on \`${h.path}\`. Client pools: ${h.pools.map((p) => `\`${p}\``).join(', ')}.`,
    h.entraTenant ? `- Entra ID: tenant \`${h.entraTenant}\`, audience \`${h.audience}\` (Microsoft-registered Azure VPN Client: no app registration or consent). Users connect with the Azure VPN Client (Windows, macOS); assign access with Conditional Access.` : '- Entra ID: not configured.',
    h.certificates.length > 0 ? `- Certificates: root(s) ${h.certificates.map((c) => `\`${c}\``).join(', ')}; issue client certificates from them and keep the root private key offline.` : '- Certificates: none.',
    `- Download the client profile: \`az network p2s-vpn-gateway vpn-client generate-vpn-profile -g ${h.resourceGroup} -n <gateway> --authentication-method EAPTLS\` (or the portal, User VPN configurations).`,
  ].join('\n');
}
