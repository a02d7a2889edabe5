import { commandAddress, inboundAddress, ResolverHandoff, resolverName } from './dns';
import type { ShareGrant } from '../share-access';

/** What the file share's runbook section reads (the construct's public fields). */
export interface FileShareHandoff {
  /** `terraform output` name of the storage account name. */
  readonly accountNameOutput: string;
  /** `terraform output` name of the storage account id. */
  readonly accountIdOutput: string;
  readonly shareNames: string[];
  readonly grants: readonly ShareGrant[];
  /** True when SMB is restricted to 3.1.1, Kerberos and AES-256-GCM. */
  readonly smbHardening: boolean;
  /** The AD DS join gate, when `activeDirectory` is given. */
  readonly joinGate?: string;
  /** Share soft delete retention, days (or an expression). */
  readonly softDeleteDays: string;
  /** The DNS Private Resolver that answers for the share's private DNS zone, if the app has one. */
  readonly resolver?: ResolverHandoff;
  /** Paths of the DNS Private Resolvers of this stack (none answers for the zone when `resolver` is undefined). */
  readonly stackResolvers: readonly string[];
}

/** The runbook section of a `HybridFileShare` (pure). */
export function renderFileShareHandoff(h: FileShareHandoff): string {
  const account = `$(terraform output -raw ${h.accountNameOutput})`;
  const shares = h.shareNames.length ? h.shareNames.map((s) => `\`${s}\``).join(', ') : 'none yet';
  return [
    `Shares: ${shares}. The account is reachable only through its private endpoint in the hub, over the`,
    'VPN or ExpressRoute (TCP 445).',
    '',
    ...nameResolution(h),
    ...clients(h.smbHardening),
    ...domainJoin(h, account),
    ...permissions(h, account),
    ...destroy(h.softDeleteDays),
  ].join('\n');
}

// Deploy review m5: the runbook must not point at a resolver that does not exist. Newcomer review
// N-F11: nor deny one the same runbook describes.
function nameResolution(h: FileShareHandoff): string[] {
  const head = [
    '### Name resolution from on-premises',
    '',
    'Clients must resolve `<account>.file.core.windows.net` to the private endpoint: the name is a CNAME to',
    '`<account>.privatelink.file.core.windows.net`, answered by the private DNS zone `privatelink.file.core.windows.net`',
    'linked to the hub. That zone is only visible to DNS queries made from inside the linked virtual networks',
    '(Azure DNS, 168.63.129.16).',
  ];
  const check = [
    'Without it, clients get the public IP, which refuses them (public network access is off). Check from a client:',
    '`Resolve-DnsName <account>.file.core.windows.net` must return a private address of the hub.',
    '',
  ];
  const r = h.resolver;
  if (!r) {
    const none = h.stackResolvers.length === 0
      ? '**This stack deploys no DNS forwarder.**'
      : `**No DNS forwarder of this stack answers for this zone:** its DNS Private Resolver (${h.stackResolvers.map((p) => `\`${p}\``).join(', ')}) is in a virtual network the zone is not linked to.`;
    return [
      ...head,
      `${none} The stack that owns the hub provides it: a \`DnsPrivateResolver\``,
      '(lib/network, as in the secure-hub example) whose inbound endpoint on-premises DNS forwards to (its runbook',
      'lists the forwarders); or DNS servers on VMs in the hub. On-premises DNS needs a conditional forwarder for',
      '`file.core.windows.net` to that address.',
      ...check,
    ];
  }
  return [
    ...head,
    `On-premises DNS reaches it through ${resolverName(r)}, whose inbound endpoint answers at ${inboundAddress(r)}.`,
    ...(r.zoneLinked ? [] : ['This app does not link the zone (it was given by id, or the catalog imports it): the resolver answers for it only once the zone\'s owner links it to the hub\'s virtual network.']),
    `Every on-premises DNS server needs a conditional forwarder for \`file.core.windows.net\` (the public zone, not \`privatelink.file.core.windows.net\`: clients ask for the public name, which Azure DNS answers with the CNAME into the private zone) to ${r.inboundIp ? `\`${r.inboundIp}\`` : 'that address'}:`,
    '',
    '```powershell',
    `Add-DnsServerConditionalForwarderZone -Name "file.core.windows.net" -MasterServers ${commandAddress(r)} -ReplicationScope "Forest"`,
    '```',
    '',
    ...check,
  ];
}

