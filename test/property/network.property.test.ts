import * as fc from 'fast-check';
import { HubNetwork, VpnGateway, VpnGatewaySku, VpnGatewayGeneration, SharedKey, VpnDevice } from '../../lib';
import { checkTerraformJson } from '../../lib/checks/schema-check';
import { ValidationError } from '../../lib/core/errors';
import { newStack, synthJson } from '../util';

// Property: every generated input either synthesizes to JSON that passes the offline schema
// check, or throws the library's ValidationError — never a TypeError or an invalid file.

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const runs: Record<string, { synthesized: number; refused: number }> = {};

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
/** CIDRs that are mostly plausible, sometimes broken (host bits, /33, junk). */
const cidr = fc.oneof(
  fc.tuple(fc.constantFrom(10, 172, 192), octet, fc.integer({ min: 8, max: 30 })).map(([a, b, len]) => `${a}.${b}.0.0/${len}`),
  fc.tuple(ipv4, fc.integer({ min: 0, max: 34 })).map(([ip, len]) => `${ip}/${len}`),
  fc.constantFrom('', 'not-a-cidr', '10.0.0.0', '10.0.0.0/16 ', '300.1.1.0/24'),
);
/** Mostly a valid value, sometimes a broken one: both outcomes must occur for the property to mean anything. */
function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
}
const goodSpace = fc.integer({ min: 0, max: 255 }).map((b) => `10.${b}.0.0/16`);
const onPremSpace = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 22, max: 26 })).map(([c, len]) => `192.168.${c & (len <= 23 ? 254 : 255)}.0/${len}`);
const publicIp = fc.tuple(fc.constantFrom(198, 203, 20, 52), octet, octet, fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
const asn = fc.oneof(
  fc.constantFrom(0, 1, 8074, 8075, 12076, 23456, 64496, 64512, 65010, 65514, 65515, 65517, 65521, 65534, 65535, 65551, 4294967295, 4294967296, -5, 1.5),
  fc.integer({ min: 1, max: 4294967295 }),
);
const skuName = fc.constantFrom('VpnGw1', 'VpnGw2AZ', 'VpnGw3', 'VpnGw4AZ', 'VpnGw5', 'Basic', 'Standard', 'HighPerformance', 'VpnGw9', '');
const apipa = fc.oneof(fc.tuple(fc.constantFrom(20, 21, 22, 23), octet).map(([c, d]) => `169.254.${c}.${d}`), fc.constantFrom('x', '10.0.0.1'));

function classify(name: string, build: () => void): void {
  const count = (runs[name] ??= { synthesized: 0, refused: 0 });
  try {
    build();
    count.synthesized++;
  } catch (e) {
    if (e instanceof ValidationError) {
      count.refused++; // a clear refusal is a valid outcome
      return;
    }
    throw e; // anything else (TypeError, cdktf error) breaks the property
  }
}

function expectSchemaClean(json: any): void {
  const errors = checkTerraformJson('prop', json).filter((f) => f.level === 'error');
  expect(errors).toEqual([]);
}

afterAll(() => {
  // Reported in the closing note: how many cases each property ran, and that both outcomes occur
  // (a property whose inputs are all refused would test nothing).
  process.stdout.write(`property runs: ${JSON.stringify(runs)}\n`);
  for (const count of Object.values(runs)) {
    expect(count.synthesized).toBeGreaterThan(0);
    expect(count.refused).toBeGreaterThan(0);
  }
});

test('HubNetwork: any address plan synthesizes valid JSON or throws ValidationError', () => {
  fc.assert(
    fc.property(
      mostly(fc.array(goodSpace, { minLength: 1, maxLength: 2 }), fc.array(cidr, { maxLength: 3 })),
      mostly(fc.constant(undefined), fc.option(cidr, { nil: undefined })),
      mostly(fc.option(fc.integer({ min: 20, max: 27 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined })),
      fc.array(
        fc.tuple(
          mostly(fc.constantFrom('app', 'data', 'mgmt', 'web'), fc.constantFrom('GatewaySubnet', 'bad name', '')),
          mostly(fc.constant(undefined), fc.option(cidr, { nil: undefined })),
          fc.option(fc.integer({ min: 18, max: 30 }), { nil: undefined }),
        ),
        { maxLength: 3 },
      ),
      (addressSpace, gatewaySubnetPrefix, gatewaySubnetPrefixLength, subnetList) => {
        classify('HubNetwork', () => {
          const stack = newStack();
          const subnets: Record<string, { addressPrefix?: string; prefixLength?: number }> = {};
          for (const [name, addressPrefix, prefixLength] of subnetList) subnets[name] = { addressPrefix, prefixLength };
          new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace, gatewaySubnetPrefix, gatewaySubnetPrefixLength, subnets });
          expectSchemaClean(synthJson(stack));
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});

test('VpnGateway + sites: any gateway and site settings synthesize valid JSON or throw ValidationError', () => {
  fc.assert(
    fc.property(
      mostly(fc.constantFrom('VpnGw2AZ', 'VpnGw3AZ', 'VpnGw2', 'VpnGw1AZ', 'VpnGw5AZ'), skuName),
      mostly(fc.constant(undefined), fc.constantFrom(VpnGatewayGeneration.GENERATION1, VpnGatewayGeneration.GENERATION2)),
      fc.boolean(),
      mostly(fc.constant(true), fc.constant(false)),
      mostly(fc.constant(65515), asn),
      mostly(fc.constant<string[]>([]), fc.array(apipa, { maxLength: 2 })),
      fc.array(
        fc.record({
          address: mostly(publicIp.map((a): string | undefined => a), fc.option(fc.oneof(ipv4, fc.constantFrom('10.1.1.1', 'x')), { nil: undefined })),
          fqdn: mostly(fc.constant(undefined), fc.option(fc.constantFrom('vpn.contoso.com', 'bad fqdn', 'x'), { nil: undefined })),
          spaces: mostly(fc.array(onPremSpace, { minLength: 1, maxLength: 2 }), fc.array(cidr, { maxLength: 2 })),
          bgpAsn: mostly(fc.option(fc.integer({ min: 65001, max: 65100 }), { nil: undefined }), fc.option(asn, { nil: undefined })),
          peer: mostly(fc.integer({ min: 1, max: 254 }).map((d): string | undefined => `172.16.0.${d}`), fc.option(ipv4, { nil: undefined })),
          weight: mostly(fc.constant(undefined), fc.option(fc.integer({ min: -10, max: 40000 }), { nil: undefined })),
          keyFromVariable: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      (sku, generation, activeActive, bgpEnabled, gatewayAsn, apipa1, sites) => {
        classify('VpnGateway+sites', () => {
          const stack = newStack();
          const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
          const gateway = new VpnGateway(stack, 'Gateway', { hub, sku: VpnGatewaySku.of(sku), generation, activeActive, bgpEnabled, asn: gatewayAsn, apipaAddressesInstance1: apipa1 });
          sites.forEach((s, i) => {
            gateway.addSite(`Site${i}`, {
              // VpnDevice gives one of the two; a JavaScript caller could hand-build both or neither.
              device: (s.address !== undefined && s.fqdn === undefined ? VpnDevice.address(s.address)
                : s.fqdn !== undefined && s.address === undefined ? VpnDevice.fqdn(s.fqdn)
                  : { gatewayAddress: s.address, gatewayFqdn: s.fqdn }) as VpnDevice,
              addressSpaces: s.spaces,
              bgpAsn: s.bgpAsn,
              bgpPeeringAddress: s.bgpAsn === undefined ? undefined : s.peer,
              routingWeight: s.weight,
              sharedKey: s.keyFromVariable ? SharedKey.fromVariable(`site${i}_key`) : undefined,
            });
          });
          const json = synthJson(stack);
          expectSchemaClean(json);
          // What the pattern promises, whatever the input: the key is never a literal.
          for (const connection of Object.values<any>(json.resource.azurerm_virtual_network_gateway_connection ?? {})) {
            expect(connection.shared_key).toMatch(/^\$\{/);
          }
        });
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
