import { App, TerraformVariable, Testing } from 'cdktf';
import { ArcResourceBridge, AzureLocalCluster, AzureLocalClusterProps, ClusterWitness, ImageOsType, IpAllocationMethod, LogAnalyticsWorkspace, ResourceBridgeInfrastructure, Runbook, TrafficType, ActionGroup } from '../../../lib';
import { checkIndex, indexOfConfig } from '../../../lib/checks/rule-pack';
import { AzureLocalStack } from '../../../examples/azure-local';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../../util';

const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
const props = (over: Partial<AzureLocalClusterProps> = {}): AzureLocalClusterProps => ({
  resourceGroupName: 'rg',
  resourceGroupId: RG_ID,
  location: 'westeurope',
  clusterName: 'azl-01',
  machines: [{ name: 'N1', ipv4Address: '192.168.1.11' }, { name: 'N2', ipv4Address: '192.168.1.12' }],
  domainFqdn: 'corp.contoso.com',
  organizationalUnitPath: 'OU=AzureLocal,DC=corp,DC=contoso,DC=com',
  namePrefix: 'azl',
  secretsLocation: 'https://kv-azl.vault.azure.net/',
  witness: ClusterWitness.cloud('witnessacct'),
  infrastructureNetwork: { subnetMask: '255.255.255.0', gateway: '192.168.1.1', dnsServers: ['192.168.1.4'], ipPoolStart: '192.168.1.50', ipPoolEnd: '192.168.1.59' },
  intents: [
    { name: 'MgmtCompute', adapters: ['NIC1', 'NIC2'], trafficTypes: [TrafficType.MANAGEMENT, TrafficType.COMPUTE] },
    { name: 'Storage', adapters: ['SMB1', 'SMB2'], trafficTypes: [TrafficType.STORAGE] },
  ],
  storageNetworks: [{ name: 'S1', adapterName: 'SMB1', vlanId: 711 }, { name: 'S2', adapterName: 'SMB2', vlanId: 712 }],
  ...over,
});
const build = (over: Partial<AzureLocalClusterProps> = {}) => new AzureLocalCluster(newStack(), 'Azl', props(over));
const net = props().infrastructureNetwork;

