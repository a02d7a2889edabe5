/**
 * The witness of an Azure Local instance: a cloud witness (an Azure storage account) or a file
 * share. Create with `ClusterWitness.cloud(...)` or `ClusterWitness.fileShare(...)`.
 */
export class ClusterWitness {
  /** A cloud witness in storage account `storageAccountName` (its key goes to the Key Vault as WitnessStorageKey). */
  public static cloud(storageAccountName: string): ClusterWitness {
    return new ClusterWitness('Cloud', 'Cloud', storageAccountName);
  }

  /**
   * A file share witness at `path` (`\\server\share`). The provider still needs a storage account
   * name for `cloud_account_name`: give the one of your cloud witness account or any valid name.
   */
  public static fileShare(path: string, storageAccountName: string): ClusterWitness {
    return new ClusterWitness('FileShare', path, storageAccountName);
  }

  private constructor(
    /** `Cloud` or `FileShare`. */
    public readonly witnessType: string,
    /** `Cloud`, or the share's UNC path. */
    public readonly path: string,
    /** Storage account name (cloud_account_name). */
    public readonly storageAccountName: string,
  ) {}
}
