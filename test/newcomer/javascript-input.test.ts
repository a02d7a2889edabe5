import { Construct } from 'constructs';
import * as lib from '../../lib';
import { ExpressRouteGateway, HubNetwork, HybridConnectivity, LogAnalyticsWorkspace, SharedKey, SpokePeering, VpnDevice, VpnGateway } from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { expectValidationError, newStack } from '../util';

// Issue 17 / newcomer review F6, F8, F16: every bad input a plain JavaScript (or untyped tsx)
// caller wrote gets the library's ValidationError naming the prop: never a TypeError, never a
// silently broken stack. Each value is cast through `any`, as JavaScript would pass it.

const base = { resourceGroupName: 'rg-hub', location: 'westeurope' };
const HUB_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.OperationalInsights/workspaces/log-hub';
const WIKI_PSK = 'S3cr3t-PSK-from-the-wiki!';

function hubAndGateway() {
  const stack = newStack('js');
  const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
  const vpn = new VpnGateway(stack, 'Vpn', { hub });
  return { stack, hub, vpn };
}

describe("the newcomer review's bad JavaScript inputs (F6)", () => {
  test('a literal pre-shared key string is VPN-SHARED-KEY-LITERAL on `sharedKey`, not a TypeError, and the key is not printed', () => {
    const { vpn } = hubAndGateway();
    const error = expectValidationError(
      () => vpn.addSite('Dc1', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.0.0/16'], sharedKey: 'S3cr3t-PSK-from-the-wiki' as any }),
      'VPN-SHARED-KEY-LITERAL',
      'sharedKey',
    );
    expect(error.message).not.toContain('S3cr3t-PSK-from-the-wiki');
    expect(error.fix).toContain('SharedKey.');
  });

  test('a typo in a required prop (`adressSpace`) is PROP-REQUIRED on `addressSpace`', () => {
    expectValidationError(() => new HubNetwork(newStack('js'), 'Hub', { ...base, adressSpace: ['10.0.0.0/16'] } as any), 'PROP-REQUIRED', 'addressSpace');
  });

  test('no props at all is PROP-REQUIRED on each required prop', () => {
    const error = expectValidationError(() => new HubNetwork(newStack('js'), 'Hub', undefined as any), 'PROP-REQUIRED', 'resourceGroupName');
    expect(error.problems.map((p) => p.prop)).toEqual(['resourceGroupName', 'location', 'addressSpace']);
  });

  test('a resource id where the hub object belongs is PROP-TYPE on `hub` for every construct that takes a hub (no gateway without location)', () => {
    const builds: [string, (s: Construct) => unknown][] = [
      ['VpnGateway', (s) => new VpnGateway(s, 'X', { hub: HUB_ID } as any)],
      ['ExpressRouteGateway', (s) => new ExpressRouteGateway(s, 'X', { hub: HUB_ID } as any)],
      ['SpokePeering', (s) => new SpokePeering(s, 'X', { hub: HUB_ID, addressSpace: ['10.1.0.0/16'] } as any)],
      ['HybridConnectivity.vpn', (s) => HybridConnectivity.vpn(s, 'X', { hub: HUB_ID } as any)],
    ];
    for (const [name, build] of builds) {
      const error = expectValidationError(() => build(newStack('js')), 'PROP-TYPE', 'hub', HUB_ID);
      expect({ name, detail: error.problems[0].detail }).toEqual({ name, detail: '`hub` must be a construct, got a string' });
    }
  });

  test('a plain object where a construct belongs (a hub, a circuit) is PROP-TYPE, not a TypeError nor a silently broken stack', () => {
    const builds: [string, string, (s: Construct) => unknown][] = [
      ['VpnGateway', 'hub', (s) => new VpnGateway(s, 'X', { hub: {} } as any)],
      // SpokePeering used to synthesize a peering to nothing with such a hub.
      ['SpokePeering', 'hub', (s) => new SpokePeering(s, 'X', { hub: {}, addressSpace: ['10.1.0.0/16'] } as any)],
      ['ExpressRouteGateway.addConnection', 'circuit', (s) => new ExpressRouteGateway(s, 'X', { hub: new HubNetwork(s, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] }) }).addConnection('C', { circuit: {} } as any)],
      ['ExpressRouteGlobalReach', 'peerCircuit', (s) => new lib.ExpressRouteGlobalReach(s, 'X', { circuit: {}, peerCircuit: { node: 'fake' }, addressPrefixIpv4: '192.168.250.0/29' } as any)],
    ];
    for (const [name, prop, build] of builds) {
      const error = expectValidationError(() => build(newStack('js')), 'PROP-TYPE', prop);
      expect({ name, detail: error.problems.find((p) => p.prop === prop)!.detail }).toEqual({ name, detail: `\`${prop}\` must be a construct, got a plain object` });
    }
  });

  test('a string where a list belongs is one PROP-TYPE problem on `addressSpace`, not one per character', () => {
    const error = expectValidationError(() => new HubNetwork(newStack('js'), 'Hub', { ...base, addressSpace: '10.0.0.0/16' } as any), 'PROP-TYPE', 'addressSpace', '10.0.0.0/16');
    expect(error.problems).toHaveLength(1);
  });
});