describe('AzureLocalCluster', () => {
  test('phase 1: the cluster resource; phase 2 (machines registered): lookups, roles, the deployment with a Connected precondition; phase 3: VM resources', () => {
    const stack = newStack();
    const azl = new AzureLocalCluster(stack, 'Azl', props());
    azl.addLogicalNetwork('Vms', { addressPrefix: '192.168.20.0/24', gateway: '192.168.20.1', dnsServers: ['192.168.1.4'], vlanId: 20 });
    const path = azl.addStoragePath('Images', { path: 'C:\\ClusterStorage\\UserStorage_1\\images' });
    azl.addMarketplaceImage('Ws', { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition-core', version: '20348.2655.240905', osType: ImageOsType.WINDOWS, storagePathId: path.id });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_stack_hci_cluster')).toMatchObject({ name: 'azl-01', identity: { type: 'SystemAssigned' } });
    expect(onlyResource(json, 'azurerm_stack_hci_cluster').count).toBeUndefined();
    const setting = onlyResource(json, 'azurerm_stack_hci_deployment_setting');
    expect(setting.count).toBe('${var.azl_machines_registered ? 1 : 0}');
    expect(setting.lifecycle.precondition[0].condition).toContain('.status == "Connected"');
    expect(setting.arc_resource_ids).toHaveLength(2);
    expect(setting.scale_unit[0].host_network.intent).toHaveLength(2);
    expect(setting.scale_unit[0].optional_service.custom_location).toBe('azl-01-cl');
    const roles = resourcesOf(json, 'azurerm_role_assignment');
    expect(roles).toHaveLength(8);
    for (const r of roles) expect(r.count).toBe('${var.azl_machines_registered ? 1 : 0}');
    for (const t of ['azurerm_stack_hci_logical_network', 'azurerm_stack_hci_storage_path', 'azurerm_stack_hci_marketplace_gallery_image']) {
      expect(onlyResource(json, t).count).toBe('${var.azl_deployed ? 1 : 0}');
      expect(onlyResource(json, t).custom_location_id).toMatch(/^\$\{data\.azurerm_extended_location_custom_location\.[A-Za-z0-9_]+\[0\]\.id\}$/);
    }
    expect(onlyResource(json, 'azurerm_stack_hci_marketplace_gallery_image').storage_path_id).toMatch(/\[0\]\.id\}$/);
    expect(onlyResource(json, 'azurerm_stack_hci_logical_network').subnet.route).toMatchObject({ next_hop_ip_address: '192.168.20.1' });
    const md = Runbook.of(stack).render();
    expect(md).toContain('Invoke-AzStackHciArcInitialization');
    expect(md).toContain('validates, then deploys');
  });

  test('gates: phase 1 has the deployment and VM resources at count 0, phase 2 and 3 at 1', () => {
    const stack = newStack();
    new AzureLocalCluster(stack, 'Azl', props());
    const json = synthJson(stack);
    expect(json.variable.azl_machines_registered).toMatchObject({ type: 'bool', default: false });
    expect(json.variable.azl_deployed).toMatchObject({ type: 'bool', default: false });
    expect(Object.values(json.data.azurerm_arc_machine).every((d: any) => d.count === '${var.azl_machines_registered ? 1 : 0}')).toBe(true);
    expect(Object.values(json.data.azurerm_extended_location_custom_location)[0]).toMatchObject({ count: '${var.azl_deployed ? 1 : 0}', name: 'azl-01-cl' });
  });

  test('diagnostics: metrics only; DIAG-MISSING until sent, cleared by sendDiagnosticsTo, acknowledged', () => {
    const stack = newStack();
    const azl = new AzureLocalCluster(stack, 'Azl', props());
    expect(warningsAfterSynth(stack).some((w) => w.includes('DIAG-MISSING'))).toBe(true);
    const s2 = newStack();
    const b = new AzureLocalCluster(s2, 'Azl', props());
    b.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(s2, 'Ws', '/ws'));
    expect(warningsAfterSynth(s2).some((w) => w.includes('DIAG-MISSING'))).toBe(false);
    expect(onlyResource(synthJson(s2), 'azurerm_monitor_diagnostic_setting')).toMatchObject({ enabled_metric: [{ category: 'AllMetrics' }] });
    const s3 = newStack();
    new AzureLocalCluster(s3, 'Azl', props()).acknowledge('DIAG-MISSING', 'metrics read in the portal only');
    expect(warningsAfterSynth(s3).some((w) => w.includes('DIAG-MISSING'))).toBe(false);
    void azl;
  });

  test('alerts behind the deployed gate', () => {
    const stack = newStack();
    const ag = ActionGroup.fromActionGroupId(stack, 'Ag', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/ag');
    new AzureLocalCluster(stack, 'Azl', props({ actionGroup: ag }));
    const alerts = resourcesOf(synthJson(stack), 'azurerm_monitor_metric_alert');
    expect(alerts.map((a) => a.criteria[0].metric_name).sort()).toEqual(['Cluster Node Storage Degraded', 'ClusterNode Memory Usage', 'Hyper-V Hypervisor Logical Processor\\% Total Run Time']);
    for (const a of alerts) expect(a.count).toBe('${var.azl_deployed ? 1 : 0}');
  });

  test('accepts Terraform expressions where Terraform does', () => {
    const stack = newStack();
    const v = (n: string) => new TerraformVariable(stack, n, { type: 'string' }).stringValue;
    new AzureLocalCluster(stack, 'Azl', props({ resourceGroupName: v('rg'), location: v('loc'), clusterName: v('cn'), domainFqdn: v('dom'), organizationalUnitPath: v('ou'), namePrefix: v('np'), secretsLocation: v('kv'), witness: ClusterWitness.cloud(v('wa')), version: v('ver'), hciResourceProviderObjectId: v('rp'), infrastructureNetwork: { ...net, gateway: v('gw'), ipPoolStart: v('ps') } }));
    expect(onlyResource(synthJson(stack), 'azurerm_stack_hci_deployment_setting').scale_unit[0].secrets_location).toBe('${var.kv}');
  });

  test('fails when count-deciding props are expressions', () => {
    const stack = newStack();
    const list = new TerraformVariable(stack, 'l', { type: 'list(any)' }).listValue as any;
    expectValidationError(() => new AzureLocalCluster(stack, 'A', props({ machines: list })), 'PROP-LITERAL', 'machines');
    expectValidationError(() => new AzureLocalCluster(newStack(), 'A', props({ switchlessStorage: new TerraformVariable(newStack(), 'b', { type: 'bool' }).booleanValue as any })), 'PROP-LITERAL', 'switchlessStorage');
  });

  const many = (n: number) => Array.from({ length: n }, (_v, i) => ({ name: `N${i + 1}`, ipv4Address: `192.168.1.${11 + i}` }));
  test.each<[string, string, Partial<AzureLocalClusterProps>, unknown?]>([
    ['AZL-NODE-COUNT', 'machines', { machines: many(17) }, 17],
    ['AZL-NODE-COUNT', 'machines[1].name', { machines: [{ name: 'N1', ipv4Address: '192.168.1.11' }, { name: 'n1', ipv4Address: '192.168.1.12' }] }, 'n1'],
    ['AZL-NODE', 'machines[0].name', { machines: [{ name: 'a-very-long-host-name', ipv4Address: '192.168.1.11' }] }, 'a-very-long-host-name'],
    ['AZL-NODE', 'machines[0].ipv4Address', { machines: [{ name: 'N1', ipv4Address: '192.168.1.300' }] }, '192.168.1.300'],
    ['AZL-SWITCHLESS-NODES', 'switchlessStorage', { machines: many(5), switchlessStorage: true }, true],
    ['AZL-INTENT-TRAFFIC', 'intents', { intents: [{ name: 'C', adapters: ['NIC1'], trafficTypes: [TrafficType.COMPUTE] }], storageNetworks: [] }, 0],
    ['AZL-INTENT-TRAFFIC', 'intents[0].trafficTypes[1]', { intents: [{ name: 'All', adapters: ['NIC1'], trafficTypes: [TrafficType.MANAGEMENT, 'Backup' as TrafficType, TrafficType.COMPUTE] }], storageNetworks: [] }, 'Backup'],
    ['AZL-INTENT-ADAPTERS', 'intents[1].adapters', { intents: [{ name: 'MC', adapters: ['NIC1', 'SMB1'], trafficTypes: [TrafficType.MANAGEMENT, TrafficType.COMPUTE] }, { name: 'S', adapters: ['SMB1', 'SMB2'], trafficTypes: [TrafficType.STORAGE] }] }, 'SMB1'],
    ['AZL-SWITCHLESS-INTENTS', 'intents[0].trafficTypes', { switchlessStorage: true, intents: [{ name: 'All', adapters: ['NIC1', 'NIC2'], trafficTypes: [TrafficType.MANAGEMENT, TrafficType.COMPUTE, TrafficType.STORAGE] }], storageNetworks: [{ name: 'S1', adapterName: 'NIC1', vlanId: 711 }] }, ['Management', 'Compute', 'Storage']],
    ['AZL-STORAGE-NETWORK', 'storageNetworks[0].adapterName', { storageNetworks: [{ name: 'S1', adapterName: 'NIC1', vlanId: 711 }] }, 'NIC1'],
    ['AZL-STORAGE-NETWORK', 'storageNetworks[0].vlanId', { storageNetworks: [{ name: 'S1', adapterName: 'SMB1', vlanId: 5000 }] }, 5000],
    ['AZL-INFRA-POOL', 'infrastructureNetwork.ipPoolEnd', { infrastructureNetwork: { ...net, ipPoolEnd: '192.168.1.52' } }, '192.168.1.52'],
    ['AZL-INFRA-POOL', 'infrastructureNetwork.ipPoolStart', { infrastructureNetwork: { ...net, ipPoolStart: '192.168.2.50', ipPoolEnd: '192.168.2.59' } }, '192.168.2.50'],
    ['AZL-RESERVED-RANGE', 'infrastructureNetwork.dnsServers[0]', { infrastructureNetwork: { ...net, dnsServers: ['10.96.1.10'] } }, '10.96.1.10'],
    ['AZL-CLUSTER-NAME', 'clusterName', { clusterName: 'azure-local-paris-01' }, 'azure-local-paris-01'],
    ['AZL-NAME-PREFIX', 'namePrefix', { namePrefix: 'toolongprefix' }, 'toolongprefix'],
    ['AZL-VERSION', 'version', { version: '10.0' }, '10.0'],
    ['AZL-DOMAIN', 'domainFqdn', { domainFqdn: 'corp' }, 'corp'],
    ['AZL-DOMAIN', 'organizationalUnitPath', { organizationalUnitPath: 'AzureLocal' }, 'AzureLocal'],
    ['AZL-WITNESS', 'witness.storageAccountName', { witness: ClusterWitness.cloud('Witness_Account') }, 'Witness_Account'],
    ['AZL-WITNESS', 'witness.path', { witness: ClusterWitness.fileShare('fs01/witness', 'witnessacct') }, 'fs01/witness'],
    ['AZL-SECRETS-LOCATION', 'secretsLocation', { secretsLocation: 'http://kv.example.com' }, 'http://kv.example.com'],
    ['ROLE-ASSIGNMENT', 'hciResourceProviderObjectId', { hciResourceProviderObjectId: 'not-a-guid' }, 'not-a-guid'],
  ])('fails when %s is broken (%s)', (rule, prop, over, value) => {
    expectValidationError(() => build(over), rule, prop, value);
  });

  test('fails when a VM resource is invalid (AZL-VM-RESOURCE-NAME, AZL-LOGICAL-NETWORK, AZL-RESERVED-RANGE, AZL-STORAGE-PATH, AZL-IMAGE)', () => {
    const azl = build();
    const img = { publisher: 'p', offer: 'o', sku: 's', version: '1.2.3', osType: ImageOsType.LINUX };
    expectValidationError(() => azl.addLogicalNetwork('Bad', { name: '-bad', ipAllocationMethod: IpAllocationMethod.DYNAMIC }), 'AZL-VM-RESOURCE-NAME', 'name', '-bad');
    expectValidationError(() => azl.addLogicalNetwork('Static', { addressPrefix: '192.168.20.0/24', dnsServers: ['192.168.1.4'] }), 'AZL-LOGICAL-NETWORK', 'gateway');
    expectValidationError(() => azl.addLogicalNetwork('Out', { addressPrefix: '192.168.20.0/24', gateway: '192.168.21.1', dnsServers: ['192.168.1.4'] }), 'AZL-LOGICAL-NETWORK', 'gateway', '192.168.21.1');
    expectValidationError(() => azl.addLogicalNetwork('Dhcp', { ipAllocationMethod: IpAllocationMethod.DYNAMIC, gateway: '192.168.20.1' }), 'AZL-LOGICAL-NETWORK', 'gateway', '192.168.20.1');
    expectValidationError(() => azl.addLogicalNetwork('Pod', { addressPrefix: '10.244.100.0/24', gateway: '10.244.100.1', dnsServers: ['192.168.1.4'] }), 'AZL-RESERVED-RANGE', 'addressPrefix', '10.244.100.0/24');
    expectValidationError(() => azl.addStoragePath('P', { path: 'D:\\vms' }), 'AZL-STORAGE-PATH', 'path', 'D:\\vms');
    expectValidationError(() => azl.addMarketplaceImage('I', { ...img, osType: 'BeOS' as ImageOsType }), 'AZL-IMAGE', 'osType', 'BeOS');
    expectValidationError(() => azl.addMarketplaceImage('J', { ...img, hypervGeneration: 'V3' }), 'AZL-IMAGE', 'hypervGeneration', 'V3');
    expectValidationError(() => azl.addMarketplaceImage('K', { ...img, name: 'x' }), 'AZL-VM-RESOURCE-NAME', 'name', 'x');
  });

  test('fails with a ValidationError, not a TypeError, on JavaScript input', () => {
    expectValidationError(() => new AzureLocalCluster(newStack(), 'A', undefined as any), 'PROP-REQUIRED', 'props');
    expectValidationError(() => build({ intents: 'all' as any }), 'PROP-TYPE', 'intents');
  });
});

