import { IConstruct } from 'constructs';

/**
 * The DNS servers clients of a hub should use, as the hub and its DNS Private Resolver declare
 * them: the hub's custom DNS servers (`dnsServers` of the virtual network), else the resolver's
 * inbound address. Point-to-site clients take them as the default of their profile's
 * `<dnsservers>`, so that private endpoints resolve for remote users. Read at synth: the
 * resolver may be declared after the gateway.
 */
const HUB_DNS = new WeakMap<IConstruct, { virtualNetwork?: string[]; resolvers: string[] }>();

function entryOf(hub: IConstruct): { virtualNetwork?: string[]; resolvers: string[] } {
  const entry = HUB_DNS.get(hub) ?? { resolvers: [] };
  HUB_DNS.set(hub, entry);
  return entry;
}

/** The hub's virtual network has custom DNS servers. */
export function registerHubDnsServers(hub: IConstruct, servers: string[]): void {
  entryOf(hub).virtualNetwork = [...servers];
}

/** A DNS Private Resolver in the hub answers on `address`. */
export function registerHubResolver(hub: IConstruct, address: string): void {
  entryOf(hub).resolvers.push(address);
}

/** The hub's custom DNS servers, else its resolvers' inbound addresses, else none. */
export function hubDnsServersOf(hub: IConstruct): string[] {
  const entry = HUB_DNS.get(hub);
  return [...(entry?.virtualNetwork ?? entry?.resolvers ?? [])];
}
