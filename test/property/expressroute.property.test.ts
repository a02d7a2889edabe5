import { TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import {
  ExpressRouteCircuit,
  ExpressRouteConnectivityProps,
  ExpressRouteGateway,
  ExpressRouteGatewaySku,
  ExpressRouteSkuFamily,
  ExpressRouteSkuTier,
  HubNetwork,
  HybridConnectivity,
  HybridConnectivityMode,
  ExpressRouteVpnFailoverProps,
  IExpressRouteCircuit,
  LogAnalyticsWorkspace,
  SharedKey,
  VpnGateway,
  VpnGatewaySku,
  VpnType,
  VpnDevice,
  VpnConnectivityProps,
} from '../../lib';
import { newStack } from '../util';
import { mostly, NUM_RUNS, opt, PropertyRuns, synthChecked } from './property-helpers';

// Property (issue 3): every generated input either synthesizes to JSON that passes the schema
// check, the policy rule pack and the secure defaults, or throws the library's ValidationError.

const runs = new PropertyRuns();
afterAll(() => runs.report('expressroute'));

const octet = fc.integer({ min: 0, max: 255 });
const onPremPrefix = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom(16, 20, 22, 24, 26)).map(([c, len]) => (len === 16 ? '192.168.0.0/16' : `172.${16 + (c % 16)}.${len <= 20 ? 0 : c & 0xfc}.0/${len}`));
const badPrefix = fc.constantFrom('', 'x', '10.0.0.0/16', '10.0.0.1/16', '172.16.0.0/33', '300.0.0.0/8');
const slash30 = fc.integer({ min: 0, max: 63 }).map((i) => `192.168.100.${i * 4}/30`);
const badSlash30 = fc.constantFrom('192.168.100.0/29', '192.168.100.1/30', 'x', '', '10.0.0.0/30');
const asn = fc.oneof(fc.integer({ min: 65001, max: 65100 }), fc.constantFrom(0, 8075, 12076, 65515, 65520, 65535, 4294967295, 4294967296, -1, 1.5));
const authorizationName = mostly(fc.constantFrom('contoso', 'fabrikam', 'sub-2', 'x-y'), fc.constantFrom('x.y', 'x_y', 'bad name', '', 'trailing-', 'contoso'));
const vlan = mostly(fc.integer({ min: 1, max: 4094 }), fc.constantFrom(0, 4095, -1, 1.5, 100000));

/** Circuit props around the provider-or-port, bandwidth, SKU, peering and authorization rules. */
const circuitProps = fc.record({
  viaPort: mostly(fc.constant(false), fc.constant(true)),
  mixParts: mostly(fc.constant(false), fc.constant(true), 15),
  dropPart: mostly(fc.constant(-1), fc.integer({ min: 0, max: 2 }), 15),
  mbps: mostly(fc.constantFrom(50, 100, 200, 500, 1000, 2000, 5000, 10000), fc.constantFrom(0, 49, 51, 75, 10001, 20000, -50)),
  gbps: mostly(fc.constantFrom(1, 2, 5, 10, 40, 100), fc.constantFrom(0, 3, 20, 101, 1000)),
  tier: mostly(opt(fc.constantFrom(ExpressRouteSkuTier.LOCAL, ExpressRouteSkuTier.STANDARD, ExpressRouteSkuTier.PREMIUM)), fc.constantFrom('Gold', 'standard', '') as fc.Arbitrary<any>, 15),
  family: mostly(opt(fc.constantFrom(ExpressRouteSkuFamily.METERED_DATA, ExpressRouteSkuFamily.UNLIMITED_DATA)), fc.constantFrom('Unlimited', '') as fc.Arbitrary<any>, 15),
  name: mostly(opt(fc.constantFrom('erc-prod', 'erc_1', 'E'.repeat(80))), fc.constantFrom('E'.repeat(81), 'bad name', '-x', 'x-'), 15),
  peering: opt(fc.record({
    primary: mostly(slash30, badSlash30),
    secondaryOffset: mostly(fc.integer({ min: 1, max: 10 }), fc.constant(0)),
    secondary: mostly(fc.constant(undefined), badSlash30),
    vlanId: vlan,
    peerAsn: mostly(fc.integer({ min: 65001, max: 65100 }), asn),
    md5: mostly(fc.constantFrom('none', 'gen25', 'gen16', 'var'), fc.constantFrom('gen26', 'gen64', 'vault')),
  })),
  prefixes: mostly(fc.array(onPremPrefix, { maxLength: 2 }), fc.array(fc.oneof(onPremPrefix, badPrefix), { maxLength: 3 })),
  authorizations: fc.array(authorizationName, { maxLength: 3 }),
  workspace: fc.boolean(),
});

