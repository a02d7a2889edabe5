import { TerraformStack, TerraformVariable } from 'cdktf';
import { ExpressRouteCircuit, HubNetwork, SharedKey, SiteToSiteConnectionOptions, VpnDevice, VpnGateway } from '../../lib';
import { expectValidationError, newStack, onlyResource, synthJson } from '../util';
import { errorsAfterSynth } from './synth-util';

// Fuzz F6/F15: what SharedKey's factories accept.

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const staticSite: SiteToSiteConnectionOptions = { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] };

function gateway(stack: TerraformStack = newStack()): VpnGateway {
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  return new VpnGateway(stack, 'Vpn', { hub });
}

describe('SharedKey.generate', () => {
  test.each([
    ['NaN', NaN],
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['5 (less than the 12 characters of the required digits and letters)', 5],
    ['11', 11],
    ['129 (more than Azure takes)', 129],
    ['Infinity', Infinity],
    ["the string '64'", '64'],
  ])('refuses a length of %s: VPN-SHARED-KEY-LENGTH on length', (_name, length) => {
    // (NaN and Infinity have no JSON form: the message names them as they are.)
    const json = typeof length === 'number' && !Number.isFinite(length) ? undefined : length;
    const error = expectValidationError(() => SharedKey.generate(length as number), 'VPN-SHARED-KEY-LENGTH', 'length', json);
    expect(error.problems[0].value).toBe(json === undefined ? String(length) : JSON.stringify(length));
    expect(error.message).toContain('whole number from 12 to 128');
  });

  test.each([12, 25, 64, 128])('accepts %d and writes it as the random_password length', (length) => {
    const stack = newStack();
    gateway(stack).addSite('Paris', { ...staticSite, sharedKey: SharedKey.generate(length) });
    expect(onlyResource(synthJson(stack), 'random_password').length).toBe(length);
  });

  test('the default is 64 characters', () => {
    const stack = newStack();
    gateway(stack).addSite('Paris', staticSite);
    expect(onlyResource(synthJson(stack), 'random_password')).toMatchObject({ length: 64, min_numeric: 4, min_upper: 4, min_lower: 4, special: false });
  });

  test('an MD5 key is still held to 25 characters by the circuit', () => {
    expectValidationError(
      () => new ExpressRouteCircuit(newStack(), 'Circuit', {
        ...base,
        serviceProviderName: 'Equinix',
        peeringLocation: 'Amsterdam',
        bandwidthInMbps: 1000,
        privatePeering: { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020, md5SharedKey: SharedKey.generate(26) },
      }),
      'ER-SHARED-KEY-LENGTH',
      'privatePeering.md5SharedKey',
    );
  });
});

describe('SharedKey.fromKeyVaultSecret', () => {
  test('refuses a missing vault id or secret name (JavaScript callers): PROP-REQUIRED', () => {
    expectValidationError(() => SharedKey.fromKeyVaultSecret(undefined as any, undefined as any), 'PROP-REQUIRED', 'keyVaultId');
    expectValidationError(() => SharedKey.fromKeyVaultSecret(undefined as any, undefined as any), 'PROP-REQUIRED', 'secretName');
    expectValidationError(() => SharedKey.fromKeyVaultSecret('/subscriptions/x/vaults/kv', '' as any), 'PROP-TYPE', 'secretName');
  });

  test('a vault id and a secret name read the key from the data source', () => {
    const stack = newStack();
    gateway(stack).addSite('Paris', { ...staticSite, sharedKey: SharedKey.fromKeyVaultSecret('/subscriptions/x/vaults/kv', 'paris-psk') });
    const json = synthJson(stack);
    expect(Object.values(json.data.azurerm_key_vault_secret)).toEqual([expect.objectContaining({ key_vault_id: '/subscriptions/x/vaults/kv', name: 'paris-psk' })]);
  });
});

describe('SharedKey.fromVariable', () => {
  test('refuses a name a variable of the stack already has (the two would merge, with its default as the key): NAME-DUPLICATE', () => {
    const stack = newStack();
    const vpn = gateway(stack);
    new TerraformVariable(stack, 'psk', { type: 'string', default: 'SuperSecretPsk123' });
    const error = expectValidationError(() => vpn.addSite('Paris', { ...staticSite, sharedKey: SharedKey.fromVariable('psk') }), 'NAME-DUPLICATE', 'variableName', 'psk');
    expect(error.message).not.toContain('SuperSecretPsk123');
  });

  test('refuses at synth a variable of the same name created after the key', () => {
    const stack = newStack();
    gateway(stack).addSite('Paris', { ...staticSite, sharedKey: SharedKey.fromVariable('psk') });
    new TerraformVariable(stack, 'psk', { type: 'string', default: 'SuperSecretPsk123' });
    const errors = errorsAfterSynth(stack).join('\n');
    expect(errors).toMatch(/\[NAME-DUPLICATE\] test\/Vpn\/Paris: `variableName` = "psk"/);
    expect(errors).not.toContain('SuperSecretPsk123');
  });

  test('two connections may share one key variable', () => {
    const stack = newStack();
    const vpn = gateway(stack);
    vpn.addSite('Paris', { ...staticSite, sharedKey: SharedKey.fromVariable('psk') });
    vpn.addSite('Lyon', { device: VpnDevice.address('203.0.113.20'), addressSpaces: ['192.168.20.0/24'], sharedKey: SharedKey.fromVariable('psk') });
    const json = synthJson(stack);
    expect(json.variable.psk).toEqual({ type: 'string', sensitive: true, nullable: false, description: 'Pre-shared key of a site-to-site VPN connection' });
    expect(errorsAfterSynth(stack)).toEqual([]);
  });
});
