import * as fs from 'fs';
import * as path from 'path';
import { toMermaid, toSvg } from '../diagram/render';
import { buildTopology, Topology } from '../diagram/topology';
import { readConfig } from './config';
import { CliError, Discovery, findStacks, prepareOutDir, printable, safeFileName } from './stacks';

/** Largest graph drawn: Graphviz (WebAssembly, fixed memory) runs out of memory a little past a few thousand nodes. */
export const MAX_DIAGRAM_NODES = 400;
export const MAX_DIAGRAM_EDGES = 1500;
/** Resources read into a topology at most (the topology of a bigger stack is refused before it is built). */
export const MAX_DIAGRAM_RESOURCES = 20000;

/** Renders a topology to SVG (Graphviz by default; tests pass a stand-in). */
export type SvgRenderer = (topology: Topology) => Promise<string>;

/**
 * `cdktf-azure-hybrid diagram <cdktf.out | cdk.tf.json | cdk.tf> [--out <dir>]`: the hybrid
 * topology of every stack as Mermaid and SVG. With --out, files go only to
 * `<dir>/<stack>.mmd/.svg` (stack names made safe as file names); without, beside each stack file
 * (only files inside the given folder are read). Exit 0 when every stack was drawn, 2 otherwise.
 */
export async function runDiagram(argv: string[], out: (line: string) => void, usage: string[], render: SvgRenderer = toSvg): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const args = argv.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
  const unknown = argv.find((a) => a.startsWith('--') && a !== '--out' && a !== '--debug');
  if (args.length !== 1 || unknown || (outIndex >= 0 && (!outDir || outDir.startsWith('--')))) {
    out(`error: ${printable(unknown ? `unknown option ${unknown}` : outIndex >= 0 && !outDir ? '--out needs a directory' : 'diagram takes exactly one path')}`);
    usage.forEach((l) => out(l));
    return 2;
  }
  let found: Discovery;
  try {
    found = findStacks(args[0]);
    if (outDir) prepareOutDir(outDir);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    out(`error: ${printable(e.message)}`);
    return 2;
  }
  for (const s of found.skipped) out(`note: ${printable(s)}`);
  let failed = 0;
  const used = new Set<string>();
  for (const stack of found.stacks) {
    try {
      const config = await readConfig(stack);
      const topology = topologyOf(stack.name, config);
      const mermaid = toMermaid(topology);
      const svg = await render(topology);
      const written: string[] = [];
      if (outDir) {
        let base = safeFileName(stack.name);
        for (let i = 2; used.has(base); i++) base = `${safeFileName(stack.name)}-${i}`;
        used.add(base);
        written.push(write(path.join(outDir, `${base}.mmd`), mermaid), write(path.join(outDir, `${base}.svg`), svg));
      } else {
        const folder = path.dirname(stack.file);
        written.push(write(path.join(folder, 'diagram.mmd'), mermaid), write(path.join(folder, 'diagram.svg'), svg));
      }
      out(`${printable(stack.name)}: ${topology.nodes.length} nodes, ${topology.edges.length} edges -> ${printable(written[1])}`);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      out(`error: ${printable(e.message)}`);
      failed++;
    }
  }
  return failed > 0 ? 2 : 0;
}

/** The topology, refused with a message when it is too big to draw or too deep to read. */
function topologyOf(name: string, config: Record<string, any>): Topology {
  let resources = 0;
  const section = config.resource;
  for (const part of Array.isArray(section) ? section : [section]) {
    if (part && typeof part === 'object') for (const byName of Object.values(part)) if (byName && typeof byName === 'object') resources += Object.keys(byName).length;
  }
  if (resources > MAX_DIAGRAM_RESOURCES) throw new CliError(`${name}: ${resources} resources, too many to draw (limit ${MAX_DIAGRAM_RESOURCES}); split the stack or use check`);
  let topology: Topology;
  try {
    topology = buildTopology(name, config);
  } catch (e) {
    throw new CliError(`${name}: cannot read the topology (${e instanceof RangeError ? 'nested too deeply' : (e as Error).message})`);
  }
  if (topology.nodes.length > MAX_DIAGRAM_NODES || topology.edges.length > MAX_DIAGRAM_EDGES) {
    throw new CliError(`${name}: ${topology.nodes.length} nodes and ${topology.edges.length} edges, too large to draw (limits ${MAX_DIAGRAM_NODES} nodes, ${MAX_DIAGRAM_EDGES} edges); split the stack`);
  }
  return topology;
}

function write(file: string, text: string): string {
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return file;
}
