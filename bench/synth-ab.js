#!/usr/bin/env node
// Two builds of the library against each other on the same network: the gain of one change.
// Runs bench/synth-floor.js children (kind lib) with BENCH_LIB=<dir> for each build, alternating
// (the order flips every round), fresh process per run; prints medians of CPU, wall and peak RSS.
//
//   node bench/synth-ab.js <distA> <distB> [sites=1000] [--rounds=5] [--realistic[=r,h,s,n]] [--stacks]
//
// A build directory is a compiled dist/ (e.g. `npx tsc --outDir /tmp/x/dist` from a checkout of
// the revision, with node_modules reachable from it).
const { execFileSync } = require('child_process');
const path = require('path');

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, fallback) => {
  const a = flag(name);
  return a && a.includes('=') ? a.slice(a.indexOf('=') + 1) : fallback;
};
const [a, b, sizeArg] = args.filter((x) => !x.startsWith('--'));
if (!a || !b) throw new Error('usage: node bench/synth-ab.js <distA> <distB> [sites] [--rounds=5] [--realistic] [--stacks]');
const rounds = Number(value('rounds', 5));
let config;
if (flag('realistic')) {
  const [regions, hubs, spokes, sites] = value('realistic', '10,1,50,30').split(',').map(Number);
  config = { shape: 'realistic', regions, hubs, spokes, sites, stacks: Boolean(flag('stacks')) };
} else {
  config = { shape: 'sites', sites: Number(sizeArg || 1000) };
}
const run = (lib) => {
  const env = { ...process.env, BENCH_LIB: path.resolve(lib), BENCH_CHILD: JSON.stringify({ kind: 'lib', config }) };
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(__dirname, 'synth-floor.js')], { env, maxBuffer: 1 << 26 });
  return JSON.parse(out.toString().trim().split('\n').pop());
};
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const runs = { [a]: [], [b]: [] };
for (let r = 0; r < rounds; r++) for (const lib of r % 2 ? [b, a] : [a, b]) runs[lib].push(run(lib));
const m = (lib, key) => median(runs[lib].map((x) => x[key]));
console.log(`${JSON.stringify(config)}, ${rounds} rounds, ${runs[a][0].resources} resources`);
console.log('| build | CPU (ms) | wall (ms) | construct (ms) | synth (ms) | peak RSS (MB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const lib of [a, b]) {
  console.log(`| ${lib} | ${m(lib, 'cpuMs').toFixed(0)} | ${m(lib, 'totalMs').toFixed(0)} | ${m(lib, 'constructMs').toFixed(0)} | ${m(lib, 'synthMs').toFixed(0)} | ${Math.max(...runs[lib].map((x) => x.rssMb)).toFixed(0)} |`);
}
const ratios = runs[b].map((x, i) => x.cpuMs / runs[a][i].cpuMs);
console.log(`B/A CPU: ${(m(b, 'cpuMs') / m(a, 'cpuMs')).toFixed(3)} (median of rounds ${median(ratios).toFixed(3)})`);
