import * as fs from 'fs';
import * as path from 'path';

/** One synthesized stack: its name and its `cdk.tf.json` (or `cdk.tf`, from `cdktf synth --hcl`). */
export interface StackFile {
  readonly name: string;
  readonly file: string;
  /** `json` for cdk.tf.json, `hcl` for cdk.tf. */
  readonly format: 'json' | 'hcl';
}

/** What discovery found, and what it could not use (each a one-line reason). */
export interface Discovery {
  readonly stacks: StackFile[];
  readonly skipped: string[];
}

/** How deep a folder is searched for stack files (cdktf.out/stacks/<name>/ is 2). */
export const MAX_DEPTH = 8;
const STACK_FILES: Record<string, 'json' | 'hcl'> = { 'cdk.tf.json': 'json', 'cdk.tf': 'hcl' };

/** A user error: printed as one line `error: <message>`, exit 2. */
export class CliError extends Error {}

const formatOf = (file: string): 'json' | 'hcl' => (file.endsWith('.tf') ? 'hcl' : 'json');

/** True when `child` (resolved, symlinks followed) lies inside `dir`. */
export function isInside(dir: string, child: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(child);
  } catch {
    return false;
  }
  const rel = path.relative(fs.realpathSync(dir), real);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The stacks under a path: a `cdk.tf.json`/`cdk.tf` file (stack named after its folder), a cdktf
 * output directory (its `manifest.json` names the stacks; files it points at outside the directory
 * are skipped and reported), or any directory holding stack files (symlinks followed once, loops
 * and unreadable entries reported, searched {@link MAX_DEPTH} folders deep).
 */
export function findStacks(target: string): Discovery {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${target}: ${code === 'ELOOP' ? 'symbolic link loop' : code === 'EACCES' ? 'permission denied' : 'no such file or directory'}`);
  }
  if (stat.isFile()) return { stacks: [{ name: path.basename(path.dirname(path.resolve(target))), file: target, format: formatOf(target) }], skipped: [] };
  if (!stat.isDirectory()) throw new CliError(`${target}: not a file or directory`);
  const skipped: string[] = [];
  const manifest = path.join(target, 'manifest.json');
  if (fs.existsSync(manifest)) {
    const listed = fromManifest(target, manifest, skipped);
    if (listed.length > 0) return { stacks: listed, skipped };
  }
  const stacks: StackFile[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      skipped.push(`${dir}: ${(e as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'unreadable'}`);
      return;
    }
    if (seen.has(real)) return; // a symlink back to a folder already searched
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      skipped.push(`${dir}: unreadable folder`);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, entry.name);
      let isFile = entry.isFile();
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const s = fs.statSync(p);
          isFile = s.isFile();
          isDir = s.isDirectory();
        } catch (e) {
          if (STACK_FILES[entry.name]) skipped.push(`${p}: ${(e as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link'}`);
          continue;
        }
      }
      if (isFile && STACK_FILES[entry.name]) stacks.push({ name: path.basename(dir), file: p, format: STACK_FILES[entry.name] });
      else if (isDir && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        if (depth < MAX_DEPTH) walk(p, depth + 1);
        else skipped.push(`${p}: not searched (more than ${MAX_DEPTH} folders deep)`);
      }
    }
  };
  walk(target, 0);
  if (stacks.length === 0) {
    throw new CliError(`${target}: no cdk.tf.json or cdk.tf found (give a cdktf output directory or a stack file)${skipped.length > 0 ? `; ${skipped[0]}` : ''}`);
  }
  // A folder with both cdk.tf.json and cdk.tf: the JSON is the one cdktf synthesized last for tools.
  const json = new Set(stacks.filter((s) => s.format === 'json').map((s) => path.dirname(s.file)));
  return { stacks: stacks.filter((s) => s.format === 'json' || !json.has(path.dirname(s.file))), skipped };
}

function fromManifest(target: string, manifest: string, skipped: string[]): StackFile[] {
  let m: { stacks?: Record<string, { synthesizedStackPath?: unknown }> };
  try {
    m = JSON.parse(fs.readFileSync(manifest, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    skipped.push(`${manifest}: unreadable manifest (${(e as Error).message})`);
    return [];
  }
  const stacks = m !== null && typeof m === 'object' && m.stacks !== null && typeof m.stacks === 'object' ? m.stacks : {};
  const listed: StackFile[] = [];
  for (const [name, s] of Object.entries(stacks)) {
    const rel = s !== null && typeof s === 'object' ? s.synthesizedStackPath : undefined;
    if (typeof rel !== 'string') continue;
    const file = path.join(target, rel);
    if (!fs.existsSync(file)) {
      skipped.push(`${name}: ${rel} does not exist`);
    } else if (!isInside(target, file)) {
      skipped.push(`${name}: ${rel} is outside ${target}, not read`);
    } else {
      listed.push({ name, file, format: formatOf(file) });
    }
  }
  return listed;
}

/**
 * A stack name as a file name: letters, digits, '.', '_' and '-' only, no leading dot, at most
 * 100 characters; a name that had to change gets a short hash so two names stay two files.
 */
export function safeFileName(name: string): string {
  let safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 100);
  if (safe.length === 0) safe = 'stack';
  if (safe === name) return safe;
  let h = 5381;
  for (let i = 0; i < name.length; i++) h = ((h * 33) ^ name.charCodeAt(i)) >>> 0;
  return `${safe}-${h.toString(16)}`;
}

/**
 * Makes sure `dir` is a writable directory: created when missing (its parent must exist; no
 * recursive creation, which loops on some special file systems), refused when it is a file, a
 * device or not writable.
 */
export function prepareOutDir(dir: string): string {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) throw new CliError(`--out ${dir}: exists and is not a directory`);
  if (!stat) {
    const parent = path.dirname(path.resolve(dir));
    let parentStat: fs.Stats | undefined;
    try {
      parentStat = fs.statSync(parent);
    } catch {
      parentStat = undefined;
    }
    if (!parentStat?.isDirectory()) throw new CliError(`--out ${dir}: its parent folder ${parent} does not exist`);
    try {
      fs.mkdirSync(dir);
    } catch (e) {
      throw new CliError(`--out ${dir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new CliError(`--out ${dir}: not writable`);
  }
  return dir;
}

/** Printable text: control characters, newlines and line/paragraph separators escaped, so input cannot forge output lines. */
export function printable(text: unknown): string {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code === 10 ? '\\n' : code === 13 ? '\\r' : code === 9 ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
