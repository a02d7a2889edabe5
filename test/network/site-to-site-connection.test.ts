import { TerraformStack } from 'cdktf';
import { HubNetwork, IpsecPolicy, SharedKey, SiteToSiteConnectionOptions, VpnGateway, VpnGatewayProps, VpnDevice } from '../../lib';
import { expectValidationError, newStack, onlyResource, resourcesOf, synthJson } from '../util';
import { errorsAfterSynth } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const staticSite: SiteToSiteConnectionOptions = { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] };
const bgpSite: SiteToSiteConnectionOptions = { device: VpnDevice.address('198.51.100.20'), bgpAsn: 65010, bgpPeeringAddress: '192.168.20.1' };
const policy: IpsecPolicy = {
  ikeEncryption: 'AES256',
  ikeIntegrity: 'SHA384',
  dhGroup: 'ECP384',
  ipsecEncryption: 'GCMAES256',
  ipsecIntegrity: 'GCMAES256',
  pfsGroup: 'ECP384',
};

/** GIVEN: a stack with a 10.0.0.0/16 hub and a default VPN gateway. */
function gatewayStack(props: Partial<VpnGatewayProps> = {}): { stack: TerraformStack; gateway: VpnGateway } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const gateway = new VpnGateway(stack, 'Vpn', { hub, ...props });
  return { stack, gateway };
}

/** Adds a site with `options` to a fresh gateway (for failure tests). */
function siteWith(options: SiteToSiteConnectionOptions, gatewayProps: Partial<VpnGatewayProps> = {}): () => unknown {
  return () => gatewayStack(gatewayProps).gateway.addSite('Site', options);
}

