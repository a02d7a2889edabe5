// Azure refuses some ranges in a virtual network's address space, and its DNS servers are
// addresses (NET-ADDRESS-RESERVED, NET-DNS-SERVERS): both were accepted silently (fuzz F15).
import { TerraformVariable } from 'cdktf';
import { HubNetwork, SpokePeering } from '../../lib';
import { expectValidationError, newStack, synthJson } from '../util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };

describe('a new virtual network leaves out the ranges Azure refuses (NET-ADDRESS-RESERVED)', () => {
  test.each([
    ['0.0.0.0/0', '224.0.0.0/4'],
    ['224.0.0.0/24', '224.0.0.0/4'],
    ['127.0.0.0/16', '127.0.0.0/8'],
    ['169.254.0.0/16', '169.254.0.0/16'],
    ['168.63.128.0/22', '168.63.129.16/32'],
  ])('hub address space %s includes %s', (cidr, refused) => {
    const error = expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: [cidr] }), 'NET-ADDRESS-RESERVED', 'addressSpace', cidr);
    expect(error.message).toContain(`includes ${refused}`);
  });

  test('a new spoke too; an existing spoke network and private ranges pass', () => {
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    expectValidationError(() => new SpokePeering(stack, 'Bad', { hub, addressSpace: ['169.254.10.0/24'] }), 'NET-ADDRESS-RESERVED', 'addressSpace', '169.254.10.0/24');
    new SpokePeering(stack, 'App', { hub, addressSpace: ['10.1.0.0/24'] });
    new SpokePeering(stack, 'Existing', {
      hub,
      addressSpace: ['172.16.0.0/24'],
      existingVirtualNetworkId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/old',
      existingVirtualNetworkName: 'old',
    });
    expect(() => synthJson(stack)).not.toThrow();
  });
});

describe('DNS servers are IPv4 addresses, each once (NET-DNS-SERVERS)', () => {
  test.each([['not-an-ip'], [''], ['10.0.0.0/8']])('hub dnsServers %p', (server) => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], dnsServers: ['10.0.0.4', server] }), 'NET-DNS-SERVERS', 'dnsServers', server);
  });

  test('a repeated server, on a hub and on a new spoke', () => {
    expectValidationError(() => new HubNetwork(newStack(), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], dnsServers: ['10.0.0.4', '10.0.0.4'] }), 'NET-DNS-SERVERS', 'dnsServers', '10.0.0.4');
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    expectValidationError(() => new SpokePeering(stack, 'App', { hub, addressSpace: ['10.1.0.0/24'], dnsServers: ['dc01'] }), 'NET-DNS-SERVERS', 'dnsServers', 'dc01');
  });

  test('addresses and expressions pass', () => {
    const stack = newStack();
    const dns = new TerraformVariable(stack, 'dns', { type: 'string' });
    const list = new TerraformVariable(stack, 'dns_list', { type: 'list(string)' });
    new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], dnsServers: ['10.0.0.4', dns.stringValue] });
    new HubNetwork(stack, 'Hub2', { ...base, addressSpace: ['10.2.0.0/16'], dnsServers: list.listValue });
    expect(() => synthJson(stack)).not.toThrow();
  });
});
