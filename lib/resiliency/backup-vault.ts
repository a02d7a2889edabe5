// Compatibility module: the vault is `RecoveryServicesVault` (./recovery-services-vault.ts) and
// its policies are in ./backup-policies.ts. `HybridBackupVault` stays for this release.
import { Construct } from 'constructs';
import { RecoveryServicesVault, RecoveryServicesVaultOutputs, RecoveryServicesVaultProps } from './recovery-services-vault';

export * from './recovery-services-vault';
export type { FileSharePolicyOptions, VmPolicyOptions } from './backup-policies';

/**
 * Props of `HybridBackupVault`.
 * @deprecated use `RecoveryServicesVaultProps`
 */
export interface HybridBackupVaultProps extends RecoveryServicesVaultProps {}

/**
 * The `terraform output` names a `HybridBackupVault` adds.
 * @deprecated use `RecoveryServicesVaultOutputs`
 */
export interface HybridBackupVaultOutputs extends RecoveryServicesVaultOutputs {}

/**
 * The former name of `RecoveryServicesVault` (it is a Recovery Services vault, not Azure's
 * "Backup vault"). Same construct ids and Terraform.
 * @deprecated use `RecoveryServicesVault`; removed in the next major release
 */
export class HybridBackupVault extends RecoveryServicesVault {
  constructor(scope: Construct, id: string, props: HybridBackupVaultProps) {
    super(scope, id, props);
  }
}
