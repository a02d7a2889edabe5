import { TerraformVariable } from 'cdktf';
import { HubNetwork } from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { expectValidationError, newStack, resourcesOf, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const GATEWAY_SUBNET_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet';

/** Asserts that no message of `error` shows a cdktf placeholder instead of the expression. */
function expectNoRawToken(error: ValidationError): void {
  expect(error.message).not.toMatch(/TfToken/);
  expect(error.problems.map((p) => p.ruleId)).not.toContain('NET-SUBNET-NO-SPACE');
}

describe('HubNetwork with an address space given as a Terraform expression', () => {
  test('a GatewaySubnet to carve from a whole-list expression is PROP-LITERAL on addressSpace, printed as the expression', () => {
    // GIVEN
    const stack = newStack();
    const space = new TerraformVariable(stack, 'space', { type: 'list(string)' });
    // WHEN / THEN
    const error = expectValidationError(() => new HubNetwork(stack, 'Hub', { ...base, addressSpace: space.listValue }), 'PROP-LITERAL', 'addressSpace', '${var.space}');
    expect(error.constructPath).toBe('test/Hub');
    expect(error.fix).toContain('`gatewaySubnetPrefix`');
    expectNoRawToken(error);
  });

  test('the same for a list holding one expression', () => {
    const stack = newStack();
    const space = new TerraformVariable(stack, 'space', { type: 'string' });
    const error = expectValidationError(() => new HubNetwork(stack, 'Hub', { ...base, addressSpace: [space.stringValue] }), 'PROP-LITERAL', 'addressSpace', ['${var.space}']);
    expect(error.constructPath).toBe('test/Hub');
    expectNoRawToken(error);
  });

  test('a subnet without addressPrefix names its own prop in the fix', () => {
    const stack = newStack();
    const space = new TerraformVariable(stack, 'space', { type: 'list(string)' });
    const error = expectValidationError(
      () => new HubNetwork(stack, 'Hub', { ...base, addressSpace: space.listValue, gatewaySubnetPrefix: '10.0.0.0/26', subnets: { app: {} } }),
      'PROP-LITERAL',
      'addressSpace',
      '${var.space}',
    );
    expect(error.fix).toContain('`subnets.app.addressPrefix`');
    expectNoRawToken(error);
  });

  test('every prefix given: the hub is built, and addSubnet without a prefix is PROP-LITERAL (the hub stays usable)', () => {
    // GIVEN a hub whose every subnet has its prefix
    const stack = newStack();
    const space = new TerraformVariable(stack, 'space', { type: 'list(string)' });
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: space.listValue, gatewaySubnetPrefix: '10.0.0.0/26', subnets: { app: { addressPrefix: '10.0.1.0/24' } } });
    // WHEN a subnet is to be carved
    const error = expectValidationError(() => hub.addSubnet('privatelink'), 'PROP-LITERAL', 'addressSpace', '${var.space}');
    // THEN
    expect(error.constructPath).toBe('test/Hub');
    expect(error.fix).toContain('`addressPrefix`');
    expectNoRawToken(error);
    hub.addSubnet('privatelink', { addressPrefix: '10.0.2.0/24' });
    const prefixes = resourcesOf(synthJson(stack), 'azurerm_subnet').map((s) => s.address_prefixes[0]);
    expect(prefixes.sort()).toEqual(['10.0.0.0/26', '10.0.1.0/24', '10.0.2.0/24']);
  });

  test('addSubnet on an imported hub with an expression address space is PROP-LITERAL', () => {
    const stack = newStack();
    const space = new TerraformVariable(stack, 'space', { type: 'list(string)' });
    const hub = HubNetwork.fromHubNetworkAttributes(stack, 'Hub', {
      virtualNetworkId: 'id',
      virtualNetworkName: 'vnet-hub',
      resourceGroupName: 'rg',
      location: 'westeurope',
      gatewaySubnetId: GATEWAY_SUBNET_ID,
      addressSpace: space.listValue,
    });
    const error = expectValidationError(() => hub.addSubnet('privatelink'), 'PROP-LITERAL', 'addressSpace', '${var.space}');
    expect(error.constructPath).toBe('test/Hub');
    expectNoRawToken(error);
  });

  test('a space of literal ranges and an expression: carved from the literal ranges, PROP-LITERAL when they are full', () => {
    // GIVEN
    const stack = newStack();
    const extra = new TerraformVariable(stack, 'extra', { type: 'string' });
    // WHEN the literal range has room: carved from it; a prefix outside it may be in the expression
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/24', extra.stringValue], subnets: { app: { addressPrefix: '10.9.0.0/24' } } });
    expect(hub.subnetPrefixes()).toEqual({ app: '10.9.0.0/24', GatewaySubnet: '10.0.0.0/26' });
    // THEN when it has none, the message names the literal range and prints the expression
    const error = expectValidationError(
      () => new HubNetwork(stack, 'Small', { ...base, addressSpace: ['10.1.0.0/28', extra.stringValue] }),
      'PROP-LITERAL',
      'addressSpace',
      ['10.1.0.0/28', '${var.extra}'],
    );
    expect(error.message).toContain('no free /26 is left in the literal 10.1.0.0/28');
    expectNoRawToken(error);
  });
});