describe('ArcResourceBridge', () => {
  const bridgeNet = { ipAddressPrefix: '192.168.30.0/29', gateway: '192.168.30.1', vmIpPoolStart: '192.168.30.2', vmIpPoolEnd: '192.168.30.3', controlPlaneIp: '192.168.30.4', dnsServers: ['192.168.1.4'] };
  const base = { resourceGroupName: 'rg', location: 'westeurope' };
  const CL = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ExtendedLocation/customLocations/cl';

  test('VMware: the appliance resource only, no gate, runbook with the az arcappliance steps', () => {
    const stack = newStack();
    const b = new ArcResourceBridge(stack, 'Bridge', { ...base, infrastructure: ResourceBridgeInfrastructure.VMWARE, network: bridgeNet });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_arc_resource_bridge_appliance')).toMatchObject({ distro: 'AKSEdge', infrastructure_provider: 'VMWare', identity: { type: 'SystemAssigned' }, lifecycle: { ignore_changes: ['public_key_base64'] } });
    expect(b.runningGate).toBeUndefined();
    expect(json.variable).toBeUndefined();
    expect(Runbook.of(stack).render()).toContain('az arcappliance createconfig vmware');
    expect(warningsAfterSynth(stack).some((w) => w.includes('DIAG-MISSING'))).toBe(false);
  });

  test('SCVMM: the VMM server behind the bridge_running gate, with a precondition; password from a variable', () => {
    const stack = newStack();
    const password = new TerraformVariable(stack, 'vmm_password', { type: 'string', sensitive: true }).stringValue;
    const cl = new TerraformVariable(stack, 'cl', { type: 'string' }).stringValue;
    new ArcResourceBridge(stack, 'Bridge', { ...base, infrastructure: ResourceBridgeInfrastructure.SCVMM, vmmServer: { name: 'vmm', fqdn: 'vmm.corp.contoso.com', username: 'CORP\\arc', password, customLocationId: cl } });
    const server = onlyResource(synthJson(stack), 'azurerm_system_center_virtual_machine_manager_server');
    expect(server).toMatchObject({ count: '${var.bridge_bridge_running ? 1 : 0}', port: 8100, password: '${var.vmm_password}' });
    expect(server.lifecycle.precondition[0].condition).toContain('public_key_base64');
  });

  test.each<[string, string, Record<string, any>, unknown?]>([
    ['ARB-PROVIDER', 'infrastructure', { infrastructure: 'HCI' }, 'HCI'],
    ['ARB-NAME', 'name', { name: 'bridge#1' }, 'bridge#1'],
    ['ARB-IP-PLAN', 'network.ipAddressPrefix', { network: { ...bridgeNet, ipAddressPrefix: '192.168.30.0/30' } }, '192.168.30.0/30'],
    ['ARB-IP-PLAN', 'network.controlPlaneIp', { network: { ...bridgeNet, controlPlaneIp: '192.168.31.4' } }, '192.168.31.4'],
    ['ARB-IP-PLAN', 'network.vmIpPoolEnd', { network: { ...bridgeNet, vmIpPoolEnd: '192.168.30.2' } }, '192.168.30.2'],
    ['ARB-VMM-SERVER', 'vmmServer.password', { infrastructure: 'SCVMM', vmmServer: { name: 'v', fqdn: 'vmm.corp.contoso.com', username: 'u', password: 'hunter2', customLocationId: CL } }, '(literal, not shown)'],
    ['ARB-VMM-SERVER', 'vmmServer.port', { infrastructure: 'SCVMM', vmmServer: { name: 'v', fqdn: 'vmm.corp.contoso.com', port: 70000, username: 'u', password: '${var.p}', customLocationId: CL } }, 70000],
    ['ARB-VMM-SERVER', 'vmmServer', { infrastructure: 'VMWare', vmmServer: { name: 'v', fqdn: 'vmm.corp.contoso.com', username: 'u', password: '${var.p}', customLocationId: CL } }, 'v'],
  ])('fails when %s is broken (%s)', (rule, prop, over, value) => {
    expectValidationError(() => new ArcResourceBridge(newStack(), 'B', { ...base, infrastructure: ResourceBridgeInfrastructure.VMWARE, ...over } as any), rule, prop, value);
  });

  test('accepts Terraform expressions for names and location', () => {
    const stack = newStack();
    const v = (n: string) => new TerraformVariable(stack, n, { type: 'string' }).stringValue;
    new ArcResourceBridge(stack, 'B', { resourceGroupName: v('rg'), location: v('loc'), name: v('n'), infrastructure: ResourceBridgeInfrastructure.VMWARE, network: { ...bridgeNet, gateway: v('gw') } });
    expect(onlyResource(synthJson(stack), 'azurerm_arc_resource_bridge_appliance').name).toBe('${var.n}');
  });
});

describe('example azure-local', () => {
  const synth = () => {
    const app = Testing.app();
    return JSON.parse(Testing.synth(new AzureLocalStack(app, 'azure-local'), true));
  };

  test.each([['phase 1', []], ['phase 2', ['azure_local_machines_registered']], ['phase 3', ['azure_local_machines_registered', 'azure_local_deployed']]] as [string, string[]][])('%s synthesizes and passes check', (_phase, open) => {
    const json = synth();
    for (const gate of open) json.variable[gate].default = true;
    const findings = checkIndex('azure-local', indexOfConfig(json), {}, { variables: json.variable, providers: { azurerm: [].concat(json.provider.azurerm) } });
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings).toEqual([]);
  });

  test('raises no warnings and is byte-identical twice', () => {
    const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'azl-')) });
    const stack = new AzureLocalStack(app, 'azure-local');
    expect(warningsAfterSynth(stack)).toEqual([]);
    expect(Testing.synth(new AzureLocalStack(Testing.app(), 'azure-local'))).toBe(Testing.synth(new AzureLocalStack(Testing.app(), 'azure-local')));
  });
});
