/**
 * Private DNS zone names of the private endpoints this library creates, as Azure documents them
 * per sub-resource (azure-docs private-link/private-endpoint-dns.md, "Azure services DNS zone
 * configuration"). Used to fill a hub's `PrivateDnsZoneCatalog`.
 */
export class PrivateLinkZones {
  /** Azure Files (`file`). */
  public static readonly FILE = 'privatelink.file.core.windows.net';
  /** Blob (`blob`): MARS and Site Recovery cache storage, Azure Monitor private link scope. */
  public static readonly BLOB = 'privatelink.blob.core.windows.net';
  /** Queue (`queue`): MARS agent registration. */
  public static readonly QUEUE = 'privatelink.queue.core.windows.net';
  /** Azure File Sync (`afs`). */
  public static readonly FILE_SYNC = 'privatelink.afs.azure.net';
  /** Site Recovery (`AzureSiteRecovery`). */
  public static readonly SITE_RECOVERY = 'privatelink.siterecovery.windowsazure.com';
  /** Azure Arc private link scope (`hybridcompute`): the three zones Arc servers need. */
  public static arcServers(): string[] {
    return ['privatelink.his.arc.azure.com', 'privatelink.guestconfiguration.azure.com', 'privatelink.dp.kubernetesconfiguration.azure.com'];
  }
  /** Azure Monitor private link scope (`azuremonitor`), blob included. */
  public static azureMonitor(): string[] {
    return ['privatelink.monitor.azure.com', 'privatelink.oms.opinsights.azure.com', 'privatelink.ods.opinsights.azure.com', 'privatelink.agentsvc.azure-automation.net', PrivateLinkZones.BLOB];
  }
  /** Azure Relay (`namespace`). */
  public static readonly RELAY = 'privatelink.servicebus.windows.net';
  /** Key Vault (`vault`). */
  public static readonly KEY_VAULT = 'privatelink.vaultcore.azure.net';

  /**
   * Azure Backup (`AzureBackup`) of a region: `privatelink.<geo>.backup.windowsazure.com`, with
   * the region's geo code (`we` for West Europe, `ne` for North Europe; the list is in
   * private-endpoint-dns.md and the Backup private endpoint article).
   */
  public static backup(geoCode: string): string {
    return `privatelink.${geoCode}.backup.windowsazure.com`;
  }

  /**
   * Every zone this library's private endpoints use, once: storage (file, blob, queue), File
   * Sync, Site Recovery, Backup for the given geo codes, Arc, Azure Monitor, Relay and Key Vault.
   */
  public static all(backupGeoCodes: string[] = []): string[] {
    const names = [
      PrivateLinkZones.FILE,
      PrivateLinkZones.BLOB,
      PrivateLinkZones.QUEUE,
      PrivateLinkZones.FILE_SYNC,
      PrivateLinkZones.SITE_RECOVERY,
      ...backupGeoCodes.map((g) => PrivateLinkZones.backup(g)),
      ...PrivateLinkZones.arcServers(),
      ...PrivateLinkZones.azureMonitor(),
      PrivateLinkZones.RELAY,
      PrivateLinkZones.KEY_VAULT,
    ];
    return [...new Set(names)];
  }

  /**
   * The public zone an on-premises DNS server forwards conditionally for a privatelink zone
   * (`file.core.windows.net` for `privatelink.file.core.windows.net`): clients ask for the public
   * name, which Azure answers with a CNAME into the privatelink zone (private-endpoint-dns.md,
   * "On-premises workloads using a DNS forwarder").
   */
  public static forwarderZoneOf(zoneName: string): string {
    return zoneName.replace(/^privatelink\./, '');
  }

  private constructor() {}
}
