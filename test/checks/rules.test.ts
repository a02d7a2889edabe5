import { ResourceIndex } from '../../lib/core/rule';
import { checkResource, HYBRID_RULES } from '../../lib/checks/rule-pack';
import { RuleCatalogue } from '../../lib/checks/catalogue';

/**
 * Runs one rule on one resource (`type.r`), with `others` as the rest of the stack; returns
 * the rule's findings on it (each `{ ruleId, level, attribute, message }`).
 */
function run(ruleId: string, type: string, body: Record<string, any>, others: ResourceIndex = {}) {
  const index: ResourceIndex = { ...others, [type]: { ...(others[type] ?? {}), r: body } };
  return checkResource('s', index, type, 'r', { rules: [ruleId] });
}

const pip = { name: 'pip', resource_group_name: 'rg', location: 'westeurope', allocation_method: 'Static', sku: 'Standard', zones: ['1', '2', '3'] };
const vpn = { name: 'gw', type: 'Vpn', sku: 'VpnGw2AZ', active_active: true, ip_configuration: [{ public_ip_address_id: '${azurerm_public_ip.r.id}' }] };
const diagOn = (type: string) => ({ azurerm_monitor_diagnostic_setting: { d: { name: 'd', target_resource_id: `\${${type}.r.id}` } } });
const shareOn = { azurerm_storage_share: { s: { name: 'share', storage_account_id: '${azurerm_storage_account.r.id}', quota: 100 } } };
const subnets = { azurerm_subnet: { gw: { name: 'GatewaySubnet' }, app: { name: 'app' } } };

// [rule id, type, non-compliant body, compliant body, attribute reported, other resources]
const RAW: [string, string, Record<string, any>, Record<string, any>, string | undefined, ResourceIndex?][] = [
  ['STG-HTTPS-ONLY', 'azurerm_storage_account', { https_traffic_only_enabled: false }, {}, 'https_traffic_only_enabled'],
  ['STG-TLS-MIN', 'azurerm_storage_account', { min_tls_version: 'TLS1_0' }, { min_tls_version: 'TLS1_2' }, 'min_tls_version'],
  ['STG-PUBLIC-NETWORK', 'azurerm_storage_account', {}, { public_network_access_enabled: false }, 'public_network_access_enabled'],
  ['STG-NESTED-PUBLIC', 'azurerm_storage_account', { allow_nested_items_to_be_public: true }, { allow_nested_items_to_be_public: false }, 'allow_nested_items_to_be_public'],
  ['STG-SHARE-SOFT-DELETE', 'azurerm_storage_account', {}, { share_properties: { retention_policy: { days: 14 } } }, 'share_properties.retention_policy.days', shareOn],
  ['RSV-SOFT-DELETE', 'azurerm_recovery_services_vault', { soft_delete_enabled: false }, {}, 'soft_delete_enabled'],
  ['RSV-REDUNDANCY', 'azurerm_recovery_services_vault', { storage_mode_type: 'LocallyRedundant' }, { storage_mode_type: 'ZoneRedundant' }, 'storage_mode_type'],
  ['VPN-SKU-LEGACY', 'azurerm_virtual_network_gateway', { ...vpn, sku: 'Basic' }, vpn, 'sku'],
  ['VPN-SKU-ZONES', 'azurerm_virtual_network_gateway', { ...vpn, sku: 'VpnGw2' }, vpn, 'sku'],
  ['VPN-ACTIVE-ACTIVE', 'azurerm_virtual_network_gateway', { ...vpn, active_active: false }, vpn, 'active_active'],
  ['VPN-PUBLICIP-SKU', 'azurerm_public_ip', { ...pip, allocation_method: 'Dynamic' }, pip, 'allocation_method', { azurerm_virtual_network_gateway: { gw: vpn } }],
  ['PIP-SKU', 'azurerm_public_ip', { ...pip, sku: 'Basic' }, pip, 'sku'],
  ['PIP-ZONES', 'azurerm_public_ip', { ...pip, zones: undefined }, pip, 'zones'],
  ['VPN-PUBLICIP-ZONES', 'azurerm_public_ip', { ...pip, zones: undefined }, pip, 'zones', { azurerm_virtual_network_gateway: { gw: vpn } }],
  ['DIAG-MISSING', 'azurerm_virtual_network_gateway', vpn, vpn, undefined, undefined],
  ['VPN-SHARED-KEY-LITERAL', 'azurerm_virtual_network_gateway_connection', { shared_key: 'hunter2' }, { shared_key: '${random_password.k.result}' }, 'shared_key'],
  ['NET-GWSUBNET-NSG', 'azurerm_subnet_network_security_group_association', { subnet_id: '${azurerm_subnet.gw.id}' }, { subnet_id: '${azurerm_subnet.app.id}' }, 'subnet_id', subnets],
  ['APPI-WORKSPACE', 'azurerm_application_insights', { application_type: 'web' }, { workspace_id: '${azurerm_log_analytics_workspace.w.id}' }, 'workspace_id'],
  ['LAW-LOCAL-AUTH', 'azurerm_log_analytics_workspace', {}, { local_authentication_enabled: false }, 'local_authentication_enabled'],
  ['KV-PURGE-PROTECTION', 'azurerm_key_vault', { purge_protection_enabled: false }, { purge_protection_enabled: true }, 'purge_protection_enabled'],
  ['RELAY-CLIENT-AUTH', 'azurerm_relay_hybrid_connection', { requires_client_authorization: false }, {}, 'requires_client_authorization'],
];
// every row with six elements: jest takes a sixth callback parameter missing from a row for `done`
const CASES = RAW.map(([a, b, c, d, e, f]) => [a, b, c, d, e, f ?? {}] as [string, string, Record<string, any>, Record<string, any>, string | undefined, ResourceIndex]);

