import { Address4 } from 'ip-address';

// Address-plan arithmetic over the `ip-address` library (no hand-written bit math).
// Ranges are IPv4 CIDRs; Azure virtual networks are IPv4-first and the hybrid guides are IPv4.

/** A parsed IPv4 CIDR with its first and last address as integers. */
export interface CidrRange {
  readonly cidr: string;
  readonly prefixLength: number;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * Parsed ranges by text. Parsing through the library costs ~10 us; a network of thousands of
 * sites parses each prefix several times (prop checks, the address plan, subnet carving). The
 * ranges are immutable, so one object per text is shared. Bounded: cleared when full.
 */
const PARSED = new Map<string, CidrRange | null>();
const PARSED_MAX = 100_000;

/** Parses `a.b.c.d/n`; returns undefined when it is not a valid IPv4 CIDR. */
export function parseCidr(cidr: string): CidrRange | undefined {
  if (typeof cidr !== 'string') return undefined;
  const cached = PARSED.get(cidr);
  if (cached !== undefined) return cached ?? undefined;
  const range = parseUncached(cidr);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(cidr, range ?? null);
  return range;
}

function parseUncached(cidr: string): CidrRange | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr) || !Address4.isValid(cidr)) {
    return undefined;
  }
  const address = new Address4(cidr);
  return Object.freeze({
    cidr,
    prefixLength: address.subnetMask,
    first: address.startAddress().bigInt(),
    last: address.endAddress().bigInt(),
  });
}

/**
 * The literal, valid CIDRs among `cidrs`, parsed: expressions and invalid values are left out (a
 * token never parses), and so is a whole list given as one expression (an array holding one
 * encoded list token). Checks that compare ranges start from this.
 */
export function literalRanges(cidrs: readonly string[]): CidrRange[] {
  return Array.isArray(cidrs) ? cidrs.map((c) => parseCidr(c)).filter((r): r is CidrRange => r !== undefined) : [];
}

/** True when `cidr` is valid and its address is the network address (10.0.0.0/16, not 10.0.0.1/16). */
export function isNetworkCidr(cidr: string): boolean {
  const range = parseCidr(cidr);
  if (range === undefined) return false;
  let network = NETWORK_FORM.get(range);
  if (network === undefined) {
    network = new Address4(cidr).bigInt() === range.first;
    NETWORK_FORM.set(range, network);
  }
  return network;
}

/** `isNetworkCidr` of each parsed range (ranges are shared per text, see `parseCidr`). */
const NETWORK_FORM = new WeakMap<CidrRange, boolean>();

/** The network form of a CIDR: 10.0.0.1/16 -> 10.0.0.0/16. */
export function networkAddress(cidr: string): string {
  const address = new Address4(cidr);
  return `${address.startAddress().address}/${address.subnetMask}`;
}

/** True for a valid dotted IPv4 address without a prefix. */
export function isIpv4Address(address: string): boolean {
  return typeof address === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(address) && Address4.isValid(address);
}

/** Integer value of a dotted IPv4 address. */
export function ipv4ToBigInt(address: string): bigint {
  return new Address4(address).bigInt();
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: CidrRange, inner: CidrRange): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

/** True when the two ranges share at least one address. */
export function cidrOverlaps(a: CidrRange, b: CidrRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** True when the address lies inside the range. */
export function cidrContainsAddress(range: CidrRange, address: string): boolean {
  const value = ipv4ToBigInt(address);
  return value >= range.first && value <= range.last;
}

/**
 * The first block of `/prefixLength` inside one of `spaces` (in order) that overlaps none of
 * `used`. Blocks are aligned to their size, as Azure requires. Undefined when none is free.
 *
 * `used` is folded into its union (disjoint intervals, sorted), and the sweep jumps from one
 * interval to the next: a run of back-to-back subnets is one interval. A caller that carves one
 * subnet after another passes the previous list plus what it added since; the union of the
 * previous call is then reused and only the new ranges are merged in, so carving thousands of
 * subnets into one network stays fast (3,000 in well under a second).
 */
export function carveNextFree(spaces: CidrRange[], prefixLength: number, used: CidrRange[]): string | undefined {
  const union = unionOf(used);
  const size = 2 ** (32 - prefixLength);
  for (const space of spaces) {
    if (prefixLength < space.prefixLength) continue;
    const spaceLast = Number(space.last);
    // `space.first` is aligned to the space's prefix, hence to the (smaller) block size.
    let start = Number(space.first);
    let i = firstEndingAtOrAfter(union, start);
    while (start + size - 1 <= spaceLast) {
      if (i < union.length && union[i].first <= start + size - 1) {
        // The block overlaps this interval: the next candidate is the first block after it.
        start = Math.ceil((union[i].last + 1) / size) * size;
        i++;
        continue;
      }
      return `${Address4.fromBigInt(BigInt(start)).address}/${prefixLength}`;
    }
  }
  return undefined;
}

interface Interval {
  first: number;
  last: number;
}

/** The `used` list of the previous carve and the union of its ranges. */
let lastCarve: { readonly used: CidrRange[]; readonly union: Interval[] } | undefined;

/**
 * The union of `used` as disjoint, non-adjacent intervals sorted by address (numbers: exact for
 * IPv4), reusing the previous call's union when `used` extends the previous list.
 */
function unionOf(used: CidrRange[]): Interval[] {
  const previous = lastCarve;
  let union: Interval[];
  let from = 0;
  if (previous && used.length >= previous.used.length && previous.used.every((r, i) => used[i] === r)) {
    union = previous.union;
    from = previous.used.length;
  } else {
    union = [];
  }
  for (let k = from; k < used.length; k++) addInterval(union, Number(used[k].first), Number(used[k].last));
  lastCarve = { used: used.slice(), union };
  return union;
}

/** Merges [first, last] into `union`, joining every interval it overlaps or touches. */
function addInterval(union: Interval[], first: number, last: number): void {
  const at = firstEndingAtOrAfter(union, first - 1);
  let end = at;
  while (end < union.length && union[end].first <= last + 1) {
    first = Math.min(first, union[end].first);
    last = Math.max(last, union[end].last);
    end++;
  }
  union.splice(at, end - at, { first, last });
}

/** Index of the first interval whose last address is >= `address`. */
function firstEndingAtOrAfter(union: Interval[], address: number): number {
  let lo = 0;
  let hi = union.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (union[mid].last < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * IPv4 ranges that are not publicly routable (IANA special-purpose registry, RFC 6890): private
 * (RFC 1918), shared (RFC 6598), loopback, link-local, documentation/benchmarking, multicast,
 * reserved. Microsoft peering accepts only public addresses registered to the customer.
 */
const NON_PUBLIC = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];

/** The non-public range `range` overlaps, or undefined when it is wholly public. */
export function nonPublicOverlap(range: CidrRange): string | undefined {
  return NON_PUBLIC.find((cidr) => cidrOverlaps(parseCidr(cidr)!, range));
}
