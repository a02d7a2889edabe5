import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { MultiRegionStack } from '../../examples/multi-region';
import { resourcesOf } from '../util';

describe('example multi-region', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-region-'));
  const app = new App({ outdir });
  new MultiRegionStack(app, 'multi-region');
  let error: unknown;
  try {
    app.synth();
  } catch (e) {
    error = e;
  }
  const read = (stack: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('synthesizes both regions without errors', () => {
    expect(error).toBeUndefined();
    const errors = app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/error').map((m) => String(m.data)));
    expect(errors).toEqual([]);
  });

  test('West Europe: point-to-site with Entra ID on an active-active gateway (3 ip configurations), mesh peerings to the North Europe hub through remote state, firewall routes', () => {
    const weu = read('multi-region');
    const gateway = resourcesOf(weu, 'azurerm_virtual_network_gateway')[0];
    expect(gateway.ip_configuration).toHaveLength(3);
    expect(gateway.vpn_client_configuration).toMatchObject({ vpn_client_protocols: ['OpenVPN'], aad_audience: 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8' });
    const meshPeerings = Object.entries(weu.resource.azurerm_virtual_network_peering).filter(([k]) => k.startsWith('Mesh_')).map(([, v]) => v as any);
    expect(meshPeerings).toHaveLength(2);
    expect(JSON.stringify(meshPeerings)).toMatch(/terraform_remote_state/);
    const routes = resourcesOf(weu, 'azurerm_route_table').flatMap((t) => t.route);
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ address_prefix: '10.2.0.0/16', next_hop_type: 'VirtualAppliance' })]));
  });

  test('North Europe: its own hub carved from 10.2.0.0/16, a gateway without point-to-site', () => {
    const neu = read('multi-region-neu');
    expect(resourcesOf(neu, 'azurerm_virtual_network').map((v) => v.address_space)).toEqual(expect.arrayContaining([['10.2.0.0/22'], ['10.2.4.0/24']]));
    expect(resourcesOf(neu, 'azurerm_virtual_network_gateway')[0].vpn_client_configuration).toBeUndefined();
  });
});
