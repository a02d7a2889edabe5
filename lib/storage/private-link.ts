import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Construct } from 'constructs';
import { generateName } from '../core/naming';

/** What `createPrivateLink` makes (library-internal; not exported from the package). */
export interface PrivateLinkParts {
  readonly endpoint: PrivateEndpoint;
  /** Undefined when an existing zone was given. */
  readonly zone?: PrivateDnsZone;
  readonly links: PrivateDnsZoneVirtualNetworkLink[];
}

export interface PrivateLinkSpec {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subnetId: string;
  readonly targetResourceId: string;
  /** `file`, `afs`, ... */
  readonly subresource: string;
  /** e.g. privatelink.file.core.windows.net */
  readonly zoneName: string;
  /** Existing zone to use instead of creating one (links are then the zone owner's job). */
  readonly existingZoneId?: string;
  /** Virtual networks to link the zone to, by a name the user chose. */
  readonly virtualNetworks: { [name: string]: string };
}

/**
 * A private endpoint with its private DNS zone group, and (unless an existing zone is given) the
 * zone and its virtual network links. Construct ids: PrivateEndpoint, PrivateDnsZone, DnsLink<name>.
 */
export function createPrivateLink(scope: Construct, spec: PrivateLinkSpec): PrivateLinkParts {
  let zone: PrivateDnsZone | undefined;
  const links: PrivateDnsZoneVirtualNetworkLink[] = [];
  if (spec.existingZoneId === undefined) {
    zone = new PrivateDnsZone(scope, 'PrivateDnsZone', { name: spec.zoneName, resourceGroupName: spec.resourceGroupName });
    for (const [name, virtualNetworkId] of Object.entries(spec.virtualNetworks)) {
      links.push(
        new PrivateDnsZoneVirtualNetworkLink(scope, `DnsLink${name}`, {
          name: `link-${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
          resourceGroupName: spec.resourceGroupName,
          privateDnsZoneName: zone.name,
          virtualNetworkId,
          registrationEnabled: false,
        }),
      );
    }
  }
  const endpoint = new PrivateEndpoint(scope, 'PrivateEndpoint', {
    name: generateName(scope, 'privateEndpoint', spec.subresource),
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
      privateDnsZoneIds: [spec.existingZoneId ?? zone!.id],
    },
  });
  return { endpoint, zone, links };
}
