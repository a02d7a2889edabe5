import * as fs from 'fs';
import * as path from 'path';
import { ContextExtras, ResourceIndex } from '../../lib/core/rule';
import { checkIndex, checkProviders, checkResource, HYBRID_RULES } from '../../lib/checks/rule-pack';
import { RuleCatalogue } from '../../lib/checks/catalogue';

/**
 * Runs one rule on one resource (`type.r`), with `others` as the rest of the stack; returns
 * the rule's findings on it (each `{ ruleId, level, attribute, message }`).
 */
function run(ruleId: string, type: string, body: Record<string, any>, others: ResourceIndex = {}, extras: ContextExtras = {}) {
  const index: ResourceIndex = { ...others, [type]: { ...(others[type] ?? {}), r: body } };
  return checkResource('s', index, type, 'r', { rules: [ruleId] }, extras);
}

const pip = { name: 'pip', resource_group_name: 'rg', location: 'westeurope', allocation_method: 'Static', sku: 'Standard', zones: ['1', '2', '3'] };
const vpn = { name: 'gw', type: 'Vpn', sku: 'VpnGw2AZ', active_active: true, ip_configuration: [{ public_ip_address_id: '${azurerm_public_ip.r.id}' }] };
const diagOn = (type: string) => ({ azurerm_monitor_diagnostic_setting: { d: { name: 'd', target_resource_id: `\${${type}.r.id}` } } });
const shareOn = { azurerm_storage_share: { s: { name: 'share', storage_account_id: '${azurerm_storage_account.r.id}', quota: 100 } } };
const subnets = { azurerm_subnet: { gw: { name: 'GatewaySubnet' }, app: { name: 'app' } } };
const ZERO = '/subscriptions/00000000-0000-0000-0000-000000000000';
const hvSite = { azurerm_site_recovery_services_vault_hyperv_site: { site: { name: 'paris', recovery_vault_id: '${azurerm_recovery_services_vault.v.id}' } } };
const hvAssoc = { name: 'a', hyperv_site_id: '${azurerm_site_recovery_services_vault_hyperv_site.site.id}', policy_id: '${azurerm_site_recovery_hyperv_replication_policy.p.id}' };
const peerings = {
  azurerm_virtual_network: { hub: { name: 'hub' }, spoke: { name: 'spoke' } },
  azurerm_virtual_network_peering: { h2s: { virtual_network_name: '${azurerm_virtual_network.hub.name}', remote_virtual_network_id: '${azurerm_virtual_network.spoke.id}', allow_gateway_transit: true } },
};
const s2h = { virtual_network_name: '${azurerm_virtual_network.spoke.name}', remote_virtual_network_id: '${azurerm_virtual_network.hub.id}', use_remote_gateways: true };
const asrUsers = {
  azurerm_site_recovery_vmware_replication_policy: { p: { recovery_vault_id: '${azurerm_recovery_services_vault.r.id}' } },
  azurerm_site_recovery_services_vault_hyperv_site: { h: { recovery_vault_id: '${azurerm_recovery_services_vault.r.id}' } },
  azurerm_private_endpoint: { pe: { private_service_connection: [{ private_connection_resource_id: '${azurerm_recovery_services_vault.r.id}', subresource_names: ['AzureBackup'] }] } },
};
const gwIn = (type: string) => ({ type, ip_configuration: [{ subnet_id: '${azurerm_subnet.gw.id}' }] });
const defaultProvider = { providers: { azurerm: [{ features: [{}] }] } };
const privateProvider = { providers: { azurerm: [{ features: [{}] }, { alias: 'private', features: [{ storage: [{ data_plane_available: false }] }] }] } };

