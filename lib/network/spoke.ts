import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { dependable, ITerraformDependable, Lazy, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { SPOKE_ALLOW_FORWARDED_TRAFFIC } from './defaults';
import type { IHubNetwork } from './hub-network-base';
import { checkCidrs, checkVirtualNetworkSpace } from '../core/cidr-checks';
import { AddressPlan } from '../core/address-plan';
import { cidrContains, cidrOverlaps, literalRanges, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { Finding, reportAtSynth } from '../core/report';
import { renderSpokeHandoff } from './handoff/spoke';
import { SPOKE_NO_HUB_GATEWAY, SPOKE_REMOTE_GATEWAYS, SPOKE_VNET_SOURCE } from './rules';
import { NET_CIDR_INVALID, NET_SUBNET_OUTSIDE, NET_SUBNET_OVERLAP } from '../core/rules';
import { sameStackDependencies } from '../core/dependencies';

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

/** What the checks decided, for the build. */
interface SpokeConfig {
  readonly existing: boolean;
  readonly resourceGroupName: string;
  readonly useRemoteGateways: boolean;
  readonly allowForwardedTraffic: boolean;
}

/**
 * A spoke virtual network (new or existing) peered with the hub in both directions: the hub side
 * allows gateway transit, the spoke side uses the hub's gateways. Both peerings are created after
 * the gateways placed in the hub (`IHubNetwork.gatewayDependables`, those of the spoke's stack),
 * and the spoke-to-hub peering after the hub-to-spoke one.
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
    // Resolve: every check, then the address plan.
    const config = this.resolve(props);
    this.hub = props.hub;
    this.addressSpace = [...props.addressSpace];
    this.useRemoteGateways = config.useRemoteGateways;

    // Build.
    if (config.existing) {
      this.virtualNetworkId = props.existingVirtualNetworkId!;
      this.virtualNetworkName = props.existingVirtualNetworkName!;
    } else {
      this.virtualNetwork = this.createNetwork(props, config.resourceGroupName);
      this.virtualNetworkId = this.virtualNetwork.id;
      this.virtualNetworkName = this.virtualNetwork.name;
    }
    this.hubToSpoke = this.createPeering('HubToSpoke', 'hub-to-spoke', this.hub.resourceGroupName, this.hub.virtualNetworkName, this.virtualNetworkId, config, { allowGatewayTransit: this.useRemoteGateways });
    // B7: Azure refuses use_remote_gateways until the hub side allows gateway transit, and
    // Terraform creates both peerings in parallel without this edge ("RemotePeeringIsNotAllowed
    // GatewayTransit" on the first apply). Source: hashicorp/terraform-provider-azurerm v4.55.0
    // website/docs/r/virtual_network_peering.html.markdown (use_remote_gateways: "allow_gateway_transit
    // must be set to true on the remote peering") and MicrosoftDocs/azure-docs
    // virtual-network/virtual-network-peering-overview.md (gateway transit).
    this.spokeToHub = this.createPeering('SpokeToHub', 'spoke-to-hub', config.resourceGroupName, this.virtualNetworkName, this.hub.virtualNetworkId, config, { useRemoteGateways: this.useRemoteGateways }, this.useRemoteGateways ? this.hubToSpoke : undefined);

    // Hand off.
    reportAtSynth(this, SPOKE_NO_HUB_GATEWAY, () => this.missingHubGateway());
    Runbook.of(this).addSection(new LazySection(`Spoke ${this.node.path}`, () => renderSpokeHandoff(this.addressSpace, this.useRemoteGateways)));
  }

  /** Every check on the props (one error), then the spoke's claim on the address plan. */
  private resolve(props: SpokePeeringProps): SpokeConfig {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.required('addressSpace', props?.addressSpace, 'array');
    problems.type('subnets', props?.subnets, 'object');
    problems.throwIfAny();
    const hasGateway = props.spokeHasGateway ?? false;
    const config: SpokeConfig = {
      existing: props.existingVirtualNetworkId !== undefined || props.existingVirtualNetworkName !== undefined,
      resourceGroupName: props.resourceGroupName ?? props.hub.resourceGroupName,
      useRemoteGateways: props.useRemoteGateways ?? !hasGateway,
      allowForwardedTraffic: props.allowForwardedTraffic ?? SPOKE_ALLOW_FORWARDED_TRAFFIC,
    };
    problems.literal('useRemoteGateways', props.useRemoteGateways, 'it decides the peerings\' settings and their order');
    problems.literal('spokeHasGateway', props.spokeHasGateway, 'it decides whether the spoke may use the remote gateways');
    checkSpokeSource(problems, props, config.existing);
    problems.region('location', props.location);
    problems.check(hasGateway && config.useRemoteGateways, SPOKE_REMOTE_GATEWAYS, 'useRemoteGateways', true, 'the spoke has its own gateway, and Azure refuses use_remote_gateways on a network with a gateway', 'set `useRemoteGateways: false`, or remove the spoke\'s gateway and use the hub\'s');
    problems.check(props.addressSpace.length === 0, NET_CIDR_INVALID, 'addressSpace', props.addressSpace, 'the address space is empty', "give at least one prefix, e.g. ['10.1.0.0/16']");
    checkCidrs(problems, 'addressSpace', props.addressSpace);
    // A new spoke network: Azure's refused ranges and its DNS servers (an existing one is Azure's already).
    if (!config.existing) checkVirtualNetworkSpace(problems, 'addressSpace', props.addressSpace, 'dnsServers', props.dnsServers);
    for (const [name, prefix] of Object.entries(props.subnets ?? {})) {
      checkName(problems, 'subnet', `subnets.${name}`, name);
      checkCidrs(problems, `subnets.${name}`, [prefix]);
    }
    problems.throwIfAny();
    checkSpokeSubnets(problems, props.addressSpace, props.subnets ?? {});
    if (config.useRemoteGateways) this.claimRemoteGateways(problems, props.existingVirtualNetworkId);
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'addressSpace', props.addressSpace, `spoke ${this.node.path} address space`);
    problems.throwIfAny();
    return config;
  }

  /** Azure allows use_remote_gateways on one peering of a virtual network only. */
  private claimRemoteGateways(problems: ProblemCollector, networkId: string | undefined): void {
    if (networkId === undefined || Token.isUnresolved(networkId)) return;
    const stack = TerraformStack.of(this);
    const users = REMOTE_GATEWAY_USERS.get(stack) ?? new Set<string>();
    REMOTE_GATEWAY_USERS.set(stack, users);
    const key = networkId.toLowerCase();
    problems.check(users.has(key), SPOKE_REMOTE_GATEWAYS, 'existingVirtualNetworkId', networkId, 'this network already uses remote gateways on another peering; Azure allows it on one peering only', 'set `useRemoteGateways: false` on all but one peering of the network');
    users.add(key);
  }

  private createNetwork(props: SpokePeeringProps, resourceGroupName: string): VirtualNetwork {
    const network = new VirtualNetwork(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualNetwork'),
      resourceGroupName,
      location: props.location ?? props.hub.location,
      addressSpace: props.addressSpace,
      dnsServers: props.dnsServers,
    });
    for (const [name, prefix] of Object.entries(props.subnets ?? {})) {
      // No implicit internet egress (NET-DEFAULT-OUTBOUND): spokes leave through the hub firewall or a NAT gateway.
      this.subnets[name] = new Subnet(this, `Subnet${name}`, { name, resourceGroupName, virtualNetworkName: network.name, addressPrefixes: [prefix], defaultOutboundAccessEnabled: false });
    }
    return network;
  }

  /**
   * One direction of the peering. It waits for `after` (if any) and for the hub's gateways of
   * this stack, read when the stack is synthesized: a gateway may be placed after the spoke.
   */
  private createPeering(id: string, direction: string, resourceGroupName: string, virtualNetworkName: string, remoteVirtualNetworkId: string, config: SpokeConfig, gatewayFlags: { allowGatewayTransit?: boolean; useRemoteGateways?: boolean }, after?: ITerraformDependable): VirtualNetworkPeering {
    const peering = new VirtualNetworkPeering(this, id, {
      name: generateName(this, 'virtualNetworkPeering', direction),
      resourceGroupName,
      virtualNetworkName,
      remoteVirtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: config.allowForwardedTraffic,
      ...gatewayFlags,
    });
    const dependencies = (): string[] => [
      ...(after ? [after] : []),
      // A gateway of another stack is ordered by the stacks' dependency (the spoke references the hub).
      ...sameStackDependencies(this, this.hub.gatewayDependables),
    ].map((d) => dependable(d));
    // Resolved many times per synth (every rule and aspect reads the body): computed again only
    // when a gateway was placed in the hub since the last time.
    let cache: { gateways: number; list: string[] | undefined } | undefined;
    peering.dependsOn = Lazy.listValue({
      produce: () => {
        const gateways = this.hub.gatewayDependables.length;
        if (cache?.gateways !== gateways) {
          const list = dependencies();
          cache = { gateways, list: list.length > 0 ? list : undefined };
        }
        return cache.list;
      },
    });
    return peering;
  }

  /** A spoke that uses remote gateways needs a gateway in the hub (placed by this app, or an imported hub's `hasGateway`). */
  private missingHubGateway(): Finding | undefined {
    if (!this.useRemoteGateways || this.hub.hasGateway) return undefined;
    return {
      prop: 'useRemoteGateways',
      value: true,
      detail: `hub ${this.hub.node.path} has no gateway in its GatewaySubnet, so Azure refuses the peering`,
      fix: 'add a VpnGateway, ExpressRouteGateway or HybridConnectivity to the hub (for an imported hub with a gateway, set `hasGateway: true`), or set `useRemoteGateways: false`',
    };
  }
}

