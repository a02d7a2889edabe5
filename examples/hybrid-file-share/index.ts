import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AzureProvider, DnsPrivateResolver, FileSync, HubNetwork, HybridFileShare, PrivateDnsZoneCatalog, PrivateLinkZones, RecoveryServicesVault, HybridTags, LogAnalyticsWorkspace, ShareAccessLevel } from '../../lib';

/** The on-premises side of the example. */
export interface HybridFileShareStackProps {
  /**
   * File servers that sync the finance share, by name, with their local path. Each server's
   * registered-server id is the Terraform variable `<server>_registered_server_id`, read in
   * phase 2 (gate `file_sync_servers_registered`).
   * @default { fs01: 'D:\\Shares\\Finance' }
   */
  readonly fileServers?: { [server: string]: string };
}

/**
 * Azure file shares for a hybrid estate: a private, AD DS-joined share in the hub, synced to an
 * on-premises file server with Azure File Sync (cloud tiering) and backed up to a geo-redundant
 * vault.
 */
export class HybridFileShareStack extends TerraformStack {
  public readonly files: HybridFileShare;
  public readonly sync: FileSync;
  public readonly backup: RecoveryServicesVault;

  constructor(scope: Construct, id: string, props: HybridFileShareStackProps = {}) {
    super(scope, id);
    // Sets data_plane_available = false (the account has no public access) and registers Microsoft.StorageSync.
    new AzureProvider(this, 'azurerm');
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-files', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    const hub = new HubNetwork(this, 'Hub', {
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.20.0.0/16'],
      subnets: { privatelink: { prefixLength: 26 } },
    });
    // Hybrid DNS: the hub's private-link zones, created once and linked to the hub, and a DNS
    // Private Resolver whose inbound endpoint on-premises DNS forwards these zones to (the
    // runbook gives the conditional forwarders). Forwarding rules for on-premises domains: see the
    // secure-hub example.
    const zones = new PrivateDnsZoneCatalog(this, 'PrivateDnsZones', {
      resourceGroupName: rg.name,
      virtualNetworkIds: { hub: hub.virtualNetworkId },
      zoneNames: [PrivateLinkZones.FILE, PrivateLinkZones.FILE_SYNC, PrivateLinkZones.backup('we'), PrivateLinkZones.BLOB, PrivateLinkZones.QUEUE],
    });
    new DnsPrivateResolver(this, 'Dns', {
      hub,
      privateDnsZones: zones,
      logAnalyticsWorkspace: workspace,
    });
    const fileUsers = new TerraformVariable(this, 'file_users_group_id', { type: 'string', description: 'Entra object id of the group of file share users (synced from AD DS)' });
    const syncPrincipal = new TerraformVariable(this, 'storage_sync_principal_id', {
      type: 'string',
      description: 'Object id of Microsoft.StorageSync: az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id -o tsv',
    });

    // AD DS values printed by the domain-join step of the runbook; read in phase 2 only (gate files_joined_to_ad).
    const adValue = (name: string, description: string) => optionalVariable(this, name, `${description} (phase 2, after Join-AzStorageAccount)`);
    this.files = new HybridFileShare(this, 'Files', {
      hub,
      resourceGroupName: rg.name,
      location: 'westeurope',
      privateEndpointSubnetId: hub.subnetId('privatelink')!,
      privateDnsZones: zones,
      logAnalyticsWorkspace: workspace,
      activeDirectory: {
        domainName: adValue('ad_domain_name', 'AD DS domain DNS name: (Get-ADDomain).DNSRoot'),
        domainGuid: adValue('ad_domain_guid', 'AD DS domain GUID: (Get-ADDomain).ObjectGUID'),
        domainSid: adValue('ad_domain_sid', 'AD DS domain SID: (Get-ADDomain).DomainSID'),
        storageSid: adValue('ad_storage_sid', "SID of the storage account's AD computer object: (Get-ADComputer <account>).SID"),
        forestName: adValue('ad_forest_name', 'AD DS forest name: (Get-ADDomain).Forest'),
        netbiosDomainName: adValue('ad_netbios_domain_name', 'AD DS NetBIOS domain name: (Get-ADDomain).NetBIOSName'),
      },
      shares: { finance: { quotaGib: 2048 } },
    });
    this.files.grantShareAccess(fileUsers.stringValue, ShareAccessLevel.CONTRIBUTOR, 'finance');

    const servers = props.fileServers ?? { fs01: 'D:\\Shares\\Finance' };
    const registeredServerId = (server: string) =>
      optionalVariable(this, `${server}_registered_server_id`, `Resource id of ${server} once registered (phase 2): Get-AzStorageSyncServer -ResourceGroupName rg-hybrid-files -StorageSyncServiceName <name> | Select-Object FriendlyName, ResourceId`);
    this.sync = new FileSync(this, 'FileSync', {
      hub,
      resourceGroupName: rg.name,
      location: 'westeurope',
      privateEndpointSubnetId: hub.subnetId('privatelink')!,
      privateDnsZones: zones,
      storageSyncPrincipalId: syncPrincipal.stringValue,
      logAnalyticsWorkspace: workspace,
      syncGroups: {
        finance: {
          fileShare: this.files,
          shareName: 'finance',
          serverEndpoints: Object.fromEntries(Object.entries(servers).map(([server, serverLocalPath]) => [server, { registeredServerId: registeredServerId(server), serverLocalPath }])),
        },
      },
    });

    this.backup = new RecoveryServicesVault(this, 'Backup', { resourceGroupName: rg.name, location: 'westeurope', logAnalyticsWorkspace: workspace });
    // Public access is off: MARS/MABS register through this AzureBackup endpoint (with the vault's
    // identity), created before the first registration.
    this.backup.addPrivateEndpoint('Backup', { subnetId: hub.subnetId('privatelink')!, privateDnsZones: zones });
    const hourly = this.backup.addFileSharePolicy('files-hourly', { hourlyIntervalHours: 6, hourlyWindowHours: 12, time: '08:00', dailyRetention: 14 });
    // Id 'Filesfinance' keeps the protected item's logical id (ShareFilesfinance) from 0.x.
    this.backup.protectFileShare('Filesfinance', { fileShare: this.files, shareName: 'finance', policy: hourly });

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-files', owner: 'platform-team' }));
  }
}

/**
 * A string variable that is null until phase 2 (only gated resources read it). The null default
 * is an override: cdktf 0.21 cannot render `default: null` itself.
 */
function optionalVariable(scope: Construct, name: string, description: string): string {
  const variable = new TerraformVariable(scope, name, { type: 'string', nullable: true, description });
  variable.addOverride('default', null);
  return variable.stringValue;
}
