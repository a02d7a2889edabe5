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
      // the gated ExpressRoute connection (count = var.<gate> ? 1 : 0) is the planned link, named after its gate
      expect.objectContaining({ to: circuit.id, style: 'planned', label: expect.stringMatching(/^ExpressRoute \(gate [a-z0-9_]+\)$/) }),
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

describe('gated resources', () => {
  const gatedStack = {
    resource: {
      azurerm_virtual_network: { hub: { name: 'vnet-hub', address_space: ['10.0.0.0/16'] } },
      azurerm_subnet: { gw: { name: 'GatewaySubnet', virtual_network_name: '${azurerm_virtual_network.hub.name}' } },
      azurerm_virtual_network_gateway: { er: { name: 'ergw', type: 'ExpressRoute', sku: 'ErGw1AZ', ip_configuration: [{ subnet_id: '${azurerm_subnet.gw.id}' }] } },
      azurerm_express_route_circuit: { c: { name: 'erc', service_provider_name: 'Equinix' } },
      azurerm_virtual_network_gateway_connection: { conn: { count: '${var.er_circuit_provisioned ? 1 : 0}', type: 'ExpressRoute', virtual_network_gateway_id: '${azurerm_virtual_network_gateway.er.id}', express_route_circuit_id: '${azurerm_express_route_circuit.c.id}' } },
      azurerm_recovery_services_vault: { v: { name: 'rsv' } },
      azurerm_site_recovery_vmware_replicated_vm: { vm: { count: '${var.vmware_appliance_registered ? 1 : 0}', source_vm_name: 'web01', recovery_vault_id: '${azurerm_recovery_services_vault.v.id}' } },
    },
  };

  test('a resource with count = var.<gate> ? 1 : 0 carries its gate; a gated connection is a planned link named after its gate', () => {
    const topology = buildTopology('gated', gatedStack);
    expect(topology.nodes.find((n) => n.id === 'azurerm_site_recovery_vmware_replicated_vm.vm')!.gate).toBe('vmware_appliance_registered');
    expect(topology.nodes.find((n) => n.id === 'azurerm_recovery_services_vault.v')!.gate).toBeUndefined();
    expect(topology.edges).toContainEqual({ from: 'azurerm_virtual_network_gateway.er', to: 'azurerm_express_route_circuit.c', label: 'ExpressRoute (gate er_circuit_provisioned)', style: 'planned' });
  });

  test('Mermaid and DOT draw gated nodes dashed with the gate name', () => {
    const topology = buildTopology('gated', gatedStack);
    const mermaid = toMermaid(topology);
    expect(mermaid).toContain('<i>gate: vmware_appliance_registered</i>');
    expect(mermaid).toMatch(/classDef gated stroke-dasharray: 5 5\n  class n\d+ gated\n$/);
    expect(mermaid).toMatch(/<-\.->\|ExpressRoute \(gate er_circuit_provisioned\)\|/);
    const dot = toDot(topology);
    expect(dot).toMatch(/<i>gate: vmware_appliance_registered<\/i>>, style="rounded,filled,dashed"\]/);
    expect(dot).toMatch(/label="ExpressRoute \(gate er_circuit_provisioned\)", dir=both, style=dashed/);
  });
});
