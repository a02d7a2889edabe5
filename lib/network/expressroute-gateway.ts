import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { Annotations, ITerraformDependable, Op, Token } from 'cdktf';
import { Construct } from 'constructs';
import { EXPRESSROUTE_GATEWAY_SKU, ZONES } from './defaults';
import type { ExpressRouteCircuit } from './expressroute-circuit';
import { checkCidrs, IHubNetwork } from './hub-network';
import { AddressPlan, onPremisesNetworkOf } from '../core/address-plan';
import { DiagnosticSetting } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { ER_AUTHORIZATION_KEY, ER_CONNECTION_CIRCUIT, ER_CONNECTION_FASTPATH, ER_CONNECTION_WEIGHT, ER_GATEWAY_SKU_LEGACY, ER_GATEWAY_SKU_UNKNOWN, VPN_PUBLICIP_ZONES } from './rules';

/**
 * An ExpressRoute gateway SKU. Use the static members; `ExpressRouteGatewaySku.of(name)` takes any
 * name and lets validation say whether it is usable.
 */
export class ExpressRouteGatewaySku {
  /** The library's default: zone-redundant, about 1 Gbps. */
  public static readonly ERGW1_AZ = new ExpressRouteGatewaySku('ErGw1AZ');
  /** Zone-redundant, about 2 Gbps. */
  public static readonly ERGW2_AZ = new ExpressRouteGatewaySku('ErGw2AZ');
  /** Zone-redundant, about 10 Gbps; supports FastPath. */
  public static readonly ERGW3_AZ = new ExpressRouteGatewaySku('ErGw3AZ');

  /** Any SKU by its Azure name; validated when the gateway is built. */
  public static of(name: string): ExpressRouteGatewaySku {
    return new ExpressRouteGatewaySku(name);
  }

  private constructor(
    /** The SKU's Azure name, e.g. `ErGw1AZ`. */
    public readonly name: string,
  ) {}
}

/** Legacy ExpressRoute gateway SKUs, tied to Basic public IPs. */
export const LEGACY_EXPRESSROUTE_SKUS = ['Standard', 'HighPerformance', 'UltraPerformance'];
/** ExpressRoute gateway SKUs the library accepts. */
export const VALID_EXPRESSROUTE_SKUS = ['ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ'];

/** Props of `ExpressRouteGateway`. */
export interface ExpressRouteGatewayProps {
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
   * Availability zones of the gateway's public IP.
   *
   * Zone-redundant by default; one zone makes a zonal gateway (a warning); an empty list is
   * refused (VPN-PUBLICIP-ZONES).
   * @default ['1', '2', '3']
   */
  readonly publicIpZones?: string[];
  /**
   * Workspace for the gateway's metrics.
   * @default - none: a warning is raised
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** Options of `ExpressRouteGateway.addConnection`. */
export interface ExpressRouteConnectionOptions {
  /**
   * Whether the connectivity provider has provisioned the circuit
   * (`service_provider_provisioning_state = Provisioned`). The connection is created only when
   * true: before that Azure refuses it. Deploy once with false, hand the service key to the
   * provider, then deploy again with true.
   */
  readonly circuitProvisioned: boolean;
  /**
   * A circuit this stack owns. Exactly one of this and `existingCircuitId`.
   * @default - none
   */
  readonly circuit?: ExpressRouteCircuit;
  /**
   * Resource id of an existing circuit (e.g. in another subscription). Needs `authorizationKey`
   * when the circuit is in another subscription.
   * @default - none
   */
  readonly existingCircuitId?: string;
  /**
   * Authorization key of the existing circuit: a token (a sensitive variable or Key Vault secret),
   * never a literal.
   * @default - none (same subscription)
   */
  readonly authorizationKey?: string;
  /**
   * On-premises prefixes advertised over the existing circuit, checked against the address plan.
   * (A circuit this stack owns declares its own in `onPremisesPrefixes`.)
   * @default - none
   */
  readonly existingCircuitOnPremisesPrefixes?: string[];
  /**
   * Connection name.
   * @default - generated: `con-<construct path>`
   */
  readonly name?: string;
  /**
   * Routing weight, 0-32000: among several circuits, the higher weight is preferred.
   * @default 0
   */
  readonly routingWeight?: number;
  /**
   * FastPath: traffic from the virtual network bypasses the gateway (ErGw3AZ).
   * @default false
   */
  readonly fastPath?: boolean;
  /**
   * Private Link FastPath (needs `fastPath`).
   * @default false
   */
  readonly privateLinkFastPath?: boolean;
}

/**
 * A zone-redundant ExpressRoute gateway (ErGw1AZ) in the hub's `GatewaySubnet`, with a Standard
 * static public IP. Circuits are linked with `addConnection` once the provider has provisioned them.
 */
export class ExpressRouteGateway extends Construct {
  /** The gateway (escape hatch). */
  public readonly gateway: VirtualNetworkGateway;
  /** Its public IP. */
  public readonly publicIp: PublicIp;
  /** The hub it is in. */
  public readonly hub: IHubNetwork;
  /** SKU in use. */
  public readonly sku: ExpressRouteGatewaySku;
  /** Resource id of the gateway. */
  public readonly gatewayId: string;
  /** Diagnostic settings sent so far. */
  public readonly diagnosticSettings: DiagnosticSetting[] = [];

