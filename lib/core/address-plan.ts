import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { CidrRange, cidrOverlaps, parseCidr } from './cidr';
import { ProblemCollector } from './errors';

interface Claim {
  readonly range: CidrRange;
  /** Who holds it, for the error message: "hub hub/Hub address space". */
  readonly owner: string;
}

const PLANS = new WeakMap<TerraformStack, AddressPlan>();

/**
 * The address ranges of one stack's hybrid network: hub, spokes and on-premises sites. Each
 * claim is checked against all earlier ones, and an overlap is an error naming both ranges.
 */
export class AddressPlan {
  public static of(scope: IConstruct): AddressPlan {
    const stack = TerraformStack.of(scope);
    let plan = PLANS.get(stack);
    if (!plan) {
      plan = new AddressPlan();
      PLANS.set(stack, plan);
    }
    return plan;
  }

  private readonly claims: Claim[] = [];

  /**
   * Claims `cidrs` for `owner`; records `NET-ADDRESS-OVERLAP` on `problems` for every range that
   * overlaps one claimed before (or another of the same list). Invalid and unresolved values are
   * skipped here: the caller validates syntax.
   */
  public claim(problems: ProblemCollector, prop: string, cidrs: string[], owner: string): void {
    const fresh: Claim[] = [];
    for (const cidr of cidrs) {
      if (Token.isUnresolved(cidr)) continue;
      const range = parseCidr(cidr);
      if (!range) continue;
      const clash = [...this.claims, ...fresh].find((c) => cidrOverlaps(c.range, range));
      if (clash) {
        problems.add(
          'NET-ADDRESS-OVERLAP',
          prop,
          cidr,
          `${cidr} (${owner}) overlaps ${clash.range.cidr} (${clash.owner})`,
          'give every network and site its own range; renumber one side or use VPN NAT rules',
        );
        continue;
      }
      fresh.push({ range, owner });
    }
    this.claims.push(...fresh);
  }

  /** Every claimed range with its owner, in claim order. */
  public list(): { cidr: string; owner: string }[] {
    return this.claims.map((c) => ({ cidr: c.range.cidr, owner: c.owner }));
  }
}
