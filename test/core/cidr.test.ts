import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { carveNextFree, cidrContains, cidrContainsAddress, cidrOverlaps, isIpv4Address, isNetworkCidr, literalRanges, networkAddress, parseCidr } from '../../lib/core/cidr';

/** Parses a list of CIDRs that must be valid. */
function ranges(...cidrs: string[]) {
  return cidrs.map((c) => {
    const range = parseCidr(c);
    if (!range) throw new Error(`bad test CIDR ${c}`);
    return range;
  });
}

describe('cidr', () => {
  test('literalRanges keeps the literal, valid CIDRs and leaves out expressions, invalid values and a whole-list expression', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const one = new TerraformVariable(stack, 'one', { type: 'string' });
    const list = new TerraformVariable(stack, 'list', { type: 'list(string)' });
    expect(literalRanges(['10.0.0.0/16', one.stringValue, 'nonsense', '192.168.1.0/24']).map((r) => r.cidr)).toEqual(['10.0.0.0/16', '192.168.1.0/24']);
    expect(literalRanges(list.listValue)).toEqual([]);
    expect(literalRanges(undefined as any)).toEqual([]);
  });

  describe('parseCidr', () => {
    test('parses a CIDR into its first and last address', () => {
      const range = parseCidr('10.0.0.0/24')!;
      expect(range.cidr).toBe('10.0.0.0/24');
      expect(range.prefixLength).toBe(24);
      expect(range.last - range.first).toBe(255n);
    });

    test.each(['10.0.0.0', '10.0.0.0/33', '10.0.0/24', '256.0.0.0/8', 'x', '', '10.0.0.0/-1', ' 10.0.0.0/24'])('returns undefined for %p', (cidr) => {
      expect(parseCidr(cidr)).toBeUndefined();
    });
  });

  test('isNetworkCidr and networkAddress tell a network address from a host address', () => {
    expect(isNetworkCidr('10.0.0.0/16')).toBe(true);
    expect(isNetworkCidr('10.0.0.1/16')).toBe(false);
    expect(isNetworkCidr('nope')).toBe(false);
    expect(networkAddress('10.0.3.7/16')).toBe('10.0.0.0/16');
  });

  test('isIpv4Address accepts dotted addresses only', () => {
    expect(isIpv4Address('192.168.1.1')).toBe(true);
    expect(isIpv4Address('192.168.1.1/32')).toBe(false);
    expect(isIpv4Address('192.168.1.256')).toBe(false);
    expect(isIpv4Address('host')).toBe(false);
  });

  test('overlap and containment', () => {
    const [a, b, c] = ranges('10.0.0.0/16', '10.0.128.0/17', '10.1.0.0/16');
    expect(cidrOverlaps(a, b)).toBe(true);
    expect(cidrOverlaps(b, a)).toBe(true);
    expect(cidrOverlaps(a, c)).toBe(false);
    expect(cidrContains(a, b)).toBe(true);
    expect(cidrContains(b, a)).toBe(false);
    expect(cidrContainsAddress(a, '10.0.255.255')).toBe(true);
    expect(cidrContainsAddress(a, '10.1.0.0')).toBe(false);
  });

  describe('carveNextFree', () => {
    test('returns the first block of the space when nothing is used', () => {
      expect(carveNextFree(ranges('10.0.0.0/16'), 26, [])).toBe('10.0.0.0/26');
    });

    test('aligns blocks to their size', () => {
      // GIVEN a /26 at the start: the next /24 must start on a /24 boundary, not at .64
      expect(carveNextFree(ranges('10.0.0.0/16'), 24, ranges('10.0.0.0/26'))).toBe('10.0.1.0/24');
      // and a /25 after a /26 starts at .128
      expect(carveNextFree(ranges('10.0.0.0/16'), 25, ranges('10.0.0.0/26'))).toBe('10.0.0.128/25');
      // a smaller block fits right after the used one
      expect(carveNextFree(ranges('10.0.0.0/16'), 27, ranges('10.0.0.0/26'))).toBe('10.0.0.64/27');
    });

    test('skips used ranges, in any order, and fills holes', () => {
      const used = ranges('10.0.1.0/24', '10.0.0.0/24', '10.0.3.0/24');
      expect(carveNextFree(ranges('10.0.0.0/16'), 24, used)).toBe('10.0.2.0/24');
      expect(carveNextFree(ranges('10.0.0.0/16'), 23, used)).toBe('10.0.4.0/23');
    });

    test('skips a used range larger than the block', () => {
      expect(carveNextFree(ranges('10.0.0.0/16'), 26, ranges('10.0.0.0/17'))).toBe('10.0.128.0/26');
    });

    test('returns undefined when no block is free', () => {
      expect(carveNextFree(ranges('10.0.0.0/24'), 25, ranges('10.0.0.0/25', '10.0.0.128/25'))).toBeUndefined();
      expect(carveNextFree(ranges('10.0.0.0/24'), 24, ranges('10.0.0.64/26'))).toBeUndefined();
      // a block larger than the space never fits
      expect(carveNextFree(ranges('10.0.0.0/24'), 23, [])).toBeUndefined();
      // nothing free at the very end of the IPv4 space
      expect(carveNextFree(ranges('255.255.255.0/24'), 26, ranges('255.255.255.0/25', '255.255.255.192/26', '255.255.255.128/26'))).toBeUndefined();
      expect(carveNextFree([], 24, [])).toBeUndefined();
    });

    test('moves on to the next address space when the first is full', () => {
      const spaces = ranges('10.0.0.0/24', '10.1.0.0/16');
      expect(carveNextFree(spaces, 24, ranges('10.0.0.0/24'))).toBe('10.1.0.0/24');
      // a block too big for the first space comes from the second
      expect(carveNextFree(spaces, 20, [])).toBe('10.1.0.0/20');
      // the first space still wins when it has room
      expect(carveNextFree(spaces, 26, ranges('10.0.0.0/26'))).toBe('10.0.0.64/26');
    });

    test('never returns a block that overlaps a used range (exhaustive on a /24)', () => {
      const space = ranges('10.0.0.0/24');
      const used = ranges('10.0.0.32/27', '10.0.0.128/28', '10.0.0.200/29');
      const taken = [...used];
      const carved: string[] = [];
      for (;;) {
        const next = carveNextFree(space, 27, taken);
        if (!next) break;
        const range = parseCidr(next)!;
        expect(taken.some((t) => cidrOverlaps(t, range))).toBe(false);
        expect(Number(range.first % 32n)).toBe(0);
        carved.push(next);
        taken.push(range);
      }
      expect(carved).toEqual(['10.0.0.0/27', '10.0.0.64/27', '10.0.0.96/27', '10.0.0.160/27', '10.0.0.224/27']);
    });
  });
});

