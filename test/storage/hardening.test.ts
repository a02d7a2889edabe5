import { HubNetwork, HybridFileShare, ShareAccessLevel } from '../../lib';
import { expectValidationError, newStack } from '../util';

// Bad values for the storage rules added by the hardening pass (fuzz review 8 and 15); the
// attacks themselves are in test/hardening/attacks.test.ts.

const VNET_ID = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke';

function setup(extra: object = {}) {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  hub.addSubnet('privatelink');
  return () => new HybridFileShare(stack, 'Files', { hub, privateEndpointSubnetId: hub.subnetId('privatelink')!, ...extra });
}

describe('storage hardening rules', () => {
  test('STG-REPLICATION-TYPE: replication in the provider\'s list, exact case', () => {
    expectValidationError(setup({ replicationType: 'zrs' }), 'STG-REPLICATION-TYPE', 'replicationType', 'zrs');
    expect(setup({ replicationType: 'RAGZRS' })).not.toThrow();
  });

  test('STG-SHARE-TIER: share access tier in the provider\'s list', () => {
    const files = setup()();
    expectValidationError(() => files.addShare('data', { accessTier: 'hot' }), 'STG-SHARE-TIER', 'accessTier', 'hot');
    expect(() => files.addShare('data', { accessTier: 'Cool' })).not.toThrow();
  });

  test('STG-SHARE-ROLE: share-level grants use the SMB share roles only', () => {
    const files = setup()();
    expectValidationError(() => files.grantShareAccess('0b0c9b1e-8f5a-4f0e-9c4b-2d7e4f3a1b2c', 'Contributor' as ShareAccessLevel), 'STG-SHARE-ROLE', 'level', 'Contributor');
  });

  test('STG-ZONE-LINK: further links cannot replace the hub link or share a link name', () => {
    expectValidationError(setup({ linkVirtualNetworks: { Hub: VNET_ID } }), 'STG-ZONE-LINK', 'linkVirtualNetworks.Hub');
    expectValidationError(setup({ linkVirtualNetworks: { 'x.y': VNET_ID, 'x_y': VNET_ID } }), 'STG-ZONE-LINK', 'linkVirtualNetworks.x_y');
    expectValidationError(setup({ linkVirtualNetworks: { 'a/b': VNET_ID } }), 'STG-ZONE-LINK', 'linkVirtualNetworks.a/b');
  });
});
