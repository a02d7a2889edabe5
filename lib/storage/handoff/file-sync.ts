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
    'The server must resolve `<region>.afs.azure.net` to the private endpoint of the sync service (the zone',
    '`privatelink.afs.azure.net` is linked to the hub only; this stack deploys no DNS forwarder, so on-premises',
    'DNS needs a conditional forwarder for `afs.azure.net`, and `file.core.windows.net` for the share, to the inbound',
    'endpoint of the hub\'s `DnsPrivateResolver`, from the stack that owns the hub) and reach it and the storage account over the VPN or',
    'ExpressRoute (TCP 443 and 445).',
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
