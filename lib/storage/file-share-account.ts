import { Construct } from 'constructs';
import { AzureResource, DiagnosticTarget, IAzureResource } from '../core/azure-resource';
import { ProblemCollector } from '../core/errors';
import { STG_ACCOUNT_ID } from './rules';

/**
 * A storage account holding Azure file shares, as File Sync (cloud endpoints) and Azure Backup
 * (protected shares) consume it: a `HybridFileShare`, or an existing account imported with
 * `HybridFileShare.fromFileShareAccountAttributes`.
 */
export interface IFileShareAccount extends IAzureResource {
  /** Resource id of the storage account. */
  readonly storageAccountId: string;
  /** Name of the storage account. */
  readonly storageAccountName: string;
  /** Resource group of the storage account. */
  readonly resourceGroupName: string;
  /** Region of the storage account. */
  readonly location: string;
  /**
   * The name of a share of the account as Terraform should reference it: a reference to the
   * `azurerm_storage_share` resource's `name` when the stack creates the share (so a dependent
   * resource, such as a File Sync cloud endpoint or a backup-protected share, is created after
   * it), the plain name for an imported account.
   * @returns undefined when the account has no share of that name
   */
  shareName(name: string): string | undefined;
}

/** Attributes of an existing storage account with file shares. */
export interface FileShareAccountAttributes {
  /** Resource id of the storage account. */
  readonly storageAccountId: string;
  /** Name of the storage account. */
  readonly storageAccountName: string;
  /** Resource group of the storage account. */
  readonly resourceGroupName: string;
  /** Region of the storage account. */
  readonly location: string;
  /**
   * Names of the account's shares that this stack may reference.
   * @default - none
   */
  readonly shareNames?: string[];
}

/**
 * An existing storage account (`HybridFileShare.fromFileShareAccountAttributes`): diagnostics,
 * grants and a lock work on it as on a new one.
 * @internal
 */
export class ImportedFileShareAccount extends AzureResource implements IFileShareAccount {
  public readonly resourceId: string;
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  private readonly shares: ReadonlySet<string>;

  constructor(scope: Construct, id: string, attrs: FileShareAccountAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('attrs', attrs, 'object');
    problems.throwIfAny();
    problems.required('storageAccountId', attrs.storageAccountId, 'string');
    problems.required('storageAccountName', attrs.storageAccountName, 'string');
    problems.required('resourceGroupName', attrs.resourceGroupName, 'string');
    problems.required('location', attrs.location, 'string');
    problems.region('location', attrs.location);
    problems.resourceId(STG_ACCOUNT_ID, 'storageAccountId', attrs.storageAccountId, 'storage account');
    problems.type('shareNames', attrs.shareNames, 'array');
    problems.throwIfAny();
    (Array.isArray(attrs.shareNames) ? attrs.shareNames : []).forEach((name, i) => problems.required(`shareNames[${i}]`, name, 'string'));
    problems.throwIfAny();
    this.resourceId = attrs.storageAccountId;
    this.storageAccountId = attrs.storageAccountId;
    this.storageAccountName = attrs.storageAccountName;
    this.resourceGroupName = attrs.resourceGroupName;
    this.location = attrs.location;
    this.shares = new Set(attrs.shareNames ?? []);
  }

  public shareName(name: string): string | undefined {
    return this.shares.has(name) ? name : undefined;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return fileShareDiagnosticTargets(this.storageAccountId);
  }
}

/**
 * What a file share account sends to a workspace: the file service (StorageRead/Write/Delete
 * logs, `Transaction` metrics) and the account (`Capacity`, `Transaction`; no logs). Never
 * `AllMetrics` (research.md section 1).
 * @internal
 */
export function fileShareDiagnosticTargets(storageAccountId: string): DiagnosticTarget[] {
  return [
    { targetResourceId: `${storageAccountId}/fileServices/default`, resourceType: 'azurerm_storage_account_file_service' },
  ];
}