// Deploy review m3; MicrosoftDocs/azure-docs articles/storage/files/files-smb-protocol.md, "SMB security
// settings": "Using AES-256-GCM isn't supported on Windows clients older than Windows 11/Windows Server 2022".
function clients(hardening: boolean): string[] {
  if (!hardening) return ['SMB hardening is off: every SMB 3.x client with encryption can mount (Windows 8 / Server 2012 and later).', ''];
  return [
    '### Client requirements',
    '',
    'The account accepts SMB 3.1.1 only, Kerberos only (no storage account key, no NTLMv2) and AES-256-GCM',
    'channel encryption only. Clients must be **Windows 11 or Windows Server 2022 or later**, joined to the',
    'domain with a line of sight to a domain controller: Windows 10 and Windows Server 2016/2019 do not offer',
    'AES-256-GCM and cannot mount (set `smbHardening: false` if they must). On each client, as administrator:',
    '',
    '```powershell',
    'Set-SmbClientConfiguration -EncryptionCiphers "AES_256_GCM" -Confirm:$false',
    '```',
    '',
  ];
}

function domainJoin(h: FileShareHandoff, account: string): string[] {
  const lines = [
    '### 1. Join the storage account to AD DS (once, on a domain-joined host with RSAT, after the first deploy)',
    '',
    '```powershell',
    'Install-Module Az.Storage, AzFilesHybrid -Scope CurrentUser',
    'Connect-AzAccount',
    `$account = "${account}"`,
    `$rg = (Get-AzResource -ResourceId "$(terraform output -raw ${h.accountIdOutput})").ResourceGroupName`,
    '$ou = "<distinguished name of the OU for the account\'s computer object>"',
    'Join-AzStorageAccount -ResourceGroupName $rg -StorageAccountName $account `',
    '  -DomainAccountType ComputerAccount -OrganizationalUnitDistinguishedName $ou -EncryptionType AES256',
    '# The values for the activeDirectory settings:',
    'Get-ADDomain | Select-Object DNSRoot, ObjectGUID, DomainSID, Forest, NetBIOSName',
    'Get-ADComputer $account | Select-Object SID',
    '```',
    '',
  ];
  if (h.joinGate) {
    lines.push(
      `Then give the printed values to the stack and open the gate \`${h.joinGate}\` (phase 2, listed with its`,
      'command at the top of this runbook): Terraform applies the same AD settings Join-AzStorageAccount wrote,',
      'and owns them from then on. Until the gate is open, do not apply the stack after the join: with the gate',
      'closed the AD block is absent from the configuration and Terraform would remove what the join wrote.',
      "Rotate the AD object's Kerberos password with `Update-AzStorageAccountADObjectPassword` before the",
      'domain password policy expires it.',
      '',
    );
  } else {
    lines.push('No `activeDirectory` is configured: after the join, put the printed values into the `activeDirectory` prop (a gate then applies them in phase 2).', '');
  }
  return lines;
}

function permissions(h: FileShareHandoff, account: string): string[] {
  const granted = h.grants.length === 0 ? 'none' : h.grants.map((g) => `${g.level} to ${g.principal}${g.share ? ` on ${g.share}` : ''}`).join('; ');
  return [
    '### 2. Share permissions and NTFS ACLs',
    '',
    `Share-level access is Azure RBAC (default for everyone else: \`None\`). Granted by this stack: ${granted}.`,
    'NTFS permissions are set from a domain-joined client by an identity with the Elevated Contributor role:',
    '',
    '```powershell',
    `net use Z: \\\\${account}.file.core.windows.net\\<share>`,
    'icacls Z:\\ /grant "<DOMAIN>\\<group>:(OI)(CI)M"',
    'icacls Z:\\ /remove "Authenticated Users"',
    '```',
    '',
  ];
}

// Deploy review m13: a protected share with vault soft delete blocks `terraform destroy`.
function destroy(softDeleteDays: string): string[] {
  return [
    '### Before `cdktf destroy`',
    '',
    'If a Recovery Services vault backs up a share of this account (in this stack or another), Azure Backup has',
    'registered the account to the vault and locked it (`AzureBackupProtectionLock`). With vault soft delete on,',
    'stopping protection keeps the backup item for 14 days, and until it is gone the account cannot be',
    'unregistered or deleted: `terraform destroy` stops half-way. Follow the vault\'s "Before `terraform destroy`"',
    'steps first (destroy the protected shares, then wait out soft delete, or take the account out of the state).',
    `Share soft delete keeps a deleted share ${softDeleteDays} days (billed, and its name stays taken).`,
  ];
}