describe('a string SKU (F8)', () => {
  test('is PROP-TYPE on `sku`; the message shows the value given and the fix names VpnGatewaySku', () => {
    const stack = newStack('js');
    const hub = new HubNetwork(stack, 'Hub', { ...base, addressSpace: ['10.0.0.0/16'] });
    const error = expectValidationError(() => new VpnGateway(stack, 'Vpn', { hub, sku: 'VpnGw1' } as any), 'PROP-TYPE', 'sku', 'VpnGw1');
    expect(error.message).not.toContain('undefined');
    expect(error.fix).toContain("VpnGatewaySku.of('VpnGw1')");
  });
});

describe('SharedKey.fromVariable takes a variable name (F16)', () => {
  test('refuses the secret itself, without printing it', () => {
    const error = expectValidationError(() => SharedKey.fromVariable(WIKI_PSK), 'NAME-INVALID', 'variableName');
    expect(error.message).not.toContain(WIKI_PSK);
    expect(error.message).not.toContain('S3cr3t');
  });

  test('refuses a password-looking identifier and an empty or missing name', () => {
    expectValidationError(() => SharedKey.fromVariable('S3cr3tPskFromTheWiki2024'), 'NAME-INVALID', 'variableName');
    expectValidationError(() => SharedKey.fromVariable(''), 'PROP-TYPE', 'variableName');
    expectValidationError(() => SharedKey.fromVariable(undefined as any), 'PROP-REQUIRED', 'variableName');
  });

  test('accepts Terraform variable names', () => {
    for (const name of ['paris_psk', 'lyon_shared_key', 'site12_key', 'md5_key', 'vpn-dc1-psk']) expect(() => SharedKey.fromVariable(name)).not.toThrow();
  });
});

describe('further JavaScript mistakes a newcomer makes', () => {
  test('a workspace id string where the workspace object belongs names `logAnalyticsWorkspace` (the prop the user wrote)', () => {
    const { stack, hub } = hubAndGateway();
    const error = expectValidationError(() => new VpnGateway(stack, 'Vpn2', { hub, logAnalyticsWorkspace: WORKSPACE_ID } as any), 'PROP-TYPE', 'logAnalyticsWorkspace', WORKSPACE_ID);
    expect(error.fix).toContain('LogAnalyticsWorkspace.fromWorkspaceId');
  });

  test('the device as a bare address string is reported once', () => {
    const { vpn } = hubAndGateway();
    const error = expectValidationError(() => vpn.addSite('Dc1', { device: '203.0.113.10', addressSpaces: ['192.168.0.0/16'] } as any), 'PROP-TYPE', 'device', '203.0.113.10');
    expect(error.problems).toHaveLength(1);
  });

  test('the former `gatewayAddress` prop (code written for the previous release) is PROP-REQUIRED on `device`', () => {
    const { vpn } = hubAndGateway();
    expectValidationError(() => vpn.addSite('Dc1', { gatewayAddress: '203.0.113.10', addressSpaces: ['192.168.0.0/16'] } as any), 'PROP-REQUIRED', 'device');
  });

  test('LogAnalyticsWorkspace without props is PROP-REQUIRED', () => {
    expectValidationError(() => new LogAnalyticsWorkspace(newStack('js'), 'W', undefined as any), 'PROP-REQUIRED', 'resourceGroupName');
  });
});

describe('every exported construct, called from JavaScript with missing or wrong props', () => {
  // Abstract bases are not constructed by users; LifecycleGate and HybridConnectivity have private
  // constructors (LifecycleGate.of, HybridConnectivity.vpn/expressRoute/...).
  const constructs = Object.entries(lib).filter(
    ([name, v]) => typeof v === 'function' && (v as any).prototype instanceof Construct && !/Base$/.test(name) && !['AzureResource', 'LifecycleGate', 'HybridConnectivity'].includes(name),
  ) as [string, new (scope: Construct, id: string, props?: unknown) => unknown][];

  const inputs: [string, unknown][] = [
    ['no props', undefined],
    ['empty props', {}],
    ['a hub id string and a resource group', { hub: HUB_ID, ...base }],
  ];

  test.each(inputs)('%s: constructs or throws a ValidationError, never a TypeError', (_label, props) => {
    const raw: string[] = [];
    for (const [name, Type] of constructs) {
      try {
        new Type(newStack('js'), 'X', props);
      } catch (e) {
        if (!(e instanceof ValidationError)) raw.push(`${name}: ${String(e)}`);
      }
    }
    expect(raw).toEqual([]);
  });

  test('the factories of HybridConnectivity refuse missing props with a ValidationError', () => {
    for (const factory of ['vpn', 'expressRoute', 'expressRouteWithVpnFailover'] as const) {
      expectValidationError(() => (HybridConnectivity[factory] as any)(newStack('js'), 'X', undefined), 'PROP-REQUIRED', 'hub');
    }
  });
});

// What Node prints for an uncaught one (its printer ignores util.inspect.custom) is tested in a
// child process: uncaught-error.test.ts.
describe('a caught ValidationError given to console.log (F24)', () => {
  test('prints its problem lines once, without the fields again or a stack trace', () => {
    let caught: unknown;
    try {
      new HubNetwork(newStack('js'), 'Hub', { ...base, addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28' });
    } catch (e) {
      caught = e;
    }
    const printed = require('util').inspect(caught) as string;
    expect(printed).toMatch(/^ValidationError: \[NET-GWSUBNET-SIZE\] js\/Hub: `gatewaySubnetPrefix` = "10.0.0.0\/28"/);
    expect(printed.split('\n')).toHaveLength(1);
    expect(printed).not.toContain('problems');
    expect((caught as Error).stack).toContain('ValidationError');
  });
});
