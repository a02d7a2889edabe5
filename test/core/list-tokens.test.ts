import { TerraformVariable } from 'cdktf';
import { HubNetwork, SpokePeering, VpnDevice, VpnGateway } from '../../lib';
import { newStack, resourcesOf, synthJson } from '../util';

// A whole list from an expression (a list variable, another resource's list attribute) reaches a
// construct as an array holding one encoded list token ("#{TfToken[...]}"), which Token.isUnresolved
// recognises only on the array. Prefix lists given that way pass through instead of being refused
// as invalid CIDRs (they are checked by Azure at apply, as any expression).
describe('prefix lists given as one list expression', () => {
  test('a spoke address space and a site address space from list variables synthesize as references', () => {
    const stack = newStack();
    const spokeSpace = new TerraformVariable(stack, 'spoke_space', { type: 'list(string)' });
    const sitePrefixes = new TerraformVariable(stack, 'site_prefixes', { type: 'list(string)' });
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    new VpnGateway(stack, 'Vpn', { hub }).addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: sitePrefixes.listValue });
    new SpokePeering(stack, 'App', { hub, resourceGroupName: 'rg', addressSpace: spokeSpace.listValue });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_local_network_gateway')[0].address_space).toBe('${var.site_prefixes}');
    expect(resourcesOf(json, 'azurerm_virtual_network').map((v) => v.address_space)).toContainEqual('${var.spoke_space}');
  });
});
