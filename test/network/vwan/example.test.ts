import { Testing } from 'cdktf';
import { VirtualWanStack } from '../../../examples/virtual-wan';
import { checkIndex, indexOfConfig } from '../../../lib/checks/rule-pack';

function synthExample(): any {
  const app = Testing.app();
  const stack = new VirtualWanStack(app, 'virtual-wan');
  return JSON.parse(Testing.synth(stack, true));
}

/** The one resource of `type` whose body mentions `needle`, with its name. */
function find(json: any, type: string, pred: (body: any) => boolean): [string, any][] {
  return Object.entries(json.resource?.[type] ?? {}).filter(([, b]) => pred(b)) as [string, any][];
}

const ref = (type: string, name: string) => `${type}.${name}.`;

describe('example virtual-wan', () => {
  const json = synthExample();

  test('synthesizes and the rule pack reports no errors', () => {
    const errors = checkIndex('virtual-wan', indexOfConfig(json)).filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
  });

  test('a branch prefix reaches a spoke of the other hub through the declared routing', () => {
    // GIVEN the branch Paris and its prefix
    const [[siteName, site]] = find(json, 'azurerm_vpn_site', (b) => (b.address_cidrs ?? []).includes('192.168.10.0/24'));
    // the site link -> a VPN gateway connection of a hub VPN gateway
    const [[, connection]] = find(json, 'azurerm_vpn_gateway_connection', (b) => String(b.remote_vpn_site_id).includes(ref('azurerm_vpn_site', siteName)));
    expect(connection.vpn_link.map((l: any) => l.name)).toEqual(site.link.map((l: any) => l.name));
    const gatewayName = /azurerm_vpn_gateway\.([^.]+)\./.exec(connection.vpn_gateway_id)![1];
    const gateway = json.resource.azurerm_vpn_gateway[gatewayName];
    const hubA = /azurerm_virtual_hub\.([^.]+)\./.exec(gateway.virtual_hub_id)![1];
    // hub A is secured: routing intent sends private traffic (branch, VNet, inter-hub) to its firewall
    const [[, intent]] = find(json, 'azurerm_virtual_hub_routing_intent', (b) => String(b.virtual_hub_id).includes(ref('azurerm_virtual_hub', hubA)));
    const privatePolicy = intent.routing_policy.find((p: any) => p.destinations.includes('PrivateTraffic'));
    const firewallName = /azurerm_firewall\.([^.]+)\./.exec(privatePolicy.next_hop)![1];
    expect(json.resource.azurerm_firewall[firewallName].virtual_hub.virtual_hub_id).toContain(ref('azurerm_virtual_hub', hubA));
    // so the branch connection leaves its routing to routing intent (no custom association)
    expect(connection.routing).toBeUndefined();
    // hub-to-hub: hub B is in the same Standard Virtual WAN (hubs of one Standard WAN are meshed)
    const wanRef = json.resource.azurerm_virtual_hub[hubA].virtual_wan_id;
    const hubB = Object.keys(json.resource.azurerm_virtual_hub).find((h) => h !== hubA && json.resource.azurerm_virtual_hub[h].virtual_wan_id === wanRef)!;
    expect(hubB).toBeDefined();
    const wanName = /azurerm_virtual_wan\.([^.]+)\./.exec(wanRef)![1];
    expect(json.resource.azurerm_virtual_wan[wanName].type).toBe('Standard');
    // hub B's spoke connection propagates to the `default` label, which every hub's defaultRouteTable carries
    const [[, spoke]] = find(json, 'azurerm_virtual_hub_connection', (b) => String(b.virtual_hub_id).includes(ref('azurerm_virtual_hub', hubB)));
    expect(spoke.routing.propagated_route_table.labels).toContain('default');
    expect(spoke.routing.associated_route_table_id).toContain(`${ref('azurerm_virtual_hub', hubB)}default_route_table_id`);
    // and the spoke's address space is the destination, outside every branch prefix
    expect(spoke.remote_virtual_network_id).toContain('var.north_spoke_id');
  });

  test('the Lyon branch waits behind its gate; the ExpressRoute connection uses the circuit peering', () => {
    const [[, lyon]] = find(json, 'azurerm_vpn_gateway_connection', (b) => b.vpn_link[0].shared_key === '${var.lyon_shared_key}');
    expect(lyon.count).toContain('var.wan_west_vpn_gateway_lyon_branch_ready');
    const [[, er]] = find(json, 'azurerm_express_route_connection', () => true);
    expect(er.express_route_circuit_peering_id).toBe('${var.circuit_id}/peerings/AzurePrivatePeering');
    expect(er.authorization_key).toBe('${var.circuit_authorization_key}');
  });

  test('every generated key is a random_password, never a literal', () => {
    for (const [, c] of find(json, 'azurerm_vpn_gateway_connection', () => true)) {
      for (const link of c.vpn_link) expect(String(link.shared_key)).toMatch(/^\$\{(random_password|var)\./);
    }
  });
});
