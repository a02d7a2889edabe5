import { AZURE_IKE_LIFETIME_SECONDS } from '../../lib/handoff/algorithms';
import {
  buildHandoff, deviceModel, fillFromOutputs, renderCiscoIosXe, renderFortiGate, renderFrr, renderJuniperSrx, renderPaloAlto, renderSwanctl, substituteNames,
} from '../../lib/handoff';
import { fakeOutputs, filledModel, synthJson, variantJson } from './fixtures';

describe('deviceModel on site-to-site-vpn', () => {
  const json = synthJson('site-to-site-vpn');
  const model = deviceModel(json);
  const lyon = model.sites.find((s) => s.key === 'vpngateway-lyon')!;
  const paris = model.sites.find((s) => s.key === 'vpngateway-paris')!;

  test('one site per IPsec connection, named after the local network gateway', () => {
    expect(model.sites.map((s) => s.key).sort()).toEqual(['vpngateway-lyon', 'vpngateway-paris']);
    expect(lyon).toMatchObject({ connectionName: 'con-vpngateway-lyon', localNetworkGatewayName: 'lgw-vpngateway-lyon', resourceGroup: 'rg-hybrid-connectivity', device: { address: '198.51.100.20' }, ikeVersion: 'IKEv2', dpdTimeoutSeconds: 45, problems: [] });
  });

  test('both instances of the active-active gateway, each with the output that carries its values', () => {
    expect(lyon.instances).toHaveLength(2);
    expect(lyon.instances.map((i) => i.publicIp.output)).toEqual([{ name: 'vpn_gateway_public_ips', index: 0 }, { name: 'vpn_gateway_public_ips', index: 1 }]);
    expect(lyon.instances.map((i) => i.bgpAddress!.output)).toEqual([
      { name: 'vpn_gateway_bgp_peering_addresses', index: 0, subIndex: 0 },
      { name: 'vpn_gateway_bgp_peering_addresses', index: 1, subIndex: 0 },
    ]);
    expect(lyon.sharedKey.output).toEqual({ name: 'vpn_gateway_lyon_shared_key' });
    expect(paris.instances.every((i) => i.bgpAddress === undefined)).toBe(true);
  });

  test('BGP, prefixes and the policy exactly as the connection', () => {
    expect(lyon.bgp).toEqual({ localAsn: '65010', localAddress: '192.168.20.1', azureAsn: '65515', apipa: false });
    expect(paris.bgp).toBeUndefined();
    expect(paris.localPrefixes).toEqual(['192.168.10.0/24', '192.168.11.0/24']);
    expect(paris.azurePrefixes).toEqual(['10.10.0.0/16']);
    expect(lyon.policy!.azure).toMatchObject({ ikeEncryption: 'AES256', ikeIntegrity: 'SHA384', dhGroup: 'ECP384', ipsecEncryption: 'GCMAES256', pfsGroup: 'ECP384', saLifetimeSeconds: 27000, saDataSizeKilobytes: 102400000 });
    expect(lyon.azureDefaultPolicy).toBe(false);
  });

  test('outputs, names and resource groups for the page', () => {
    expect(model.resourceGroups).toEqual(['rg-hybrid-connectivity']);
    expect(model.resourceGroupOf['con-vpngateway-paris']).toBe('rg-hybrid-connectivity');
    expect(model.outputs.find((o) => o.name === 'vpn_gateway_lyon_shared_key')).toMatchObject({ sensitive: true });
    expect(model.gates.map((g) => g.name)).toEqual(['gateway_diagnostics_machines_onboarded']);
  });

  test('fillFromOutputs fills the after-apply values from `terraform output -json`', () => {
    const filled = fillFromOutputs(model, fakeOutputs(model));
    const l = filled.sites.find((s) => s.key === 'vpngateway-lyon')!;
    expect(l.instances.map((i) => i.publicIp.text)).toEqual([expect.stringMatching(/^198\.18\.\d+\.1$/), expect.stringMatching(/^198\.18\.\d+\.2$/)]);
    expect(l.instances.map((i) => i.bgpAddress!.text)).toEqual([expect.stringMatching(/^10\.250\.\d+\.4$/), expect.stringMatching(/^10\.250\.\d+\.5$/)]);
    expect(l.sharedKey.text).toMatch(/^Key/);
    // An output missing from the file leaves the placeholder.
    const partial = fillFromOutputs(model, {});
    expect(partial.sites[0].instances[0].publicIp.text).toBeUndefined();
  });
});

