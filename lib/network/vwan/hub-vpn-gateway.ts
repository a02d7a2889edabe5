import { VpnGateway as VpnGatewayResource } from '@cdktf/provider-azurerm/lib/vpn-gateway';
import { VpnGatewayNatRule } from '@cdktf/provider-azurerm/lib/vpn-gateway-nat-rule';
import { Construct } from 'constructs';
import { HUB_ASN, VPN_GATEWAY_NAMESPACE, VPN_SCALE_UNITS } from './defaults';
import { renderHubVpnGatewayHandoff } from './handoff';
import { IHubVpnGateway, IVirtualHub } from './interfaces';
import { VpnSiteConnection, VpnSiteConnectionOptions } from './vpn-site-connection';
import { MetricDefinition } from '../../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { LazySection, Runbook } from '../../core/outputs';
import { checkFinalBody } from '../../core/report';
import { metricOf } from '../metrics';
import { VPN_NAT_RULE } from '../rules';
import { VWAN_SCALE_UNITS } from '../rules/vwan';
import { VpnNatMode, VpnNatType } from '../vpn-gateway';
import { checkName, generateName } from '../../core/naming';

/** Options of `VirtualHub.addVpnGateway`. */
export interface HubVpnGatewayOptions extends AzureResourceProps {
  /**
   * Scale units, 1-40 (500 Mbps each). A Terraform expression is accepted.
   * @default 1
   */
  readonly scaleUnits?: number;
  /**
   * Name.
   * @default - generated: `vpngw-<construct path>`
   */
  readonly name?: string;
}

/** Props of `HubVpnGateway`. */
export interface HubVpnGatewayProps extends HubVpnGatewayOptions {
  /** The hub. */
  readonly hub: IVirtualHub;
}

/** Options of `HubVpnGateway.addNatRule`. */
export interface HubVpnNatRuleOptions {
  /** Direction. */
  readonly mode: VpnNatMode;
  /**
   * Static (one-to-one) or dynamic.
   * @default VpnNatType.STATIC
   */
  readonly type?: VpnNatType;
  /** Ranges before translation. */
  readonly internalAddressSpaces: string[];
  /** Ranges after translation (same sizes for static rules). */
  readonly externalAddressSpaces: string[];
}

/**
 * The site-to-site VPN gateway of a virtual hub (always active-active, BGP ASN 65515): two
 * instances, two public IPs, one tunnel pair per branch link. Branches are connected with
 * `connectSite`.
 */
export class HubVpnGateway extends AzureResource implements IHubVpnGateway {
  /** The gateway (escape hatch). */
  public readonly resource: VpnGatewayResource;
  public readonly resourceId: string;
  /** The hub. */
  public readonly hub: IVirtualHub;
  /** Scale units. */
  public readonly scaleUnits: number;
  /** The gateway's BGP ASN (Azure's 65515). */
  public readonly asn: number = HUB_ASN;
  /** Output with the public IPs of instance 0 and 1. */
  public readonly publicIpsOutputName: string;
  /** Output with the BGP peer addresses of instance 0 and 1. */
  public readonly bgpPeeringAddressesOutputName: string;
  private readonly connections: VpnSiteConnection[] = [];

