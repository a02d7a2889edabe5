import { Token } from 'cdktf';
import { cidrContainsAddress, isIpv4Address, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { AZURE_VPN_ASN } from './defaults';
import { VPN_APIPA_RANGE, VPN_BGP_ASN } from './rules';

// BGP rules shared by the VPN gateway, sites and (later) ExpressRoute peerings.
// Source: MicrosoftDocs/azure-docs includes/vpn-gateway-faq-bgp-include.md.

/** ASNs Azure or IANA reserve; 65515 is Azure's own and refused for on-premises peers. */
const RESERVED_ASN_RANGES: [number, number][] = [
  [8074, 8075],
  [12076, 12076],
  [23456, 23456],
  [64496, 64511],
  [65517, 65520],
  [65535, 65551],
  [4294967295, 4294967295],
];

/** Why an ASN is refused, or undefined when it is usable. */
export function reservedAsnReason(asn: number, onPremises: boolean): string | undefined {
  if (!Number.isInteger(asn) || asn < 1 || asn > 4294967295) return 'an ASN is a whole number from 1 to 4294967295';
  if (onPremises && asn === AZURE_VPN_ASN) return '65515 is Azure\'s own VPN gateway ASN';
  const range = RESERVED_ASN_RANGES.find(([lo, hi]) => asn >= lo && asn <= hi);
  if (range) return range[0] === range[1] ? `${asn} is reserved` : `${asn} is in the reserved range ${range[0]}-${range[1]}`;
  return undefined;
}

/** Records VPN_BGP_ASN when `asn` is reserved. */
export function checkAsn(problems: ProblemCollector, prop: string, asn: number, onPremises: boolean): void {
  const reason = reservedAsnReason(asn, onPremises);
  problems.check(
    reason !== undefined,
    VPN_BGP_ASN,
    prop,
    asn,
    reason ?? '',
    'use a private ASN in 64512-65514 or 65521-65534, or your public ASN',
  );
}

const APIPA_RANGE = parseCidr('169.254.21.0/24')!;
const APIPA_RANGE_2 = parseCidr('169.254.22.0/24')!;

/** Records VPN_APIPA_RANGE for each address outside 169.254.21.0-169.254.22.255. */
export function checkApipa(problems: ProblemCollector, prop: string, addresses: string[]): void {
  for (const address of addresses) {
    if (Token.isUnresolved(address)) continue; // known only at apply time
    const inRange = isIpv4Address(address) && (cidrContainsAddress(APIPA_RANGE, address) || cidrContainsAddress(APIPA_RANGE_2, address));
    problems.check(
      !inRange,
      VPN_APIPA_RANGE,
      prop,
      address,
      'Azure VPN gateways take custom APIPA BGP addresses only from 169.254.21.0 to 169.254.22.255',
      'pick an address such as 169.254.21.1',
    );
  }
}
