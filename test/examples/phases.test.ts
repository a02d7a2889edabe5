import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { EXAMPLES } from '../../examples/all';
import { runCli } from '../../lib/cli/main';

// Every example, phase 1 (every gate closed, as `cdktf deploy <stack>`) and phase 2 (every gate
// open, as `cdktf deploy <stack> --var='<gate>=true'`): the synthesized JSON passes the offline
// schema check and the rule pack with no error, and what a gate holds back really is behind it.

/** Synthesizes every example into a fresh folder (what `npm run examples` writes). */
function synthAll(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
  const app = new App({ outdir, skipValidation: false });
  for (const [name, Stack] of EXAMPLES) new Stack(app, name);
  app.synth();
  return outdir;
}

/** The gate variables of a stack: bool variables whose description says they are a phase-2 gate. */
function gatesOf(json: any): string[] {
  return Object.entries<any>(json.variable ?? {}).filter(([, v]) => v.type === 'bool' && String(v.description ?? '').startsWith('Phase 2 gate')).map(([k]) => k);
}

/** Resources kept when each gate is `open` (count `${var.g ? 1 : 0}` evaluated; other counts kept). */
function resourcesInPhase(json: any, open: boolean): Set<string> {
  const kept = new Set<string>();
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) {
      const gated = typeof body.count === 'string' && /^\$\{\(?var\.[a-z0-9_]+\)? \? 1 : 0\}$/.test(body.count);
      if (!gated || open) kept.add(`${type}.${name}`);
    }
  }
  return kept;
}

describe('examples in both phases', () => {
  const outdir = synthAll();
  const stacks = EXAMPLES.map(([name]) => name);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  const check = async (): Promise<{ code: number; lines: string[] }> => {
    const lines: string[] = [];
    const code = await runCli(['check', outdir], (l) => lines.push(l));
    return { code, lines };
  };

  test('phase 1: check reports no error on any example', async () => {
    const { code, lines } = await check();
    // the check saw every stack (an example may be several stacks)
    const summary = /in (\d+) stacks/.exec(lines[lines.length - 1] ?? '');
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(stacks.length);
    expect({ code, errors: lines.filter((l) => /\berror\b/i.test(l.split(' ')[0] ?? '')) }).toEqual({ code: 0, errors: [] });
  });

  test('phase 2: with every gate open, check reports no error on any example', async () => {
    for (const name of stacks) {
      const file = path.join(outdir, 'stacks', name, 'cdk.tf.json');
      if (!fs.existsSync(file)) continue;
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      for (const gate of gatesOf(json)) json.variable[gate].default = true;
      fs.writeFileSync(file, JSON.stringify(json, null, 2));
    }
    const { code, lines } = await check();
    expect({ code, errors: lines.filter((l) => /\berror\b/i.test(l.split(' ')[0] ?? '')) }).toEqual({ code: 0, errors: [] });
  });

  test.each(EXAMPLES.map(([name]) => name))('%s: in phase 1 nothing left references a resource held back by a gate', (name) => {
    const file = path.join(outdir, 'stacks', name, 'cdk.tf.json');
    if (!fs.existsSync(file)) return; // examples made of several stacks are checked by name below
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const all = resourcesInPhase(json, true);
    const phase1 = resourcesInPhase(json, false);
    const heldBack = [...all].filter((a) => !phase1.has(a));
    for (const address of phase1) {
      const [type, n] = address.split('.');
      const body = JSON.stringify(json.resource[type][n]);
      for (const held of heldBack) expect({ address, references: body.includes(`${held}.`) ? held : undefined }).toEqual({ address, references: undefined });
    }
    // every gate of the stack holds back something, and is listed in its runbook
    const runbook = fs.readFileSync(path.join(outdir, 'stacks', name, 'runbook.md'), 'utf8');
    for (const gate of gatesOf(json)) {
      expect(runbook).toContain(`--var='${gate}=true'`);
    }
    if (gatesOf(json).length > 0) expect(heldBack.length).toBeGreaterThan(0);
  });
});
