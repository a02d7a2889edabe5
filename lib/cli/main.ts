import * as fs from 'fs';
import { checkIndex, indexOfConfig, SUPPRESSION_JSON_KEY } from '../checks/rule-pack';
import { checkTerraformJson } from '../checks/schema-check';
import { RuleLevel } from '../core/rule';
import { runDiagram } from './diagram';
import { findStacks, StackFile } from './stacks';

const USAGE = [
  'usage: cdktf-azure-hybrid check <cdktf.out directory | cdk.tf.json> [--ignore-warnings]',
  '       cdktf-azure-hybrid diagram <cdktf.out directory | cdk.tf.json> [--out <directory>]',
  '',
  '  check    Runs the offline azurerm schema check and the policy rule pack over every',
  '           synthesized stack. Prints one finding per line and a summary; exits 1 on errors,',
  '           0 otherwise, 2 on usage errors.',
  '  diagram  Draws each stack\'s hybrid topology as diagram.mmd (Mermaid) and diagram.svg',
  '           (Graphviz) beside its cdk.tf.json, and as <stack>.mmd/.svg in --out.',
];

/**
 * Every command: `check` runs synchronously through `runCli`, `diagram` renders SVG (async).
 * Returns the exit code.
 */
export async function main(argv: string[], out: (line: string) => void): Promise<number> {
  if (argv[0] === 'diagram') return runDiagram(argv.slice(1), out, USAGE);
  return runCli(argv, out);
}

interface Line {
  readonly level: 'error' | 'warning';
  readonly ruleId: string;
  readonly stack: string;
  readonly where: string;
  readonly message: string;
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

// Run as a script (`ts-node lib/cli/main.ts check cdktf.out`, as the cdktn job does).
if (require.main === module) {
  main(process.argv.slice(2), (line) => console.log(line)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
