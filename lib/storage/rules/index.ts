import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { STG_HTTPS_ONLY } from './stg-https-only';
import { STG_NESTED_PUBLIC } from './stg-nested-public';
import { STG_PUBLIC_NETWORK } from './stg-public-network';
import { STG_SHARE_SOFT_DELETE } from './stg-share-soft-delete';
import { STG_TLS_MIN } from './stg-tls-min';

export { STG_HTTPS_ONLY, STG_NESTED_PUBLIC, STG_PUBLIC_NETWORK, STG_SHARE_SOFT_DELETE, STG_TLS_MIN };

// Storage account and shares
export const STG_SHARE_NAME = defineRule({ id: 'STG-SHARE-NAME', level: RuleLevel.ERROR, description: "A file share name is 3-63 characters of lowercase letters, digits and '-', starts and ends with a letter or digit, and has no '--' (the provider checks all but the trailing '-', which Azure refuses)", source: `${TF} internal/services/storage/validate/storage_share.go` });
export const STG_SHARE_DUPLICATE = defineRule({ id: 'STG-SHARE-DUPLICATE', level: RuleLevel.ERROR, description: 'File share names must be unique in a storage account', source: `${AD} storage/files/storage-how-to-create-file-share.md` });
export const STG_SHARE_QUOTA = defineRule({ id: 'STG-SHARE-QUOTA', level: RuleLevel.ERROR, description: 'A file share quota is a whole number of GiB from 1 to 102400', source: `${TF} internal/services/storage/storage_share_resource.go` });
export const STG_SHARE_LARGE = defineRule({ id: 'STG-SHARE-LARGE', level: RuleLevel.ERROR, description: 'A standard file share above 5120 GiB needs large file shares enabled on the account', source: `${TF} storage_share.html.markdown` });
export const STG_LARGE_REPLICATION = defineRule({ id: 'STG-LARGE-REPLICATION', level: RuleLevel.ERROR, description: 'Large file shares are supported only on LRS and ZRS standard accounts (not GRS, RAGRS, GZRS, RAGZRS)', source: `${AD} storage/files/storage-files-scale-targets.md` });
export const STG_PREMIUM_KIND = defineRule({ id: 'STG-PREMIUM-KIND', level: RuleLevel.ERROR, description: 'Premium file shares need a FileStorage account (Premium tier), and a FileStorage account has only Premium shares', source: `${TF} storage_share.html.markdown` });
export const STG_PREMIUM_QUOTA = defineRule({ id: 'STG-PREMIUM-QUOTA', level: RuleLevel.ERROR, description: 'A premium (provisioned) file share must be larger than 100 GiB', source: `${TF} storage_share.html.markdown` });
export const STG_PREMIUM_REPLICATION = defineRule({ id: 'STG-PREMIUM-REPLICATION', level: RuleLevel.ERROR, description: 'A premium FileStorage account supports only LRS and ZRS replication', source: `${AD} storage/files/storage-files-planning.md` });
export const STG_NFS_KIND = defineRule({ id: 'STG-NFS-KIND', level: RuleLevel.ERROR, description: 'NFS file shares need a premium FileStorage account', source: `${AD} storage/files/files-nfs-protocol.md` });
export const STG_SOFT_DELETE_DAYS = defineRule({ id: 'STG-SOFT-DELETE-DAYS', level: RuleLevel.ERROR, description: 'Share soft delete retention is 1-365 days', source: `${TF} storage_account.html.markdown` });
export const STG_AD_INCOMPLETE = defineRule({ id: 'STG-AD-INCOMPLETE', level: RuleLevel.ERROR, description: 'AD DS authentication needs the full active_directory block: domain name, domain GUID, domain SID, storage account SID, forest name and NetBIOS domain name, each well formed', source: `${AD} storage/files/storage-files-identity-ad-ds-enable.md` });
export const STG_PE_SUBNET = defineRule({ id: 'STG-PE-SUBNET', level: RuleLevel.ERROR, description: 'A private endpoint of a file share or a Storage Sync Service goes into a subnet given by its resource id, never the GatewaySubnet (it holds only the gateways)', source: `${AD} vpn-gateway/vpn-gateway-about-vpn-gateway-settings.md` });
// STG-PUBLIC-ACCESS: now STG-PUBLIC-NETWORK (./stg-public-network.ts), which still honours suppressions by this id
// STG-DIAG-MISSING: now DIAG-MISSING (lib/core/rules/diag-missing.ts), which still honours suppressions by this id
export const STG_ACCOUNT_ID = defineRule({ id: 'STG-ACCOUNT-ID', level: RuleLevel.ERROR, description: 'An existing storage account is imported by its full resource id (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>)', source: `${AD} azure-resource-manager/management/resource-name-rules.md` });
export const STG_ROLE_PRINCIPAL = defineRule({ id: 'STG-ROLE-PRINCIPAL', level: RuleLevel.ERROR, description: 'A role assignment principal id is an object id (GUID)', source: `${TF} role_assignment_resource.go` });
// File Sync
export const STG_REPLICATION_TYPE = defineRule({ id: 'STG-REPLICATION-TYPE', level: RuleLevel.ERROR, description: 'A storage account replication type is one of LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS, in capitals', source: `${TF} internal/services/storage/storage_account_resource.go (account_replication_type: StringInSlice, case-sensitive)` });
export const STG_SHARE_TIER = defineRule({ id: 'STG-SHARE-TIER', level: RuleLevel.ERROR, description: 'A file share access tier is TransactionOptimized, Hot, Cool or Premium', source: `${TF} internal/services/storage/storage_share_resource.go (access_tier: StringInSlice, case-sensitive)` });
export const STG_SHARE_ROLE = defineRule({ id: 'STG-SHARE-ROLE', level: RuleLevel.ERROR, description: 'A share-level grant uses one of the Storage File Data SMB Share roles (Reader, Contributor, Elevated Contributor), never a broader role such as Owner', source: `${AD} articles/storage/files/storage-files-identity-assign-share-level-permissions.md` });
export const STG_ZONE_LINK = defineRule({ id: 'STG-ZONE-LINK', level: RuleLevel.ERROR, description: "The private DNS zone of a file share or File Sync is always linked to the hub; further links need names that give distinct link names (link-<name>, lower case), since two links of one zone cannot share a name", source: `${AD} articles/dns/private-dns-virtual-network-links.md; ${TF} internal/services/privatedns/private_dns_zone_virtual_network_link_resource.go` });
export const SYNC_CLOUD_ENDPOINT = defineRule({ id: 'SYNC-CLOUD-ENDPOINT', level: RuleLevel.ERROR, description: 'A sync group has exactly one cloud endpoint', source: `${AD} storage/file-sync/file-sync-planning.md` });
export const SYNC_REGION = defineRule({ id: 'SYNC-REGION', level: RuleLevel.ERROR, description: "The storage account of a cloud endpoint must be in the Storage Sync Service's region", source: `${AD} storage/file-sync/file-sync-planning.md` });
export const SYNC_GROUP_DUPLICATE = defineRule({ id: 'SYNC-GROUP-DUPLICATE', level: RuleLevel.ERROR, description: 'Sync group names must be unique in a Storage Sync Service', source: `${AD} storage/file-sync/file-sync-deployment-guide.md` });
export const SYNC_SERVER_ID = defineRule({ id: 'SYNC-SERVER-ID', level: RuleLevel.ERROR, description: 'A server endpoint needs the resource id of a server registered to this Storage Sync Service (.../storageSyncServices/<name>/registeredServers/<guid>)', source: `${TF} storage_sync_server_endpoint.html.markdown` });
export const SYNC_SERVER_DUPLICATE = defineRule({ id: 'SYNC-SERVER-DUPLICATE', level: RuleLevel.ERROR, description: 'A registered server can have only one server endpoint per sync group', source: `${AD} storage/file-sync/file-sync-server-endpoint-create.md` });
export const SYNC_SERVER_PATH = defineRule({ id: 'SYNC-SERVER-PATH', level: RuleLevel.ERROR, description: 'A server endpoint path is a local path on a non-system volume, e.g. D:\\Shares\\Finance', source: `${AD} storage/file-sync/file-sync-planning.md` });
export const SYNC_TIERING = defineRule({ id: 'SYNC-TIERING', level: RuleLevel.ERROR, description: 'Cloud tiering volume free space is 0-100 percent and tier-files-older-than days 0-2147483647', source: `${TF} storage_sync_server_endpoint_resource.go` });
export const SYNC_PRINCIPAL = defineRule({ id: 'SYNC-PRINCIPAL', level: RuleLevel.ERROR, description: 'The Microsoft.StorageSync object id must be a GUID (the tenant object id of app 9469b9f5-6722-4481-a2b2-14ed560b706f)', source: `${AD} storage/file-sync/file-sync-troubleshoot-sync-errors.md` });
// STG-HTTPS-ONLY: defined with its body check in ./stg-https-only.ts
// STG-NESTED-PUBLIC: defined with its body check in ./stg-nested-public.ts
// STG-PUBLIC-NETWORK: defined with its body check in ./stg-public-network.ts
// STG-SHARE-SOFT-DELETE: defined with its body check in ./stg-share-soft-delete.ts
// STG-TLS-MIN: defined with its body check in ./stg-tls-min.ts

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const STORAGE_RULES = [
  STG_SHARE_NAME,
  STG_SHARE_DUPLICATE,
  STG_SHARE_QUOTA,
  STG_SHARE_LARGE,
  STG_LARGE_REPLICATION,
  STG_PREMIUM_KIND,
  STG_PREMIUM_QUOTA,
  STG_PREMIUM_REPLICATION,
  STG_NFS_KIND,
  STG_SOFT_DELETE_DAYS,
  STG_AD_INCOMPLETE,
  STG_PE_SUBNET,
  STG_ACCOUNT_ID,
  STG_ROLE_PRINCIPAL,
  STG_REPLICATION_TYPE,
  STG_SHARE_TIER,
  STG_SHARE_ROLE,
  STG_ZONE_LINK,
  SYNC_CLOUD_ENDPOINT,
  SYNC_REGION,
  SYNC_GROUP_DUPLICATE,
  SYNC_SERVER_ID,
  SYNC_SERVER_DUPLICATE,
  SYNC_SERVER_PATH,
  SYNC_TIERING,
  SYNC_PRINCIPAL,
  STG_HTTPS_ONLY,
  STG_NESTED_PUBLIC,
  STG_PUBLIC_NETWORK,
  STG_SHARE_SOFT_DELETE,
  STG_TLS_MIN,
] as const;
