import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { outputName } from '../core/outputs';
import { GUID } from '../core/resource-ids';
import { STG_AD_INCOMPLETE } from './rules';

/** Share-level permission of every authenticated identity without a role assignment. */
export enum DefaultSharePermission {
  /** No access without a role assignment (recommended). */
  NONE = 'None',
  READER = 'StorageFileDataSmbShareReader',
  CONTRIBUTOR = 'StorageFileDataSmbShareContributor',
  ELEVATED_CONTRIBUTOR = 'StorageFileDataSmbShareElevatedContributor',
}

/**
 * The on-premises AD DS domain the storage account is joined to. `Join-AzStorageAccount`
 * (on-premises) creates the account's AD object and writes these values on the account; the
 * construct applies them only once the join gate is open, so the two never disagree.
 */
export interface ActiveDirectoryOptions {
  /** DNS name of the domain, e.g. `corp.contoso.com`. */
  readonly domainName: string;
  /** Domain GUID (`(Get-ADDomain).ObjectGUID`). */
  readonly domainGuid: string;
  /** Domain SID (`(Get-ADDomain).DomainSID`), `S-1-5-21-...`. */
  readonly domainSid: string;
  /** SID of the storage account's computer or service account in AD DS, `S-1-5-21-...-<rid>`. */
  readonly storageSid: string;
  /** Forest name, e.g. `contoso.com`. */
  readonly forestName: string;
  /** NetBIOS domain name, e.g. `CORP`. */
  readonly netbiosDomainName: string;
}

const DNS_DOMAIN = /^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/;
const DOMAIN_SID = /^S-1-5-21(-\d+){3}$/;
const ACCOUNT_SID = /^S-1-5-21(-\d+){4}$/;
const NETBIOS = /^[a-zA-Z0-9!@#$%^&'(){}~_.-]{1,15}$/;

/** Checks the six values of the `active_directory` block (tokens pass: they are known at apply). */
export function checkActiveDirectory(problems: ProblemCollector, ad: ActiveDirectoryOptions): void {
  if (problems.type('activeDirectory', ad, 'object')) return;
  const checks: [keyof ActiveDirectoryOptions, RegExp, string][] = [
    ['domainName', DNS_DOMAIN, 'a DNS domain name, e.g. corp.contoso.com'],
    ['domainGuid', GUID, 'a GUID'],
    ['domainSid', DOMAIN_SID, 'a domain SID, S-1-5-21-<a>-<b>-<c>'],
    ['storageSid', ACCOUNT_SID, 'an account SID, S-1-5-21-<a>-<b>-<c>-<rid>'],
    ['forestName', DNS_DOMAIN, 'a DNS forest name, e.g. contoso.com'],
    ['netbiosDomainName', NETBIOS, 'a NetBIOS name of at most 15 characters'],
  ];
  for (const [key, pattern, text] of checks) {
    const value = ad[key];
    if (value !== undefined && Token.isUnresolved(value)) continue;
    problems.check(
      typeof value !== 'string' || !pattern.test(value),
      STG_AD_INCOMPLETE,
      `activeDirectory.${key}`,
      value,
      `\`${key}\` must be ${text}`,
      'copy the values printed by the domain-join step of the runbook (Get-ADDomain, Get-ADComputer)',
    );
  }
}

/**
 * AD DS authentication behind the gate `<construct>_joined_to_ad`: phase 1 creates the account
 * without it; `Join-AzStorageAccount` on-premises creates the AD object and writes the AD
 * settings; phase 2 (`--var='<gate>=true'`) applies the same values, after which Terraform owns
 * the block (and shows drift if someone changes it). Applying them before the join would write
 * SIDs of an AD object that does not exist yet, and the join would then be reverted by the next
 * apply (deploy review m3). Emitted as a `dynamic` block whose `for_each` is the gate, so the
 * synthesized JSON is the same in both phases.
 * @returns the gate
 */
export function applyActiveDirectory(account: StorageAccount, owner: IConstruct, ad: ActiveDirectoryOptions, defaultPermission: DefaultSharePermission): LifecycleGate {
  const gate = LifecycleGate.of(owner, `${outputName(owner, '')}_joined_to_ad`, {
    waitsFor: 'the storage account is joined to AD DS (Join-AzStorageAccount) and the activeDirectory values match what it printed',
    performedBy: 'the on-premises AD DS administrators',
    verify: `(Get-AzStorageAccount -ResourceGroupName <rg> -Name <account>).AzureFilesIdentityBasedAuth.DirectoryServiceOptions  # AD`,
  });
  account.addOverride('dynamic.azure_files_authentication', {
    for_each: Fn.conditional(gate.variable.booleanValue, ['AD'], []),
    content: {
      directory_type: 'AD',
      default_share_level_permission: defaultPermission,
      active_directory: {
        domain_name: ad.domainName,
        domain_guid: ad.domainGuid,
        domain_sid: ad.domainSid,
        storage_sid: ad.storageSid,
        forest_name: ad.forestName,
        netbios_domain_name: ad.netbiosDomainName,
      },
    },
  });
  return gate;
}