// [rule id, type, non-compliant body, compliant body, attribute reported, other resources, providers/variables, other resources of the compliant case (default: the same)]
const RAW: [string, string, Record<string, any>, Record<string, any>, string | undefined, ResourceIndex?, ContextExtras?, ResourceIndex?][] = [
  ['STG-HTTPS-ONLY', 'azurerm_storage_account', { https_traffic_only_enabled: false }, {}, 'https_traffic_only_enabled'],
  ['STG-TLS-MIN', 'azurerm_storage_account', { min_tls_version: 'TLS1_0' }, { min_tls_version: 'TLS1_2' }, 'min_tls_version'],
  ['STG-PUBLIC-NETWORK', 'azurerm_storage_account', {}, { public_network_access_enabled: false }, 'public_network_access_enabled'],
  ['STG-NESTED-PUBLIC', 'azurerm_storage_account', { allow_nested_items_to_be_public: true }, { allow_nested_items_to_be_public: false }, 'allow_nested_items_to_be_public'],
  ['STG-SHARE-SOFT-DELETE', 'azurerm_storage_account', {}, { share_properties: { retention_policy: { days: 14 } } }, 'share_properties.retention_policy.days', shareOn],
  ['RSV-SOFT-DELETE', 'azurerm_recovery_services_vault', { soft_delete_enabled: false }, {}, 'soft_delete_enabled'],
  ['RSV-REDUNDANCY', 'azurerm_recovery_services_vault', { storage_mode_type: 'LocallyRedundant' }, { storage_mode_type: 'ZoneRedundant' }, 'storage_mode_type'],
  ['VPN-SKU-LEGACY', 'azurerm_virtual_network_gateway', { ...vpn, sku: 'Basic' }, vpn, 'sku'],
  ['VPN-SKU-ZONES', 'azurerm_virtual_network_gateway', vpn, vpn, 'ip_configuration.public_ip_address_id', { azurerm_public_ip: { r: { ...pip, zones: ['1'] } } }, undefined, { azurerm_public_ip: { r: pip } }],
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
  ['GATE-SAME-APPLY', 'azurerm_site_recovery_hyperv_replication_policy_association', hvAssoc, { ...hvAssoc, count: '${var.paris_hosts_registered ? 1 : 0}' }, 'count', hvSite],
  ['NET-PEERING-TRANSIT-ORDER', 'azurerm_virtual_network_peering', s2h, { ...s2h, depends_on: ['azurerm_virtual_network_peering.h2s'] }, 'depends_on', peerings],
  ['DIAG-STORAGE-ALLMETRICS', 'azurerm_monitor_diagnostic_setting', { target_resource_id: '${azurerm_storage_account.s.id}/fileServices/default', enabled_metric: [{ category: 'AllMetrics' }] }, { target_resource_id: '${azurerm_storage_account.s.id}/fileServices/default', enabled_metric: [{ category: 'Transaction' }] }, 'enabled_metric.0.category'],
  ['STG-DATA-PLANE', 'azurerm_storage_account', { public_network_access_enabled: false }, { public_network_access_enabled: false, provider: 'azurerm.private' }, 'public_network_access_enabled', {}, privateProvider],
  ['REF-LITERAL-NAME', 'azurerm_storage_sync_cloud_endpoint', { file_share_name: 'finance' }, { file_share_name: '${azurerm_storage_share.s.name}' }, 'file_share_name', { azurerm_storage_share: { s: { name: 'finance' } } }],
  ['PLACEHOLDER-SUBSCRIPTION', 'azurerm_arc_machine_extension', { arc_machine_id: `${ZERO}/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/fs01` }, { arc_machine_id: '${var.machine_id}' }, 'arc_machine_id'],
  ['ARC-EXT-NAMESPACE', 'azurerm_arc_kubernetes_cluster_extension', { release_namespace: 'a', target_namespace: 'b' }, { release_namespace: 'a' }, 'target_namespace'],
  ['ARC-FLUX-DEPENDS', 'azurerm_arc_kubernetes_flux_configuration', {}, { depends_on: ['azurerm_arc_kubernetes_cluster_extension.flux'] }, 'depends_on'],
  ['ASR-VAULT-PRIVATE-ENDPOINT', 'azurerm_recovery_services_vault', { public_network_access_enabled: false }, { public_network_access_enabled: true }, 'public_network_access_enabled', asrUsers],
  ['ASR-VMW-VAULT-EXCLUSIVE', 'azurerm_recovery_services_vault', {}, {}, undefined, asrUsers, {}, { azurerm_site_recovery_vmware_replication_policy: asrUsers.azurerm_site_recovery_vmware_replication_policy }],
  ['VPN-IPCONFIG-COUNT', 'azurerm_virtual_network_gateway', vpn, { ...vpn, ip_configuration: [vpn.ip_configuration[0], vpn.ip_configuration[0]] }, 'ip_configuration'],
  ['NET-GATEWAY-PER-VNET', 'azurerm_virtual_network_gateway', gwIn('Vpn'), gwIn('ExpressRoute'), 'ip_configuration.0.subnet_id', { azurerm_virtual_network_gateway: { a: gwIn('Vpn') } }],
];
// Areas add the cases of the pack rules they define in test/<area>/rule-cases.ts (`export const RULE_CASES = [...]`, rows as above).
for (const dir of fs.readdirSync(path.join(__dirname, '..'))) {
  const file = path.join(__dirname, '..', dir, 'rule-cases.ts');
  if (fs.existsSync(file)) RAW.push(...(require(file).RULE_CASES as typeof RAW));
}
// every row with eight elements: jest takes a missing callback parameter for `done`
const CASES = RAW.map(([a, b, c, d, e, f, g, h]) => [a, b, c, d, e, f ?? {}, g ?? {}, h ?? f ?? {}] as [string, string, Record<string, any>, Record<string, any>, string | undefined, ResourceIndex, ContextExtras, ResourceIndex]);

