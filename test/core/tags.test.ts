import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Password } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Aspects, Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { HubNetwork, HybridChecks, HybridTags } from '../../lib';
import { annotationsAfterSynth, expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';

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

  describe('the 50-tag limit after merging (fuzz F14)', () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, 'v']));
    function groupWith(own: Record<string, string>, tags: Record<string, string>) {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      new ResourceGroup(stack, 'Rg', { name: 'rg', location: 'westeurope', tags: own });
      HybridTags.addTo(app, tags);
      return stack;
    }

    test('a resource with 50 tags of its own and one more from HybridTags fails synth with TAG-INVALID on `tags`', () => {
      const stack = groupWith(fifty, { costCenter: '42' });
      const errors = annotationsAfterSynth(stack).filter(([level]) => level === 'error');
      expect(errors).toEqual([['error', 'test/Rg', expect.stringMatching(/^\[TAG-INVALID\] test\/Rg: `tags` = 51: azurerm_resource_group\.Rg has 51 tags .*at most 50/)]]);
      expect(() => (stack.node.root as any).synth()).toThrow(/\[TAG-INVALID\] test\/Rg: `tags` = 51/);
    });

    test('50 tags after merging, or a tag the resource already has, pass', () => {
      const under = groupWith(Object.fromEntries(Object.entries(fifty).slice(1)), { costCenter: '42' });
      expect(annotationsAfterSynth(under)).toEqual([]);
      const same = groupWith(fifty, { t0: 'other' });
      expect(annotationsAfterSynth(same)).toEqual([]);
      expect(onlyResource(synthJson(same), 'azurerm_resource_group').tags.t0).toBe('v');
    });

    test('the resource\'s own tag wins over one whose name differs only in case (Azure tag names are case-insensitive)', () => {
      const stack = groupWith({ CostCenter: '7' }, { costCenter: '42', owner: 'platform' });
      expect(onlyResource(synthJson(stack), 'azurerm_resource_group').tags).toEqual({ owner: 'platform', CostCenter: '7' });
    });

    test('a suppression of TAG-INVALID on the resource turns the error into an info line', () => {
      const stack = groupWith(fifty, { costCenter: '42' });
      HybridChecks.suppress(stack.node.findChild('Rg'), [{ id: 'TAG-INVALID', reason: 'the tag policy removes t49 before deployment' }]);
      expect(annotationsAfterSynth(stack)).toEqual([['info', 'test/Rg', expect.stringMatching(/^\[TAG-INVALID\] suppressed: the tag policy removes t49 before deployment \(\[TAG-INVALID\] test\/Rg: `tags` = 51/)]]);
    });
  });

  test('fails when two tag names differ only in case', () => {
    expectValidationError(() => new HybridTags({ Owner: 'a', owner: 'b' }), 'TAG-INVALID', 'tags', 'owner');
  });

  describe('values JavaScript can pass (fuzz F10)', () => {
    test('no tags: PROP-REQUIRED', () => {
      expectValidationError(() => new HybridTags(null as any), 'PROP-REQUIRED', 'tags', null);
      expectValidationError(() => new HybridTags(undefined as any), 'PROP-REQUIRED', 'tags');
      expectValidationError(() => HybridTags.addTo(Testing.app(), null as any), 'PROP-REQUIRED', 'tags', null);
      expectValidationError(() => HybridTags.addTo(null as any, { owner: 'x' }), 'PROP-REQUIRED', 'scope', null);
    });

    test('tags that are not an object, or a value that is not a string: PROP-TYPE', () => {
      expectValidationError(() => new HybridTags(['owner'] as any), 'PROP-TYPE', 'tags', ['owner']);
      expectValidationError(() => new HybridTags('owner=x' as any), 'PROP-TYPE', 'tags', 'owner=x');
      expectValidationError(() => new HybridTags({ owner: null } as any), 'PROP-TYPE', 'tags.owner', null);
      expectValidationError(() => new HybridTags({ owner: 42 } as any), 'PROP-TYPE', 'tags.owner', 42);
      expect(() => new HybridTags({ owner: '' })).not.toThrow();
    });
  });
});
