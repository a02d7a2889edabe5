import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { FileSync, HubNetwork, HybridBackupVault, HybridFileShare, HybridTags, LogAnalyticsWorkspace, ShareAccessLevel } from '../../lib';

/** Phase two of File Sync: the ids `Register-AzStorageSyncServer` returned. */
export interface HybridFileShareStackProps {
  /**
   * Registered server ids by server name.
   * @default - none (phase one)
   */
  readonly registeredServerIds?: { [server: string]: string };
}

/**
 * Azure file shares for a hybrid estate: a private, AD DS-joined share in the hub, synced to an
 * on-premises file server with Azure File Sync (cloud tiering) and backed up to a geo-redundant
 * vault.
 */
export class HybridFileShareStack extends TerraformStack {
  public readonly files: HybridFileShare;
  public readonly sync: FileSync;
  public readonly backup: HybridBackupVault;

  constructor(scope: Construct, id: string, props: HybridFileShareStackProps = {}) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-hybrid-files', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    const hub = new HubNetwork(this, 'Hub', {
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.20.0.0/16'],
      subnets: { privatelink: { prefixLength: 26 } },
    });
    const fileUsers = new TerraformVariable(this, 'file_users_group_id', { type: 'string', description: 'Entra object id of the group of file share users (synced from AD DS)' });
    const syncPrincipal = new TerraformVariable(this, 'storage_sync_principal_id', {
      type: 'string',
      description: 'Object id of Microsoft.StorageSync: az ad sp show --id 9469b9f5-6722-4481-a2b2-14ed560b706f --query id -o tsv',
    });

    this.files = new HybridFileShare(this, 'Files', {
      hub,
      resourceGroupName: rg.name,
      location: 'westeurope',
      privateEndpointSubnetName: 'privatelink',
      logAnalyticsWorkspace: workspace,
      activeDirectory: {
        domainName: 'corp.contoso.com',
        domainGuid: '5f1c9a2e-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
        domainSid: 'S-1-5-21-1004336348-1177238915-682003330',
        storageSid: 'S-1-5-21-1004336348-1177238915-682003330-4101',
        forestName: 'contoso.com',
        netbiosDomainName: 'CORP',
      },
      shares: { finance: { quotaGib: 2048 } },
    });
    this.files.grantShareAccess(fileUsers.stringValue, ShareAccessLevel.CONTRIBUTOR, 'finance');

    const servers = props.registeredServerIds ?? {};
    this.sync = new FileSync(this, 'FileSync', {
      hub,
      resourceGroupName: rg.name,
      location: 'westeurope',
      privateEndpointSubnetName: 'privatelink',
      storageSyncPrincipalId: syncPrincipal.stringValue,
      syncGroups: {
        finance: {
          fileShare: this.files,
          shareName: 'finance',
          serverEndpoints: Object.fromEntries(Object.entries(servers).map(([server, registeredServerId]) => [server, { registeredServerId, serverLocalPath: 'D:\\Shares\\Finance' }])),
        },
      },
    });

    this.backup = new HybridBackupVault(this, 'Backup', { resourceGroupName: rg.name, location: 'westeurope', logAnalyticsWorkspace: workspace });
    this.backup.addFileSharePolicy('files-hourly', { hourlyIntervalHours: 6, hourlyWindowHours: 12, time: '08:00', dailyRetention: 14 });
    this.backup.protectFileShare(this.files, 'finance', 'files-hourly');

    Aspects.of(this).add(new HybridTags({ workload: 'hybrid-files', owner: 'platform-team' }));
  }
}
