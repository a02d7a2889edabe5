import { checkResource } from '../../lib/checks/rule-pack';
import { ResourceIndex } from '../../lib/core/rule';

const run = (ruleId: string, type: string, name: string, index: ResourceIndex) => checkResource('s', index, type, name, { rules: [ruleId] }).map((f) => f.ruleId);

describe('pack rules found too lenient by the rule-case review', () => {
  test('NET-GWSUBNET-ROUTE: a separate azurerm_route that names its table by reference is seen', () => {
    // GIVEN a GatewaySubnet route table and a default route written the usual cdktf way
    const index: ResourceIndex = {
      azurerm_subnet: { gw: { name: 'GatewaySubnet' } },
      azurerm_route_table: { t: { name: 'rt-gateway', bgp_route_propagation_enabled: true } },
      azurerm_route: { r: { name: 'default', route_table_name: '${azurerm_route_table.t.name}', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance' } },
      azurerm_subnet_route_table_association: { a: { subnet_id: '${azurerm_subnet.gw.id}', route_table_id: '${azurerm_route_table.t.id}' } },
    };
    // THEN it is refused
    expect(run('NET-GWSUBNET-ROUTE', 'azurerm_subnet_route_table_association', 'a', index)).toEqual(['NET-GWSUBNET-ROUTE']);
    // and a spoke prefix route is fine
    index.azurerm_route.r.address_prefix = '10.1.0.0/16';
    expect(run('NET-GWSUBNET-ROUTE', 'azurerm_subnet_route_table_association', 'a', index)).toEqual([]);
  });

  test('VWAN-TYPE-STANDARD: a Basic Virtual WAN with a firewall in a hub (a secured hub) is refused', () => {
    const index: ResourceIndex = {
      azurerm_virtual_wan: { w: { name: 'vwan', type: 'Basic' } },
      azurerm_virtual_hub: { h: { name: 'vhub', virtual_wan_id: '${azurerm_virtual_wan.w.id}', address_prefix: '10.100.0.0/23' } },
      azurerm_firewall: { f: { name: 'afw', sku_name: 'AZFW_Hub', sku_tier: 'Standard', virtual_hub: [{ virtual_hub_id: '${azurerm_virtual_hub.h.id}', public_ip_count: 1 }] } },
    };
    expect(run('VWAN-TYPE-STANDARD', 'azurerm_virtual_wan', 'w', index)).toEqual(['VWAN-TYPE-STANDARD']);
  });
});
