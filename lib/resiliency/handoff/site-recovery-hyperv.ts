import { vaultLookup } from './vault-lookup';
import { REGISTRATION_KEY_VALID_DAYS } from '../defaults';

/** What the Hyper-V runbook section shows (read from the construct's public state). */
export interface HyperVHandoff {
  readonly vaultIdOutputName?: string;
  readonly vaultId: string;
  readonly vaultPublic: boolean;
  readonly siteNameOutput: string;
  readonly testNetworkIdOutput: string;
  readonly gateName: string;
  readonly hostNames: string[];
  readonly virtualMachineNames: string[];
  readonly vmm: boolean;
}

/** The Hyper-V runbook: key, provider registration, the gate, per-VM replication, test failover. */
export function renderHyperVHandoff(h: HyperVHandoff): string {
  const hosts = h.hostNames.length ? h.hostNames.map((x) => `\`${x}\``).join(', ') : 'every Hyper-V host of the site';
  return [
    'Order: phase 1 apply (site, policy, test network) → download the registration key → register the hosts with',
    `DRConfigurator → open gate \`${h.gateName}\` → apply (the policy association, which Azure accepts only once a host has`,
    'registered and the site has its protection container). Terraform cannot install the provider or enable replication per VM',
    '(there is no `azurerm_site_recovery_hyperv_replicated_vm`).',
    '',
    `### 1. Registration key (valid for ${REGISTRATION_KEY_VALID_DAYS} days: register every host within that time, or download a new one)`,
    '',
    '```powershell',
    vaultLookup(h.vaultIdOutputName, h.vaultId),
    'Set-AzRecoveryServicesAsrVaultContext -Vault $vault',
    `$site = Get-AzRecoveryServicesAsrFabric -FriendlyName "$(terraform output -raw ${h.siteNameOutput})"`,
    'Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery -Vault $vault -SiteIdentifier $site.FabricSpecificDetails.HyperVSiteId -SiteFriendlyName $site.FriendlyName -Path C:\\Temp',
    '```',
    '',
    `### 2. On ${h.vmm ? 'each VMM server' : hosts}: install and register the provider`,
    '',
    '```powershell',
    '# Download https://aka.ms/downloaddra_ne (AzureSiteRecoveryProvider.exe), then:',
    'C:\\Temp\\AzureSiteRecoveryProvider.exe /x:C:\\Temp\\Extracted /q',
    'C:\\Temp\\Extracted\\SETUPDR.EXE /i',
    '& "C:\\Program Files\\Microsoft Azure Site Recovery Provider\\DRConfigurator.exe" /r /Friendlyname $env:COMPUTERNAME /Credentials "C:\\Temp\\<key>.VaultCredentials"',
    '```',
    '',
    h.vmm
      ? 'With VMM, install the provider on the VMM server and the Recovery Services agent (MARS) on each host.'
      : 'The Recovery Services agent is installed with the provider on standalone hosts.',
    h.vaultPublic
      ? 'The vault accepts public traffic: hosts need outbound HTTPS 443 to `*.siterecovery.windowsazure.com`, `*.blob.core.windows.net` and Microsoft Entra ID.'
      : 'The vault is private: hosts reach Site Recovery through its `AzureSiteRecovery` private endpoint (resolve `privatelink.siterecovery.windowsazure.com` on-premises); Microsoft Entra ID still needs outbound 443.',
    '',
    `### 3. Open the gate: \`${h.gateName}\``,
    '',
    'Check that every host shows as connected (`Get-AzRecoveryServicesAsrProtectionContainer -Fabric $site` returns the site\'s container), then run the phase 2 command under "Phases".',
    '',
    '### 4. Enable replication per VM',
    '',
    h.virtualMachineNames.length ? `VMs: ${h.virtualMachineNames.map((v) => `\`${v}\``).join(', ')}.` : 'For each VM to protect:',
    '',
    '```powershell',
    '$container = Get-AzRecoveryServicesAsrProtectionContainer -Fabric $site',
    '$mapping = Get-AzRecoveryServicesAsrProtectionContainerMapping -ProtectionContainer $container',
    '$vm = Get-AzRecoveryServicesAsrProtectableItem -ProtectionContainer $container -FriendlyName "<vm>"',
    'New-AzRecoveryServicesAsrReplicationProtectedItem -HyperVToAzure -ProtectableItem $vm -Name $vm.Name `',
    '  -ProtectionContainerMapping $mapping -RecoveryResourceGroupId "<target resource group id>" `',
    '  -RecoveryAzureNetworkId "<recovery vnet id>" -RecoveryAzureSubnetName "<subnet>" -UseManagedDisk True -OS Windows -OSDiskName $vm.Disks[0].Name',
    '```',
    '',
    '### 5. Test failover',
    '',
    `Run test failovers into the isolated network \`terraform output -raw ${h.testNetworkIdOutput}\` (never peered; synth refuses a peering), then clean up the test VMs.`,
  ].join('\n');
}
