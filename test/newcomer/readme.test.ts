import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack, Testing } from 'cdktf';
import { AzureProvider, HubNetwork, HybridChecks, HybridTags, LogAnalyticsWorkspace, SpokePeering, VpnDevice, VpnGateway } from '../../lib';
import { resourcesOf } from '../util';

// The README's code, as written there: it must synthesize (issue 17: the README is the first page).

function usage(app: App): TerraformStack {
  // README "Usage"
  const stack = new TerraformStack(app, 'connectivity');
  new AzureProvider(stack, 'azurerm');
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-hub', location: 'westeurope' });

  const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.10.0.0/16'] });
  const vpn = new VpnGateway(stack, 'Vpn', { hub, logAnalyticsWorkspace: workspace });
  vpn.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
  vpn.addSite('Lyon', { device: VpnDevice.address('198.51.100.20'), bgpAsn: 65010, bgpPeeringAddress: '192.168.20.1' });

  HybridTags.addTo(app, { owner: 'platform-team', costCenter: '4242' });
  HybridChecks.addTo(app);
  return stack;
}

function twoStacks(app: App): [TerraformStack, TerraformStack] {
  // README "Two stacks: connectivity and workloads"
  const connectivity = new TerraformStack(app, 'connectivity');
  new AzureProvider(connectivity, 'azurerm');
  const hub = new HubNetwork(connectivity, 'Hub', { resourceGroupName: 'rg-connectivity', location: 'westeurope', addressSpace: ['10.10.0.0/22'] });
  new VpnGateway(connectivity, 'Vpn', { hub }).addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });

  const workloads = new TerraformStack(app, 'workloads');
  new AzureProvider(workloads, 'azurerm');
  new SpokePeering(workloads, 'Apps', { hub, resourceGroupName: 'rg-apps', addressSpace: ['10.20.0.0/24'] });

  HybridChecks.addTo(app);
  return [connectivity, workloads];
}

describe('README code', () => {
  test('Usage synthesizes, tags every stack and passes the checks', () => {
    const app = Testing.app();
    const stack = usage(app);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(resourcesOf(json, 'azurerm_virtual_network_gateway')).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_virtual_network')[0].tags).toEqual({ owner: 'platform-team', costCenter: '4242' });
  });

  test('Two stacks: the spoke in the workloads stack uses the gateway of the connectivity stack', () => {
    const app = Testing.app();
    const [connectivity, workloads] = twoStacks(app);
    Testing.synth(connectivity, true);
    const json = JSON.parse(Testing.synth(workloads, true));
    const peerings = resourcesOf(json, 'azurerm_virtual_network_peering');
    expect(peerings.some((p) => p.use_remote_gateways === true)).toBe(true);
  });
});
