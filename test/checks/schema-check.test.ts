import * as fs from 'fs';
import * as path from 'path';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { LinuxVirtualMachine } from '@cdktf/provider-azurerm/lib/linux-virtual-machine';
import { NetworkInterface } from '@cdktf/provider-azurerm/lib/network-interface';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Fn, ListTerraformIterator, TerraformIterator, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { azurermSchemaInfo, checkTerraformJson, SchemaFinding } from '../../lib/checks/schema-check';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/build-azurerm-schema.js') as {
  buildSchemaJson(jsiiPath: string): string;
  defaultJsiiPath(): string;
  DEFAULT_OUT: string;
};

interface Built {
  readonly stack: TerraformStack;
  readonly rg: ResourceGroup;
  readonly vnet: VirtualNetwork;
  readonly subnet: Subnet;
  readonly nic: NetworkInterface;
  readonly vm: LinuxVirtualMachine;
  readonly nsg: NetworkSecurityGroup;
  readonly ports: ListTerraformIterator;
}

/** A small but realistic stack: provider, data source, RG, VNet (with inline subnet attribute), subnet, NIC, VM, NSG with a dynamic block. */
function build(): Built {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'hub');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const client = new DataAzurermClientConfig(stack, 'current', {});
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-hub', location: 'westeurope', tags: { env: 'test' } });
  const vnet = new VirtualNetwork(stack, 'hub_vnet', {
    name: 'vnet-hub',
    location: rg.location,
    resourceGroupName: rg.name,
    addressSpace: ['10.0.0.0/16'],
    subnet: [{ name: 'inline', addressPrefixes: ['10.0.9.0/24'] }],
    tags: { owner: client.objectId },
  });
  const subnet = new Subnet(stack, 'gw', {
    name: 'GatewaySubnet',
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: ['10.0.0.0/27'],
  });
  const nic = new NetworkInterface(stack, 'nic', {
    name: 'nic-1',
    location: rg.location,
    resourceGroupName: rg.name,
    ipConfiguration: [{ name: 'ipconfig1', subnetId: subnet.id, privateIpAddressAllocation: 'Dynamic' }],
  });
  const vm = new LinuxVirtualMachine(stack, 'vm', {
    name: 'vm-1',
    location: rg.location,
    resourceGroupName: rg.name,
    size: 'Standard_B2s',
    adminUsername: 'azureuser',
    networkInterfaceIds: [nic.id],
    adminSshKey: [{ username: 'azureuser', publicKey: 'ssh-rsa AAAA' }],
    osDisk: { caching: 'ReadWrite', storageAccountType: 'Standard_LRS' },
    sourceImageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' },
  });
  // Iterators: cdktf passes the content keys through as written, so they must be snake_case
  // (hashicorp/terraform-cdk#2013). A true block becomes `dynamic`; an attribute-as-block
  // (security_rule) becomes a for-expression string.
  const names = TerraformIterator.fromList(['a', 'b']);
  new NetworkInterface(stack, 'nic2', {
    name: 'nic-2',
    location: rg.location,
    resourceGroupName: rg.name,
    ipConfiguration: names.dynamic({ name: names.value, subnet_id: subnet.id, private_ip_address_allocation: 'Dynamic' }),
  });
  const ports = TerraformIterator.fromList(['22', '443']);
  const nsg = new NetworkSecurityGroup(stack, 'nsg', {
    name: 'nsg-1',
    location: rg.location,
    resourceGroupName: rg.name,
    securityRule: ports.dynamic({
      name: Fn.format('allow-%s', [ports.value]),
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_port_range: '*',
      destination_port_range: ports.value,
      source_address_prefix: '*',
      destination_address_prefix: '*',
    }),
  });
  // a resource of another provider: never reported
  const other = new TerraformResource(stack, 'pet', { terraformResourceType: 'random_pet' });
  other.addOverride('lenght', 2);
  return { stack, rg, vnet, subnet, nic, vm, nsg, ports };
}

function check(stack: TerraformStack): SchemaFinding[] {
  return checkTerraformJson('hub', JSON.parse(Testing.synth(stack)));
}

