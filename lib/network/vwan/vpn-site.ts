import { VpnSite as VpnSiteResource } from '@cdktf/provider-azurerm/lib/vpn-site';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Address4 } from 'ip-address';
import { IVirtualWan, IVpnSite } from './interfaces';
import { AddressPlan } from '../../core/address-plan';
import { isIpv4Address } from '../../core/cidr';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { checkAsn } from '../bgp';
import { VPN_SITE_ENDPOINT, VPN_SITE_PUBLIC_IP } from '../rules';
import { VWAN_SITE_LINK } from '../rules/vwan';
import type { VpnDevice } from '../vpn-device';
import { checkName, generateName } from '../../core/naming';

/** One link of a branch: a device (or ISP line) with its public address, and BGP. */
export interface VpnSiteLinkOptions {
  /** Link name, unique in the site (`isp1`, `isp2`): it keys the tunnel pair of every connection. */
  readonly name: string;
  /** The link's VPN device: `VpnDevice.address('203.0.113.10')` or `VpnDevice.fqdn('vpn1.branch.contoso.com')`. */
  readonly device: VpnDevice;
  /**
   * BGP ASN of the branch device on this link (a Terraform expression is accepted).
   * @default - no BGP on this link: static routes from the site's `addressSpaces`
   */
  readonly bgpAsn?: number;
  /**
   * BGP peer address of the branch device on this link (required with `bgpAsn`).
   * @default - none
   */
  readonly bgpPeeringAddress?: string;
  /**
   * Link speed in Mbps (informational, for Azure's capacity view).
   * @default - not set
   */
  readonly speedMbps?: number;
  /**
   * Provider (ISP) of the link.
   * @default - not set
   */
  readonly providerName?: string;
}

/** Options of `VirtualWan.addVpnSite`. */
export interface VpnSiteOptions {
  /** The branch's links (1 or more, one per device or ISP line). */
  readonly links: VpnSiteLinkOptions[];
  /**
   * Prefixes behind the branch. Required when a link has no BGP; checked against the address plan.
   * @default - none (BGP links only)
   */
  readonly addressSpaces?: string[];
  /**
   * Region of the site resource.
   * @default - the Virtual WAN's region
   */
  readonly location?: string;
  /**
   * Site name.
   * @default - generated: `vst-<construct path>`
   */
  readonly name?: string;
  /**
   * Device vendor, shown in the portal (Azure's configuration download uses it).
   * @default - not set
   */
  readonly deviceVendor?: string;
  /**
   * Device model.
   * @default - not set
   */
  readonly deviceModel?: string;
}

/** Props of `VpnSite`. */
export interface VpnSiteProps extends VpnSiteOptions {
  /** The Virtual WAN the site belongs to. */
  readonly virtualWan: IVirtualWan;
}

/**
 * A branch of a Virtual WAN: a VPN site with one link per device or ISP line (address or FQDN,
 * BGP per link). Connect it to a hub with `HubVpnGateway.connectSite`.
 */
export class VpnSite extends Construct implements IVpnSite {
  /** The site (escape hatch). */
  public readonly resource: VpnSiteResource;
  public readonly siteId: string;
  public readonly linkNames: string[];
  public readonly addressSpaces: string[];
  public readonly bgpLinkNames: string[];
  /** The links as given (for the runbook). */
  public readonly links: VpnSiteLinkOptions[];

  constructor(scope: Construct, id: string, props: VpnSiteProps) {
    super(scope, id);
    validateSite(this, props);
    this.links = [...props.links];
    this.linkNames = props.links.map((l) => l.name);
    this.addressSpaces = [...(props.addressSpaces ?? [])];
    this.bgpLinkNames = props.links.filter((l) => l.bgpAsn !== undefined).map((l) => l.name);
    this.resource = new VpnSiteResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'vpnSite'),
      resourceGroupName: props.virtualWan.resourceGroupName,
      location: props.location ?? props.virtualWan.location,
      virtualWanId: props.virtualWan.virtualWanId,
      addressCidrs: this.addressSpaces.length > 0 ? this.addressSpaces : undefined,
      deviceVendor: props.deviceVendor,
      deviceModel: props.deviceModel,
      link: props.links.map((l) => ({
        name: l.name,
        ipAddress: l.device.gatewayAddress,
        fqdn: l.device.gatewayFqdn,
        speedInMbps: l.speedMbps,
        providerName: l.providerName,
        bgp: l.bgpAsn !== undefined ? { asn: l.bgpAsn, peeringAddress: l.bgpPeeringAddress! } : undefined,
      })),
    });
    this.siteId = this.resource.id;
  }
}

