import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

// Rules of the hybrid file share and File Sync patterns (azure-hybrid-rules.md section 6).
export const STORAGE_RULES: Record<string, RuleEntry> = {
  // Storage account and shares
  'STG-SHARE-NAME': [RuleLevel.ERROR, "A file share name is 3-63 characters of lowercase letters, digits and '-', starts and ends with a letter or digit, and has no '--' (the provider checks all but the trailing '-', which Azure refuses)", `${TF} internal/services/storage/validate/storage_share.go`],
  'STG-SHARE-DUPLICATE': [RuleLevel.ERROR, 'File share names must be unique in a storage account', `${AD} storage/files/storage-how-to-create-file-share.md`],
  'STG-SHARE-QUOTA': [RuleLevel.ERROR, 'A file share quota is a whole number of GiB from 1 to 102400', `${TF} internal/services/storage/storage_share_resource.go`],
  'STG-SHARE-LARGE': [RuleLevel.ERROR, 'A standard file share above 5120 GiB needs large file shares enabled on the account', `${TF} storage_share.html.markdown`],
  'STG-LARGE-REPLICATION': [RuleLevel.ERROR, 'Large file shares are supported only on LRS and ZRS standard accounts (not GRS, RAGRS, GZRS, RAGZRS)', `${AD} storage/files/storage-files-scale-targets.md`],
  'STG-PREMIUM-KIND': [RuleLevel.ERROR, 'Premium file shares need a FileStorage account (Premium tier), and a FileStorage account has only Premium shares', `${TF} storage_share.html.markdown`],
  'STG-PREMIUM-QUOTA': [RuleLevel.ERROR, 'A premium (provisioned) file share must be larger than 100 GiB', `${TF} storage_share.html.markdown`],
  'STG-PREMIUM-REPLICATION': [RuleLevel.ERROR, 'A premium FileStorage account supports only LRS and ZRS replication', `${AD} storage/files/storage-files-planning.md`],
  'STG-NFS-KIND': [RuleLevel.ERROR, 'NFS file shares need a premium FileStorage account', `${AD} storage/files/files-nfs-protocol.md`],
  'STG-SOFT-DELETE-DAYS': [RuleLevel.ERROR, 'Share soft delete retention is 1-365 days', `${TF} storage_account.html.markdown`],
  'STG-AD-INCOMPLETE': [RuleLevel.ERROR, 'AD DS authentication needs the full active_directory block: domain name, domain GUID, domain SID, storage account SID, forest name and NetBIOS domain name, each well formed', `${AD} storage/files/storage-files-identity-ad-ds-enable.md`],
  'STG-PE-SUBNET': [RuleLevel.ERROR, 'The file private endpoint needs exactly one subnet: a subnet of the hub by name, or a subnet id', 'library pattern'],
  'STG-PUBLIC-ACCESS': [RuleLevel.WARNING, 'A hybrid file share should be reached through its private endpoint with public network access off', 'MicrosoftDocs/architecture-center docs/hybrid/azure-file-share-content.md'],
  'STG-DIAG-MISSING': [RuleLevel.WARNING, 'File service logs (StorageRead/Write/Delete) should go to a Log Analytics workspace', `${AD} storage/files/storage-files-monitoring.md`],
  'STG-ROLE-PRINCIPAL': [RuleLevel.ERROR, 'A role assignment principal id is an object id (GUID)', `${TF} role_assignment_resource.go`],
  // File Sync
  'SYNC-CLOUD-ENDPOINT': [RuleLevel.ERROR, 'A sync group has exactly one cloud endpoint', `${AD} storage/file-sync/file-sync-planning.md`],
  'SYNC-REGION': [RuleLevel.ERROR, "The storage account of a cloud endpoint must be in the Storage Sync Service's region", `${AD} storage/file-sync/file-sync-planning.md`],
  'SYNC-GROUP-DUPLICATE': [RuleLevel.ERROR, 'Sync group names must be unique in a Storage Sync Service', `${AD} storage/file-sync/file-sync-deployment-guide.md`],
  'SYNC-SERVER-ID': [RuleLevel.ERROR, 'A server endpoint needs the resource id of a server registered to this Storage Sync Service (.../storageSyncServices/<name>/registeredServers/<guid>)', `${TF} storage_sync_server_endpoint.html.markdown`],
  'SYNC-SERVER-DUPLICATE': [RuleLevel.ERROR, 'A registered server can have only one server endpoint per sync group', `${AD} storage/file-sync/file-sync-server-endpoint-create.md`],
  'SYNC-SERVER-PATH': [RuleLevel.ERROR, 'A server endpoint path is a local path on a non-system volume, e.g. D:\\Shares\\Finance', `${AD} storage/file-sync/file-sync-planning.md`],
  'SYNC-TIERING': [RuleLevel.ERROR, 'Cloud tiering volume free space is 0-100 percent and tier-files-older-than days 0-2147483647', `${TF} storage_sync_server_endpoint_resource.go`],
  'SYNC-PRINCIPAL': [RuleLevel.ERROR, 'The Microsoft.StorageSync object id must be a GUID (the tenant object id of app 9469b9f5-6722-4481-a2b2-14ed560b706f)', `${AD} storage/file-sync/file-sync-troubleshoot-sync-errors.md`],
};
