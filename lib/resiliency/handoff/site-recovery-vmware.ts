import { vaultLookup } from './vault-lookup';
import { REGISTRATION_KEY_VALID_DAYS } from '../defaults';

/** What the VMware runbook section shows (read from the construct's public state). */
export interface VmwareHandoff {
  readonly vaultIdOutputName?: string;
  readonly vaultId: string;
  readonly vaultPublic: boolean;
  readonly testNetworkIdOutput: string;
  readonly gateName: string;
  readonly vms: string[];
  readonly createTimeout: string;
}

const INSTALL_DIR = 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery';

/**
 * The VMware (modernized) runbook: exclusive vault, appliance sizing and registration, the gate,
 * the Mobility service install and registration, test failover. Sources: azure-docs
 * site-recovery/replication-appliance-support-matrix.md (sizing, exclusive vault) and
 * vmware-physical-mobility-service-overview.md (modernized command line); research.md section 10.
 */
export function renderVmwareHandoff(h: VmwareHandoff): string {
  return [
    `Order: phase 1 apply (policy, test network) → deploy and register the appliance → open gate \`${h.gateName}\``,
    '→ apply (the policy association, which azurerm creates only once the registered appliance has given the vault its',
    'protection container, and the replicated VMs). The vault is exclusive to this appliance: Microsoft requires "a new and',
    'exclusive Recovery Services vault" for it, and synth refuses a vault that also holds a Hyper-V site or backup items.',
    '',
    `### 1. Appliance (once per vCenter; the registration key is valid ${REGISTRATION_KEY_VALID_DAYS} days)`,
    '',
    '1. Portal: vault > Site Recovery > Prepare infrastructure > VMware to Azure: generate the key and download the appliance OVA (or the PowerShell installer for Windows Server 2022).',
    '2. Size it: 8 vCPU, 16 GB RAM and two disks, 80 GB OS + 620 GB data (for 151-200 machines: 16 vCPU, 32 GB RAM, 1 TB cache disk). Windows Server 2022, English locale, static FQDN.',
    h.vaultPublic
      ? '3. Open outbound HTTPS 443 to Azure (`*.siterecovery.windowsazure.com`, `*.blob.core.windows.net`, `*.prod.migration.windowsazure.com`, Microsoft Entra ID); machines reach the appliance on 443 and 9443.'
      : '3. The vault is private: resolve `privatelink.siterecovery.windowsazure.com` and `privatelink.prod.migration.windowsazure.com` to the private endpoint; Microsoft Entra ID and `management.azure.com` still need outbound 443; machines reach the appliance on 443 and 9443.',
    '4. In the appliance configuration manager: paste the key, add the vCenter credentials and the credential used to push the Mobility service (its name is `physicalServerCredentialName`).',
    '5. Note the appliance name (it is `applianceName`) and check the registration:',
    '',
    '```powershell',
    vaultLookup(h.vaultIdOutputName, h.vaultId),
    'Set-AzRecoveryServicesAsrVaultContext -Vault $vault',
    'Get-AzRecoveryServicesAsrFabric | Select-Object FriendlyName',
    '```',
    '',
    `### 2. Open the gate: \`${h.gateName}\``,
    '',
    `Once the appliance shows as connected and has discovered the VMs, run the phase 2 command under "Phases": it creates the policy association, then the replicated VMs: ${h.vms.length ? h.vms.map((v) => `\`${v}\``).join(', ') : 'none yet (add them with `addReplicatedVm`)'}.`,
    `Each create waits for the initial replication (every disk copied to Azure), so its create timeout is ${h.createTimeout}:`,
    'a 500 GB VM over a 50 Mbit/s uplink takes about 22 hours.',
    '',
    '### 3. Mobility service where push install is blocked (modernized appliance)',
    '',
    '```cmd',
    `cd "${INSTALL_DIR}"`,
    `.\\Microsoft-ASR_UA*Windows*release.exe /q /x:"${INSTALL_DIR}"`,
    `.\\UnifiedAgentInstaller.exe /Platform vmware /Silent /Role MS /CSType CSPrime /InstallLocation "${INSTALL_DIR}"`,
    'REM Paste the "Agent Config Input" the installer prints into the appliance: Configuration Manager >',
    'REM Mobility service configuration details > Download configuration file; copy config.json here, then:',
    `"${INSTALL_DIR}\\agent\\UnifiedAgentConfigurator.exe" /SourceConfigFilePath "config.json" /CSType CSPrime`,
    '```',
    '',
    '`/CSType CSPrime` selects the modernized architecture (the default from agent 9.55; stated anyway for older installers). Linux: `sudo ./install -q -r MS -v VmWare -c CSPrime`, then `/usr/local/ASR/Vx/bin/UnifiedAgentConfigurator.sh -S config.json -q -c CSPrime`.',
    '',
    '### 4. Test failover',
    '',
    `Run test failovers into the isolated network \`terraform output -raw ${h.testNetworkIdOutput}\`, then clean up. A real failover goes to each VM's \`targetNetworkId\`.`,
  ].join('\n');
}
