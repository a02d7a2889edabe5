import { Construct, IConstruct } from 'constructs';
import { NET_ONPREM_NETWORK } from './rules';
import { AddressPlan } from '../core/address-plan';
import { cidrContains, literalRanges, parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';

/**
 * An on-premises network declared once and reached several ways: through the circuits of two
 * peering locations, a circuit and a failover VPN site, or the hubs of two regions. The address
 * plan knows every such claim is the same network: its prefixes may be claimed again through
 * it, never by anyone else.
 */
export interface IOnPremisesNetwork extends IConstruct {
  /** The network's prefixes. */
  readonly prefixes: string[];
  /** The key under which the address plan groups its claims (unique in the App). */
  readonly addressPlanNetwork: string;
}

/** Props of `OnPremisesNetwork`. */
export interface OnPremisesNetworkProps {
  /**
   * The prefixes of the on-premises network (every range the sites and circuits reaching it
   * advertise lies inside one of them). Literal prefixes are claimed in the App's address plan.
   */
  readonly prefixes: string[];
}

/** Prefixes `given` of a site or circuit that lie outside the network's literal prefixes. */
export function checkInsideNetwork(problems: ProblemCollector, prop: string, given: string[], network: IOnPremisesNetwork): void {
  const ranges = literalRanges(network.prefixes);
  if (ranges.length === 0) return;
  for (const cidr of given) {
    const range = parseCidr(cidr);
    problems.check(
      range !== undefined && !ranges.some((r) => cidrContains(r, range)),
      NET_ONPREM_NETWORK,
      prop,
      cidr,
      `${cidr} is not inside on-premises network ${network.node.path} (${network.prefixes.join(', ')})`,
      'list only prefixes of that network, or widen its `prefixes`',
    );
  }
}

/**
 * The address-plan key of the prefixes a site or circuit claims: the declared network's, else
 * `fallback` (the circuit's own network, or none for a site of its own).
 */
export function addressPlanNetworkOf(network: IOnPremisesNetwork | undefined, fallback: string | undefined): string | undefined {
  return network?.addressPlanNetwork ?? fallback;
}

/**
 * An on-premises network, declared once in the App (in any stack) and given to the circuits and
 * VPN sites that reach it (`onPremisesNetwork`). Its prefixes are claimed in the App's address
 * plan: Azure ranges overlapping them are refused, and the same prefixes reached through several
 * hubs, circuits or sites are accepted.
 */
export class OnPremisesNetwork extends Construct implements IOnPremisesNetwork {
  public readonly prefixes: string[];
  public readonly addressPlanNetwork: string;

  constructor(scope: Construct, id: string, props: OnPremisesNetworkProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('prefixes', props?.prefixes, 'array');
    problems.throwIfAny();
    problems.check(props.prefixes.length === 0, NET_ONPREM_NETWORK, 'prefixes', props.prefixes, 'an on-premises network needs at least one prefix', "list its ranges, e.g. ['192.168.0.0/16']");
    checkCidrs(problems, 'prefixes', props.prefixes);
    problems.throwIfAny();
    this.prefixes = [...props.prefixes];
    this.addressPlanNetwork = `on-premises network ${this.node.path}`;
    AddressPlan.of(this).claim(problems, 'prefixes', this.prefixes, `on-premises network ${this.node.path}`, this.addressPlanNetwork);
    problems.throwIfAny();
  }
}