/** A spoke is a new network or an existing one by both id and name; new-network props do not apply to an existing one. */
function checkSpokeSource(problems: ProblemCollector, props: SpokeOptions, existing: boolean): void {
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
  if (!existing) checkName(problems, 'virtualNetwork', 'name', props.name);
}

/** Every subnet of a new spoke lies inside its address space, and no two overlap. */
function checkSpokeSubnets(problems: ProblemCollector, addressSpace: string[], subnets: { [name: string]: string }): void {
  const spaces = literalRanges(addressSpace);
  const placed: { name: string; cidr: string }[] = [];
  for (const [name, prefix] of Object.entries(subnets)) {
    const range = parseCidr(prefix);
    if (!range) continue;
    problems.check(
      spaces.length > 0 && !spaces.some((s) => cidrContains(s, range)),
      NET_SUBNET_OUTSIDE,
      `subnets.${name}`,
      prefix,
      `${prefix} is not inside the spoke's address space ${addressSpace.join(', ')}`,
      'pick a prefix inside the address space',
    );
    const clash = placed.find((p) => cidrOverlaps(parseCidr(p.cidr)!, range));
    problems.check(clash !== undefined, NET_SUBNET_OVERLAP, `subnets.${name}`, prefix, clash ? `${prefix} (${name}) overlaps ${clash.cidr} (${clash.name})` : '', 'give each subnet its own range');
    placed.push({ name, cidr: prefix });
  }
}
