import { Token } from 'cdktf';
import { isNetworkCidr, networkAddress, parseCidr } from './cidr';
import { ProblemCollector } from './errors';
import { NET_CIDR_INVALID } from './rules';

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