/** What carveNextFree must return, the slow obvious way: every aligned block in turn. */
function carveByStepping(spaces: ReturnType<typeof ranges>, prefixLength: number, used: ReturnType<typeof ranges>): string | undefined {
  const size = 2n ** BigInt(32 - prefixLength);
  for (const space of spaces) {
    if (prefixLength < space.prefixLength) continue;
    for (let first = space.first; first + size - 1n <= space.last; first += size) {
      const last = first + size - 1n;
      if (!used.some((u) => u.first <= last && first <= u.last)) {
        return `${[24n, 16n, 8n, 0n].map((shift) => (first >> shift) & 255n).join('.')}/${prefixLength}`;
      }
    }
  }
  return undefined;
}

/** A small deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('carveNextFree at scale', () => {
  test('carves 3,000 subnets one after another into one network, in address order', () => {
    // GIVEN a /16, as a hub with 3,000 subnets (Azure's limit per virtual network) carves it
    const space = ranges('10.0.0.0/16');
    const used: ReturnType<typeof ranges> = [];
    // WHEN each /28 is carved after the previous one, the caller passing a fresh list every time
    for (let i = 0; i < 3000; i++) {
      const next = carveNextFree(space, 28, [...used]);
      // THEN it is the next /28 in address order
      expect(next).toBe(`10.0.${Math.floor((i * 16) / 256)}.${(i * 16) % 256}/28`);
      used.push(parseCidr(next!)!);
    }
  });

  test('agrees with stepping block by block on random plans, lists extended, changed or reordered', () => {
    const rand = random(19);
    const spaces = ranges('10.0.0.0/22', '10.1.0.0/24');
    for (let plan = 0; plan < 40; plan++) {
      let used: ReturnType<typeof ranges> = [];
      for (let step = 0; step < 60; step++) {
        const prefixLength = 24 + Math.floor(rand() * 6);
        const expected = carveByStepping(spaces, prefixLength, used);
        expect(carveNextFree(spaces, prefixLength, used)).toBe(expected);
        const roll = rand();
        if (roll < 0.6 && expected) {
          used = [...used, parseCidr(expected)!]; // the usual case: the carved block is used next
        } else if (roll < 0.8) {
          // an arbitrary (possibly overlapping) range, anywhere in the list
          const block = `10.${rand() < 0.8 ? 0 : 1}.${Math.floor(rand() * 4)}.${Math.floor(rand() * 4) * 64}/${26 + Math.floor(rand() * 3)}`;
          const at = Math.floor(rand() * (used.length + 1));
          used = [...used.slice(0, at), parseCidr(block)!, ...used.slice(at)];
        } else if (used.length > 0) {
          used = used.filter((_, i) => i !== Math.floor(rand() * used.length)); // one range freed
        }
      }
    }
  });

  test('sees a list the caller changed in place since the last call', () => {
    const space = ranges('10.0.0.0/24');
    const used = ranges('10.0.0.0/26');
    expect(carveNextFree(space, 26, used)).toBe('10.0.0.64/26');
    used.push(parseCidr('10.0.0.64/26')!);
    expect(carveNextFree(space, 26, used)).toBe('10.0.0.128/26');
    used[0] = parseCidr('10.0.0.192/26')!;
    expect(carveNextFree(space, 26, used)).toBe('10.0.0.0/26');
  });

  test('parseCidr gives one immutable range per text', () => {
    const a = parseCidr('192.168.7.0/24')!;
    expect(parseCidr('192.168.7.0/24')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(parseCidr('192.168.7.0/33')).toBeUndefined();
    expect(parseCidr('192.168.7.0/33')).toBeUndefined();
  });
});
