import { AzurermBackend, LocalBackend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * State backend of every example stack: local by default (`terraform.<stack>.tfstate` beside
 * the stack), or an `azurerm` backend (one state blob per stack) when the environment names a
 * storage account:
 *
 *   export HYBRID_STATE_RESOURCE_GROUP=rg-tfstate
 *   export HYBRID_STATE_STORAGE_ACCOUNT=sttfstate123
 *   export HYBRID_STATE_CONTAINER=tfstate          # optional, default tfstate
 *
 * The backend authenticates with Entra ID (`use_azuread_auth`), so no storage key is needed.
 */
export function configureBackend(stack: TerraformStack): void {
  const account = process.env.HYBRID_STATE_STORAGE_ACCOUNT;
  if (account) {
    const resourceGroupName = process.env.HYBRID_STATE_RESOURCE_GROUP;
    if (!resourceGroupName) throw new Error('HYBRID_STATE_STORAGE_ACCOUNT is set but HYBRID_STATE_RESOURCE_GROUP is not');
    new AzurermBackend(stack, {
      resourceGroupName,
      storageAccountName: account,
      containerName: process.env.HYBRID_STATE_CONTAINER ?? 'tfstate',
      key: `${stack.node.id}.tfstate`,
      useAzureadAuth: true,
    });
  } else {
    new LocalBackend(stack, { path: `terraform.${stack.node.id}.tfstate` });
  }
}

/** Configures the backend of every stack of an app. */
export function configureBackends(app: IConstruct): void {
  for (const child of app.node.children) {
    if (child instanceof TerraformStack) configureBackend(child);
  }
}
