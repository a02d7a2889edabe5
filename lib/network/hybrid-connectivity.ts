import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RouteServer } from '@cdktf/provider-azurerm/lib/route-server';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AZURE_VPN_ASN, ROUTE_SERVER_SUBNET_PREFIX_LENGTH, ZONES } from './defaults';
import type { IExpressRouteCircuit } from './expressroute-circuit';
import { ExpressRouteGateway, ExpressRouteGatewayPublicIp } from './expressroute-gateway';
import { ExpressRouteGatewaySku } from './expressroute-gateway-sku';
import { renderHybridHandoff } from './handoff/hybrid-connectivity';
import type { IHubNetwork } from './hub-network-base';
import { ER_CONNECTION_CIRCUIT, ER_COEXIST_SUBNET, ER_COEXIST_VPN_ASN, ER_COEXIST_VPN_SKU, ER_COEXIST_VPN_TYPE, HYB_MODE_OPTIONS, HYB_ROUTESERVER } from './rules';
import { SiteToSiteConnection, SiteToSiteConnectionOptions } from './site-to-site-connection';
import { VpnGateway, VpnType } from './vpn-gateway';
import { VpnGatewaySku } from './vpn-gateway-sku';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { Finding, reportAtSynth } from '../core/report';
import { resolveExpression, synthesizedBody } from '../core/tokens';
import type { ILogAnalyticsWorkspace } from '../core/workspace';

/** How the hub reaches on-premises. */
export enum HybridConnectivityMode {
  /** Site-to-site VPN only. */
  VPN = 'vpn',
  /** ExpressRoute only. */
  EXPRESSROUTE = 'expressroute',
  /** ExpressRoute, with a site-to-site VPN in the same GatewaySubnet taking over when it fails. */
  EXPRESSROUTE_VPN_FAILOVER = 'expressroute-vpn-failover',
}

