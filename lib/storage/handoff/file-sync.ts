import { commandAddress, inboundAddress, ResolverHandoff, resolverName } from './dns';
import { ROLE_PROPAGATION_WAIT } from '../../core/time-sleep';
import { READER_AND_DATA_ACCESS_ROLE, STORAGE_SYNC_APP_ID, VOLUME_FREE_SPACE_PERCENT } from '../defaults';

/** One sync group as the runbook shows it. */
export interface SyncGroupHandoff {
  readonly name: string;
  readonly shareName: string;
  /** Server endpoints: name and local path. */
  readonly servers: { readonly name: string; readonly path: string }[];
}

/** What the File Sync runbook section reads (the construct's public fields). */
export interface FileSyncHandoff {
  /** `terraform output` name of the Storage Sync Service name. */
  readonly syncNameOutput: string;
  /** `terraform output` name of the Storage Sync Service id. */
  readonly syncIdOutput: string;
  readonly groups: SyncGroupHandoff[];
  /** The server registration gate, when server endpoints exist. */
  readonly serversGate?: string;
  /** The DNS Private Resolver that answers for the sync service's private DNS zone, if the app has one. */
  readonly resolver?: ResolverHandoff;
  /**
   * True when the same resolver answers for the zone of every synced share's account (on-premises
   * DNS then forwards `file.core.windows.net` there too).
   */
  readonly sharesUseResolver: boolean;
  /** Paths of the DNS Private Resolvers of this stack (none answers for the zone when `resolver` is undefined). */
  readonly stackResolvers: readonly string[];
}

/** The runbook section of a `FileSync` (pure). */
export function renderFileSyncHandoff(h: FileSyncHandoff): string {
  const name = `$(terraform output -raw ${h.syncNameOutput})`;
  const rows = h.groups.map((g) => `| ${g.name} | ${g.shareName} | ${g.servers.map((s) => `${s.name} (\`${s.path}\`)`).join(', ') || 'none yet'} |`);
  return [
    'File Sync is deployed in two phases: Terraform cannot install the agent or register a server,',
    'and a server endpoint needs the id the registration returns.',
    '',
    '| sync group | share (cloud endpoint) | server endpoints |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Prerequisite (once per tenant): the object id passed as `storageSyncPrincipalId` comes from',
    `\`az ad sp show --id ${STORAGE_SYNC_APP_ID} --query id -o tsv\` (Microsoft.StorageSync); it gets "${READER_AND_DATA_ACCESS_ROLE}" on each`,
    `storage account, and the cloud endpoint is created ${ROLE_PROPAGATION_WAIT.replace('m', ' minutes')} later (a new role assignment takes up to 10 minutes to take effect).`,
    '',
    '### Phase 1: on each Windows Server (2016 or later), after the first deploy',
    '',
    ...nameResolution(h),
    '',
    '```powershell',
    '# Install the Azure File Sync agent (https://aka.ms/afs/agent), then:',
    'Install-Module Az.StorageSync -Scope AllUsers',
    'Connect-AzAccount',
    `$rg = (Get-AzResource -ResourceId "$(terraform output -raw ${h.syncIdOutput})").ResourceGroupName`,
    `Register-AzStorageSyncServer -ResourceGroupName $rg -StorageSyncServiceName "${name}"`,
    `Get-AzStorageSyncServer -ResourceGroupName $rg -StorageSyncServiceName "${name}" | Select-Object FriendlyName, ResourceId`,
    '```',
    '',
    'A server registers to one Storage Sync Service only.',
    '',
    '### Phase 2: the server endpoints',
    '',
    h.serversGate
      ? `Give each server's \`ResourceId\` to the stack (its \`registeredServerId\`) and open the gate \`${h.serversGate}\` (listed with its command at the top of this runbook): the server endpoints are created then, not before.`
      : 'Add `serverEndpoints` with each server\'s `ResourceId` as `registeredServerId`; they wait behind a gate until the servers are registered.',
    `Cloud tiering is on by default and keeps ${VOLUME_FREE_SPACE_PERCENT}% of the volume free; it cannot be used on the system volume.`,
  ].join('\n');
}

// Newcomer review N-F11: name the resolver the stack has; never deny one the runbook describes.
function nameResolution(h: FileSyncHandoff): string[] {
  const r = h.resolver;
  if (!r) {
    const none = h.stackResolvers.length === 0 ? 'this stack deploys no DNS forwarder' : 'no DNS forwarder of this stack answers for it';
    return [
      'The server must resolve `<region>.afs.azure.net` to the private endpoint of the sync service (the zone',
      `\`privatelink.afs.azure.net\` is linked to the hub only; ${none}, so on-premises`,
      'DNS needs a conditional forwarder for `afs.azure.net`, and `file.core.windows.net` for the share, to the inbound',
      'endpoint of the hub\'s `DnsPrivateResolver`, from the stack that owns the hub) and reach it and the storage account over the VPN or',
      'ExpressRoute (TCP 443 and 445).',
    ];
  }
  const address = r.inboundIp ? `\`${r.inboundIp}\`` : 'that address';
  const forwarders = h.sharesUseResolver ? ['afs.azure.net', 'file.core.windows.net'] : ['afs.azure.net'];
  return [
    'The server must resolve `<region>.afs.azure.net` to the private endpoint of the sync service (the zone',
    '`privatelink.afs.azure.net` is linked to the hub only) and reach it and the storage account over the VPN or',
    `ExpressRoute (TCP 443 and 445). On-premises DNS reaches the zone through ${resolverName(r)}, whose inbound endpoint answers at ${inboundAddress(r)}.`,
    ...(r.zoneLinked ? [] : ['This app does not link the zone (it was given by id, or the catalog imports it): the resolver answers for it only once the zone\'s owner links it to the hub\'s virtual network.']),
    h.sharesUseResolver
      ? `Every on-premises DNS server needs conditional forwarders for \`afs.azure.net\` and, for the share, \`file.core.windows.net\` to ${address}:`
      : `Every on-premises DNS server needs a conditional forwarder for \`afs.azure.net\` to ${address}, and one for \`file.core.windows.net\` to the resolver that answers for the share's zone (see the name resolution of its storage account):`,
    '',
    '```powershell',
    ...forwarders.map((f) => `Add-DnsServerConditionalForwarderZone -Name "${f}" -MasterServers ${commandAddress(r)} -ReplicationScope "Forest"`),
    '```',
    '',
    'Then, on the server:',
  ];
}
