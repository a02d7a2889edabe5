#!/usr/bin/env node
// Speed of `cdktf-azure-hybrid check` on large stacks: the resources of a synthesized example
// copied until the stack has N of them (references renamed per copy), checked in-process with the
// compiled CLI (dist/cli/main.js), median of several rounds after one warm-up (the schema load).
// Needs `npm run examples` (cdktf.out) and the library compiled (`npx projen compile`).
//
//   node bench/check-speed.js [sizes=1000,3000,10000] [--rounds=5] [--stack=secure-hub]
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const value = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const sizes = (args.find((a) => !a.startsWith('--')) ?? '1000,3000,10000').split(',').map(Number);
const rounds = Number(value('rounds', 5));
const stackName = value('stack', 'secure-hub');
const { runCli } = require(path.join(root, 'dist', 'cli', 'main.js'));

const source = path.join(root, 'cdktf.out', 'stacks', stackName, 'cdk.tf.json');
if (!fs.existsSync(source)) throw new Error(`${source} is missing: run \`npm run examples\` first`);
const base = JSON.parse(fs.readFileSync(source, 'utf8'));
const names = Object.values(base.resource).flatMap((byName) => Object.keys(byName));
const text = JSON.stringify(base.resource);
const rename = new RegExp(`([".])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})([".])`, 'g');

/** A folder holding one stack of at least `size` resources. */
function stackOf(size) {
  const resource = {};
  const copies = Math.ceil(size / names.length);
  for (let i = 0; i < copies; i++) {
    const copy = JSON.parse(text.replace(rename, `$1$2_${i}$3`));
    for (const [type, byName] of Object.entries(copy)) Object.assign((resource[type] ??= {}), byName);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-speed-'));
  fs.mkdirSync(path.join(dir, 'big'));
  fs.writeFileSync(path.join(dir, 'big', 'cdk.tf.json'), JSON.stringify({ ...base, resource }));
  return { dir, count: copies * names.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const quiet = () => undefined;
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${rounds} rounds, stack ${stackName} (${names.length} resources) copied`);
  console.log('| resources | check wall (ms, median) | per 1,000 resources (ms) |');
  console.log('| ---: | ---: | ---: |');
  for (const size of sizes) {
    const { dir, count } = stackOf(size);
    await runCli(['check', dir], quiet); // warm-up
    const times = [];
    for (let r = 0; r < rounds; r++) {
      const started = process.hrtime.bigint();
      await runCli(['check', dir], quiet);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = median(times);
    console.log(`| ${count} | ${ms.toFixed(0)} | ${((ms / count) * 1000).toFixed(0)} |`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
