import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, Aspects, Lazy, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { HubNetwork, HybridChecks, HybridTags, LogAnalyticsWorkspace, VpnGateway } from '../../lib';
import { AzureResource, DiagnosticTarget } from '../../lib/core/azure-resource';
import { checkFinalBody, reportAtSynth } from '../../lib/core/report';
import { DIAG_MISSING, TAG_INVALID } from '../../lib/core/rules';
import { finalBody, resolvedResourceBody } from '../../lib/core/tokens';
import { STG_TLS_MIN } from '../../lib/storage/rules';
import { annotationsAfterSynth, newStack, resourcesOf, synthJson, warningsAfterSynth } from '../util';

/** The smallest AzureResource: one storage account. */
class Account extends AzureResource {
  public readonly resource: StorageAccount;
  public readonly resourceId: string;
  constructor(scope: Construct, id: string, props: { logAnalyticsWorkspace?: LogAnalyticsWorkspace } = {}) {
    super(scope, id);
    this.resource = new StorageAccount(this, 'Resource', { name: 'st1', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS', minTlsVersion: 'TLS1_2' });
    this.resourceId = this.resource.id;
    this.initCommon(props);
  }
  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_storage_account' }];
  }
}

const workspace = (stack: TerraformStack) => LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Ws', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w');

describe('warnings are decided at synth', () => {
  test('DIAG-MISSING is reported once, on the construct, when nothing is sent', () => {
    const stack = newStack();
    new Account(stack, 'Files');
    const warnings = warningsAfterSynth(stack);
    expect(warnings.filter((w) => w.startsWith('[DIAG-MISSING] test/Files:'))).toHaveLength(1);
  });

  test('sendDiagnosticsTo after construction clears DIAG-MISSING', () => {
    const stack = newStack();
    const account = new Account(stack, 'Files');
    account.sendDiagnosticsTo(workspace(stack));
    expect(warningsAfterSynth(stack).join('\n')).not.toContain('DIAG-MISSING');
  });

  test('storage metrics go as Capacity and Transaction, never AllMetrics', () => {
    const stack = newStack();
    new Account(stack, 'Files', { logAnalyticsWorkspace: undefined }).sendDiagnosticsTo(workspace(stack));
    const [setting] = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
    expect(setting.enabled_metric).toEqual([{ category: 'Capacity' }, { category: 'Transaction' }]);
  });

  test('HybridChecks.suppress, acknowledge and a former id all turn the warning into an info line', () => {
    for (const suppress of [
      (a: Account) => HybridChecks.suppress(a, [{ id: 'DIAG-MISSING', reason: 'sent by policy' }]),
      (a: Account) => a.acknowledge('DIAG-MISSING', 'sent by policy'),
      (a: Account) => HybridChecks.suppress(a, [{ id: 'STG-DIAG-MISSING', reason: 'sent by policy' }]),
    ]) {
      const stack = newStack();
      suppress(new Account(stack, 'Files'));
      const notes = annotationsAfterSynth(stack);
      expect(notes.filter(([l]) => l === 'warning')).toEqual([]);
      expect(notes).toContainEqual(['info', 'test/Files', expect.stringMatching(/^\[DIAG-MISSING\] suppressed: sent by policy/)]);
    }
  });

  test('an acknowledge without a reason is refused', () => {
    const stack = newStack();
    expect(() => new Account(stack, 'Files').acknowledge('DIAG-MISSING', ' ')).toThrow(/CHK-SUPPRESSION/);
  });

  test('an error rule reported at synth fails synth with the one message format', () => {
    const stack = newStack();
    const account = new Account(stack, 'Files');
    reportAtSynth(account, TAG_INVALID, () => ({ prop: 'tags', value: 'x<y', detail: 'bad tag', fix: 'rename it' }));
    expect(annotationsAfterSynth(stack)).toContainEqual(['error', 'test/Files', '[TAG-INVALID] test/Files: `tags` = "x<y": bad tag. Fix: rename it']);
  });
});