describe('deviceModel on the other examples and on options the examples do not use', () => {
  test('expressroute-vpn-failover: the hub and the spokes that use its gateway are the Azure prefixes', () => {
    const [site] = deviceModel(synthJson('expressroute-vpn-failover')).sites;
    expect(site.azurePrefixes).toEqual(['10.30.0.0/16', '10.31.0.0/16', '10.32.0.0/16']);
    expect(site.bgp).toMatchObject({ localAsn: '65030', localAddress: '172.20.255.1', azureAsn: '65515' });
  });

  test('custom APIPA addresses, policy-based selectors, egress NAT and an AES-CBC policy without PFS', () => {
    const model = deviceModel(variantJson());
    const lyon = model.sites.find((s) => s.key === 'vpngateway-lyon')!;
    const paris = model.sites.find((s) => s.key === 'vpngateway-paris')!;
    expect(lyon.bgp).toMatchObject({ localAddress: '169.254.21.2', apipa: true });
    expect(lyon.instances.map((i) => i.bgpAddress!.text)).toEqual(['169.254.21.1', '169.254.22.1']);
    expect(paris.nat).toEqual([{ name: 'egress-hub', mode: 'EgressSnat', type: 'Static', internal: ['10.10.0.0/16'], external: ['100.64.10.0/16'] }]);
    expect(paris.azurePrefixes).toEqual(['100.64.10.0/16']);
    expect(paris.trafficSelectors).toEqual([{ local: ['192.168.10.0/24', '192.168.11.0/24'], remote: ['100.64.10.0/16'] }]);
    const swan = renderSwanctl(paris);
    expect(swan).toContain('local_ts = 192.168.10.0/24,192.168.11.0/24');
    expect(swan).toContain('remote_ts = 100.64.10.0/16');
    expect(swan).toContain('proposals = aes256-sha256-modp2048');
    expect(swan).toMatch(/esp_proposals = aes256-sha256\n/);
    expect(swan).not.toContain('if_id_in');
    expect(renderFrr(lyon)).toContain(' neighbor 169.254.21.1 peer-group AZURE');
    expect(renderFrr(lyon)).toContain('ip prefix-list AZURE-OUT seq 10 permit 192.168.30.0/24');
    expect(renderCiscoIosXe(paris)).toContain('permit ip 192.168.10.0 0.0.0.255 100.64.10.0 0.0.255.255');
    expect(renderJuniperSrx(paris)).toContain('traffic-selector ts1-1-1 local-ip 192.168.10.0/24');
    expect(renderPaloAlto(paris)).toContain('proxy-id ts1-1-1 local 192.168.10.0/24 remote 100.64.10.0/16');
    expect(renderFortiGate(paris)).toContain('set src-subnet 192.168.10.0 255.255.255.0');
    expect(renderFortiGate(paris)).toContain('set pfs disable');
  });

  test('a policy with no on-premises equivalent is named, and nothing is rendered for it', () => {
    const json = synthJson('site-to-site-vpn');
    for (const c of Object.values<any>(json.resource.azurerm_virtual_network_gateway_connection)) c.ipsec_policy.pfs_group = 'PFSMM';
    const [site] = deviceModel(json).sites;
    expect(site.policy).toBeUndefined();
    expect(site.problems).toEqual([expect.stringContaining('PFS group PFSMM has no equivalent')]);
    expect(renderSwanctl(site)).not.toContain('connections {');
    expect(renderCiscoIosXe(site)).not.toContain('crypto');
  });

  test('without ipsec_policy: one of Azure\'s default offers, said so', () => {
    const json = synthJson('site-to-site-vpn');
    for (const c of Object.values<any>(json.resource.azurerm_virtual_network_gateway_connection)) delete c.ipsec_policy;
    const [site] = deviceModel(json).sites;
    expect(site.azureDefaultPolicy).toBe(true);
    expect(renderSwanctl(site)).toContain('esp_proposals = aes256gcm16\n');
    expect(renderSwanctl(site)).toContain("Azure's default offers");
  });
});

