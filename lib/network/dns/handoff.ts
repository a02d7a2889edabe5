import { PrivateLinkZones } from './private-link-zones';

/**
 * The on-premises DNS hand-off of a DNS Private Resolver (pure: reads only what it is given):
 * per private-link zone, the conditional forwarder to the inbound endpoint as Windows DNS Server
 * PowerShell and as BIND configuration, and a test. On-premises servers forward the PUBLIC zone
 * (`file.core.windows.net`), which Azure answers with a CNAME into the privatelink zone
 * (azure-docs private-link/private-endpoint-dns.md, "On-premises workloads using a DNS forwarder").
 */
export function renderOnPremisesDns(inboundIp: string, zoneNames: readonly string[], forwardedDomains: { [domain: string]: string[] }): string {
  const forwarders = [...new Set(zoneNames.map((z) => PrivateLinkZones.forwarderZoneOf(z)))].sort();
  const lines = [
    `The Azure DNS Private Resolver's inbound endpoint answers at \`${inboundIp}\` (UDP and TCP 53). It resolves the`,
    'private-link zones linked to the hub. On every on-premises DNS server, add one conditional forwarder per zone below',
    '(and allow DNS from the DNS servers to that address through the VPN or ExpressRoute and the hub firewall).',
    '',
    '| private-link zone | conditional forwarder (on-premises) | forwards to |',
    '| --- | --- | --- |',
    ...zoneNames.map((z) => `| ${z} | ${PrivateLinkZones.forwarderZoneOf(z)} | ${inboundIp} |`),
    '',
    'Windows DNS Server (run once per forest on a domain controller):',
    '',
    '```powershell',
    ...forwarders.map((f) => `Add-DnsServerConditionalForwarderZone -Name "${f}" -MasterServers ${inboundIp} -ReplicationScope "Forest"`),
    '```',
    '',
    'BIND (`named.conf`):',
    '',
    '```',
    ...forwarders.map((f) => `zone "${f}" { type forward; forward only; forwarders { ${inboundIp}; }; };`),
    '```',
    '',
    'Test from an on-premises client (each must answer a private address of the hub or a spoke, not a public one):',
    '',
    '```',
    ...(forwarders.includes('file.core.windows.net') ? ['nslookup <share account>.file.core.windows.net'] : []),
    ...forwarders.filter((f) => f !== 'file.core.windows.net').map((f) => `nslookup <resource>.${f}`),
    '```',
  ];
  const domains = Object.entries(forwardedDomains);
  if (domains.length > 0) {
    lines.push(
      '',
      'Azure resolves these on-premises domains through the outbound endpoint (the on-premises DNS servers must accept',
      'queries from the hub\'s outbound subnet):',
      '',
      '| domain | on-premises DNS servers |',
      '| --- | --- |',
      ...domains.map(([d, servers]) => `| ${d} | ${servers.join(', ')} |`),
    );
  }
  return lines.join('\n');
}
