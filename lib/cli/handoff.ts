import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { toMermaid, toSvg } from '../diagram/render';
import { buildTopology } from '../diagram/topology';
import { buildHandoff } from '../handoff';

/** One stack to hand off: its name, its folder and its `cdk.tf.json`. */
interface HandoffStack { readonly name: string; readonly dir: string; readonly file: string }

const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** The stacks under a path: a cdk.tf.json, a stack folder, or a cdktf output folder (`stacks/<name>/`). */
function stacksAt(target: string): HandoffStack[] {
  const stat = fs.statSync(target);
  if (stat.isFile()) return [{ name: path.basename(path.dirname(path.resolve(target))), dir: path.dirname(target), file: target }];
  if (fs.existsSync(path.join(target, 'cdk.tf.json'))) return [{ name: path.basename(path.resolve(target)), dir: target, file: path.join(target, 'cdk.tf.json') }];
  const stacks = path.join(target, 'stacks');
  if (!fs.existsSync(stacks)) return [];
  return fs.readdirSync(stacks).sort()
    .filter((n) => fs.existsSync(path.join(stacks, n, 'cdk.tf.json')))
    .map((n) => ({ name: n, dir: path.join(stacks, n), file: path.join(stacks, n, 'cdk.tf.json') }));
}

/** `terraform output -json` in the stack folder, read now and kept in memory only. */
function terraformOutputs(dir: string): Record<string, any> {
  const text = execFileSync('terraform', ['output', '-json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(text);
}

function write(file: string, text: string, secret: boolean): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: secret ? 0o700 : 0o755 });
  fs.writeFileSync(file, text, { mode: secret ? 0o600 : 0o644 });
  fs.chmodSync(file, secret ? 0o600 : 0o644); // an existing file keeps its old mode otherwise
}

/**
 * `cdktf-azure-hybrid handoff <stack dir | cdk.tf.json | cdktf.out> [--outputs <file>] [--no-outputs] [--out <dir>]`:
 * per stack, `handoff.html` (self-contained; never a key) and the device configurations of every
 * VPN site. After-apply values come from `--outputs <terraform output -json file>`, or from
 * `terraform output -json` run in the stack folder now (unless --no-outputs); files holding a key
 * are written with mode 0600. Default folder: `<stack dir>/handoff/`. Exit 0, or 2 on errors.
 */
export async function runHandoff(argv: string[], out: (line: string) => void, usage: string[]): Promise<number> {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const outputsFile = value('--outputs');
  const outDir = value('--out');
  const noOutputs = argv.includes('--no-outputs');
  const taken = new Set(['--outputs', '--out'].flatMap((f) => (argv.includes(f) ? [argv.indexOf(f), argv.indexOf(f) + 1] : [])));
  const args = argv.filter((a, i) => !taken.has(i) && !a.startsWith('--'));
  const unknown = argv.find((a, i) => !taken.has(i) && a.startsWith('--') && !['--no-outputs', '--debug'].includes(a));
  const problem = unknown ? `unknown option ${unknown}`
    : args.length !== 1 ? 'handoff takes exactly one path'
      : argv.includes('--outputs') && (!outputsFile || outputsFile.startsWith('--')) ? '--outputs needs a file'
        : argv.includes('--out') && (!outDir || outDir.startsWith('--')) ? '--out needs a directory'
          : outputsFile && noOutputs ? '--outputs and --no-outputs exclude each other' : undefined;
  if (problem) {
    out(`error: ${printable(problem)}`);
    usage.forEach((l) => out(l));
    return 2;
  }
  let stacks: HandoffStack[];
  try {
    stacks = stacksAt(args[0]);
  } catch {
    out(`error: ${printable(args[0])}: no such file or directory`);
    return 2;
  }
  if (stacks.length === 0) {
    out(`error: ${printable(args[0])}: no cdk.tf.json here or under stacks/`);
    return 2;
  }
  if (outputsFile && stacks.length > 1) {
    out('error: --outputs holds the outputs of one stack; give one stack folder');
    return 2;
  }
  let failed = 0;
  for (const stack of stacks) {
    try {
      await handOffStack(stack, stacks.length > 1 && outDir ? path.join(outDir, stack.name) : outDir ?? path.join(stack.dir, 'handoff'), outputsFile, noOutputs, out);
    } catch (e) {
      out(`error: ${printable(stack.name)}: ${printable((e as Error)?.message ?? String(e)).slice(0, 500)}`);
      failed++;
    }
  }
  return failed > 0 ? 2 : 0;
}

async function handOffStack(stack: HandoffStack, dir: string, outputsFile: string | undefined, noOutputs: boolean, out: (line: string) => void): Promise<void> {
  const config = JSON.parse(fs.readFileSync(stack.file, 'utf8'));
  let outputs: Record<string, any> | undefined;
  if (outputsFile) outputs = JSON.parse(fs.readFileSync(outputsFile, 'utf8'));
  else if (!noOutputs) {
    try {
      outputs = terraformOutputs(stack.dir);
    } catch (e) {
      throw new Error(`terraform output -json failed in ${stack.dir} (${String((e as Error).message).split('\n')[0]}); deploy first, pass --outputs <file>, or --no-outputs for placeholders`);
    }
  }
  const read = (name: string): string | undefined => (fs.existsSync(path.join(stack.dir, name)) ? fs.readFileSync(path.join(stack.dir, name), 'utf8') : undefined);
  let svg = read('diagram.svg');
  let mermaid: string | undefined;
  if (!svg) {
    const topology = buildTopology(stack.name, config);
    mermaid = toMermaid(topology);
    try {
      svg = await toSvg(topology);
    } catch {
      svg = undefined; // Graphviz failed: the page shows the Mermaid text
    }
  }
  const result = buildHandoff({ stack: stack.name, config, runbook: read('runbook.md'), svg, mermaid, outputs });
  write(path.join(dir, 'handoff.html'), result.html, false);
  for (const f of result.files) write(path.join(dir, f.path), f.text, f.secret);
  const secrets = result.files.some((f) => f.secret);
  out(`${printable(stack.name)}: ${result.model.sites.length} VPN site${result.model.sites.length === 1 ? '' : 's'}, ${result.files.length} device files -> ${printable(path.join(dir, 'handoff.html'))}${secrets ? ' (device files hold the pre-shared key: mode 0600, hand over out of band)' : ''}`);
}
