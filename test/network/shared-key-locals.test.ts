import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Password } from '@cdktf/provider-random/lib/password';
import { TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ExpressRouteCircuit, ExpressRouteGateway, HubNetwork, HybridChecks, SharedKey, SiteToSiteConnectionOptions, VpnDevice, VpnGateway } from '../../lib';
import { runCli } from '../../lib/cli/main';
import { annotationsOf, secureBaseline } from '../checks/l1-stack';
import { newStack } from '../util';
import { errorsAfterSynth } from './synth-util';

// Fuzz F1: a literal key routed through a `TerraformLocal`, or a variable with a literal default,
// is a literal in cdk.tf.json. VPN-SHARED-KEY-LITERAL (and SECRET-LITERAL) follow `local.x` and
// `var.x` through the stack's locals and variables: at synth, in HybridChecks and in `check`.

const base = { resourceGroupName: 'rg', location: 'westeurope' };
const staticSite: SiteToSiteConnectionOptions = { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] };
const provider = { ...base, serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 };
const peering = { primaryPeerAddressPrefix: '192.168.100.0/30', secondaryPeerAddressPrefix: '192.168.100.4/30', vlanId: 100, peerAsn: 65020 };
const PARTNER_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/partner';
const LITERAL = /\[VPN-SHARED-KEY-LITERAL\]/;

/** GIVEN: a hub with a VPN gateway and one site. */
function vpnSite(): { stack: TerraformStack; connection: { addOverride(path: string, value: unknown): void } } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const site = new VpnGateway(stack, 'Vpn', { hub }).addSite('Paris', staticSite);
  return { stack, connection: site.connection };
}

/** The `check` command's lines over one synthesized stack (written as `cdktf synth` writes it). */
async function checkLines(stack: TerraformStack): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-key-locals-'));
  fs.mkdirSync(path.join(dir, stack.node.id), { recursive: true });
  fs.writeFileSync(path.join(dir, stack.node.id, 'cdk.tf.json'), Testing.synth(stack));
  const lines: string[] = [];
  await runCli(['check', dir], (l) => lines.push(l));
  return lines;
}

