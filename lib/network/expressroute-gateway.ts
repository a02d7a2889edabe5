import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { ITerraformDependable, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EXPRESSROUTE_GATEWAY_SKU, ZONES } from './defaults';
import type { IExpressRouteCircuit } from './expressroute-circuit';
import { ExpressRouteGatewaySku, LEGACY_EXPRESSROUTE_SKUS, VALID_EXPRESSROUTE_SKUS } from './expressroute-gateway-sku';
import { renderExpressRouteGatewayHandoff } from './handoff/expressroute-gateway';
import type { IHubNetwork } from './hub-network-base';
import { metricOf, VNG_NAMESPACE } from './metrics';
import { ER_CONNECTION_CIRCUIT, ER_CONNECTION_FASTPATH, ER_CONNECTION_FASTPATH_SKU, ER_CONNECTION_WEIGHT, ER_RESILIENCY, ER_GATEWAY_PUBLICIP_CUSTOMER, ER_GATEWAY_PUBLICIP_ZONES, ER_GATEWAY_SKU_LEGACY, ER_GATEWAY_SKU_UNKNOWN, VPN_PUBLICIP_ZONES, VPN_SKU_ZONES, VPN_SHARED_KEY_LITERAL } from './rules';
import { zonesProblem } from './rules/vpn-publicip-zones';
import { NET_GATEWAY_PER_VNET } from './rules/net-gateway-per-vnet';
import { checkFinalBody } from '../core/report';
import { MetricDefinition } from '../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget, IAzureResource } from '../core/azure-resource';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { displayValue } from '../core/tokens';
import { Finding, reportAtSynth } from '../core/report';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { sameStackDependencies } from '../core/dependencies';
import { checkSkuName } from './sku-name';

export * from './expressroute-gateway-sku';

/** An ExpressRoute virtual network gateway: a new `ExpressRouteGateway` or an existing one. */
export interface IExpressRouteGateway extends IAzureResource {
  /** Resource id of the gateway. */
  readonly gatewayId: string;
  /** The hub whose GatewaySubnet holds it. */
  readonly hub: IHubNetwork;
  /** `ExpressRouteGatewayCpuUtilization` (percent, Average), split by `roleInstance`. */
  metricCpuUtilization(): MetricDefinition;
  /** `ExpressRouteGatewayPacketsPerSecond` (count/s, Average), split by `roleInstance`. */
  metricPacketsPerSecond(): MetricDefinition;
}

/** Attributes of an existing ExpressRoute gateway, for `ExpressRouteGateway.fromExpressRouteGatewayAttributes`. */
export interface ExpressRouteGatewayAttributes {
  /** Resource id of the gateway. */
  readonly gatewayId: string;
  /** The hub (an imported one is fine) whose GatewaySubnet holds it. */
  readonly hub: IHubNetwork;
}

/** Options of `ExpressRouteGatewayPublicIp.customerManaged`. */
export interface CustomerManagedPublicIpOptions {
  /**
   * Availability zones of the public IP. Zone-redundant by default; one zone makes a zonal
   * gateway (warning VPN-SKU-ZONES at synth); an empty list is refused (VPN-PUBLICIP-ZONES).
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
}

/**
 * Who owns the public IP of an ExpressRoute gateway.
 *
 * Since mid-2025 Azure assigns and manages the public IP of a new ExpressRoute gateway itself
 * ("Auto-Assigned Public IP", ExpressRoute only: VPN gateways still need one of their own). The
 * gateway is then always zone-redundant, and no `azurerm_public_ip` exists in your subscription.
 */
export class ExpressRouteGatewayPublicIp {
  /**
   * Azure assigns and manages the public IP (no `azurerm_public_ip`, no `public_ip_address_id`);
   * the gateway is zone-redundant. The default, and the only choice azurerm 4.59+ accepts.
   */
  public static azureManaged(): ExpressRouteGatewayPublicIp {
    return new ExpressRouteGatewayPublicIp(true, undefined);
  }

