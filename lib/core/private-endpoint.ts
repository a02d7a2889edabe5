import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Construct, IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { generateName } from './naming';
import { PRIVATE_ENDPOINT } from './rules';

/**
 * The private-link DNS zones of a hub, created once and linked to the hub and its spokes
 * (`PrivateDnsZoneCatalog` in lib/network). A private endpoint registers in the zone of its
 * sub-resource through a zone group instead of creating a zone of its own.
 */
export interface IPrivateDnsZoneCatalog extends IConstruct {
  /** Resource id of the zone named `zoneName` (`privatelink.file.core.windows.net`), or undefined when the catalog has none. */
  zoneId(zoneName: string): string | undefined;
}

/** Options of `addPrivateEndpoint` on any construct whose resource has private link. */
export interface PrivateEndpointOptions {
  /** Resource id of the subnet the endpoint's network interface goes into. */
  readonly subnetId: string;
  /**
   * Resource id of an existing private DNS zone for the sub-resource (from a hub's private-link
   * zone catalogue). The endpoint registers in it through a zone group.
   * @default - a new zone, linked to `linkVirtualNetworkIds`
   */
  readonly privateDnsZoneId?: string;
  /**
   * The hub's private-link zone catalog: the endpoint registers in its zone for the sub-resource.
   * @default - none
   */
  readonly privateDnsZones?: IPrivateDnsZoneCatalog;
  /**
   * Virtual networks to link a new zone to, by a name you choose (the link's name).
   * @default - none (ignored when `privateDnsZoneId` is given: links are the zone owner's job)
   */
  readonly linkVirtualNetworkIds?: { [name: string]: string };
}

/** What a private endpoint is made of (escape hatches). */
export interface PrivateLinkParts {
  /** The private endpoint, with its private DNS zone group. */
  readonly endpoint: PrivateEndpoint;
  /** The zone, when the endpoint created one. */
  readonly zone?: PrivateDnsZone;
  /** The zone's virtual network links, when the endpoint created the zone. */
  readonly links: PrivateDnsZoneVirtualNetworkLink[];
}

/** Everything `PrivateLink.create` needs (library-internal). */
export interface PrivateLinkSpec extends PrivateEndpointOptions {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly targetResourceId: string;
  /** `file`, `afs`, `AzureBackup`, ... */
  readonly subresource: string;
  /** e.g. privatelink.file.core.windows.net */
  readonly zoneName: string;
}

/**
 * A private endpoint with its private DNS zone group, and (unless an existing zone is given) the
 * zone and its virtual network links. The one way the library builds a private endpoint
 * (storage, File Sync, vaults, Arc, Relay). Library-internal.
 */
export class PrivateLink {
  /**
   * Creates the parts under `scope` with construct ids `${prefix}PrivateEndpoint`,
   * `${prefix}PrivateDnsZone` and `${prefix}DnsLink<name>` (prefix '' keeps the ids file shares
   * have always had, so Terraform replaces nothing).
   */
  public static create(scope: Construct, prefix: string, spec: PrivateLinkSpec): PrivateLinkParts {
    const problems = new ProblemCollector(scope);
    problems.resourceId(PRIVATE_ENDPOINT, 'subnetId', spec.subnetId, 'subnet');
    problems.resourceId(PRIVATE_ENDPOINT, 'privateDnsZoneId', spec.privateDnsZoneId, 'private DNS zone');
    const catalogZone = spec.privateDnsZones?.zoneId(spec.zoneName);
    problems.check(spec.privateDnsZones !== undefined && catalogZone === undefined, PRIVATE_ENDPOINT, 'privateDnsZones', spec.zoneName, `the zone catalog ${spec.privateDnsZones?.node.path} has no zone ${spec.zoneName}`, `add ${spec.zoneName} to the catalog`);
    problems.check(spec.privateDnsZones !== undefined && spec.privateDnsZoneId !== undefined, PRIVATE_ENDPOINT, 'privateDnsZoneId', spec.privateDnsZoneId, 'give a zone id or a zone catalog, not both', 'drop one');
    problems.throwIfAny();
    // Link names are derived from the given names: two that map to one would replace each other.
    const linkName = (name: string) => `link-${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
    const seen = new Map<string, string>();
    for (const name of Object.keys(spec.linkVirtualNetworkIds ?? {})) {
      const other = seen.get(linkName(name));
      problems.check(other !== undefined, PRIVATE_ENDPOINT, 'linkVirtualNetworkIds', name, `${name} and ${other} give the same link name ${linkName(name)}`, 'give each virtual network a distinct name');
      seen.set(linkName(name), name);
    }
    problems.throwIfAny();
    const zoneId = spec.privateDnsZoneId ?? catalogZone;
    let zone: PrivateDnsZone | undefined;
    const links: PrivateDnsZoneVirtualNetworkLink[] = [];
    if (zoneId === undefined) {
      zone = new PrivateDnsZone(scope, `${prefix}PrivateDnsZone`, { name: spec.zoneName, resourceGroupName: spec.resourceGroupName });
      for (const [name, virtualNetworkId] of Object.entries(spec.linkVirtualNetworkIds ?? {})) {
        links.push(
          new PrivateDnsZoneVirtualNetworkLink(scope, `${prefix}DnsLink${name}`, {
            name: linkName(name),
            resourceGroupName: spec.resourceGroupName,
            privateDnsZoneName: zone.name,
            virtualNetworkId,
            registrationEnabled: false,
          }),
        );
      }
    }
    const endpoint = new PrivateEndpoint(scope, `${prefix}PrivateEndpoint`, {
      name: generateName(scope, 'privateEndpoint', prefix ? `${prefix.toLowerCase()}-${spec.subresource.toLowerCase()}` : spec.subresource),
      resourceGroupName: spec.resourceGroupName,
      location: spec.location,
      subnetId: spec.subnetId,
      privateServiceConnection: {
        name: `psc-${spec.subresource}`,
        isManualConnection: false,
        privateConnectionResourceId: spec.targetResourceId,
        subresourceNames: [spec.subresource],
      },
      privateDnsZoneGroup: {
        name: 'default',
        privateDnsZoneIds: [zoneId ?? zone!.id],
      },
    });
    return { endpoint, zone, links };
  }

  private constructor() {}
}
