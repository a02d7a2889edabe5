import { contextFor, ResourceIndex } from '../../lib/core/rule';

// ctx.referrers goes through a reverse index (built once per stack index); it must find exactly
// what scanning every resource with the exact reference test finds.
describe('RuleContext.referrers', () => {
  const index: ResourceIndex = {
    azurerm_virtual_network_gateway: { gw: { name: 'gw' } },
    azurerm_public_ip: { a: {}, b: {} },
    azurerm_monitor_diagnostic_setting: {
      plain: { target_resource_id: '${azurerm_virtual_network_gateway.gw.id}' },
      indexed: { target_resource_id: '${azurerm_virtual_network_gateway.gw[0].id}' },
      glued: { target_resource_id: 'x-${azurerm_public_ip.a.id}-${azurerm_public_ip.b.id}' },
      data: { target_resource_id: '${data.azurerm_virtual_network_gateway.gw.id}' },
      prefixed: { target_resource_id: '${xazurerm_virtual_network_gateway.gw.id}' },
      literal: { target_resource_id: 'azurerm_virtual_network_gateway.gw.id' },
      nested: { target_resource_id: 'none', log: [{ note: '${azurerm_virtual_network_gateway.gw.name}' }] },
    },
  };
  const names = (type: string, name: string, attribute?: string) =>
    contextFor('s', index, type, name).referrers('azurerm_monitor_diagnostic_setting', attribute).map((r) => r.name).sort();

  test('by attribute: plain and indexed references, not data sources, longer names or literals', () => {
    expect(names('azurerm_virtual_network_gateway', 'gw', 'target_resource_id')).toEqual(['indexed', 'plain']);
  });

  test('two references in one string each count; the whole body includes nested blocks', () => {
    expect(names('azurerm_public_ip', 'a', 'target_resource_id')).toEqual(['glued']);
    expect(names('azurerm_public_ip', 'b', 'target_resource_id')).toEqual(['glued']);
    // The whole body is read as JSON text, where a literal that looks like a reference counts too (as before the index).
    expect(names('azurerm_virtual_network_gateway', 'gw')).toEqual(['indexed', 'literal', 'nested', 'plain']);
  });

  test('a second context over the same index reads the same answers', () => {
    expect(names('azurerm_virtual_network_gateway', 'gw', 'target_resource_id')).toEqual(['indexed', 'plain']);
    expect(names('azurerm_public_ip', 'missing', 'target_resource_id')).toEqual([]);
  });
});