  constructor(scope: Construct, id: string, props: HubVpnGatewayProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.throwIfAny();
    checkName(problems, 'vpnGateway', 'name', props.name);
    problems.integer(VWAN_SCALE_UNITS, 'scaleUnits', props.scaleUnits, 1, 40, 'use 1-40 (500 Mbps each)');
    problems.throwIfAny();
    this.hub = props.hub;
    this.scaleUnits = props.scaleUnits ?? VPN_SCALE_UNITS;
    this.resource = new VpnGatewayResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'vpnGateway'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      virtualHubId: this.hub.hubId,
      scaleUnit: this.scaleUnits,
    });
    this.resourceId = this.resource.id;
    checkFinalBody(this, this.resource, [VWAN_SCALE_UNITS]);

    const runbook = Runbook.of(this);
    const ip = (i: number) => this.resource.ipConfiguration.get(i).publicIpAddress;
    this.publicIpsOutputName = runbook.addOutput(this, 'PublicIps', {
      value: [ip(0), ip(1)],
      description: `Public IPs of Virtual WAN VPN gateway ${this.node.path} (instance 0, instance 1): every branch link builds one tunnel to each`,
    });
    const bgp = this.resource.bgpSettings;
    this.bgpPeeringAddressesOutputName = runbook.addOutput(this, 'BgpPeeringAddresses', {
      value: [bgp.instance0BgpPeeringAddress.defaultIps, bgp.instance1BgpPeeringAddress.defaultIps],
      description: `BGP peer addresses of Virtual WAN VPN gateway ${this.node.path} (instance 0, instance 1), ASN ${HUB_ASN}`,
    });
    runbook.addSection(new LazySection(`Virtual WAN VPN gateway ${this.node.path}`, () => renderHubVpnGatewayHandoff({
      path: this.node.path,
      scaleUnits: String(this.scaleUnits),
      publicIpsOutputName: this.publicIpsOutputName,
      bgpPeeringAddressesOutputName: this.bgpPeeringAddressesOutputName,
      connectionIds: this.connections.map((c) => c.node.id),
    })));
    this.initCommon(props);
  }

  /** Connects a branch: one tunnel pair per link of the site. */
  public connectSite(id: string, options: VpnSiteConnectionOptions): VpnSiteConnection {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, id, 'id', id);
    problems.throwIfAny();
    const connection = new VpnSiteConnection(this, id, { ...options, gateway: this });
    this.connections.push(connection);
    return connection;
  }

  /** The branch connections so far. */
  public get siteConnections(): VpnSiteConnection[] {
    return [...this.connections];
  }

  /** Adds a NAT rule; pass its `id` to a link's `ingressNatRuleIds` / `egressNatRuleIds`. */
  public addNatRule(id: string, options: HubVpnNatRuleOptions): VpnGatewayNatRule {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `NatRule${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('internalAddressSpaces', options.internalAddressSpaces, 'array');
    problems.required('externalAddressSpaces', options.externalAddressSpaces, 'array');
    problems.throwIfAny();
    checkCidrs(problems, 'internalAddressSpaces', options.internalAddressSpaces);
    checkCidrs(problems, 'externalAddressSpaces', options.externalAddressSpaces);
    const type = options.type ?? VpnNatType.STATIC;
    problems.check(type === VpnNatType.STATIC && options.internalAddressSpaces.length !== options.externalAddressSpaces.length, VPN_NAT_RULE, 'externalAddressSpaces', options.externalAddressSpaces, 'a static NAT rule maps each internal range to one external range', 'list as many external ranges as internal ones');
    problems.check(options.internalAddressSpaces.length === 0, VPN_NAT_RULE, 'internalAddressSpaces', options.internalAddressSpaces, 'a NAT rule needs at least one mapping', 'list the ranges before and after translation');
    problems.throwIfAny();
    return new VpnGatewayNatRule(this, `NatRule${id}`, {
      name: id,
      vpnGatewayId: this.resource.id,
      mode: options.mode,
      type,
      internalMapping: options.internalAddressSpaces.map((addressSpace) => ({ addressSpace })),
      externalMapping: options.externalAddressSpaces.map((addressSpace) => ({ addressSpace })),
    });
  }

  /** `TunnelAverageBandwidth` (bytes/s, Average), split by `ConnectionName` and `RemoteIP`. */
  public metricTunnelAverageBandwidth(): MetricDefinition {
    return metricOf(this.resourceId, VPN_GATEWAY_NAMESPACE, 'TunnelAverageBandwidth', 'Average', 'bytes/s', ['ConnectionName', 'RemoteIP']);
  }

  /** `BgpPeerStatus` (1 = connected, Average), split by `BgpPeerAddress` and `Instance`. */
  public metricBgpPeerStatus(): MetricDefinition {
    return metricOf(this.resourceId, VPN_GATEWAY_NAMESPACE, 'BgpPeerStatus', 'Average', '1 = connected, 0 = down', ['BgpPeerAddress', 'Instance']);
  }

  /** `TunnelIngressPacketDropTSMismatch` (count, Total): traffic selector mismatches per tunnel. */
  public metricTunnelTrafficSelectorMismatch(): MetricDefinition {
    return metricOf(this.resourceId, VPN_GATEWAY_NAMESPACE, 'TunnelIngressPacketDropTSMismatch', 'Total', 'packets', ['ConnectionName', 'RemoteIP']);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_vpn_gateway' }];
  }
}