describe('policy rules', () => {
  test('every rule of the pack has a case here and an entry in the catalogue', () => {
    expect(HYBRID_RULES.map((r) => r.id).sort()).toEqual(CASES.map((c) => c[0]).sort());
    for (const rule of HYBRID_RULES) expect(RuleCatalogue.has(rule.id)).toBe(true);
  });

  test.each(CASES)('%s fails on a non-compliant %s', (id, type, bad, _good, attribute, others) => {
    const findings = run(id, type, bad, others);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: id, level: RuleCatalogue.get(id).level, address: `${type}.r` });
    expect(findings[0].attribute).toBe(attribute);
    expect(findings[0].message.length).toBeGreaterThan(20);
  });

  test.each(CASES)('%s passes a compliant %s', (id, type, _bad, good, _attribute, others) => {
    const extra = id === 'DIAG-MISSING' ? diagOn(type) : others;
    expect(run(id, type, good, extra)).toEqual([]);
  });

  test('DIAG-MISSING covers ExpressRoute circuits and Recovery Services vaults too', () => {
    for (const type of ['azurerm_express_route_circuit', 'azurerm_recovery_services_vault']) {
      expect(run('DIAG-MISSING', type, {})).toHaveLength(1);
      expect(run('DIAG-MISSING', type, {}, diagOn(type))).toEqual([]);
    }
  });

  test('shared keys of ExpressRoute circuit peerings are checked too; expressions pass', () => {
    expect(run('VPN-SHARED-KEY-LITERAL', 'azurerm_express_route_circuit_peering', { shared_key: 'abc' })).toHaveLength(1);
    expect(run('VPN-SHARED-KEY-LITERAL', 'azurerm_express_route_circuit_peering', { shared_key: '${var.key}' })).toEqual([]);
    expect(run('VPN-SHARED-KEY-LITERAL', 'azurerm_express_route_circuit_peering', { shared_key: 'abc${var.key}' })).toHaveLength(1);
  });

  test('NSG on GatewaySubnet: a literal subnet id and an inline virtual network subnet are caught', () => {
    expect(run('NET-GWSUBNET-NSG', 'azurerm_subnet_network_security_group_association', { subnet_id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet' })).toHaveLength(1);
    const vnet = { subnet: [{ name: 'app', security_group: 'nsg' }, { name: 'GatewaySubnet', security_group: '${azurerm_network_security_group.n.id}' }] };
    expect(run('NET-GWSUBNET-NSG', 'azurerm_virtual_network', vnet)[0].attribute).toBe('subnet.1.security_group');
  });

  test('share soft delete does not apply to an account without shares, applies to FileStorage', () => {
    expect(run('STG-SHARE-SOFT-DELETE', 'azurerm_storage_account', {})).toEqual([]);
    expect(run('STG-SHARE-SOFT-DELETE', 'azurerm_storage_account', { account_kind: 'FileStorage' })).toHaveLength(1);
  });

  test('ExpressRoute gateways keep their own SKUs', () => {
    const er = { type: 'ExpressRoute', sku: 'Standard' };
    expect(run('VPN-SKU-LEGACY', 'azurerm_virtual_network_gateway', er)).toEqual([]);
    expect(run('VPN-ACTIVE-ACTIVE', 'azurerm_virtual_network_gateway', er)).toEqual([]);
  });

  test('gateway public IPs are reported as VPN-PUBLICIP-SKU, not twice', () => {
    const others = { azurerm_virtual_network_gateway: { gw: vpn } };
    const index: ResourceIndex = { ...others, azurerm_public_ip: { r: { ...pip, sku: 'Basic' } } };
    expect(checkResource('s', index, 'azurerm_public_ip', 'r').map((f) => f.ruleId)).toEqual(['VPN-PUBLICIP-SKU']);
    const noZones: ResourceIndex = { ...others, azurerm_public_ip: { r: { ...pip, zones: undefined } } };
    expect(checkResource('s', noZones, 'azurerm_public_ip', 'r').map((f) => f.ruleId)).toEqual(['VPN-PUBLICIP-ZONES']);
  });

  test('a rule that throws is reported as CHK-RULE-FAILED, not a crash', () => {
    const index: ResourceIndex = { azurerm_virtual_network: { r: { subnet: [{ get name(): string { throw new Error('boom'); } }] } } };
    const findings = checkResource('s', index, 'azurerm_virtual_network', 'r');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'CHK-RULE-FAILED', level: 'warning' })]);
    expect(findings[0].message).toContain('NET-GWSUBNET-NSG');
    expect(findings[0].message).toContain('boom');
  });

  test('levels can be overridden', () => {
    const findings = checkResource('s', { azurerm_public_ip: { r: { ...pip, zones: [] } } }, 'azurerm_public_ip', 'r', { levels: { 'PIP-ZONES': 'error' as any } });
    expect(findings[0]).toMatchObject({ ruleId: 'PIP-ZONES', level: 'error' });
  });
});
