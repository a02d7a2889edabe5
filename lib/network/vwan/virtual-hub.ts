import { VirtualHub as VirtualHubResource } from '@cdktf/provider-azurerm/lib/virtual-hub';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { HUB_ROUTER_MIN_CAPACITY } from './defaults';
import { HubExpressRouteGateway, HubExpressRouteGatewayOptions } from './hub-expressroute-gateway';
import { HubPointToSiteGateway, HubPointToSiteGatewayOptions } from './hub-p2s-gateway';
import { HubVpnGateway, HubVpnGatewayOptions } from './hub-vpn-gateway';
import { HubVirtualNetworkConnection, HubVirtualNetworkConnectionOptions } from './hub-connection';
import { IVirtualHub, IVirtualWan } from './interfaces';
import { hasRoutingIntent, routingIntentConfigured } from './routing-registry';
import { SecuredHub, SecuredHubOptions } from './secured-hub';
import { AddressPlan } from '../../core/address-plan';
import { parseCidr } from '../../core/cidr';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { checkFinalBody } from '../../core/report';
import { VWAN_HUB_PREFIX, VWAN_HUB_SETTINGS } from '../rules/vwan';
import { checkName, generateName } from '../../core/naming';

/** Which path the hub router prefers when several lead to one prefix. */
export enum HubRoutingPreference {
  /** ExpressRoute first (Azure's default). */
  EXPRESS_ROUTE = 'ExpressRoute',
  /** Site-to-site VPN first. */
  VPN_GATEWAY = 'VpnGateway',
  /** Shortest AS path. */
  AS_PATH = 'ASPath',
}

/** Options of `VirtualWan.addHub`. */
export interface VirtualHubOptions {
  /** Region of the hub (one hub per region is the usual design). */
  readonly location: string;
  /** Hub address prefix: a /23 (recommended) or /24, unique in the address plan. A literal. */
  readonly addressPrefix: string;
  /**
   * Resource group.
   * @default - the Virtual WAN's
   */
  readonly resourceGroupName?: string;
  /**
   * Name.
   * @default - generated: `vhub-<construct path>`
   */
  readonly name?: string;
  /**
   * Routing preference among ExpressRoute, VPN and AS path.
   * @default HubRoutingPreference.EXPRESS_ROUTE
   */
  readonly routingPreference?: HubRoutingPreference;
  /**
   * Minimum routing infrastructure units of the hub router (2 or more; each adds capacity for 1,000 VMs).
   * @default 2
   */
  readonly routerMinCapacity?: number;
}

/** Props of `VirtualHub`. */
export interface VirtualHubProps extends VirtualHubOptions {
  /** The Virtual WAN. */
  readonly virtualWan: IVirtualWan;
}

/**
 * A Standard virtual hub in one region: add its gateways (`addVpnGateway`,
 * `addExpressRouteGateway`, `addPointToSiteGateway`), spokes (`connectVirtualNetwork`), BGP
 * peers, and Azure Firewall with routing intent (`secure`). Connections associate with and
 * propagate to the defaultRouteTable and the `default` label, so every hub of the Virtual WAN
 * learns them; once the hub is secured, routing intent manages both.
 */
export class VirtualHub extends Construct implements IVirtualHub {
  /** The hub (escape hatch). */
  public readonly resource: VirtualHubResource;
  public readonly hubId: string;
  public readonly virtualWan: IVirtualWan;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly addressPrefix: string;
  public readonly defaultRouteTableId: string;
  private secured?: SecuredHub;
  private vpn?: HubVpnGateway;
  private er?: HubExpressRouteGateway;
  private p2s?: HubPointToSiteGateway;
  private readonly connections: HubVirtualNetworkConnection[] = [];

