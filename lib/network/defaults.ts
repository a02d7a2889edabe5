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
