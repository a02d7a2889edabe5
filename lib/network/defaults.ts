// What the network patterns choose when the user does not say: the guide's recommendations
// (../shared/reference/azure-hybrid-rules.md sections 1-3), in one place.

/** GatewaySubnet size: /26 leaves room for active-active, ExpressRoute coexistence and Route Server. */
export const GATEWAY_SUBNET_PREFIX_LENGTH = 26;
/** Smallest GatewaySubnet the library accepts (Azure's /29 minimum is too small for the patterns). */
export const GATEWAY_SUBNET_MAX_PREFIX_LENGTH = 27;
/** Size of a further subnet carved without an explicit prefix. */
export const SUBNET_PREFIX_LENGTH = 24;
/** Azure's own VPN gateway ASN; ExpressRoute coexistence requires it. */
export const AZURE_VPN_ASN = 65515;
/** Zones of zone-redundant public IPs and gateways. */
export const ZONES = ['1', '2', '3'];
/** IKEv2 with a GCM IPsec policy every current VPN device supports. */
export const IPSEC_POLICY = {
  ikeEncryption: 'AES256',
  ikeIntegrity: 'SHA384',
  dhGroup: 'ECP384',
  ipsecEncryption: 'GCMAES256',
  ipsecIntegrity: 'GCMAES256',
  pfsGroup: 'ECP384',
  saLifetimeSeconds: 27000,
  saDataSizeKilobytes: 102400000,
};
/** Dead peer detection timeout (Azure's default is 45 s). */
export const DPD_TIMEOUT_SECONDS = 45;
/** Length of a generated pre-shared key (Azure allows 1-128 printable ASCII). */
export const SHARED_KEY_LENGTH = 64;

// ExpressRoute, coexistence and spokes (azure-hybrid-rules.md sections 1 and 3).

/** ExpressRoute gateway SKU: zone-redundant, the smallest that is not tied to a Basic public IP. */
export const EXPRESSROUTE_GATEWAY_SKU = 'ErGw1AZ';
/** Circuit SKU tier: Standard (Premium only for global reach across geopolitical regions). */
export const EXPRESSROUTE_SKU_TIER = 'Standard';
/** Circuit billing: MeteredData; switch to UnlimitedData above ~68% sustained utilization. */
export const EXPRESSROUTE_SKU_FAMILY = 'MeteredData';
/** Longest MD5 key a circuit peering takes, and the length of a generated one. */
export const EXPRESSROUTE_SHARED_KEY_MAX_LENGTH = 25;
/** Global Reach takes a /29 (expressroute-howto-set-global-reach.md). */
export const EXPRESSROUTE_GLOBAL_REACH_PREFIX_LENGTH = 29;
/** Bandwidths (Mbps) connectivity providers offer. */
export const EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS = [50, 100, 200, 500, 1000, 2000, 5000, 10000];
/** Bandwidths (Gbps) of circuits on an ExpressRoute Direct port. */
export const EXPRESSROUTE_PORT_BANDWIDTHS_GBPS = [1, 2, 5, 10, 40, 100];
/** Size of RouteServerSubnet carved when Azure Route Server is added (/27 is Azure's minimum). */
export const ROUTE_SERVER_SUBNET_PREFIX_LENGTH = 27;
/** Spoke peerings: forwarded traffic allowed (hub NVAs, gateway transit). */
export const SPOKE_ALLOW_FORWARDED_TRAFFIC = true;