  constructor(scope: Construct, id: string, props: VirtualHubProps) {
    super(scope, id);
    validateHub(this, props);
    this.virtualWan = props.virtualWan;
    this.location = props.location;
    this.resourceGroupName = props.resourceGroupName ?? props.virtualWan.resourceGroupName;
    this.addressPrefix = props.addressPrefix;
    this.resource = new VirtualHubResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualHub'),
      resourceGroupName: this.resourceGroupName,
      location: props.location,
      virtualWanId: props.virtualWan.virtualWanId,
      addressPrefix: props.addressPrefix,
      sku: 'Standard',
      hubRoutingPreference: props.routingPreference ?? HubRoutingPreference.EXPRESS_ROUTE,
      virtualRouterAutoScaleMinCapacity: props.routerMinCapacity ?? HUB_ROUTER_MIN_CAPACITY,
    });
    this.hubId = this.resource.id;
    this.defaultRouteTableId = this.resource.defaultRouteTableId;
    checkFinalBody(this, this.resource, [VWAN_HUB_PREFIX]);
  }

  public get routingIntentEnabled(): boolean {
    return hasRoutingIntent(this);
  }

  /** The site-to-site VPN gateway (one per hub). */
  public addVpnGateway(options: HubVpnGatewayOptions = {}): HubVpnGateway {
    this.checkChild('VpnGateway');
    this.vpn = new HubVpnGateway(this, 'VpnGateway', { ...options, hub: this });
    return this.vpn;
  }

  /** The ExpressRoute gateway (one per hub). */
  public addExpressRouteGateway(options: HubExpressRouteGatewayOptions = {}): HubExpressRouteGateway {
    this.checkChild('ExpressRouteGateway');
    this.er = new HubExpressRouteGateway(this, 'ExpressRouteGateway', { ...options, hub: this });
    return this.er;
  }

  /** The point-to-site (User VPN) gateway with its server configuration (one per hub). */
  public addPointToSiteGateway(options: HubPointToSiteGatewayOptions): HubPointToSiteGateway {
    this.checkChild('PointToSiteGateway');
    this.p2s = new HubPointToSiteGateway(this, 'PointToSiteGateway', { ...options, hub: this });
    return this.p2s;
  }

  /** Connects a spoke virtual network to the hub. */
  public connectVirtualNetwork(id: string, options: HubVirtualNetworkConnectionOptions): HubVirtualNetworkConnection {
    this.checkChild(`Connection${id}`, id);
    const connection = new HubVirtualNetworkConnection(this, `Connection${id}`, { ...options, hub: this });
    this.connections.push(connection);
    return connection;
  }

  /**
   * Secures the hub: Azure Firewall in the hub (and a policy) with routing intent for private
   * and internet traffic. Connections made before or after stop declaring their routing.
   */
  public secure(options: SecuredHubOptions = {}): SecuredHub {
    this.checkChild('Secured');
    this.secured = new SecuredHub(this, 'Secured', { ...options, hub: this });
    if (this.secured.routingIntent) routingIntentConfigured(this);
    return this.secured;
  }

  /** The gateways, connections and security added so far. */
  public get vpnGateway(): HubVpnGateway | undefined {
    return this.vpn;
  }

  public get expressRouteGateway(): HubExpressRouteGateway | undefined {
    return this.er;
  }

  public get pointToSiteGateway(): HubPointToSiteGateway | undefined {
    return this.p2s;
  }

  public get securedHub(): SecuredHub | undefined {
    return this.secured;
  }

  public get virtualNetworkConnections(): HubVirtualNetworkConnection[] {
    return [...this.connections];
  }

  private checkChild(childId: string, id: string = childId): void {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, childId, 'id', id);
    problems.throwIfAny();
  }
}

function validateHub(hub: VirtualHub, props: VirtualHubProps): void {
  const problems = new ProblemCollector(hub);
  problems.required('virtualWan', props?.virtualWan, 'construct');
  problems.required('location', props?.location, 'string');
  problems.required('addressPrefix', props?.addressPrefix, 'string');
  checkName(problems, 'virtualHub', 'name', props?.name);
  problems.throwIfAny();
  problems.region('location', props.location);
  problems.literal('addressPrefix', props.addressPrefix, 'it is checked against the address plan and the hub size rule');
  if (checkCidrs(problems, 'addressPrefix', [props.addressPrefix]) && !Token.isUnresolved(props.addressPrefix)) {
    const range = parseCidr(props.addressPrefix);
    problems.check(range !== undefined && range.prefixLength > 24, VWAN_HUB_PREFIX, 'addressPrefix', props.addressPrefix, 'a virtual hub needs a /24 or larger; Azure refuses /25 to /32 at creation', 'use a /23 (recommended) or a /24');
  }
  problems.integer(VWAN_HUB_SETTINGS, 'routerMinCapacity', props.routerMinCapacity, 2, 1000, 'use 2 (default) or more');
  problems.oneOf(VWAN_HUB_SETTINGS, 'routingPreference', props.routingPreference, Object.values(HubRoutingPreference));
  problems.throwIfAny();
  AddressPlan.of(hub).claim(problems, 'addressPrefix', [props.addressPrefix], `virtual hub ${hub.node.path}`);
  problems.throwIfAny();
}
