#!/usr/bin/env node
// The library against its floor: the synth of a network through the library vs the very same
// Terraform JSON emitted as bare cdktf elements (TerraformResource, TerraformOutput, ...), which
// is what any construct library over cdktf must at least pay. Every run is a fresh Node process;
// library and floor runs alternate (the order flips every round) and the medians are compared,
// so load from other users of the machine hits both sides alike.
//
// The library turns off cdktf's token creation stacks at its first construct; CDK_DEBUG=true keeps
// them (the library's behaviour before that change). Needs the library compiled (`npx projen compile`, reads dist/; BENCH_LIB=<dir> reads another).
//
//   node bench/synth-floor.js [sites=1000,3000] [--rounds=5] [--floor=bare|l1|l1-untraced|bare,l1,...]
//       hubs of 10 on-premises sites each (hub network, active-active VPN gateway, 10 sites)
//   node bench/synth-floor.js --realistic[=regions,hubs,spokes,sites] [--stacks] [--rounds=3]
//       regions x hubs per region x spokes per hub x sites per hub (default 10,1,50,30) in one
//       stack, or with --stacks one stack of hubs and gateways plus one stack per region holding
//       its spokes and sites (cross-stack references to the hub stack)
//
// Times are measured inside the child from process start (performance.now(): Node bootstrap,
// module loading, constructs, validation, synth and writing cdk.tf.json); the floor's reading
// of its input JSON is subtracted. The ratio is of CPU time (process.cpuUsage), which a busy
// shared machine disturbs far less than wall time; both are printed. Peak RSS is maxRSS.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const LOCATIONS = ['westeurope', 'northeurope', 'swedencentral', 'germanywestcentral', 'francecentral', 'uksouth', 'eastus2', 'westus3', 'centralus', 'japaneast', 'australiaeast', 'southeastasia'];