  /**
   * A Standard static public IP in your subscription, as earlier releases of this library made.
   * Keep it only for a gateway created with one before Azure-managed IPs reached its region
   * (warning ER-GATEWAY-PUBLICIP-CUSTOMER: for a new gateway Azure ignores it, and every plan
   * then replaces the gateway).
   */
  public static customerManaged(options: CustomerManagedPublicIpOptions = {}): ExpressRouteGatewayPublicIp {
    return new ExpressRouteGatewayPublicIp(false, options?.zones);
  }

  /** True when Azure manages the public IP. */
  public readonly isAzureManaged: boolean;
  /** Zones given for a customer-managed IP (undefined: the default, or Azure-managed). */
  public readonly zones?: string[];

  private constructor(azureManaged: boolean, zones: string[] | undefined) {
    this.isAzureManaged = azureManaged;
    this.zones = zones;
  }
}

/** Props of `ExpressRouteGateway`. */
export interface ExpressRouteGatewayProps extends AzureResourceProps {
  /** The hub whose `GatewaySubnet` the gateway goes into. */
  readonly hub: IHubNetwork;
  /**
   * Gateway name.
   * @default - generated: `ergw-<construct path>`
   */
  readonly name?: string;
  /**
   * SKU. The legacy Standard, HighPerformance and UltraPerformance SKUs are refused.
   * @default ExpressRouteGatewaySku.ERGW1_AZ
   */
  readonly sku?: ExpressRouteGatewaySku;
  /**
   * The gateway's public IP: Azure-managed (no public IP resource, always zone-redundant) or a
   * customer-managed Standard public IP (`customerManaged({ zones })`, the Terraform of earlier
   * releases: keep it for a gateway created with one).
   * @default ExpressRouteGatewayPublicIp.azureManaged()
   */
  readonly publicIp?: ExpressRouteGatewayPublicIp;
  /**
   * Availability zones of a customer-managed public IP.
   *
   * Only with `publicIp: ExpressRouteGatewayPublicIp.customerManaged()` (without its own `zones`);
   * refused otherwise (ER-GATEWAY-PUBLICIP-ZONES): an Azure-managed IP has no zones to choose.
   * @default ['1', '2', '3'] for a customer-managed public IP
   * @deprecated use `publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones })`
   */
  readonly publicIpZones?: string[];
}

/** Options of `ExpressRouteGateway.addConnection`. */
export interface ExpressRouteConnectionOptions {
  /**
   * The circuit: one this stack owns (the connection waits behind its `provisionedGate`) or an
   * existing one (`ExpressRouteCircuit.fromCircuitAttributes`, created with the gateway).
   */
  readonly circuit: IExpressRouteCircuit;
  /**
   * Connection name.
   * @default - generated: `con-<construct path>`
   */
  readonly name?: string;
  /**
   * Routing weight, 0-32000 (ER-CONNECTION-WEIGHT): when several circuits connected to the gateway
   * advertise the same prefix, the connection with the higher weight is preferred (e.g. 100 on the
   * primary circuit and 0 on the one in the second peering location).
   * @default 0
   */
  readonly routingWeight?: number;
  /**
   * FastPath (`express_route_gateway_bypass`): traffic from on-premises bypasses the gateway.
   * Needs an ErGw3AZ gateway (ER-CONNECTION-FASTPATH-SKU).
   * @default false
   */
  readonly fastPath?: boolean;
  /**
   * Private Link FastPath (needs `fastPath`).
   * @default false
   */
  readonly privateLinkFastPath?: boolean;
}

/** What new and imported ExpressRoute gateways share: the resource contract and the metrics. */
export abstract class ExpressRouteGatewayBase extends AzureResource implements IExpressRouteGateway {
  public abstract readonly gatewayId: string;
  public abstract readonly hub: IHubNetwork;

  // Names and dimensions: ./metrics.ts (Azure Monitor reference, research.md section 4: ER gateways use `roleInstance`).
  public metricCpuUtilization(): MetricDefinition {
    return metricOf(this.gatewayId, VNG_NAMESPACE, 'ExpressRouteGatewayCpuUtilization', 'Average', '%', ['roleInstance']);
  }

