import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { main, runCli } from '../../lib/cli/main';
import { MAX_DIAGRAM_NODES, runDiagram } from '../../lib/cli/diagram';
import { fromHcl } from '../../lib/cli/config';
import { Topology } from '../../lib/diagram/topology';

// Regression tests for the fuzz review's CLI defects (sections 5, 9, 12, 16) and a property test.
// `diagram` runs with a stand-in SVG renderer: Graphviz is ESM/WebAssembly (test/diagram covers it).

const fakeSvg = async (t: Topology) => `<svg>${t.nodes.length}</svg>`;
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-cli-'));
const VNET = (n: number) => ({ resource: { azurerm_virtual_network: Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, { name: `v${i}`, resource_group_name: 'rg', location: 'westeurope', address_space: ['10.0.0.0/16'] }])) } });

async function check(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(['check', ...argv], (l) => lines.push(l));
  return { code, lines };
}
async function diagram(...argv: string[]) {
  const lines: string[] = [];
  const code = await runDiagram(argv, (l) => lines.push(l), [], fakeSvg);
  return { code, lines };
}
function stackDir(root: string, name: string, json: unknown, file = 'cdk.tf.json'): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), typeof json === 'string' ? json : JSON.stringify(json));
  return dir;
}
/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('CLI defects of the fuzz review', () => {
  test('5: stack names from a manifest are not paths: --out output stays inside --out, and manifest files outside the folder are not read', async () => {
    const root = tmp();
    const app = path.join(root, 'a', 'b', 'cdktf.out');
    stackDir(path.join(app, 'stacks'), 'x', VNET(1));
    fs.writeFileSync(path.join(app, 'manifest.json'), JSON.stringify({ stacks: {
      '../../escaped-by-manifest': { synthesizedStackPath: 'stacks/x/cdk.tf.json' },
      'outside': { synthesizedStackPath: '../../../../../../../../etc/hostname' },
    } }));
    const out = path.join(root, 'a', 'b', 'out');
    const before = new Set(filesUnder(root));
    const { code, lines } = await diagram(app, '--out', out);
    expect(code).toBe(0);
    const created = filesUnder(root).filter((f) => !before.has(f));
    expect(created.length).toBe(2);
    for (const f of created) expect(path.dirname(f)).toBe(out);
    expect(lines).toContain('note: outside: ../../../../../../../../etc/hostname is outside ' + app + ', not read');
    expect((await check(app)).lines.some((l) => l.includes('/etc/hostname') && l.startsWith('error'))).toBe(false);
  });

  test('12: --out that is a file, a device, under a missing folder or unwritable: one line, exit 2, no stack trace', async () => {
    const root = tmp();
    stackDir(root, 's', VNET(1));
    const file = path.join(root, 'file');
    fs.writeFileSync(file, 'x');
    for (const bad of [file, '/dev/null', path.join(root, 'no', 'such', 'dir'), '/proc/1/fuzz-out']) {
      const { code, lines } = await diagram(root, '--out', bad);
      expect(code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: --out /);
    }
  });

  test('12: malformed, empty, null, list and number inputs are refused with the file name; diagram prints no stack trace', async () => {
    const root = tmp();
    for (const [name, text] of [['bad', '{ not json'], ['empty', ''], ['null', 'null'], ['list', '[1,2,3]'], ['num', '42']]) {
      const dir = stackDir(root, name, text);
      const c = await check(path.join(dir, 'cdk.tf.json'));
      expect(c.code).toBe(2);
      expect(c.lines[c.lines.length - 1]).toMatch(new RegExp(`^error: .*${name}/cdk\\.tf\\.json: `));
      const d = await diagram(path.join(dir, 'cdk.tf.json'));
      expect(d.code).toBe(2);
      expect(d.lines.join('\n')).not.toMatch(/\n\s+at /);
    }
    const bom = stackDir(root, 'bom', '\uFEFF' + JSON.stringify(VNET(1)));
    expect((await check(bom)).code).toBe(0);
  });

  test('12: an unexpected failure prints one line, its stack trace only with --debug', async () => {
    const lines: string[] = [];
    const throwing = { get length(): number { throw new Error('boom'); } } as unknown as string[];
    expect(await main(throwing, (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^error: unexpected failure/)]);
  });

  test('12: diagram refuses a graph too large to draw with a clear message (no Graphviz out of memory)', async () => {
    const root = tmp();
    stackDir(root, 'big', VNET(MAX_DIAGRAM_NODES + 1));
    const { code, lines } = await diagram(root);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/too large to draw \(limits 400 nodes/);
  });

  test('12: a deeply nested body is reported, not a RangeError trace', async () => {
    const root = tmp();
    const text = `{"resource":{"azurerm_virtual_network_gateway":{"g":${'{"ip_configuration":['.repeat(100000)}{}${']}'.repeat(100000)}}}}`;
    stackDir(root, 'deep', text);
    const { code, lines } = await diagram(root);
    expect([0, 2]).toContain(code);
    expect(lines.join('\n')).not.toMatch(/RangeError|\n\s+at /);
  });

  test('16: resource names cannot forge output lines', async () => {
    const root = tmp();
    stackDir(root, 's', { resource: { azurerm_key_vault: { 'x\nERROR FORGED-RULE fake/stack azurerm_fake.y: everything is on fire': { purge_protection_enabled: false } } } });
    const { lines } = await check(root);
    expect(lines.filter((l) => l.startsWith('ERROR FORGED-RULE'))).toEqual([]);
    expect(lines.some((l) => l.includes('x\\nERROR FORGED-RULE'))).toBe(true);
  });

  test('16: a symlinked cdk.tf.json and a stack 6 folders down are found; a link loop is reported', async () => {
    const root = tmp();
    const real = stackDir(path.join(root, 'real'), 'r', VNET(1));
    fs.mkdirSync(path.join(root, 'linked'));
    fs.symlinkSync(path.join(real, 'cdk.tf.json'), path.join(root, 'linked', 'cdk.tf.json'));
    stackDir(path.join(root, 'a', 'b', 'c', 'd', 'e'), 'deep', VNET(1));
    fs.mkdirSync(path.join(root, 'loop'));
    fs.symlinkSync(path.join(root, 'loop', 'cdk.tf.json'), path.join(root, 'loop', 'cdk.tf.json'));
    const { code, lines } = await check(root);
    expect(code).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/in 3 stacks/);
    expect(lines).toContain(`note: ${path.join(root, 'loop', 'cdk.tf.json')}: symbolic link loop`);
  });

  test('9: check stays linear on pathological unknown type names', async () => {
    const root = tmp();
    const resource: Record<string, unknown> = { [`azurerm_${'x'.repeat(50000)}`]: { a: {} } };
    for (let i = 0; i < 200; i++) resource[`azurerm_${'y'.repeat(5000)}${i}`] = { a: {} };
    stackDir(root, 's', { resource });
    const started = Date.now();
    const { code } = await check(root);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('cdk.tf from `cdktf synth --hcl` is normalized to the JSON shape', () => {
    const json = fromHcl({ resource: { azurerm_storage_account: { s: [{ name: 'st', count: '${var.g ? 1 : 0}' }] } }, variable: { g: [{ type: '${bool}', default: false }] } });
    expect(json).toEqual({ resource: { azurerm_storage_account: { s: { name: 'st', count: '${var.g ? 1 : 0}' } } }, variable: { g: { type: 'bool', default: false } } });
  });

  test('locals of cdk.tf (hcl2json gives one object per `locals` block) become one map, so rules can follow local.x', async () => {
    expect(fromHcl({ locals: [{ a: 'x', b: 2 }, { c: 'y' }] }).locals).toEqual({ a: 'x', b: 2, c: 'y' });
    // A literal pre-shared key through a local in cdk.tf is found, as in cdk.tf.json.
    const dir = path.join(tmp(), 'hcl');
    fs.mkdirSync(dir);
    const id = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network';
    fs.writeFileSync(path.join(dir, 'cdk.tf'), [
      'locals {', '  psk = "SuperSecretPsk123"', '}',
      'resource "azurerm_virtual_network_gateway_connection" "c" {',
      '  name = "c"', '  resource_group_name = "rg"', '  location = "westeurope"', '  type = "IPsec"',
      `  virtual_network_gateway_id = "${id}/virtualNetworkGateways/g"`, `  local_network_gateway_id = "${id}/localNetworkGateways/l"`,
      '  shared_key = local.psk', '}', '',
    ].join('\n'));
    const c = await check(dir);
    expect(c.lines.join('\n')).toMatch(/VPN-SHARED-KEY-LITERAL.*azurerm_virtual_network_gateway_connection\.c/);
  });
});

describe('property: check and diagram on random input', () => {
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constantFrom('${azurerm_subnet.s.id}', '/subscriptions/00000000-0000-0000-0000-000000000000/x', '${var.g ? 1 : 0}'), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'count', 'type', 'subnet_id', 'ip_configuration', 'resource', '//', 'x\ny', '__proto__'), tie('v'), { maxKeys: 4 })),
  })).v;
  const config = fc.oneof(
    value,
    fc.record({ resource: fc.dictionary(fc.constantFrom('azurerm_virtual_network', 'azurerm_virtual_network_gateway', 'azurerm_storage_account', 'azurerm_x', 'random_password'), fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 }), { maxKeys: 3 }), provider: value }),
  );

  test('exit code is always 0, 1 or 2, nothing is thrown and nothing is written outside --out', async () => {
    const root = tmp();
    const out = path.join(root, 'out');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string({ maxLength: 12 }), config), { minLength: 1, maxLength: 3 }), async (stacks) => {
        const app = fs.mkdtempSync(path.join(root, 'app-'));
        fs.writeFileSync(path.join(app, 'manifest.json'), JSON.stringify({ stacks: Object.fromEntries(stacks.map(([name], i) => [name, { synthesizedStackPath: `stacks/s${i}/cdk.tf.json` }])) }));
        stacks.forEach(([, json], i) => stackDir(path.join(app, 'stacks'), `s${i}`, JSON.stringify(json) ?? 'null'));
        const before = new Set(filesUnder(root));
        const c = { lines: [] as string[], code: -1 };
        c.code = await main(['check', app], (l) => c.lines.push(l));
        expect([0, 1, 2]).toContain(c.code);
        expect(c.lines.filter((l) => l.startsWith('error: unexpected failure'))).toEqual([]);
        const lines: string[] = [];
        const d = await runDiagram([app, '--out', out], (l) => lines.push(l), [], fakeSvg);
        expect([0, 2]).toContain(d);
        for (const f of filesUnder(root).filter((x) => !before.has(x))) expect(path.dirname(f)).toBe(out);
        for (const l of [...c.lines, ...lines]) expect(l).not.toMatch(/[\n\r\u2028]/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('cdk.tf from `cdktf synth --hcl`', () => {
  test('check reads cdk.tf through @cdktf/hcl2json and finds what it finds in cdk.tf.json', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Testing } = require('cdktf');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { newStack } = require('../util');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { secureBaseline } = require('./l1-stack');
    const stack = newStack('hcl');
    secureBaseline(stack).storage.minTlsVersion = 'TLS1_0';
    const root = tmp();
    stackDir(root, 'json', Testing.synth(stack));
    stackDir(root, 'hcl', Testing.synthHcl(stack), 'cdk.tf');
    const json = await check(path.join(root, 'json', 'cdk.tf.json'));
    const hcl = await check(path.join(root, 'hcl', 'cdk.tf'));
    expect(hcl.code).toBe(1);
    const findings = (r: { lines: string[] }) => r.lines.slice(0, -1).map((l) => l.replace(/ (json|hcl) /, ' s '));
    expect(findings(hcl)).toEqual(findings(json));
    expect(findings(hcl)).toEqual([expect.stringMatching(/^ERROR STG-TLS-MIN s azurerm_storage_account\.Storage\.min_tls_version/)]);
  });
});
