import { TerraformVariable } from 'cdktf';
import { AddressPlan } from '../../lib/core/address-plan';
import { networkAddress, parseCidr } from '../../lib/core/cidr';
import { ProblemCollector, ValidationError } from '../../lib/core/errors';
import { newStack } from '../util';

describe('AddressPlan', () => {
  test('is one plan per stack', () => {
    const a = newStack('a');
    const b = newStack('b');
    expect(AddressPlan.of(a)).toBe(AddressPlan.of(a));
    expect(AddressPlan.of(a)).not.toBe(AddressPlan.of(b));
  });

  test('records claims in order, with their owners', () => {
    // GIVEN
    const stack = newStack();
    const problems = new ProblemCollector('test');
    // WHEN
    AddressPlan.of(stack).claim(problems, 'addressSpace', ['10.0.0.0/16'], 'hub');
    AddressPlan.of(stack).claim(problems, 'addressSpaces', ['192.168.0.0/24', '192.168.1.0/24'], 'site');
    // THEN
    expect(problems.count).toBe(0);
    expect(AddressPlan.of(stack).list()).toEqual([
      { cidr: '10.0.0.0/16', owner: 'hub' },
      { cidr: '192.168.0.0/24', owner: 'site' },
      { cidr: '192.168.1.0/24', owner: 'site' },
    ]);
  });

  test('fails when a range overlaps an earlier claim, naming both ranges', () => {
    // GIVEN
    const stack = newStack();
    const plan = AddressPlan.of(stack);
    plan.claim(new ProblemCollector('test'), 'addressSpace', ['10.0.0.0/16'], 'hub');
    const problems = new ProblemCollector('test/site');
    // WHEN
    plan.claim(problems, 'addressSpaces', ['10.0.4.0/24', '172.16.0.0/12'], 'site');
    // THEN
    expect(problems.count).toBe(1);
    expect(() => problems.throwIfAny()).toThrow(/\[NET-ADDRESS-OVERLAP\] test\/site: `addressSpaces` = "10\.0\.4\.0\/24": 10\.0\.4\.0\/24 \(site\) overlaps 10\.0\.0\.0\/16 \(hub\)/);
    // the clashing range is not claimed; the other one is
    expect(plan.list().map((c) => c.cidr)).toEqual(['10.0.0.0/16', '172.16.0.0/12']);
  });

  test('fails when ranges of one list overlap each other', () => {
    const problems = new ProblemCollector('test');
    AddressPlan.of(newStack()).claim(problems, 'addressSpace', ['10.0.0.0/16', '10.0.128.0/17'], 'hub');
    expect(() => problems.throwIfAny()).toThrow(/10\.0\.128\.0\/17 \(hub\) overlaps 10\.0\.0\.0\/16 \(hub\)/);
  });

  test('skips tokens and invalid values', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'space', { type: 'string' });
    const problems = new ProblemCollector('test');
    AddressPlan.of(stack).claim(problems, 'addressSpace', [variable.stringValue, 'not-a-cidr', '10.0.0.0/8'], 'hub');
    AddressPlan.of(stack).claim(problems, 'addressSpace', [variable.stringValue], 'other');
    expect(problems.count).toBe(0);
    expect(AddressPlan.of(stack).list()).toEqual([{ cidr: '10.0.0.0/8', owner: 'hub' }]);
  });
});

/** The address plan's contract, the slow obvious way: each claim against every earlier one. */
function naivePlan() {
  const claims: { first: bigint; last: bigint; cidr: string; owner: string; network?: string }[] = [];
  const messages: string[] = [];
  return {
    claims,
    messages,
    claim(cidrs: string[], owner: string, network?: string) {
      const fresh: typeof claims = [];
      for (const cidr of cidrs) {
        const range = parseCidr(cidr);
        if (!range) continue;
        const clash = [...claims, ...fresh].find((c) => c.first <= range.last && range.first <= c.last && !(network !== undefined && c.network === network));
        if (clash) {
          messages.push(`${cidr} (${owner}) overlaps ${clash.cidr} (${clash.owner})`);
          continue;
        }
        fresh.push({ first: range.first, last: range.last, cidr, owner, network });
      }
      claims.push(...fresh);
    },
  };
}

describe('AddressPlan at scale', () => {
  test('5,000 claims: the same accepted ranges and the same overlap errors as checking every earlier claim', () => {
    // GIVEN a deterministic mix: mostly distinct site /24s, wide ranges, duplicates, and networks
    // claimed twice (ExpressRoute and VPN failover), with nested prefixes inside one network
    let seed = 5000;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const stack = newStack();
    const plan = AddressPlan.of(stack);
    const naive = naivePlan();
    const problems = new ProblemCollector('test');
    const networks = ['er-a', 'er-b', 'er-c'];
    for (let i = 0; i < 5000; i++) {
      const roll = rand();
      let cidrs: string[];
      let network: string | undefined;
      if (roll < 0.7) {
        cidrs = [`172.${16 + Math.floor(rand() * 16)}.${Math.floor(rand() * 256)}.0/24`];
      } else if (roll < 0.8) {
        const length = 12 + Math.floor(rand() * 12);
        cidrs = [networkAddressOf(`172.${16 + Math.floor(rand() * 16)}.${Math.floor(rand() * 256)}.0`, length)];
      } else if (roll < 0.95) {
        network = networks[Math.floor(rand() * networks.length)];
        const base = networks.indexOf(network) * 64;
        const length = 16 + Math.floor(rand() * 13);
        cidrs = [networkAddressOf(`10.${base + Math.floor(rand() * 64)}.${Math.floor(rand() * 256)}.0`, length), networkAddressOf(`10.${base + Math.floor(rand() * 64)}.0.0`, 14 + Math.floor(rand() * 4))];
      } else {
        cidrs = [`10.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.0/24`, `192.168.${Math.floor(rand() * 256)}.0/24`];
      }
      // WHEN both plans take the same claim
      plan.claim(problems, 'addressSpaces', cidrs, `owner ${i}`, network);
      naive.claim(cidrs, `owner ${i}`, network);
    }
    // THEN they accept the same ranges in the same order and report the same clashes
    expect(plan.list()).toEqual(naive.claims.map((c) => ({ cidr: c.cidr, owner: c.owner })));
    expect(naive.messages.length).toBeGreaterThan(1000);
    expect(naive.claims.length).toBeGreaterThan(1000);
    let thrown: unknown;
    try {
      problems.throwIfAny();
    } catch (e) {
      thrown = e;
    }
    expect((thrown as ValidationError).problems.map((p) => p.detail)).toEqual(naive.messages);
    expect((thrown as ValidationError).problems.every((p) => p.ruleId === 'NET-ADDRESS-OVERLAP')).toBe(true);
  });
});

/** `address/length` with the host bits cleared. */
function networkAddressOf(address: string, length: number): string {
  return networkAddress(`${address}/${length}`);
}