describe('policy rules', () => {
  test('every rule of the pack has a case here (or in test/<area>/rule-cases.ts) and an entry in the catalogue', () => {
    const ids = new Set(CASES.map((c) => c[0]));
    expect({ withoutCase: HYBRID_RULES.map((r) => r.id).filter((id) => !ids.has(id)).sort() }).toEqual({ withoutCase: [] });
    expect(HYBRID_RULES.map((r) => r.id).sort()).toEqual(CASES.map((c) => c[0]).sort());
    for (const rule of HYBRID_RULES) expect(RuleCatalogue.has(rule.id)).toBe(true);
  });

  test.each(CASES)('%s fails on a non-compliant %s', (id, type, bad, _good, attribute, others, extras, _goodOthers) => {
    const findings = run(id, type, bad, others, extras);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: id, level: RuleCatalogue.get(id).level, address: `${type}.r` });
    expect(findings[0].attribute).toBe(attribute);
    expect(findings[0].message.length).toBeGreaterThan(20);
  });

  test.each(CASES)('%s passes a compliant %s', (id, type, _bad, good, _attribute, _others, extras, goodOthers) => {
    const extra = id === 'DIAG-MISSING' ? diagOn(type) : goodOthers;
    expect(run(id, type, good, extra, extras)).toEqual([]);
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
    const findings = checkResource('s', index, 'azurerm_virtual_network', 'r', { rules: ['NET-GWSUBNET-NSG'] });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'CHK-RULE-FAILED', level: 'warning' })]);
    expect(findings[0].message).toContain('NET-GWSUBNET-NSG');
    expect(findings[0].message).toContain('boom');
  });

  test('levels can be overridden', () => {
    const findings = checkResource('s', { azurerm_public_ip: { r: { ...pip, zones: [] } } }, 'azurerm_public_ip', 'r', { levels: { 'PIP-ZONES': 'error' as any } });
    expect(findings[0]).toMatchObject({ ruleId: 'PIP-ZONES', level: 'error' });
  });
});

