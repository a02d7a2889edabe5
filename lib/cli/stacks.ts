import * as fs from 'fs';
import * as path from 'path';

/** One synthesized stack: its name and its `cdk.tf.json`. */
export interface StackFile {
  readonly name: string;
  readonly file: string;
}

/**
 * The stacks under a path: a `cdk.tf.json` file (stack named after its folder), a cdktf output
 * directory (its `manifest.json` names the stacks), or any directory holding `cdk.tf.json` files.
 */
export function findStacks(target: string): StackFile[] {
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
