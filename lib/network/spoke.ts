import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { Aspects, dependable, IAspect, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { SPOKE_ALLOW_FORWARDED_TRAFFIC } from './defaults';
import type { IHubNetwork } from './hub-network-base';
import { checkCidrs } from '../core/cidr-checks';
import { AddressPlan } from '../core/address-plan';
import { cidrContains, cidrOverlaps, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression } from '../core/tokens';
import { reportAtSynth } from '../core/report';
import { SPOKE_NO_HUB_GATEWAY, SPOKE_REMOTE_GATEWAYS, SPOKE_VNET_SOURCE } from './rules';
import { NET_CIDR_INVALID, NET_SUBNET_OUTSIDE, NET_SUBNET_OVERLAP } from '../core/rules';

/** Options of `HubNetwork.addSpoke`: a new spoke virtual network, or an existing one. */
export interface SpokeOptions {
  /**
   * Address space of the spoke (of the new network, or the one the existing network has: it is
   * checked against the hub, other spokes and on-premises sites).
   */
  readonly addressSpace: string[];
  /**
   * Name of the new virtual network (not with `existingVirtualNetworkId`).
   * @default - generated: `vnet-<construct path>`
   */
  readonly name?: string;
  /**
   * Resource group of the spoke network.
   * @default - the hub's resource group
   */
  readonly resourceGroupName?: string;
  /**
   * Region of a new spoke network.
   * @default - the hub's region
   */
  readonly location?: string;
  /**
   * Resource id of an existing spoke network (with `existingVirtualNetworkName`).
   * @default - a new virtual network is created
   */
  readonly existingVirtualNetworkId?: string;
  /**
   * Name of the existing spoke network (with `existingVirtualNetworkId`).
   * @default - none
   */
  readonly existingVirtualNetworkName?: string;
  /**
   * Subnets of a new spoke network, name to prefix (inside `addressSpace`).
   * @default - none
   */
  readonly subnets?: { [name: string]: string };
  /**
   * Custom DNS servers of a new spoke network.
   * @default - Azure-provided DNS
   */
  readonly dnsServers?: string[];
  /**
   * The spoke reaches on-premises through the hub's gateways (`use_remote_gateways`).
   * @default true
   */
  readonly useRemoteGateways?: boolean;
  /**
   * The spoke has a gateway of its own (then it cannot use the hub's).
   * @default false
   */
  readonly spokeHasGateway?: boolean;
  /**
   * Allow traffic forwarded by the other side (hub NVAs, gateways).
   * @default true
   */
  readonly allowForwardedTraffic?: boolean;
}

/** Props of `SpokePeering`. */
export interface SpokePeeringProps extends SpokeOptions {
  /** The hub to peer with. */
  readonly hub: IHubNetwork;
}

/** Existing virtual networks already using remote gateways, per stack (allowed on one peering only). */
const REMOTE_GATEWAY_USERS = new WeakMap<TerraformStack, Set<string>>();

/**
 * A spoke virtual network (new or existing) peered with the hub in both directions: the hub side
 * allows gateway transit, the spoke side uses the hub's gateways. Both peerings are created after
 * every gateway in the hub's `GatewaySubnet`.
 */
export class SpokePeering extends Construct {
  /** The new spoke network (undefined for an existing one). */
  public readonly virtualNetwork?: VirtualNetwork;
  /** Subnets of a new spoke by name. */
  public readonly subnets: { [name: string]: Subnet } = {};
  /** Peering from the hub to the spoke. */
  public readonly hubToSpoke: VirtualNetworkPeering;
  /** Peering from the spoke to the hub. */
  public readonly spokeToHub: VirtualNetworkPeering;
  /** Resource id of the spoke network. */
  public readonly virtualNetworkId: string;
  /** Name of the spoke network. */
  public readonly virtualNetworkName: string;
  /** Address space of the spoke. */
  public readonly addressSpace: string[];
  /** Whether the spoke uses the hub's gateways. */
  public readonly useRemoteGateways: boolean;
  /** The hub. */
  public readonly hub: IHubNetwork;

  constructor(scope: Construct, id: string, props: SpokePeeringProps) {
    super(scope, id);
    this.hub = props.hub;
    this.addressSpace = [...props.addressSpace];
    const hasGateway = props.spokeHasGateway ?? false;
    this.useRemoteGateways = props.useRemoteGateways ?? !hasGateway;
    const existing = props.existingVirtualNetworkId !== undefined || props.existingVirtualNetworkName !== undefined;
    const resourceGroupName = props.resourceGroupName ?? props.hub.resourceGroupName;

    const problems = new ProblemCollector(this);
    checkName(problems, 'virtualNetwork', 'name', props.name);
    problems.check(
      existing && (props.existingVirtualNetworkId === undefined || props.existingVirtualNetworkName === undefined),
      SPOKE_VNET_SOURCE,
      props.existingVirtualNetworkId === undefined ? 'existingVirtualNetworkId' : 'existingVirtualNetworkName',
      undefined,
      'an existing spoke network needs both its id and its name',
      'give `existingVirtualNetworkId` and `existingVirtualNetworkName`, or neither for a new network',
    );
    const newOnly = (['name', 'subnets', 'dnsServers', 'location'] as const).find((p) => props[p] !== undefined);
    problems.check(
      existing && newOnly !== undefined,
      SPOKE_VNET_SOURCE,
      newOnly ?? '',
      newOnly ? props[newOnly] : undefined,
      `\`${newOnly}\` applies to a new spoke network, and this one exists`,
      `leave \`${newOnly}\` out, or leave the existing network's id and name out to create one`,
    );
    problems.check(
      hasGateway && this.useRemoteGateways,
      SPOKE_REMOTE_GATEWAYS,
      'useRemoteGateways',
      true,
      'the spoke has its own gateway, and Azure refuses use_remote_gateways on a network with a gateway',
      'set `useRemoteGateways: false`, or remove the spoke\'s gateway and use the hub\'s',
    );
    problems.check(props.addressSpace.length === 0, NET_CIDR_INVALID, 'addressSpace', props.addressSpace, 'the address space is empty', "give at least one prefix, e.g. ['10.1.0.0/16']");
    checkCidrs(problems, 'addressSpace', props.addressSpace);
    const subnets = props.subnets ?? {};
    for (const [name, prefix] of Object.entries(subnets)) {
      checkName(problems, 'subnet', `subnets.${name}`, name);
      checkCidrs(problems, `subnets.${name}`, [prefix]);
    }
    problems.throwIfAny();

    const spaces = props.addressSpace.filter((c) => !Token.isUnresolved(c)).map((c) => parseCidr(c)!);
    const placed: { name: string; cidr: string }[] = [];
    for (const [name, prefix] of Object.entries(subnets)) {
      const range = parseCidr(prefix);
      if (!range) continue;
      problems.check(
        spaces.length > 0 && !spaces.some((s) => cidrContains(s, range)),
        NET_SUBNET_OUTSIDE,
        `subnets.${name}`,
        prefix,
        `${prefix} is not inside the spoke's address space ${props.addressSpace.join(', ')}`,
        'pick a prefix inside the address space',
      );
      const clash = placed.find((p) => cidrOverlaps(parseCidr(p.cidr)!, range));
      problems.check(clash !== undefined, NET_SUBNET_OVERLAP, `subnets.${name}`, prefix, clash ? `${prefix} (${name}) overlaps ${clash.cidr} (${clash.name})` : '', 'give each subnet its own range');
      placed.push({ name, cidr: prefix });
    }
    if (this.useRemoteGateways && props.existingVirtualNetworkId !== undefined && !Token.isUnresolved(props.existingVirtualNetworkId)) {
      const stack = TerraformStack.of(this);
      const users = REMOTE_GATEWAY_USERS.get(stack) ?? new Set<string>();
      REMOTE_GATEWAY_USERS.set(stack, users);
      const key = props.existingVirtualNetworkId.toLowerCase();
      problems.check(
        users.has(key),
        SPOKE_REMOTE_GATEWAYS,
        'existingVirtualNetworkId',
        props.existingVirtualNetworkId,
        'this network already uses remote gateways on another peering; Azure allows it on one peering only',
        'set `useRemoteGateways: false` on all but one peering of the network',
      );
      users.add(key);
    }
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'addressSpace', props.addressSpace, `spoke ${this.node.path} address space`);
    problems.throwIfAny();

    if (existing) {
      this.virtualNetworkId = props.existingVirtualNetworkId!;
      this.virtualNetworkName = props.existingVirtualNetworkName!;
    } else {
      this.virtualNetwork = new VirtualNetwork(this, 'Resource', {
        name: props.name ?? generateName(this, 'virtualNetwork'),
        resourceGroupName,
        location: props.location ?? props.hub.location,
        addressSpace: props.addressSpace,
        dnsServers: props.dnsServers,
      });
      this.virtualNetworkId = this.virtualNetwork.id;
      this.virtualNetworkName = this.virtualNetwork.name;
      for (const [name, prefix] of Object.entries(subnets)) {
        this.subnets[name] = new Subnet(this, `Subnet${name}`, {
          name,
          resourceGroupName,
          virtualNetworkName: this.virtualNetwork.name,
          addressPrefixes: [prefix],
        });
      }
    }

    const forwarded = props.allowForwardedTraffic ?? SPOKE_ALLOW_FORWARDED_TRAFFIC;
    this.hubToSpoke = new VirtualNetworkPeering(this, 'HubToSpoke', {
      name: generateName(this, 'virtualNetworkPeering', 'hub-to-spoke'),
      resourceGroupName: props.hub.resourceGroupName,
      virtualNetworkName: props.hub.virtualNetworkName,
      remoteVirtualNetworkId: this.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: forwarded,
      allowGatewayTransit: this.useRemoteGateways,
    });
    this.spokeToHub = new VirtualNetworkPeering(this, 'SpokeToHub', {
      name: generateName(this, 'virtualNetworkPeering', 'spoke-to-hub'),
      resourceGroupName,
      virtualNetworkName: this.virtualNetworkName,
      remoteVirtualNetworkId: props.hub.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: forwarded,
      useRemoteGateways: this.useRemoteGateways,
      // B7: Azure refuses use_remote_gateways until the hub side allows gateway transit, and
      // Terraform creates both peerings in parallel without this edge ("RemotePeeringIsNotAllowed
      // GatewayTransit" on the first apply). Source: hashicorp/terraform-provider-azurerm v4.55.0
      // website/docs/r/virtual_network_peering.html.markdown (use_remote_gateways: "allow_gateway_transit
      // must be set to true on the remote peering") and MicrosoftDocs/azure-docs
      // virtual-network/virtual-network-peering-overview.md (gateway transit).
      dependsOn: this.useRemoteGateways ? [this.hubToSpoke] : undefined,
    });

    // Gateways may be added to the hub after the spoke: the order is fixed at synth.
    Aspects.of(this).add(new PeeringAfterGateways(this));
    reportAtSynth(this, SPOKE_NO_HUB_GATEWAY, () => this.missingHubGateway());
    Runbook.of(this).addSection(new LazySection(`Spoke ${this.node.path}`, () => this.renderHandoff()));
  }

  /** The gateways (VPN, ExpressRoute) in the hub's `GatewaySubnet` in this stack. */
  public hubGateways(): VirtualNetworkGateway[] {
    const stack = TerraformStack.of(this);
    const subnet = resolveExpression(stack, this.hub.gatewaySubnetId);
    return stack.node.findAll().filter((node): node is VirtualNetworkGateway => {
      if (!(node instanceof VirtualNetworkGateway)) return false;
      const configs = resolveExpression(stack, node.ipConfigurationInput);
      return Array.isArray(configs) && configs.some((c: any) => c?.subnet_id === subnet || c?.subnetId === subnet);
    });
  }

  /** A spoke that uses remote gateways needs one in a GatewaySubnet this stack creates. */
  private missingHubGateway() {
    if (!this.useRemoteGateways || !this.hub.managesGatewaySubnet || this.hubGateways().length > 0) return undefined;
    return {
      prop: 'useRemoteGateways',
      value: true,
      detail: `hub ${this.hub.node.path} has no gateway in its GatewaySubnet, so Azure refuses the peering`,
      fix: 'add a VpnGateway, ExpressRouteGateway or HybridConnectivity to the hub, or set `useRemoteGateways: false`',
    };
  }

  private renderHandoff(): string {
    return [
      `- Address space ${this.addressSpace.map((c) => `\`${c}\``).join(', ')}: on-premises routers must route it to Azure${this.useRemoteGateways ? ' (the hub gateways advertise it over BGP)' : ''}.`,
      this.useRemoteGateways
        ? '- Uses the hub\'s gateways (gateway transit). If on-premises uses static routes on a VPN site, add this range there too.'
        : '- Does not use the hub\'s gateways: on-premises traffic does not reach this spoke through the hub.',
    ].join('\n');
  }
}

/** Makes both peerings of a spoke depend on every gateway in the hub's GatewaySubnet. */
class PeeringAfterGateways implements IAspect {
  private done = false;

  constructor(private readonly spoke: SpokePeering) {}

  public visit(node: IConstruct): void {
    if (this.done || node !== this.spoke) return;
    this.done = true;
    for (const gateway of this.spoke.hubGateways()) {
      for (const peering of [this.spoke.hubToSpoke, this.spoke.spokeToHub]) {
        const fqn = dependable(gateway);
        const current = peering.dependsOn ?? [];
        if (!current.includes(fqn)) peering.dependsOn = [...current, fqn];
      }
    }
  }
}