  private readonly connections: { id: string; options: ExpressRouteConnectionOptions; connection?: VirtualNetworkGatewayConnection }[] = [];

  constructor(scope: Construct, id: string, props: ExpressRouteGatewayProps) {
    super(scope, id);
    this.hub = props.hub;
    this.sku = props.sku ?? ExpressRouteGatewaySku.of(EXPRESSROUTE_GATEWAY_SKU);
    const problems = new ProblemCollector(this);
    checkName(problems, 'expressRouteGateway', 'name', props.name);
    const sku = this.sku.name;
    if (LEGACY_EXPRESSROUTE_SKUS.includes(sku)) {
      problems.add(ER_GATEWAY_SKU_LEGACY, 'sku', sku, `${sku} is a legacy ExpressRoute gateway SKU, tied to a Basic public IP and not zone-redundant`, 'use ExpressRouteGatewaySku.ERGW1_AZ (default), ERGW2_AZ or ERGW3_AZ');
    } else {
      problems.check(!VALID_EXPRESSROUTE_SKUS.includes(sku), ER_GATEWAY_SKU_UNKNOWN, 'sku', sku, `${sku} is not an ExpressRoute gateway SKU`, `use one of ${VALID_EXPRESSROUTE_SKUS.join(', ')}`);
    }
    const zones = props.publicIpZones ?? ZONES;
    if (sku.endsWith('AZ') && !zones.some((z) => Token.isUnresolved(z))) {
      // As for the VPN gateway: an AZ SKU runs zonal (one zone) or zone-redundant; its public IP must say which.
      problems.check(
        zones.length === 0,
        VPN_PUBLICIP_ZONES,
        'publicIpZones',
        zones,
        'an AZ SKU gateway needs a zonal or zone-redundant public IP, and this one has no zone',
        "use ['1', '2', '3'] (default, zone-redundant) or one zone for a zonal gateway",
      );
      if (zones.length === 1) {
        Annotations.of(this).addWarning(`[VPN-SKU-ZONES] A public IP in zone ${zones[0]} only makes a zonal gateway: a zone outage takes ExpressRoute down. Prefer ['1', '2', '3'].`);
      }
    }
    problems.throwIfAny();

    this.publicIp = new PublicIp(this, 'PublicIp', {
      name: generateName(this, 'publicIp'),
      resourceGroupName: props.hub.resourceGroupName,
      location: props.hub.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones,
    });
    this.gateway = new VirtualNetworkGateway(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteGateway'),
      resourceGroupName: props.hub.resourceGroupName,
      location: props.hub.location,
      type: 'ExpressRoute',
      sku,
      ipConfiguration: [{
        name: 'default',
        publicIpAddressId: this.publicIp.id,
        privateIpAddressAllocation: 'Dynamic',
        subnetId: props.hub.gatewaySubnetId,
      }],
    });
    this.gatewayId = this.gateway.id;

    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning('[DIAG-GATEWAY-MISSING] No Log Analytics workspace: the ExpressRoute gateway\'s metrics go nowhere. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.');
    }
    Runbook.of(this).addSection(new LazySection(`ExpressRoute gateway ${this.node.path}`, () => this.renderHandoff()));
  }

  /**
   * Sends the gateway's metrics to a workspace. (ExpressRoute gateways emit metrics only; the VPN
   * log categories of `azurerm_virtual_network_gateway` do not apply.)
   */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace): DiagnosticSetting {
    const setting = DiagnosticSetting.send(this, {
      targetResourceId: this.gateway.id,
      resourceType: 'azurerm_virtual_network_gateway',
      workspace,
      logCategories: [],
      metrics: true,
    });
    this.diagnosticSettings.push(setting);
    return setting;
  }

  /**
   * Links a circuit to the gateway. Returns the connection, or undefined while
   * `circuitProvisioned` is false (phase 1: the runbook says what to do next).
   */
  public addConnection(id: string, options: ExpressRouteConnectionOptions): VirtualNetworkGatewayConnection | undefined {
    return this._connect(id, options, []);
  }

  /** The connections created so far (phase 2 only). */
  public get connectionResources(): VirtualNetworkGatewayConnection[] {
    return this.connections.filter((c) => c.connection !== undefined).map((c) => c.connection!);
  }

  /** @internal also used by HybridConnectivity, which orders the connection after both gateways. */
  public _connect(id: string, options: ExpressRouteConnectionOptions, dependsOn: ITerraformDependable[]): VirtualNetworkGatewayConnection | undefined {
    const problems = new ProblemCollector(this);
    checkName(problems, 'connection', 'name', options.name);
    const given = [options.circuit, options.existingCircuitId].filter((c) => c !== undefined).length;
    problems.check(
      given !== 1,
      ER_CONNECTION_CIRCUIT,
      given === 0 ? 'circuit' : 'existingCircuitId',
      options.existingCircuitId,
      given === 0 ? 'the connection names no circuit' : 'the connection names both a circuit of this stack and an existing circuit id',
      'give exactly one of `circuit` and `existingCircuitId`',
    );
    const key = options.authorizationKey;
    problems.check(
      key !== undefined && !Token.isUnresolved(key),
      ER_AUTHORIZATION_KEY,
      'authorizationKey',
      key === undefined ? undefined : `(literal, ${key.length} characters)`,
      'the authorization key is a literal in the Terraform configuration',
      'pass a sensitive TerraformVariable\'s value or a Key Vault secret (DataAzurermKeyVaultSecret.value)',
    );
    problems.check(
      options.circuit !== undefined && key !== undefined,
      ER_AUTHORIZATION_KEY,
      'authorizationKey',
      '(token)',
      'a circuit this stack owns is in the same subscription and needs no authorization key',
      'leave `authorizationKey` out, or use `existingCircuitId` for a circuit of another subscription',
    );
    problems.check(
      options.privateLinkFastPath === true && options.fastPath !== true,
      ER_CONNECTION_FASTPATH,
      'privateLinkFastPath',
      true,
      'Private Link FastPath requires FastPath (express_route_gateway_bypass)',
      'set `fastPath: true` as well',
    );
    const weight = options.routingWeight;
    problems.check(
      weight !== undefined && !Token.isUnresolved(weight) && (!Number.isInteger(weight) || weight < 0 || weight > 32000),
      ER_CONNECTION_WEIGHT,
      'routingWeight',
      weight,
      `routing weight ${weight} is outside 0-32000`,
      'use 0-32000',
    );
    const prefixes = options.existingCircuitOnPremisesPrefixes ?? [];
    problems.check(
      options.circuit !== undefined && prefixes.length > 0,
      ER_CONNECTION_CIRCUIT,
      'existingCircuitOnPremisesPrefixes',
      prefixes,
      "the circuit is owned by this stack and declares its prefixes itself",
      'give them as the circuit\'s `onPremisesPrefixes`',
    );
    checkCidrs(problems, 'existingCircuitOnPremisesPrefixes', prefixes);
    problems.check(this.connections.some((c) => c.id === id), ER_CONNECTION_CIRCUIT, 'id', id, `a connection ${id} already exists on this gateway`, 'give each connection its own id');
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'existingCircuitOnPremisesPrefixes', prefixes, `on-premises prefixes advertised over ExpressRoute circuit ${options.existingCircuitId}`, onPremisesNetworkOf(String(options.existingCircuitId)));
    problems.throwIfAny();

    const entry: { id: string; options: ExpressRouteConnectionOptions; connection?: VirtualNetworkGatewayConnection } = { id, options };
    this.connections.push(entry);
    if (!options.circuitProvisioned) return undefined;

    const circuit = options.circuit;
    const deps: ITerraformDependable[] = [...dependsOn];
    if (circuit?.privatePeering) deps.push(circuit.privatePeering);
    entry.connection = new VirtualNetworkGatewayConnection(this, `Connection${id}`, {
      name: options.name ?? generateName(this, 'connection', id),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      type: 'ExpressRoute',
      virtualNetworkGatewayId: this.gateway.id,
      expressRouteCircuitId: circuit ? circuit.circuitId : options.existingCircuitId,
      authorizationKey: key,
      routingWeight: weight ?? 0,
      expressRouteGatewayBypass: options.fastPath,
      privateLinkFastPathEnabled: options.privateLinkFastPath,
      dependsOn: deps.length > 0 ? deps : undefined,
      lifecycle: circuit
        ? {
          precondition: [{
            condition: Op.eq(circuit.circuit.serviceProviderProvisioningState, 'Provisioned'),
            errorMessage: 'The connectivity provider has not provisioned the circuit yet: set circuitProvisioned to false, or wait until serviceProviderProvisioningState is Provisioned.',
          }],
        }
        : undefined,
    });
    return entry.connection;
  }

  private renderHandoff(): string {
    const lines = [
      `- SKU **${this.sku.name}** in the hub's GatewaySubnet (${this.hub.node.path}).`,
      '- Two-phase deployment: phase 1 creates the circuit and this gateway; the provider provisions the circuit from its service key; phase 2 sets `circuitProvisioned: true` and deploys again, which creates the connection.',
    ];
    for (const c of this.connections) {
      const target = c.options.circuit ? `circuit ${c.options.circuit.node.path}` : `existing circuit \`${c.options.existingCircuitId}\``;
      lines.push(c.connection
        ? `- Connection **${c.id}** to ${target}: created (phase 2).`
        : `- Connection **${c.id}** to ${target}: **not created yet** (phase 1). When \`az network express-route show --ids <circuit id> --query serviceProviderProvisioningState\` returns \`Provisioned\`, set \`circuitProvisioned: true\` and run \`cdktf deploy\` again.`);
    }
    if (this.connections.length === 0) lines.push('- No circuit linked yet.');
    return lines.join('\n');
  }
}
