import { Token } from 'cdktf';
import type { IRecoveryServicesVault } from './backup-vault';

/**
 * PowerShell that sets `$vault` to the vault: by its `terraform output` when the library created
 * it (`outputNames.vaultId`), else by its literal id (library-internal).
 */
export function vaultLookup(idOrOutput: string, isOutput = false): string {
  if (isOutput) return `$vault = Get-AzRecoveryServicesVault | Where-Object ID -eq "$(terraform output -raw ${idOrOutput})"`;
  const id = Token.isUnresolved(idOrOutput) ? '<vault resource id>' : idOrOutput;
  return `$vault = Get-AzRecoveryServicesVault | Where-Object ID -eq "${id}"`;
}

/** The lookup for any vault: library-created vaults carry `outputNames.vaultId`. */
export function lookupOf(vault: IRecoveryServicesVault): string {
  const names = (vault as { outputNames?: { vaultId?: string } }).outputNames;
  return names?.vaultId ? vaultLookup(names.vaultId, true) : vaultLookup(vault.vaultId);
}
