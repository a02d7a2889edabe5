import { CONTAINER_KINDS, Topology, TopologyNode, Zone } from './topology';

// Renders a topology as Mermaid (for Markdown) and as DOT (for Graphviz → SVG). Both group nodes
// by zone (on-premises | connectivity provider | Azure) and, inside a zone, by the network they sit
// in (virtual network, Virtual WAN hub, Azure Local instance).

const ZONE_TITLES: Record<Zone, string> = {
  'on-premises': 'On-premises',
  'provider': 'Connectivity provider',
  'azure': 'Azure',
};
const ZONE_ORDER: Zone[] = ['on-premises', 'provider', 'azure'];

function shortId(index: number): string {
  return `n${index}`;
}

function ids(topology: Topology): Map<string, string> {
  return new Map(topology.nodes.map((n, i) => [n.id, shortId(i)]));
}

function isContainer(n: TopologyNode): boolean {
  return CONTAINER_KINDS.includes(n.kind);
}

function vnetTitle(topology: Topology, vnetId: string): string {
  const vnet = topology.nodes.find((n) => n.id === vnetId);
  if (!vnet) return vnetId;
  return `${vnet.kind === 'Virtual network' ? 'VNet' : vnet.kind} ${vnet.detail.join(' · ')}`;
}

/** Mermaid flowchart text. */
export function toMermaid(topology: Topology): string {
  const id = ids(topology);
  const esc = (s: string) => s.replace(/"/g, "'");
  const label = (n: TopologyNode) => `"<b>${esc(n.kind)}</b><br/>${n.detail.map(esc).join('<br/>')}${n.gate ? `<br/><i>gate: ${esc(n.gate)}</i>` : ''}"`;
  const lines = ['flowchart LR'];
  for (const zone of ZONE_ORDER) {
    const members = topology.nodes.filter((n) => n.zone === zone && !isContainer(n));
    const vnets = topology.nodes.filter((n) => n.zone === zone && isContainer(n));
    if (members.length === 0 && vnets.length === 0) continue;
    lines.push(`  subgraph ${zone.replace('-', '_')}["${ZONE_TITLES[zone]}"]`);
    for (const vnet of vnets) {
      lines.push(`    subgraph ${id.get(vnet.id)}["${esc(vnetTitle(topology, vnet.id))}"]`);
      const inside = members.filter((n) => n.vnet === vnet.id);
      if (inside.length === 0) lines.push(`      ${id.get(vnet.id)}_empty[" "]`);
      for (const n of inside) lines.push(`      ${id.get(n.id)}[${label(n)}]`);
      lines.push('    end');
    }
    for (const n of members.filter((m) => !m.vnet || !vnets.some((v) => v.id === m.vnet))) lines.push(`    ${id.get(n.id)}[${label(n)}]`);
    lines.push('  end');
  }
  for (const e of topology.edges) {
    const arrow = e.style === 'link' ? '<-->' : e.style === 'planned' ? '<-.->' : '-.->';
    lines.push(`  ${id.get(e.from)} ${arrow}|${esc(e.label)}| ${id.get(e.to)}`);
  }
  // Gated resources (created in phase 2, when their gate variable is true): dashed outline.
  const gated = topology.nodes.filter((n) => n.gate);
  if (gated.length > 0) {
    lines.push('  classDef gated stroke-dasharray: 5 5');
    lines.push(`  class ${gated.map((n) => id.get(n.id)).join(',')} gated`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT text: clusters per zone and per virtual network, left to right. */
export function toDot(topology: Topology): string {
  const id = ids(topology);
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const label = (n: TopologyNode) => `<<b>${html(n.kind)}</b>${n.detail.map((d) => `<br/>${html(d)}`).join('')}${n.gate ? `<br/><i>gate: ${html(n.gate)}</i>` : ''}>`;
  // Gated resources (phase 2) are dashed.
  const nodeAttrs = (n: TopologyNode) => `label=${label(n)}${n.gate ? ', style="rounded,filled,dashed"' : ''}`;
  const colors: Record<Zone, string> = { 'on-premises': '#fff4e5', 'provider': '#f3f3f3', 'azure': '#e8f1fb' };
  const lines = [
    `digraph ${q(topology.stack)} {`,
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.5, ranksep=1.1, compound=true, newrank=true];',
    // Generous margins: Graphviz measures text with its own metrics, and viewers' fonts run wider.
  '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10, margin="0.3,0.12"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const zone of ZONE_ORDER) {
    const members = topology.nodes.filter((n) => n.zone === zone && !isContainer(n));
    const vnets = topology.nodes.filter((n) => n.zone === zone && isContainer(n));
    if (members.length === 0 && vnets.length === 0) continue;
    lines.push(`  subgraph ${q(`cluster_${zone}`)} {`, `    label=${q(ZONE_TITLES[zone])}; style="rounded,filled"; fillcolor=${q(colors[zone])}; color="#999999";`);
    for (const vnet of vnets) {
      lines.push(`    subgraph ${q(`cluster_${id.get(vnet.id)}`)} {`, `      label=${q(vnetTitle(topology, vnet.id))}; style="rounded,dashed"; color="#3a78c2"; fillcolor=white;`);
      const inside = members.filter((n) => n.vnet === vnet.id);
      // The network's own node anchors edges to the whole network; it is a box only when the
      // network holds nothing else (an empty cluster disappears in Graphviz), else invisible.
      lines.push(inside.length === 0
        ? `      ${id.get(vnet.id)} [label=<<i>no gateway or endpoint</i>>, style="dashed", fontsize=9];`
        : `      ${id.get(vnet.id)} [shape=point, width=0.01, label="", style=invis];`);
      for (const n of inside) lines.push(`      ${id.get(n.id)} [${nodeAttrs(n)}];`);
      lines.push('    }');
    }
    for (const n of members.filter((m) => !m.vnet || !vnets.some((v) => v.id === m.vnet))) lines.push(`    ${id.get(n.id)} [${nodeAttrs(n)}];`);
    lines.push('  }');
  }
  const rank: Record<Zone, number> = { 'on-premises': 0, 'provider': 1, 'azure': 2 };
  for (const e of topology.edges) {
    // Network paths weigh more than management and data flows (logs, backup, sync) in the layout.
    const attrs = {
      link: 'dir=both, penwidth=1.6, color="#1f5fa8", weight=4',
      planned: 'dir=both, style=dashed, penwidth=1.6, color="#1f5fa8", weight=4',
      ref: 'style=dashed, color="#888888", weight=1',
    }[e.style];
    let from = topology.nodes.find((n) => n.id === e.from)!;
    let to = topology.nodes.find((n) => n.id === e.to)!;
    // Network links are drawn from on-premises towards Azure, so that on-premises sits on the left.
    if (e.style !== 'ref' && rank[from.zone] > rank[to.zone]) [from, to] = [to, from];
    // Edges to a whole network attach to its cluster.
    const extra = [isContainer(from) ? `ltail=${q(`cluster_${id.get(from.id)}`)}` : '', isContainer(to) ? `lhead=${q(`cluster_${id.get(to.id)}`)}` : ''].filter(Boolean);
    lines.push(`  ${id.get(from.id)} -> ${id.get(to.id)} [label=${q(e.label)}, ${[attrs, ...extra].join(', ')}];`);
  }
  // Invisible edges keep the zones in reading order: on-premises, provider, Azure.
  const firsts = ZONE_ORDER.map((zone) => topology.nodes.find((n) => n.zone === zone)).filter((n): n is TopologyNode => n !== undefined);
  for (let i = 1; i < firsts.length; i++) lines.push(`  ${id.get(firsts[i - 1].id)} -> ${id.get(firsts[i].id)} [style=invis, weight=8];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** SVG through Graphviz compiled to WebAssembly (no binary download). */
export async function toSvg(topology: Topology): Promise<string> {
  // The package is ESM-only; Node 20.19+, 22 and 24 load it with require().
  const { Graphviz } = require('@hpcc-js/wasm-graphviz') as { Graphviz: { load(): Promise<{ dot(source: string): string }> } };
  const graphviz = await Graphviz.load();
  return graphviz.dot(toDot(topology));
}
