import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RouteServer } from '@cdktf/provider-azurerm/lib/route-server';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { dependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AZURE_VPN_ASN, ROUTE_SERVER_SUBNET_PREFIX_LENGTH, ZONES } from './defaults';
import type { ExpressRouteCircuit } from './expressroute-circuit';
import { ExpressRouteGateway, ExpressRouteGatewaySku } from './expressroute-gateway';
import { HubNetwork, IHubNetwork } from './hub-network';
import { SiteToSiteConnection, SiteToSiteConnectionOptions } from './site-to-site-connection';
import { VpnGateway, VpnType } from './vpn-gateway';
import { VpnGatewaySku } from './vpn-gateway-sku';
import { AddressPlan, onPremisesNetworkOf } from '../core/address-plan';
import { cidrContains, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression, synthesizedBody } from '../core/tokens';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { ER_COEXIST_MORE_SPECIFIC, ER_COEXIST_VPN_ASN, ER_COEXIST_VPN_SKU, ER_COEXIST_VPN_TYPE, HYB_MODE_OPTIONS, HYB_ROUTESERVER } from './rules';

/** How the hub reaches on-premises. */
export enum HybridConnectivityMode {
  /** Site-to-site VPN only. */
  VPN = 'vpn',
  /** ExpressRoute only. */
  EXPRESSROUTE = 'expressroute',
  /** ExpressRoute, with a site-to-site VPN in the same GatewaySubnet taking over when it fails. */
  EXPRESSROUTE_VPN_FAILOVER = 'expressroute-vpn-failover',
}

/** Props of `HybridConnectivity`. */
export interface HybridConnectivityProps {
  /** The hub whose `GatewaySubnet` takes the gateways. */
  readonly hub: IHubNetwork;
  /** Which gateways to build. */
  readonly mode: HybridConnectivityMode;
  /**
   * A circuit this stack owns (ExpressRoute modes). Exactly one of this and `existingCircuitId`.
   * @default - none
   */
  readonly circuit?: ExpressRouteCircuit;
  /**
   * Resource id of an existing circuit (ExpressRoute modes).
   * @default - none
   */
  readonly existingCircuitId?: string;
  /**
   * Authorization key of an existing circuit in another subscription (a token, never a literal).
   * @default - none
   */
  readonly authorizationKey?: string;
  /**
   * On-premises prefixes advertised over the existing circuit.
   * @default - none
   */
  readonly existingCircuitOnPremisesPrefixes?: string[];
  /**
   * The provider has provisioned the circuit: creates the ExpressRoute connection (phase 2).
   * @default false
   */
  readonly circuitProvisioned?: boolean;
  /**
   * ExpressRoute gateway SKU.
   * @default ExpressRouteGatewaySku.ERGW1_AZ
   */
  readonly expressRouteGatewaySku?: ExpressRouteGatewaySku;
  /**
   * VPN gateway SKU (vpn and failover modes); never Basic.
   * @default VpnGatewaySku.VPN_GW2_AZ
   */
  readonly vpnGatewaySku?: VpnGatewaySku;
  /**
   * VPN type; RouteBased is required with ExpressRoute.
   * @default VpnType.ROUTE_BASED
   */
  readonly vpnType?: VpnType;
  /**
   * ASN of the VPN gateway; 65515 is required with ExpressRoute.
   * @default 65515
   */
  readonly vpnAsn?: number;
  /**
   * Active-active VPN gateway.
   * @default true
   */
  readonly vpnActiveActive?: boolean;
  /**
   * Add Azure Route Server (in a carved `RouteServerSubnet`, /27) with branch-to-branch on, for
   * transit between VPN sites and ExpressRoute sites. Failover mode only.
   * @default false
   */
  readonly routeServer?: boolean;
  /**
   * Workspace for gateway logs and metrics.
   * @default - none: the gateways raise warnings
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/**
 * The hub's way to on-premises, as one choice: `vpn`, `expressroute` or
 * `expressroute-vpn-failover`. For failover it builds both gateways in the same GatewaySubnet
 * and enforces Azure's coexistence rules: VPN gateway RouteBased, not Basic, on ASN 65515; the
 * VPN gateway after the ExpressRoute gateway; no VPN prefix more specific than the
 * ExpressRoute-advertised ones; the connection only once the circuit is provisioned.
 */
export class HybridConnectivity extends Construct {
  /** The mode. */
  public readonly mode: HybridConnectivityMode;
  /** The VPN gateway (vpn and failover modes). */
  public readonly vpnGateway?: VpnGateway;
  /** The ExpressRoute gateway (ExpressRoute modes). */
  public readonly expressRouteGateway?: ExpressRouteGateway;
  /** The ExpressRoute connection, once `circuitProvisioned` is true. */
  public readonly expressRouteConnection?: VirtualNetworkGatewayConnection;
  /** Azure Route Server, when asked for. */
  public readonly routeServer?: RouteServer;
  /** The hub. */
  public readonly hub: IHubNetwork;

