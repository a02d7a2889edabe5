import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { Construct } from 'constructs';
import type { IHubNetwork } from './hub-network-base';
import { NET_HUB_MESH, NET_MESH_NO_ROUTER } from './rules';
import type { IHubFirewall } from './security/firewall';
import { carveNextFree, cidrContains, cidrOverlaps, CidrRange, literalRanges, parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { generateName } from '../core/naming';
import { reportAtSynth } from '../core/report';

/** One region of a hub mesh: its hub, the supernet of the region, its router. */
export interface HubMeshMember {
  /** The region's hub (of any stack of the App, or imported). */
  readonly hub: IHubNetwork;
  /**
   * The region's supernet(s): the hub and every spoke of the region lie inside. The other
   * regions route these prefixes to this region's firewall. Literal CIDRs.
   */
  readonly regionPrefixes: string[];
  /**
   * The hub's firewall (or NVA): spokes of other regions reach this region's spokes through it.
   * Without one, spokes of different regions cannot reach each other (peering is not transitive).
   * @default - none
   */
  readonly firewall?: IHubFirewall;
  /**
   * Subnet of the firewall, which gets the mesh route table.
   * @default - the hub's `AzureFirewallSubnet` (`hub.subnetId('AzureFirewallSubnet')`)
   */
  readonly firewallSubnetId?: string;
}

/** Two hubs of a mesh to peer (when not every pair is). */
export interface HubMeshPair {
  readonly first: IHubNetwork;
  readonly second: IHubNetwork;
}

/** Props of `HubMesh`. */
export interface HubMeshProps {
  /** The regions' hubs, two or more. */
  readonly members: HubMeshMember[];
  /**
   * The pairs to peer. A literal list.
   * @default - every pair (full mesh)
   */
  readonly pairs?: HubMeshPair[];
}

/** A hub's key in construct ids and names: its path (hubs of two stacks may share an id). */
function hubKey(hub: IHubNetwork): string {
  return hub.node.path.replace(/[^A-Za-z0-9-]+/g, '-');
}

interface ResolvedPair {
  readonly a: HubMeshMember;
  readonly b: HubMeshMember;
}

/**
 * Hubs of several regions peered with each other (global virtual network peering, both
 * directions, forwarded traffic allowed, no gateway transit: each hub keeps its own gateways),
 * full mesh or chosen pairs, and the routes that let spokes of one region reach spokes of
 * another through the hub firewalls: on each firewall's subnet, the other regions' supernets go
 * to their firewall (0.0.0.0/0 stays on the internet, gateway routes propagate). Spokes already
 * send everything to their own hub's firewall (`HubRouting`). Pattern of Azure's ALZ hub-and-spoke
 * module (Azure/terraform-azurerm-avm-ptn-alz-connectivity-hub-and-spoke-vnet: mesh_peering_enabled,
 * routing_address_space, hub_router_ip_address).
 */
export class HubMesh extends Construct {
  /** Peerings by `<first>To<second>` (hub paths, '/' as '-'). */
  public readonly peerings: { [name: string]: VirtualNetworkPeering } = {};
  /** Route tables on the firewall subnets, by hub path ('/' as '-'). */
  public readonly routeTables: { [hubId: string]: RouteTable } = {};

  constructor(scope: Construct, id: string, props: HubMeshProps) {
    super(scope, id);
    const pairs = this.resolve(props);
    for (const { a, b } of pairs) {
      this.peer(a.hub, b.hub);
      this.peer(b.hub, a.hub);
    }
    for (const member of props.members) this.routeThroughFirewall(member, pairs);
    reportAtSynth(this, NET_MESH_NO_ROUTER, () => {
      const without = props.members.filter((m) => m.firewall === undefined).map((m) => m.hub.node.path);
      return without.length === 0 ? undefined : {
        prop: 'members',
        value: without,
        detail: `hub(s) ${without.join(', ')} have no firewall: their spokes cannot reach the spokes of the other regions (peering is not transitive); only the hubs reach each other`,
        fix: 'give each member its `firewall` (HubFirewall) and route the spokes through it (HubRouting), or acknowledge NET-MESH-NO-ROUTER when only hub-to-hub traffic is meant',
      };
    });
  }

  private peer(from: IHubNetwork, to: IHubNetwork): void {
    const id = `${hubKey(from)}To${hubKey(to)}`;
    this.peerings[id] = new VirtualNetworkPeering(this, id, {
      name: generateName(this, 'virtualNetworkPeering', `${hubKey(from)}-to-${hubKey(to)}`.toLowerCase()),
      resourceGroupName: from.resourceGroupName,
      virtualNetworkName: from.virtualNetworkName,
      remoteVirtualNetworkId: to.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
  }

  /** On the member's firewall subnet: each peered region's supernet -> that region's firewall. */
  private routeThroughFirewall(member: HubMeshMember, pairs: ResolvedPair[]): void {
    if (!member.firewall) return;
    const peers = pairs.flatMap((p) => (p.a === member ? [p.b] : p.b === member ? [p.a] : [])).filter((m) => m.firewall !== undefined);
    if (peers.length === 0) return;
    const hub = member.hub;
    const key = hubKey(hub);
    const table = new RouteTable(this, `Routes${key}`, {
      name: generateName(this, 'routeTable', key),
      resourceGroupName: hub.resourceGroupName,
      location: hub.location,
      // The firewall needs the gateway's routes to on-premises.
      bgpRoutePropagationEnabled: true,
      route: [
        // Azure Firewall needs its default route to the internet (azure-docs firewall/firewall-faq.yml: a UDR on AzureFirewallSubnet keeps 0.0.0.0/0 -> Internet).
        { name: 'default-to-internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
        ...peers.flatMap((peer) => peer.regionPrefixes.map((prefix, i) => ({
          name: `to-${hubKey(peer.hub)}-${i}`.toLowerCase(),
          addressPrefix: prefix,
          nextHopType: 'VirtualAppliance',
          nextHopInIpAddress: peer.firewall!.privateIpAddress,
        }))),
      ],
    });
    this.routeTables[key] = table;
    new SubnetRouteTableAssociation(this, `Routes${key}Association`, {
      subnetId: member.firewallSubnetId ?? hub.subnetId('AzureFirewallSubnet')!,
      routeTableId: table.id,
    });
  }

  private resolve(props: HubMeshProps): ResolvedPair[] {
    const problems = new ProblemCollector(this);
    problems.required('members', props?.members, 'array');
    problems.type('pairs', props?.pairs, 'array');
    problems.throwIfAny();
    problems.literal('pairs', props.pairs, 'each pair becomes two peerings');
    const members = props.members;
    problems.check(members.length < 2, NET_HUB_MESH, 'members', members.length, 'a mesh needs at least two hubs', 'list the hub of every region');
    members.forEach((m, i) => {
      problems.required(`members[${i}].hub`, m?.hub, 'object');
      problems.required(`members[${i}].regionPrefixes`, m?.regionPrefixes, 'array');
    });
    problems.throwIfAny();
    const ranges: { member: number; range: CidrRange }[] = [];
    members.forEach((m, i) => {
      const prop = `members[${i}]`;
      problems.check(members.findIndex((o) => o.hub === m.hub) !== i, NET_HUB_MESH, `${prop}.hub`, m.hub.node.path, `hub ${m.hub.node.path} is listed twice`, 'list each hub once');
      checkUniqueId(problems, this, `Routes${hubKey(m.hub)}`, `${prop}.hub`, hubKey(m.hub));
      problems.check(m.regionPrefixes.length === 0, NET_HUB_MESH, `${prop}.regionPrefixes`, m.regionPrefixes, 'a region needs its supernet', "give the region's range, e.g. ['10.1.0.0/16']");
      if (!checkCidrs(problems, `${prop}.regionPrefixes`, m.regionPrefixes)) return;
      const own = literalRanges(m.regionPrefixes);
      for (const space of literalRanges(m.hub.addressSpace)) {
        problems.check(own.length > 0 && !own.some((r) => cidrContains(r, space)), NET_HUB_MESH, `${prop}.regionPrefixes`, m.regionPrefixes, `the hub's address space ${space.cidr} is not inside the region's supernet`, "make the region's supernet contain the hub and its spokes");
      }
      for (const range of own) {
        const clash = ranges.find((r) => r.member !== i && cidrOverlaps(r.range, range));
        problems.check(clash !== undefined, NET_HUB_MESH, `${prop}.regionPrefixes`, range.cidr, clash ? `${range.cidr} overlaps ${clash.range.cidr} of members[${clash.member}]` : '', 'give every region its own supernet');
        ranges.push({ member: i, range });
      }
      problems.check(m.firewall !== undefined && m.firewallSubnetId === undefined && m.hub.subnetId('AzureFirewallSubnet') === undefined, NET_HUB_MESH, `${prop}.firewallSubnetId`, undefined, `hub ${m.hub.node.path} has no AzureFirewallSubnet known to the library`, "give `firewallSubnetId` (the firewall's subnet)");
    });
    problems.throwIfAny();
    const pairs = this.resolvePairs(problems, members, props.pairs);
    problems.throwIfAny();
    return pairs;
  }

  private resolvePairs(problems: ProblemCollector, members: HubMeshMember[], given: HubMeshPair[] | undefined): ResolvedPair[] {
    if (given === undefined) return members.flatMap((a, i) => members.slice(i + 1).map((b) => ({ a, b })));
    const seen = new Set<string>();
    const pairs: ResolvedPair[] = [];
    given.forEach((p, i) => {
      const a = members.find((m) => m.hub === p?.first);
      const b = members.find((m) => m.hub === p?.second);
      const prop = `pairs[${i}]`;
      if (problems.check(!a || !b, NET_HUB_MESH, prop, undefined, 'a pair names a hub that is not a member of the mesh', 'list both hubs in `members`')) return;
      if (problems.check(a === b, NET_HUB_MESH, prop, a!.hub.node.path, 'a hub cannot be peered with itself', 'pair two different hubs')) return;
      const key = [members.indexOf(a!), members.indexOf(b!)].sort().join('-');
      if (problems.check(seen.has(key), NET_HUB_MESH, prop, `${a!.hub.node.path} <-> ${b!.hub.node.path}`, 'this pair is listed twice (each pair is peered both ways once)', 'list each pair once')) return;
      seen.add(key);
      pairs.push({ a: a!, b: b! });
    });
    return pairs;
  }
}

/** Options of `RegionAddressPlan.fromSupernet`. */
export interface RegionAddressPlanOptions {
  /**
   * Size of the hub's address space, carved first from the supernet.
   * @default 22
   */
  readonly hubPrefixLength?: number;
}

/**
 * The address plan of one region carved from its supernet (ALZ's default: a /16 per region, the
 * hub a /22 at its start): `hubAddressSpace` for the `HubNetwork`, `nextSpoke(length)` for each
 * spoke, in order, never overlapping. The ranges are still claimed by the constructs that use them.
 */
export class RegionAddressPlan {
  /** Carves a region's ranges from `supernet` (a literal CIDR such as `10.1.0.0/16`). */
  public static fromSupernet(supernet: string, options: RegionAddressPlanOptions = {}): RegionAddressPlan {
    const problems = new ProblemCollector('RegionAddressPlan');
    checkCidrs(problems, 'supernet', [supernet]);
    problems.literal('supernet', supernet, 'the ranges are carved from it at synth');
    problems.throwIfAny();
    const range = parseCidr(supernet)!;
    const hubLength = options.hubPrefixLength ?? 22;
    problems.integer(NET_HUB_MESH, 'hubPrefixLength', hubLength, range.prefixLength, 29, `use a length from ${range.prefixLength} to 29, e.g. 22`);
    problems.throwIfAny();
    return new RegionAddressPlan(range, hubLength);
  }

  /** The region's supernet. */
  public readonly supernet: string;
  /** The hub's address space (the first block of the supernet). */
  public readonly hubAddressSpace: string;
  private readonly space: CidrRange;
  private readonly used: CidrRange[] = [];

  private constructor(space: CidrRange, hubLength: number) {
    this.space = space;
    this.supernet = space.cidr;
    this.hubAddressSpace = this.carve('hubPrefixLength', hubLength);
  }

  /** The next free block of `prefixLength` for a spoke (default /24). */
  public nextSpoke(prefixLength: number = 24): string {
    return this.carve('prefixLength', prefixLength);
  }

  private carve(prop: string, prefixLength: number): string {
    const problems = new ProblemCollector('RegionAddressPlan');
    problems.integer(NET_HUB_MESH, prop, prefixLength, this.space.prefixLength, 29, `use a length from ${this.space.prefixLength} to 29`);
    problems.throwIfAny();
    const cidr = carveNextFree([this.space], prefixLength, this.used);
    problems.check(cidr === undefined, NET_HUB_MESH, prop, prefixLength, `no free /${prefixLength} is left in ${this.supernet}`, 'use a smaller block or a larger supernet');
    problems.throwIfAny();
    this.used.push(parseCidr(cidr!)!);
    return cidr!;
  }
}
