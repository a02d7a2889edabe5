import * as fs from 'fs';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { HybridChecks } from '../../lib';
import { RuleCatalogue } from '../../lib/checks/catalogue';
import { expectValidationError, newStack } from '../util';
import { annotationsOf, BaselineOptions, secureBaseline } from './l1-stack';

type Baseline = ReturnType<typeof secureBaseline>;

function stackIn(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** The baseline with one change, checked: `[level, rule id]` of every annotation. */
function findingsAfter(change: (b: Baseline) => void, options: BaselineOptions = {}): string[][] {
  const stack = newStack();
  change(secureBaseline(stack, options));
  Aspects.of(stack).add(new HybridChecks());
  Testing.synth(stack);
  return annotationsOf(stack).map(([level, , message]) => [level, /^\[([A-Z0-9-]+)\]/.exec(message)?.[1] ?? message]);
}

describe('HybridChecks', () => {
  test('the hand-written secure baseline passes with no annotation', () => {
    expect(findingsAfter(() => {})).toEqual([]);
  });

  test('a hand-written StorageAccount L1 with HTTPS off is an error naming the attribute, and synth fails', () => {
    // GIVEN
    const stack = newStack();
    new StorageAccount(stack, 'Sa', { resourceGroupName: 'rg', location: 'westeurope', name: 'sa', accountTier: 'Standard', accountReplicationType: 'ZRS', httpsTrafficOnlyEnabled: false, publicNetworkAccessEnabled: false, allowNestedItemsToBePublic: false });
    (stack.node.findChild('azurerm') as unknown as { addOverride(p: string, v: unknown): void }).addOverride('features', [{ storage: [{ data_plane_available: false }] }]);
    // WHEN
    Aspects.of(stack).add(new HybridChecks());
    // THEN
    expect(() => Testing.fullSynth(stack)).toThrow(/\[STG-HTTPS-ONLY\] azurerm_storage_account\.Sa\.https_traffic_only_enabled: https_traffic_only_enabled is false/);
    const errors = annotationsOf(stack).filter(([level]) => level === 'error');
    expect(errors).toEqual([['error', 'test/Sa', expect.stringMatching(/^\[STG-HTTPS-ONLY\] /)]]);
  });

  // Each secure default turned off is caught, by the rule that guards it.
  test.each<[string, string, string, (b: Baseline) => void, BaselineOptions?]>([
    ['TLS1_0', 'error', 'STG-TLS-MIN', (b) => { b.storage.minTlsVersion = 'TLS1_0'; }],
    ['HTTPS off', 'error', 'STG-HTTPS-ONLY', (b) => { b.storage.httpsTrafficOnlyEnabled = false; }],
    ['public network access on', 'warning', 'STG-PUBLIC-NETWORK', (b) => { b.storage.publicNetworkAccessEnabled = true; }],
    ['share soft delete off', 'warning', 'STG-SHARE-SOFT-DELETE', (b) => { b.storage.addOverride('share_properties', null); }],
    ['vault soft delete off', 'error', 'RSV-SOFT-DELETE', (b) => { b.vault.softDeleteEnabled = false; }],
    ['LRS vault', 'warning', 'RSV-REDUNDANCY', (b) => { b.vault.storageModeType = 'LocallyRedundant'; }],
    ['Basic public IP', 'error', 'VPN-PUBLICIP-SKU', (b) => { b.ips[0].sku = 'Basic'; }],
    ['legacy gateway SKU', 'error', 'VPN-SKU-LEGACY', (b) => { b.gateway.sku = 'Standard'; }],
    ['non-AZ gateway SKU (no longer created)', 'error', 'VPN-SKU-LEGACY', (b) => { b.gateway.sku = 'VpnGw2'; }],
    ['zonal gateway public IP', 'warning', 'VPN-SKU-ZONES', (b) => { b.ips[0].zones = ['1']; b.ips[1].zones = ['1']; }],
    ['active-standby gateway', 'warning', 'VPN-ACTIVE-ACTIVE', (b) => { b.gateway.activeActive = false; }],
    ['no diagnostics on the gateway', 'warning', 'DIAG-MISSING', () => {}, { gatewayDiagnostics: false }],
    ['literal shared key', 'error', 'VPN-SHARED-KEY-LITERAL', (b) => { b.connection.sharedKey = 'Sup3rSecret!'; }],
    ['NSG on GatewaySubnet', 'error', 'NET-GWSUBNET-NSG', () => {}, { nsgOnGatewaySubnet: true }],
    ['App Insights without workspace', 'error', 'APPI-WORKSPACE', (b) => { b.insights.resetWorkspaceId(); }],
    ['Log Analytics local auth on', 'warning', 'LAW-LOCAL-AUTH', (b) => { b.workspace.localAuthenticationEnabled = true; }],
    ['gateway public IP without zones', 'error', 'VPN-PUBLICIP-ZONES', (b) => { b.ips[1].resetZones(); }],
  ])('catches %s', (...[, level, ruleId, change, options]) => {
    expect(RuleCatalogue.get(ruleId).level).toBe(level);
    // An active-standby gateway with the baseline's two ip_configurations also breaks VPN-IPCONFIG-COUNT.
    const found = findingsAfter(change, options).filter(([, id]) => !(ruleId === 'VPN-ACTIVE-ACTIVE' && id === 'VPN-IPCONFIG-COUNT'));
    expect(found).toEqual([[level, ruleId]]);
  });

  test('a Basic public IP that no gateway uses is PIP-SKU', () => {
    const stack = newStack();
    new PublicIp(stack, 'Ip', { resourceGroupName: 'rg', location: 'westeurope', name: 'ip', allocationMethod: 'Dynamic', sku: 'Basic' });
    Aspects.of(stack).add(new HybridChecks());
    Testing.synth(stack);
    expect(annotationsOf(stack).map(([l, , m]) => [l, m.slice(0, 9)])).toEqual([['error', '[PIP-SKU]']]);
  });

  test('a suppression with a reason silences the rule on the construct and its children, shown as info', () => {
    // GIVEN
    const stack = newStack();
    const b = secureBaseline(stack, { gatewayDiagnostics: false });
    b.storage.minTlsVersion = 'TLS1_0';
    // WHEN
    HybridChecks.suppress(stack, [{ id: 'DIAG-MISSING', reason: 'gateway logs are collected by the central platform stack' }]);
    HybridChecks.suppress(b.storage, [{ id: 'STG-TLS-MIN', reason: 'legacy scanner on premises speaks TLS 1.0 until Q3' }]);
    Aspects.of(stack).add(new HybridChecks());
    const json = JSON.parse(Testing.synth(stack));
    // THEN
    const notes = annotationsOf(stack);
    expect(notes).toEqual([
      ['info', 'test/Storage', expect.stringMatching(/^\[STG-TLS-MIN\] suppressed: legacy scanner on premises speaks TLS 1.0 until Q3 \(azurerm_storage_account\./)],
      ['info', 'test/Gateway', expect.stringMatching(/^\[DIAG-MISSING\] suppressed: gateway logs are collected by the central platform stack/)],
    ]);
    expect(json.resource.azurerm_storage_account.Storage.min_tls_version).toBe('TLS1_0');
    // a second synth does not repeat the annotations
    Testing.synth(stack);
    expect(annotationsOf(stack)).toHaveLength(2);
  });

  test('fails when a suppression has no reason or an unknown rule id', () => {
    expectValidationError(() => HybridChecks.suppress(newStack(), [{ id: 'PIP-ZONES', reason: '  ' }]), 'CHK-SUPPRESSION', 'suppressions[0].reason');
    expectValidationError(() => HybridChecks.suppress(newStack(), [{ id: 'PIP-ZONE', reason: 'typo' }]), 'CHK-SUPPRESSION', 'suppressions[0].id', 'PIP-ZONE');
  });

  test('options: only some rules, levels, ignoreWarnings', () => {
    const run = (checks: HybridChecks): string[] => {
      const stack = newStack();
      const b = secureBaseline(stack);
      b.storage.minTlsVersion = 'TLS1_0';
      b.storage.publicNetworkAccessEnabled = true;
      Aspects.of(stack).add(checks);
      Testing.synth(stack);
      return annotationsOf(stack).map(([l, , m]) => `${l} ${m.slice(0, m.indexOf(']') + 1)}`).sort();
    };
    expect(run(new HybridChecks({ rules: ['STG-PUBLIC-NETWORK'] }))).toEqual(['warning [STG-PUBLIC-NETWORK]']);
    expect(run(new HybridChecks({ excludeRules: ['STG-PUBLIC-NETWORK'] }))).toEqual(['error [STG-TLS-MIN]']);
    expect(run(new HybridChecks({ levels: { 'STG-PUBLIC-NETWORK': 'error' as any } }))).toEqual(['error [STG-PUBLIC-NETWORK]', 'error [STG-TLS-MIN]']);
    expect(run(new HybridChecks({ ignoreWarnings: true }))).toEqual(['error [STG-TLS-MIN]']);
    expectValidationError(() => new HybridChecks({ rules: ['NOPE'] }), 'CHK-SUPPRESSION', 'rules[0]', 'NOPE');
  });

  test('HybridChecks.addTo(app) checks every stack; Aspects.of(app) is never run by cdktf 0.21', () => {
    // GIVEN
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    secureBaseline(one).vault.softDeleteEnabled = false;
    const two = new TerraformStack(app, 'two');
    secureBaseline(two, { gatewayDiagnostics: false });
    // WHEN
    Aspects.of(app).add(new HybridChecks());
    Testing.synth(one);
    // THEN: the app-level aspect was not invoked
    expect(annotationsOf(one)).toEqual([]);
    // WHEN
    HybridChecks.addTo(app);
    Testing.synth(one);
    Testing.synth(two);
    // THEN
    expect(annotationsOf(one).map(([l, p]) => `${l} ${p}`)).toEqual(['error one/Vault']);
    expect(annotationsOf(two).map(([l, p]) => `${l} ${p}`)).toEqual(['warning two/Gateway']);
  });

  test('app.synth() fails on an error finding, listing it; a stack added after addTo fails validation', () => {
    const app = Testing.app();
    secureBaseline(stackIn(app, 'one')).gateway.sku = 'Basic';
    HybridChecks.addTo(app);
    expect(() => app.synth()).toThrow(/\[VPN-SKU-LEGACY\] azurerm_virtual_network_gateway\.Gateway\.sku/);

    const app2 = Testing.app();
    secureBaseline(stackIn(app2, 'one'));
    HybridChecks.addTo(app2);
    secureBaseline(stackIn(app2, 'late'));
    expect(() => app2.synth()).toThrow(/\[CHK-STACK-UNCHECKED\] late: stack created after HybridChecks.addTo\(app\)/);
  });

  describe('addTo is idempotent (fuzz F16)', () => {
    /** A stack whose public IP breaks PIP-SKU (an error). */
    function basicIpIn(app: App, id = 'one'): TerraformStack {
      const stack = stackIn(app, id);
      new PublicIp(stack, 'Ip', { resourceGroupName: 'rg', location: 'westeurope', name: 'ip', allocationMethod: 'Dynamic', sku: 'Basic' });
      return stack;
    }
    const findings = (stack: TerraformStack) => {
      try {
        Testing.synth(stack);
      } catch {
        // error annotations are read below
      }
      return annotationsOf(stack).map(([level, path, m]) => `${level} ${path} ${m.slice(0, m.indexOf(']') + 1)}`);
    };

    test('HybridChecks.addTo(app) twice reports each finding once and returns the same checks', () => {
      const app = Testing.app();
      const stack = basicIpIn(app);
      const first = HybridChecks.addTo(app);
      expect(HybridChecks.addTo(app, {})).toBe(first);
      expect(findings(stack)).toEqual(['error one/Ip [PIP-SKU]']);
    });

    test('addTo(app) then addTo(stack), or checks with other options, report a finding once', () => {
      const app = Testing.app();
      const stack = basicIpIn(app);
      const checks = HybridChecks.addTo(app);
      expect(HybridChecks.addTo(stack)).toBe(checks);
      HybridChecks.addTo(stack, { excludeRules: ['STG-TLS-MIN'] });
      Aspects.of(stack).add(new HybridChecks());
      expect(findings(stack)).toEqual(['error one/Ip [PIP-SKU]']);
    });

    test('checks added to the App with Aspects.of(app), which cdktf never runs, do not stand in for addTo(stack)', () => {
      const app = Testing.app();
      const stack = basicIpIn(app);
      const never = new HybridChecks();
      Aspects.of(app).add(never);
      expect(HybridChecks.addTo(stack)).not.toBe(never);
      expect(findings(stack).filter((f) => f.startsWith('error'))).toEqual(['error one/Ip [PIP-SKU]']);
    });

    test('addTo(app) again after a stack was added checks that stack, and synth no longer refuses it', () => {
      const app = Testing.app();
      basicIpIn(app);
      const checks = HybridChecks.addTo(app);
      const late = basicIpIn(app, 'late');
      expect(HybridChecks.addTo(app)).toBe(checks);
      expect(() => app.synth()).toThrow(/\[PIP-SKU\] azurerm_public_ip\.Ip\.sku/);
      expect(() => app.synth()).not.toThrow(/CHK-STACK-UNCHECKED/);
      expect(findings(late)).toEqual(['error late/Ip [PIP-SKU]']);
    });

    test('suppressions two checks with different rules used are both recorded for the check command', () => {
      const stack = newStack();
      const b = secureBaseline(stack);
      b.storage.minTlsVersion = 'TLS1_0';
      b.storage.publicNetworkAccessEnabled = true;
      HybridChecks.suppress(b.storage, [
        { id: 'STG-TLS-MIN', reason: 'legacy scanner' },
        { id: 'STG-PUBLIC-NETWORK', reason: 'firewall rules instead' },
      ]);
      HybridChecks.addTo(stack, { rules: ['STG-TLS-MIN'] });
      HybridChecks.addTo(stack, { rules: ['STG-PUBLIC-NETWORK'] });
      const json = JSON.parse(fs.readFileSync(path.join(Testing.fullSynth(stack), 'stacks', 'test', 'cdk.tf.json'), 'utf8'));
      expect(json.resource.azurerm_storage_account.Storage['//']['cdktf-azure-hybrid-suppressions'].map((x: any) => x.id).sort()).toEqual(['STG-PUBLIC-NETWORK', 'STG-TLS-MIN']);
    });
  });

  describe('options and suppressions JavaScript can pass (fuzz F16)', () => {
    test('an unknown rule id in rules, excludeRules or levels is CHK-SUPPRESSION, naming the nearest id', () => {
      const app = Testing.app();
      expectValidationError(() => HybridChecks.addTo(app, { rules: ['NOPE'] }), 'CHK-SUPPRESSION', 'rules[0]', 'NOPE');
      const typo = expectValidationError(() => HybridChecks.addTo(app, { excludeRules: ['PIP-ZONES', 'PIP-ZONE'] }), 'CHK-SUPPRESSION', 'excludeRules[1]', 'PIP-ZONE');
      expect(typo.fix).toContain('did you mean PIP-ZONES?');
      expectValidationError(() => HybridChecks.addTo(app, { levels: { 'PIP-ZONE': 'error' as any } }), 'CHK-SUPPRESSION', 'levels', 'PIP-ZONE');
      expectValidationError(() => HybridChecks.addTo(app, { rules: 'PIP-ZONES' as any }), 'PROP-TYPE', 'rules', 'PIP-ZONES');
      const suppressed = expectValidationError(() => HybridChecks.suppress(newStack(), [{ id: 'STG-TLS-MN', reason: 'typo' }]), 'CHK-SUPPRESSION', 'suppressions[0].id', 'STG-TLS-MN');
      expect(suppressed.fix).toContain('did you mean STG-TLS-MIN?');
    });

    test('a level other than error or warning is PROP-TYPE', () => {
      expectValidationError(() => HybridChecks.addTo(Testing.app(), { levels: { 'PIP-ZONES': 'fatal' as any } }), 'PROP-TYPE', 'levels.PIP-ZONES', 'fatal');
      expectValidationError(() => new HybridChecks({ levels: ['PIP-ZONES'] as any }), 'PROP-TYPE', 'levels', ['PIP-ZONES']);
      expect(() => new HybridChecks({ levels: { 'PIP-ZONES': 'error' as any, 'STG-TLS-MIN': 'warning' as any } })).not.toThrow();
    });

    test('null options, scope or suppressions are ValidationErrors', () => {
      expectValidationError(() => HybridChecks.addTo(Testing.app(), null as any), 'PROP-TYPE', 'props', null);
      expectValidationError(() => HybridChecks.addTo(null as any), 'PROP-REQUIRED', 'scope', null);
      expectValidationError(() => HybridChecks.addTo(Testing.app(), { ignoreWarnings: 'yes' as any }), 'PROP-TYPE', 'ignoreWarnings', 'yes');
      expectValidationError(() => HybridChecks.suppress(newStack(), null as any), 'PROP-REQUIRED', 'suppressions', null);
      expectValidationError(() => HybridChecks.suppress(null as any, [{ id: 'PIP-ZONES', reason: 'r' }]), 'PROP-REQUIRED', 'construct', null);
      expectValidationError(() => HybridChecks.suppress(newStack(), [null as any]), 'PROP-REQUIRED', 'suppressions[0]', null);
      expectValidationError(() => HybridChecks.suppress(newStack(), { id: 'PIP-ZONES', reason: 'r' } as any), 'PROP-TYPE', 'suppressions');
    });
  });
});
