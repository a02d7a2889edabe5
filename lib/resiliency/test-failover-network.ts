import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { cidrContains, cidrOverlaps, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { resolveExpression } from '../core/tokens';
import { checkCidrs } from '../core/cidr-checks';
import { reportAtSynth } from '../core/report';
import { Rule } from '../core/rule';
import { NET_ADDRESS_OVERLAP, NET_CIDR_INVALID, NET_SUBNET_OUTSIDE, NET_SUBNET_OVERLAP } from '../core/rules';
import { ASR_TESTNET_ISOLATED } from './rules';

/** Props of `TestFailoverNetwork`. */
export interface TestFailoverNetworkProps {
  readonly resourceGroupName: string;
  /** The recovery region. */
  readonly location: string;
  /**
   * Address space. It may repeat production's ranges: the network is never peered or connected.
   * @default ['10.255.0.0/16']
   */
  readonly addressSpace?: string[];
  /**
   * Subnets by name (use the production subnet names, so that failed-over NICs find theirs).
   * @default - one subnet `default` spanning the first range
   */
  readonly subnets?: { [name: string]: string };
  /**
   * Virtual network name.
   * @default - generated: `vnet-<path>`
   */
  readonly name?: string;
}

/**
 * An isolated virtual network for Site Recovery test failovers: no peering, no gateway, so test
 * VMs with production addresses and identities never meet production. Synth fails if anything
 * peers it (ASR-TESTNET-ISOLATED).
 */
export class TestFailoverNetwork extends Construct {
  /** The virtual network (escape hatch). */
  public readonly virtualNetwork: VirtualNetwork;
  /** Its subnets by name. */
  public readonly subnets: { [name: string]: Subnet } = {};
  public readonly virtualNetworkId: string;

  constructor(scope: Construct, id: string, props: TestFailoverNetworkProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('resourceGroupName', props.resourceGroupName, 'string');
    problems.required('location', props.location, 'string');
    problems.region('location', props.location);
    problems.type('addressSpace', props.addressSpace, 'array');
    problems.type('subnets', props.subnets, 'object');
    problems.literal('addressSpace', props.addressSpace, 'the subnets are checked against it');
    problems.literal('subnets', props.subnets, 'each subnet is a resource');
    problems.throwIfAny();
    const addressSpace = props.addressSpace ?? ['10.255.0.0/16'];
    const subnets = props.subnets ?? { default: addressSpace[0] };
    checkName(problems, 'virtualNetwork', 'name', props.name);
    problems.check(addressSpace.length === 0, NET_CIDR_INVALID, 'addressSpace', addressSpace, 'the address space is empty', "give at least one prefix, e.g. ['10.255.0.0/16']");
    const spacesOk = checkCidrs(problems, 'addressSpace', addressSpace);
    for (const [name, prefix] of Object.entries(subnets)) {
      checkName(problems, 'subnet', `subnets.${name}`, name);
      if (!checkCidrs(problems, `subnets.${name}`, [prefix]) || !spacesOk || Token.isUnresolved(prefix)) continue;
      const range = parseCidr(prefix)!;
      problems.check(
        !addressSpace.some((s) => !Token.isUnresolved(s) && cidrContains(parseCidr(s)!, range)),
        NET_SUBNET_OUTSIDE,
        `subnets.${name}`,
        prefix,
        `${prefix} is not inside ${addressSpace.join(', ')}`,
        'pick a prefix inside the address space',
      );
    }
    checkNoOverlap(problems, 'addressSpace', addressSpace.map((prefix, i) => [`addressSpace[${i}]`, prefix]), NET_ADDRESS_OVERLAP);
    checkNoOverlap(problems, 'subnets', Object.entries(subnets).map(([name, prefix]) => [`subnets.${name}`, prefix]), NET_SUBNET_OVERLAP);
    problems.throwIfAny();
    this.virtualNetwork = new VirtualNetwork(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualNetwork'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      addressSpace,
    });
    this.virtualNetworkId = this.virtualNetwork.id;
    for (const [name, prefix] of Object.entries(subnets)) {
      this.subnets[name] = new Subnet(this, `Subnet${name}`, {
        name,
        resourceGroupName: props.resourceGroupName,
        virtualNetworkName: this.virtualNetwork.name,
        addressPrefixes: [prefix],
        // An isolated test network has no business reaching the internet (NET-DEFAULT-OUTBOUND).
        defaultOutboundAccessEnabled: false,
      });
    }
    reportAtSynth(this, ASR_TESTNET_ISOLATED, () => this.peerings());
  }

  /** The first peering of this network, as a finding (test failovers must run isolated). */
  private peerings() {
    const stack = TerraformStack.of(this);
    const id = resolveExpression(stack, this.virtualNetwork.id);
    const name = resolveExpression(stack, this.virtualNetwork.name);
    const peered = stack.node.findAll().filter((node): node is VirtualNetworkPeering => node instanceof VirtualNetworkPeering
      && (resolveExpression(stack, node.virtualNetworkNameInput) === name || resolveExpression(stack, node.remoteVirtualNetworkIdInput) === id));
    if (peered.length === 0) return undefined;
    return {
      prop: 'peering',
      value: peered.map((p) => p.node.path).join(', '),
      detail: `the test failover network is peered by ${peered.map((p) => p.node.path).join(', ')}: test VMs with production addresses and identities would meet production`,
      fix: 'remove the peering; test failovers run isolated',
    };
  }
}

/**
 * Two literal prefixes of one list that overlap (a duplicated address space, subnets
 * 10.255.0.0/24 and 10.255.0.128/25) are one problem each pair (fuzz review 15). Pairs are few:
 * a test network has a handful of subnets.
 */
function checkNoOverlap(problems: ProblemCollector, _prop: string, entries: [string, string][], rule: Rule): void {
  const parsed = entries.filter(([, p]) => typeof p === 'string' && !Token.isUnresolved(p)).map(([prop, p]) => ({ prop, prefix: p, range: parseCidr(p) })).filter((e) => e.range !== undefined);
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      if (!cidrOverlaps(parsed[i].range!, parsed[j].range!)) continue;
      problems.add(rule, parsed[j].prop, parsed[j].prefix, `${parsed[j].prefix} overlaps ${parsed[i].prefix} (${parsed[i].prop})`, 'give each prefix its own range');
    }
  }
}
