import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Aspects, Fn, TerraformVariable } from 'cdktf';
import { HubNetwork, HybridTags } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

describe('HybridTags', () => {
  test('tags every taggable azurerm resource, and the resource\'s own tags win', () => {
    // GIVEN
    const stack = newStack();
    new ResourceGroup(stack, 'Untagged', { name: 'rg-a', location: 'westeurope' });
    new ResourceGroup(stack, 'Tagged', { name: 'rg-b', location: 'westeurope', tags: { owner: 'app-team', tier: 'gold' } });
    // WHEN
    Aspects.of(stack).add(new HybridTags({ owner: 'platform-team', workload: 'hybrid' }));
    // THEN
    const groups = Object.fromEntries(resourcesOf(synthJson(stack), 'azurerm_resource_group').map((g) => [g.name, g.tags]));
    expect(groups['rg-a']).toEqual({ owner: 'platform-team', workload: 'hybrid' });
    expect(groups['rg-b']).toEqual({ owner: 'app-team', tier: 'gold', workload: 'hybrid' });
  });

  test('leaves resources without a tags argument and non-azurerm resources untouched', () => {
    // GIVEN
    const stack = newStack();
    new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    new RandomProvider(stack, 'random');
    new Password(stack, 'Password', { length: 16 });
    // WHEN
    Aspects.of(stack).add(new HybridTags({ workload: 'hybrid' }));
    // THEN
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_virtual_network').tags).toEqual({ workload: 'hybrid' });
    expect(onlyResource(json, 'azurerm_subnet').tags).toBeUndefined();
    expect(onlyResource(json, 'random_password').tags).toBeUndefined();
    expect(onlyResource(json, 'random_password')).not.toHaveProperty('keepers');
  });

  test('leaves tags given as one expression alone', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
    new ResourceGroup(stack, 'Rg', { name: 'rg', location: 'westeurope', tags: Fn.merge([variable.value]) as any });
    Aspects.of(stack).add(new HybridTags({ workload: 'hybrid' }));
    expect(onlyResource(synthJson(stack), 'azurerm_resource_group').tags).toBe('${merge(var.tags)}');
  });

  test.each(['a<b', 'a>b', 'a%b', 'a&b', 'a\\b', 'a?b', 'a/b', '', 'x'.repeat(513)])('fails when a tag name is %p', (name) => {
    expectValidationError(() => new HybridTags({ [name]: 'v' }), 'TAG-INVALID', 'tags', name);
  });

  test('fails when a tag value is longer than 256 characters', () => {
    const value = 'v'.repeat(257);
    expectValidationError(() => new HybridTags({ owner: value }), 'TAG-INVALID', 'tags.owner', value);
  });

  test('fails when there are more than 50 tags', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));
    expectValidationError(() => new HybridTags(tags), 'TAG-INVALID', 'tags', 51);
  });

  test('accepts 50 tags, a 512-character name and a 256-character value', () => {
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`t${i}`, 'v']));
    expect(() => new HybridTags({ ...tags, ['n'.repeat(512)]: 'v'.repeat(256) })).not.toThrow();
  });
});
