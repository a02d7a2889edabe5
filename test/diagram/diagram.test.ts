import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { EXAMPLES } from '../../examples/all';
import { toDot, toMermaid } from '../../lib/diagram/render';
import { buildTopology, ON_PREMISES_EDGE } from '../../lib/diagram/topology';

const root = path.join(__dirname, '..', '..');

function exampleJson(id: string): any {
  const Stack = EXAMPLES.find(([name]) => name === id)![1];
  return JSON.parse(Testing.synth(new Stack(Testing.app(), id)));
}

describe('topology diagrams', () => {
  test.each(EXAMPLES.map(([id]) => id))('docs/diagrams/%s.mmd is current (npm run examples regenerates it)', (id) => {
    // GIVEN the example as synthesized now
    const mermaid = toMermaid(buildTopology(id, exampleJson(id)));
    // THEN the committed diagram the README links to shows the same topology
    expect(fs.readFileSync(path.join(root, 'docs', 'diagrams', `${id}.mmd`), 'utf8')).toBe(mermaid);
    expect(fs.existsSync(path.join(root, 'docs', 'diagrams', `${id}.svg`))).toBe(true);
  });

  test('site-to-site VPN: sites on premises, the gateway inside the hub, one IPsec link per site', () => {
    const topology = buildTopology('vpn', exampleJson('site-to-site-vpn'));
    const sites = topology.nodes.filter((n) => n.kind === 'On-premises site (VPN device)');
    expect(sites.map((s) => s.zone)).toEqual(['on-premises', 'on-premises']);
    const gateway = topology.nodes.find((n) => n.kind === 'VPN gateway')!;
    const hub = topology.nodes.find((n) => n.kind === 'Virtual network')!;
    expect(gateway.vnet).toBe(hub.id);
    expect(gateway.detail).toEqual(expect.arrayContaining(['VpnGw2AZ', 'active-active', 'BGP ASN 65515']));
    const ipsec = topology.edges.filter((e) => e.from === gateway.id && e.label.startsWith('IPsec'));
    expect(ipsec.map((e) => e.to).sort()).toEqual(sites.map((s) => s.id).sort());
    expect(topology.edges.some((e) => e.from === gateway.id && e.label === 'logs' && e.style === 'ref')).toBe(true);
  });

  test('ExpressRoute with VPN failover: provider zone, peering to the edge routers, planned connection, spokes peered once each', () => {
    const topology = buildTopology('er', exampleJson('expressroute-vpn-failover'));
    const circuit = topology.nodes.find((n) => n.kind === 'ExpressRoute circuit')!;
    expect(circuit.zone).toBe('provider');
    expect(topology.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: ON_PREMISES_EDGE, to: circuit.id, style: 'link', label: expect.stringMatching(/^private peering, VLAN \d+, ASN \d+$/) }),
      expect.objectContaining({ to: circuit.id, style: 'planned', label: 'connection after provider provisioning' }),
    ]));
    const peerings = topology.edges.filter((e) => e.label.startsWith('peering'));
    expect(peerings).toHaveLength(2); // two spokes, each pair of peerings drawn once
  });

  test('the DOT text keeps on-premises before Azure and makes network paths heavier than logs', () => {
    const dot = toDot(buildTopology('vpn', exampleJson('site-to-site-vpn')));
    expect(dot.indexOf('cluster_on-premises')).toBeLessThan(dot.indexOf('cluster_azure'));
    expect(dot).toMatch(/label="IPsec IKEv2", dir=both, penwidth=1\.6, color="#1f5fa8", weight=4/);
    expect(dot).toMatch(/label="logs", style=dashed, color="#888888", weight=1/);
  });

  test('works on any azurerm output, and ignores what it does not draw', () => {
    const topology = buildTopology('raw', {
      resource: {
        azurerm_virtual_network: { a: { name: 'vnet-a', address_space: ['10.0.0.0/16'] }, b: { name: 'vnet-b', address_space: ['10.1.0.0/16'] } },
        azurerm_virtual_network_peering: {
          ab: { virtual_network_name: '${azurerm_virtual_network.a.name}', remote_virtual_network_id: '${azurerm_virtual_network.b.id}' },
          ba: { virtual_network_name: '${azurerm_virtual_network.b.name}', remote_virtual_network_id: '${azurerm_virtual_network.a.id}' },
        },
        random_password: { p: { length: 10 } },
      },
    });
    expect(topology.nodes.map((n) => n.id)).toEqual(['azurerm_virtual_network.a', 'azurerm_virtual_network.b']);
    expect(topology.edges).toEqual([{ from: 'azurerm_virtual_network.a', to: 'azurerm_virtual_network.b', label: 'peering', style: 'link' }]);
    expect(buildTopology('empty', {})).toEqual({ stack: 'empty', nodes: [], edges: [] });
  });

  test('renders SVG with Graphviz WebAssembly (in a child process: the package is ESM)', () => {
    const script = [
      "const { Testing } = require('cdktf');",
      "const { EXAMPLES } = require('./examples/all');",
      "const { buildTopology } = require('./lib/diagram/topology');",
      "const { toSvg } = require('./lib/diagram/render');",
      "const Stack = EXAMPLES.find(([n]) => n === 'site-to-site-vpn')[1];",
      "const json = JSON.parse(Testing.synth(new Stack(Testing.app(), 'site-to-site-vpn')));",
      'toSvg(buildTopology("site-to-site-vpn", json)).then((svg) => process.stdout.write(svg));',
    ].join('\n');
    const svg = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: root,
      env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
    }).toString();
    expect(svg).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    // Graphviz escapes '-' as &#45; in text.
    for (const text of ['On&#45;premises', 'Azure', 'VPN gateway', 'IPsec IKEv2 + BGP', '203.0.113.10']) expect(svg).toContain(text);
  });
});
