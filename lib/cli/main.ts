import { AZURERM_PROVIDER, checkIndex, indexOfConfig, SUPPRESSION_JSON_KEY } from '../checks/rule-pack';
import { CHK_SCHEMA } from '../checks/rules';
import { checkTerraformJson } from '../checks/schema-check';
import { AppStack, ContextExtras, ResourceIndex, RuleLevel } from '../core/rule';
import { readConfig } from './config';
import { runDiagram } from './diagram';
import { runHandoff } from './handoff';
import { CliError, Discovery, findStacks, printable } from './stacks';

const USAGE = [
  'usage: cdktf-azure-hybrid check <cdktf.out directory | cdk.tf.json | cdk.tf> [--ignore-warnings] [--debug]',
  '       cdktf-azure-hybrid diagram <cdktf.out directory | cdk.tf.json | cdk.tf> [--out <directory>] [--debug]',
  '       cdktf-azure-hybrid handoff <stack directory | cdktf.out> [--outputs <file> | --no-outputs] [--out <directory>]',
  '',
  '  check    Runs the offline azurerm schema check and the policy rule pack over every',
  '           synthesized stack (cdk.tf.json, or cdk.tf from `cdktf synth --hcl`); rules that',
  '           look at several resources also see the other stacks of the folder. Prints one',
  '           finding per line and a summary; exits 1 on errors, 0 otherwise, 2 on usage errors.',
  '  diagram  Draws each stack\'s hybrid topology as diagram.mmd (Mermaid) and diagram.svg',
  '           (Graphviz) beside its stack file, or only as <stack>.mmd/.svg in --out.',
  '  handoff  Writes handoff.html (self-contained: diagram, runbook, gates, device configurations)',
  '           and per VPN site strongSwan, FRR, Cisco IOS XE, Juniper SRX, PAN-OS and FortiGate',
  '           configurations into <stack>/handoff/ (or --out). After-apply values come from',
  '           `terraform output -json` run now in the stack folder, or --outputs <file>;',
  '           --no-outputs leaves placeholders. Files holding a key are written with mode 0600.',
  '  --debug  On an unexpected failure, print the stack trace.',
];

/**
 * Every command. Returns the exit code: 0, 1 (check found errors) or 2 (usage or input error).
 * Nothing is thrown: an unexpected failure prints one line (its stack trace only with --debug).
 */
export async function main(argv: string[], out: (line: string) => void): Promise<number> {
  let debug = false;
  try {
    debug = argv.includes('--debug');
    const args = argv.filter((a) => a !== '--debug');
    if (args[0] === 'diagram') return await runDiagram(args.slice(1), out, USAGE);
    if (args[0] === 'handoff') return await runHandoff(args.slice(1), out, USAGE);
    return await runCli(args, out);
  } catch (e) {
    out(`error: ${printable(e instanceof CliError ? e.message : `unexpected failure: ${(e as Error)?.message ?? String(e)}`)}`);
    if (debug && !(e instanceof CliError)) out(String((e as Error)?.stack ?? e));
    return 2;
  }
}

interface Line {
  readonly level: 'error' | 'warning';
  readonly ruleId: string;
  readonly stack: string;
  readonly where: string;
  readonly message: string;
}

/**
 * The `check` command. Returns the exit code; writes every line through `out`. Every text taken
 * from the input (stack, resource and attribute names, messages) is printed with control
 * characters escaped, so a name cannot forge a line.
 * @param argv arguments after the program name, e.g. `['check', 'cdktf.out']`
 */
