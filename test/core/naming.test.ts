import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../lib/core/errors';
import { checkName, generateName, NAME_RULES, NameKind } from '../../lib/core/naming';
import { newStack } from '../util';

/** A construct at `stack/<ids...>`. */
function at(stack: TerraformStack, ...ids: string[]): Construct {
  let scope: Construct = stack;
  for (const id of ids) scope = new Construct(scope, id);
  return scope;
}

const LONG = 'AVeryLongConstructIdThatGoesOnAndOn';

describe('naming', () => {
  describe('generateName', () => {
    test('is <abbreviation>-<path inside the stack>, lowercase', () => {
      const stack = newStack();
      expect(generateName(at(stack, 'Hub', 'Vpn'), 'virtualNetworkGateway')).toBe('vgw-hub-vpn');
      expect(generateName(at(stack, 'Hub2'), 'virtualNetwork')).toBe('vnet-hub2');
      expect(generateName(at(stack, 'Gw'), 'publicIp', '2')).toBe('pip-gw-2');
    });

    test('is stable across calls and across apps', () => {
      const a = at(newStack(), 'Files', 'Account');
      const b = at(newStack(), 'Files', 'Account');
      expect(generateName(a, 'storageAccount')).toBe(generateName(a, 'storageAccount'));
      expect(generateName(a, 'storageAccount')).toBe(generateName(b, 'storageAccount'));
      expect(generateName(a, 'keyVault')).toBe(generateName(b, 'keyVault'));
    });

    test('gives a storage account lowercase letters and digits with an 8-character hash suffix', () => {
      const name = generateName(at(newStack(), 'My_Files', 'Acct-1'), 'storageAccount');
      expect(name).toMatch(/^stmyfilesacct1[0-9a-f]{8}$/);
      expect(name).toMatch(NAME_RULES.storageAccount.pattern);
    });

    test('truncates a long storage account name to 24 characters, keeping the hash', () => {
      const name = generateName(at(newStack(), LONG, LONG), 'storageAccount');
      expect(name).toHaveLength(24);
      expect(name).toMatch(/^st[a-z0-9]{14}[0-9a-f]{8}$/);
      expect(name.startsWith('stavery')).toBe(true);
    });

    test('globally unique names differ between stacks (the hash covers the stack)', () => {
      const a = generateName(at(newStack('one'), 'Account'), 'storageAccount');
      const b = generateName(at(newStack('two'), 'Account'), 'storageAccount');
      expect(a.slice(0, -8)).toBe(b.slice(0, -8));
      expect(a).not.toBe(b);
      const kvA = generateName(at(newStack('one'), 'Vault'), 'keyVault');
      expect(kvA).toMatch(/^kv-vault-[0-9a-f]{8}$/);
    });

    test('keeps every kind within its length limit and pattern, with a hash when truncated', () => {
      const stack = newStack();
      const deep = at(stack, LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG);
      for (const kind of Object.keys(NAME_RULES) as NameKind[]) {
        const rule = NAME_RULES[kind];
        const name = generateName(deep, kind, 'x');
        expect({ kind, ok: name.length <= rule.maxLength && name.length >= rule.minLength }).toEqual({ kind, ok: true });
        expect({ kind, ok: rule.pattern.test(name) }).toEqual({ kind, ok: true });
      }
      const vgw = generateName(deep, 'virtualNetworkGateway');
      expect(vgw).toHaveLength(80);
      expect(vgw).toMatch(/^vgw-avery.*-[0-9a-f]{8}$/);
    });

    test('two long paths that share a prefix get different names', () => {
      const stack = newStack();
      const parent = at(stack, LONG, LONG);
      const a = generateName(new Construct(parent, `${LONG}A`), 'virtualNetwork');
      const b = generateName(new Construct(parent, `${LONG}B`), 'virtualNetwork');
      expect(a).not.toBe(b);
      expect(a.length).toBeLessThanOrEqual(64);
    });

    test('uses the id of a construct directly under the stack', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'stack');
      expect(generateName(stack, 'virtualNetwork')).toBe('vnet-stack');
    });
  });

  describe('checkName', () => {
    test.each<[NameKind, string]>([
      ['virtualNetwork', 'a'],
      ['virtualNetwork', 'x'.repeat(65)],
      ['virtualNetworkGateway', 'bad name'],
      ['virtualNetworkGateway', 'ends-with-'],
      ['storageAccount', 'UpperCase1'],
      ['storageAccount', 'has-dash'],
      ['keyVault', 'kv--double'],
      ['logAnalyticsWorkspace', 'abc'],
    ])('fails when a %s name is %p', (kind, name) => {
      const problems = new ProblemCollector('test/X');
      checkName(problems, kind, 'name', name);
      expect(problems.count).toBe(1);
      expect(() => problems.throwIfAny()).toThrow(new RegExp(`^\\[NAME-INVALID\\] test/X: \`name\` = ${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: a ${kind} name must be`));
    });

    test('accepts valid names, undefined and tokens', () => {
      const stack = newStack();
      const problems = new ProblemCollector('test');
      checkName(problems, 'virtualNetworkGateway', 'name', 'vgw-hub_01');
      checkName(problems, 'storageAccount', 'name', 'sthybrid01');
      checkName(problems, 'storageAccount', 'name', undefined);
      checkName(problems, 'storageAccount', 'name', new TerraformVariable(stack, 'n', { type: 'string' }).stringValue);
      expect(problems.count).toBe(0);
    });
  });
});

describe('generated names that would differ only in case or separators', () => {
  test('are made distinct: the first keeps its name, the later gets a stable suffix', () => {
    // GIVEN two scopes whose paths map to one Azure name (Azure names are case-insensitive)
    const stack = newStack();
    const upper = new Construct(stack, 'Files');
    const lower = new Construct(stack, 'files');
    // WHEN
    const a = generateName(upper, 'privateEndpoint');
    const b = generateName(lower, 'privateEndpoint');
    // THEN
    expect(a).toBe('pep-files');
    expect(b).toMatch(/^pep-files-[0-9a-f]{8}$/);
    expect(generateName(lower, 'privateEndpoint')).toBe(b); // stable for the same scope
    expect(generateName(upper, 'privateEndpoint')).toBe(a);
  });
});
