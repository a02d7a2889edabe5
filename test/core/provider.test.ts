import { ArcKubernetesCluster } from '@cdktf/provider-azurerm/lib/arc-kubernetes-cluster';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack, Testing } from 'cdktf';
import { AzureProvider } from '../../lib';
import { expectValidationError } from '../util';

function stackWithProvider(props = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'connectivity');
  new AzureProvider(stack, 'azurerm', props);
  return stack;
}

const providerOf = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).provider.azurerm[0];

describe('AzureProvider', () => {
  test('takes the subscription from a variable, empty meaning ARM_SUBSCRIPTION_ID', () => {
    const stack = stackWithProvider();
    const json = JSON.parse(Testing.synth(stack));
    expect(json.variable.subscription_id).toMatchObject({ type: 'string', default: '' });
    expect(json.provider.azurerm[0].subscription_id).toBe('${var.subscription_id == "" ? null : var.subscription_id}');
  });

  test('fails when the subscription id is the zero placeholder or not a GUID', () => {
    expectValidationError(() => stackWithProvider({ subscriptionId: '00000000-0000-0000-0000-000000000000' }), 'PROVIDER-SUBSCRIPTION', 'subscriptionId');
    expectValidationError(() => stackWithProvider({ subscriptionId: 'my-subscription' }), 'PROVIDER-SUBSCRIPTION', 'subscriptionId');
  });

  test('turns the storage data-plane checks off only when a storage account has no public access', () => {
    const open = stackWithProvider();
    new StorageAccount(open, 'Open', { name: 'stopen', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS' });
    expect(providerOf(open).features).toEqual([{}]);
    const closed = stackWithProvider();
    new StorageAccount(closed, 'Private', { name: 'stpriv', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', publicNetworkAccessEnabled: false });
    expect(providerOf(closed).features).toEqual([{ storage: [{ data_plane_available: false }] }]);
  });

  test('registers the resource providers the stack\'s Arc resources need', () => {
    const stack = stackWithProvider();
    new ArcKubernetesCluster(stack, 'Cluster', { name: 'k', resourceGroupName: 'rg', location: 'westeurope', agentPublicKeyCertificate: 'x', identity: { type: 'SystemAssigned' } });
    expect(providerOf(stack).resource_providers_to_register).toEqual(['Microsoft.ExtendedLocation', 'Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration']);
  });
});
