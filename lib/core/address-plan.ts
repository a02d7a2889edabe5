import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { CidrRange, parseCidr } from './cidr';
import { ProblemCollector } from './errors';
import { reportAtSynth } from './report';
import { NET_ADDRESS_OVERLAP } from './rules';

interface Claim {
  readonly range: CidrRange;
  /** Who holds it, for the error message: "hub hub/Hub address space". */
  readonly owner: string;
  /**
   * The network the range belongs to, when one network is claimed more than once: the same
   * on-premises prefixes advertised over two circuits, over ExpressRoute and a failover VPN
   * site, or through the hubs of two regions.
   */
  readonly network?: string;
  /** Position in claim order (over the whole App): the earliest clashing claim is the one an error names. */
  readonly seq: number;
  /** `range.first` and `range.last` as numbers (exact for IPv4), for cheap comparisons. */
  readonly first: number;
  readonly last: number;
  /** The stack of the construct that claimed it. */
  readonly stack: TerraformStack;
}

/**
 * Claims that overlap one another, kept as one entry of the sorted index. Only claims of one
 * network may overlap within a stack, so a group is either a single claim without a network or
 * the overlapping claims of one network; groups never overlap each other.
 */
interface Group {
  first: number;
  last: number;
  readonly network?: string;
  /** In claim order. */
  claims: Claim[];
}

/**
 * The claims of one stack, indexed as disjoint groups sorted by first address, so checking a
 * claim is a binary search plus a look at the groups it overlaps (none, when it is accepted).
 */
class StackIndex {
  private readonly groups: Group[] = [];

  /** The earliest claim overlapping [first, last] that is not of `network`. */
  public clash(first: number, last: number, network: string | undefined): Claim | undefined {
    let clash: Claim | undefined;
    for (let i = this.firstEndingAtOrAfter(first); i < this.groups.length && this.groups[i].first <= last; i++) {
      const group = this.groups[i];
      if (network !== undefined && group.network === network) continue;
      // The group's earliest claim that overlaps the range (a group's span may cover gaps).
      const hit = group.claims.find((c) => c.first <= last && first <= c.last);
      if (hit && (!clash || hit.seq < clash.seq)) clash = hit;
    }
    return clash;
  }

