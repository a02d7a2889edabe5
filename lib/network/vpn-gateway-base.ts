import type { IHubNetwork } from './hub-network-base';
import type { VpnGatewaySku } from './vpn-gateway-sku';
import type { MetricDefinition } from '../core/alerts';
import type { IAzureResource } from '../core/azure-resource';

/** VPN gateway generation. */
export enum VpnGatewayGeneration {
  /** Generation1: VpnGw1-3 and their AZ forms. */
  GENERATION1 = 'Generation1',
  /** Generation2: VpnGw2-5 and their AZ forms; more throughput and tunnels. */
  GENERATION2 = 'Generation2',
}

/**
 * A VPN gateway: a new `VpnGateway` or an existing one (`VpnGateway.fromVpnGatewayAttributes`).
 * Sites connect to it (`SiteToSiteConnection`), monitoring reads its metrics.
 */
export interface IVpnGateway extends IAzureResource {
  /** Resource id of the gateway. */
  readonly gatewayId: string;
  /** The hub whose GatewaySubnet holds it. */
  readonly hub: IHubNetwork;
  /** SKU. */
  readonly sku: VpnGatewaySku;
  /** Generation. */
  readonly generation: VpnGatewayGeneration;
  /** Whether BGP is on. */
  readonly bgpEnabled: boolean;
  /** Whether the gateway is active-active (two instances, two tunnels per site). */
  readonly activeActive: boolean;
  /**
   * Whether the gateway has private IPs for sites whose tunnels run over ExpressRoute private
   * peering; undefined when unknown (an existing gateway that did not say).
   */
  readonly privateIpAddressEnabled?: boolean;
  /** The gateway's BGP ASN. */
  readonly asn: number;
  /** Custom APIPA BGP addresses per instance (empty lists when none). */
  readonly apipaAddresses: string[][];
  /** Aggregate throughput Azure quotes for the SKU and generation, in Mbps (undefined when unknown). */
  readonly aggregateThroughputMbps?: number;
  /** Name of the hand-off output with the gateway's public IPs, when this stack creates the gateway. */
  readonly publicIpsOutputName?: string;
  /** Name of the hand-off output with the gateway's BGP peer addresses, when this stack creates the gateway. */
  readonly bgpPeeringAddressesOutputName?: string;
  /** `BgpPeerStatus` (Average; 1 = connected, 0 = down), split by `BgpPeerAddress`. */
  metricBgpPeerStatus(): MetricDefinition;
  /** `AverageBandwidth`: site-to-site bandwidth of the gateway (bytes/s, Average), split by `Instance`. */
  metricAverageBandwidth(): MetricDefinition;
  /** `TunnelAverageBandwidth`: bandwidth per tunnel (bytes/s, Average), split by `ConnectionName`. */
  metricTunnelAverageBandwidth(): MetricDefinition;
}
