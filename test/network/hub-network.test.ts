import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { HubNetwork, HybridChecks } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';
import { errorsAfterSynth } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };

describe('HubNetwork', () => {
  test('carves a /26 GatewaySubnet first and further subnets after it', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { app: {}, mgmt: { prefixLength: 27 } } });
    // THEN
    const json = synthJson(stack);
    const subnets = resourcesOf(json, 'azurerm_subnet');
    const byName = Object.fromEntries(subnets.map((s) => [s.name, s.address_prefixes[0]]));
    expect(byName).toEqual({ GatewaySubnet: '10.0.0.0/26', app: '10.0.1.0/24', mgmt: '10.0.0.64/27' });
    expect(hub.subnetPrefixes()).toEqual({ GatewaySubnet: '10.0.0.0/26', app: '10.0.1.0/24', mgmt: '10.0.0.64/27' });
    expect(resourcesOf(json, 'azurerm_subnet_network_security_group_association')).toHaveLength(0);
  });

  test('explicit prefixes are placed first and carving fits around them', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/22'], subnets: { fixed: { addressPrefix: '10.0.0.0/24' } } });
    hub.addSubnet('later', { prefixLength: 24 });
    expect(hub.subnetPrefixes()).toEqual({ fixed: '10.0.0.0/24', GatewaySubnet: '10.0.1.0/26', later: '10.0.2.0/24' });
  });

  test('a token address space is passed through unvalidated', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.1.0.0/16'], gatewaySubnetPrefix: '10.1.255.0/27' });
    expect(onlyResource(synthJson(stack), 'azurerm_virtual_network').address_space).toEqual(['10.1.0.0/16']);
    expect(hub.gatewaySubnetPrefix).toBe('10.1.255.0/27');
  });

  test('fails when GatewaySubnet is smaller than /27', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28' }), 'NET-GWSUBNET-SIZE', 'gatewaySubnetPrefix', '10.0.0.0/28');
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefixLength: 29 }), 'NET-GWSUBNET-SIZE', 'gatewaySubnetPrefixLength', 29);
  });

  test('fails when a subnet lies outside the address space', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { app: { addressPrefix: '10.1.0.0/24' } } }), 'NET-SUBNET-OUTSIDE', 'subnets.app.addressPrefix', '10.1.0.0/24');
  });

  test('fails when subnets overlap, naming both ranges', () => {
    const error = expectValidationError(
      () => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { a: { addressPrefix: '10.0.1.0/24' }, b: { addressPrefix: '10.0.1.128/25' } } }),
      'NET-SUBNET-OVERLAP',
      'subnets.b.addressPrefix',
      '10.0.1.128/25',
    );
    expect(error.message).toMatch(/10\.0\.1\.128\/25 \(b\) overlaps 10\.0\.1\.0\/24 \(a\)/);
  });

  test('fails when a prefix has host bits set or is not a CIDR', () => {
    const error = expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.1/16'] }), 'NET-CIDR-INVALID', 'addressSpace', '10.0.0.1/16');
    expect(error.message).toContain('10.0.0.0/16');
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/33'] }), 'NET-CIDR-INVALID', 'addressSpace', '10.0.0.0/33');
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: [] }), 'NET-CIDR-INVALID', 'addressSpace');
  });

  test('fails when the address space has no room left', () => {
    const hub = new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/24'] });
    expectValidationError(() => hub.addSubnet('big', { prefixLength: 24 }), 'NET-SUBNET-NO-SPACE', 'prefixLength', 24);
  });

  test('fails when a subnet is called GatewaySubnet or a name is repeated', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { GatewaySubnet: {} } }), 'NET-GWSUBNET-RESERVED', 'subnets.GatewaySubnet', 'GatewaySubnet');
    const hub = new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { app: {} } });
    expectValidationError(() => hub.addSubnet('app'), 'NET-SUBNET-DUPLICATE', 'name', 'app');
  });

  test('fails when a name breaks Azure rules', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], name: 'bad name!' }), 'NAME-INVALID', 'name', 'bad name!');
  });

  test('fails at synth when an NSG is associated with GatewaySubnet through an L1 (the rule pack checks hand-written resources)', () => {
    // GIVEN a stack with the rule pack: checkFinalBody covers the hub's own resources, the pack the others
    const stack = newStack();
    HybridChecks.addTo(stack);
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const nsg = new NetworkSecurityGroup(stack, 'Nsg', { ...base, name: 'nsg-x' });
    // WHEN
    new SubnetNetworkSecurityGroupAssociation(stack, 'Bad', { subnetId: hub.gatewaySubnetId, networkSecurityGroupId: nsg.id });
    // THEN
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[NET-GWSUBNET-NSG\] azurerm_subnet_network_security_group_association\.Bad\.subnet_id/);
  });

  test('fails when two address space ranges overlap', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16', '10.0.128.0/17'] }), 'NET-ADDRESS-OVERLAP', 'addressSpace', '10.0.128.0/17');
  });
});

