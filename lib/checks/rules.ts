import { AD, RuleEntry, RuleLevel, TF } from '../core/rule-entry';

const APRL = 'Azure/Azure-Proactive-Resiliency-Library-v2';

// Rules of the policy rule pack (HybridChecks and `cdktf-azure-hybrid check`) that no construct
// area owns. Rules the constructs already enforce (NET-GWSUBNET-NSG, VPN-SKU-LEGACY, ...) are
// reused from their area's catalogue. Ids are stable: users suppress by id.
export const CHECK_RULES: Record<string, RuleEntry> = {
  // Storage accounts
  'STG-HTTPS-ONLY': [RuleLevel.ERROR, 'A storage account must accept HTTPS requests only (https_traffic_only_enabled)', `${AD} storage/common/storage-require-secure-transfer.md`],
  'STG-TLS-MIN': [RuleLevel.ERROR, 'A storage account must require TLS 1.2 or later (min_tls_version TLS1_2 or TLS1_3)', `${AD} storage/common/transport-layer-security-configure-minimum-version.md`],
  'STG-PUBLIC-NETWORK': [RuleLevel.WARNING, 'A storage account should be reached through private endpoints with public network access off', `${AD} storage/common/storage-network-security.md`],
  'STG-NESTED-PUBLIC': [RuleLevel.ERROR, 'A storage account must not allow containers or blobs to be made public (allow_nested_items_to_be_public false)', `${AD} storage/blobs/anonymous-read-access-prevent.md`],
  'STG-SHARE-SOFT-DELETE': [RuleLevel.WARNING, 'A storage account holding file shares should keep deleted shares (share_properties.retention_policy, soft delete)', `${AD} storage/files/storage-files-prevent-file-share-deletion.md`],
  // Recovery Services vaults
  'RSV-SOFT-DELETE': [RuleLevel.ERROR, 'A Recovery Services vault must keep soft delete on, so deleted backups can be recovered', `${AD} backup/backup-azure-security-feature-cloud.md`],
  'RSV-REDUNDANCY': [RuleLevel.WARNING, 'A Recovery Services vault should store backups GeoRedundant or ZoneRedundant, not LocallyRedundant', `${APRL} azure-resources/RecoveryServices/vaults`],
  // VPN gateways and public IPs
  'VPN-ACTIVE-ACTIVE': [RuleLevel.WARNING, 'A VPN gateway should be active-active, so maintenance and instance failures do not drop tunnels', `${AD} vpn-gateway/vpn-gateway-highlyavailable.md`],
  'PIP-SKU': [RuleLevel.ERROR, 'Public IPs must be Standard SKU with static allocation (Basic public IPs retired on 2025-09-30)', `${AD} virtual-network/ip-services/public-ip-basic-upgrade-guidance.md`],
  'PIP-ZONES': [RuleLevel.WARNING, 'A Standard public IP should be zone-redundant (zones 1, 2 and 3) where the region has availability zones', `${APRL} azure-resources/Network/publicIPAddresses`],
  // Diagnostics
  'DIAG-MISSING': [RuleLevel.WARNING, 'Virtual network gateways, ExpressRoute circuits and Recovery Services vaults should send logs and metrics to Log Analytics (a diagnostic setting targeting them)', `${AD} azure-monitor/essentials/diagnostic-settings.md`],
  // Monitoring
  'APPI-WORKSPACE': [RuleLevel.ERROR, 'Application Insights must be workspace-based (workspace_id); classic resources were retired on 2024-02-29', `${AD} azure-monitor/app/convert-classic-resource.md`],
  'LAW-LOCAL-AUTH': [RuleLevel.WARNING, 'A Log Analytics workspace should accept Microsoft Entra authentication only (local_authentication_enabled false)', `${AD} azure-monitor/logs/azure-ad-authentication-logs.md`],
  // Key Vault and Relay
  'KV-PURGE-PROTECTION': [RuleLevel.WARNING, 'A key vault holding keys or secrets of the hybrid link should have purge protection on', `${AD} key-vault/general/soft-delete-overview.md`],
  'RELAY-CLIENT-AUTH': [RuleLevel.ERROR, 'A relay hybrid connection must require client authorization (requires_client_authorization true)', `${AD} app-service/app-service-hybrid-connections.md`],
  // The rule pack itself
  'CHK-SCHEMA': [RuleLevel.ERROR, 'Synthesized azurerm resources must match the provider schema: known types, known arguments and blocks, required ones given, blocks and attributes not swapped', `${TF} (schema from @cdktf/provider-azurerm 14.23.1)`],
  'CHK-RULE-FAILED': [RuleLevel.WARNING, 'A rule of the pack could not evaluate a resource (the rule threw); the resource is unchecked for that rule', 'library'],
  'CHK-STACK-UNCHECKED': [RuleLevel.ERROR, 'HybridChecks.addTo(app) covers the stacks that exist when it is called; a stack created later would go unchecked', 'library (cdktf 0.21 runs no aspect added to the App)'],
  'CHK-SUPPRESSION': [RuleLevel.ERROR, 'A rule suppression names a rule id of the catalogue and gives a non-empty reason', 'library (cdk-nag NagSuppressions style)'],
};
