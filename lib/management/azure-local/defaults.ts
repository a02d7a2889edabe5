/**
 * What the Azure Local and Arc resource bridge constructs choose, each with its reason.
 */

/** Deployment version the provider's own acceptance test deploys (stack_hci_deployment_setting_resource_test.go). */
export const DEPLOYMENT_VERSION = '10.0.0.0';

/** Express: Azure creates the volumes (one per machine) and the storage paths for VMs; the documented default. */
export const STORAGE_CONFIGURATION_MODE = 'Express';

/**
 * Roles each machine's Arc identity needs on the resource group before the deployment validates
 * (provider v4.55.0 stack_hci_deployment_setting_resource_test.go `machine_roles`;
 * azure-local/deploy/deployment-arc-register-server-permissions.md).
 */
export const MACHINE_ROLES: Record<string, string> = {
  KeyVaultSecretsUser: 'Key Vault Secrets User',
  ConnectedMachineResourceManager: 'Azure Connected Machine Resource Manager',
  DeviceManagement: 'Azure Stack HCI Device Management Role',
  Reader: 'Reader',
};

/** Role the Microsoft.AzureStackHCI resource provider's service principal needs on the resource group (same test). */
export const HCI_RP_ROLE = 'Azure Connected Machine Resource Manager';

/** App id of the Microsoft.AzureStackHCI resource provider (its object id differs per tenant). */
export const HCI_RP_APP_ID = '1412d89f-b8a8-4111-b4fd-e82905cbd85d';

/** Secrets the deployment reads from the Key Vault at `secrets_location` (names as the ARM template and the provider test use them). */
export const DEPLOYMENT_SECRETS: Record<string, string> = {
  LocalAdminCredential: 'base64("<local admin user>:<password>")',
  AzureStackLCMUserCredential: 'base64("<LCM deployment user>:<password>") (the user New-HciAdObjectsPreCreation created)',
  DefaultARBApplication: 'base64("<Arc resource bridge app id>:<secret>")',
  WitnessStorageKey: 'base64(<cloud witness storage account key>) (cloud witness only)',
};

/** Security defaults of the deployment: Azure's recommended ones (all on, SMB encryption off for performance). */
export const SECURITY = {
  bitlockerBootVolumeEnabled: true,
  bitlockerDataVolumeEnabled: true,
  credentialGuardEnabled: true,
  driftControlEnabled: true,
  drtmProtectionEnabled: true,
  hvciProtectionEnabled: true,
  sideChannelMitigationEnabled: true,
  smbSigningEnabled: true,
  smbClusterEncryptionEnabled: false,
  wdacEnabled: true,
};

/** Addresses Azure Local reserves for the Arc resource bridge and AKS (cloud-deployment-network-considerations.md). */
export const RESERVED_RANGES = ['10.96.0.0/12', '10.244.0.0/16'];

/** Minimum size of the infrastructure IP pool (same page). */
export const INFRA_POOL_MIN = 6;

/** Alert thresholds: the metrics Azure Local publishes (supported-metrics microsoft-azurestackhci-clusters). */
export const ALERT_CPU_PERCENT = 85;
export const ALERT_MEMORY_PERCENT = 90;

/** Metric namespace of an Azure Local instance. */
export const CLUSTER_METRIC_NAMESPACE = 'Microsoft.AzureStackHCI/clusters';

/** Outbound endpoints the Arc resource bridge appliance needs (azure-arc/resource-bridge/network-requirements.md). */
export const BRIDGE_ENDPOINTS = [
  'mcr.microsoft.com, *.data.mcr.microsoft.com (container images)',
  'management.azure.com, login.microsoftonline.com, *.login.microsoft.com (Azure Resource Manager and Entra ID)',
  '*.his.arc.azure.com, *.dp.kubernetesconfiguration.azure.com, *.guestconfiguration.azure.com (Arc agents)',
  'msk8s.api.cdp.microsoft.com, msk8s.sb.tlu.dl.delivery.mp.microsoft.com (appliance images and upgrades)',
  'linuxgeneva-microsoft.azurecr.io, *.blob.core.windows.net (log and image download)',
];
