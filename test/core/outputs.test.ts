import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ExpressRouteCircuit, HubNetwork, Runbook, VpnDevice, VpnGateway } from '../../lib';
import { outputName } from '../../lib/core/outputs';
import { newStack, synthJson } from '../util';

/** GIVEN: an App writing into a fresh temporary folder. */
function tmpApp(): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'runbook-'));
  return { app: new App({ outdir }), outdir };
}

/** A stack with a hub, a default gateway, a static site and a BGP site. */
function vpnStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  const gateway = new VpnGateway(stack, 'Vpn', { hub });
  gateway.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
  gateway.addSite('Lyon', { device: VpnDevice.address('198.51.100.20'), bgpAsn: 65010, bgpPeeringAddress: '192.168.20.1' });
  return stack;
}

describe('Runbook', () => {
  let outdirs: string[] = [];
  afterEach(() => {
    for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
    outdirs = [];
  });

  test('is written as runbook.md beside cdk.tf.json', () => {
    // GIVEN
    const { app, outdir } = tmpApp();
    outdirs.push(outdir);
    vpnStack(app, 'vpn');
    // WHEN
    app.synth();
    // THEN
    const folder = path.join(outdir, 'stacks', 'vpn');
    expect(fs.existsSync(path.join(folder, 'cdk.tf.json'))).toBe(true);
    const runbook = fs.readFileSync(path.join(folder, Runbook.FILE_NAME), 'utf8');
    expect(runbook.startsWith('# Hand-off runbook: vpn\n')).toBe(true);
    expect(runbook).toContain('cd cdktf.out/stacks/vpn');
  });

  test('names every output of the stack and the IPsec parameters', () => {
    // GIVEN
    const { app, outdir } = tmpApp();
    outdirs.push(outdir);
    vpnStack(app, 'vpn');
    // WHEN
    app.synth();
    // THEN
    const folder = path.join(outdir, 'stacks', 'vpn');
    const json = JSON.parse(fs.readFileSync(path.join(folder, 'cdk.tf.json'), 'utf8'));
    const runbook = fs.readFileSync(path.join(folder, 'runbook.md'), 'utf8');
    const outputs = Object.keys(json.output).sort();
    expect(outputs).toEqual(['vpn_bgp_peering_addresses', 'vpn_lyon_shared_key', 'vpn_paris_shared_key', 'vpn_public_ips']);
    expect(json.output.vpn_paris_shared_key.sensitive).toBe(true);
    expect(json.output.vpn_lyon_shared_key.sensitive).toBe(true);
    expect(json.output.vpn_public_ips.sensitive).toBe(false);
    for (const name of outputs) {
      expect(runbook).toContain(`| \`${name}\` | ${json.output[name].sensitive ? 'yes' : 'no'} |`);
    }
    // where the device team reads each value
    expect(runbook).toContain('terraform output -json vpn_public_ips');
    expect(runbook).toContain('terraform output -json vpn_bgp_peering_addresses');
    expect(runbook).toContain('terraform output -raw vpn_paris_shared_key');
    expect(runbook).toContain('terraform output -raw vpn_lyon_shared_key');
    // the IPsec/IKE parameters the device must match
    for (const row of [
      '| IKE (phase 1) | encryption | AES256 |',
      '| IKE (phase 1) | integrity / PRF | SHA384 |',
      '| IKE (phase 1) | DH group | ECP384 |',
      '| IKE (phase 1) | SA lifetime | 28800 s (fixed by Azure) |',
      '| IPsec (phase 2) | encryption | GCMAES256 |',
      '| IPsec (phase 2) | integrity | GCMAES256 |',
      '| IPsec (phase 2) | PFS group | ECP384 |',
      '| IPsec (phase 2) | SA lifetime | 27000 s / 102400000 KB |',
    ]) {
      expect(runbook).toContain(row);
    }
    expect(runbook).toContain('IKE version: **IKEv2**');
    expect(runbook).toContain('on-premises ASN **65010**, peer address `192.168.20.1`; Azure ASN **65515**');
    expect(runbook).toContain('## VPN gateway vpn/Vpn');
    expect(runbook).toContain('## Site Paris (vpn/Vpn/Paris)');
    expect(runbook).toContain('## Site Lyon (vpn/Vpn/Lyon)');
    expect(runbook).toContain('- Sites: Paris, Lyon (one section each below).');
    // no secret and no unresolved token in the hand-off
    expect(runbook).not.toMatch(/\$\{TfToken|TOKEN\./);
    expect(runbook).not.toContain('random_password');
  });

  test('is one per stack, and sections keep their order', () => {
    const stack = newStack();
    expect(Runbook.of(stack)).toBe(Runbook.of(new Construct(stack, 'Child')));
    Runbook.of(stack).addSection({ title: 'First', renderMarkdown: () => 'one' });
    Runbook.of(stack).addSection({ title: 'Second', renderMarkdown: () => '  two  \n' });
    const markdown = Runbook.of(stack).render();
    expect(markdown.indexOf('## First\n\none\n')).toBeGreaterThan(0);
    expect(markdown.indexOf('## Second\n\ntwo\n')).toBeGreaterThan(markdown.indexOf('## First'));
    expect(markdown).not.toContain('## Outputs');
  });

  test('addOutput names the output after the owner path and escapes pipes in the table', () => {
    // GIVEN
    const stack = newStack();
    const owner = new Construct(new Construct(stack, 'HubNetwork'), 'VpnGateway2');
    // WHEN
    const name = Runbook.of(stack).addOutput(owner, 'PublicIps', { value: 'x', description: 'a | b' });
    // THEN
    expect(name).toBe('hub_network_vpn_gateway2_public_ips');
    expect(synthJson(stack).output[name]).toEqual({ value: 'x', description: 'a | b', sensitive: false });
    expect(Runbook.of(stack).render()).toContain('| `hub_network_vpn_gateway2_public_ips` | no | a \\| b |');
  });

  test('fails when an output name is used twice', () => {
    const stack = newStack();
    const owner = new Construct(stack, 'Gw');
    Runbook.of(stack).addOutput(owner, 'Key', { value: 'x', description: 'd' });
    expect(() => Runbook.of(stack).addOutput(owner, 'Key', { value: 'y', description: 'd' })).toThrow(/Hand-off output 'gw_key' is defined twice/);
  });

  test('outputName is snake_case of the path inside the stack', () => {
    const stack = new TerraformStack(Testing.app(), 'my-stack');
    expect(outputName(new Construct(new Construct(stack, 'Site-A'), 'BGPPeer'), 'SharedKey')).toBe('site_a_bgppeer_shared_key');
  });

  test('names that snake_case to one output name get a stable hash suffix instead of failing', () => {
    // GIVEN two owners whose paths differ only in characters snake_case drops
    const build = () => {
      const stack = newStack();
      const a = Runbook.of(stack).addOutput(new Construct(stack, 'x-y'), 'Value', { value: 'a', description: 'a' });
      const b = Runbook.of(stack).addOutput(new Construct(stack, 'x.y'), 'Value', { value: 'b', description: 'b' });
      const c = Runbook.of(stack).addOutput(new Construct(stack, 'x_y'), 'Value', { value: 'c', description: 'c' });
      return { stack, names: [a, b, c] };
    };
    const { stack, names } = build();
    // THEN the first keeps the plain name, the others get distinct 8-hex suffixes
    expect(names[0]).toBe('x_y_value');
    expect(names[1]).toMatch(/^x_y_value_[0-9a-f]{8}$/);
    expect(names[2]).toMatch(/^x_y_value_[0-9a-f]{8}$/);
    expect(new Set(names).size).toBe(3);
    // the same in every build (a hash of the owner's path and id, not a counter)
    expect(build().names).toEqual(names);
    // and the suffix belongs to the output, not to the order: x.y gets the same name when alone with x_y
    const other = newStack();
    Runbook.of(other).addOutput(new Construct(other, 'x_y'), 'Value', { value: 'c', description: 'c' });
    expect(Runbook.of(other).addOutput(new Construct(other, 'x.y'), 'Value', { value: 'b', description: 'b' })).toBe(names[1]);
    const json = synthJson(stack);
    expect(Object.keys(json.output).filter((n) => n.startsWith('x_y_value')).sort()).toEqual([...names].sort());
    expect(Runbook.of(stack).render()).toContain(`\`${names[1]}\``);
  });

  test('ExpressRouteCircuit authorizations x-y and x.y get two outputs', () => {
    const stack = newStack();
    new ExpressRouteCircuit(stack, 'Circuit', { resourceGroupName: 'rg', location: 'westeurope', serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000, authorizations: ['x-y', 'x.y'] });
    const outputs = Object.keys(synthJson(stack).output).filter((n) => n.startsWith('circuit_authorizationx_y_key'));
    expect(outputs).toHaveLength(2);
  });
});