export async function runCli(argv: string[], out: (line: string) => void): Promise<number> {
  const started = process.hrtime.bigint();
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = argv.filter((a) => a.startsWith('--'));
  if (flags.includes('--help') || args.length === 0) {
    USAGE.forEach((l) => out(l));
    return args.length === 0 && !flags.includes('--help') ? 2 : 0;
  }
  const unknownFlag = flags.find((f) => f !== '--ignore-warnings' && f !== '--debug');
  if (args[0] !== 'check' || args.length !== 2 || unknownFlag) {
    out(`error: ${printable(unknownFlag ? `unknown option ${unknownFlag}` : args[0] !== 'check' ? `unknown command '${args[0]}'` : 'check takes exactly one path')}`);
    USAGE.forEach((l) => out(l));
    return 2;
  }
  const ignoreWarnings = flags.includes('--ignore-warnings');

  let found: Discovery;
  try {
    found = findStacks(args[1]);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    out(`error: ${printable(e.message)}`);
    return 2;
  }
  for (const s of found.skipped) out(`note: ${printable(s)}`);

  // Read every stack first: rules that look at several resources see the whole app.
  const app: Record<string, AppStack & { config: Record<string, any> }> = Object.create(null);
  const names: string[] = [];
  for (const stack of found.stacks) {
    let config: Record<string, any>;
    try {
      config = await readConfig(stack);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      out(`error: ${printable(e.message)}`);
      return 2;
    }
    let name = stack.name;
    for (let i = 2; app[name]; i++) name = `${stack.name}#${i}`;
    names.push(name);
    app[name] = { config, index: indexOfConfig(config), outputs: sectionOf(config.output) };
  }

  const lines: Line[] = [];
  let resources = 0;
  let unresolved = 0;
  for (const name of names) {
    const { config, index } = app[name];
    for (const byName of Object.values(index)) resources += Object.keys(byName).length;
    unresolved += countUnresolvedRemoteRefs(config, app);
    for (const f of checkTerraformJson(name, config)) {
      const hint = f.suggestion ? ` (did you mean ${f.suggestion}?)` : '';
      lines.push({ level: f.level, ruleId: CHK_SCHEMA.id, stack: name, where: `${f.address}${f.attribute ? `.${f.attribute}` : ''}`, message: `${f.message}${hint}` });
    }
    const extras: ContextExtras = { app, providers: providersOf(config.provider), variables: sectionOf(config.variable), locals: localsOf(config.locals) };
    for (const f of checkIndex(name, index, {}, extras)) {
      if (suppressionsIn(bodyAt(index, config, f.address)).includes(f.ruleId)) continue;
      lines.push({ level: f.level === RuleLevel.ERROR ? 'error' : 'warning', ruleId: f.ruleId, stack: f.stack, where: `${f.address}${f.attribute ? `.${f.attribute}` : ''}`, message: f.message });
    }
  }

  const errors = lines.filter((l) => l.level === 'error').length;
  const warnings = lines.length - errors;
  for (const l of lines) {
    if (l.level === 'warning' && ignoreWarnings) continue;
    out(`${l.level.toUpperCase()} ${l.ruleId} ${printable(l.stack)} ${printable(l.where)}: ${printable(l.message)}`);
  }
  if (unresolved > 0) out(`note: ${unresolved} cross-stack reference${unresolved === 1 ? '' : 's'} point at stacks not in this folder; rules did not follow them`);
  const ms = Number((process.hrtime.bigint() - started) / 1000000n);
  const n = names.length;
  out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${n} stack${n === 1 ? '' : 's'} (${resources} resource${resources === 1 ? '' : 's'}) in ${ms} ms`);
  return errors > 0 ? 1 : 0;
}

// Maps keyed by names from the input have no prototype: a name such as `__proto__` is a plain key.
function sectionOf(section: unknown): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = Object.create(null);
  for (const part of Array.isArray(section) ? section : [section]) {
    if (part && typeof part === 'object') for (const [k, v] of Object.entries(part)) if (k !== '//' && v && typeof v === 'object') out[k] = (Array.isArray(v) ? v[0] : v) as Record<string, any>;
  }
  return out;
}

/** The `locals` section (an object, or a list of objects), name -> value as written; a secret routed through a local is followed by the rules. */
function localsOf(section: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const part of Array.isArray(section) ? section : [section]) {
    if (part && typeof part === 'object' && !Array.isArray(part)) for (const [k, v] of Object.entries(part)) if (k !== '//') out[k] = v;
  }
  return out;
}

function providersOf(section: unknown): Record<string, Record<string, any>[]> {
  const out: Record<string, Record<string, any>[]> = Object.create(null);
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!part || typeof part !== 'object') continue;
    for (const [name, configs] of Object.entries(part)) {
      if (name === '//') continue;
      for (const c of Array.isArray(configs) ? configs : [configs]) if (c && typeof c === 'object') (out[name] ??= []).push(c);
    }
  }
  return out;
}

// `cross-stack-reference-input-<stack>`: the remote state cdktf adds for a reference to another stack.
const REMOTE_INPUT = /^cross-stack-reference-input-(.+)$/;

/** Remote states of cdktf cross-stack references whose stack is not in the folder. */
function countUnresolvedRemoteRefs(config: Record<string, any>, app: Record<string, unknown>): number {
  const remote = config.data?.terraform_remote_state;
  if (!remote || typeof remote !== 'object') return 0;
  return Object.keys(remote).filter((k) => {
    const m = REMOTE_INPUT.exec(k);
    return m !== null && app[m[1]] === undefined;
  }).length;
}

function bodyAt(index: ResourceIndex, config: Record<string, any>, address: string): Record<string, any> | undefined {
  if (address.startsWith(AZURERM_PROVIDER)) {
    const alias = address.slice(AZURERM_PROVIDER.length + 1) || undefined;
    return providersOf(config.provider).azurerm?.find((c) => (c.alias ?? undefined) === alias);
  }
  const dot = address.indexOf('.');
  return index[address.slice(0, dot)]?.[address.slice(dot + 1)];
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
    () => (process.exitCode = 2),
  );
}
