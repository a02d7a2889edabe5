import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Token } from 'cdktf';
import { parseCidr } from '../../core/cidr';
import { ProblemCollector } from '../../core/errors';
import { Rule } from '../../core/rule';
import { IHubNetwork } from '../hub-network-base';

/** Where a hub construct's own subnet comes from. */
export interface HubSubnetSpec {
  readonly name: string;
  readonly addressPrefix?: string;
  readonly prefixLength: number;
  /** Largest allowed prefix length (smallest subnet) and smallest (largest subnet). */
  readonly maxPrefixLength: number;
  readonly minPrefixLength: number;
  readonly delegation?: string;
}

/** Checks the size of a hub subnet spec (prop `prop` for the prefix, `lengthProp` for the length). */
export function checkHubSubnet(problems: ProblemCollector, rule: Rule, prop: string, lengthProp: string, spec: HubSubnetSpec): void {
  problems.literal(lengthProp, spec.prefixLength, 'it decides which block is carved at synth');
  if (spec.addressPrefix !== undefined && !Token.isUnresolved(spec.addressPrefix)) {
    const length = parseCidr(spec.addressPrefix)?.prefixLength;
    problems.check(length !== undefined && (length > spec.maxPrefixLength || length < spec.minPrefixLength), rule, prop, spec.addressPrefix, `${spec.name} must be /${spec.maxPrefixLength} to /${spec.minPrefixLength}`, `use a /${spec.maxPrefixLength}`);
  } else {
    problems.integer(rule, lengthProp, spec.prefixLength, spec.minPrefixLength, spec.maxPrefixLength, `use ${spec.maxPrefixLength}`);
  }
}

/**
 * Carves the subnet from the hub through `IHubNetwork.addSubnet` (so the hub's address plan sees
 * it), then sets on the returned subnet what `addSubnet` does not take: the delegation and
 * default outbound access off (azurerm 4.55 `default_outbound_access_enabled`, default true).
 */
export function addHubSubnet(hub: IHubNetwork, spec: HubSubnetSpec): Subnet {
  const subnet = hub.addSubnet(spec.name, spec.addressPrefix !== undefined ? { addressPrefix: spec.addressPrefix } : { prefixLength: spec.prefixLength });
  subnet.defaultOutboundAccessEnabled = false;
  if (spec.delegation) {
    subnet.putDelegation([{ name: spec.delegation.replace('/', '.'), serviceDelegation: { name: spec.delegation, actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }]);
  }
  return subnet;
}

/** The literal prefix of a subnet created by `addHubSubnet`, when known at synth. */
export function literalPrefixOf(subnet: Subnet): string | undefined {
  const prefix = subnet.addressPrefixesInput?.[0];
  return typeof prefix === 'string' && !Token.isUnresolved(prefix) ? prefix : undefined;
}

/** The `n`th address of a literal prefix (`10.0.1.0/28`, 4 -> `10.0.1.4`). */
export function hostAddress(prefix: string, n: number): string {
  const range = parseCidr(prefix)!;
  const v = range.first + BigInt(n);
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
}
