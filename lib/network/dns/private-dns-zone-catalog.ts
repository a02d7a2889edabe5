import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { PrivateLinkZones } from './private-link-zones';
import { ProblemCollector } from '../../core/errors';
import { IPrivateDnsZoneCatalog } from '../../core/private-endpoint';
import { DNS_ZONE_CATALOG } from '../rules/dns-and-security';

/**
 * A hub's private-link zones by name, for private endpoints (`zoneId`) and for the on-premises
 * DNS hand-off (`zoneNames`: the conditional forwarders to write).
 */
export interface IHubPrivateDnsZones extends IPrivateDnsZoneCatalog {
  /** Names of the zones in the catalog, sorted. */
  zoneNames(): string[];
}

/** Props of `PrivateDnsZoneCatalog`. */
export interface PrivateDnsZoneCatalogProps {
  /** Resource group of the zones (private DNS zones are global). */
  readonly resourceGroupName: string;
  /**
   * Virtual networks to link every zone to, by a name you choose (the link's name): the hub (so
   * the resolver's inbound endpoint answers for the zones) and the spokes. A literal map: it
   * decides how many links exist.
   */
  readonly virtualNetworkIds: { [name: string]: string };
  /**
   * Zone names to create. A literal list.
   * @default - `PrivateLinkZones.all(backupGeoCodes)`: every zone this library's private endpoints use
   */
  readonly zoneNames?: string[];
  /**
   * Geo codes of the regions whose Azure Backup zone (`privatelink.<geo>.backup.windowsazure.com`)
   * the default zone list includes.
   * @default - none
   */
  readonly backupGeoCodes?: string[];
  /**
   * Zones that already exist, by zone name to resource id: they are used, not created, and not
   * linked (their links are their owner's job).
   * @default - none
   */
  readonly existingZoneIds?: { [zoneName: string]: string };
  /**
   * Fall back to internet (public) resolution when a name is not in a zone (the link's
   * `resolution_policy = NxDomainRedirect`): a private endpoint of another tenant or not yet
   * created still resolves publicly instead of NXDOMAIN.
   * @default true
   */
  readonly internetFallback?: boolean;
}

