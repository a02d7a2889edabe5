import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ResolverHandoff } from './handoff/dns';
import { IPrivateDnsZoneCatalog } from '../core/private-endpoint';
import { DnsPrivateResolver } from '../network/dns/dns-private-resolver';
import { PrivateDnsZoneCatalog } from '../network/dns/private-dns-zone-catalog';
import type { IHubNetwork } from '../network/hub-network';

/** Where the private DNS zone of a storage private endpoint comes from (what its construct was given). */
export interface EndpointZone {
  /** The hub of the construct (the zone's link when the construct creates the zone). */
  readonly hub: IHubNetwork;
  /** `privatelink.file.core.windows.net`, `privatelink.afs.azure.net`. */
  readonly zoneName: string;
  /** The virtual networks the construct links the zone it created to (hub and spokes); undefined when it created no zone. */
  readonly linkedVirtualNetworkIds?: string[];
  /** The catalog the endpoint registers in, when one was given. */
  readonly catalog?: IPrivateDnsZoneCatalog;
}

/** What each storage construct recorded about its zone, for File Sync to read about the share's account. */
const ZONES = new WeakMap<IConstruct, EndpointZone>();

/** Records where the private DNS zone of `owner`'s endpoint comes from. */
export function recordEndpointZone(owner: IConstruct, zone: EndpointZone): void {
  ZONES.set(owner, zone);
}

/** What `recordEndpointZone` recorded for `owner` (undefined for an imported account). */
export function endpointZoneOf(owner: IConstruct): EndpointZone | undefined {
  return ZONES.get(owner);
}

/**
 * The DNS Private Resolver that on-premises DNS forwards the zone's names to, as the runbook names it:
 * a `DnsPrivateResolver` of this app in a virtual network the zone is linked to (the hub's first),
 * or, when the zone's links are not known here (a zone given by id, an imported catalog, a
 * catalog zone that exists elsewhere), the resolver of the construct's hub, with `zoneLinked`
 * false. Undefined when no resolver of the app qualifies: the runbook then names none. Read at
 * synth (the resolver and the catalog's links may be declared after the share).
 */
export function endpointResolver(scope: IConstruct, zone: EndpointZone): ResolverHandoff | undefined {
  const resolvers = scope.node.root.node.findAll().filter((c): c is DnsPrivateResolver => c instanceof DnsPrivateResolver);
  const inHub = (r: DnsPrivateResolver) => r.hub === zone.hub || sameId(r.hub.virtualNetworkId, zone.hub.virtualNetworkId);
  const linked = linkedNetworks(zone);
  const candidates = linked === undefined
    ? resolvers.filter(inHub)
    : resolvers.filter((r) => linked.some((id) => sameId(id, r.hub.virtualNetworkId)));
  // The hub's resolver first (a virtual network has one resolver).
  const resolver = candidates.find(inHub) ?? candidates[0];
  if (!resolver) return undefined;
  const stack = TerraformStack.of(resolver);
  return {
    path: resolver.node.path,
    otherStack: stack === TerraformStack.of(scope) ? undefined : stack.node.id,
    inboundIp: Token.isUnresolved(resolver.inboundEndpointIp) ? undefined : resolver.inboundEndpointIp,
    zoneLinked: linked !== undefined,
  };
}

/** Paths of the DNS Private Resolvers in the stack of `scope` (for "this stack deploys none"). */
export function resolversInStack(scope: IConstruct): string[] {
  return TerraformStack.of(scope).node.findAll().filter((c) => c instanceof DnsPrivateResolver).map((c) => c.node.path);
}

/** The virtual networks the zone is linked to, when this app links it (undefined when unknown here). */
function linkedNetworks(zone: EndpointZone): string[] | undefined {
  if (zone.linkedVirtualNetworkIds) return zone.linkedVirtualNetworkIds;
  if (!(zone.catalog instanceof PrivateDnsZoneCatalog)) return undefined;
  const links = zone.catalog.links[zone.zoneName];
  // A zone of the catalog's `existingZoneIds` is not linked by the catalog: its owner links it.
  if (!links || !zone.catalog.zones[zone.zoneName]) return undefined;
  return Object.values(links).map((l) => l.virtualNetworkIdInput).filter((id): id is string => typeof id === 'string');
}

/** Two virtual network ids are the same: the same reference, or the same literal id (ids are case-insensitive). */
function sameId(a: string, b: string): boolean {
  return a === b || (!Token.isUnresolved(a) && !Token.isUnresolved(b) && a.toLowerCase() === b.toLowerCase());
}