/** Props every connectivity choice takes. */
export interface HybridConnectivityCommonProps {
  /** The hub whose `GatewaySubnet` takes the gateways (new or imported). */
  readonly hub: IHubNetwork;
  /**
   * Workspace for gateway logs and metrics.
   * @default - none: DIAG-MISSING at synth unless the gateways' `sendDiagnosticsTo` is called
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** Props of `HybridConnectivity.vpn`. */
export interface VpnConnectivityProps extends HybridConnectivityCommonProps {
  /**
   * VPN gateway SKU; never Basic.
   * @default VpnGatewaySku.VPN_GW2_AZ
   */
  readonly vpnGatewaySku?: VpnGatewaySku;
  /**
   * ASN of the VPN gateway.
   * @default 65515
   */
  readonly vpnAsn?: number;
  /**
   * Active-active VPN gateway (a literal).
   * @default true
   */
  readonly vpnActiveActive?: boolean;
}

/** Props of `HybridConnectivity.expressRoute`. */
export interface ExpressRouteConnectivityProps extends HybridConnectivityCommonProps {
  /**
   * The circuit: one this stack owns (the connection waits behind its gate) or
   * `ExpressRouteCircuit.fromCircuitAttributes(...)`.
   */
  readonly circuit: IExpressRouteCircuit;
  /**
   * A second circuit, at another peering location, connected to the same gateway: Microsoft's
   * "maximum resiliency" (two circuits in two peering locations, both active). It should reach
   * the same on-premises network (`OnPremisesNetwork`); ER-RESILIENCY warns at synth when both
   * circuits share a peering location.
   * @default - one circuit
   */
  readonly secondaryCircuit?: IExpressRouteCircuit;
  /**
   * Routing weight of the connection to `circuit` (0-32000; the higher weight wins for prefixes
   * both circuits advertise).
   * @default 0
   */
  readonly circuitRoutingWeight?: number;
  /**
   * Routing weight of the connection to `secondaryCircuit`.
   * @default 0 (equal weights: traffic is spread over both circuits)
   */
  readonly secondaryCircuitRoutingWeight?: number;
  /**
   * ExpressRoute gateway SKU.
   * @default ExpressRouteGatewaySku.ERGW1_AZ
   */
  readonly expressRouteGatewaySku?: ExpressRouteGatewaySku;
  /**
   * Public IP of the ExpressRoute gateway: Azure-managed, or a customer-managed one for a gateway
   * created with one before Azure assigned them itself (see `ExpressRouteGatewayPublicIp`).
   * @default ExpressRouteGatewayPublicIp.azureManaged()
   */
  readonly expressRouteGatewayPublicIp?: ExpressRouteGatewayPublicIp;
}

/**
 * Props of `HybridConnectivity.expressRouteWithVpnFailover`. The VPN gateway is RouteBased on
 * ASN 65515, as coexistence with ExpressRoute requires, so neither is a prop.
 */
export interface ExpressRouteVpnFailoverProps extends ExpressRouteConnectivityProps {
  /**
   * VPN gateway SKU; never Basic.
   * @default VpnGatewaySku.VPN_GW2_AZ
   */
  readonly vpnGatewaySku?: VpnGatewaySku;
  /**
   * Active-active VPN gateway (a literal; Route Server needs true).
   * @default true
   */
  readonly vpnActiveActive?: boolean;
  /**
   * Private IPs on the VPN gateway, for sites whose tunnels run over the circuit's private
   * peering (`overExpressRoute` on `addSite`).
   * @default false
   */
  readonly vpnPrivateIpAddressEnabled?: boolean;
  /**
   * Add Azure Route Server (in a carved `RouteServerSubnet`, /27) with branch-to-branch on, for
   * transit between VPN sites and ExpressRoute sites. A literal.
   * @default false
   */
  readonly routeServer?: boolean;
}

/** What the factories hand the constructor. */
interface Spec extends HybridConnectivityCommonProps {
  readonly mode: HybridConnectivityMode;
  readonly circuit?: IExpressRouteCircuit;
  readonly secondaryCircuit?: IExpressRouteCircuit;
  readonly circuitRoutingWeight?: number;
  readonly secondaryCircuitRoutingWeight?: number;
  readonly expressRouteGatewaySku?: ExpressRouteGatewaySku;
  readonly expressRouteGatewayPublicIp?: ExpressRouteGatewayPublicIp;
  readonly vpnGatewaySku?: VpnGatewaySku;
  readonly vpnAsn?: number;
  readonly vpnActiveActive?: boolean;
  readonly vpnPrivateIpAddressEnabled?: boolean;
  readonly routeServer?: boolean;
}

/** The circuit props the ExpressRoute factories pass on (and only those). */
function circuitsOf(props: ExpressRouteConnectivityProps | undefined): Pick<Spec, 'circuit' | 'secondaryCircuit' | 'circuitRoutingWeight' | 'secondaryCircuitRoutingWeight'> {
  return {
    circuit: props?.circuit,
    secondaryCircuit: props?.secondaryCircuit,
    circuitRoutingWeight: props?.circuitRoutingWeight,
    secondaryCircuitRoutingWeight: props?.secondaryCircuitRoutingWeight,
  };
}

/**
 * The hub's way to on-premises, as one choice made by a factory: `HybridConnectivity.vpn`,
 * `.expressRoute` or `.expressRouteWithVpnFailover`. For failover it builds both gateways in the
 * same GatewaySubnet and enforces Azure's coexistence rules: VPN gateway RouteBased, not Basic, on
 * ASN 65515; the VPN gateway after the ExpressRoute gateway; no VPN prefix more specific than the
 * ExpressRoute-advertised ones; the connection only once the circuit is provisioned (its gate).
 */
export class HybridConnectivity extends Construct {
  /** Site-to-site VPN only: a VPN gateway; sites with `addSite`. */
  public static vpn(scope: Construct, id: string, props: VpnConnectivityProps): HybridConnectivity {
    return new HybridConnectivity(scope, id, {
      mode: HybridConnectivityMode.VPN, hub: props?.hub, logAnalyticsWorkspace: props?.logAnalyticsWorkspace,
      vpnGatewaySku: props?.vpnGatewaySku, vpnAsn: props?.vpnAsn, vpnActiveActive: props?.vpnActiveActive,
    });
  }

  /** ExpressRoute only: an ExpressRoute gateway connected to the circuit. */
  public static expressRoute(scope: Construct, id: string, props: ExpressRouteConnectivityProps): HybridConnectivity {
    return new HybridConnectivity(scope, id, {
      mode: HybridConnectivityMode.EXPRESSROUTE, hub: props?.hub, logAnalyticsWorkspace: props?.logAnalyticsWorkspace,
      ...circuitsOf(props), expressRouteGatewaySku: props?.expressRouteGatewaySku, expressRouteGatewayPublicIp: props?.expressRouteGatewayPublicIp,
    });
  }

  /** ExpressRoute with a site-to-site VPN failover in the same GatewaySubnet. */
  public static expressRouteWithVpnFailover(scope: Construct, id: string, props: ExpressRouteVpnFailoverProps): HybridConnectivity {
    // Only the failover props: the VPN gateway stays RouteBased on ASN 65515 whatever else a JavaScript caller passes.
    return new HybridConnectivity(scope, id, {
      mode: HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER, hub: props?.hub, logAnalyticsWorkspace: props?.logAnalyticsWorkspace,
      ...circuitsOf(props), expressRouteGatewaySku: props?.expressRouteGatewaySku, expressRouteGatewayPublicIp: props?.expressRouteGatewayPublicIp,
      vpnGatewaySku: props?.vpnGatewaySku, vpnActiveActive: props?.vpnActiveActive, vpnPrivateIpAddressEnabled: props?.vpnPrivateIpAddressEnabled, routeServer: props?.routeServer,
    });
  }