describe('pack-only rules over the whole stack', () => {
  const circuit = { azurerm_express_route_circuit: { c: { name: 'erc' } }, azurerm_express_route_circuit_peering: { p: { express_route_circuit_name: '${azurerm_express_route_circuit.c.name}' } } };
  const cluster = { azurerm_arc_kubernetes_cluster: { k: { name: 'k' } } };
  const sync = { azurerm_storage_sync: { s: { name: 's' } }, azurerm_storage_sync_group: { g: { storage_sync_id: '${azurerm_storage_sync.s.id}' } } };
  const rg = { azurerm_resource_group: { rg: { name: 'rg-hybrid-monitoring' } } };
  const machine = '/subscriptions/${var.sub}/resourceGroups/rg-hybrid-monitoring/providers/Microsoft.HybridCompute/machines/fs01';
  // [type, body waiting on something this stack creates, the resources it waits on]
  const WAITING: [string, Record<string, any>, ResourceIndex][] = [
    ['azurerm_virtual_network_gateway_connection', { type: 'ExpressRoute', express_route_circuit_id: '${azurerm_express_route_circuit.c.id}' }, circuit],
    ['azurerm_express_route_circuit_connection', { peering_id: '${azurerm_express_route_circuit_peering.p.id}', peer_peering_id: 'x' }, circuit],
    ['azurerm_site_recovery_hyperv_replication_policy_association', hvAssoc, hvSite],
    ['azurerm_site_recovery_vmware_replicated_vm', { recovery_vault_id: '${azurerm_recovery_services_vault.v.id}' }, { azurerm_recovery_services_vault: { v: { name: 'v' } } }],
    ['azurerm_arc_kubernetes_cluster_extension', { cluster_id: '${azurerm_arc_kubernetes_cluster.k.id}' }, cluster],
    ['azurerm_arc_kubernetes_flux_configuration', { cluster_id: '${azurerm_arc_kubernetes_cluster.k.id}' }, cluster],
    ['azurerm_storage_sync_server_endpoint', { storage_sync_group_id: '${azurerm_storage_sync_group.g.id}', registered_server_id: '${var.server}' }, sync],
    ['azurerm_arc_machine_extension', { arc_machine_id: machine }, rg],
    ['azurerm_monitor_data_collection_rule_association', { target_resource_id: machine.replace('rg-hybrid-monitoring', '${azurerm_resource_group.rg.name}') }, rg],
  ];

  test.each(WAITING)('GATE-SAME-APPLY: %s waiting on this stack fails without count, passes with it, does not apply when the stack does not create what it waits on', (type, body, waitsOn) => {
    expect(run('GATE-SAME-APPLY', type, body, waitsOn)).toEqual([expect.objectContaining({ ruleId: 'GATE-SAME-APPLY', attribute: 'count' })]);
    expect(run('GATE-SAME-APPLY', type, { ...body, count: '${var.gate ? 1 : 0}' }, waitsOn)).toEqual([]);
    expect(run('GATE-SAME-APPLY', type, body, {})).toEqual([]);
  });

  test('GATE-SAME-APPLY: an ExpressRoute connection with a precondition on the provisioning state passes', () => {
    const body = { type: 'ExpressRoute', express_route_circuit_id: '${azurerm_express_route_circuit.c.id}', lifecycle: { precondition: [{ condition: '${azurerm_express_route_circuit.c.service_provider_provisioning_state == "Provisioned"}', error_message: 'x' }] } };
    expect(run('GATE-SAME-APPLY', 'azurerm_virtual_network_gateway_connection', body, circuit)).toEqual([]);
  });

  test('STG-DATA-PLANE: the default provider without the feature fails; unknown providers do not apply', () => {
    expect(run('STG-DATA-PLANE', 'azurerm_storage_account', { public_network_access_enabled: false }, {}, defaultProvider)).toHaveLength(1);
    expect(run('STG-DATA-PLANE', 'azurerm_storage_account', { public_network_access_enabled: false }, {}, { providers: {} })).toHaveLength(1);
    expect(run('STG-DATA-PLANE', 'azurerm_storage_account', { public_network_access_enabled: false })).toEqual([]);
    expect(run('STG-DATA-PLANE', 'azurerm_storage_account', { public_network_access_enabled: false }, {}, { providers: { azurerm: [{ features: [{ storage: [{ data_plane_available: false }] }] }] } })).toEqual([]);
  });

  test('DIAG-STORAGE-ALLMETRICS: an account by reference and a literal service id; other targets pass', () => {
    const all = [{ category: 'AllMetrics' }];
    expect(run('DIAG-STORAGE-ALLMETRICS', 'azurerm_monitor_diagnostic_setting', { target_resource_id: '${azurerm_storage_account.s.id}', metric: all }, { azurerm_storage_account: { s: {} } })[0].attribute).toBe('metric.0.category');
    expect(run('DIAG-STORAGE-ALLMETRICS', 'azurerm_monitor_diagnostic_setting', { target_resource_id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default', enabled_metric: all })).toHaveLength(1);
    expect(run('DIAG-STORAGE-ALLMETRICS', 'azurerm_monitor_diagnostic_setting', { target_resource_id: '${azurerm_virtual_network_gateway.g.id}', enabled_metric: all })).toEqual([]);
  });

  test('REF-LITERAL-NAME: other literal names (DNS zone, virtual network, vault) and depends_on', () => {
    const zone = { azurerm_private_dns_zone: { z: { name: 'privatelink.file.core.windows.net' } } };
    expect(run('REF-LITERAL-NAME', 'azurerm_private_dns_zone_virtual_network_link', { private_dns_zone_name: 'privatelink.file.core.windows.net' }, zone)).toHaveLength(1);
    expect(run('REF-LITERAL-NAME', 'azurerm_private_dns_zone_virtual_network_link', { private_dns_zone_name: 'privatelink.file.core.windows.net', depends_on: ['azurerm_private_dns_zone.z'] }, zone)).toEqual([]);
    expect(run('REF-LITERAL-NAME', 'azurerm_subnet', { virtual_network_name: 'vnet-hub' }, { azurerm_virtual_network: { v: { name: 'vnet-hub' } } })).toHaveLength(1);
    expect(run('REF-LITERAL-NAME', 'azurerm_backup_protected_file_share', { recovery_vault_name: 'rsv', source_file_share_name: '${azurerm_storage_share.s.name}' }, { azurerm_recovery_services_vault: { v: { name: 'rsv' } } })[0].attribute).toBe('recovery_vault_name');
  });

  test('PLACEHOLDER-SUBSCRIPTION: the provider subscription_id and nested attributes', () => {
    expect(checkProviders('s', {}, {}, { providers: { azurerm: [{ features: [{}], subscription_id: '00000000-0000-0000-0000-000000000000' }] } })).toEqual([
      expect.objectContaining({ ruleId: 'PLACEHOLDER-SUBSCRIPTION', address: 'provider.azurerm', attribute: 'subscription_id' }),
    ]);
    expect(checkProviders('s', {}, {}, { providers: { azurerm: [{ features: [{}], subscription_id: '${var.subscription_id}' }] } })).toEqual([]);
    const nested = { criteria: [{ target: { ids: [`${ZERO}/resourceGroups/rg`] } }], '//': { note: ZERO } };
    expect(run('PLACEHOLDER-SUBSCRIPTION', 'azurerm_network_connection_monitor', nested)[0].attribute).toBe('criteria.0.target.ids.0');
  });

});

describe('checks across stacks (check over a cdktf.out folder)', () => {
  const remote = (stack: string, output: string) => `\${data.terraform_remote_state.cross-stack-reference-input-${stack}.outputs.${output}}`;
  const hub = {
    index: { azurerm_subnet: { gw: { name: 'GatewaySubnet' } }, azurerm_virtual_network_gateway: { vpn: gwIn('Vpn') } },
    outputs: { 'cross-stack-output-azurerm_subnetgwid': { value: '${azurerm_subnet.gw.id}', sensitive: true } },
  };

  test('an NSG associated with another stack\'s GatewaySubnet is caught through the remote-state reference', () => {
    const index: ResourceIndex = { azurerm_subnet_network_security_group_association: { a: { subnet_id: remote('hub', 'cross-stack-output-azurerm_subnetgwid') } } };
    const app = { hub, spoke: { index, outputs: {} } };
    expect(checkIndex('spoke', index, {}, { app }).map((f) => f.ruleId)).toEqual(['NET-GWSUBNET-NSG']);
    // without the app (one file), the reference cannot be followed: nothing is claimed
    expect(checkIndex('spoke', index)).toEqual([]);
  });

  test('a second VPN gateway in another stack\'s GatewaySubnet is caught', () => {
    const index: ResourceIndex = { azurerm_virtual_network_gateway: { vpn2: { type: 'Vpn', ip_configuration: [{ subnet_id: remote('hub', 'cross-stack-output-azurerm_subnetgwid') }] } } };
    const app = { hub, other: { index, outputs: {} } };
    const findings = checkResource('other', index, 'azurerm_virtual_network_gateway', 'vpn2', { rules: ['NET-GATEWAY-PER-VNET'] }, { app });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'NET-GATEWAY-PER-VNET' })]);
    expect(findings[0].message).toContain('hub:azurerm_virtual_network_gateway.vpn');
  });
});
