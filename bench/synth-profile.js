#!/usr/bin/env node
// Where one synth's CPU time goes: runs one child of bench/synth-floor.js (the same network, the
// same code path) under `node --cpu-prof` and summarizes the profile, so the figures behind a
// performance change can be reproduced. Needs `npx projen compile` first (reads dist/;
// BENCH_LIB=<dir> reads another build, as synth-floor.js does).
//
//   node bench/synth-profile.js [sites=1000] [--kind=lib|l1|bare] [--realistic[=r,h,s,n]] [--stacks]
//        [--top=25] [--interval=200] [--keep=<file.cpuprofile>] [--callers=<function name>]
//        [--under=<function name, or text of "name  file:line">]
//
// Prints: time by area (library file under dist/, cdktf, constructs, the provider's L1 classes,
// Node and GC), the top functions by self time, and the top library functions and files by
// inclusive time (each sample counted once per function, however deep the recursion), and each
// sample charged to the innermost library function on its stack (what the library asked cdktf,
// the provider classes and Node to do; the rest is what cdktf's own synth and the program cost).
// `--kind=l1|bare` profiles a floor instead (it first synthesizes the library's JSON as input).
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, fallback) => {
  const a = flag(name);
  return a && a.includes('=') ? a.slice(a.indexOf('=') + 1) : fallback;
};
const top = Number(value('top', 25));
const kind = { lib: 'lib', l1: 'floor-l1', bare: 'floor' }[value('kind', 'lib')];
if (!kind) throw new Error('--kind: one of lib, l1, bare');
let config;
if (flag('realistic')) {
  const [regions, hubs, spokes, sites] = value('realistic', '10,1,50,30').split(',').map(Number);
  config = { shape: 'realistic', regions, hubs, spokes, sites, stacks: Boolean(flag('stacks')) };
} else {
  config = { shape: 'sites', sites: Number(args.find((a) => !a.startsWith('--')) || 1000) };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
const floorScript = path.join(__dirname, 'synth-floor.js');
const child = (k, extra, nodeArgs = []) => {
  const env = { ...process.env, BENCH_CHILD: JSON.stringify({ kind: k, config, ...extra }) };
  const out = execFileSync(process.execPath, [...nodeArgs, '--max-old-space-size=8192', floorScript], { cwd: root, env, maxBuffer: 1 << 26 });
  return JSON.parse(out.toString().trim().split('\n').pop());
};
let input;
if (kind !== 'lib') {
  child('lib', { keep: path.join(work, 'lib') });
  const stacks = {};
  const dir = path.join(work, 'lib', 'stacks');
  for (const name of fs.readdirSync(dir).sort()) stacks[name] = JSON.parse(fs.readFileSync(path.join(dir, name, 'cdk.tf.json'), 'utf8'));
  input = path.join(work, 'input.json');
  fs.writeFileSync(input, JSON.stringify(stacks));
}
const profDir = path.join(work, 'prof');
const result = child(kind, input ? { input } : {}, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-interval=${value('interval', 200)}`]);
const profFile = path.join(profDir, fs.readdirSync(profDir)[0]);
if (flag('keep')) fs.copyFileSync(profFile, value('keep'));
const profile = JSON.parse(fs.readFileSync(profFile, 'utf8'));
fs.rmSync(work, { recursive: true, force: true });

const libDir = path.resolve(process.env.BENCH_LIB || path.join(root, 'dist'));
const short = (url) => {
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(libDir)) return `lib/${path.relative(libDir, file)}`;
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm + 'node_modules/'.length);
  return file || '(native)';
};
const area = (url, name) => {
  const f = short(url);
  if (f.startsWith('lib/')) return f;
  if (f.startsWith('@cdktf/provider-')) return f.split('/').slice(0, 2).join('/');
  if (f.startsWith('cdktf/')) return `cdktf/${f.split('/').slice(1, -1).join('/') || '.'}`;
  if (f.startsWith('constructs/')) return 'constructs';
  if (name === '(garbage collector)') return '(gc)';
  if (name === '(program)' || name === '(idle)') return '(program)';
  if (f.startsWith('node:') || f === '(native)') return '(node and native)';
  return f;
};

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const fnKey = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const selfArea = new Map();
const incl = new Map();
const inclFile = new Map();
const owned = new Map(); // innermost library frame: its own time plus cdktf/Node time it called
const callersOf = value('callers'); // --callers=<function name>: who (in the library) calls it
const callers = new Map();
const underFn = value('under'); // --under=<function name>: self time of what it calls
const under = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) || 0) + v);
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000; // ms until the next sample
  const leaf = nodes.get(profile.samples[i]);
  total += dt;
  add(self, fnKey(leaf), dt);
  add(selfArea, area(leaf.callFrame.url, leaf.callFrame.functionName), dt);
  const seen = new Set();
  const seenFile = new Set();
  let owner;
  let called = false;
  let isUnder = false;
  for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
    const n = nodes.get(id);
    const k = fnKey(n);
    if (called === true && short(n.callFrame.url).startsWith('lib/')) called = k; // the library function that called it
    if (callersOf && called === false && n.callFrame.functionName === callersOf) called = true;
    if (underFn && (n.callFrame.functionName === underFn || k.includes(underFn))) isUnder = true;
    if (owner === undefined && short(n.callFrame.url).startsWith('lib/')) owner = k;
    if (!seen.has(k)) {
      seen.add(k);
      add(incl, k, dt);
    }
    const f = short(n.callFrame.url);
    if (f.startsWith('lib/') && !seenFile.has(f)) {
      seenFile.add(f);
      add(inclFile, f, dt);
    }
  }
  if (isUnder) add(under, fnKey(leaf), dt);
  if (called) add(callers, called === true ? '(outside the library)' : called, dt);
  add(owned, owner ?? `(outside the library) ${area(leaf.callFrame.url, leaf.callFrame.functionName)}`, dt);
}

const ms = (v) => v.toFixed(0).padStart(7);
const pct = (v) => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
const table = (title, m, n, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].filter(([k]) => filter(k)).sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms(v)} ms ${pct(v)}  ${k}`);
};
console.log(`${kind} ${JSON.stringify(config)}: ${result.resources} resources, cpu ${result.cpuMs.toFixed(0)} ms, wall ${result.totalMs.toFixed(0)} ms (construct ${result.constructMs.toFixed(0)}, synth ${result.synthMs.toFixed(0)}), peak RSS ${result.rssMb.toFixed(0)} MB; profiled ${total.toFixed(0)} ms`);
table('Self time by area', selfArea, top);
table('Top functions by self time', self, top);
table('Top library functions by inclusive time', incl, top, (k) => / lib\//.test(k));
table('Library files by inclusive time', inclFile, top);
table('Innermost library function (its own time plus the cdktf, provider and Node code it calls)', owned, top);
if (underFn) table(`Self time under ${underFn}`, under, top);
if (callersOf) table(`Time in ${callersOf}, by the library function that called it`, callers, top);
