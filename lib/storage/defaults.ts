// What the storage patterns choose when the user does not say: the guide's recommendations
// (../shared/reference/azure-hybrid-rules.md section 6), in one place.

/** Share soft delete retention. */
export const SHARE_SOFT_DELETE_DAYS = 14;
/** SMB hardening: the maximum-security profile of Azure Files. */
export const SMB_VERSIONS = ['SMB3.1.1'];
export const SMB_AUTHENTICATION_TYPES = ['Kerberos'];
export const SMB_KERBEROS_TICKET_ENCRYPTION = ['AES-256'];
export const SMB_CHANNEL_ENCRYPTION = ['AES-256-GCM'];
/** Quotas, GiB. */
export const SHARE_QUOTA_MIN = 1;
export const SHARE_QUOTA_MAX = 102400;
export const STANDARD_SHARE_QUOTA_MAX = 5120;
export const PREMIUM_SHARE_QUOTA_MIN = 101;
/** Default quota of a share. */
export const SHARE_QUOTA_DEFAULT = 1024;
/** Cloud tiering keeps this much of the volume free. */
export const VOLUME_FREE_SPACE_PERCENT = 20;
/** Private DNS zones of the private endpoints. */
export const FILE_PRIVATE_DNS_ZONE = 'privatelink.file.core.windows.net';
export const AFS_PRIVATE_DNS_ZONE = 'privatelink.afs.azure.net';
/** App id of the Microsoft.StorageSync first-party principal (same in every tenant). */
export const STORAGE_SYNC_APP_ID = '9469b9f5-6722-4481-a2b2-14ed560b706f';
/** Built-in role the sync service needs on the storage account. */
export const READER_AND_DATA_ACCESS_ROLE = 'Reader and Data Access';
/** Replication types that allow large file shares and premium accounts. */
export const LOCAL_OR_ZONE_REPLICATION = ['LRS', 'ZRS'];
/** Every `account_replication_type` the provider accepts (storage_account_resource.go, case-sensitive). */
export const REPLICATION_TYPES = ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'];
/** Every share `access_tier` the provider accepts (storage_share_resource.go, case-sensitive). */
export const SHARE_ACCESS_TIERS = ['TransactionOptimized', 'Hot', 'Cool', 'Premium'];
/**
 * How long File Sync waits after granting the sync service "Reader and Data Access" on a storage
 * account before it creates the cloud endpoint: a new role assignment can take up to 10 minutes
 * to take effect (MicrosoftDocs/azure-docs articles/role-based-access-control/troubleshooting.md,
 * "Role assignment changes are not being detected"); most take a minute or two, and the cloud
 * endpoint create fails while the role is not yet effective (deploy review B8).
 */
