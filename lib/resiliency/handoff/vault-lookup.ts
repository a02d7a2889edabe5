import { Token } from 'cdktf';

/**
 * PowerShell that sets `$vault` to a Recovery Services vault: by the `terraform output` that
 * carries its id when this stack created it, else by its literal id.
 * @param vaultIdOutputName the vault's `vaultIdOutputName` (undefined for an imported vault)
 * @param vaultId the vault's resource id
 */
export function vaultLookup(vaultIdOutputName: string | undefined, vaultId: string): string {
  if (vaultIdOutputName !== undefined) return `$vault = Get-AzRecoveryServicesVault | Where-Object ID -eq "$(terraform output -raw ${vaultIdOutputName})"`;
  const id = Token.isUnresolved(vaultId) ? '<vault resource id>' : vaultId;
  return `$vault = Get-AzRecoveryServicesVault | Where-Object ID -eq "${id}"`;
}