  /** The mode. */
  public readonly mode: HybridConnectivityMode;
  /** The VPN gateway (vpn and failover). */
  public readonly vpnGateway?: VpnGateway;
  /** The ExpressRoute gateway (ExpressRoute and failover). */
  public readonly expressRouteGateway?: ExpressRouteGateway;
  /** The ExpressRoute connection (behind the circuit's gate for a circuit of this stack). */
  public readonly expressRouteConnection?: VirtualNetworkGatewayConnection;
  /** The circuit (ExpressRoute and failover). */
  public readonly circuit?: IExpressRouteCircuit;
  /** The second circuit, when given. */
  public readonly secondaryCircuit?: IExpressRouteCircuit;
  /** The connection to the second circuit (behind its gate for a circuit of this stack). */
  public readonly secondaryExpressRouteConnection?: VirtualNetworkGatewayConnection;
  /** Azure Route Server, when asked for. */
  public readonly routeServer?: RouteServer;
  /** The hub. */
  public readonly hub: IHubNetwork;

  private constructor(scope: Construct, id: string, spec: Spec) {
    super(scope, id);
    // Resolve.
    this.validate(spec);
    this.hub = spec.hub;
    this.mode = spec.mode;
    this.circuit = spec.circuit;
    this.secondaryCircuit = spec.secondaryCircuit;

    // Build.
    const workspace = spec.logAnalyticsWorkspace;
    if (spec.mode !== HybridConnectivityMode.VPN) {
      this.expressRouteGateway = new ExpressRouteGateway(this, 'ExpressRouteGateway', { hub: spec.hub, sku: spec.expressRouteGatewaySku, publicIp: spec.expressRouteGatewayPublicIp, logAnalyticsWorkspace: workspace });
    }
    if (spec.mode !== HybridConnectivityMode.EXPRESSROUTE) {
      this.vpnGateway = new VpnGateway(this, 'VpnGateway', { hub: spec.hub, sku: spec.vpnGatewaySku, asn: spec.vpnAsn, activeActive: spec.vpnActiveActive, privateIpAddressEnabled: spec.vpnPrivateIpAddressEnabled, logAnalyticsWorkspace: workspace });
      // Azure updates GatewaySubnet one gateway at a time: the VPN gateway goes second.
      if (this.expressRouteGateway) this.vpnGateway._placeAfter(this.expressRouteGateway.gateway);
    }
    if (this.expressRouteGateway && spec.circuit) {
      this.expressRouteGateway._connectAfter(this.expressRouteGateway.gateway, ...(this.vpnGateway ? [this.vpnGateway.gateway] : []));
      this.expressRouteConnection = this.expressRouteGateway.addConnection('Circuit', { circuit: spec.circuit, routingWeight: spec.circuitRoutingWeight });
      if (spec.secondaryCircuit) {
        this.secondaryExpressRouteConnection = this.expressRouteGateway.addConnection('SecondaryCircuit', { circuit: spec.secondaryCircuit, routingWeight: spec.secondaryCircuitRoutingWeight });
      }
    }
    if (spec.routeServer) this.routeServer = this.createRouteServer();
    if (this.vpnGateway && this.expressRouteGateway) this.reportCoexistence(this.vpnGateway, this.expressRouteGateway);

    // Hand off.
    Runbook.of(this).addSection(new LazySection(`Hybrid connectivity ${this.node.path} (${this.mode})`, () => this.renderHandoff()));
  }

  /**
   * Adds an on-premises VPN site (vpn and failover). In failover the site backs up the circuit:
   * its static prefixes may equal the ExpressRoute-advertised ones but not be more specific. A site
   * with `overExpressRoute` instead runs its tunnel over the circuit's private peering (its
   * prefixes more specific than the circuit's, or disjoint).
   */
  public addSite(id: string, options: SiteToSiteConnectionOptions): SiteToSiteConnection {
    const problems = new ProblemCollector(this);
    problems.check(this.vpnGateway === undefined, HYB_MODE_OPTIONS, 'addSite', id, 'ExpressRoute-only connectivity has no VPN gateway, so it takes no VPN sites', 'use HybridConnectivity.expressRouteWithVpnFailover for a VPN backup');
    problems.throwIfAny();
    // A site over ExpressRoute private peering encrypts the circuit; it does not back it up.
    const backupFor = options.overExpressRoute ? options.backupFor : options.backupFor ?? this.circuit;
    return this.vpnGateway!.addSite(id, { ...options, backupFor });
  }

