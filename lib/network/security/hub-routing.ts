import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { Construct } from 'constructs';
import { IHubFirewall } from './firewall';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { checkFinalBody } from '../../core/report';
import { IHubNetwork } from '../hub-network-base';
import { NET_GWSUBNET_ROUTE, NET_ROUTE_NEXT_HOP } from '../rules/dns-and-security';
import { generateName } from '../../core/naming';

/** Props of `HubRouting`. */
export interface HubRoutingProps {
  /** The hub whose GatewaySubnet gets the route table toward the spokes. */
  readonly hub: IHubNetwork;
  /** The firewall (or another appliance) that inspects the traffic. */
  readonly firewall: IHubFirewall;
  /** Address spaces of the spokes: on GatewaySubnet, routed to the firewall. */
  readonly spokePrefixes: string[];
  /** On-premises prefixes: on spoke subnets, routed to the firewall (with the default route). */
  readonly onPremisesPrefixes: string[];
  /**
   * Spoke subnets that get the spoke route table, by a name you choose. A literal map.
   * @default - none (add them with `associateSpokeSubnet`)
   */
  readonly spokeSubnetIds?: { [name: string]: string };
  /**
   * Resource group of the route tables.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
}

/**
 * Route tables that make on-premises <-> spoke traffic go through the hub firewall both ways:
 * - on GatewaySubnet, each spoke prefix -> the firewall, never a default route, gateway route
 *   propagation kept (the gateway needs it; azure-docs includes/vpn-gateway-gwudr-warning.md);
 * - on spoke subnets, 0.0.0.0/0 and each on-premises prefix -> the firewall, gateway route
 *   propagation off, so routes learned from the gateway cannot bypass the firewall.
 */
export class HubRouting extends Construct {
  public readonly gatewayRouteTable: RouteTable;
  public readonly spokeRouteTable: RouteTable;
  public readonly gatewayAssociation: SubnetRouteTableAssociation;
  /** Spoke subnet associations by name. */
  public readonly spokeAssociations: { [name: string]: SubnetRouteTableAssociation } = {};

  constructor(scope: Construct, id: string, props: HubRoutingProps) {
    super(scope, id);
    this.resolve(props);
    const rg = props.resourceGroupName ?? props.hub.resourceGroupName;
    const location = props.hub.location;
    const toFirewall = (name: string, addressPrefix: string) => ({ name, addressPrefix, nextHopType: 'VirtualAppliance', nextHopInIpAddress: props.firewall.privateIpAddress });
    this.gatewayRouteTable = new RouteTable(this, 'GatewayRouteTable', {
      name: generateName(this, 'routeTable', 'gateway'),
      resourceGroupName: rg,
      location,
      bgpRoutePropagationEnabled: true,
      route: props.spokePrefixes.map((p, i) => toFirewall(`spoke-${i}-to-firewall`, p)),
    });
    this.gatewayAssociation = new SubnetRouteTableAssociation(this, 'GatewayAssociation', { subnetId: props.hub.gatewaySubnetId, routeTableId: this.gatewayRouteTable.id });
    checkFinalBody(this, this.gatewayAssociation, [NET_GWSUBNET_ROUTE]);
    this.spokeRouteTable = new RouteTable(this, 'SpokeRouteTable', {
      name: generateName(this, 'routeTable', 'spokes'),
      resourceGroupName: rg,
      location,
      bgpRoutePropagationEnabled: false,
      route: [toFirewall('default-to-firewall', '0.0.0.0/0'), ...props.onPremisesPrefixes.map((p, i) => toFirewall(`onprem-${i}-to-firewall`, p))],
    });
    for (const [name, subnetId] of Object.entries(props.spokeSubnetIds ?? {})) this.associateSpokeSubnet(name, subnetId);
  }

  /** Gives a spoke subnet the spoke route table (default route and on-premises via the firewall). */
  public associateSpokeSubnet(name: string, subnetId: string): SubnetRouteTableAssociation {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('subnetId', subnetId, 'string');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Spoke-${name}`, 'name', name);
    problems.resourceId(NET_ROUTE_NEXT_HOP, 'subnetId', subnetId, 'subnet');
    problems.check(typeof subnetId === 'string' && /\/subnets\/GatewaySubnet$/.test(subnetId), NET_GWSUBNET_ROUTE, 'subnetId', subnetId, 'GatewaySubnet cannot take the spoke route table (it has a default route)', 'give a spoke workload subnet');
    problems.throwIfAny();
    const association = new SubnetRouteTableAssociation(this, `Spoke-${name}`, { subnetId, routeTableId: this.spokeRouteTable.id });
    this.spokeAssociations[name] = association;
    checkFinalBody(this, association, [NET_GWSUBNET_ROUTE]);
    return association;
  }

  private resolve(props: HubRoutingProps): void {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.required('firewall', props?.firewall, 'construct');
    problems.required('spokePrefixes', props?.spokePrefixes, 'array');
    problems.required('onPremisesPrefixes', props?.onPremisesPrefixes, 'array');
    problems.throwIfAny();
    problems.literal('spokePrefixes', props.spokePrefixes, 'it decides how many routes exist');
    problems.literal('onPremisesPrefixes', props.onPremisesPrefixes, 'it decides how many routes exist');
    problems.literal('spokeSubnetIds', props.spokeSubnetIds, 'it decides how many associations exist');
    problems.ipv4(NET_ROUTE_NEXT_HOP, 'firewall', props.firewall.privateIpAddress, 'give a firewall whose private address is an IPv4 address or a reference to it');
    problems.check(Array.isArray(props.spokePrefixes) && props.spokePrefixes.length === 0, NET_ROUTE_NEXT_HOP, 'spokePrefixes', props.spokePrefixes, 'no spoke prefix: traffic from on-premises to the spokes would skip the firewall', 'list the address spaces of the spokes');
    problems.check(Array.isArray(props.spokePrefixes) && props.spokePrefixes.includes('0.0.0.0/0'), NET_GWSUBNET_ROUTE, 'spokePrefixes', '0.0.0.0/0', 'a default route on GatewaySubnet is not supported', 'list the spoke prefixes, not 0.0.0.0/0');
    checkCidrs(problems, 'spokePrefixes', props.spokePrefixes);
    checkCidrs(problems, 'onPremisesPrefixes', props.onPremisesPrefixes);
    problems.throwIfAny();
  }
}