  /** Adds an accepted claim: every group it overlaps is of its network; they merge into one. */
  public add(claim: Claim): void {
    const start = this.firstEndingAtOrAfter(claim.first);
    let end = start;
    while (end < this.groups.length && this.groups[end].first <= claim.last) end++;
    const merged: Group = { first: claim.first, last: claim.last, network: claim.network, claims: [] };
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

/** The claims of every stack of one App. */
class AppClaims {
  public readonly claims: Claim[] = [];
  public readonly stacks = new Map<TerraformStack, StackIndex>();
  public readonly networks = new Map<string, string>();

  public indexOf(stack: TerraformStack): StackIndex {
    let index = this.stacks.get(stack);
    if (!index) this.stacks.set(stack, (index = new StackIndex()));
    return index;
  }
}

const APPS = new WeakMap<IConstruct, AppClaims>();
const VIEWS = new WeakMap<IConstruct, AddressPlan>();

/**
 * The address ranges of an App's hybrid network: hubs, spokes, on-premises sites and networks,
 * point-to-site pools, of every stack. Each claim is checked against all earlier ones:
 *
 * - within one stack, an overlap is an error when the construct is built, naming both ranges;
 * - across stacks, an overlap is an error at synth when the two stacks belong to one deployment,
 *   that is when they are connected by cross-stack references or `addDependency` (a connectivity
 *   stack and the workload stacks that use its hub). Unrelated stacks of one App (a gallery of
 *   examples) keep their own ranges.
 *
 * Claims of one network (an `OnPremisesNetwork` reached through several circuits, sites or hubs)
 * may overlap each other, never anyone else's.
 */
export class AddressPlan {
  /** The plan as seen from `scope` (its App's claims, its stack's index). */
  public static of(scope: IConstruct): AddressPlan {
    let view = VIEWS.get(scope);
    if (!view) {
      const root = scope.node.root;
      let app = APPS.get(root);
      if (!app) APPS.set(root, (app = new AppClaims()));
      view = new AddressPlan(scope, TerraformStack.of(scope), app);
      VIEWS.set(scope, view);
    }
    return view;
  }

  private constructor(private readonly scope: IConstruct, private readonly stack: TerraformStack, private readonly app: AppClaims) {}

  /**
   * Declares that the ranges the construct at `path` claims belong to `network`: they may
   * overlap other claims of that network (it is reached two ways), never anyone else's.
   */
  public assignNetwork(path: string, network: string): void {
    this.app.networks.set(path, network);
  }

  /** The network assigned to the construct at `path`, if any. */
  public networkOf(path: string): string | undefined {
    return this.app.networks.get(path);
  }

  /**
   * Claims `cidrs` for `owner`; records `NET-ADDRESS-OVERLAP` on `problems` for every range that
   * overlaps one claimed before in this stack (or another of the same list), and decides at synth
   * an overlap with a claim of another stack of the same deployment. Invalid and unresolved values
   * are skipped here: the caller validates syntax.
   */
  public claim(problems: ProblemCollector, prop: string, cidrs: string[], owner: string, network?: string): void {
    const index = this.app.indexOf(this.stack);
    for (const cidr of cidrs) {
      if (Token.isUnresolved(cidr)) continue;
      const range = parseCidr(cidr);
      if (!range) continue;
      const first = Number(range.first);
      const last = Number(range.last);
      const clash = index.clash(first, last, network);
      if (clash) {
        problems.add(NET_ADDRESS_OVERLAP, prop, cidr, `${cidr} (${owner}) overlaps ${clash.range.cidr} (${clash.owner})`, OVERLAP_FIX);
        continue;
      }
      for (const [stack, other] of this.app.stacks) {
        if (stack === this.stack) continue;
        const remote = other.clash(first, last, network);
        if (remote) this.reportAcrossStacks(prop, cidr, owner, remote);
      }
      const claim: Claim = { range, owner, network, seq: this.app.claims.length, first, last, stack: this.stack };
      this.app.claims.push(claim);
      index.add(claim);
    }
  }

  /** Every claimed range of the App with its owner, in claim order. */
  public list(): { cidr: string; owner: string }[] {
    return this.app.claims.map((c) => ({ cidr: c.range.cidr, owner: c.owner }));
  }

  /** An overlap with another stack's claim is an error when both stacks are one deployment (known at synth). */
  private reportAcrossStacks(prop: string, cidr: string, owner: string, remote: Claim): void {
    const here = this.stack;
    reportAtSynth(this.scope, NET_ADDRESS_OVERLAP, () => (connected(here, remote.stack)
      ? { prop, value: cidr, detail: `${cidr} (${owner}) overlaps ${remote.range.cidr} (${remote.owner}, stack ${remote.stack.node.id}), and the two stacks are one deployment (cross-stack references)`, fix: OVERLAP_FIX }
      : undefined));
  }
}

const OVERLAP_FIX = 'give every network and site its own range (renumber one side or use VPN NAT rules); one on-premises network reached several ways is declared once with OnPremisesNetwork';

/** True when `a` and `b` are linked by stack dependencies (cross-stack references), in either direction, through any stacks. */
function connected(a: TerraformStack, b: TerraformStack): boolean {
  const root = a.node.root;
  const stacks = root.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const neighbours = new Map<TerraformStack, Set<TerraformStack>>(stacks.map((s) => [s, new Set<TerraformStack>()]));
  for (const s of stacks) {
    for (const d of s.dependencies) {
      neighbours.get(s)?.add(d);
      neighbours.get(d)?.add(s);
    }
  }
  const seen = new Set<TerraformStack>([a]);
  const queue = [a];
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s === b) return true;
    for (const n of neighbours.get(s) ?? []) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  }
  return false;
}

/** Address-plan network of the on-premises prefixes behind a circuit (owned, or existing by id). */
export function onPremisesNetworkOf(circuitPathOrId: string): string {
  return `on-premises behind circuit ${circuitPathOrId}`;
}
