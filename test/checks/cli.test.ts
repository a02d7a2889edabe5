import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { HybridChecks } from '../../lib';
import { runCli } from '../../lib/cli/main';
import { newStack } from '../util';
import { secureBaseline } from './l1-stack';

/** Runs the command; returns the exit code and the printed lines. */
async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, lines };
}

/** Synthesizes a stack as `cdktf synth` would (manifest.json + stacks/<id>/cdk.tf.json); returns the output dir. */
function synthOut(stack: TerraformStack): string {
  return Testing.fullSynth(stack);
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-check-'));
}

const SUMMARY = /^(\d+) errors?, (\d+) warnings? in (\d+) stacks? \((\d+) resources?\) in (\d+) ms$/;

describe('cdktf-azure-hybrid check', () => {
  test('a clean cdktf output passes: summary only, exit 0', async () => {
    const out = synthOut(secureBaselineStack());
    const { code, lines } = await cli('check', out);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(SUMMARY);
    expect(lines[0]).toMatch(/^0 errors, 0 warnings in 1 stack \(17 resources\)/);
    expect(code).toBe(0);
  });

  test('a good and a bad cdk.tf.json in a directory: one line per finding, exit 1', async () => {
    // GIVEN
    const dir = tempDir();
    write(dir, 'good', Testing.synth(secureBaselineStack()));
    const bad = newStack('bad');
    const b = secureBaseline(bad);
    b.storage.minTlsVersion = 'TLS1_0';
    b.connection.sharedKey = 'Sup3rSecret!';
    b.storage.publicNetworkAccessEnabled = true;
    write(dir, 'bad', Testing.synth(bad));
    // WHEN
    const { code, lines } = await cli('check', dir);
    // THEN
    expect(lines.slice(0, -1)).toEqual([
      'WARNING STG-PUBLIC-NETWORK bad azurerm_storage_account.Storage.public_network_access_enabled: public_network_access_enabled is true: the account answers on its public endpoint. Fix: set it to false and use a private endpoint',
      'ERROR STG-TLS-MIN bad azurerm_storage_account.Storage.min_tls_version: min_tls_version is "TLS1_0": clients may use TLS before 1.2. Fix: set TLS1_2',
      expect.stringMatching(/^ERROR VPN-SHARED-KEY-LITERAL bad azurerm_virtual_network_gateway_connection\.Connection\.shared_key: the pre-shared key has a literal part \(12 characters\)/),
    ]);
    expect(lines[lines.length - 1]).toMatch(/^2 errors, 1 warning in 2 stacks \(34 resources\) in \d+ ms$/);
    expect(code).toBe(1);
    expect((await cli('check', dir, '--ignore-warnings')).lines.filter((l) => l.startsWith('WARNING'))).toEqual([]);
    // one file
    expect((await cli('check', path.join(dir, 'good', 'cdk.tf.json'))).code).toBe(0);
  });

  test('a typo injected through addOverride is reported by the schema check, with the nearest name', async () => {
    const stack = secureBaselineStack();
    const storage = stack.node.findChild('Storage') as unknown as { addOverride(p: string, v: unknown): void };
    storage.addOverride('min_tls_verison', 'TLS1_2');
    const { code, lines } = await cli('check', synthOut(stack));
    expect(lines[0]).toBe('ERROR CHK-SCHEMA test azurerm_storage_account.Storage.min_tls_verison: unsupported argument min_tls_verison (did you mean min_tls_version?)');
    expect(code).toBe(1);
  });

  test('suppressions made with HybridChecks.suppress are honoured by the command', async () => {
    const stack = newStack();
    const b = secureBaseline(stack, { gatewayDiagnostics: false });
    HybridChecks.suppress(b.gateway, [{ id: 'DIAG-MISSING', reason: 'collected by the platform stack' }]);
    Aspects.of(stack).add(new HybridChecks());
    const out = synthOut(stack);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'test', 'cdk.tf.json'), 'utf8'));
    expect(json.resource.azurerm_virtual_network_gateway.Gateway['//']['cdktf-azure-hybrid-suppressions']).toEqual([{ id: 'DIAG-MISSING', reason: 'collected by the platform stack' }]);
    expect(await cli('check', out)).toEqual({ code: 0, lines: [expect.stringMatching(/^0 errors, 0 warnings/)] });
  });

  test('usage errors exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('lint', 'x')).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', '/nonexistent/cdktf.out')).lines[0]).toBe('error: /nonexistent/cdktf.out: no such file or directory');
    expect((await cli("check", tempDir())).code).toBe(2);
    expect((await cli('check', '.', '--fast')).code).toBe(2);
    expect((await cli('--help')).code).toBe(0);
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 's'));
    fs.writeFileSync(path.join(dir, 's', 'cdk.tf.json'), '{ not json');
    expect((await cli('check', dir)).code).toBe(2);
  });

  // Speed is measured by bench/check-speed.js (figures in the closing notes), not asserted here.
  test('a 1,000-resource stack is checked: every resource counted, exit 0', async () => {
    // GIVEN: the baseline's resources copied until there are at least 1,000, references renamed per copy
    const base = JSON.parse(Testing.synth(secureBaselineStack()));
    const names = Object.values(base.resource).flatMap((byName: any) => Object.keys(byName));
    const text = JSON.stringify(base.resource);
    const resource: Record<string, Record<string, unknown>> = {};
    const copies = Math.ceil(1000 / names.length);
    for (let i = 0; i < copies; i++) {
      const copy = JSON.parse(text.replace(new RegExp(`([".])(${names.join('|')})([".])`, 'g'), `$1$2_${i}$3`));
      for (const [type, byName] of Object.entries(copy)) Object.assign((resource[type] ??= {}), byName);
    }
    const dir = tempDir();
    write(dir, 'big', JSON.stringify({ ...base, resource }));
    // WHEN
    const { code, lines } = await cli('check', dir);
    // THEN
    const summary = SUMMARY.exec(lines[lines.length - 1])!;
    expect(Number(summary[4])).toBe(copies * names.length);
    expect(Number(summary[4])).toBeGreaterThanOrEqual(1000);
    expect(code).toBe(0);
  });
});

function secureBaselineStack(): TerraformStack {
  const stack = newStack();
  secureBaseline(stack);
  return stack;
}

function write(dir: string, stack: string, json: string): void {
  fs.mkdirSync(path.join(dir, stack), { recursive: true });
  fs.writeFileSync(path.join(dir, stack, 'cdk.tf.json'), json);
}
