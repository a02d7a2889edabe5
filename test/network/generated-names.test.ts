import { Construct } from 'constructs';
import { HubNetwork, VirtualWan, VpnDevice } from '../../lib';
import { HubFirewall } from '../../lib/network/security/firewall';
import { expectValidationError, newStack, resourcesOf, synthJson } from '../util';

// The Virtual WAN, hub security and DNS constructs name their resources through the one name
// generator (core/naming.ts generateName) with a kind each: user-given names are checked against
// Azure's rules, and generated names are unique per stack even when long paths are cut.

describe('Virtual WAN names', () => {
  const wanOf = () => new VirtualWan(newStack(), 'Wan', { resourceGroupName: 'rg', location: 'westeurope' });

  test.each([
    ['the WAN', () => new VirtualWan(newStack(), 'Wan', { resourceGroupName: 'rg', location: 'westeurope', name: 'wan with spaces' }), 'wan with spaces'],
    ['a hub', () => wanOf().addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23', name: '-hub' }), '-hub'],
    ['a VPN site', () => wanOf().addVpnSite('Branch', { location: 'westeurope', addressSpaces: ['192.168.0.0/24'], links: [{ name: 'isp1', device: VpnDevice.address('203.0.113.10') }], name: 'site.' }), 'site.'],
    ['a hub VPN gateway', () => wanOf().addHub('West', { location: 'westeurope', addressPrefix: '10.0.0.0/23' }).addVpnGateway({ name: 'x'.repeat(81) }), 'x'.repeat(81)],
  ])('NAME-INVALID refuses a bad name for %s', (_what, build, value) => {
    expectValidationError(build, 'NAME-INVALID', 'name', value);
  });
});

describe('hub security names', () => {
  test('two firewalls whose long paths cut to the same 80 characters get distinct names', () => {
    const stack = newStack();
    // Two scopes of 90 characters that differ only in their last one: cut at 80, the names would be equal.
    const long = 'Region'.repeat(15);
    for (const [scopeId, addressSpace] of [[`${long}A`, '10.0.0.0/16'], [`${long}B`, '10.1.0.0/16']]) {
      const scope = new Construct(stack, scopeId);
      const hub = new HubNetwork(scope, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: [addressSpace] });
      new HubFirewall(scope, 'Firewall', { hub });
    }
    const names = resourcesOf(synthJson(stack), 'azurerm_firewall').map((f) => f.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(80);
  });
});