  public metricPacketsPerSecond(): MetricDefinition {
    return metricOf(this.gatewayId, VNG_NAMESPACE, 'ExpressRouteGatewayPacketsPerSecond', 'Average', 'packets/s', ['roleInstance']);
  }

  /**
   * Sends the gateway's metrics to a workspace. (ExpressRoute gateways emit metrics only; the VPN
   * log categories of `azurerm_virtual_network_gateway` do not apply unless asked for.)
   */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting[] {
    return super.sendDiagnosticsTo(workspace, { logCategories: [], ...options });
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.gatewayId, resourceType: 'azurerm_virtual_network_gateway' }];
  }
}

/** An existing ExpressRoute gateway. */
class ImportedExpressRouteGateway extends ExpressRouteGatewayBase {
  public readonly gatewayId: string;
  public readonly resourceId: string;
  public readonly hub: IHubNetwork;

  constructor(scope: Construct, id: string, attrs: ExpressRouteGatewayAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('gatewayId', attrs?.gatewayId, 'string');
    problems.required('hub', attrs?.hub, 'construct');
    problems.throwIfAny();
    problems.resourceId(ER_GATEWAY_SKU_UNKNOWN, 'gatewayId', attrs.gatewayId, 'virtual network gateway');
    problems.throwIfAny();
    this.gatewayId = this.resourceId = attrs.gatewayId;
    this.hub = attrs.hub;
  }
}

/** Gateway SKUs FastPath works with (expressroute/about-fastpath.md; UltraPerformance is legacy, refused here). */
const FASTPATH_SKUS = ['ErGw3AZ', 'UltraPerformance'];

interface ConnectionEntry {
  readonly id: string;
  readonly circuit: IExpressRouteCircuit;
  readonly connection: VirtualNetworkGatewayConnection;
}

/**
 * A zone-redundant ExpressRoute gateway (ErGw1AZ) in the hub's `GatewaySubnet`, whose public IP
 * Azure assigns and manages (or a Standard static one of yours: `publicIp`). Circuits are linked with `addConnection`; a connection to a circuit of this
 * stack waits behind the circuit's gate until the provider has provisioned it.
 */
export class ExpressRouteGateway extends ExpressRouteGatewayBase {
  /** Refers to an existing ExpressRoute gateway (diagnostics, grants and metrics work on it). */
  public static fromExpressRouteGatewayAttributes(scope: Construct, id: string, attrs: ExpressRouteGatewayAttributes): IExpressRouteGateway {
    return new ImportedExpressRouteGateway(scope, id, attrs);
  }

  /** The gateway (escape hatch). */
  public readonly gateway: VirtualNetworkGateway;
  /** Its customer-managed public IP; undefined when Azure manages the IP (the default). */
  public readonly publicIp?: PublicIp;
  public readonly hub: IHubNetwork;
  /** SKU in use. */
  public readonly sku: ExpressRouteGatewaySku;
  public readonly gatewayId: string;
  public readonly resourceId: string;