// ---- address helpers: deterministic, non-overlapping ranges for any size used here ----------
const ip = (n) => `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const IP = (a, b, c, d) => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
/** Hub h: a /20 of 10.0.0.0/12 (hubs < 256) or, past that, of 10.0.0.0/8 (shape "sites"). */
const hubSpace = (h) => `${ip(IP(10, 0, 0, 0) + h * 4096)}/20`;
/** Spoke k: a /24 from 10.16.0.0 on (k < 61,440). */
const spokeSpace = (k) => `${ip(IP(10, 16, 0, 0) + k * 256)}/24`;
/** Site i: a /24 of 172.16.0.0/12, then of 100.64.0.0/10 (i < 20,480). */
const siteBase = (i) => (i < 4096 ? IP(172, 16, 0, 0) + i * 256 : IP(100, 64, 0, 0) + (i - 4096) * 256);
/** Public address of site i's VPN device. */
const siteAddress = (i) => ip(IP(20, 40, 0, 0) + Math.floor(i / 250) * 256 + (i % 250) + 1);

function siteOptions(i, lib) {
  const base = siteBase(i);
  // BGP on every other site (peering address .1 inside its prefix), static routes on the rest.
  const bgp = i % 2 === 1 ? { bgpAsn: 64512 + (i % 1000), bgpPeeringAddress: ip(base + 1) } : {};
  // The device's public address: `device: VpnDevice.address(...)` where the library has it.
  const device = lib.VpnDevice ? { device: lib.VpnDevice.address(siteAddress(i)) } : { gatewayAddress: siteAddress(i) };
  return { ...device, addressSpaces: [`${ip(base)}/24`], ...bgp };
}

/** The network of one configuration, built through the library into `app`. */
function buildThroughLibrary(app, config) {
  const { TerraformStack } = require('cdktf');
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
  const lib = require(path.join(process.env.BENCH_LIB || path.join(root, 'dist'), 'index.js'));
  const newStack = (id) => {
    const stack = new TerraformStack(app, id);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    return stack;
  };
  let site = 0;
  let spoke = 0;
  if (config.shape === 'sites') {
    const stack = newStack('bench');
    for (let h = 0; site < config.sites; h++) {
      const hub = new lib.HubNetwork(stack, `Hub${h}`, { resourceGroupName: `rg-hub-${h}`, location: LOCATIONS[h % LOCATIONS.length], addressSpace: [hubSpace(h)] });
      const gateway = new lib.VpnGateway(stack, `Gateway${h}`, { hub, activeActive: true });
      for (let s = 0; s < 10 && site < config.sites; s++, site++) gateway.addSite(`Site${site}`, siteOptions(site, lib));
    }
    return;
  }
  const { regions, hubs, spokes, sites, stacks } = config;
  const core = newStack('core');
  for (let r = 0; r < regions; r++) {
    const regional = stacks ? newStack(`region${r}`) : core;
    for (let hh = 0; hh < hubs; hh++) {
      const h = r * hubs + hh;
      const hub = new lib.HubNetwork(core, `Hub${h}`, { resourceGroupName: `rg-hub-${h}`, location: LOCATIONS[r % LOCATIONS.length], addressSpace: [hubSpace(h)] });
      // 30 sites on an active-active gateway are 60 tunnels: more than VpnGw2AZ (the default)
      // allows (VPN-S2S-TUNNELS), so such a hub takes VpnGw4AZ (100), as a real one would.
      const sku = sites * 2 > 30 && lib.VpnGatewaySku ? { sku: lib.VpnGatewaySku.VPN_GW4_AZ } : {};
      const gateway = new lib.VpnGateway(core, `Gateway${h}`, { hub, activeActive: true, ...sku });
      // In the split layout a region's stack refers to the hub and gateway of the core stack.
      const hubRef = stacks ? lib.HubNetwork.fromHubNetworkAttributes(regional, `Hub${h}`, hubAttributes(hub)) : hub;
      for (let k = 0; k < spokes; k++, spoke++) {
        if (stacks) new lib.SpokePeering(regional, `Hub${h}Spoke${k}`, { hub: hubRef, addressSpace: [spokeSpace(spoke)], subnets: { app: `${spokeSpace(spoke).replace(/\/24$/, '/25')}` } });
        else hub.addSpoke(`Spoke${k}`, { addressSpace: [spokeSpace(spoke)], subnets: { app: `${spokeSpace(spoke).replace(/\/24$/, '/25')}` } });
      }
      for (let s = 0; s < sites; s++, site++) {
        if (stacks) new lib.SiteToSiteConnection(regional, `Hub${h}Site${site}`, { gateway, ...siteOptions(site, lib) });
        else gateway.addSite(`Site${site}`, siteOptions(site, lib));
      }
    }
  }
}

function hubAttributes(hub) {
  return {
    virtualNetworkId: hub.virtualNetworkId,
    virtualNetworkName: hub.virtualNetworkName,
    resourceGroupName: hub.resourceGroupName,
    location: hub.location,
    gatewaySubnetId: hub.gatewaySubnetId,
    // The literal prefixes, as a two-stack program writes them: with the hub's own
    // virtualNetworkId they share the hub's claim in the address plan (no overlap with itself).
    addressSpace: [...hub.addressSpace],
    // The core stack's hub has its gateway (an imported hub must say so for spokes that use it).
    hasGateway: true,
  };
}

/**
 * The same JSON as bare cdktf elements: one TerraformResource per resource, and so on.
 * Mode 'l1' builds each resource from the provider's generated (L1) class instead, with its
 * config taken from the JSON, and a whole-string reference `${type.name.attr}` to another
 * resource passed as that resource's attribute token (what a hand-written cdktf program does):
 * the cost any library over the provider classes pays for them (their nested output
 * references and attribute tokens each record a creation stack trace).
 */
function buildFloor(app, stacksJson, mode = 'bare') {
  const cdktf = require('cdktf');
  const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
  const strip = (body) => {
    const { ['//']: _meta, ...rest } = body;
    return rest;
  };
  class RawResource extends cdktf.TerraformResource {
    constructor(scope, id, type, body) {
      super(scope, id, { terraformResourceType: type });
      this.body = body;
      this.overrideLogicalId(id);
    }
    synthesizeAttributes() {
      return this.body;
    }
  }
  class RawData extends cdktf.TerraformDataSource {
    constructor(scope, id, type, body) {
      super(scope, id, { terraformResourceType: type });
      this.body = body;
      this.overrideLogicalId(id);
    }
    synthesizeAttributes() {
      return this.body;
    }
  }
  for (const [stackName, json] of Object.entries(stacksJson)) {
    const stack = new cdktf.TerraformStack(app, stackName);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    if (json.provider?.random) new (require('@cdktf/provider-random/lib/provider').RandomProvider)(stack, 'random', {});
    if (mode === 'l1') buildL1Resources(stack, json.resource ?? {}, strip);
    else {
      for (const [type, byName] of Object.entries(json.resource ?? {})) {
        for (const [name, body] of Object.entries(byName)) {
          // Meta-arguments (depends_on, count, lifecycle) as overrides: cdktf writes its own
          // meta-arguments over the attributes, so a depends_on in the body would be lost.
          const attributes = {};
          const meta = {};
          for (const [k, v] of Object.entries(strip(body))) (META[k] ? meta : attributes)[k] = v;
          const resource = new RawResource(stack, name, type, attributes);
          for (const [k, v] of Object.entries(meta)) resource.addOverride(k, v);
        }
      }
    }
    for (const [type, byName] of Object.entries(json.data ?? {})) {
      for (const [name, body] of Object.entries(byName)) new RawData(stack, name, type, strip(body));
    }
    for (const [name, body] of Object.entries(json.variable ?? {})) {
      new cdktf.TerraformVariable(stack, name, { type: body.type, description: body.description, sensitive: body.sensitive, nullable: body.nullable, default: body.default }).overrideLogicalId(name);
    }
    for (const [name, body] of Object.entries(json.output ?? {})) {
      new cdktf.TerraformOutput(stack, name, { value: body.value, sensitive: body.sensitive, description: body.description }).overrideLogicalId(name);
    }
    for (const [name, value] of Object.entries(json.locals ?? {})) new cdktf.TerraformLocal(stack, name, value).overrideLogicalId(name);
    const extra = {};
    for (const [key, value] of Object.entries(json)) {
      if (!['resource', 'data', 'variable', 'output', 'locals', 'provider', 'terraform', '//'].includes(key)) extra[key] = value;
    }
    for (const [key, value] of Object.entries(extra)) stack.addOverride(key, value);
    if (json.terraform?.backend) stack.addOverride('terraform.backend', json.terraform.backend);
    if (json.terraform?.required_providers) stack.addOverride('terraform.required_providers', json.terraform.required_providers);
  }
}

const META = { count: 'count', depends_on: 'depends_on', lifecycle: 'lifecycle', provider: 'provider', for_each: 'for_each' };
const camel = (k) => k.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
/** Config keys of a block are camelCase; keys of map attributes (tags) stay as they are. */
function toConfig(value, isMap = false) {
  if (Array.isArray(value)) return value.map((v) => toConfig(v));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[isMap ? k : camel(k)] = isMap ? v : toConfig(v, k === 'tags');
    return out;
  }
  return value;
}

/** Each resource through its provider's L1 class, references to earlier-built resources as tokens. */
function buildL1Resources(stack, resources, strip) {
  const pascal = (s) => s.replace(/(^|_)([a-z0-9])/g, (_m, _u, c) => c.toUpperCase());
  const classOf = (type) => {
    const [provider, ...rest] = type.split('_');
    const pkg = provider === 'azurerm' ? '@cdktf/provider-azurerm' : `@cdktf/provider-${provider}`;
    return require(`${pkg}/lib/${rest.join('-')}`)[pascal(rest.join('_'))];
  };
  const built = new Map();
  const ref = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/;
  const withTokens = (value) => {
    if (typeof value === 'string') {
      const m = ref.exec(value);
      if (m && resources[m[1]]?.[m[2]]) return build(m[1], m[2]).getStringAttribute(m[3]);
      return value;
    }
    if (Array.isArray(value)) return value.map(withTokens);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTokens(v)]));
    return value;
  };
  const build = (type, name) => {
    const key = `${type}.${name}`;
    if (built.has(key)) return built.get(key);
    built.set(key, undefined); // a reference cycle stays a literal string
    const body = strip(resources[type][name]);
    const config = {};
    const meta = {};
    for (const [k, v] of Object.entries(body)) (META[k] ? meta : config)[k] = v;
    const resource = new (classOf(type))(stack, name, toConfig(withTokens(config)));
    resource.overrideLogicalId(name);
    for (const [k, v] of Object.entries(meta)) resource.addOverride(k, v);
    built.set(key, resource);
    return resource;
  };
  for (const [type, byName] of Object.entries(resources)) for (const name of Object.keys(byName)) build(type, name);
}

function readStacks(outdir) {
  const result = {};
  const stacksDir = path.join(outdir, 'stacks');
  for (const name of fs.readdirSync(stacksDir).sort()) {
    result[name] = JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
  }
  return result;
}

function child() {
  const { kind, config, input, keep } = JSON.parse(process.env.BENCH_CHILD);
  const outdir = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-'));
  let inputMs = 0;
  let inputCpuMs = 0;
  let stacksJson;
  if (kind !== 'lib') {
    const t = performance.now();
    const c = process.cpuUsage();
    stacksJson = JSON.parse(fs.readFileSync(input, 'utf8'));
    inputMs = performance.now() - t;
    const used = process.cpuUsage(c);
    inputCpuMs = (used.user + used.system) / 1000;
  }
  const tLoad = performance.now();
  const { App } = require('cdktf');
  const app = new App({ outdir, skipBackendValidation: true });
  const tConstruct = performance.now();
  // The l1-untraced floor turns off cdktf's token creation stacks, as the library does at its
  // first construct (lib/core/stack-traces.ts): the provider classes' cost without them.
  if (kind === 'floor-l1-untraced') require('cdktf/lib/tokens/private/stack-trace').captureStackTrace = () => [];
  if (kind === 'lib') buildThroughLibrary(app, config);
  else buildFloor(app, stacksJson, kind === 'floor' ? 'bare' : 'l1');
  const tSynth = performance.now();
  app.synth();
  const tEnd = performance.now();
  const cpu = process.cpuUsage();
  const out = readStacks(outdir);
  const resources = Object.values(out).reduce((sum, json) => sum + Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0), 0);
  if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
  console.log(JSON.stringify({
    kind,
    resources,
    stacks: Object.keys(out).length,
    // Bootstrap before the first line of this file, plus the rest, less reading the floor's input.
    totalMs: tEnd - inputMs,
    // CPU time of the process (all its threads, GC included): what other users of the machine
    // disturb least. Ratios below are of CPU time; wall times are printed beside them.
    cpuMs: (cpu.user + cpu.system) / 1000 - inputCpuMs,
    constructMs: tSynth - tConstruct,
    synthMs: tEnd - tSynth,
    startMs: tLoad - inputMs,
    rssMb: process.resourceUsage().maxRSS / 1024,
  }));
}

function run(kind, config, extra = {}) {
  const env = { ...process.env, BENCH_CHILD: JSON.stringify({ kind, config, ...extra }) };
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', __filename], { cwd: root, env, maxBuffer: 1 << 26 });
  return JSON.parse(out.toString().trim().split('\n').pop());
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Drops the construct-path metadata, which the floor cannot reproduce and Terraform ignores. */
function comparable(value) {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) if (key !== '//') out[key] = comparable(value[key]);
    return out;
  }
  return value;
}

const FLOOR_KINDS = { bare: 'floor', l1: 'floor-l1', 'l1-untraced': 'floor-l1-untraced' };

function measure(label, config, rounds, floors) {
  // A first library run writes the JSON the floors rebuild, and each floor's JSON must equal it.
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-floor-ref-'));
  run('lib', config, { keep: path.join(workdir, 'lib') });
  const reference = readStacks(path.join(workdir, 'lib'));
  const input = path.join(workdir, 'input.json');
  fs.writeFileSync(input, JSON.stringify(reference));
  for (const floor of floors) {
    run(FLOOR_KINDS[floor], config, { input, keep: path.join(workdir, floor) });
    const same = JSON.stringify(comparable(readStacks(path.join(workdir, floor)))) === JSON.stringify(comparable(reference));
    if (!same) throw new Error(`${label}: the ${floor} floor's JSON differs from the library's (see ${workdir})`);
  }

  const kinds = ['lib', ...floors.map((f) => FLOOR_KINDS[f])];
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    // Rotate the order every round, so each kind runs first, second, ... equally often.
    const order = kinds.map((_k, i) => kinds[(i + r) % kinds.length]);
    for (const kind of order) runs[kind].push(run(kind, config, { input }));
  }
  fs.rmSync(workdir, { recursive: true, force: true });
  const m = (xs, key) => median(xs.map((x) => x[key]));
  const lib = runs.lib;
  return {
    label,
    resources: lib[0].resources,
    stacks: lib[0].stacks,
    libMs: m(lib, 'totalMs'),
    libCpuMs: m(lib, 'cpuMs'),
    libConstructMs: m(lib, 'constructMs'),
    libSynthMs: m(lib, 'synthMs'),
    libRssMb: Math.max(...lib.map((x) => x.rssMb)),
    floors: floors.map((f) => {
      const xs = runs[FLOOR_KINDS[f]];
      return {
        name: f,
        cpuMs: m(xs, 'cpuMs'),
        ms: m(xs, 'totalMs'),
        constructMs: m(xs, 'constructMs'),
        synthMs: m(xs, 'synthMs'),
        rssMb: Math.max(...xs.map((x) => x.rssMb)),
        ratio: m(lib, 'cpuMs') / m(xs, 'cpuMs'),
        wallRatio: m(lib, 'totalMs') / m(xs, 'totalMs'),
        ratioOfRounds: median(lib.map((l, i) => l.cpuMs / xs[i].cpuMs)),
      };
    }),
  };
}

function main() {
  const args = process.argv.slice(2);
  const flag = (name) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const value = (name, fallback) => {
    const a = flag(name);
    return a && a.includes('=') ? a.slice(a.indexOf('=') + 1) : fallback;
  };
  const rounds = Number(value('rounds', flag('realistic') ? 3 : 5));
  // --floor=bare (TerraformResource with the JSON body), --floor=l1 (the provider's classes),
  // --floor=l1-untraced (the same without cdktf's token creation stacks), or several.
  const floors = value('floor', 'bare').split(',');
  for (const f of floors) if (!FLOOR_KINDS[f]) throw new Error(`--floor: ${f} is not one of ${Object.keys(FLOOR_KINDS).join(', ')}`);
  const configs = [];
  if (flag('realistic')) {
    const [regions, hubs, spokes, sites] = value('realistic', '10,1,50,30').split(',').map(Number);
    const stacks = Boolean(flag('stacks'));
    configs.push({ label: `${regions} regions x ${hubs} hubs x ${spokes} spokes + ${sites} sites${stacks ? ', split over stacks' : ', one stack'}`, config: { shape: 'realistic', regions, hubs, spokes, sites, stacks } });
  } else {
    const sizes = (args.find((a) => !a.startsWith('--')) || '1000,3000').split(',').map(Number);
    for (const sites of sizes) configs.push({ label: `${sites} sites, ${Math.ceil(sites / 10)} hubs`, config: { shape: 'sites', sites } });
  }
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${rounds} rounds, fresh process per run, library and floors (${floors.join(', ')}) in rotating order; times from process start`);
  const fh = floors.map((f) => `${f} floor CPU (ms) | ratio to ${f} (CPU) | ratio to ${f} (CPU, median of rounds) | ${f} floor wall (ms) | ratio to ${f} (wall) | ${f} floor peak RSS (MB)`).join(' | ');
  console.log(`| network | stacks | resources | library CPU (ms) | library wall (ms) | construct (ms) | synth (ms) | library peak RSS (MB) | ${fh} |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${floors.map(() => ' ---: | ---: | ---: | ---: | ---: | ---: |').join('')}`);
  for (const { label, config } of configs) {
    const r = measure(label, config, rounds, floors);
    const fc = r.floors.map((f) => `${f.cpuMs.toFixed(0)} | ${f.ratio.toFixed(2)}x | ${f.ratioOfRounds.toFixed(2)}x | ${f.ms.toFixed(0)} | ${f.wallRatio.toFixed(2)}x | ${f.rssMb.toFixed(0)}`).join(' | ');
    console.log(`| ${r.label} | ${r.stacks} | ${r.resources} | ${r.libCpuMs.toFixed(0)} | ${r.libMs.toFixed(0)} | ${r.libConstructMs.toFixed(0)} | ${r.libSynthMs.toFixed(0)} | ${r.libRssMb.toFixed(0)} | ${fc} |`);
  }
}

if (process.env.BENCH_CHILD) child();
else main();
