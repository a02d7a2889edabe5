import { Token } from 'cdktf';
import { cidrOverlaps, isIpv4Address, isNetworkCidr, literalRanges, networkAddress, parseCidr } from './cidr';
import { ProblemCollector } from './errors';
import { NET_ADDRESS_RESERVED, NET_CIDR_INVALID, NET_DNS_SERVERS } from './rules';

/**
 * Records `NET-CIDR-INVALID` for each value that is not a network CIDR (tokens are skipped);
 * true when every literal value is valid. Shared by every construct that takes prefixes.
 */
export function checkCidrs(problems: ProblemCollector, prop: string, cidrs: readonly string[]): boolean {
  // A whole list from an expression (`variable.listValue`, another resource's list attribute) is an
  // array holding one encoded list token, which Token.isUnresolved sees only on the array itself.
  if (Token.isUnresolved(cidrs)) return true;
  let ok = true;
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const valid = typeof cidr === 'string' && isNetworkCidr(cidr);
    problems.check(
      !valid,
      NET_CIDR_INVALID,
      prop,
      cidr,
      typeof cidr === 'string' && parseCidr(cidr) ? `${cidr} has host bits set; the network address is ${networkAddress(cidr)}` : `${JSON.stringify(cidr)} is not an IPv4 CIDR`,
      'write the network address with its prefix length, e.g. 10.0.0.0/16',
    );
    ok = ok && valid;
  }
  return ok;
}

/** Ranges Azure refuses in a virtual network's address space (azure-docs virtual-networks-faq.md). */
const AZURE_REFUSED_RANGES = ['224.0.0.0/4', '255.255.255.255/32', '127.0.0.0/8', '169.254.0.0/16', '168.63.129.16/32'].map((c) => parseCidr(c)!);

/**
 * Records `NET-ADDRESS-RESERVED` for each literal range of a new virtual network's address space
 * that includes a range Azure refuses there (multicast, broadcast, loopback, link-local, its
 * internal DNS address), and `NET-DNS-SERVERS` for DNS servers that are not IPv4 addresses or
 * repeat. Expressions are skipped.
 */
export function checkVirtualNetworkSpace(problems: ProblemCollector, spaceProp: string, space: readonly string[], dnsProp: string, dnsServers: readonly string[] | undefined): void {
  for (const range of literalRanges(space)) {
    const refused = AZURE_REFUSED_RANGES.find((r) => cidrOverlaps(range, r));
    problems.check(refused !== undefined, NET_ADDRESS_RESERVED, spaceProp, range.cidr, `${range.cidr} includes ${refused?.cidr}, which Azure refuses in a virtual network`, 'use private ranges (RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or other unicast ranges you own');
  }
  if (dnsServers === undefined || Token.isUnresolved(dnsServers) || !Array.isArray(dnsServers)) return;
  const seen = new Set<string>();
  for (const server of dnsServers) {
    if (Token.isUnresolved(server)) continue;
    const valid = typeof server === 'string' && isIpv4Address(server);
    problems.check(!valid, NET_DNS_SERVERS, dnsProp, server, `${JSON.stringify(server)} is not an IPv4 address`, 'give the DNS servers by address, e.g. 10.0.0.4 (a DNS Private Resolver inbound endpoint, or a domain controller)');
    problems.check(valid && seen.has(server), NET_DNS_SERVERS, dnsProp, server, `${server} is listed twice`, 'list each DNS server once');
    if (valid) seen.add(server);
  }
}