function only(findings: SchemaFinding[]): SchemaFinding {
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('checkTerraformJson', () => {
  test('a clean stack has no findings', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    // the fixture really exercises what it claims to
    expect(json.resource.azurerm_network_interface.nic2.dynamic.ip_configuration.content).toBeDefined();
    expect(json.resource.azurerm_network_security_group.nsg.security_rule).toMatch(/^\$\{\[ for /);
    expect(json.resource.azurerm_virtual_network.hub_vnet.subnet).toHaveLength(1);
    expect(json.resource.random_pet.pet.lenght).toBe(2);
    expect(checkTerraformJson('hub', json)).toEqual([]);
    // the JSON text is accepted too
    expect(checkTerraformJson('hub', Testing.synth(stack))).toEqual([]);
  });

  test('a typo in a top-level attribute is caught with a suggestion', () => {
    const { stack, vnet } = build();
    vnet.addOverride('adress_space', ['10.1.0.0/16']);
    expect(only(check(stack))).toEqual({
      level: 'error',
      stack: 'hub',
      address: 'azurerm_virtual_network.hub_vnet',
      attribute: 'adress_space',
      message: expect.stringContaining('unsupported argument adress_space'),
      suggestion: 'address_space',
    });
  });

  test('a typo in a nested block attribute is caught', () => {
    const { stack, nic } = build();
    nic.addOverride('ip_configuration.0.subnet_idd', 'x');
    const f = only(check(stack));
    expect(f.address).toBe('azurerm_network_interface.nic');
    expect(f.attribute).toBe('ip_configuration.0.subnet_idd');
    expect(f.suggestion).toBe('subnet_id');
  });

  test('a typo in a single nested block (object form) is caught', () => {
    const { stack, vm } = build();
    vm.addOverride('os_disk.cachingg', 'None');
    const f = only(check(stack));
    expect(f.attribute).toBe('os_disk.0.cachingg');
    expect(f.suggestion).toBe('caching');
  });

  test('a typo inside dynamic block content is caught', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    // (cdktf refuses addOverride below a token, so edit the JSON)
    json.resource.azurerm_network_interface.nic2.dynamic.ip_configuration.content.subnet_idd = 'x';
    const f = only(checkTerraformJson('hub', json));
    expect(f.attribute).toBe('dynamic.ip_configuration.content.subnet_idd');
    expect(f.suggestion).toBe('subnet_id');
  });

  test('camelCase keys from iterator.dynamic() are caught (dynamic block and for-expression)', () => {
    const { stack, rg, subnet, ports } = build();
    const names = TerraformIterator.fromList(['a']);
    new NetworkInterface(stack, 'nic3', {
      name: 'nic-3',
      location: rg.location,
      resourceGroupName: rg.name,
      ipConfiguration: names.dynamic({ name: names.value, subnetId: subnet.id, privateIpAddressAllocation: 'Dynamic' }),
    });
    new NetworkSecurityGroup(stack, 'nsg2', {
      name: 'nsg-2',
      location: rg.location,
      resourceGroupName: rg.name,
      securityRule: ports.dynamic({ name: ports.value, sourcePortRange: '*', destinationPortRange: ports.value }),
    });
    const findings = check(stack);
    expect(findings.map((f) => [f.address, f.attribute, f.suggestion])).toEqual([
      ['azurerm_network_interface.nic3', 'dynamic.ip_configuration.content.privateIpAddressAllocation', 'private_ip_address_allocation'],
      ['azurerm_network_interface.nic3', 'dynamic.ip_configuration.content.subnetId', 'subnet_id'],
      ['azurerm_network_interface.nic3', 'dynamic.ip_configuration.content.private_ip_address_allocation', undefined],
      ['azurerm_network_security_group.nsg2', 'security_rule', 'source_port_range'],
      ['azurerm_network_security_group.nsg2', 'security_rule', 'destination_port_range'],
    ]);
    expect(findings[0].message).toMatch(/snake_case/);
  });

  test('a missing required attribute is caught', () => {
    const { stack, vnet } = build();
    vnet.addOverride('location', undefined);
    expect(only(check(stack))).toMatchObject({
      level: 'error',
      address: 'azurerm_virtual_network.hub_vnet',
      attribute: 'location',
      message: expect.stringContaining('missing required argument location'),
    });
  });

  test('a missing required attribute in a nested block, and a missing required block, are caught', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    delete json.resource.azurerm_network_interface.nic.ip_configuration[0].name;
    delete json.resource.azurerm_linux_virtual_machine.vm.os_disk;
    const findings = checkTerraformJson('hub', json);
    expect(findings.map((f) => [f.address, f.attribute]).sort()).toEqual([
      ['azurerm_linux_virtual_machine.vm', 'os_disk'],
      ['azurerm_network_interface.nic', 'ip_configuration.0.name'],
    ]);
  });

  test('a required attribute set to null counts as missing', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    json.resource.azurerm_resource_group.rg.name = null;
    expect(only(checkTerraformJson('hub', json)).message).toMatch(/missing required argument name \(it is null\)/);
  });

  test('a block given where an attribute is expected is caught', () => {
    const { stack, vnet, subnet } = build();
    vnet.addOverride('location', { name: 'westeurope' });
    subnet.addOverride('address_prefixes', [{ prefix: '10.0.0.0/27' }]);
    const findings = check(stack);
    expect(findings.map((f) => [f.address, f.attribute, f.message])).toEqual([
      ['azurerm_subnet.gw', 'address_prefixes', expect.stringMatching(/address_prefixes is an attribute expecting a list .* but got a list of objects/)],
      ['azurerm_virtual_network.hub_vnet', 'location', expect.stringMatching(/location is an attribute expecting a single value, but got an object/)],
    ]);
  });

  test('an attribute value given where a block is expected is caught', () => {
    const { stack, vm } = build();
    vm.addOverride('os_disk', 'ReadWrite');
    const f = only(check(stack));
    expect(f.attribute).toBe('os_disk');
    expect(f.message).toMatch(/os_disk is a block/);
  });

  test('more than one block where at most one is allowed is caught', () => {
    const { stack, vm } = build();
    vm.addOverride('os_disk', [
      { caching: 'ReadWrite', storage_account_type: 'Standard_LRS' },
      { caching: 'ReadWrite', storage_account_type: 'Standard_LRS' },
    ]);
    expect(only(check(stack)).message).toMatch(/at most one os_disk block/);
  });

  test('expressions are unknown values, never findings', () => {
    const { stack, vm, nic, vnet } = build();
    vm.addOverride('os_disk', '${local.os_disk}');
    nic.addOverride('ip_configuration', '${local.ipconfigs}');
    vnet.addOverride('address_space', '${var.space}');
    vnet.addOverride('tags', '${merge(local.tags, {a = 1})}');
    expect(check(stack)).toEqual([]);
  });

  test('meta-arguments are accepted', () => {
    const { stack, rg, nic } = build();
    rg.addOverride('for_each', '${toset(["a", "b"])}');
    rg.addOverride('lifecycle', { prevent_destroy: true });
    nic.addOverride('depends_on', ['azurerm_resource_group.rg']);
    nic.addOverride('count', 2);
    expect(check(stack)).toEqual([]);
  });

  test('depends_on: whole objects of this configuration pass', () => {
    const { stack, nic, vm } = build();
    nic.addOverride('depends_on', ['azurerm_resource_group.rg', 'azurerm_virtual_network.hub_vnet[0]', '${azurerm_network_security_group.nsg}', 'data.azurerm_client_config.current', 'module.spokes', 'var.ready']);
    vm.addOverride('depends_on', ['random_pet.pet']);
    stack.addOverride('data.azurerm_client_config.current', {});
    stack.addOverride('module.spokes', { source: './spokes' });
    expect(check(stack)).toEqual([]);
  });

  test('depends_on: an attribute (a resource of another stack, as cdktf writes it) is refused, as terraform validate does', () => {
    const { stack, nic } = build();
    nic.addOverride('depends_on', ['data.terraform_remote_state.cross-stack-reference-input-circuits.outputs.cross-stack-output-peering']);
    const f = only(check(stack));
    expect(f).toMatchObject({ level: 'error', address: 'azurerm_network_interface.nic', attribute: 'depends_on.0' });
    expect(f.message).toMatch(/^Invalid depends_on reference data\.terraform_remote_state\..*: references in depends_on must be to a whole object/);
  });

  test.each([
    ['azurerm_resource_group.rg.id', /must be to a whole object/],
    ['azurerm_resource_group.missing', /^Reference to undeclared resource azurerm_resource_group\.missing/],
    ['data.azurerm_client_config.missing', /^Reference to undeclared data source/],
    ['module.missing', /^Reference to undeclared module/],
    ['${azurerm_resource_group.rg.name}', /must be to a whole object/],
    ['${concat([azurerm_resource_group.rg])}', /must be to a whole object/],
    [42, /not an expression/],
  ])('depends_on entry %p is refused', (entry, message) => {
    const { stack, nic } = build();
    nic.addOverride('depends_on', [entry]);
    expect(only(check(stack)).message).toMatch(message);
  });

  test('depends_on of an output and of a data source, and one that is not a list', () => {
    const { stack, rg } = build();
    stack.addOverride('output.name', { value: 'x', depends_on: ['azurerm_resource_group.rg.name'] });
    stack.addOverride('data.azurerm_client_config.current', { depends_on: ['azurerm_virtual_network.nope'] });
    rg.addOverride('depends_on', 'azurerm_virtual_network.hub_vnet');
    expect(check(stack).map((f) => `${f.address} ${f.attribute}`).sort()).toEqual(['azurerm_resource_group.rg depends_on', 'data.azurerm_client_config.current depends_on.0', 'output.name depends_on.0']);
  });

  test('an unknown azurerm resource type is caught with the nearest name', () => {
    const { stack } = build();
    const bad = new TerraformResource(stack, 'bad', { terraformResourceType: 'azurerm_virtual_netwrok' });
    bad.addOverride('name', 'x');
    expect(only(check(stack))).toMatchObject({
      address: 'azurerm_virtual_netwrok.bad',
      message: 'unknown resource type azurerm_virtual_netwrok',
      suggestion: 'azurerm_virtual_network',
    });
  });

  test('a data source type used as a resource is named as such', () => {
    const { stack } = build();
    new TerraformResource(stack, 'cc', { terraformResourceType: 'azurerm_client_config' });
    expect(only(check(stack)).message).toMatch(/azurerm_client_config is a data source type/);
  });

  test('data sources are checked too', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    json.data.azurerm_client_config.current.nmae = 'x';
    expect(only(checkTerraformJson('hub', json))).toMatchObject({ address: 'data.azurerm_client_config.current', attribute: 'nmae' });
  });

  test('the provider block is checked for unknown arguments', () => {
    const { stack } = build();
    const json = JSON.parse(Testing.synth(stack));
    json.provider.azurerm[0].subscripton_id = '0000';
    expect(only(checkTerraformJson('hub', json))).toMatchObject({ address: 'provider.azurerm', suggestion: 'subscription_id' });
  });

  test('types of other providers are ignored', () => {
    const json = {
      resource: { random_pet: { p: { nonsense: { a: 1 } } }, azapi_resource: { x: { body: { a: 1 } } } },
      data: { http: { h: { whatever: 1 } } },
    };
    expect(checkTerraformJson('s', json)).toEqual([]);
  });

  test('setting id explicitly is a warning', () => {
    const { stack, rg } = build();
    rg.addOverride('id', '/subscriptions/x/resourceGroups/rg-hub');
    expect(only(check(stack))).toMatchObject({ level: 'warning', attribute: 'id' });
  });

  test('is fast on a stack of 1000 resources', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'big');
    for (let i = 0; i < 250; i++) {
      const rg = new ResourceGroup(stack, `rg${i}`, { name: `rg-${i}`, location: 'westeurope' });
      const vnet = new VirtualNetwork(stack, `vnet${i}`, {
        name: `vnet-${i}`,
        location: rg.location,
        resourceGroupName: rg.name,
        addressSpace: ['10.0.0.0/16'],
      });
      const subnet = new Subnet(stack, `snet${i}`, {
        name: 'default',
        resourceGroupName: rg.name,
        virtualNetworkName: vnet.name,
        addressPrefixes: ['10.0.0.0/24'],
      });
      new NetworkInterface(stack, `nic${i}`, {
        name: `nic-${i}`,
        location: rg.location,
        resourceGroupName: rg.name,
        ipConfiguration: [{ name: 'ipconfig1', subnetId: subnet.id, privateIpAddressAllocation: 'Dynamic' }],
      });
    }
    const json = JSON.parse(Testing.synth(stack));
    checkTerraformJson('warmup', {}); // schema load is a one-off
    const t0 = process.hrtime.bigint();
    const findings = checkTerraformJson('big', json);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(findings).toEqual([]);
    expect(ms).toBeLessThan(500);
  });
});

describe('azurerm-schema.json', () => {
  test('describes the installed provider package', () => {
    const info = azurermSchemaInfo();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('@cdktf/provider-azurerm/package.json') as { version: string };
    expect(info.packageVersion).toBe(pkg.version);
    expect(info.providerVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(info.resourceTypes).toBeGreaterThan(1000);
    expect(info.dataSourceTypes).toBeGreaterThan(300);
  });

  test('is what the generator produces from the installed .jsii (regenerate: node scripts/build-azurerm-schema.js)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'checks', 'azurerm-schema.json'), 'utf8');
    const fresh = generator.buildSchemaJson(generator.defaultJsiiPath());
    expect(fresh === committed).toBe(true);
  }, 30_000);
});
