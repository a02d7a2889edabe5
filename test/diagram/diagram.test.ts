import * as os from 'os';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { EXAMPLES } from '../../examples/all';
import { toDot, toMermaid } from '../../lib/diagram/render';
import { AZURE_ARC, buildTopology, CATALOGUE_ZONES, ON_PREMISES_DNS, ON_PREMISES_EDGE, readable, Topology, TopologyNode } from '../../lib/diagram/topology';

const root = path.join(__dirname, '..', '..');

const synthesized = new Map<string, string>();

function exampleJson(id: string): any {
  // A real synth (as `npm run examples` does): an example made of several stacks gets its
  // cross-stack references resolved, which Testing.synth of one stack does not do. Once per
  // example and test file; every caller gets its own parsed copy.
  if (!synthesized.has(id)) {
    const Stack = EXAMPLES.find(([name]) => name === id)![1];
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'diagram-'));
    try {
      const app = new App({ outdir });
      new Stack(app, id);
      app.synth();
      synthesized.set(id, fs.readFileSync(path.join(outdir, 'stacks', id, 'cdk.tf.json'), 'utf8'));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
  return JSON.parse(synthesized.get(id)!);
}

/** The examples whose SVG the tests read. */
const SVG_EXAMPLES = ['site-to-site-vpn', 'virtual-wan'];
let svgs: Record<string, string> | undefined;

/**
 * The SVG Graphviz WebAssembly renders for an example, in a child process (the package is ESM,
 * which does not load under jest): one child renders every example of SVG_EXAMPLES, loading the
 * TypeScript sources with the jest transform's swc (test/swc-register.js).
 */
