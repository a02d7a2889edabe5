#!/usr/bin/env node
/*
 * The library's layers: imports point down only, and no files import each other.
 *
 *   diagram (pure JSON -> topology, no imports)  <  core  <  network < management < storage
 *   < resiliency < apps  <  checks  <  cli, handoff  <  index
 *
 * An area may use a lower area (management's GatewayDiagnostics takes a VPN gateway), never a
 * higher one, so there is no cycle between areas. `import type` counts: a type-only cycle is
 * still a cycle for a reader.
 *
 *   node scripts/layers.js [lib dir]   prints upward imports and import cycles; exit 1 if any
 * test/core/layers.test.ts runs `analyse` and expects nothing.
 */
const fs = require('fs');
const path = require('path');

const RANK = { diagram: 0, core: 1, network: 2, management: 3, storage: 4, resiliency: 5, apps: 6, checks: 7, cli: 8, handoff: 8 };

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function rankOf(lib, file) {
  const rel = path.relative(lib, file).split(path.sep);
  if (rel.length === 1) return 9; // index.ts and other top-level files
  return RANK[rel[0]] ?? 9;
}

function resolveImport(file, spec) {
  const base = path.resolve(path.dirname(file), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
  return undefined;
}

/** { upward: [{from, to}], cycles: [[file, ...]] } for the lib directory. */
function analyse(lib) {
  const graph = new Map();
  for (const file of files(lib)) {
    const text = fs.readFileSync(file, 'utf8');
    const targets = new Set();
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const target = resolveImport(file, m[1]);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  const rel = (f) => path.relative(lib, f);
  const upward = [];
  for (const [from, tos] of graph) for (const to of tos) if (rankOf(lib, to) > rankOf(lib, from)) upward.push({ from: rel(from), to: rel(to) });
  // Strongly connected components (Tarjan): any with more than one file is a cycle.
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), cycles = [];
  const strong = (v) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(rel(w)); } while (w !== v);
      if (comp.length > 1) cycles.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return { upward, cycles };
}

module.exports = { analyse, RANK };

if (require.main === module) {
  const lib = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'lib'));
  const { upward, cycles } = analyse(lib);
  for (const u of upward) console.log(`up    ${u.from} -> ${u.to}`);
  for (const c of cycles) console.log(`cycle ${c.join(' <-> ')}`);
  console.log(`${upward.length} upward imports, ${cycles.length} import cycles`);
  process.exitCode = upward.length + cycles.length > 0 ? 1 : 0;
}