  private readonly props: HybridConnectivityProps;
  private readonly erPrefixes: string[];
  /** Path of the circuit this stack owns, or the id of an existing one. */
  private readonly circuitRef?: string;

  constructor(scope: Construct, id: string, props: HybridConnectivityProps) {
    super(scope, id);
    this.props = props;
    this.hub = props.hub;
    this.mode = props.mode;
    this.erPrefixes = [...(props.circuit?.onPremisesPrefixes ?? props.existingCircuitOnPremisesPrefixes ?? [])];
    this.circuitRef = props.circuit?.node.path ?? props.existingCircuitId;
    this.validate(props);

    const withEr = this.mode !== HybridConnectivityMode.VPN;
    const withVpn = this.mode !== HybridConnectivityMode.EXPRESSROUTE;
    if (withEr) {
      this.expressRouteGateway = new ExpressRouteGateway(this, 'ExpressRouteGateway', {
        hub: props.hub,
        sku: props.expressRouteGatewaySku,
        logAnalyticsWorkspace: props.logAnalyticsWorkspace,
      });
    }
    if (withVpn) {
      this.vpnGateway = new VpnGateway(this, 'VpnGateway', {
        hub: props.hub,
        sku: props.vpnGatewaySku,
        vpnType: props.vpnType,
        asn: props.vpnAsn,
        activeActive: props.vpnActiveActive,
        logAnalyticsWorkspace: props.logAnalyticsWorkspace,
      });
      // Azure updates GatewaySubnet one gateway at a time: the VPN gateway goes second.
      if (this.expressRouteGateway) this.vpnGateway.gateway.dependsOn = [dependable(this.expressRouteGateway.gateway)];
    }
    if (this.expressRouteGateway) {
      const gateways = [this.expressRouteGateway.gateway, ...(this.vpnGateway ? [this.vpnGateway.gateway] : [])];
      this.expressRouteConnection = this.expressRouteGateway._connect('Circuit', {
        circuitProvisioned: props.circuitProvisioned ?? false,
        circuit: props.circuit,
        existingCircuitId: props.existingCircuitId,
        authorizationKey: props.authorizationKey,
        existingCircuitOnPremisesPrefixes: props.circuit ? undefined : props.existingCircuitOnPremisesPrefixes,
      }, gateways);
    }
    if (props.routeServer && this.hub instanceof HubNetwork) {
      const subnet = this.hub.addSubnet('RouteServerSubnet', { prefixLength: ROUTE_SERVER_SUBNET_PREFIX_LENGTH });
      const publicIp = new PublicIp(this, 'RouteServerPublicIp', {
        name: generateName(this, 'publicIp', 'routeserver'),
        resourceGroupName: this.hub.resourceGroupName,
        location: this.hub.location,
        sku: 'Standard',
        allocationMethod: 'Static',
        zones: ZONES,
      });
      this.routeServer = new RouteServer(this, 'RouteServer', {
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

    if (withEr && withVpn) this.node.addValidation({ validate: () => this.validateCoexistence() });
    Runbook.of(this).addSection(new LazySection(`Hybrid connectivity ${this.node.path} (${this.mode})`, () => this.renderHandoff()));
  }

  /**
   * Adds an on-premises VPN site (vpn and failover modes). In failover mode its static prefixes
   * may not be more specific than the ExpressRoute-advertised ones; prefer BGP.
   */
  public addSite(id: string, options: SiteToSiteConnectionOptions): SiteToSiteConnection {
    const problems = new ProblemCollector(this);
    problems.check(
      this.vpnGateway === undefined,
      HYB_MODE_OPTIONS,
      'mode',
      this.mode,
      'the expressroute mode has no VPN gateway, so it takes no VPN sites',
      'use HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER for a VPN backup',
    );
    if (this.mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER) {
      for (const cidr of options.addressSpaces ?? []) {
        const range = Token.isUnresolved(cidr) ? undefined : parseCidr(cidr);
        if (!range) continue;
        const wider = this.erPrefixes.map((p) => (Token.isUnresolved(p) ? undefined : parseCidr(p))).find((p) => p && p.prefixLength < range.prefixLength && cidrContains(p, range));
        problems.check(
          wider !== undefined,
          ER_COEXIST_MORE_SPECIFIC,
          'addressSpaces',
          cidr,
          `${cidr} over the VPN is more specific than ${wider?.cidr} advertised over ExpressRoute: Azure would send that traffic over the VPN by longest-prefix match`,
          `advertise ${wider?.cidr} itself over the VPN (better: learn it over BGP with AS-path prepending)`,
        );
      }
    }
    problems.throwIfAny();
    if (this.mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER) {
      // The VPN site is the ExpressRoute network's backup path: its prefixes may equal the
      // ExpressRoute-advertised ones (more-specific ones are refused above).
      if (this.circuitRef !== undefined) AddressPlan.of(this).assignNetwork(`${this.vpnGateway!.node.path}/${id}`, onPremisesNetworkOf(this.circuitRef));
    }
    return this.vpnGateway!.addSite(id, options);
  }

  private validate(props: HybridConnectivityProps): void {
    const problems = new ProblemCollector(this);
    const mode = props.mode;
    const vpnOnly = mode === HybridConnectivityMode.VPN;
    const erOnly = mode === HybridConnectivityMode.EXPRESSROUTE;
    const failover = mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER;
    problems.check(!Object.values(HybridConnectivityMode).includes(mode), HYB_MODE_OPTIONS, 'mode', mode, `${mode} is not a connectivity mode`, 'use vpn, expressroute or expressroute-vpn-failover');
    if (vpnOnly) {
      const erProp = (['circuit', 'existingCircuitId', 'authorizationKey', 'existingCircuitOnPremisesPrefixes', 'expressRouteGatewaySku', 'circuitProvisioned'] as const).find((p) => props[p] !== undefined);
      problems.check(erProp !== undefined, HYB_MODE_OPTIONS, erProp ?? '', erProp === 'circuit' ? props.circuit?.node.path : undefined, `\`${erProp}\` is an ExpressRoute setting and the mode is vpn`, 'leave it out, or use an ExpressRoute mode');
    } else {
      problems.check(
        props.circuit === undefined && props.existingCircuitId === undefined,
        HYB_MODE_OPTIONS,
        'circuit',
        undefined,
        `the ${mode} mode needs a circuit`,
        'give `circuit` (an ExpressRouteCircuit of this stack) or `existingCircuitId`',
      );
    }
    if (erOnly) {
      const vpnProp = (['vpnGatewaySku', 'vpnType', 'vpnAsn', 'vpnActiveActive'] as const).find((p) => props[p] !== undefined);
      problems.check(vpnProp !== undefined, HYB_MODE_OPTIONS, vpnProp ?? '', undefined, `\`${vpnProp}\` is a VPN setting and the mode is expressroute`, 'leave it out, or use the expressroute-vpn-failover mode');
    }
    if (failover) {
      problems.check(
        props.vpnType === VpnType.POLICY_BASED,
        ER_COEXIST_VPN_TYPE,
        'vpnType',
        props.vpnType,
        'a VPN gateway coexisting with ExpressRoute must be RouteBased',
        'use VpnType.ROUTE_BASED (default)',
      );
      problems.check(
        props.vpnGatewaySku?.name === 'Basic',
        ER_COEXIST_VPN_SKU,
        'vpnGatewaySku',
        props.vpnGatewaySku?.name,
        'a Basic VPN gateway cannot coexist with an ExpressRoute gateway',
        'use VpnGatewaySku.VPN_GW2_AZ (default) or another VpnGw*AZ SKU',
      );
      problems.check(
        props.vpnAsn !== undefined && !Token.isUnresolved(props.vpnAsn) && props.vpnAsn !== AZURE_VPN_ASN,
        ER_COEXIST_VPN_ASN,
        'vpnAsn',
        props.vpnAsn,
        `a VPN gateway coexisting with ExpressRoute must keep ASN ${AZURE_VPN_ASN}`,
        'leave `vpnAsn` out',
      );
    }
    if (props.routeServer) {
      problems.check(!failover, HYB_ROUTESERVER, 'routeServer', true, `Route Server gives transit between VPN and ExpressRoute sites, and the ${mode} mode has only one of them`, 'use the expressroute-vpn-failover mode, or leave `routeServer` out');
      problems.check(!(props.hub instanceof HubNetwork), HYB_ROUTESERVER, 'hub', props.hub.node.path, 'Route Server needs a RouteServerSubnet, which the library carves only in a HubNetwork it creates', 'create the hub with HubNetwork, or add Route Server yourself');
      problems.check(props.vpnActiveActive === false, HYB_ROUTESERVER, 'vpnActiveActive', false, 'Route Server interoperates only with an active-active VPN gateway', 'leave `vpnActiveActive` out (true)');
    }
    problems.throwIfAny();
  }

  /** Checks the final gateways (after escape-hatch edits) against the coexistence rules. */
  private validateCoexistence(): string[] {
    const errors: string[] = [];
    const vpn = this.vpnGateway!.gateway;
    const er = this.expressRouteGateway!.gateway;
    const vpnBody = synthesizedBody(vpn);
    const erBody = synthesizedBody(er);
    const subnets = (b: Record<string, any>): unknown[] => (Array.isArray(b.ip_configuration) ? b.ip_configuration : [b.ip_configuration]).map((c: any) => resolveExpression(this, c?.subnet_id));
    const erSubnet = subnets(erBody)[0];
    const path = vpn.node.path;
    if (subnets(vpnBody).some((s) => s !== erSubnet)) {
      errors.push(`[ER-COEXIST-SUBNET] ${path}: \`ipConfiguration.subnetId\` differs from the ExpressRoute gateway's: coexisting gateways must share one GatewaySubnet. Fix: put both gateways in the hub's GatewaySubnet`);
    }
    if (vpnBody.vpn_type !== undefined && vpnBody.vpn_type !== 'RouteBased') {
      errors.push(`[ER-COEXIST-VPN-TYPE] ${path}: \`vpnType\` = ${JSON.stringify(vpnBody.vpn_type)}: a VPN gateway coexisting with ExpressRoute must be RouteBased. Fix: use RouteBased`);
    }
    if (vpnBody.sku === 'Basic') {
      errors.push(`[ER-COEXIST-VPN-SKU] ${path}: \`sku\` = "Basic": a Basic VPN gateway cannot coexist with ExpressRoute. Fix: use VpnGw2AZ`);
    }
    const asn = vpnBody.bgp_settings?.asn;
    if (asn !== undefined && !Token.isUnresolved(asn) && asn !== AZURE_VPN_ASN) {
      errors.push(`[ER-COEXIST-VPN-ASN] ${path}: \`asn\` = ${asn}: a VPN gateway coexisting with ExpressRoute must keep ASN ${AZURE_VPN_ASN}. Fix: set the ASN back to ${AZURE_VPN_ASN}`);
    }
    return errors;
  }

  private renderHandoff(): string {
    const lines: string[] = [];
    const failover = this.mode === HybridConnectivityMode.EXPRESSROUTE_VPN_FAILOVER;
    if (this.mode === HybridConnectivityMode.VPN) {
      lines.push('Site-to-site VPN only: see the VPN gateway and site sections.');
      return lines.join('\n');
    }
    const circuit = this.props.circuit;
    const serviceKey = circuit ? `\`terraform output -raw ${circuit.serviceKeyOutputName}\`` : 'the circuit owner';
    lines.push(
      '### Two-phase deployment',
      '',
      `1. **Phase 1** (now${this.expressRouteConnection ? ', done' : ''}): \`cdktf deploy\` creates the circuit, the ExpressRoute gateway${failover ? ', then the VPN gateway (one after the other: Azure updates GatewaySubnet one gateway at a time)' : ''}.`,
      `2. Give the service key (${serviceKey}) to the connectivity provider. Wait until \`az network express-route show --ids <circuit id> --query serviceProviderProvisioningState -o tsv\` prints \`Provisioned\` and private peering is up (\`az network express-route list-route-tables ... --peering-name AzurePrivatePeering --path primary\`).`,
      `3. **Phase 2**${this.expressRouteConnection ? ' (configured)' : ' (not yet)'}: set \`circuitProvisioned: true\` and deploy again; this creates the gateway connection. A Terraform precondition stops the deploy if the circuit is not provisioned yet.`,
      '',
    );
    if (failover) {
      const prefixes = this.erPrefixes.length > 0 ? this.erPrefixes.map((c) => `\`${c}\``).join(', ') : 'your on-premises prefixes';
      lines.push(
        '### What on-premises routers must advertise and prefer',
        '',
        `- Advertise the **same** prefixes (${prefixes}) over ExpressRoute private peering and over the VPN BGP sessions. **Never a more-specific prefix over the VPN**: Azure picks the longest prefix before anything else, so a more-specific VPN route wins over ExpressRoute.`,
        '- Azure prefers ExpressRoute over VPN for equal prefixes. To make it explicit, AS-path prepend (e.g. 3 times) the prefixes you advertise over the VPN.',
        '- Return path: Azure advertises the hub and spoke ranges over both ExpressRoute and the VPN. Make the on-premises routers prefer the ExpressRoute-learned routes with a higher local-preference on routes from the ExpressRoute peers (e.g. 200) than on routes from the VPN peers (default 100).',
        '- Do not re-advertise routes learned over ExpressRoute into the VPN (or the reverse): Azure gives no ExpressRoute-VPN transit' + (this.routeServer ? ' except through the Route Server configured here (branch-to-branch on).' : ' unless Route Server is added (`routeServer: true`).'),
        '- Failover covers private peering only (not Microsoft peering).',
        '',
        '### How to test failover (in a maintenance window)',
        '',
        '1. Baseline: `az network nic show-effective-route-table -g <rg> -n <nic of a spoke VM> -o table` shows the on-premises prefixes with next hop type `VirtualNetworkGateway` via ExpressRoute; `az network vnet-gateway list-learned-routes -g <rg> -n <ExpressRoute gateway>` lists them from the MSEE peers. Traceroute from on-premises to a spoke VM and note the path.',
        '2. Take ExpressRoute down: shut the BGP sessions to Microsoft on **both** links on your edge routers (or ask the provider to disable the circuit ports).',
        '3. Check that the VPN takes over: `az network vnet-gateway list-learned-routes -g <rg> -n <VPN gateway>` shows the prefixes from the VPN BGP peers, the effective routes now point to the VPN gateway, and the traceroute follows the tunnel. Note the convergence time (BGP hold timer: up to 3 minutes without BFD).',
        '4. Bring ExpressRoute back and check that traffic returns to it in both directions (effective routes and on-premises routing table).',
        '5. A full circuit outage can only be tested with the connectivity provider.',
      );
    }
    return lines.join('\n');
  }
}