  private readonly connections: ConnectionEntry[] = [];
  private readonly connectionDependencies: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, props: ExpressRouteGatewayProps) {
    super(scope, id);
    // Resolve.
    const ip = this.validate(props);
    this.hub = props.hub;
    this.sku = props.sku ?? ExpressRouteGatewaySku.of(EXPRESSROUTE_GATEWAY_SKU);

    // Build. Azure-managed: no public IP resource and no public_ip_address_id (azurerm 4.55 reads
    // an ip_configuration without one back as it is: no diff; research.md section 11).
    this.publicIp = ip.zones ? this.customerPublicIp(ip.zones) : undefined;
    this.gateway = new VirtualNetworkGateway(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteGateway'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      type: 'ExpressRoute',
      sku: this.sku.name,
      ipConfiguration: [{ name: 'default', publicIpAddressId: this.publicIp?.id, privateIpAddressAllocation: 'Dynamic', subnetId: this.hub.gatewaySubnetId }],
    });
    this.gatewayId = this.resourceId = this.gateway.id;
    this.hub.registerGateway(this.gateway);
    // The rules the policy pack checks on this body: one ExpressRoute gateway per virtual network,
    // and no public IP of its own (unless acknowledged for a gateway created with one).
    checkFinalBody(this, this.gateway, [NET_GATEWAY_PER_VNET, ER_GATEWAY_PUBLICIP_CUSTOMER]);
    // A whole list from an expression is one list token: not known to be one zone.
    reportAtSynth(this, VPN_SKU_ZONES, () => (ip.zones !== undefined && !Token.isUnresolved(ip.zones) && ip.zones.length === 1 && !Token.isUnresolved(ip.zones[0])
      ? { prop: ip.zonesProp, value: ip.zones, detail: `a public IP in zone ${ip.zones[0]} only makes a zonal gateway: a zone outage takes ExpressRoute down`, fix: "use ['1', '2', '3'] (default), or the Azure-managed public IP (always zone-redundant)" }
      : undefined));
    reportAtSynth(this, ER_RESILIENCY, () => this.resiliencyFinding());

    // Hand off.
    const publicIpHandoff = { azureManaged: this.publicIp === undefined, zones: ip.zones && !Token.isUnresolved(ip.zones) ? ip.zones.map((z) => displayValue(this, z)) : undefined };
    Runbook.of(this).addSection(new LazySection(`ExpressRoute gateway ${this.node.path}`, () => renderExpressRouteGatewayHandoff(displayValue(this, this.sku.name), this.hub.node.path, publicIpHandoff, this.connections.map((c) => ({
      id: c.id,
      target: `circuit ${c.circuit.node.path}`,
      gate: c.circuit.provisionedGate?.inStackOf(this).handoff(),
    })))));
    this.initCommon(props);
  }

  /**
   * Links a circuit to the gateway. For maximum resiliency, connect two circuits in two peering
   * locations (warning ER-RESILIENCY at synth when the stack's circuits all share one), each with
   * its `routingWeight`. For a circuit of this stack the connection sits behind the
   * circuit's `provisionedGate` (`count = var.<gate> ? 1 : 0`) and has a precondition on the
   * circuit's provisioning state; for an existing circuit it is created with the gateway.
   */
  public addConnection(id: string, options: ExpressRouteConnectionOptions): VirtualNetworkGatewayConnection {
    this.validateConnection(id, options);
    const circuit = options.circuit;
    const deps = sameStackDependencies(this, [...this.connectionDependencies, ...circuit.connectionDependencies]);
    const state = circuit.serviceProviderProvisioningState;
    // The circuit's gate as this stack declares it (its own variable when the circuit is in another stack).
    const gate = circuit.provisionedGate?.inStackOf(this);
    const connection = new VirtualNetworkGatewayConnection(this, `Connection${id}`, {
      name: options.name ?? generateName(this, 'connection', id),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      type: 'ExpressRoute',
      virtualNetworkGatewayId: this.gateway.id,
      expressRouteCircuitId: circuit.circuitId,
      authorizationKey: circuit.authorizationKey,
      routingWeight: options.routingWeight ?? 0,
      expressRouteGatewayBypass: options.fastPath,
      privateLinkFastPathEnabled: options.privateLinkFastPath,
      dependsOn: deps.length > 0 ? deps : undefined,
      lifecycle: state !== undefined
        ? {
          precondition: [{
            condition: Op.eq(state, 'Provisioned'),
            errorMessage: `The connectivity provider has not provisioned the circuit yet: close gate ${gate?.name ?? ''} (set it to false), or wait until serviceProviderProvisioningState is Provisioned.`,
          }],
        }
        : undefined,
    });
    gate?.guard(connection);
    // An existing circuit's authorization key on the final body, glued literals included.
    checkFinalBody(this, connection, [VPN_SHARED_KEY_LITERAL]);
    this.connections.push({ id, circuit, connection });
    return connection;
  }

  /** The connections created so far (behind their circuit's gate when it has one). */
  public get connectionResources(): VirtualNetworkGatewayConnection[] {
    return this.connections.map((c) => c.connection);
  }

  /** @internal HybridConnectivity orders every connection after both gateways of the GatewaySubnet. */
  public _connectAfter(...resources: ITerraformDependable[]): void {
    this.connectionDependencies.push(...resources);
  }

  /**
   * ER-RESILIENCY: two or more circuits, every one of this stack with a literal peering location,
   * all in the same place. A gateway with an existing circuit (location unknown) is not judged.
   */
  private resiliencyFinding(): Finding | undefined {
    const circuits = this.connections.map((c) => c.circuit).filter((c, i, all) => all.indexOf(c) === i);
    if (circuits.length < 2) return undefined;
    const locations = circuits.map((c) => c.peeringLocation);
    if (locations.some((l) => l === undefined || Token.isUnresolved(l))) return undefined;
    const places = new Set(locations.map((l) => l!.trim().toLowerCase()));
    if (places.size > 1) return undefined;
    return {
      prop: 'circuit',
      value: locations,
      detail: `circuits ${circuits.map((c) => c.node.path).join(', ')} are all in peering location ${locations[0]}: an outage of that site takes every connection of the gateway down`,
      fix: 'connect a circuit in a second peering location (maximum resiliency), or acknowledge ER-RESILIENCY with the reason',
    };
  }

  /** The customer-managed Standard static public IP (construct id `PublicIp`, as before). */
  private customerPublicIp(zones: string[]): PublicIp {
    return new PublicIp(this, 'PublicIp', {
      name: generateName(this, 'publicIp'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones,
    });
  }

  private validate(props: ExpressRouteGatewayProps): { zones?: string[]; zonesProp: string } {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.type('sku', props?.sku, 'object');
    problems.type('publicIp', props?.publicIp, 'object');
    problems.type('publicIpZones', props?.publicIpZones, 'array');
    problems.throwIfAny();
    problems.type('publicIp.zones', props.publicIp?.zones, 'array');
    checkSkuName(problems, props.sku, 'ExpressRouteGatewaySku', ['ErGw1AZ', 'ERGW1_AZ']);
    problems.throwIfAny();
    checkName(problems, 'expressRouteGateway', 'name', props.name);
    const sku = (props.sku ?? ExpressRouteGatewaySku.of(EXPRESSROUTE_GATEWAY_SKU)).name;
    if (LEGACY_EXPRESSROUTE_SKUS.includes(sku)) {
      problems.add(ER_GATEWAY_SKU_LEGACY, 'sku', sku, `${sku} is a legacy ExpressRoute gateway SKU, tied to a Basic public IP and not zone-redundant`, 'use ExpressRouteGatewaySku.ERGW1_AZ (default), ERGW2_AZ or ERGW3_AZ');
    } else {
      problems.oneOf(ER_GATEWAY_SKU_UNKNOWN, 'sku', sku, VALID_EXPRESSROUTE_SKUS);
    }
    const ip = resolvePublicIp(problems, props);
    // As for the VPN gateway: an AZ SKU runs zonal (one zone) or zone-redundant; a customer IP must say which.
    const zones = ip.zones;
    problems.check(zones !== undefined && typeof sku === 'string' && sku.endsWith('AZ') && !Token.isUnresolved(zones) && zones.length === 0, VPN_PUBLICIP_ZONES, ip.zonesProp, zones, 'an AZ SKU gateway needs a zonal or zone-redundant public IP, and this one has no zone', "use ['1', '2', '3'] (default, zone-redundant), one zone for a zonal gateway, or the Azure-managed public IP");
    const zoneProblem = zones !== undefined && !Token.isUnresolved(zones) ? zonesProblem(zones, (z) => Token.isUnresolved(z)) : undefined;
    problems.check(zoneProblem !== undefined, VPN_PUBLICIP_ZONES, ip.zonesProp, zones, zoneProblem ?? '', "use ['1', '2', '3'] (default, zone-redundant), one zone for a zonal gateway, or the Azure-managed public IP");
    problems.throwIfAny();
    return ip;
  }

  private validateConnection(id: string, options: ExpressRouteConnectionOptions): void {
    const problems = new ProblemCollector(this);
    problems.required('id', id, 'string');
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('circuit', options.circuit, 'construct');
    checkName(problems, 'connection', 'name', options.name);
    problems.check(options.privateLinkFastPath === true && options.fastPath !== true, ER_CONNECTION_FASTPATH, 'privateLinkFastPath', true, 'Private Link FastPath requires FastPath (express_route_gateway_bypass)', 'set `fastPath: true` as well');
    problems.integer(ER_CONNECTION_WEIGHT, 'routingWeight', options.routingWeight, 0, 32000);
    // A SKU from an expression is not judged (Azure refuses FastPath on a smaller gateway at apply).
    problems.check(options.fastPath === true && !Token.isUnresolved(this.sku.name) && !FASTPATH_SKUS.includes(this.sku.name), ER_CONNECTION_FASTPATH_SKU, 'fastPath', true, `FastPath needs an ErGw3AZ gateway, and this one is ${this.sku.name}`, 'use `sku: ExpressRouteGatewaySku.ERGW3_AZ` on the gateway, or leave `fastPath` off');
    problems.check(this.connections.some((c) => c.id === id), ER_CONNECTION_CIRCUIT, 'id', id, `a connection ${id} already exists on this gateway`, 'give each connection its own id');
    const twice = options.circuit && this.connections.find((c) => c.circuit === options.circuit || (!Token.isUnresolved(c.circuit.circuitId) && c.circuit.circuitId === options.circuit.circuitId));
    problems.check(twice !== undefined, ER_CONNECTION_CIRCUIT, 'circuit', options.circuit?.node?.path, `circuit ${options.circuit?.node?.path} is already connected to this gateway by connection ${twice?.id}`, 'connect each circuit once; for resiliency connect a second circuit at another peering location');
    problems.throwIfAny();
  }
}