describe('SiteToSiteConnection', () => {
  describe('static site', () => {
    test('creates a local network gateway with the prefixes and an IKEv2 IPsec connection with the GCM policy', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      // WHEN
      gateway.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24', '192.168.11.0/24'] });
      // THEN
      const json = synthJson(stack);
      const lgw = onlyResource(json, 'azurerm_local_network_gateway');
      expect(lgw).toMatchObject({ gateway_address: '203.0.113.10', address_space: ['192.168.10.0/24', '192.168.11.0/24'], resource_group_name: 'rg', location: 'westeurope' });
      expect(lgw.gateway_fqdn).toBeUndefined();
      expect(lgw.bgp_settings).toBeUndefined();
      const connection = onlyResource(json, 'azurerm_virtual_network_gateway_connection');
      const gatewayLogicalId = Object.keys(json.resource.azurerm_virtual_network_gateway)[0];
      const lgwLogicalId = Object.keys(json.resource.azurerm_local_network_gateway)[0];
      expect(connection).toMatchObject({
        type: 'IPsec',
        connection_protocol: 'IKEv2',
        enable_bgp: false,
        dpd_timeout_seconds: 45,
        virtual_network_gateway_id: `\${azurerm_virtual_network_gateway.${gatewayLogicalId}.id}`,
        local_network_gateway_id: `\${azurerm_local_network_gateway.${lgwLogicalId}.id}`,
      });
      expect(connection.ipsec_policy).toEqual({
        ike_encryption: 'AES256',
        ike_integrity: 'SHA384',
        dh_group: 'ECP384',
        ipsec_encryption: 'GCMAES256',
        ipsec_integrity: 'GCMAES256',
        pfs_group: 'ECP384',
        sa_lifetime: 27000,
        sa_datasize: 102400000,
      });
      expect(connection.custom_bgp_addresses).toBeUndefined();
    });

    test('generates the shared key with random_password and never writes a literal', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      // WHEN
      gateway.addSite('Paris', staticSite);
      gateway.addSite('Lyon', bgpSite);
      // THEN
      const json = synthJson(stack);
      const passwords = json.resource.random_password;
      expect(Object.keys(passwords)).toHaveLength(2);
      for (const password of Object.values(passwords) as any[]) {
        expect(password).toMatchObject({ length: 64, special: false, min_numeric: 4, min_upper: 4, min_lower: 4 });
      }
      const keys = resourcesOf(json, 'azurerm_virtual_network_gateway_connection').map((c) => c.shared_key);
      expect(keys).toHaveLength(2);
      for (const key of keys) expect(key).toMatch(/^\$\{random_password\.[A-Za-z0-9_]+\.result\}$/);
      expect(new Set(keys).size).toBe(2);
      expect(Object.keys(json.provider)).toEqual(expect.arrayContaining(['azurerm', 'random']));
      expect(json.provider.random).toHaveLength(1);
    });

    test('outputs each generated key as a sensitive output', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      // WHEN
      gateway.addSite('Paris', staticSite);
      // THEN
      const json = synthJson(stack);
      const output = json.output.vpn_paris_shared_key;
      expect(output.sensitive).toBe(true);
      expect(output.value).toMatch(/^\$\{random_password\..+\.result\}$/);
      expect(output.value).toBe(onlyResource(json, 'azurerm_virtual_network_gateway_connection').shared_key);
    });

    test('takes the key from a sensitive variable or Key Vault', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      // WHEN
      gateway.addSite('Paris', { ...staticSite, sharedKey: SharedKey.fromVariable('paris_psk') });
      gateway.addSite('Lyon', { ...bgpSite, sharedKey: SharedKey.fromKeyVaultSecret('/subscriptions/x/vaults/kv', 'lyon-psk') });
      // THEN
      const json = synthJson(stack);
      expect(json.variable.paris_psk).toMatchObject({ type: 'string', sensitive: true, nullable: false });
      const keys = resourcesOf(json, 'azurerm_virtual_network_gateway_connection').map((c) => c.shared_key).sort();
      expect(keys[1]).toBe('${var.paris_psk}');
      expect(keys[0]).toMatch(/^\$\{data\.azurerm_key_vault_secret\..+\.value\}$/);
      expect(json.resource.random_password).toBeUndefined();
    });

    test('takes an FQDN instead of an address', () => {
      const { stack, gateway } = gatewayStack();
      gateway.addSite('Paris', { device: VpnDevice.fqdn('vpn.contoso.com'), addressSpaces: ['192.168.10.0/24'] });
      const lgw = onlyResource(synthJson(stack), 'azurerm_local_network_gateway');
      expect(lgw.gateway_fqdn).toBe('vpn.contoso.com');
      expect(lgw.gateway_address).toBeUndefined();
    });

    test("uses Azure's default proposals when asked", () => {
      const { stack, gateway } = gatewayStack();
      gateway.addSite('Paris', { ...staticSite, useAzureDefaultIpsecPolicy: true });
      expect(onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_connection').ipsec_policy).toBeUndefined();
    });
  });

  describe('BGP site', () => {
    test('puts bgp_settings and the peer /32 on the local network gateway', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      // WHEN
      gateway.addSite('Lyon', bgpSite);
      // THEN
      const json = synthJson(stack);
      const lgw = onlyResource(json, 'azurerm_local_network_gateway');
      expect(lgw.bgp_settings).toEqual({ asn: 65010, bgp_peering_address: '192.168.20.1' });
      expect(lgw.address_space).toEqual(['192.168.20.1/32']);
      expect(onlyResource(json, 'azurerm_virtual_network_gateway_connection').enable_bgp).toBe(true);
    });

    test('does not add an APIPA peer to the address space, nor a /32 already listed', () => {
      const { stack, gateway } = gatewayStack({ apipaAddressesInstance1: ['169.254.21.1'], apipaAddressesInstance2: ['169.254.22.1'] });
      gateway.addSite('Aws', { device: VpnDevice.address('198.51.100.30'), bgpAsn: 64512, bgpPeeringAddress: '169.254.21.2', customBgpAddressInstance1: '169.254.21.1', customBgpAddressInstance2: '169.254.22.1' });
      gateway.addSite('Lyon', { ...bgpSite, addressSpaces: ['192.168.20.1/32'] });
      const json = synthJson(stack);
      const spaces = resourcesOf(json, 'azurerm_local_network_gateway').map((l) => l.address_space);
      expect(spaces).toEqual(expect.arrayContaining([[], ['192.168.20.1/32']]));
      const aws = resourcesOf(json, 'azurerm_virtual_network_gateway_connection').find((c) => c.custom_bgp_addresses);
      expect(aws.custom_bgp_addresses).toEqual({ primary: '169.254.21.1', secondary: '169.254.22.1' });
    });
  });

  describe('validation', () => {
    test('fails when the site has both an address and an FQDN', () => {
      // only a JavaScript caller can build such a device (VpnDevice.address / .fqdn give one or the other)
      const both = { gatewayAddress: '203.0.113.10', gatewayFqdn: 'vpn.contoso.com' } as unknown as VpnDevice;
      expectValidationError(siteWith({ ...staticSite, device: both }), 'VPN-SITE-ENDPOINT', 'device', 'vpn.contoso.com');
    });

    test('fails when the site has neither an address nor an FQDN', () => {
      expectValidationError(siteWith({ addressSpaces: ['192.168.10.0/24'], device: {} as VpnDevice }), 'VPN-SITE-ENDPOINT', 'device');
      expectValidationError(siteWith({ addressSpaces: ['192.168.10.0/24'] } as SiteToSiteConnectionOptions), 'PROP-REQUIRED', 'device');
      expectValidationError(siteWith({ addressSpaces: ['192.168.10.0/24'], device: '203.0.113.10' as unknown as VpnDevice }), 'PROP-TYPE', 'device');
    });

    test('fails when the FQDN is not a domain name', () => {
      expectValidationError(siteWith({ device: VpnDevice.fqdn('not_a_host'), addressSpaces: ['192.168.10.0/24'] }), 'VPN-SITE-ENDPOINT', 'device', 'not_a_host');
    });

    test.each(['10.1.2.3', '169.254.1.1', 'x', '100.64.0.1', '127.0.0.1'])('fails when the gateway address is %s', (address) => {
      expectValidationError(siteWith({ ...staticSite, device: VpnDevice.address(address )}), 'VPN-SITE-PUBLIC-IP', 'device', address);
    });

    test('fails when a static site has no prefixes', () => {
      expectValidationError(siteWith({ device: VpnDevice.address('203.0.113.10' )}), 'VPN-SITE-ADDRESS', 'addressSpaces', []);
      expectValidationError(siteWith({ device: VpnDevice.address('203.0.113.10'), addressSpaces: [] }), 'VPN-SITE-ADDRESS', 'addressSpaces', []);
    });

    test('fails when a BGP site has no peer address', () => {
      expectValidationError(siteWith({ device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010 }), 'VPN-SITE-ADDRESS', 'bgpPeeringAddress');
      expectValidationError(siteWith({ ...bgpSite, bgpPeeringAddress: 'peer' }), 'VPN-SITE-ADDRESS', 'bgpPeeringAddress', 'peer');
    });

    test('fails when a peer address is given without an ASN', () => {
      expectValidationError(siteWith({ ...staticSite, bgpPeeringAddress: '192.168.20.1' }), 'VPN-SITE-ADDRESS', 'bgpPeeringAddress', '192.168.20.1');
    });

    test('fails when a site overlaps the hub, naming both ranges', () => {
      const error = expectValidationError(siteWith({ ...staticSite, addressSpaces: ['10.0.128.0/24'] }), 'NET-ADDRESS-OVERLAP', 'addressSpaces', '10.0.128.0/24');
      expect(error.message).toMatch(/10\.0\.128\.0\/24 \(on-premises site test\/Vpn\/Site\) overlaps 10\.0\.0\.0\/16 \(hub test\/Hub address space\)/);
    });

    test('fails when two sites overlap, naming both ranges', () => {
      const { gateway } = gatewayStack();
      gateway.addSite('Paris', staticSite);
      const error = expectValidationError(() => gateway.addSite('Lyon', { device: VpnDevice.address('198.51.100.20'), addressSpaces: ['192.168.0.0/16'] }), 'NET-ADDRESS-OVERLAP', 'addressSpaces', '192.168.0.0/16');
      expect(error.message).toMatch(/192\.168\.0\.0\/16 \(on-premises site test\/Vpn\/Lyon\) overlaps 192\.168\.10\.0\/24 \(on-premises site test\/Vpn\/Paris\)/);
    });

    test('fails when a site prefix is not a network CIDR', () => {
      expectValidationError(siteWith({ ...staticSite, addressSpaces: ['192.168.10.1/24'] }), 'NET-CIDR-INVALID', 'addressSpaces', '192.168.10.1/24');
    });

    test.each([8074, 12076, 23456, 64500, 65517, 65535, 4294967295, 0])('fails when the on-premises ASN is %p', (asn) => {
      expectValidationError(siteWith({ ...bgpSite, bgpAsn: asn }), 'VPN-BGP-ASN', 'bgpAsn', asn);
    });

    test("fails when the on-premises ASN is Azure's 65515", () => {
      const error = expectValidationError(siteWith({ ...bgpSite, bgpAsn: 65515 }), 'VPN-BGP-ASN', 'bgpAsn', 65515);
      expect(error.message).toContain("65515 is Azure's own VPN gateway ASN");
    });

    test("fails when the on-premises ASN equals the gateway's", () => {
      expectValidationError(siteWith({ ...bgpSite, bgpAsn: 65010 }, { asn: 65010 }), 'VPN-BGP-ASN-DISTINCT', 'bgpAsn', 65010);
    });

    test('fails when a BGP site is added to a gateway with BGP off', () => {
      expectValidationError(siteWith(bgpSite, { bgpEnabled: false }), 'VPN-BGP-DISABLED', 'bgpAsn', 65010);
    });

    test('fails when custom BGP addresses are given on a site without BGP', () => {
      expectValidationError(
        siteWith({ ...staticSite, customBgpAddressInstance1: '169.254.21.1' }, { apipaAddressesInstance1: ['169.254.21.1'] }),
        'VPN-BGP-DISABLED',
        'customBgpAddressInstance1',
        '169.254.21.1',
      );
    });

    test('fails when custom BGP addresses are used on an active-standby gateway', () => {
      expectValidationError(
        siteWith({ ...bgpSite, customBgpAddressInstance1: '169.254.21.1' }, { activeActive: false, apipaAddressesInstance1: ['169.254.21.1'] }),
        'VPN-APIPA-ACTIVE-ACTIVE',
        'customBgpAddressInstance1',
        '169.254.21.1',
      );
    });

    test("fails when a custom BGP address is not in the gateway's list", () => {
      const error = expectValidationError(
        siteWith({ ...bgpSite, customBgpAddressInstance1: '169.254.21.9' }, { apipaAddressesInstance1: ['169.254.21.1'] }),
        'VPN-APIPA-ACTIVE-ACTIVE',
        'customBgpAddressInstance1',
        '169.254.21.9',
      );
      expect(error.message).toContain('(169.254.21.1)');
      expectValidationError(
        siteWith({ ...bgpSite, customBgpAddressInstance1: '169.254.21.1', customBgpAddressInstance2: '169.254.22.9' }, { apipaAddressesInstance1: ['169.254.21.1'], apipaAddressesInstance2: ['169.254.22.1'] }),
        'VPN-APIPA-ACTIVE-ACTIVE',
        'customBgpAddressInstance2',
        '169.254.22.9',
      );
    });

    test("fails when the second instance's custom address comes without the first", () => {
      expectValidationError(
        siteWith({ ...bgpSite, customBgpAddressInstance2: '169.254.22.1' }, { apipaAddressesInstance2: ['169.254.22.1'] }),
        'VPN-APIPA-ACTIVE-ACTIVE',
        'customBgpAddressInstance2',
        '169.254.22.1',
      );
    });

    test.each(['169.254.20.5', '169.254.23.1', 'not-an-ip'])('fails when a custom BGP address is %s', (address) => {
      expectValidationError(siteWith({ ...bgpSite, customBgpAddressInstance1: address }), 'VPN-APIPA-RANGE', 'customBgpAddressInstance1', address);
      expectValidationError(
        siteWith({ ...bgpSite, customBgpAddressInstance1: '169.254.21.1', customBgpAddressInstance2: address }, { apipaAddressesInstance1: ['169.254.21.1'] }),
        'VPN-APIPA-RANGE',
        'customBgpAddressInstance2',
        address,
      );
    });

    test('fails when GCMAES encryption is paired with another integrity', () => {
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, ipsecIntegrity: 'SHA256' } }), 'VPN-IPSEC-GCM', 'ipsecPolicy.ipsecIntegrity', 'SHA256');
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, ipsecEncryption: 'AES256', ipsecIntegrity: 'GCMAES256' } }), 'VPN-IPSEC-GCM', 'ipsecPolicy.ipsecIntegrity', 'GCMAES256');
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, ipsecEncryption: 'GCMAES128' } }), 'VPN-IPSEC-GCM', 'ipsecPolicy.ipsecIntegrity', 'GCMAES256');
    });

    test.each([299, 172800, 300.5])('fails when the SA lifetime is %p seconds', (lifetime) => {
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, saLifetimeSeconds: lifetime } }), 'VPN-IPSEC-LIFETIME', 'ipsecPolicy.saLifetimeSeconds', lifetime);
    });

    test('fails when the SA data size is 1000 KB', () => {
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, saDataSizeKilobytes: 1000 } }), 'VPN-IPSEC-LIFETIME', 'ipsecPolicy.saDataSizeKilobytes', 1000);
    });

    test('accepts the lifetime bounds and a data size of 0', () => {
      const { stack, gateway } = gatewayStack();
      gateway.addSite('A', { ...staticSite, ipsecPolicy: { ...policy, saLifetimeSeconds: 300, saDataSizeKilobytes: 0 } });
      gateway.addSite('B', { device: VpnDevice.address('203.0.113.11'), addressSpaces: ['192.168.11.0/24'], ipsecPolicy: { ...policy, saLifetimeSeconds: 172799, saDataSizeKilobytes: 1024 } });
      const policies = resourcesOf(synthJson(stack), 'azurerm_virtual_network_gateway_connection').map((c) => [c.ipsec_policy.sa_lifetime, c.ipsec_policy.sa_datasize]);
      expect(policies).toEqual(expect.arrayContaining([[300, 0], [172799, 1024]]));
    });

    test('fails when a policy uses a weak algorithm', () => {
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, ikeEncryption: 'DES' } }), 'VPN-IPSEC-VALUE', 'ipsecPolicy.ikeEncryption', 'DES');
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, ikeIntegrity: 'MD5' } }), 'VPN-IPSEC-VALUE', 'ipsecPolicy.ikeIntegrity', 'MD5');
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, dhGroup: 'DHGroup1' } }), 'VPN-IPSEC-VALUE', 'ipsecPolicy.dhGroup', 'DHGroup1');
      expectValidationError(siteWith({ ...staticSite, ipsecPolicy: { ...policy, pfsGroup: 'PFS1' } }), 'VPN-IPSEC-VALUE', 'ipsecPolicy.pfsGroup', 'PFS1');
    });

    test('fails when the routing weight is 32001', () => {
      expectValidationError(siteWith({ ...staticSite, routingWeight: 32001 }), 'VPN-CONNECTION-WEIGHT', 'routingWeight', 32001);
      expectValidationError(siteWith({ ...staticSite, routingWeight: -1 }), 'VPN-CONNECTION-WEIGHT', 'routingWeight', -1);
    });

    test('fails when the DPD timeout is 8 seconds', () => {
      expectValidationError(siteWith({ ...staticSite, dpdTimeoutSeconds: 8 }), 'VPN-CONNECTION-DPD', 'dpdTimeoutSeconds', 8);
      expectValidationError(siteWith({ ...staticSite, dpdTimeoutSeconds: 3601 }), 'VPN-CONNECTION-DPD', 'dpdTimeoutSeconds', 3601);
    });

    test('fails when a name breaks Azure rules', () => {
      expectValidationError(siteWith({ ...staticSite, localNetworkGatewayName: 'bad name' }), 'NAME-INVALID', 'localNetworkGatewayName', 'bad name');
      expectValidationError(siteWith({ ...staticSite, connectionName: 'bad-' }), 'NAME-INVALID', 'connectionName', 'bad-');
    });

    test('fails at synth when an escape hatch puts a literal shared key on the connection', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      const site = gateway.addSite('Paris', staticSite);
      // WHEN
      site.connection.addOverride('shared_key', 'literal');
      // THEN
      const errors = errorsAfterSynth(stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Vpn\/Paris: .*azurerm_virtual_network_gateway_connection\.Vpn_Paris_[0-9A-F]+: the pre-shared key has a literal part \(7 characters\)/);
    });

    test('the synth error does not print the literal key itself', () => {
      const { stack, gateway } = gatewayStack();
      gateway.addSite('Paris', staticSite).connection.addOverride('shared_key', 'literal');
      expect(errorsAfterSynth(stack).join('\n')).not.toMatch(/= "?literal"?/);
    });

    test('fails at synth when a literal prefix is glued to an expression in the shared key', () => {
      // GIVEN
      const { stack, gateway } = gatewayStack();
      const site = gateway.addSite('Paris', staticSite);
      // WHEN: part of the key would sit in the repository
      site.connection.addOverride('shared_key', 'abc${var.key}');
      // THEN
      expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Vpn\/Paris: .*a literal part \(13 characters\)/);
    });

    test('a key that is one whole expression passes', () => {
      const { stack, gateway } = gatewayStack();
      const site = gateway.addSite('Paris', staticSite);
      site.connection.addOverride('shared_key', '${var.key}');
      expect(errorsAfterSynth(stack)).toEqual([]);
    });
  });

  test('snapshot: a minimal gateway with one site', () => {
    // GIVEN
    const { stack, gateway } = gatewayStack();
    // WHEN
    gateway.addSite('Paris', staticSite);
    // THEN
    expect(synthJson(stack)).toMatchSnapshot();
  });
});
