import { ExpressRouteConnection } from '@cdktf/provider-azurerm/lib/express-route-connection';
import { ExpressRouteGateway as ExpressRouteGatewayResource } from '@cdktf/provider-azurerm/lib/express-route-gateway';
import { Op } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_LABEL, ER_GATEWAY_NAMESPACE, EXPRESSROUTE_SCALE_UNITS } from './defaults';
import { IVirtualHub } from './interfaces';
import { onRoutingIntent } from './routing-registry';
import { MetricDefinition } from '../../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { checkFinalBody } from '../../core/report';
import type { IExpressRouteCircuit } from '../expressroute-circuit';
import { metricOf } from '../metrics';
import { ER_CONNECTION_WEIGHT } from '../rules';
import { VWAN_SCALE_UNITS } from '../rules/vwan';
import { checkName, generateName } from '../../core/naming';
import { sameStackDependencies } from '../../core/dependencies';

/** Options of `VirtualHub.addExpressRouteGateway`. */
export interface HubExpressRouteGatewayOptions extends AzureResourceProps {
  /**
   * Scale units, 1-10 (2 Gbps each). A Terraform expression is accepted.
   * @default 1
   */
  readonly scaleUnits?: number;
  /**
   * Name.
   * @default - generated: `ergw-<construct path>`
   */
  readonly name?: string;
}

/** Props of `HubExpressRouteGateway`. */
export interface HubExpressRouteGatewayProps extends HubExpressRouteGatewayOptions {
  /** The hub. */
  readonly hub: IVirtualHub;
}

/** Options of `HubExpressRouteGateway.connectCircuit`. */
export interface HubExpressRouteConnectionOptions {
  /** The circuit: one this stack owns (the connection waits behind its `provisionedGate`) or an existing one. */
  readonly circuit: IExpressRouteCircuit;
  /**
   * Routing weight, 0-32000.
   * @default 0
   */
  readonly routingWeight?: number;
  /**
   * Name.
   * @default - generated: `con-<construct path>`
   */
  readonly name?: string;
}

/** The ExpressRoute gateway of a virtual hub; circuits are linked with `connectCircuit`. */
export class HubExpressRouteGateway extends AzureResource {
  /** The gateway (escape hatch). */
  public readonly resource: ExpressRouteGatewayResource;
  public readonly resourceId: string;
  public readonly hub: IVirtualHub;
  private readonly connections: ExpressRouteConnection[] = [];

  constructor(scope: Construct, id: string, props: HubExpressRouteGatewayProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.throwIfAny();
    checkName(problems, 'expressRouteGateway', 'name', props.name);
    problems.integer(VWAN_SCALE_UNITS, 'scaleUnits', props.scaleUnits, 1, 10, 'use 1-10 (2 Gbps each)');
    problems.throwIfAny();
    this.hub = props.hub;
    this.resource = new ExpressRouteGatewayResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteGateway'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      virtualHubId: this.hub.hubId,
      scaleUnits: props.scaleUnits ?? EXPRESSROUTE_SCALE_UNITS,
    });
    this.resourceId = this.resource.id;
    checkFinalBody(this, this.resource, [VWAN_SCALE_UNITS]);
    this.initCommon(props);
  }

  /**
   * Links a circuit's private peering to the hub. For a circuit of this stack the connection sits
   * behind the circuit's `provisionedGate` and has a precondition on its provisioning state.
   */
  public connectCircuit(id: string, options: HubExpressRouteConnectionOptions): ExpressRouteConnection {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `Connection${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    checkName(problems, 'connection', 'name', options.name);
    problems.required('circuit', options.circuit, 'construct');
    problems.integer(ER_CONNECTION_WEIGHT, 'routingWeight', options.routingWeight, 0, 32000);
    problems.throwIfAny();
    const circuit = options.circuit;
    const state = circuit.serviceProviderProvisioningState;
    // The circuit's gate as this stack declares it (its own variable when the circuit is in another stack).
    const gate = circuit.provisionedGate?.inStackOf(this);
    const deps = sameStackDependencies(this, circuit.connectionDependencies);
    const connection = new ExpressRouteConnection(this, `Connection${id}`, {
      name: options.name ?? generateName(this, 'connection', id),
      expressRouteGatewayId: this.resource.id,
      expressRouteCircuitPeeringId: `${circuit.circuitId}/peerings/AzurePrivatePeering`,
      authorizationKey: circuit.authorizationKey,
      routingWeight: options.routingWeight ?? 0,
      routing: { associatedRouteTableId: this.hub.defaultRouteTableId, propagatedRouteTable: { routeTableIds: [this.hub.defaultRouteTableId], labels: [DEFAULT_LABEL] } },
      dependsOn: deps.length > 0 ? deps : undefined,
      lifecycle: state !== undefined
        ? { precondition: [{ condition: Op.eq(state, 'Provisioned'), errorMessage: `The connectivity provider has not provisioned the circuit yet: close gate ${gate?.name ?? ''} (set it to false), or wait until serviceProviderProvisioningState is Provisioned.` }] }
        : undefined,
    });
    onRoutingIntent(this.hub, () => connection.resetRouting());
    gate?.guard(connection);
    this.connections.push(connection);
    return connection;
  }

  /** The circuit connections so far. */
  public get circuitConnections(): ExpressRouteConnection[] {
    return [...this.connections];
  }

  /** `ErGatewayConnectionBitsInPerSecond` (bits/s, Average), split by `ConnectionName`. */
  public metricConnectionBitsIn(): MetricDefinition {
    return metricOf(this.resourceId, ER_GATEWAY_NAMESPACE, 'ErGatewayConnectionBitsInPerSecond', 'Average', 'bits/s', ['ConnectionName']);
  }

  /** `ExpressRouteGatewayCpuUtilization` (percent, Average), split by `roleInstance`. */
  public metricCpuUtilization(): MetricDefinition {
    return metricOf(this.resourceId, ER_GATEWAY_NAMESPACE, 'ExpressRouteGatewayCpuUtilization', 'Average', '%', ['roleInstance']);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_express_route_gateway' }];
  }
}
