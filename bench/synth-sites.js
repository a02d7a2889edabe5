#!/usr/bin/env node
// Synth time and memory of a hub + VPN gateway with 1, 10, 100 and 1,000 on-premises sites, each
// size in a fresh Node process. Needs `npx projen compile` first (reads dist/).
// Usage: node bench/synth-sites.js [sizes=1,10,100,1000]
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const sizes = (process.argv[2] || '1,10,100,1000').split(',').map(Number);

if (process.env.BENCH_CHILD) {
  const n = Number(process.env.BENCH_CHILD);
  const os = require('os');
  const fs = require('fs');
  const { App, TerraformStack } = require('cdktf');
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
  const lib = require(path.join(root, 'dist', 'index.js'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const t0 = process.hrtime.bigint();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const hub = new lib.HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  const gateway = new lib.VpnGateway(stack, 'Gateway', { hub });
  for (let i = 0; i < n; i++) {
    // Site i: 172.16.0.0/12 split into /24s, a distinct public address, BGP on every other site.
    const prefix = `172.${16 + Math.floor(i / 256)}.${i % 256}.0/24`;
    const address = `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`;
    const bgp = i % 2 === 1 ? { bgpAsn: 64512 + (i % 1000), bgpPeeringAddress: `172.${16 + Math.floor(i / 256)}.${i % 256}.1` } : {};
    gateway.addSite(`Site${i}`, { gatewayAddress: address, addressSpaces: [prefix], ...bgp });
  }
  const t1 = process.hrtime.bigint();
  app.synth();
  const t2 = process.hrtime.bigint();
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  fs.rmSync(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({ n, resources, constructMs: Number(t1 - t0) / 1e6, synthMs: Number(t2 - t1) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  console.log(`node ${process.version}, one fresh process per size`);
  console.log('| sites | resources | construct (ms) | synth (ms) | total (ms) | ms per site | peak RSS (MB) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const out = execFileSync(process.execPath, [__filename], { cwd: root, env: { ...process.env, BENCH_CHILD: String(n) }, maxBuffer: 1 << 26 });
    const r = JSON.parse(out.toString().trim().split('\n').pop());
    const total = r.constructMs + r.synthMs;
    console.log(`| ${r.n} | ${r.resources} | ${r.constructMs.toFixed(0)} | ${r.synthMs.toFixed(0)} | ${total.toFixed(0)} | ${(total / r.n).toFixed(2)} | ${r.rssMb.toFixed(0)} |`);
  }
}