describe('vendor renderers: the connection\'s parameters in each vendor\'s words, citing Azure\'s sample', () => {
  const { model, outputs } = filledModel('site-to-site-vpn');
  const lyon = fillFromOutputs(model, outputs).sites.find((s) => s.key === 'vpngateway-lyon')!;
  const ip1 = lyon.instances[0].publicIp.text!;
  const bgp2 = lyon.instances[1].bgpAddress!.text!;

  test('Cisco IOS XE', () => {
    const text = renderCiscoIosXe(lyon);
    expect(text).toContain('Azure-vpn-config-samples/blob/master/Cisco/Current/ASR/cisco-asr-ios-15.2-Route_Based.txt');
    for (const line of [' encryption aes-cbc-256', ' integrity sha384', ' group 20', 'crypto ipsec transform-set AZURE-TS esp-gcm 256', ' set pfs group20', ' set security-association lifetime seconds 27000',
      ' set security-association lifetime kilobytes 102400000', ` lifetime ${AZURE_IKE_LIFETIME_SECONDS}`, ' dpd 15 5 on-demand', `  address ${ip1}`, 'interface Tunnel1', 'interface Tunnel2',
      ` neighbor ${bgp2} remote-as 65515`, ` neighbor ${bgp2} ebgp-multihop 255`, 'router bgp 65010', ` ip route ${bgp2} 255.255.255.255 Tunnel2`.trim()]) expect(text).toContain(line);
  });

  test('Juniper SRX', () => {
    const text = renderJuniperSrx(lyon);
    expect(text).toContain('Juniper/Current/SRX/juniper-srx-junos_12.1_show_configuration.txt');
    for (const line of ['dh-group group20', 'authentication-algorithm sha-384', 'encryption-algorithm aes-256-cbc', 'ipsec proposal azure-ipsec encryption-algorithm aes-256-gcm', 'perfect-forward-secrecy keys group20',
      `gateway azure-1 address ${ip1}`, 'version v2-only', 'bind-interface st0.2', 'multihop ttl 255', 'peer-as 65515', `neighbor ${bgp2}`]) expect(text).toContain(line);
    expect(text).not.toMatch(/ipsec proposal azure-ipsec authentication-algorithm/); // GCM: no separate integrity
  });

  test('Palo Alto PAN-OS', () => {
    const text = renderPaloAlto(lyon);
    expect(text).toContain('vpn-gateway-about-vpn-devices');
    for (const line of ['azure-ike encryption aes-256-cbc', 'azure-ike hash sha384', 'azure-ike dh-group group20', 'azure-ipsec esp encryption aes-256-gcm', 'azure-ipsec esp authentication none', 'azure-ipsec dh-group group20',
      'azure-ipsec lifesize gb 97', `peer-address ip ${ip1}`, 'connection-options multihop 255', 'local-as 65010']) expect(text).toContain(line);
  });

  test('FortiGate', () => {
    const text = renderFortiGate(lyon);
    expect(text).toContain('Fortinet/Current/Route_Based_FortiGate_v5.4.md');
    for (const line of ['set proposal aes256-sha384', 'set dhgrp 20', 'set proposal aes256gcm', 'set keylifeseconds 27000', 'set keylifekbs 102400000', `set remote-gw ${ip1}`, 'set ebgp-enforce-multihop enable', 'set remote-as 65515']) expect(text).toContain(line);
  });

  test('placeholders, and where each comes from, before apply', () => {
    const before = deviceModel(synthJson('site-to-site-vpn')).sites.find((s) => s.key === 'vpngateway-lyon')!;
    const text = renderSwanctl(before);
    expect(text).toContain('remote_addrs = <azure-1-public-ip>');
    expect(text).toContain('#   <azure-2-bgp-address>: terraform output -json vpn_gateway_bgp_peering_addresses  (element 1, its element 0)');
    expect(text).toContain('#   <pre-shared-key>: terraform output -raw vpn_gateway_lyon_shared_key');
  });
});

