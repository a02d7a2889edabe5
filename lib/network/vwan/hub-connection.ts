import { VirtualHubBgpConnection } from '@cdktf/provider-azurerm/lib/virtual-hub-bgp-connection';
import { VirtualHubConnection } from '@cdktf/provider-azurerm/lib/virtual-hub-connection';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_LABEL, HUB_ASN } from './defaults';
import { IVirtualHub } from './interfaces';
import { onRoutingIntent } from './routing-registry';
import { AddressPlan } from '../../core/address-plan';
import { cidrContainsAddress, literalRanges } from '../../core/cidr';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { reservedAsnReason } from '../bgp';
import { VWAN_BGP_PEER } from '../rules/vwan';
import { checkName, generateName } from '../../core/naming';

/** Options of `VirtualHub.connectVirtualNetwork`. */
export interface HubVirtualNetworkConnectionOptions {
  /** Resource id of the spoke virtual network (a Terraform expression is accepted). */
  readonly virtualNetworkId: string;
  /**
   * Address spaces of the spoke, checked against the address plan (hub-VNet world included) and
   * used for BGP peer checks.
   * @default - none: the spoke is not in the address plan
   */
  readonly addressSpaces?: string[];
  /**
   * Send the spoke's internet traffic through the hub (secured hub with an Internet policy).
   * @default true
   */
  readonly internetSecurityEnabled?: boolean;
  /**
   * Connection name.
   * @default - generated: `con-<construct path>`
   */
  readonly name?: string;
}

/** Props of `HubVirtualNetworkConnection`. */
export interface HubVirtualNetworkConnectionProps extends HubVirtualNetworkConnectionOptions {
  /** The hub. */
  readonly hub: IVirtualHub;
}

/** Options of `HubVirtualNetworkConnection.addBgpPeer`. */
export interface HubBgpPeerOptions {
  /** ASN of the network virtual appliance: 16-bit, not 65515 or a reserved one. */
  readonly peerAsn: number;
  /** IP of the appliance, inside the spoke's address spaces. */
  readonly peerIp: string;
  /**
   * Name.
   * @default - the id
   */
  readonly name?: string;
}

/**
 * A spoke virtual network connected to a hub. It associates with the defaultRouteTable and
 * propagates to it and to the `default` label, so every hub of the Virtual WAN learns its
 * prefixes (unless routing intent manages the hub). NVAs in the spoke peer with the hub router
 * through `addBgpPeer`.
 */
export class HubVirtualNetworkConnection extends Construct {
  /** The connection (escape hatch). */
  public readonly resource: VirtualHubConnection;
  public readonly hub: IVirtualHub;
  /** The spoke's address spaces as given. */
  public readonly addressSpaces: string[];
  private readonly peers: VirtualHubBgpConnection[] = [];

  constructor(scope: Construct, id: string, props: HubVirtualNetworkConnectionProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    checkName(problems, 'connection', 'name', props?.name);
    problems.required('virtualNetworkId', props?.virtualNetworkId, 'string');
    problems.type('addressSpaces', props?.addressSpaces, 'array');
    problems.throwIfAny();
    problems.resourceId(VWAN_BGP_PEER, 'virtualNetworkId', props.virtualNetworkId, 'virtual network');
    checkCidrs(problems, 'addressSpaces', props.addressSpaces ?? []);
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'addressSpaces', props.addressSpaces ?? [], `spoke ${this.node.path} of virtual hub ${props.hub.node.path}`);
    problems.throwIfAny();
    this.hub = props.hub;
    this.addressSpaces = [...(props.addressSpaces ?? [])];
    this.resource = new VirtualHubConnection(this, 'Resource', {
      name: props.name ?? generateName(this, 'connection'),
      virtualHubId: this.hub.hubId,
      remoteVirtualNetworkId: props.virtualNetworkId,
      internetSecurityEnabled: props.internetSecurityEnabled ?? true,
      routing: { associatedRouteTableId: this.hub.defaultRouteTableId, propagatedRouteTable: { routeTableIds: [this.hub.defaultRouteTableId], labels: [DEFAULT_LABEL] } },
    });
    onRoutingIntent(this.hub, () => this.resource.resetRouting());
  }

  /** Peers an NVA of this spoke with the hub router over BGP (the hub side is ASN 65515). */
  public addBgpPeer(id: string, options: HubBgpPeerOptions): VirtualHubBgpConnection {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `BgpPeer${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('peerAsn', options.peerAsn, 'number');
    problems.required('peerIp', options.peerIp, 'string');
    problems.throwIfAny();
    if (!Token.isUnresolved(options.peerAsn)) {
      const reason = reservedAsnReason(options.peerAsn, true) ?? (options.peerAsn > 65535 ? 'the hub router takes 16-bit ASNs only (1-65535)' : options.peerAsn === HUB_ASN ? 'the NVA ASN must differ from the hub ASN 65515' : undefined);
      problems.check(reason !== undefined, VWAN_BGP_PEER, 'peerAsn', options.peerAsn, reason ?? '', 'use a private 16-bit ASN such as 65010 (64512-65514, 65521-65534)');
    }
    problems.ipv4(VWAN_BGP_PEER, 'peerIp', options.peerIp);
    const ranges = literalRanges(this.addressSpaces);
    problems.check(!Token.isUnresolved(options.peerIp) && ranges.length > 0 && problems.count === 0 && !ranges.some((r) => cidrContainsAddress(r, options.peerIp)), VWAN_BGP_PEER, 'peerIp', options.peerIp, `${options.peerIp} is not inside the spoke (${this.addressSpaces.join(', ')}): the hub router peers with endpoints in connected virtual networks`, "use the NVA's private IP in this spoke");
    problems.throwIfAny();
    const peer = new VirtualHubBgpConnection(this, `BgpPeer${id}`, {
      name: options.name ?? id,
      virtualHubId: this.hub.hubId,
      peerAsn: options.peerAsn,
      peerIp: options.peerIp,
      virtualNetworkConnectionId: this.resource.id,
    });
    this.peers.push(peer);
    return peer;
  }

  /** The BGP peers so far. */
  public get bgpPeers(): VirtualHubBgpConnection[] {
    return [...this.peers];
  }
}
