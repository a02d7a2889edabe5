import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { CidrRange, parseCidr } from './cidr';
import { ProblemCollector } from './errors';
import { NET_ADDRESS_OVERLAP } from './rules';

interface Claim {
  readonly range: CidrRange;
  /** Who holds it, for the error message: "hub hub/Hub address space". */
  readonly owner: string;
  /**
   * The network the range belongs to, when one network is claimed more than once: the same
   * on-premises prefixes advertised over ExpressRoute and, as failover, over a VPN site.
   */
  readonly network?: string;
  /** Position in claim order: the earliest clashing claim is the one an error names. */
  readonly seq: number;
  /** `range.first` and `range.last` as numbers (exact for IPv4), for cheap comparisons. */
  readonly first: number;
  readonly last: number;
}

/**
 * Claims that overlap one another, kept as one entry of the sorted index. Only claims of one
 * network may overlap (anything else is refused), so a group is either a single claim without a
 * network or the overlapping claims of one network; groups never overlap each other.
 */
interface Group {
  first: number;
  last: number;
  readonly network?: string;
  /** In claim order. */
  claims: Claim[];
}

const PLANS = new WeakMap<TerraformStack, AddressPlan>();

/**
 * The address ranges of one stack's hybrid network: hub, spokes and on-premises sites. Each
 * claim is checked against all earlier ones, and an overlap is an error naming both ranges.
 *
 * Claims are indexed as disjoint groups sorted by first address, so checking a claim is a binary
 * search plus a look at the groups it overlaps (none, when it is accepted), not a scan of every
 * earlier claim.
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

  /** Every accepted claim, in claim order. */
  private readonly claims: Claim[] = [];
  /** Disjoint groups of claims, sorted by first address. */
  private readonly groups: Group[] = [];
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
    for (const cidr of cidrs) {
      if (Token.isUnresolved(cidr)) continue;
      const range = parseCidr(cidr);
      if (!range) continue;
      const first = Number(range.first);
      const last = Number(range.last);
      // Groups overlapping [first, last] form one run of the sorted index, from the first group
      // that ends at or after `first`.
      const start = this.firstEndingAtOrAfter(first);
      let end = start;
      let clash: Claim | undefined;
      for (; end < this.groups.length && this.groups[end].first <= last; end++) {
        const group = this.groups[end];
        if (network !== undefined && group.network === network) continue;
        // The group's earliest claim that overlaps the range (a group's span may cover gaps).
        const hit = group.claims.find((c) => c.first <= last && first <= c.last);
        if (hit && (!clash || hit.seq < clash.seq)) clash = hit;
      }
      if (clash) {
        problems.add(
          NET_ADDRESS_OVERLAP,
          prop,
          cidr,
          `${cidr} (${owner}) overlaps ${clash.range.cidr} (${clash.owner})`,
          'give every network and site its own range; renumber one side or use VPN NAT rules',
        );
        continue;
      }
      const claim: Claim = { range, owner, network, seq: this.claims.length, first, last };
      this.claims.push(claim);
      // Accepted: every group it overlaps is of the same network; merge them with it into one.
      const merged: Group = { first, last, network, claims: [] };
      for (let i = start; i < end; i++) {
        const group = this.groups[i];
        merged.first = Math.min(merged.first, group.first);
        merged.last = Math.max(merged.last, group.last);
        merged.claims.push(...group.claims);
      }
      merged.claims.push(claim);
      if (end - start > 1) merged.claims.sort((a, b) => a.seq - b.seq);
      this.groups.splice(start, end - start, merged);
    }
  }

  /** Every claimed range with its owner, in claim order. */
  public list(): { cidr: string; owner: string }[] {
    return this.claims.map((c) => ({ cidr: c.range.cidr, owner: c.owner }));
  }

  /** Index of the first group whose last address is >= `address` (groups are disjoint and sorted). */
  private firstEndingAtOrAfter(address: number): number {
    let lo = 0;
    let hi = this.groups.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.groups[mid].last < address) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Address-plan network of the on-premises prefixes behind a circuit (owned, or existing by id). */
export function onPremisesNetworkOf(circuitPathOrId: string): string {
  return `on-premises behind circuit ${circuitPathOrId}`;
}
