import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { CidrRange, cidrOverlaps, parseCidr } from './cidr';
import { ProblemCollector } from './errors';

interface Claim {
  readonly range: CidrRange;
  /** Who holds it, for the error message: "hub hub/Hub address space". */
  readonly owner: string;
  /**
   * The network the range belongs to, when one network is claimed more than once: the same
   * on-premises prefixes advertised over ExpressRoute and, as failover, over a VPN site.
   */
  readonly network?: string;
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
  private readonly networks = new Map<string, string>();

  /**
   * Declares that the ranges the construct at `path` claims belong to `network`: they may
   * overlap other claims of that network (it is reached two ways), never anyone else's.
   */
  public assignNetwork(path: string, network: string): void {
    this.networks.set(path, network);
  }

  /** The network assigned to the construct at `path`, if any. */
  public networkOf(path: string): string | undefined {
    return this.networks.get(path);
  }

  /**
   * Claims `cidrs` for `owner`; records `NET-ADDRESS-OVERLAP` on `problems` for every range that
   * overlaps one claimed before (or another of the same list). Invalid and unresolved values are
   * skipped here: the caller validates syntax.
   */
  public claim(problems: ProblemCollector, prop: string, cidrs: string[], owner: string, network?: string): void {
    const fresh: Claim[] = [];
    for (const cidr of cidrs) {
      if (Token.isUnresolved(cidr)) continue;
      const range = parseCidr(cidr);
      if (!range) continue;
      const sameNetwork = (c: Claim) => network !== undefined && c.network === network;
      const clash = [...this.claims, ...fresh].find((c) => cidrOverlaps(c.range, range) && !sameNetwork(c));
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
      fresh.push({ range, owner, network });
    }
    this.claims.push(...fresh);
  }

  /** Every claimed range with its owner, in claim order. */
  public list(): { cidr: string; owner: string }[] {
    return this.claims.map((c) => ({ cidr: c.range.cidr, owner: c.owner }));
  }
}

/** Address-plan network of the on-premises prefixes behind a circuit (owned, or existing by id). */
export function onPremisesNetworkOf(circuitPathOrId: string): string {
  return `on-premises behind circuit ${circuitPathOrId}`;
}