describe('checkFinalBody', () => {
  test('sees an escape-hatch override, and the rule pack does not report the same rule again', () => {
    const stack = newStack();
    const account = new Account(stack, 'Files', {});
    account.acknowledge(DIAG_MISSING.id, 'not under test');
    checkFinalBody(account, account.resource, [STG_TLS_MIN]);
    account.resource.addOverride('min_tls_version', 'TLS1_0');
    HybridChecks.addTo(stack);
    const errors = annotationsAfterSynth(stack).filter(([l, , m]) => l === 'error' && m.includes('STG-TLS-MIN'));
    expect(errors).toHaveLength(1);
    expect(errors[0][1]).toBe('test/Files');
    expect(errors[0][2]).toMatch(/^\[STG-TLS-MIN\] test\/Files: `min_tls_version` = "TLS1_0": /);
  });
});

describe('aspects on the App', () => {
  test('HybridTags.addTo(app) tags every stack; a stack created later fails synth', () => {
    const app = Testing.app();
    const a = newStackIn(app, 'a');
    new Account(a, 'Files');
    HybridTags.addTo(app, { workload: 'hybrid' });
    expect(resourcesOf(JSON.parse(Testing.synth(a)), 'azurerm_storage_account')[0].tags).toEqual({ workload: 'hybrid' });
    newStackIn(app, 'late');
    expect(() => app.synth()).toThrow(/TAG-STACK-UNTAGGED/);
  });

  test('Aspects.of(app).add gives a CHK-APP-ASPECT warning on each stack, since cdktf runs none', () => {
    const app = Testing.app();
    const stack = newStackIn(app, 's');
    new Account(stack, 'Files').acknowledge('DIAG-MISSING', 'not under test');
    Aspects.of(app).add(new HybridTags({ workload: 'hybrid' }));
    expect(warningsAfterSynth(stack)).toEqual([expect.stringMatching(/^\[CHK-APP-ASPECT\] s: `Aspects.of\(app\)` = HybridTags: /)]);
  });
});

function newStackIn(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

describe('DIAG-MISSING is reported once', () => {
  test('by the construct, not a second time by the rule pack on its gateway', () => {
    // GIVEN a VPN gateway without a workspace, and the rule pack on the stack
    const stack = newStack();
    const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
    new VpnGateway(stack, 'Vpn', { hub });
    HybridChecks.addTo(stack);
    // THEN one DIAG-MISSING warning, on the construct the user created
    const diag = annotationsAfterSynth(stack).filter(([l, , m]) => l === 'warning' && m.startsWith('[DIAG-MISSING]'));
    expect(diag.map(([, path]) => path)).toEqual(['test/Vpn']);
  });
});

describe('final bodies read by construct checks', () => {
  test('finalBody resolves attributes as they are read, to what the whole resolved body holds', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const tls = new TerraformVariable(stack, 'tls', { type: 'string' });
    const account = new StorageAccount(stack, 'Account', {
      name: Lazy.stringValue({ produce: () => 'st1' }),
      resourceGroupName: 'rg',
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      minTlsVersion: tls.stringValue,
      accessTier: Lazy.stringValue({ produce: () => undefined as any }),
      tags: { a: 'b' },
    });
    account.addOverride('network_rules.default_action', 'Deny');
    account.addOverride('tags.c', '${var.tls}');
    const lazy = finalBody(stack, account);
    const whole = resolvedResourceBody(stack, account);
    expect(lazy.min_tls_version).toBe('${var.tls}');
    expect(lazy.name).toBe('st1');
    expect('access_tier' in lazy).toBe(whole.access_tier !== undefined);
    expect(Object.keys(lazy)).toEqual(Object.keys(whole));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(whole));
    expect({ ...lazy }).toEqual(whole);
    expect(lazy.hasOwnProperty('tags')).toBe(true);
    expect(Reflect.set(lazy, 'name', 'x')).toBe(false);
  });
});