type CircuitInput = typeof circuitProps extends fc.Arbitrary<infer T> ? T : never;


function md5Key(kind: string): SharedKey | undefined {
  switch (kind) {
    case 'gen25': return SharedKey.generate(25);
    case 'gen16': return SharedKey.generate(16);
    case 'gen26': return SharedKey.generate(26);
    case 'gen64': return SharedKey.generate(64);
    case 'var': return SharedKey.fromVariable('md5_key');
    case 'vault': return SharedKey.fromKeyVaultSecret('/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv', 'md5');
    default: return undefined;
  }
}

function buildCircuit(scope: any, id: string, c: CircuitInput): ExpressRouteCircuit {
  const provider: Record<string, unknown> = { serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: c.mbps };
  const port: Record<string, unknown> = { expressRoutePortId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRoutePorts/port1', bandwidthInGbps: c.gbps };
  const parts = { ...(c.viaPort ? port : provider), ...(c.mixParts ? (c.viaPort ? provider : port) : {}) };
  if (c.dropPart >= 0) {
    const keys = Object.keys(c.viaPort ? port : provider);
    delete parts[keys[c.dropPart % keys.length]];
  }
  let peering;
  if (c.peering) {
    const p = c.peering;
    const base = p.primary.match(/^192\.168\.100\.(\d+)\/30$/);
    const secondary = p.secondary ?? (base ? `192.168.${(Number(base[1]) + 4 * p.secondaryOffset) > 252 ? 101 : 100}.${(Number(base[1]) + 4 * p.secondaryOffset) % 256}/30` : '192.168.101.0/30');
    peering = { primaryPeerAddressPrefix: p.primary, secondaryPeerAddressPrefix: secondary, vlanId: p.vlanId, peerAsn: p.peerAsn, md5SharedKey: md5Key(p.md5) };
  }
  return new ExpressRouteCircuit(scope, id, {
    resourceGroupName: 'rg',
    location: 'westeurope',
    name: c.name,
    ...parts,
    skuTier: c.tier,
    skuFamily: c.family,
    privatePeering: peering,
    onPremisesPrefixes: c.prefixes,
    authorizations: c.authorizations,
    logAnalyticsWorkspace: c.workspace ? LogAnalyticsWorkspace.fromWorkspaceId(scope, `${id}Law`, '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law') : undefined,
  });
}

test('ExpressRouteCircuit: any circuit props synthesize checked JSON or throw ValidationError', () => {
  fc.assert(
    fc.property(circuitProps, (c) => {
      // Authorization names that map to one output name ('x-y', 'x.y', 'x_y') get distinct outputs.
      runs.classify('ExpressRouteCircuit', () => {
        const stack = newStack();
        buildCircuit(stack, 'Circuit', c);
        const json = synthChecked(stack);
        // The service key and every authorization key go out sensitive.
        for (const output of Object.values<any>(json.output ?? {})) {
          if (/service_key|authorization_key/.test(JSON.stringify(output.value))) expect(output.sensitive).toBe(true);
        }
        // One output per authorization, even when names snake_case alike.
        const keyOutputs = Object.values<any>(json.output ?? {}).filter((o) => /authorization_key/.test(JSON.stringify(o.value)));
        expect(keyOutputs).toHaveLength(c.authorizations.length);
      });
    }),
    { numRuns: NUM_RUNS },
  );
});

test('ExpressRouteGateway + addConnection: any SKU, zones and connections synthesize checked JSON or throw ValidationError', () => {
  fc.assert(
    fc.property(
      mostly(opt(fc.constantFrom('ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ')), fc.constantFrom('Standard', 'HighPerformance', 'UltraPerformance', 'VpnGw1AZ', 'ErGw4AZ', '')),
      mostly(opt(fc.constantFrom<string[]>(['1', '2', '3'], ['1'])), fc.constant([] as string[])),
      fc.array(
        fc.record({
          id: mostly(fc.constantFrom('Primary', 'Secondary', 'Dr'), fc.constant('Primary')),
          target: mostly(fc.constantFrom('own', 'existing'), fc.constant('none')),
          key: mostly(fc.constantFrom('none', 'token'), fc.constant('literal')),
          weight: mostly(opt(fc.constantFrom(0, 1, 100, 31999, 32000)), fc.constantFrom(-1, 32001, 1.5)),
          fastPath: fc.boolean(),
          privateLinkFastPath: mostly(fc.constant(false), fc.constant(true)),
          existingPrefixes: mostly(fc.constant([] as string[]), fc.array(fc.oneof(onPremPrefix, badPrefix), { maxLength: 2 })),
          name: mostly(opt(fc.constantFrom('con-er', 'con.1')), fc.constantFrom('bad name', '-')),
        }),
        { maxLength: 3 },
      ),
      (sku, zones, connections) => {
        runs.classify('ExpressRouteGateway+connections', () => {
          const stack = newStack();
          const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
          const gateway = new ExpressRouteGateway(stack, 'ErGateway', { hub, sku: sku === undefined ? undefined : ExpressRouteGatewaySku.of(sku), publicIpZones: zones });
          connections.forEach((c, i) => {
            const authorizationKey = c.key === 'token'
              ? new TerraformVariable(stack, `AuthKey${i}`, { type: 'string', sensitive: true }).stringValue
              : c.key === 'literal' ? 'literal-authorization-key' : undefined;
            const circuit = c.target === 'own'
              ? new ExpressRouteCircuit(stack, `Circuit${i}`, { resourceGroupName: 'rg', location: 'westeurope', serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000 })
              : c.target === 'existing'
                ? ExpressRouteCircuit.fromCircuitAttributes(stack, `Existing${i}`, { circuitId: `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/erc${i}`, authorizationKey, onPremisesPrefixes: c.existingPrefixes })
                : undefined;
            gateway.addConnection(c.id, {
              circuit: circuit as IExpressRouteCircuit,
              routingWeight: c.weight,
              fastPath: c.fastPath,
              privateLinkFastPath: c.privateLinkFastPath,
              name: c.name,
            });
          });
          synthChecked(stack);
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('HybridConnectivity: any factory and options synthesize checked JSON or throw ValidationError', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(HybridConnectivityMode.VPN, HybridConnectivityMode.EXPRESSROUTE, HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER),
      mostly(fc.constantFrom('own', 'existing'), fc.constant('none')),
      mostly(opt(fc.constantFrom('VpnGw2AZ', 'VpnGw3AZ')), fc.constantFrom('Basic', 'VpnGw2')),
      mostly(opt(fc.constant(65515)), fc.constantFrom(65010, 65520)),
      mostly(opt(fc.constant(true)), fc.constant(false)),
      mostly(fc.constant(false), fc.constant(true)),
      // A JavaScript caller passing props of the other factories (vpnType, vpnAsn, routeServer where they do not belong).
      mostly(fc.constant(false), fc.constant(true)),
      fc.array(fc.oneof(onPremPrefix, fc.constantFrom('192.168.10.0/24', '192.168.0.0/16')), { maxLength: 2 }),
      fc.array(fc.tuple(publicIpArb(), fc.array(fc.oneof(onPremPrefix, fc.constantFrom('192.168.10.0/24', '192.168.0.0/17')), { minLength: 1, maxLength: 2 })), { maxLength: 2 }),
      fc.boolean(),
      (mode, circuitKind, vpnSku, vpnAsn, activeActive, routeServer, crossSettings, erPrefixes, sites, workspace) => {
        runs.classify('HybridConnectivity', () => {
          const stack = newStack();
          const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
          const circuit = circuitKind === 'own'
            ? new ExpressRouteCircuit(stack, 'Circuit', { resourceGroupName: 'rg', location: 'westeurope', serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 1000, onPremisesPrefixes: erPrefixes })
            : circuitKind === 'existing'
              ? ExpressRouteCircuit.fromCircuitAttributes(stack, 'Existing', { circuitId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/erc', onPremisesPrefixes: erPrefixes })
              : undefined;
          const logAnalyticsWorkspace = workspace ? LogAnalyticsWorkspace.fromWorkspaceId(stack, 'Law', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law') : undefined;
          const cross: Record<string, unknown> = crossSettings ? { vpnType: VpnType.POLICY_BASED, vpnAsn: 65010, routeServer: true, circuit } : {};
          const vpnGatewaySku = vpnSku ? VpnGatewaySku.of(vpnSku) : undefined;
          const connectivity = mode === HybridConnectivityMode.VPN
            ? HybridConnectivity.vpn(stack, 'Connectivity', { ...cross, hub, vpnGatewaySku, vpnAsn, vpnActiveActive: activeActive, logAnalyticsWorkspace } as VpnConnectivityProps)
            : mode === HybridConnectivityMode.EXPRESSROUTE
              ? HybridConnectivity.expressRoute(stack, 'Connectivity', { ...cross, hub, circuit: circuit as IExpressRouteCircuit, logAnalyticsWorkspace } as ExpressRouteConnectivityProps)
              : HybridConnectivity.expressRouteWithVpnFailover(stack, 'Connectivity', { ...cross, hub, circuit: circuit as IExpressRouteCircuit, vpnGatewaySku, vpnActiveActive: activeActive, routeServer, logAnalyticsWorkspace } as ExpressRouteVpnFailoverProps);
          sites.forEach(([address, spaces], i) => {
            connectivity.addSite(`Site${i}`, { device: VpnDevice.address(address), addressSpaces: spaces, sharedKey: SharedKey.fromVariable(`site${i}_key`) });
          });
          const json = synthChecked(stack);
          for (const connection of Object.values<any>(json.resource.azurerm_virtual_network_gateway_connection ?? {})) {
            if (connection.type === 'IPsec') expect(connection.shared_key).toMatch(/^\$\{/);
          }
          // Coexistence holds whatever a caller passes: RouteBased, ASN 65515.
          const vpnGateway = Object.values<any>(json.resource.azurerm_virtual_network_gateway ?? {}).find((g) => g.type === 'Vpn');
          if (vpnGateway && mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER) expect(vpnGateway).toMatchObject({ vpn_type: 'RouteBased', bgp_settings: { asn: 65515 } });
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

function publicIpArb(): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(198, 203, 20, 52), octet, octet, fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
}

test('Spokes via hub.addSpoke: any spoke options synthesize checked JSON or throw ValidationError', () => {
  const spaceArb = mostly(fc.integer({ min: 1, max: 200 }).map((b) => `10.${b}.0.0/16`), fc.constantFrom('10.0.0.0/16', '10.0.1.0/24', 'x', '10.1.0.1/16', ''));
  fc.assert(
    fc.property(
      fc.constantFrom('none', 'vpn', 'er'),
      fc.array(
        fc.record({
          id: fc.oneof({ arbitrary: fc.constant(''), weight: 12 }, { arbitrary: fc.constant('App'), weight: 1 }),
          addressSpace: fc.array(spaceArb, { minLength: 0, maxLength: 2 }).map((a) => (a.length === 0 ? ['10.150.0.0/16'] : a)).chain((a) => mostly(fc.constant(a), fc.constant([] as string[]))),
          existing: mostly(fc.constant('new'), fc.constantFrom('existing', 'idOnly', 'nameOnly')),
          name: mostly(opt(fc.constantFrom('vnet-app', 'vn')), fc.constantFrom('v', 'bad name', 'V'.repeat(65))),
          subnets: fc.array(fc.tuple(mostly(fc.constantFrom('app', 'data'), fc.constantFrom('bad name', 'GatewaySubnet')), fc.integer({ min: 0, max: 3 })), { maxLength: 2 }),
          subnetOutside: mostly(fc.constant(false), fc.constant(true)),
          useRemoteGateways: opt(fc.boolean()),
          spokeHasGateway: mostly(opt(fc.constant(false)), fc.constant(true)),
          allowForwardedTraffic: opt(fc.boolean()),
          dnsServers: opt(fc.constant<string[]>(['10.0.0.4'])),
        }),
        { maxLength: 3 },
      ),
      (gatewayKind, spokes) => {
        runs.classify('Spokes', () => {
          const stack = newStack();
          const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
          if (gatewayKind === 'vpn') new VpnGateway(stack, 'Vpn', { hub });
          if (gatewayKind === 'er') new ExpressRouteGateway(stack, 'Er', { hub });
          spokes.forEach((s, i) => {
            const first = s.addressSpace[0];
            const subnets: Record<string, string> = {};
            for (const [name, index] of s.subnets) {
              const m = /^10\.(\d+)\.0\.0\/16$/.exec(first ?? '');
              subnets[name] = s.subnetOutside || !m ? `10.250.${index}.0/24` : `10.${m[1]}.${index}.0/24`;
            }
            const existing = s.existing !== 'new';
            hub.addSpoke(s.id || `Spoke${i}`, {
              addressSpace: s.addressSpace,
              name: existing ? undefined : s.name,
              existingVirtualNetworkId: s.existing === 'existing' || s.existing === 'idOnly' ? `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke${i}` : undefined,
              existingVirtualNetworkName: s.existing === 'existing' || s.existing === 'nameOnly' ? `spoke${i}` : undefined,
              subnets: existing ? undefined : subnets,
              dnsServers: existing ? undefined : s.dnsServers,
              useRemoteGateways: s.useRemoteGateways,
              spokeHasGateway: s.spokeHasGateway,
              allowForwardedTraffic: s.allowForwardedTraffic,
            });
          });
          // A spoke that uses remote gateways on a hub without one is refused at synth (a rule finding,
          // SPOKE-NO-HUB-GATEWAY, decided then because a gateway may be added after the spoke).
          const needsGateway = gatewayKind === 'none' && spokes.some((sp) => sp.useRemoteGateways ?? !(sp.spokeHasGateway ?? false));
          if (needsGateway) {
            // a synth-time refusal of the construct: synthChecked throws it, classify counts it (refusedAtSynth)
            expect(() => synthChecked(stack)).toThrow(/^(.*\[SPOKE-NO-HUB-GATEWAY\].*(\n|$))+$/);
            synthChecked(stack);
            return;
          }
          const json = synthChecked(stack);
          // Both peerings of every spoke come after the hub's gateways.
          const gateways = Object.keys(json.resource.azurerm_virtual_network_gateway ?? {});
          for (const peering of Object.values<any>(json.resource.azurerm_virtual_network_peering ?? {})) {
            for (const g of gateways) expect(peering.depends_on ?? []).toContain(`azurerm_virtual_network_gateway.${g}`);
          }
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