function validateSite(site: VpnSite, props: VpnSiteProps): void {
  const problems = new ProblemCollector(site);
  problems.required('virtualWan', props?.virtualWan, 'construct');
  problems.required('links', props?.links, 'array');
  checkName(problems, 'vpnSite', 'name', props?.name);
  problems.type('addressSpaces', props?.addressSpaces, 'array');
  problems.throwIfAny();
  problems.region('location', props.location);
  problems.literal('links', props.links, 'it decides how many links (and tunnel pairs) exist');
  problems.check(props.links.length === 0, VWAN_SITE_LINK, 'links', props.links, 'a VPN site needs at least one link', 'give one link per device or ISP line');
  const spaces = props.addressSpaces ?? [];
  checkCidrs(problems, 'addressSpaces', spaces);
  const seen = new Set<string>();
  props.links.forEach((link, i) => {
    const prop = `links[${i}]`;
    if (problems.required(`${prop}.name`, link?.name, 'string') || problems.required(`${prop}.device`, link?.device, 'object')) return;
    problems.check(seen.has(link.name), VWAN_SITE_LINK, `${prop}.name`, link.name, `two links are named ${link.name}`, 'give each link its own name');
    seen.add(link.name);
    validateDevice(problems, `${prop}.device`, link.device);
    if (link.bgpAsn === undefined) {
      problems.check(spaces.length === 0, VWAN_SITE_LINK, `${prop}.bgpAsn`, undefined, `link ${link.name} has no BGP and the site lists no address spaces: the hub would have no route to the branch`, 'give the site `addressSpaces`, or `bgpAsn` and `bgpPeeringAddress` on the link');
      return;
    }
    if (!Token.isUnresolved(link.bgpAsn)) checkAsn(problems, `${prop}.bgpAsn`, link.bgpAsn, true);
    problems.check(link.bgpPeeringAddress === undefined, VWAN_SITE_LINK, `${prop}.bgpPeeringAddress`, undefined, `link ${link.name} has a BGP ASN but no peering address`, "give the branch device's BGP address");
    problems.ipv4(VWAN_SITE_LINK, `${prop}.bgpPeeringAddress`, link.bgpPeeringAddress);
  });
  problems.throwIfAny();
  AddressPlan.of(site).claim(problems, 'addressSpaces', spaces, `branch ${site.node.path}`);
  problems.throwIfAny();
}

/** The same device rules as a hub-VNet site (VPN-SITE-ENDPOINT, VPN-SITE-PUBLIC-IP). */
function validateDevice(problems: ProblemCollector, prop: string, device: VpnDevice): void {
  const address = device.gatewayAddress;
  problems.check(address === undefined && device.gatewayFqdn === undefined, VPN_SITE_ENDPOINT, prop, undefined, 'the device has neither an address nor an FQDN', "use VpnDevice.address('203.0.113.10') or VpnDevice.fqdn('vpn.contoso.com')");
  problems.check(address !== undefined && device.gatewayFqdn !== undefined, VPN_SITE_ENDPOINT, prop, device.gatewayFqdn, 'a site link takes an address or an FQDN, not both', "use VpnDevice.address(...) or VpnDevice.fqdn(...)");
  if (address !== undefined && !Token.isUnresolved(address)) {
    const parsed = isIpv4Address(address) ? new Address4(address) : undefined;
    problems.check(!parsed || parsed.isPrivate() || parsed.isLinkLocal() || parsed.isLoopback() || parsed.isCGNAT() || parsed.isMulticast() || parsed.isUnspecified() || parsed.isBroadcast() || parsed.isReserved(), VPN_SITE_PUBLIC_IP, prop, address, `${address} is not a public IPv4 address; the hub reaches the device over the internet`, "use the device's public IPv4 address (or VpnDevice.fqdn(name))");
  }
  problems.dnsName(VPN_SITE_ENDPOINT, prop, device.gatewayFqdn, true, 'use a name such as vpn.contoso.com');
}
