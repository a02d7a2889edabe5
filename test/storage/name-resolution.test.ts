import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { HybridFileShareStack } from '../../examples/hybrid-file-share';
import { DnsPrivateResolver, FileSync, HubNetwork, HybridFileShare, PrivateDnsZoneCatalog, PrivateLinkZones } from '../../lib';
import { newStack } from '../util';

// Newcomer review N-F11: the runbook of the hybrid-file-share example described the stack's DNS
// Private Resolver (inbound 10.20.0.132) and then said "This stack deploys no DNS forwarder" in the
// file share and File Sync sections. The name resolution advice now follows what the app has.

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const principal = '0f5c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const ZONE_ID = '/subscriptions/x/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net';

const runbookOf = (stack: TerraformStack): string => (stack.node.findChild('HandoffRunbook') as any).render() as string;

/** The body of the runbook section titled `title` (up to the next `## `). */
function section(md: string, title: string): string {
  const start = md.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title} in:\n${md}`);
  const end = md.indexOf('\n## ', start + 3);
  return md.slice(start, end < 0 ? undefined : end);
}

function hubStack(id = 'test') {
  const stack = newStack(id);
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], subnets: { privatelink: { prefixLength: 26 } } });
  return { stack, hub };
}

describe('name resolution from on-premises (file share and File Sync runbooks)', () => {
  test('the hybrid-file-share example names its resolver (10.20.0.132) in the share and File Sync sections, and never denies it', () => {
    // GIVEN the example, whose hub has a DnsPrivateResolver and whose zones come from a catalog linked to the hub
    const md = runbookOf(new HybridFileShareStack(Testing.app(), 'hybrid-file-share'));
    // THEN the resolver's own section gives the address
    expect(section(md, 'On-premises DNS for hybrid-file-share/Dns')).toContain('answers at `10.20.0.132`');
    // and the share's section points at it, with the forwarder on-premises DNS needs
    const files = section(md, 'Azure file shares of hybrid-file-share/Files');
    expect(files).toContain('DNS Private Resolver `hybrid-file-share/Dns`');
    expect(files).toContain('inbound endpoint answers at `10.20.0.132`');
    expect(files).toContain('private DNS zone `privatelink.file.core.windows.net`');
    expect(files).toContain('Add-DnsServerConditionalForwarderZone -Name "file.core.windows.net" -MasterServers 10.20.0.132');
    // and so does File Sync's, for its zone and the share's (the same resolver answers both)
    const sync = section(md, 'Azure File Sync hybrid-file-share/FileSync');
    expect(sync).toContain('DNS Private Resolver `hybrid-file-share/Dns`');
    expect(sync).toContain('Add-DnsServerConditionalForwarderZone -Name "afs.azure.net" -MasterServers 10.20.0.132');
    expect(sync).toContain('Add-DnsServerConditionalForwarderZone -Name "file.core.windows.net" -MasterServers 10.20.0.132');
    expect(md).not.toMatch(/deploys no DNS forwarder/i);
  });

  test('without a resolver, the share and File Sync keep saying that this stack deploys none', () => {
    const { stack, hub } = hubStack();
    const files = new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, shares: { finance: {} } });
    new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal, syncGroups: { finance: { fileShare: files, shareName: 'finance' } } });
    const md = runbookOf(stack);
    expect(section(md, 'Azure file shares of test/Files')).toContain('**This stack deploys no DNS forwarder.**');
    expect(section(md, 'Azure File Sync test/Sync')).toContain('this stack deploys no DNS forwarder');
    expect(md).not.toContain('Add-DnsServerConditionalForwarderZone');
  });

  test('a resolver declared after the share, in the hub, is named (read at synth); the zone the share creates is linked to the hub', () => {
    const { stack, hub } = hubStack();
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    const resolver = new DnsPrivateResolver(stack, 'Dns', { hub, inboundSubnetPrefix: '10.0.1.0/28', outboundSubnetPrefix: '10.0.1.16/28' });
    const files = section(runbookOf(stack), 'Azure file shares of test/Files');
    expect(resolver.inboundEndpointIp).toBe('10.0.1.4');
    expect(files).toContain('DNS Private Resolver `test/Dns` (see its section "On-premises DNS for test/Dns" of this runbook), whose inbound endpoint answers at `10.0.1.4`');
    expect(files).toContain('-MasterServers 10.0.1.4 ');
    expect(files).not.toContain('This app does not link the zone');
  });

  test('a resolver in another network the zone is not linked to is not named, and the section does not claim the stack has none', () => {
    const { stack, hub } = hubStack();
    const other = new HubNetwork(stack, 'Other', { ...base, addressSpace: ['10.9.0.0/16'] });
    new DnsPrivateResolver(stack, 'Dns', { hub: other });
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    const files = section(runbookOf(stack), 'Azure file shares of test/Files');
    expect(files).toContain('**No DNS forwarder of this stack answers for this zone:** its DNS Private Resolver (`test/Dns`) is in a virtual network the zone is not linked to.');
    expect(files).not.toContain('10.9.');
    expect(files).not.toContain('This stack deploys no DNS forwarder');
  });

  test('a catalog that does not link the hub: its resolver does not answer for the zone, and is not named', () => {
    const { stack, hub } = hubStack();
    const spoke = new HubNetwork(stack, 'Spoke', { ...base, addressSpace: ['10.8.0.0/16'] });
    const zones = new PrivateDnsZoneCatalog(stack, 'Zones', { resourceGroupName: 'rg', virtualNetworkIds: { spoke: spoke.virtualNetworkId }, zoneNames: [PrivateLinkZones.FILE] });
    new DnsPrivateResolver(stack, 'Dns', { hub });
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, privateDnsZones: zones });
    const files = section(runbookOf(stack), 'Azure file shares of test/Files');
    expect(files).toContain('**No DNS forwarder of this stack answers for this zone:**');
    expect(files).not.toContain('Add-DnsServerConditionalForwarderZone');
  });

  test('a zone given by id: the hub\'s resolver is named, on the condition that the zone\'s owner links it to the hub', () => {
    const { stack, hub } = hubStack();
    new DnsPrivateResolver(stack, 'Dns', { hub, inboundSubnetPrefix: '10.0.1.0/28', outboundSubnetPrefix: '10.0.1.16/28' });
    new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, privateDnsZoneId: ZONE_ID });
    const files = section(runbookOf(stack), 'Azure file shares of test/Files');
    expect(files).toContain('inbound endpoint answers at `10.0.1.4`');
    expect(files).toContain("the resolver answers for it only once the zone's owner links it to the hub's virtual network");
  });

  test('the resolver of the hub\'s stack is named with that stack when the share is in another stack of the app', () => {
    const { stack: connectivity, hub } = hubStack('connectivity');
    new DnsPrivateResolver(connectivity, 'Dns', { hub, inboundSubnetPrefix: '10.0.1.0/28', outboundSubnetPrefix: '10.0.1.16/28' });
    const workloads = new TerraformStack(connectivity.node.scope!, 'workloads');
    new AzurermProvider(workloads, 'azurerm', { features: [{}] });
    const imported = HubNetwork.fromHubNetworkAttributes(workloads, 'Hub', {
      ...base, virtualNetworkId: hub.virtualNetworkId, virtualNetworkName: hub.virtualNetworkName, gatewaySubnetId: hub.gatewaySubnetId, addressSpace: ['10.0.0.0/16'],
    });
    new HybridFileShare(workloads, 'Files', { ...base, hub: imported, privateEndpointSubnetId: hub.subnetId('privatelink')! });
    const files = section(runbookOf(workloads), 'Azure file shares of workloads/Files');
    expect(files).toContain("DNS Private Resolver `connectivity/Dns` (of the stack `connectivity`: see that stack's runbook), whose inbound endpoint answers at `10.0.1.4`");
    expect(files).not.toContain('This stack deploys no DNS forwarder');
  });

  test('File Sync with a share whose zone no resolver of the app answers: forwards afs.azure.net only, and sends file.core.windows.net to the share\'s section', () => {
    const { stack, hub } = hubStack();
    new DnsPrivateResolver(stack, 'Dns', { hub, inboundSubnetPrefix: '10.0.1.0/28', outboundSubnetPrefix: '10.0.1.16/28' });
    const account = HybridFileShare.fromFileShareAccountAttributes(stack, 'Existing', {
      storageAccountId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stexisting',
      storageAccountName: 'stexisting',
      resourceGroupName: 'rg',
      location: 'westeurope',
      shareNames: ['finance'],
    });
    new FileSync(stack, 'Sync', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, storageSyncPrincipalId: principal, syncGroups: { finance: { fileShare: account, shareName: 'finance' } } });
    const sync = section(runbookOf(stack), 'Azure File Sync test/Sync');
    expect(sync).toContain('Add-DnsServerConditionalForwarderZone -Name "afs.azure.net" -MasterServers 10.0.1.4');
    expect(sync).not.toContain('-Name "file.core.windows.net"');
    expect(sync).toContain("one for `file.core.windows.net` to the resolver that answers for the share's zone");
  });
});