describe('buildHandoff', () => {
  const json = synthJson('site-to-site-vpn');
  const model = deviceModel(json);
  const outputs = fakeOutputs(model);
  const key = outputs.vpn_gateway_lyon_shared_key.value as string;
  const runbook = '## Check\n\n- `az network vpn-connection show --name con-vpngateway-paris --resource-group <resource group>`\n- `az thing --name unknown -g <gateway id>`\n';

  test('the page never holds a key; the device files do, and say so', () => {
    const result = buildHandoff({ stack: 'site-to-site-vpn', config: json, outputs, runbook });
    expect(result.html).not.toContain(key);
    expect(result.html).not.toContain(Buffer.from(key).toString('hex'));
    expect(result.files.filter((f) => f.text.includes(key) || f.text.includes(Buffer.from(key).toString('hex'))).map((f) => f.path).sort()).toEqual([
      'vpngateway-lyon/cisco-iosxe.txt', 'vpngateway-lyon/fortigate.txt', 'vpngateway-lyon/juniper-srx.txt', 'vpngateway-lyon/paloalto.txt', 'vpngateway-lyon/swanctl.conf',
    ]);
    expect(result.files.every((f) => f.secret)).toBe(true);
    expect(result.html).toContain((outputs.vpn_gateway_public_ips.value as string[])[0]);
  });

  test('without outputs: placeholders, nothing secret', () => {
    const result = buildHandoff({ stack: 'site-to-site-vpn', config: json });
    expect(result.files.some((f) => f.secret)).toBe(false);
    expect(result.html).toContain('&lt;azure-1-public-ip&gt;');
  });

  test('the runbook names the real resource group where the JSON knows it', () => {
    expect(substituteNames(runbook, model)).toContain('--name con-vpngateway-paris --resource-group rg-hybrid-connectivity');
    expect(substituteNames(runbook, model)).toContain('<gateway id>');
    const html = buildHandoff({ stack: 'site-to-site-vpn', config: json, runbook }).html;
    expect(html).toContain('--resource-group rg-hybrid-connectivity');
    expect(html).not.toContain('&lt;resource group&gt;');
  });

  test('names from the JSON are escaped in the page', () => {
    const evil = synthJson('site-to-site-vpn');
    const lng = Object.values<any>(evil.resource.azurerm_local_network_gateway)[0];
    lng.name = '<img src=x onerror=alert(1)>';
    const html = buildHandoff({ stack: '<b>x</b>', config: evil }).html;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>x</b>');
  });
});

test('gates on the page follow the runbook\'s order, not the JSON\'s alphabetical one', () => {
  const json = synthJson('site-to-site-vpn');
  json.variable.a_second_gate = { type: 'bool', default: false, description: 'Phase 2 gate: set to true once the second step is done (team).' };
  const runbook = '## Phases\n\n1. **gateway_diagnostics_machines_onboarded**: first.\n2. **a_second_gate**: second.\n';
  const html = buildHandoff({ stack: 's', config: json, runbook }).html;
  const gates = html.slice(html.indexOf('id="gates"'), html.indexOf('id="outputs"'));
  expect(gates.indexOf('gateway_diagnostics_machines_onboarded')).toBeLessThan(gates.indexOf('a_second_gate'));
});
