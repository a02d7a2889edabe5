import { Fn, Lazy, TerraformVariable } from 'cdktf';
import { hasLiteralPart, literalParts } from '../../lib/core/expressions';
import { isLiteralString } from '../../lib/core/tokens';
import { newStack } from '../util';

describe('literal parts of a Terraform value (secrets must have none)', () => {
  test.each([
    ['SuperSecretPsk123', 'text'],
    ['${"SuperSecretPsk123"}', 'string'],
    ['${lower("SuperSecretPsk123")}', 'string'],
    ['${var.a}SuperSecretPsk123${var.b}', 'text'],
    ['abc${var.x}', 'text'],
    ['${join("", ["abc", var.x])}', 'string'],
    ['${123456}', 'number'],
    ['${<<EOT\nsecret\nEOT\n}', 'heredoc'],
    ['${"a${var.x}"}', 'string'],
  ])('%j has a literal part (%s)', (value, kind) => {
    expect(literalParts(value).map((p) => p.kind)).toContain(kind);
    expect(hasLiteralPart(value)).toBe(true);
  });

  test.each([
    '${var.shared_key}',
    '${random_password.key.result}',
    '${data.azurerm_key_vault_secret.psk.value}',
    '${random_password.key[0].result}',
    '${nonsensitive(var.x)}',
    '${join("", [var.a, var.b])}',
    '${var.a}${var.b}',
  ])('%j has none', (value) => {
    expect(literalParts(value)).toEqual([]);
  });

  test('escaped $${ is literal text', () => {
    expect(hasLiteralPart('$${var.x}')).toBe(true);
  });

  test('a local is followed to its value', () => {
    const locals: Record<string, unknown> = { key: 'SuperSecret', ref: '${var.k}', chain: '${local.key}', loop: '${local.loop}' };
    const lookup = (name: string) => locals[name];
    expect(hasLiteralPart('${local.key}', lookup)).toBe(true);
    expect(hasLiteralPart('${local.ref}', lookup)).toBe(false);
    expect(hasLiteralPart('${local.chain}', lookup)).toBe(true);
    expect(hasLiteralPart('${local.loop}', lookup)).toBe(false); // bounded, no hang
  });

  test('linear on long hostile input', () => {
    const hostile = '${' + '('.repeat(50_000) + '"' + 'a'.repeat(50_000);
    const start = Date.now();
    expect(hasLiteralPart(hostile)).toBe(true);
    expect(Date.now() - start).toBeLessThan(2_000); // a generous bound: a backtracking scan would take minutes
  });

  test('cdktf tokens are resolved when a scope is given: Fn, rawString, Lazy', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'k', { type: 'string', sensitive: true });
    expect(isLiteralString(Fn.lower('SuperSecret'), stack)).toBe(true);
    expect(isLiteralString(Fn.rawString('SuperSecret'), stack)).toBe(true);
    expect(isLiteralString(Lazy.stringValue({ produce: () => 'SuperSecret' }), stack)).toBe(true);
    expect(isLiteralString(v.stringValue, stack)).toBe(false);
    expect(isLiteralString(Fn.nonsensitive(v.stringValue), stack)).toBe(false);
    // without a scope a token cannot be judged: the final-body check at synth does it
    expect(isLiteralString(Fn.lower('SuperSecret'))).toBe(false);
  });
});
