import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { cidrContains, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { resolveExpression } from '../core/tokens';
import { checkCidrs } from '../core/cidr-checks';
import { reportAtSynth } from '../core/report';
import { NET_CIDR_INVALID, NET_SUBNET_OUTSIDE } from '../core/rules';
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
    const addressSpace = props.addressSpace ?? ['10.255.0.0/16'];
    const subnets = props.subnets ?? { default: addressSpace[0] };
    const problems = new ProblemCollector(this);
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
