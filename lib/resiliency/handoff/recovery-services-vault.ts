import { vaultLookup } from './vault-lookup';

/** What the vault's runbook section shows (read from the construct's public state). */
export interface VaultHandoff {
  readonly vaultIdOutputName?: string;
  readonly vaultId: string;
  readonly publicNetworkAccessEnabled: boolean;
  /** Sub-resources with a private endpoint: `AzureBackup`, `AzureSiteRecovery`. */
  readonly privateEndpointSubresources: string[];
  /** Protected shares: `<account path>/<share>` -> policy name. */
  readonly protectedShares: [string, string][];
  /** Protected Azure VMs: id -> policy name. */
  readonly protectedVms: [string, string][];
  readonly softDeleteEnabled: boolean;
  /** Output with the vault identity's object id, once an `AzureBackup` endpoint exists. */
  readonly principalIdOutputName?: string;
  /** Subnets of the `AzureBackup` endpoints (for display). */
  /** Output listing the resource group ids of the Backup endpoints' subnets and of the vault. */
  readonly roleScopesOutputName?: string;
  readonly resourceGroupName: string;
}

const list = (items: [string, string][]): string => items.map(([k, p]) => `\`${k}\` (${p})`).join(', ') || 'none';

/** The runbook section of a Recovery Services vault: backup items, MABS/MARS registration, the destroy trap. */
export function renderVaultHandoff(v: VaultHandoff): string {
  return [
    `Protected shares: ${list(v.protectedShares)}. Protected Azure VMs: ${list(v.protectedVms)}.`,
    'Backup registers each storage account with the vault and takes a lock on it (`AzureBackupProtectionLock`); it turns on soft',
    'delete for every share in the account.',
    '',
    ...(v.protectedShares.length > 0 && v.softDeleteEnabled ? destroyTrap() : []),
    '### On-premises servers: MABS or the MARS agent (Terraform cannot do this)',
    '',
    networkPath(v),
    '',
    '1. Install MABS v3 (with its SQL Server instance) on a domain-joined server, or the MARS agent on each server backed up directly.',
    '2. Download vault credentials (valid for 10 days):',
    '',
    '```powershell',
    vaultLookup(v.vaultIdOutputName, v.vaultId),
    'Get-AzRecoveryServicesVaultSettingsFile -Backup -Vault $vault -Path C:\\Temp',
    '```',
    '',
    '3. Register: MARS, `Start-OBRegistration -VaultCredentials C:\\Temp\\<file>.VaultCredentials -Confirm:$false`;',
    '   MABS, `Start-DPMCloudRegistration -DPMServerName <mabs> -VaultCredentialsFilePath C:\\Temp\\<file>.VaultCredentials`.',
    '4. Set the passphrase (`Set-OBMachineSetting -EncryptionPassphrase`), keep it in Key Vault; without it nothing can be restored.',
    '5. Create the MARS schedule (`New-OBPolicy`, `Set-OBSchedule`, `Set-OBRetentionPolicy`, `Set-OBPolicy`) or the MABS protection groups in its console.',
  ].join('\n');
}

function networkPath(v: VaultHandoff): string {
  if (v.publicNetworkAccessEnabled) return 'The vault accepts public traffic: the servers need outbound HTTPS 443 to Azure Backup and Microsoft Entra ID.';
  const backupEndpoint = v.privateEndpointSubresources.includes('AzureBackup');
  return [
    'Public network access is off, so MARS and MABS register only through an `AzureBackup` private endpoint, which needs the',
    "vault's system-assigned identity (azure-docs backup/private-endpoints.md; create both before the first registration: a vault that",
    'ever had an item registered without them cannot get one).',
    backupEndpoint
      ? [
        `The stack creates the endpoint and the identity (\`addPrivateEndpoint\`). **Before the first registration**, give the identity **Contributor** on the resource groups of the endpoint's subnet and of the endpoint (output \`${v.roleScopesOutputName}\`) and on the resource group of the \`privatelink.blob\`/\`privatelink.queue\` zones: Backup creates its blob and queue endpoints and their DNS records with it at the first registration ("Grant permissions to the vault to create required private endpoints").`,
        '```sh',
        `for scope in $(terraform output -json ${v.roleScopesOutputName} | jq -r '.[]') <resource group id of the privatelink.blob and privatelink.queue zones>; do`,
        `  az role assignment create --assignee-object-id $(terraform output -raw ${v.principalIdOutputName}) --assignee-principal-type ServicePrincipal --role Contributor --scope "$scope"`,
        'done',
        '```',
        'Then resolve from on-premises (conditional forwarders to the hub resolver):',
      ].join('\n')
      : '**The stack has no `AzureBackup` private endpoint yet**: add one with `vault.addPrivateEndpoint(...)` before registering. Then resolve from on-premises:',
    '`privatelink.<geo>.backup.windowsazure.com` (the region code, e.g. `we`, `ne`), `privatelink.blob.core.windows.net` and',
    '`privatelink.queue.core.windows.net` (Backup adds blob and queue endpoints at the first registration; link both zones to',
    'the hub and forward them too). Microsoft Entra ID has no private endpoint: keep outbound 443 to `login.microsoftonline.com`.',
  ].join('\n');
}

function destroyTrap(): string[] {
  return [
    '### Before `terraform destroy` (soft delete)',
    '',
    'Destroying `azurerm_backup_protected_file_share` stops protection, and soft delete keeps the item, with its',
    'recovery points, for 14 days. While it exists, unregistering the storage account container and deleting the',
    'locked account fail, so `terraform destroy` stops half way. Plan it in two steps: destroy the protected shares',
    '(`terraform destroy -target=...`) and wait out the 14 days, then destroy the rest; or take the storage account and',
    'its container out of the state (`terraform state rm`) and delete them after the soft-delete period.',
    '',
  ];
}