describe('HubNetwork.addSpoke ids', () => {
  test('fails when a spoke id is repeated', () => {
    // GIVEN a hub with a spoke App
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    hub.addSpoke('App', { addressSpace: ['10.1.0.0/16'] });
    // WHEN / THEN a second App is refused with NAME-DUPLICATE, not the constructs library's error
    expectValidationError(() => hub.addSpoke('App', { addressSpace: ['10.2.0.0/16'] }), 'NAME-DUPLICATE', 'id', 'App');
  });

  test('fails when a spoke id is one the hub uses itself', () => {
    const hub = new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    expectValidationError(() => hub.addSpoke('Resource', { addressSpace: ['10.1.0.0/16'] }), 'NAME-DUPLICATE', 'id', 'Resource');
  });
});

describe('HubNetwork reports every problem of its props together', () => {
  /** The problems of an error as [rule, path, prop, value], for one assertion. */
  const problemsOf = (error: { problems: { ruleId: string; constructPath: string; prop: string; value: string }[] }) => error.problems.map((p) => [p.ruleId, p.constructPath, p.prop, p.value]);

  test('region, GatewaySubnet size and a subnet outside the space come in one error', () => {
    // GIVEN three independent mistakes
    const props = { resourceGroupName: 'rg', location: 'West Europe', addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28', subnets: { app: { addressPrefix: '10.1.0.0/24' } } };
    // WHEN / THEN
    const error = expectValidationError(() => new HubNetwork(newStack(), 'Hub', props), 'NET-REGION', 'location', 'West Europe');
    expect(problemsOf(error)).toEqual([
      ['NET-REGION', 'test/Hub', 'location', '"West Europe"'],
      ['NET-GWSUBNET-SIZE', 'test/Hub', 'gatewaySubnetPrefix', '"10.0.0.0/28"'],
      ['NET-SUBNET-OUTSIDE', 'test/Hub', 'subnets.app.addressPrefix', '"10.1.0.0/24"'],
    ]);
  });

  test('a missing prop, a bad name, a reserved subnet name, a bad CIDR and no room to carve come together', () => {
    const props: any = { location: 'westeurope', name: 'bad name!', addressSpace: ['10.0.0.0/24'], subnets: { GatewaySubnet: {}, app: { addressPrefix: '10.0.0.1/26' }, big: { prefixLength: 24 } } };
    const error = expectValidationError(() => new HubNetwork(newStack(), 'Hub', props), 'PROP-REQUIRED', 'resourceGroupName');
    expect(problemsOf(error).map(([rule, , prop]) => `${rule} ${prop}`)).toEqual([
      'PROP-REQUIRED resourceGroupName',
      'NAME-INVALID name',
      'NET-GWSUBNET-RESERVED subnets.GatewaySubnet',
      'NET-CIDR-INVALID subnets.app.addressPrefix',
      'NET-SUBNET-NO-SPACE subnets.big.prefixLength',
    ]);
  });

  test('nothing is carved from an invalid address space (no spurious NET-SUBNET-NO-SPACE)', () => {
    const error = expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/26', '10.0.1.1/24'], subnets: { app: {} } }), 'NET-CIDR-INVALID', 'addressSpace', '10.0.1.1/24');
    expect(error.problems).toHaveLength(1);
  });

  test('addSubnet reports a bad name and a prefix outside the space together, and keeps no prefix of a refused subnet', () => {
    const hub = new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const error = expectValidationError(() => hub.addSubnet('bad name!', { addressPrefix: '10.1.0.0/24' }), 'NAME-INVALID', 'name', 'bad name!');
    expect(problemsOf(error)).toEqual([
      ['NAME-INVALID', 'test/Hub', 'name', '"bad name!"'],
      ['NET-SUBNET-OUTSIDE', 'test/Hub', 'addressPrefix', '"10.1.0.0/24"'],
    ]);
    // A refused subnet that overlaps nothing yet must not block the corrected call.
    expectValidationError(() => hub.addSubnet('app!', { addressPrefix: '10.0.1.0/24' }), 'NAME-INVALID', 'name', 'app!');
    hub.addSubnet('app', { addressPrefix: '10.0.1.0/24' });
    expect(hub.subnetPrefixes().app).toBe('10.0.1.0/24');
  });

  test('fromHubNetworkAttributes reports a missing attribute, a bad region and a bad address space together', () => {
    const attrs: any = { virtualNetworkId: 'id', resourceGroupName: 'rg', location: 'West Europe', gatewaySubnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet', addressSpace: ['10.0.0.1/16'] };
    const error = expectValidationError(() => HubNetwork.fromHubNetworkAttributes(newStack(), 'Hub', attrs), 'PROP-REQUIRED', 'virtualNetworkName');
    expect(problemsOf(error).map(([rule, , prop]) => `${rule} ${prop}`)).toEqual(['PROP-REQUIRED virtualNetworkName', 'NET-REGION location', 'NET-CIDR-INVALID addressSpace']);
  });
});