function svgOf(id: string): string {
  svgs ??= JSON.parse(execFileSync(process.execPath, ['-r', path.join(root, 'test', 'swc-register.js'), '-e', [
    "const { Testing } = require('cdktf');",
    "const { EXAMPLES } = require('./examples/all');",
    "const { buildTopology } = require('./lib/diagram/topology');",
    "const { toSvg } = require('./lib/diagram/render');",
    '(async () => {',
    '  const svgs = {};',
    `  for (const id of ${JSON.stringify(SVG_EXAMPLES)}) {`,
    '    const Stack = EXAMPLES.find(([n]) => n === id)[1];',
    '    svgs[id] = await toSvg(buildTopology(id, JSON.parse(Testing.synth(new Stack(Testing.app(), id)))));',
    '  }',
    '  process.stdout.write(JSON.stringify(svgs));',
    '})();',
  ].join('\n')], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString());
  return svgs![id];
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
    const svg = svgOf('site-to-site-vpn');
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

/** The node of `kind` whose details include `name` (the first of that kind without a name). */
function nodeOf(topology: Topology, kind: string, name?: string): TopologyNode {
  const node = topology.nodes.find((n) => n.kind === kind && (name === undefined || n.detail.includes(name)));
  if (!node) throw new Error(`no ${kind} ${name ?? ''} in ${topology.nodes.map((n) => `${n.kind}: ${n.detail[0]}`).join('; ')}`);
  return node;
}

/** The steps of a path that are not joined: by an edge (either way) or by one sitting in the other. */
function brokenSteps(topology: Topology, path: TopologyNode[]): string[] {
  const joined = (a: TopologyNode, b: TopologyNode) =>
    a.vnet === b.id || b.vnet === a.id || topology.edges.some((e) => (e.from === a.id && e.to === b.id) || (e.from === b.id && e.to === a.id));
  return path.slice(1).map((b, i) => [path[i], b]).filter(([a, b]) => !joined(a, b)).map(([a, b]) => `${a.id} -> ${b.id}`);
}

describe('secure hub, Virtual WAN and Azure Local', () => {
  test('secure hub: firewall and Bastion in the hub, gateway and spoke routed via the firewall, the catalogue zones folded', () => {
    const topology = buildTopology('secure-hub', exampleJson('secure-hub'));
    const hub = nodeOf(topology, 'Virtual network', 'vnet-hub');
    const spoke = nodeOf(topology, 'Virtual network', 'vnet-hub-app');
    const firewall = nodeOf(topology, 'Azure Firewall');
    expect(firewall).toMatchObject({ vnet: hub.id, zone: 'azure' });
    expect(firewall.detail).toEqual(expect.arrayContaining(['Standard', 'zones 1, 2, 3']));
    expect(nodeOf(topology, 'Azure Bastion').vnet).toBe(hub.id);
    expect(topology.edges).toEqual(expect.arrayContaining([
      expect.objectContaining({ from: nodeOf(topology, 'VPN gateway').id, to: firewall.id, label: expect.stringMatching(/^via firewall: 10\.31\.0\.0\/24$/), style: 'link' }),
      expect.objectContaining({ from: spoke.id, to: firewall.id, label: 'via firewall: 0.0.0.0/0, 192.168.10.0/24', style: 'link' }),
    ]));
    // fourteen zones no endpoint uses are one node, linked to both networks once each
    expect(topology.nodes.filter((n) => n.kind === 'Private DNS zone')).toHaveLength(1);
    expect(nodeOf(topology, 'Private DNS zones').detail[0]).toBe('14 zones, no private endpoint yet');
    expect(topology.edges.filter((e) => e.from === CATALOGUE_ZONES && e.label === 'DNS link').map((e) => e.to).sort()).toEqual([hub.id, spoke.id].sort());
  });

  test('secure hub: the DNS path from on premises to the private endpoint exists (DNS servers, inbound endpoint, linked zone, zone group)', () => {
    const topology = buildTopology('secure-hub', exampleJson('secure-hub'));
    const dns = topology.nodes.find((n) => n.id === ON_PREMISES_DNS)!;
    expect(dns).toMatchObject({ kind: 'On-premises DNS servers', zone: 'on-premises', detail: ['192.168.10.4', '192.168.10.5'] });
    const resolver = nodeOf(topology, 'DNS Private Resolver');
    expect(resolver.vnet).toBe(nodeOf(topology, 'Virtual network', 'vnet-hub').id);
    expect(resolver.detail).toContain('inbound 10.30.0.68');
    const zone = nodeOf(topology, 'Private DNS zone', 'privatelink.file.core.windows.net');
    const endpoint = nodeOf(topology, 'Private endpoint');
    expect(topology.edges).toEqual(expect.arrayContaining([
      { from: dns.id, to: resolver.id, label: 'conditional forwarding to 10.30.0.68', style: 'ref' },
      { from: resolver.id, to: zone.id, label: 'resolves (zone linked)', style: 'ref' },
      { from: zone.id, to: endpoint.id, label: 'A record (zone group)', style: 'ref' },
      // and the other way: the resolver forwards the on-premises domain through its outbound endpoint
      { from: resolver.id, to: dns.id, label: 'forwards corp.contoso.com.', style: 'ref' },
    ]));
  });

  test('Virtual WAN: branch -> hub -> other hub -> spoke, circuit and remote users on their hubs, the secured hub routes to its firewall', () => {
    const topology = buildTopology('virtual-wan', exampleJson('virtual-wan'));
    const west = nodeOf(topology, 'Virtual hub', 'vhub-wan-west');
    const north = nodeOf(topology, 'Virtual hub', 'vhub-wan-north');
    const paris = nodeOf(topology, 'On-premises branch (VPN site)', 'vst-wan-paris');
    const gateway = nodeOf(topology, 'Hub VPN gateway');
    const northSpoke = topology.nodes.find((n) => n.id === 'var.north_spoke_id')!;
    expect(paris.zone).toBe('on-premises');
    expect(paris.detail).toContain('link isp1: 203.0.113.10 500 Mbps BGP ASN 65010');
    expect(gateway.vnet).toBe(west.id);
    expect(northSpoke).toMatchObject({ kind: 'Virtual network', zone: 'azure' });
    expect(brokenSteps(topology, [paris, gateway, west, north, northSpoke])).toEqual([]);
    expect(topology.edges).toContainEqual({ from: north.id, to: west.id, label: 'hub-to-hub', style: 'link' });
    expect(topology.edges).toContainEqual({ from: paris.id, to: gateway.id, label: 'IPsec, 2 links + BGP', style: 'link' });
    // the Lyon branch connection waits behind its gate: a planned link
    const lyon = nodeOf(topology, 'On-premises branch (VPN site)', 'vst-wan-lyon');
    expect(topology.edges).toContainEqual(expect.objectContaining({ from: lyon.id, to: gateway.id, style: 'planned', label: expect.stringMatching(/\(gate [a-z0-9_]+\)$/) }));
    const er = nodeOf(topology, 'Hub ExpressRoute gateway');
    expect(er.vnet).toBe(north.id);
    expect(topology.edges).toContainEqual({ from: er.id, to: 'var.circuit_id', label: 'ExpressRoute', style: 'link' });
    expect(nodeOf(topology, 'ExpressRoute circuit').zone).toBe('provider');
    const p2s = nodeOf(topology, 'Point-to-site gateway (User VPN)');
    const users = nodeOf(topology, 'Remote users (VPN client)');
    expect(brokenSteps(topology, [users, p2s, west])).toEqual([]);
    const firewall = nodeOf(topology, 'Azure Firewall');
    expect(firewall.vnet).toBe(west.id);
    const intent = nodeOf(topology, 'Routing intent');
    expect(intent.vnet).toBe(west.id);
    expect(topology.edges).toContainEqual({ from: intent.id, to: firewall.id, label: 'next hop for PrivateTraffic, Internet', style: 'ref' });
    for (const hub of [west, north]) expect(topology.edges).toContainEqual({ from: hub.id, to: nodeOf(topology, 'Virtual WAN').id, label: 'hub', style: 'ref' });
  });

  test('a Basic Virtual WAN does not mesh its hubs; a spoke given by literal id is named after it', () => {
    const hub = (prefix: string) => ({ virtual_wan_id: '${azurerm_virtual_wan.w.id}', address_prefix: prefix });
    const spokeId = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app';
    const stack = (type: string) => ({
      resource: {
        azurerm_virtual_wan: { w: { name: 'vwan', type } },
        azurerm_virtual_hub: { a: hub('10.100.0.0/23'), b: hub('10.100.2.0/23') },
        azurerm_virtual_hub_connection: { c: { virtual_hub_id: '${azurerm_virtual_hub.a.id}', remote_virtual_network_id: spokeId } },
      },
    });
    expect(buildTopology('basic', stack('Basic')).edges.some((e) => e.label === 'hub-to-hub')).toBe(false);
    const standard = buildTopology('standard', stack('Standard'));
    expect(standard.edges.filter((e) => e.label === 'hub-to-hub')).toHaveLength(1);
    expect(standard.edges).toContainEqual({ from: 'azurerm_virtual_hub.a', to: 'external.vnet-app', label: 'hub connection', style: 'link' });
  });

  test('Azure Local: the instance on premises holds its machines and logical networks (gated, dashed), and it and the bridge reach Azure Arc', () => {
    const topology = buildTopology('azure-local', exampleJson('azure-local'));
    const instance = nodeOf(topology, 'Azure Local instance');
    expect(instance).toMatchObject({ zone: 'on-premises', detail: ['azl-paris-01', '2 machines', 'switchless storage'] });
    const inside = topology.nodes.filter((n) => n.vnet === instance.id);
    expect(inside.map((n) => `${n.kind}: ${n.detail.join(', ')}`).sort()).toEqual([
      'Azure Local machine: AZL-PAR-N1, 192.168.1.11',
      'Azure Local machine: AZL-PAR-N2, 192.168.1.12',
      'Logical network: vms, 192.168.20.0/24, VLAN 20, Static',
    ]);
    expect(nodeOf(topology, 'Logical network').gate).toBe('azure_local_deployed');
    const bridge = nodeOf(topology, 'Arc resource bridge');
    expect(bridge.zone).toBe('on-premises');
    expect(topology.nodes.find((n) => n.id === AZURE_ARC)!.zone).toBe('azure');
    expect(topology.edges).toEqual(expect.arrayContaining([
      { from: instance.id, to: AZURE_ARC, label: 'Arc, outbound HTTPS 443', style: 'link' },
      { from: bridge.id, to: AZURE_ARC, label: 'resource bridge, outbound HTTPS 443', style: 'link' },
    ]));
    expect(toMermaid(topology)).toMatch(/subgraph n\d+\["Azure Local instance azl-paris-01 · 2 machines · switchless storage"\]/);
  });

  test('an SCVMM bridge manages its VMM server (gated: a planned link)', () => {
    const topology = buildTopology('vmm', {
      resource: {
        azurerm_arc_resource_bridge_appliance: { b: { name: 'arb-vmm', infrastructure_provider: 'SCVMM', distro: 'AKSEdge' } },
        azurerm_system_center_virtual_machine_manager_server: { v: { name: 'vmm', fqdn: 'vmm.corp.contoso.com', port: 8100, count: '${var.bridge_running ? 1 : 0}' } },
      },
    });
    expect(topology.nodes.find((n) => n.kind === 'VMM server')).toMatchObject({ zone: 'on-premises', detail: ['vmm', 'vmm.corp.contoso.com:8100'], gate: 'bridge_running' });
    expect(topology.edges).toContainEqual({ from: 'azurerm_arc_resource_bridge_appliance.b', to: 'azurerm_system_center_virtual_machine_manager_server.v', label: 'VMM, port 8100 (gate bridge_running)', style: 'planned' });
  });

  test('the Virtual WAN SVG names the new node kinds', () => {
    const svg = svgOf('virtual-wan');
    expect(svg).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    // Graphviz escapes '-' as &#45; in text.
    for (const text of ['Virtual WAN', 'Virtual hub vhub&#45;wan&#45;west', 'Hub VPN gateway', 'On&#45;premises branch (VPN site)', 'Point&#45;to&#45;site gateway (User VPN)', 'Remote users (VPN client)', 'Routing intent', 'Azure Firewall', 'hub&#45;to&#45;hub', 'Connectivity provider']) {
      expect(svg).toContain(text);
    }
  });
});

// Newcomer review N-F13: edge labels printed raw Terraform (`backup ${azurerm_storage_share.Files_Sharefinance_7C1701C5.name}`)
// and the backup and cloud endpoint edges pointed at the storage account instead of the share.
describe('readable edge labels', () => {
  test('hybrid-file-share: backup and cloud endpoint go to the share node and name the share', () => {
    const topology = buildTopology('hybrid-file-share', exampleJson('hybrid-file-share'));
    const share = nodeOf(topology, 'File share', 'finance');
    expect(topology.edges).toEqual(expect.arrayContaining([
      { from: nodeOf(topology, 'Recovery Services vault').id, to: share.id, label: 'backup finance', style: 'ref' },
      { from: nodeOf(topology, 'Sync group').id, to: share.id, label: 'cloud endpoint finance', style: 'ref' },
    ]));
    expect(topology.edges.filter((e) => e.to === nodeOf(topology, 'Storage account').id && /backup|cloud endpoint/.test(e.label))).toEqual([]);
  });

  test.each(EXAMPLES.map(([id]) => id))('%s: no edge label prints a Terraform expression', (id) => {
    const topology = buildTopology(id, exampleJson(id));
    expect(topology.edges.filter((e) => e.label.includes('${')).map((e) => e.label)).toEqual([]);
  });

  test('every label builder shows expressions readably: literal values behind references, var/local names, other stacks, else (computed)', () => {
    const topology = buildTopology('raw', {
      variable: { vlan: { type: 'number' } },
      data: { azurerm_storage_account: { existing: { name: 'stexisting' } } },
      resource: {
        azurerm_virtual_network: { hub: { name: 'vnet-hub', address_space: ['10.0.0.0/16'] }, spoke: { name: 'vnet-spoke', address_space: ['10.1.0.0/16'] } },
        azurerm_subnet: {
          gw: { name: 'GatewaySubnet', virtual_network_name: '${azurerm_virtual_network.hub.name}' },
          app: { name: 'app', virtual_network_name: '${azurerm_virtual_network.spoke.name}' },
        },
        azurerm_virtual_network_gateway: { vpn: { name: 'vpngw', type: 'Vpn', ip_configuration: [{ subnet_id: '${azurerm_subnet.gw.id}' }] } },
        azurerm_local_network_gateway: { site: { name: 'lgw-paris', gateway_address: '203.0.113.10' } },
        azurerm_virtual_network_gateway_connection: {
          c: { type: 'IPsec', connection_protocol: '${var.ike}', virtual_network_gateway_id: '${azurerm_virtual_network_gateway.vpn.id}', local_network_gateway_id: '${azurerm_local_network_gateway.site.id}' },
        },
        azurerm_express_route_circuit: { erc: { name: 'erc' } },
        azurerm_express_route_circuit_peering: { p: { peering_type: 'AzurePrivatePeering', express_route_circuit_name: '${azurerm_express_route_circuit.erc.name}', vlan_id: '${var.vlan}', peer_asn: '${data.terraform_remote_state.cross-stack-reference-input-edge.outputs.cross-stack-output-asn}' } },
        azurerm_firewall: { fw: { name: 'afw', ip_configuration: [{ subnet_id: '${azurerm_subnet.gw.id}', private_ip_address: '10.0.0.4' }] } },
        azurerm_route_table: { rt: { name: 'rt', route: [{ address_prefix: '${local.onprem}', next_hop_in_ip_address: '${azurerm_firewall.fw.ip_configuration[0].private_ip_address}' }] } },
        azurerm_subnet_route_table_association: { a: { subnet_id: '${azurerm_subnet.app.id}', route_table_id: '${azurerm_route_table.rt.id}' } },
        azurerm_traffic_manager_profile: { tm: { name: 'tm' } },
        azurerm_traffic_manager_external_endpoint: { onprem: { profile_id: '${azurerm_traffic_manager_profile.tm.id}', target: 'app.contoso.com', priority: '${lookup(var.priorities, "onprem", 1)}' } },
        azurerm_recovery_services_vault: { v: { name: 'rsv' } },
        azurerm_storage_account: { st: { name: 'stfiles' } },
        azurerm_storage_share: { s: { name: 'finance', storage_account_id: '${azurerm_storage_account.st.id}' } },
        azurerm_backup_protected_file_share: {
          // a literal share name of an account of the configuration: the share node
          literal: { recovery_vault_name: '${azurerm_recovery_services_vault.v.name}', source_storage_account_id: '${azurerm_storage_account.st.id}', source_file_share_name: 'finance' },
          // a share of an account outside it: the share's readable name, on no node
          external: { recovery_vault_name: '${azurerm_recovery_services_vault.v.name}', source_storage_account_id: '${data.azurerm_storage_account.existing.id}', source_file_share_name: '${var.share}' },
        },
      },
    });
    const labels = topology.edges.map((e) => e.label);
    expect(labels.filter((l) => l.includes('${'))).toEqual([]);
    expect(topology.edges).toEqual(expect.arrayContaining([
      { from: 'azurerm_virtual_network_gateway.vpn', to: 'azurerm_local_network_gateway.site', label: 'IPsec var.ike', style: 'link' },
      { from: ON_PREMISES_EDGE, to: 'azurerm_express_route_circuit.erc', label: 'private peering, VLAN var.vlan, ASN from stack edge', style: 'link' },
      { from: 'azurerm_virtual_network.spoke', to: 'azurerm_firewall.fw', label: 'via firewall: local.onprem', style: 'link' },
      { from: 'azurerm_traffic_manager_profile.tm', to: 'azurerm_traffic_manager_external_endpoint.onprem', label: 'priority (computed)', style: 'link' },
      { from: 'azurerm_recovery_services_vault.v', to: 'azurerm_storage_share.s', label: 'backup finance', style: 'ref' },
    ]));
  });

  test('a reference names the value behind it, else the resource it points to', () => {
    const config = {
      data: { azurerm_storage_account: { existing: { name: 'stexisting' } } },
      resource: {
        azurerm_storage_share: { Files_Sharefinance_7C1701C5: { name: 'finance' }, Other_Share_0A1B2C3D: { name: '${var.share}' } },
        azurerm_storage_account: { Files_Resource_1234ABCD: { name: '${var.account}' } },
        azurerm_firewall: { Fw_0A0A0A0A: { name: 'afw', ip_configuration: [{ private_ip_address: '10.0.0.4' }] } },
      },
    };
    const byAddress = new Map(Object.entries(config.resource).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`${type}.${name}`, { body }] as const)));
    const show = (value: unknown) => readable(config, byAddress, value);
    expect(show('backup ${azurerm_storage_share.Files_Sharefinance_7C1701C5.name}')).toBe('backup finance');
    expect(show('${azurerm_storage_share.Other_Share_0A1B2C3D.name}')).toBe('var.share');
    expect(show('${azurerm_storage_share.Files_Sharefinance_7C1701C5.id}')).toBe('finance');
    expect(show('${azurerm_storage_account.Files_Resource_1234ABCD.primary_location}')).toBe('primary_location of Files_Resource');
    expect(show('${data.azurerm_storage_account.existing.id}')).toBe('stexisting');
    expect(show('${azurerm_storage_share.Missing_9F9F9F9F.name}')).toBe('Missing');
    expect(show('${azurerm_firewall.Fw_0A0A0A0A.ip_configuration[0].private_ip_address}')).toBe('10.0.0.4');
    expect(show('${azurerm_firewall.Fw_0A0A0A0A.ip_configuration[0].public_ip_address_id}')).toBe('public_ip_address_id of afw');
    expect(show('${join(",", [for s in var.x : "${s}"])} and ${var.y}')).toBe('(computed) and var.y');
    expect(show('port ${var.port}')).toBe('port var.port');
    expect(show('no expression')).toBe('no expression');
    expect(show(8100)).toBe('8100');
  });
});
