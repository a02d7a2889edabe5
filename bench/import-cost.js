#!/usr/bin/env node
// Cost of importing the library's root module in a fresh Node process, beside importing the
// provider's package root, in the same run. Needs `npx projen compile` first (reads dist/).
// Usage: node bench/import-cost.js [runs=5]
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const runs = Number(process.argv[2] || 5);
// The root index is lazy (scripts/lazy-index.js): importing it loads nothing until an export is
// used. So besides the bare import, measure what programs really pay: the VPN pattern's
// constructs, and every export touched.
const lib = JSON.stringify(path.join(root, 'dist', 'index.js'));
const targets = {
  'cdktf-azure-hybrid root (dist/index.js)': `require(${lib})`,
  'cdktf-azure-hybrid root + VPN pattern (HubNetwork, VpnGateway, LogAnalyticsWorkspace)': `const l=require(${lib});l.HubNetwork;l.VpnGateway;l.LogAnalyticsWorkspace`,
  'cdktf-azure-hybrid root + every export': `const l=require(${lib});for (const k of Object.keys(l)) l[k]`,
  '@cdktf/provider-azurerm (package root)': "require('@cdktf/provider-azurerm')",
  'cdktf + constructs only (baseline)': "require('cdktf')",
};

function measure(code) {
  const script = `const t=process.hrtime.bigint();${code};` +
    'const ms=Number(process.hrtime.bigint()-t)/1e6;' +
    'console.log(JSON.stringify({ms, rssMb: process.resourceUsage().maxRSS/1024}))';
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root }).toString());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, target] of Object.entries(targets)) {
  const samples = Array.from({ length: runs }, () => measure(target));
  results[name] = { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)) };
}
console.log(`node ${process.version}, median of ${runs} fresh processes`);
console.log('| import | time (ms) | peak RSS (MB) |');
console.log('| --- | ---: | ---: |');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.ms.toFixed(0)} | ${r.rssMb.toFixed(0)} |`);
const provider = results['@cdktf/provider-azurerm (package root)'];
for (const [name, r] of Object.entries(results)) {
  if (!name.startsWith('cdktf-azure-hybrid')) continue;
  console.log(`${name} / provider root: time ${(r.ms / provider.ms).toFixed(3)}, RSS ${(r.rssMb / provider.rssMb).toFixed(3)} (aim: at most 0.1 for time)`);
}