describe('VPN-SHARED-KEY-LITERAL follows locals and variables', () => {
  test('a literal key through a TerraformLocal is refused at synth, on shared_key, without printing it', () => {
    // GIVEN
    const { stack, connection } = vpnSite();
    // WHEN
    connection.addOverride('shared_key', new TerraformLocal(stack, 'psk', 'SuperSecretPsk123').asString);
    // THEN
    const errors = errorsAfterSynth(stack).join('\n');
    expect(errors).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Vpn\/Paris: `shared_key`/);
    expect(errors).toMatch(/the pre-shared key has a literal part/);
    expect(errors).not.toContain('SuperSecretPsk123');
  });

  test('nested and concatenated locals, and a local inside a function call, are followed', () => {
    const nested = vpnSite();
    const inner = new TerraformLocal(nested.stack, 'inner', 'SuperSecretPsk123');
    nested.connection.addOverride('shared_key', new TerraformLocal(nested.stack, 'outer', inner.asString).asString);
    expect(errorsAfterSynth(nested.stack).join('\n')).toMatch(LITERAL);

    const glued = vpnSite();
    const key = new TerraformVariable(glued.stack, 'key', { type: 'string', sensitive: true });
    glued.connection.addOverride('shared_key', `${key.stringValue}${new TerraformLocal(glued.stack, 'suffix', 'Secret').asString}`);
    expect(errorsAfterSynth(glued.stack).join('\n')).toMatch(LITERAL);

    const called = vpnSite();
    new TerraformLocal(called.stack, 'psk', 'SuperSecretPsk123');
    called.connection.addOverride('shared_key', '${upper(local.psk)}');
    expect(errorsAfterSynth(called.stack).join('\n')).toMatch(LITERAL);
  });

  test('a variable with a literal default is refused; without a default, or with an empty one, it passes', () => {
    const withDefault = vpnSite();
    const psk = new TerraformVariable(withDefault.stack, 'psk', { type: 'string', sensitive: true, default: 'SuperSecretPsk123' });
    withDefault.connection.addOverride('shared_key', psk.stringValue);
    const errors = errorsAfterSynth(withDefault.stack).join('\n');
    expect(errors).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Vpn\/Paris: `shared_key`.*default/);
    expect(errors).not.toContain('SuperSecretPsk123');

    // through a local too
    const viaLocal = vpnSite();
    const v = new TerraformVariable(viaLocal.stack, 'psk', { type: 'string', sensitive: true, default: 'SuperSecretPsk123' });
    viaLocal.connection.addOverride('shared_key', new TerraformLocal(viaLocal.stack, 'key', v.stringValue).asString);
    expect(errorsAfterSynth(viaLocal.stack).join('\n')).toMatch(LITERAL);

    for (const props of [{}, { default: '' }]) {
      const ok = vpnSite();
      const variable = new TerraformVariable(ok.stack, 'psk', { type: 'string', sensitive: true, ...props });
      ok.connection.addOverride('shared_key', new TerraformLocal(ok.stack, 'key', variable.stringValue).asString);
      expect(errorsAfterSynth(ok.stack)).toEqual([]);
    }
  });

  test('a local holding a generated key or a variable without default passes', () => {
    const { stack, connection } = vpnSite();
    const generated = new Password(stack, 'Generated', { length: 64, special: false });
    connection.addOverride('shared_key', new TerraformLocal(stack, 'psk', generated.result).asString);
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test("an object local is followed to the attribute used; a boolean local in a condition is no literal", () => {
    const { stack, connection } = vpnSite();
    new TerraformVariable(stack, 'paris_psk', { type: 'string', sensitive: true });
    new TerraformLocal(stack, 'sites', { paris: { address: '203.0.113.10', key: '${var.paris_psk}' } });
    new TerraformLocal(stack, 'use_variable', true);
    connection.addOverride('shared_key', '${local.use_variable ? local.sites.paris.key : var.paris_psk}');
    expect(errorsAfterSynth(stack)).toEqual([]);
    // the literal attribute of the same local is refused
    connection.addOverride('shared_key', '${local.sites.paris.address}');
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\].*through local\.sites, which holds a literal/);
  });

  test('the ExpressRoute peering MD5 key through a local is refused', () => {
    const stack = newStack();
    const circuit = new ExpressRouteCircuit(stack, 'Circuit', { ...provider, privatePeering: { ...peering, md5SharedKey: SharedKey.generate(25) } });
    circuit.privatePeering!.addOverride('shared_key', new TerraformLocal(stack, 'md5', 'secret-in-git').asString);
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Circuit: `shared_key`.*the peering MD5 key has a literal part/);
  });

  test('an authorization key through a local is refused, by override and through fromCircuitAttributes', () => {
    // through fromCircuitAttributes (the token passes the prop check; the body check follows the local)
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const gateway = new ExpressRouteGateway(stack, 'Er', { hub });
    const key = new TerraformLocal(stack, 'auth', '00000000-1111-2222-3333-444444444444');
    const partner = ExpressRouteCircuit.fromCircuitAttributes(stack, 'Partner', { circuitId: PARTNER_ID, authorizationKey: key.asString, onPremisesPrefixes: ['172.17.0.0/16'] });
    gateway.addConnection('Partner', { circuit: partner });
    expect(errorsAfterSynth(stack).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Er[^:]*: `authorization_key`.*the ExpressRoute authorization key has a literal part/);

    // by override, with a variable's literal default
    const stack2 = newStack();
    const hub2 = new HubNetwork(stack2, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const gateway2 = new ExpressRouteGateway(stack2, 'Er', { hub: hub2 });
    const variable = new TerraformVariable(stack2, 'auth', { type: 'string', sensitive: true });
    const partner2 = ExpressRouteCircuit.fromCircuitAttributes(stack2, 'Partner', { circuitId: PARTNER_ID, authorizationKey: variable.stringValue, onPremisesPrefixes: ['172.17.0.0/16'] });
    const connection = gateway2.addConnection('Partner', { circuit: partner2 });
    expect(errorsAfterSynth(stack2)).toEqual([]);
    const literalDefault = new TerraformVariable(stack2, 'auth_default', { type: 'string', sensitive: true, default: '00000000-1111-2222-3333-444444444444' });
    connection.addOverride('authorization_key', literalDefault.stringValue);
    expect(errorsAfterSynth(stack2).join('\n')).toMatch(/\[VPN-SHARED-KEY-LITERAL\] test\/Er[^:]*: `authorization_key`/);
  });

  test('HybridChecks refuses a hand-written connection whose key is a literal local or a variable default', () => {
    for (const viaVariable of [false, true]) {
      const stack = newStack();
      const { connection } = secureBaseline(stack);
      const literal = viaVariable
        ? new TerraformVariable(stack, 'psk_default', { type: 'string', sensitive: true, default: 'SuperSecretPsk123' }).stringValue
        : new TerraformLocal(stack, 'psk_local', 'SuperSecretPsk123').asString;
      connection.sharedKey = literal;
      HybridChecks.addTo(stack);
      Testing.synth(stack);
      const errors = annotationsOf(stack).filter(([level]) => level === 'error').map(([, , m]) => m);
      expect(errors).toEqual([expect.stringMatching(/^\[VPN-SHARED-KEY-LITERAL\] azurerm_virtual_network_gateway_connection\.Connection\.shared_key: the pre-shared key has a literal part/)]);
      expect(errors.join('\n')).not.toContain('SuperSecretPsk123');
    }
  });

  test('the check command refuses the same keys in cdk.tf.json (locals, nested locals, variable defaults), without printing them', async () => {
    const cases: Array<(stack: TerraformStack) => string> = [
      (stack) => new TerraformLocal(stack, 'psk_local', 'SuperSecretPsk123').asString,
      (stack) => new TerraformLocal(stack, 'outer', `${new TerraformLocal(stack, 'inner', 'SuperSecretPsk123').asString}`).asString,
      (stack) => new TerraformVariable(stack, 'psk_default', { type: 'string', sensitive: true, default: 'SuperSecretPsk123' }).stringValue,
    ];
    for (const literal of cases) {
      const stack = newStack('bad');
      secureBaseline(stack).connection.sharedKey = literal(stack);
      const lines = await checkLines(stack);
      expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual([expect.stringMatching(/^ERROR VPN-SHARED-KEY-LITERAL bad azurerm_virtual_network_gateway_connection\.Connection\.shared_key: the pre-shared key has a literal part/)]);
      expect(lines.join('\n')).not.toContain('SuperSecretPsk123');
    }
    // a Virtual WAN link key through a local, and SECRET-LITERAL's password through a variable default
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-key-locals-'));
    fs.mkdirSync(path.join(dir, 'raw'));
    fs.writeFileSync(path.join(dir, 'raw', 'cdk.tf.json'), JSON.stringify({
      locals: { link_key: 'SuperSecretPsk123' },
      variable: { vmm_password: { type: 'string', sensitive: true, default: 'SuperSecretPsk123' } },
      resource: {
        azurerm_vpn_gateway_connection: { site: { name: 'site', vpn_gateway_id: '${azurerm_vpn_gateway.g.id}', remote_vpn_site_id: '${azurerm_vpn_site.s.id}', vpn_link: [{ name: 'l0', vpn_site_link_id: '${azurerm_vpn_site.s.link[0].id}', shared_key: '${local.link_key}' }] } },
        azurerm_system_center_virtual_machine_manager_server: { vmm: { name: 'vmm', resource_group_name: 'rg', location: 'westeurope', custom_location_id: '${azurerm_extended_location_custom_location.c.id}', fqdn: 'vmm.contoso.com', username: 'admin', password: '${var.vmm_password}' } },
      },
    }));
    const lines: string[] = [];
    await runCli(['check', dir], (l) => lines.push(l));
    expect(lines.filter((l) => /VPN-SHARED-KEY-LITERAL|SECRET-LITERAL/.test(l))).toEqual([
      expect.stringMatching(/^ERROR VPN-SHARED-KEY-LITERAL raw azurerm_vpn_gateway_connection\.site\.vpn_link\.0\.shared_key: the pre-shared key of link 0 has a literal part \(through local\.link_key, which holds a literal\)/),
      expect.stringMatching(/^ERROR SECRET-LITERAL raw azurerm_system_center_virtual_machine_manager_server\.vmm\.password: password has a literal part \(through var\.vmm_password: the variable's default is a literal/),
    ]);
    expect(lines.join('\n')).not.toContain('SuperSecretPsk123');

    // a local holding a variable without default passes
    const good = newStack('good');
    const b = secureBaseline(good);
    b.connection.sharedKey = new TerraformLocal(good, 'psk_local', '${var.psk}').asString;
    expect((await checkLines(good)).filter((l) => l.startsWith('ERROR'))).toEqual([]);
  });
});
