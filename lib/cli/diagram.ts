import * as fs from 'fs';
import * as path from 'path';
import { findStacks } from './stacks';
import { toMermaid, toSvg } from '../diagram/render';
import { buildTopology } from '../diagram/topology';

/**
 * `cdktf-azure-hybrid diagram <cdktf.out | cdk.tf.json> [--out <dir>]`: the hybrid topology of
 * every stack as Mermaid and SVG, beside its cdk.tf.json and, with --out, as <stack>.mmd/.svg.
 */
export async function runDiagram(argv: string[], out: (line: string) => void, usage: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const args = argv.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
  const unknown = argv.find((a) => a.startsWith('--') && a !== '--out');
  if (args.length !== 1 || unknown || (outIndex >= 0 && !outDir)) {
    out(`error: ${unknown ? `unknown option ${unknown}` : outIndex >= 0 && !outDir ? '--out needs a directory' : 'diagram takes exactly one path'}`);
    usage.forEach((l) => out(l));
    return 2;
  }
  let stacks;
  try {
    stacks = findStacks(args[0]);
  } catch (e) {
    out(`error: ${(e as Error).message}`);
    return 2;
  }
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  for (const stack of stacks) {
    const topology = buildTopology(stack.name, JSON.parse(fs.readFileSync(stack.file, 'utf8')));
    const mermaid = toMermaid(topology);
    const svg = await toSvg(topology);
    const folder = path.dirname(stack.file);
    fs.writeFileSync(path.join(folder, 'diagram.mmd'), mermaid);
    fs.writeFileSync(path.join(folder, 'diagram.svg'), svg);
    if (outDir) {
      fs.writeFileSync(path.join(outDir, `${stack.name}.mmd`), mermaid);
      fs.writeFileSync(path.join(outDir, `${stack.name}.svg`), svg);
    }
    out(`${stack.name}: ${topology.nodes.length} nodes, ${topology.edges.length} edges -> ${path.join(folder, 'diagram.svg')}${outDir ? ` and ${path.join(outDir, `${stack.name}.svg`)}` : ''}`);
  }
  return 0;
}