const ZONE_NAME = /^privatelink\.[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const idOf = (zoneName: string): string => zoneName.replace(/^privatelink\./, '').replace(/[^A-Za-z0-9]+/g, '-');

/**
 * The private-link DNS zones of a hub, created once and linked to the hub and its spokes. Every
 * private endpoint of the library registers in it through a zone group
 * (`addPrivateEndpoint(id, { subnetId, privateDnsZones: catalog })`) instead of creating its own
 * zone, so two file shares in one resource group share `privatelink.file.core.windows.net`.
 */
export class PrivateDnsZoneCatalog extends Construct implements IHubPrivateDnsZones {
  /**
   * Existing zones by name to resource id (created elsewhere, e.g. by a platform team's
   * connectivity subscription), as a catalog for private endpoints.
   */
  public static fromZoneIds(scope: Construct, id: string, zoneIds: { [zoneName: string]: string }): IHubPrivateDnsZones {
    return new ImportedCatalog(scope, id, zoneIds);
  }

  /** The zones this catalog created, by name (escape hatches). */
  public readonly zones: { [zoneName: string]: PrivateDnsZone } = {};
  /** The virtual network links, by zone name then link name. */
  public readonly links: { [zoneName: string]: { [linkName: string]: PrivateDnsZoneVirtualNetworkLink } } = {};
  /** Resource group of the zones. */
  public readonly resourceGroupName: string;
  private readonly existing: { [zoneName: string]: string };
  private readonly resolutionPolicy: string;
  private readonly linkedNetworks: { [name: string]: string } = {};

  constructor(scope: Construct, id: string, props: PrivateDnsZoneCatalogProps) {
    super(scope, id);
    const names = this.resolve(props);
    this.resourceGroupName = props.resourceGroupName;
    this.existing = { ...(props.existingZoneIds ?? {}) };
    this.resolutionPolicy = props.internetFallback === false ? 'Default' : 'NxDomainRedirect';
    for (const name of names) if (this.existing[name] === undefined) this.createZone(name);
    for (const [linkName, vnetId] of Object.entries(props.virtualNetworkIds)) this.linkVirtualNetwork(linkName, vnetId);
  }

  public zoneId(zoneName: string): string | undefined {
    return this.existing[zoneName] ?? this.zones[zoneName]?.id;
  }

  public zoneNames(): string[] {
    return [...new Set([...Object.keys(this.zones), ...Object.keys(this.existing)])].sort();
  }

  /** Adds a zone (linked to every virtual network linked so far and later). */
  public addZone(zoneName: string): PrivateDnsZone {
    const problems = new ProblemCollector(this);
    this.checkZoneName(problems, 'zoneName', zoneName);
    problems.throwIfAny();
    const zone = this.createZone(zoneName);
    for (const [linkName, vnetId] of Object.entries(this.linkedNetworks)) this.link(zoneName, linkName, vnetId);
    return zone;
  }

  /** Links every zone the catalog created to a virtual network (a spoke added later), by a link name. */
  public linkVirtualNetwork(name: string, virtualNetworkId: string): void {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('virtualNetworkId', virtualNetworkId, 'string');
    problems.resourceId(DNS_ZONE_CATALOG, 'virtualNetworkId', virtualNetworkId, 'virtual network');
    problems.check(this.linkedNetworks[name] !== undefined, DNS_ZONE_CATALOG, 'name', name, `a virtual network is already linked as ${name}`, 'give each link its own name');
    problems.check(
      !Token.isUnresolved(virtualNetworkId) && Object.values(this.linkedNetworks).includes(virtualNetworkId),
      DNS_ZONE_CATALOG,
      'virtualNetworkId',
      virtualNetworkId,
      'this virtual network is already linked (Azure refuses a second link of one zone to one network)',
      'link each virtual network once',
    );
    problems.throwIfAny();
    this.linkedNetworks[name] = virtualNetworkId;
    for (const zoneName of Object.keys(this.zones)) this.link(zoneName, name, virtualNetworkId);
  }


  private resolve(props: PrivateDnsZoneCatalogProps): string[] {
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('virtualNetworkIds', props?.virtualNetworkIds, 'object');
    problems.type('zoneNames', props?.zoneNames, 'array');
    problems.type('existingZoneIds', props?.existingZoneIds, 'object');
    problems.throwIfAny();
    problems.literal('zoneNames', props.zoneNames, 'it decides which zones exist');
    problems.literal('virtualNetworkIds', props.virtualNetworkIds, 'it decides how many links exist');
    const names = props.zoneNames ?? PrivateLinkZones.all(props.backupGeoCodes ?? []);
    for (const name of names) this.checkZoneName(problems, 'zoneNames', name);
    problems.check(new Set(names).size !== names.length, DNS_ZONE_CATALOG, 'zoneNames', names, 'a zone is listed twice', 'list each zone once');
    for (const [name, zoneId] of Object.entries(props.existingZoneIds ?? {})) {
      this.checkZoneName(problems, `existingZoneIds.${name}`, name);
      problems.resourceId(DNS_ZONE_CATALOG, `existingZoneIds.${name}`, zoneId, 'private DNS zone');
    }
    problems.throwIfAny();
    return names;
  }

  private checkZoneName(problems: ProblemCollector, prop: string, name: string): void {
    if (Token.isUnresolved(name)) return;
    problems.check(typeof name !== 'string' || !ZONE_NAME.test(name), DNS_ZONE_CATALOG, prop, name, 'not a privatelink zone name', 'use the zone Azure documents for the sub-resource, e.g. privatelink.file.core.windows.net (PrivateLinkZones)');
    problems.check(this.zones[name] !== undefined, DNS_ZONE_CATALOG, prop, name, `the catalog already has ${name}`, 'add each zone once');
  }

  private createZone(name: string): PrivateDnsZone {
    const zone = new PrivateDnsZone(this, `Zone-${idOf(name)}`, { name, resourceGroupName: this.resourceGroupName });
    this.zones[name] = zone;
    this.links[name] = {};
    return zone;
  }

  private link(zoneName: string, linkName: string, virtualNetworkId: string): void {
    this.links[zoneName][linkName] = new PrivateDnsZoneVirtualNetworkLink(this, `Link-${idOf(zoneName)}-${linkName}`, {
      name: `link-${linkName.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
      resourceGroupName: this.resourceGroupName,
      privateDnsZoneName: this.zones[zoneName].name,
      virtualNetworkId,
      registrationEnabled: false,
      resolutionPolicy: this.resolutionPolicy,
    });
  }
}

class ImportedCatalog extends Construct implements IHubPrivateDnsZones {
  private readonly ids: { [zoneName: string]: string };

  constructor(scope: Construct, id: string, zoneIds: { [zoneName: string]: string }) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('zoneIds', zoneIds, 'object');
    problems.throwIfAny();
    for (const [name, zoneId] of Object.entries(zoneIds)) {
      problems.check(!Token.isUnresolved(name) && !ZONE_NAME.test(name), DNS_ZONE_CATALOG, `zoneIds.${name}`, name, 'not a privatelink zone name', 'use the zone Azure documents for the sub-resource, e.g. privatelink.file.core.windows.net');
      problems.resourceId(DNS_ZONE_CATALOG, `zoneIds.${name}`, zoneId, 'private DNS zone');
    }
    problems.throwIfAny();
    this.ids = { ...zoneIds };
  }

  public zoneId(zoneName: string): string | undefined {
    return this.ids[zoneName];
  }

  public zoneNames(): string[] {
    return Object.keys(this.ids).sort();
  }
}
