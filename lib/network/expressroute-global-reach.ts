import { ExpressRouteCircuitConnection } from '@cdktf/provider-azurerm/lib/express-route-circuit-connection';
import { Op, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { EXPRESSROUTE_GLOBAL_REACH_PREFIX_LENGTH } from './defaults';
import { checkAuthorizationKey } from './authorization-key';
import { ExpressRouteSkuTier, IExpressRouteCircuit } from './expressroute-circuit';
import { renderGlobalReachHandoff } from './handoff/expressroute-global-reach';
import { ER_GLOBALREACH_CIRCUITS, ER_GLOBALREACH_PEERING, ER_GLOBALREACH_PREFIX, ER_GLOBALREACH_SAME_NETWORK, VPN_SHARED_KEY_LITERAL } from './rules';
import { AddressPlan } from '../core/address-plan';
import { parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { checkName, generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { checkFinalBody, reportAtSynth } from '../core/report';
import { displayValue } from '../core/tokens';

/** Props of `ExpressRouteGlobalReach`. */
export interface ExpressRouteGlobalReachProps {
  /**
   * The circuit the link is configured on (its private peering): one of this stack, or an
   * existing circuit of this subscription.
   */
  readonly circuit: IExpressRouteCircuit;
  /**
   * The other circuit: of this stack, or an existing one (`ExpressRouteCircuit.fromCircuitAttributes`;
   * in another subscription with its `authorizationKey`).
   */
  readonly peerCircuit: IExpressRouteCircuit;
  /**
   * A /29 for the link between the two circuits, used nowhere else: it is claimed in the address
   * plan, so a virtual network, a site or another link overlapping it is refused.
   */
  readonly addressPrefixIpv4: string;
  /**
   * Authorization key from the peer circuit's subscription (an expression, never a literal).
   * @default - the peer circuit's `authorizationKey` (none for a circuit of this subscription)
   */
  readonly authorizationKey?: string;
  /**
   * Name of the link (the circuit connection).
   * @default - generated: `ergr-<construct path>`
   */
  readonly name?: string;
}

/** Pairs of circuits already linked in a stack (Azure takes one link per pair). */
const LINKED = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * ExpressRoute Global Reach: links the private peerings of two circuits, so that the on-premises
 * networks behind them talk to each other over Microsoft's backbone. The two circuits are
 * different, at different peering locations, not ExpressRoute Local, and have private peering;
 * the /29 is claimed in the address plan. Azure sets it up only on provisioned circuits: the link
 * waits behind the circuit gate (one circuit of this stack) or its own gate (two), with
 * preconditions on the circuits' provisioning state.
 */
export class ExpressRouteGlobalReach extends Construct {
  /** The circuit connection (escape hatch). */
  public readonly connection: ExpressRouteCircuitConnection;
  /** The gate the link waits behind, when a circuit of this stack is involved. */
  public readonly gate?: LifecycleGate;

  private readonly props: ExpressRouteGlobalReachProps;

  constructor(scope: Construct, id: string, props: ExpressRouteGlobalReachProps) {
    super(scope, id);
    // Resolve.
    this.props = props;
    this.validate(props);
    const owned = [props.circuit, props.peerCircuit].filter((c) => c.serviceProviderProvisioningState !== undefined);

    // Build.
    this.connection = new ExpressRouteCircuitConnection(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteCircuitConnection'),
      peeringId: props.circuit.privatePeeringId!,
      peerPeeringId: props.peerCircuit.privatePeeringId!,
      addressPrefixIpv4: props.addressPrefixIpv4,
      authorizationKey: props.authorizationKey ?? props.peerCircuit.authorizationKey,
      lifecycle: owned.length > 0
        ? {
          precondition: owned.map((c) => ({
            condition: Op.eq(c.serviceProviderProvisioningState!, 'Provisioned'),
            errorMessage: `Global Reach needs provisioned circuits, and the connectivity provider has not provisioned ${c.node.path} yet: close the gate (set it to false) and wait until its serviceProviderProvisioningState is Provisioned.`,
          })),
        }
        : undefined,
    });
    // The key on the final body, glued or escape-hatched literals included (the peerings' rule).
    checkFinalBody(this, this.connection, [VPN_SHARED_KEY_LITERAL]);
    this.gate = this.gateFor(owned);
    this.gate?.guard(this.connection);
    reportAtSynth(this, ER_GLOBALREACH_SAME_NETWORK, () => {
      const network = props.circuit.onPremisesNetwork;
      if (network === undefined || network !== props.peerCircuit.onPremisesNetwork) return undefined;
      return {
        prop: 'peerCircuit',
        value: network.node.path,
        detail: `both circuits reach on-premises network ${network.node.path}: Global Reach between them adds a second path between the same prefixes, not a link between two sites`,
        fix: 'link circuits of two different on-premises networks, or acknowledge ER-GLOBALREACH-SAME-NETWORK with the reason',
      };
    });

    // Hand off.
    Runbook.of(this).addSection(new LazySection(`ExpressRoute Global Reach ${this.node.path}`, () => this.renderHandoff()));
  }

  /**
   * One circuit of this stack: its own gate. Two: a gate of the link's own, opened once both
   * providers are done (a resource sits behind one gate).
   */
  private gateFor(owned: IExpressRouteCircuit[]): LifecycleGate | undefined {
    if (owned.length === 0) return undefined;
    if (owned.length === 1) return owned[0].provisionedGate?.inStackOf(this);
    const [a, b] = owned;
    return LifecycleGate.of(this, `${outputName(this, '')}_circuits_provisioned`, {
      waitsFor: `both ExpressRoute circuits ${a.node.path} and ${b.node.path} are provisioned (gates ${a.provisionedGate?.name} and ${b.provisionedGate?.name} open)`,
      performedBy: 'the connectivity providers of both circuits',
      verify: 'az network express-route show -g <rg> -n <circuit> --query serviceProviderProvisioningState -o tsv   # Provisioned, for both circuits',
    });
  }

  private validate(props: ExpressRouteGlobalReachProps): void {
    const problems = new ProblemCollector(this);
    problems.required('circuit', props?.circuit, 'construct');
    problems.required('peerCircuit', props?.peerCircuit, 'construct');
    problems.required('addressPrefixIpv4', props?.addressPrefixIpv4, 'string');
    problems.type('authorizationKey', props?.authorizationKey, 'string');
    problems.throwIfAny();
    checkName(problems, 'expressRouteCircuitConnection', 'name', props.name);
    const { circuit, peerCircuit } = props;

    // The /29.
    const prefix = props.addressPrefixIpv4;
    if (!Token.isUnresolved(prefix) && checkCidrs(problems, 'addressPrefixIpv4', [prefix])) {
      const length = parseCidr(prefix)!.prefixLength;
      problems.check(length !== EXPRESSROUTE_GLOBAL_REACH_PREFIX_LENGTH, ER_GLOBALREACH_PREFIX, 'addressPrefixIpv4', prefix, `a /${length}; Global Reach takes a /29`, 'use a /29 used nowhere else, e.g. 192.168.250.0/29');
    }

    // The two circuits.
    problems.check(circuit === peerCircuit || (!Token.isUnresolved(circuit.circuitId) && circuit.circuitId === peerCircuit.circuitId), ER_GLOBALREACH_CIRCUITS, 'peerCircuit', peerCircuit.node.path, 'a circuit cannot be linked to itself', 'give the circuit of the other on-premises site');
    for (const [prop, c] of [['circuit', circuit], ['peerCircuit', peerCircuit]] as const) {
      problems.check(c.privatePeeringId === undefined, ER_GLOBALREACH_PEERING, prop, c.node.path, `circuit ${c.node.path} has no Azure private peering, which Global Reach links`, 'give the circuit `privatePeering`');
      problems.check(c.skuTier === ExpressRouteSkuTier.LOCAL, ER_GLOBALREACH_CIRCUITS, prop, `${c.node.path} (Local)`, 'Global Reach is not available on ExpressRoute Local circuits', 'use a Standard circuit (Premium between geopolitical regions)');
    }
    const [here, there] = [circuit.peeringLocation, peerCircuit.peeringLocation];
    problems.check(
      here !== undefined && there !== undefined && !Token.isUnresolved(here) && !Token.isUnresolved(there) && here.trim().toLowerCase() === there.trim().toLowerCase(),
      ER_GLOBALREACH_CIRCUITS,
      'peerCircuit',
      there,
      `both circuits are at peering location ${here}; Global Reach links circuits of two different peering locations`,
      'link circuits at two peering locations',
    );
    checkAuthorizationKey(problems, 'authorizationKey', props.authorizationKey);
    this.checkPairOnce(problems, circuit, peerCircuit);
    problems.throwIfAny();

    AddressPlan.of(this).claim(problems, 'addressPrefixIpv4', [prefix], `Global Reach link ${this.node.path}`);
    problems.throwIfAny();
  }

  /** One link per pair of circuits in a stack, whichever side it is configured on. */
  private checkPairOnce(problems: ProblemCollector, a: IExpressRouteCircuit, b: IExpressRouteCircuit): void {
    const stack = TerraformStack.of(this);
    const linked = LINKED.get(stack) ?? new Map<string, string>();
    LINKED.set(stack, linked);
    const key = [identity(a), identity(b)].sort().join(' <-> ');
    const earlier = linked.get(key);
    problems.check(earlier !== undefined, ER_GLOBALREACH_CIRCUITS, 'peerCircuit', b.node.path, `circuits ${a.node.path} and ${b.node.path} are already linked by ${earlier}`, 'link each pair of circuits once');
    if (earlier === undefined) linked.set(key, this.node.path);
  }

  private renderHandoff(): string {
    const { circuit, peerCircuit } = this.props;
    return renderGlobalReachHandoff({
      circuit: circuit.node.path,
      peerCircuit: peerCircuit.node.path,
      addressPrefix: displayValue(this, this.props.addressPrefixIpv4),
      gate: this.gate?.handoff(),
      crossSubscription: (this.props.authorizationKey ?? peerCircuit.authorizationKey) !== undefined,
      prefixesHere: circuit.onPremisesPrefixes.map((p) => displayValue(this, p)),
      prefixesThere: peerCircuit.onPremisesPrefixes.map((p) => displayValue(this, p)),
    });
  }
}

/** What tells two circuits apart: the literal circuit id of an existing one, else the construct. */
function identity(c: IExpressRouteCircuit & IConstruct): string {
  return Token.isUnresolved(c.circuitId) ? c.node.path : c.circuitId.toLowerCase();
}
