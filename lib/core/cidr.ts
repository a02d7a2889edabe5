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

/** Parses `a.b.c.d/n`; returns undefined when it is not a valid IPv4 CIDR. */
export function parseCidr(cidr: string): CidrRange | undefined {
  if (typeof cidr !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(cidr) || !Address4.isValid(cidr)) {
    return undefined;
  }
  const address = new Address4(cidr);
  return {
    cidr,
    prefixLength: address.subnetMask,
    first: address.startAddress().bigInt(),
    last: address.endAddress().bigInt(),
  };
}

/** True when `cidr` is valid and its address is the network address (10.0.0.0/16, not 10.0.0.1/16). */
export function isNetworkCidr(cidr: string): boolean {
  const range = parseCidr(cidr);
  return range !== undefined && new Address4(cidr).bigInt() === range.first;
}

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
 */
export function carveNextFree(spaces: CidrRange[], prefixLength: number, used: CidrRange[]): string | undefined {
  for (const space of spaces) {
    if (prefixLength < space.prefixLength) continue;
    let block: CidrRange | undefined = blockAt(space.first, prefixLength);
    while (block && block.last <= space.last) {
      const clash = used.find((u) => cidrOverlaps(u, block!));
      if (!clash) return block.cidr;
      // Jump past the clashing range rather than stepping block by block: fast on large spaces.
      block = clash.last >= space.last ? undefined : blockAfter(clash.last + 1n, prefixLength);
    }
  }
  return undefined;
}

/** The aligned /prefixLength block that contains `address`. */
function blockAt(address: bigint, prefixLength: number): CidrRange {
  const start = new Address4(`${Address4.fromBigInt(address).address}/${prefixLength}`).startAddress().address;
  return parseCidr(`${start}/${prefixLength}`)!;
}

/** The first aligned /prefixLength block that starts at or after `address`. */
function blockAfter(address: bigint, prefixLength: number): CidrRange | undefined {
  const containing = blockAt(address, prefixLength);
  if (containing.first === address) return containing;
  try {
    const next = new Address4(containing.cidr).nextNetwork();
    return parseCidr(`${next.startAddress().address}/${prefixLength}`);
  } catch {
    return undefined; // past the end of the IPv4 space
  }
}
