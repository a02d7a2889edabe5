import { AD, defineRule, RuleLevel } from '../../core/rule';

// Several stacks, several regions, one on-premises network (lib/network/on-premises-network.ts, hub-mesh.ts)
export const NET_ONPREM_NETWORK = defineRule({
  id: 'NET-ONPREM-NETWORK',
  level: RuleLevel.ERROR,
  description: 'An on-premises network declared once (OnPremisesNetwork) has at least one prefix, and the circuits and VPN sites that reach it advertise only prefixes inside it',
  source: `library (address plan); ${AD} expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering.md (the same on-premises prefixes advertised over several circuits)`,
});
// NET-REGION: now in lib/core/rules/net-region.ts (every construct with a location checks it).
export const NET_HUB_MESH = defineRule({
  id: 'NET-HUB-MESH',
  level: RuleLevel.ERROR,
  description: 'A hub mesh joins at least two distinct hubs, each pair peered once (both directions), hubs of one mesh in different regions with non-overlapping region supernets',
  source: `${AD} virtual-network/virtual-network-peering-overview.md (global virtual network peering); Azure/terraform-azurerm-avm-ptn-alz-connectivity-hub-and-spoke-vnet (mesh_peering_enabled, routing_address_space)`,
});
export const NET_MESH_NO_ROUTER = defineRule({
  id: 'NET-MESH-NO-ROUTER',
  level: RuleLevel.WARNING,
  description: 'Peering is not transitive: spokes of one region reach spokes of another region only through a router (Azure Firewall or an NVA) in each hub, with routes to the other region\'s supernet',
  source: `${AD} virtual-network/virtual-network-peering-overview.md ("Peerings are not transitive"); MicrosoftDocs/architecture-center networking/architecture/hub-spoke (spoke-to-spoke through the hub firewall)`,
});
// Point-to-site on a VPN gateway (lib/network/point-to-site.ts)
export const VPN_P2S_AUTH = defineRule({
  id: 'VPN-P2S-AUTH',
  level: RuleLevel.ERROR,
  description: 'Point-to-site needs a client address pool that overlaps no network, at least one authentication (Entra ID, certificate), certificates with a name and Base64 public data, protocols OpenVPN and/or IkeV2',
  source: `${AD} vpn-gateway/point-to-site-about.md; hashicorp/terraform-provider-azurerm v4.55.0 website/docs/r/virtual_network_gateway.html.markdown (vpn_client_configuration)`,
});
export const VPN_S2S_TUNNELS = defineRule({
  id: 'VPN-S2S-TUNNELS',
  level: RuleLevel.ERROR,
  description: 'A VPN gateway has at most 30 site-to-site tunnels (VpnGw1-3[AZ]) or 100 (VpnGw4-5[AZ]); every site counts one tunnel per gateway instance (two on an active-active gateway)',
  source: `${AD} includes/vpn-gateway-table-gwtype-aggtput-include.md ("S2S/VNet-to-VNet Tunnels": Max. 30 for VpnGw1-3/AZ, Max. 100 for VpnGw4-5/AZ; "Use Virtual WAN if you need more than 30 S2S VPN tunnels"); ${AD} vpn-gateway/vpn-gateway-highlyavailable.md (active-active: a tunnel from each gateway instance)`,
});

/** The rules of this file, for NETWORK_RULES. */
export const CONNECTIVITY_AT_SCALE_RULES = [NET_ONPREM_NETWORK, NET_HUB_MESH, NET_MESH_NO_ROUTER, VPN_P2S_AUTH, VPN_S2S_TUNNELS] as const;
