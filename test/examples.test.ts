import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { SiteToSiteVpnStack } from '../examples/site-to-site-vpn';
import { onlyResource, resourcesOf } from './util';

const STACK = 'site-to-site-vpn';

/** Synthesizes the example in a fresh App and temp folder; returns its two files as text. */
function synthExample(): { cdkTfJson: string; runbook: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
  try {
    const app = new App({ outdir });
    new SiteToSiteVpnStack(app, STACK);
    app.synth();
    const folder = path.join(outdir, 'stacks', STACK);
    return {
      cdkTfJson: fs.readFileSync(path.join(folder, 'cdk.tf.json'), 'utf8'),
      runbook: fs.readFileSync(path.join(folder, 'runbook.md'), 'utf8'),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('example site-to-site-vpn', () => {
  const first = synthExample();
  const json = JSON.parse(first.cdkTfJson);

  test('synthesizes byte-identical cdk.tf.json and runbook.md twice', () => {
    const second = synthExample();
    expect(second.cdkTfJson).toBe(first.cdkTfJson);
    expect(second.runbook).toBe(first.runbook);
  });

  test('has the pattern: VpnGw2AZ active-active gateway with diagnostics and two sites', () => {
    expect(onlyResource(json, 'azurerm_virtual_network_gateway')).toMatchObject({ sku: 'VpnGw2AZ', active_active: true, enable_bgp: true });
    expect(resourcesOf(json, 'azurerm_public_ip')).toHaveLength(2);
    expect(onlyResource(json, 'azurerm_monitor_diagnostic_setting').enabled_log).toHaveLength(5);
    expect(resourcesOf(json, 'azurerm_local_network_gateway')).toHaveLength(2);
    const connections = resourcesOf(json, 'azurerm_virtual_network_gateway_connection');
    expect(connections).toHaveLength(2);
    for (const c of connections) expect(c.shared_key).toMatch(/^\$\{random_password\.[A-Za-z0-9_]+\.result\}$/);
    expect(onlyResource(json, 'azurerm_log_analytics_workspace').retention_in_days).toBe(90);
  });

  test('tags every taggable resource through HybridTags', () => {
    const tagged = ['azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_public_ip', 'azurerm_virtual_network_gateway', 'azurerm_local_network_gateway', 'azurerm_virtual_network_gateway_connection', 'azurerm_log_analytics_workspace'];
    for (const type of tagged) {
      for (const resource of resourcesOf(json, type)) expect({ type, tags: resource.tags }).toEqual({ type, tags: { workload: 'hybrid-connectivity', owner: 'platform-team' } });
    }
    for (const subnet of resourcesOf(json, 'azurerm_subnet')) expect(subnet.tags).toBeUndefined();
  });

  test('raises no warnings', () => {
    const app = Testing.app();
    const stack = new SiteToSiteVpnStack(app, STACK);
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn');
    expect(warnings).toEqual([]);
  });

  test('snapshot: the synthesized stack folder (cdk.tf.json and runbook.md)', () => {
    // cdktf's default local backend holds an absolute path under the working directory
    expect(json.terraform.backend.local.path).toBe(path.join(process.cwd(), `terraform.${STACK}.tfstate`));
    const portable = JSON.parse(first.cdkTfJson.split(JSON.stringify(process.cwd()).slice(1, -1)).join('<cwd>'));
    expect({ 'cdk.tf.json': portable, 'runbook.md': first.runbook }).toMatchSnapshot();
  });
});
