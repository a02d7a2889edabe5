import * as fs from 'fs';
import * as path from 'path';
import { checkIndex, indexOfConfig, SUPPRESSION_JSON_KEY } from '../checks/rule-pack';
import { checkTerraformJson } from '../checks/schema-check';
import { RuleLevel } from '../core/rules';

const USAGE = [
  'usage: cdktf-azure-hybrid check <cdktf.out directory | cdk.tf.json> [--ignore-warnings]',
  '',
  '  Runs the offline azurerm schema check and the policy rule pack over every synthesized',
  '  stack. Prints one finding per line and a summary; exits 1 on errors, 0 otherwise,',
  '  2 on usage errors.',
];

interface Line {
  readonly level: 'error' | 'warning';
  readonly ruleId: string;
  readonly stack: string;
  readonly where: string;
  readonly message: string;
}

interface StackFile {
  readonly name: string;
  readonly file: string;
}

/**
 * The `cdktf-azure-hybrid` command. Returns the exit code; writes every line through `out`.
 * @param argv arguments after the program name, e.g. `['check', 'cdktf.out']`
 */
export function runCli(argv: string[], out: (line: string) => void): number {
  const started = process.hrtime.bigint();
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (flags.includes('--help') || args.length === 0) {
    USAGE.forEach((l) => out(l));
    return args.length === 0 && !flags.includes('--help') ? 2 : 0;
  }
  const unknownFlag = flags.find((f) => f !== '--ignore-warnings');
  if (args[0] !== 'check' || args.length !== 2 || unknownFlag) {
    out(`error: ${unknownFlag ? `unknown option ${unknownFlag}` : args[0] !== 'check' ? `unknown command '${args[0]}'` : 'check takes exactly one path'}`);
    USAGE.forEach((l) => out(l));
    return 2;
  }
  const ignoreWarnings = flags.includes('--ignore-warnings');

  let stacks: StackFile[];
  try {
    stacks = findStacks(args[1]);
  } catch (e) {
    out(`error: ${(e as Error).message}`);
    return 2;
  }

  const lines: Line[] = [];
  let resources = 0;
  for (const stack of stacks) {
    let config: any;
    try {
      config = JSON.parse(fs.readFileSync(stack.file, 'utf8'));
    } catch (e) {
      out(`error: ${stack.file}: ${(e as Error).message}`);
      return 2;
    }
    const index = indexOfConfig(config);
    for (const byName of Object.values(index)) resources += Object.keys(byName).length;

    for (const f of checkTerraformJson(stack.name, config)) {
      const hint = f.suggestion ? ` (did you mean ${f.suggestion}?)` : '';
      lines.push({ level: f.level, ruleId: 'CHK-SCHEMA', stack: stack.name, where: `${f.address}${f.attribute ? `.${f.attribute}` : ''}`, message: `${f.message}${hint}` });
    }
    for (const f of checkIndex(stack.name, index)) {
      const [type, ...rest] = f.address.split('.');
      const suppressed = suppressionsIn(index[type]?.[rest.join('.')]);
      if (suppressed.includes(f.ruleId)) continue;
      lines.push({
        level: f.level === RuleLevel.ERROR ? 'error' : 'warning',
        ruleId: f.ruleId,
        stack: f.stack,
        where: `${f.address}${f.attribute ? `.${f.attribute}` : ''}`,
        message: f.message,
      });
    }
  }

  const errors = lines.filter((l) => l.level === 'error').length;
  const warnings = lines.length - errors;
  for (const l of lines) {
    if (l.level === 'warning' && ignoreWarnings) continue;
    out(`${l.level.toUpperCase()} ${l.ruleId} ${l.stack} ${l.where}: ${l.message}`);
  }
  const ms = Number((process.hrtime.bigint() - started) / 1000000n);
  out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${stacks.length} stack${stacks.length === 1 ? '' : 's'} (${resources} resource${resources === 1 ? '' : 's'}) in ${ms} ms`);
  return errors > 0 ? 1 : 0;
}

/** Rule ids the HybridChecks Aspect recorded as suppressed on a resource (`//` metadata). */
function suppressionsIn(body: Record<string, any> | undefined): string[] {
  const list = body?.['//']?.[SUPPRESSION_JSON_KEY];
  return Array.isArray(list) ? list.map((s: { id?: unknown }) => String(s?.id)) : [];
}

/**
 * The stacks under a path: a `cdk.tf.json` file (stack named after its folder), a cdktf output
 * directory (its `manifest.json` names the stacks), or any directory holding `cdk.tf.json` files.
 */
function findStacks(target: string): StackFile[] {
  if (!fs.existsSync(target)) throw new Error(`${target}: no such file or directory`);
  if (fs.statSync(target).isFile()) return [{ name: path.basename(path.dirname(path.resolve(target))), file: target }];
  const manifest = path.join(target, 'manifest.json');
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
    const listed = Object.entries(m.stacks ?? {})
      .filter(([, s]) => s.synthesizedStackPath)
      .map(([name, s]) => ({ name, file: path.join(target, s.synthesizedStackPath!) }))
      .filter((s) => fs.existsSync(s.file));
    if (listed.length > 0) return listed;
  }
  const found: StackFile[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isFile() && entry.name === 'cdk.tf.json') found.push({ name: path.basename(dir), file: p });
      else if (entry.isDirectory() && depth < 4 && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(p, depth + 1);
    }
  };
  walk(target, 0);
  if (found.length === 0) throw new Error(`${target}: no cdk.tf.json found (give a cdktf output directory or a cdk.tf.json)`);
  return found;
}
