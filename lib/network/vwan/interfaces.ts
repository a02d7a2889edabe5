import { IConstruct } from 'constructs';

/** A Virtual WAN: a new `VirtualWan` or an existing one (`VirtualWan.fromVirtualWanAttributes`). */
export interface IVirtualWan extends IConstruct {
  /** Resource id. */
  readonly virtualWanId: string;
  /** Resource group of the Virtual WAN (hubs and sites go there unless told otherwise). */
  readonly resourceGroupName: string;
  /** Region of the Virtual WAN resource (hubs have their own regions). */
  readonly location: string;
}

/** A virtual hub of a Virtual WAN. */
export interface IVirtualHub extends IConstruct {
  /** Resource id. */
  readonly hubId: string;
  /** The Virtual WAN it belongs to. */
  readonly virtualWan: IVirtualWan;
  /** Region. */
  readonly location: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Address prefix (a /23 or /24). */
  readonly addressPrefix: string;
  /** Id of its defaultRouteTable. */
  readonly defaultRouteTableId: string;
  /** True once routing intent is configured (Azure then manages associations and propagations). */
  readonly routingIntentEnabled: boolean;
}

/** A VPN site (a branch) of a Virtual WAN. */
export interface IVpnSite extends IConstruct {
  /** Resource id. */
  readonly siteId: string;
  /** Link names, in order (connections configure one tunnel pair per link). */
  readonly linkNames: string[];
  /** Names of the links that run BGP. */
  readonly bgpLinkNames: string[];
  /** Prefixes behind the site (static routing, and the address plan). */
  readonly addressSpaces: string[];
}

/** A hub's site-to-site VPN gateway, as a branch connection sees it. */
export interface IHubVpnGateway extends IConstruct {
  /** Resource id. */
  readonly resourceId: string;
  /** The hub. */
  readonly hub: IVirtualHub;
  /** Output with the public IPs of instance 0 and 1. */
  readonly publicIpsOutputName: string;
  /** Output with the BGP peer addresses of instance 0 and 1. */
  readonly bgpPeeringAddressesOutputName: string;
}