/**
 * The zones of the customer-managed public IP (undefined: Azure manages the IP) and the prop
 * they came from. `publicIpZones` (deprecated) is accepted only beside a customer IP without
 * zones of its own (ER-GATEWAY-PUBLICIP-ZONES).
 */
function resolvePublicIp(problems: ProblemCollector, props: ExpressRouteGatewayProps): { zones?: string[]; zonesProp: string } {
  const choice = props.publicIp ?? ExpressRouteGatewayPublicIp.azureManaged();
  const legacy = props.publicIpZones;
  if (choice.isAzureManaged) {
    problems.check(legacy !== undefined, ER_GATEWAY_PUBLICIP_ZONES, 'publicIpZones', legacy,
      `zones are set for a public IP that Azure manages (${props.publicIp ? 'publicIp: ExpressRouteGatewayPublicIp.azureManaged()' : 'the default since this release'}): it has no zones to choose, the gateway is always zone-redundant`,
      'remove publicIpZones, or keep a public IP of your own (the Terraform of earlier releases) with `publicIp: ExpressRouteGatewayPublicIp.customerManaged({ zones })`');
    return { zonesProp: 'publicIpZones' };
  }
  problems.check(legacy !== undefined && choice.zones !== undefined, ER_GATEWAY_PUBLICIP_ZONES, 'publicIpZones', legacy,
    'zones are given twice: in publicIpZones and in ExpressRouteGatewayPublicIp.customerManaged({ zones })',
    'keep only `customerManaged({ zones })`');
  if (choice.zones !== undefined) return { zones: choice.zones, zonesProp: 'publicIp.zones' };
  return { zones: legacy ?? ZONES, zonesProp: legacy !== undefined ? 'publicIpZones' : 'publicIp.zones' };
}
