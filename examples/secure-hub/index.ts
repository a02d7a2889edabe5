import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AzureProvider,
  DdosProtectionPlan,
  DnsPrivateResolver,
  FirewallTier,
  HubBastion,
  HubFirewall,
  HubNetwork,
  HubRouting,
  HybridTags,
  LogAnalyticsWorkspace,
  PrivateDnsZoneCatalog,
  PrivateLinkZones,
  SpokePeering,
  VpnDevice,
  VpnGateway,
} from '../../lib';
import { PrivateLink, PrivateLinkParts } from '../../lib/core/private-endpoint';

/**
 * A secure hub: Azure Firewall (Standard) with DNS proxy, a DNS Private Resolver with the
 * on-premises domain forwarded and the private-link zones answered at its inbound endpoint, Azure
 * Bastion, a DDoS Network Protection plan, a VPN site, and a spoke whose subnet reaches
 * on-premises (and the internet) only through the firewall. A private endpoint in the spoke
 * registers in the hub's zone catalog.
 */
export class SecureHubStack extends TerraformStack {
  public readonly hub: HubNetwork;
  public readonly firewall: HubFirewall;
  public readonly resolver: DnsPrivateResolver;
  public readonly zones: PrivateDnsZoneCatalog;
  public readonly routing: HubRouting;
  public readonly spoke: SpokePeering;
  public readonly shareEndpoint: PrivateLinkParts;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-secure-hub', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location, retentionInDays: 90 });
    const onPremises = ['192.168.10.0/24'];

    this.hub = new HubNetwork(this, 'Hub', { resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.30.0.0/22'] });
    const ddos = new DdosProtectionPlan(this, 'Ddos', { resourceGroupName: rg.name, location: rg.location });
    this.hub.virtualNetwork.putDdosProtectionPlan({ id: ddos.planId, enable: true });

    const gateway = new VpnGateway(this, 'VpnGateway', { hub: this.hub, logAnalyticsWorkspace: workspace });
    gateway.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: onPremises });

    this.spoke = this.hub.addSpoke('App', { addressSpace: ['10.31.0.0/24'], subnets: { workload: '10.31.0.0/26' } });

    this.zones = new PrivateDnsZoneCatalog(this, 'PrivateLinkZones', {
      resourceGroupName: rg.name,
      virtualNetworkIds: { hub: this.hub.virtualNetworkId, app: this.spoke.virtualNetworkId },
      backupGeoCodes: ['we'],
    });
    this.resolver = new DnsPrivateResolver(this, 'Dns', {
      hub: this.hub,
      onPremisesDomains: { 'corp.contoso.com': ['192.168.10.4', '192.168.10.5'] },
      rulesetVirtualNetworkIds: { hub: this.hub.virtualNetworkId, app: this.spoke.virtualNetworkId },
      privateDnsZones: this.zones,
      logAnalyticsWorkspace: workspace,
    });

    this.firewall = new HubFirewall(this, 'Firewall', { hub: this.hub, tier: FirewallTier.STANDARD, dnsServers: [this.resolver.inboundEndpointIp], logAnalyticsWorkspace: workspace });
    this.routing = new HubRouting(this, 'Routing', {
      hub: this.hub,
      firewall: this.firewall,
      spokePrefixes: this.spoke.addressSpace,
      onPremisesPrefixes: onPremises,
      spokeSubnetIds: { workload: this.spoke.subnets.workload.id },
    });
    new HubBastion(this, 'Bastion', { hub: this.hub, logAnalyticsWorkspace: workspace });

    // A file share account that exists already (the storage team's), reached privately from the spoke.
    const account = new TerraformVariable(this, 'share_storage_account_id', { type: 'string', description: 'Resource id of the storage account whose file shares the spoke reaches privately' });
    this.shareEndpoint = PrivateLink.create(this, 'Share', {
      resourceGroupName: rg.name,
      location: rg.location,
      targetResourceId: account.stringValue,
      subresource: 'file',
      zoneName: PrivateLinkZones.FILE,
      subnetId: this.spoke.subnets.workload.id,
      privateDnsZones: this.zones,
    });

    Aspects.of(this).add(new HybridTags({ workload: 'secure-hub', owner: 'platform-team' }));
  }
}