  private validate(spec: Spec): void {
    const problems = new ProblemCollector(this);
    problems.required('hub', spec.hub, 'construct');
    if (spec.mode !== HybridConnectivityMode.VPN) problems.required('circuit', spec.circuit, 'construct');
    problems.type('secondaryCircuit', spec.secondaryCircuit, 'construct');
    problems.check(spec.secondaryCircuit !== undefined && spec.secondaryCircuit === spec.circuit, ER_CONNECTION_CIRCUIT, 'secondaryCircuit', spec.secondaryCircuit?.node?.path, 'the second circuit is the first one: a gateway connects to a circuit once', 'give a circuit at another peering location');
    problems.literal('routeServer', spec.routeServer, 'it decides whether Route Server and its subnet exist');
    problems.literal('vpnActiveActive', spec.vpnActiveActive, 'it decides how many public IPs the VPN gateway has');
    problems.check(spec.routeServer === true && spec.vpnActiveActive === false, HYB_ROUTESERVER, 'vpnActiveActive', false, 'Route Server interoperates only with an active-active VPN gateway', 'leave `vpnActiveActive` out (true)');
    problems.throwIfAny();
  }

  private createRouteServer(): RouteServer {
    const subnet = this.hub.addSubnet('RouteServerSubnet', { prefixLength: ROUTE_SERVER_SUBNET_PREFIX_LENGTH });
    const publicIp = new PublicIp(this, 'RouteServerPublicIp', {
      name: generateName(this, 'publicIp', 'routeserver'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: ZONES,
    });
    return new RouteServer(this, 'RouteServer', {
      name: generateName(this, 'routeServer'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      sku: 'Standard',
      publicIpAddressId: publicIp.id,
      subnetId: subnet.id,
      branchToBranchTrafficEnabled: true,
      hubRoutingPreference: 'ExpressRoute',
      dependsOn: [this.expressRouteGateway!.gateway, this.vpnGateway!.gateway],
    });
  }

  /**
   * The coexistence rules, checked once, on the final gateways (after escape-hatch edits): the
   * factories leave no prop that could break them. Source: MicrosoftDocs/azure-docs
   * expressroute/expressroute-howto-coexist-resource-manager.md.
   */
  private reportCoexistence(vpn: VpnGateway, er: ExpressRouteGateway): void {
    const vpnBody = () => synthesizedBody(vpn.gateway);
    const subnets = (b: Record<string, any>): unknown[] => (Array.isArray(b.ip_configuration) ? b.ip_configuration : [b.ip_configuration]).map((c: any) => resolveExpression(this, c?.subnet_id));
    const finding = (prop: string, value: unknown, detail: string, fix: string): Finding => ({ prop, value, detail: `${vpn.gateway.node.path}: ${detail}`, fix });
    reportAtSynth(this, ER_COEXIST_SUBNET, () => {
      const erSubnet = subnets(synthesizedBody(er.gateway))[0];
      return subnets(vpnBody()).some((s) => s !== erSubnet) ? finding('ipConfiguration.subnetId', undefined, "the VPN gateway's subnet differs from the ExpressRoute gateway's: coexisting gateways must share one GatewaySubnet", "put both gateways in the hub's GatewaySubnet") : undefined;
    });
    reportAtSynth(this, ER_COEXIST_VPN_TYPE, () => {
      const t = vpnBody().vpn_type;
      return t !== undefined && t !== VpnType.ROUTE_BASED ? finding('vpnType', t, 'a VPN gateway coexisting with ExpressRoute must be RouteBased', 'use RouteBased') : undefined;
    });
    reportAtSynth(this, ER_COEXIST_VPN_SKU, () => (vpnBody().sku === 'Basic' ? finding('sku', 'Basic', 'a Basic VPN gateway cannot coexist with ExpressRoute', 'use VpnGw2AZ') : undefined));
    reportAtSynth(this, ER_COEXIST_VPN_ASN, () => {
      const asn = vpnBody().bgp_settings?.asn;
      return asn !== undefined && !Token.isUnresolved(asn) && asn !== AZURE_VPN_ASN ? finding('asn', asn, `a VPN gateway coexisting with ExpressRoute must keep ASN ${AZURE_VPN_ASN}`, `set the ASN back to ${AZURE_VPN_ASN}`) : undefined;
    });
  }

  private renderHandoff(): string {
    const circuit = this.circuit;
    return renderHybridHandoff({
      mode: this.mode,
      failover: this.mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER,
      serviceKeyCommand: circuit?.serviceKeyOutputName ? `terraform output -raw ${circuit.serviceKeyOutputName}` : undefined,
      gate: circuit?.provisionedGate?.inStackOf(this).handoff(),
      expressRoutePrefixes: circuit?.onPremisesPrefixes ?? [],
      routeServer: this.routeServer !== undefined,
      secondary: this.secondaryCircuit && {
        circuit: this.secondaryCircuit.node.path,
        gate: this.secondaryCircuit.provisionedGate?.inStackOf(this).handoff(),
      },
    });
  }
}
