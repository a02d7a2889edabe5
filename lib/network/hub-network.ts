import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { registerHubDnsServers } from './hub-dns';
import { GATEWAY_SUBNET_MAX_PREFIX_LENGTH, GATEWAY_SUBNET_PREFIX_LENGTH, SUBNET_PREFIX_LENGTH } from './defaults';
import { renderAddressPlan } from './handoff/hub-network';
import { GATEWAY_SUBNET_NAME, HubNetworkBase, IHubNetwork, SubnetOptions } from './hub-network-base';
import { NET_GWSUBNET_NAME, NET_GWSUBNET_NSG, NET_GWSUBNET_SIZE } from './rules';
import { SpokeOptions, SpokePeering } from './spoke';
import { AddressPlan } from '../core/address-plan';
import { cidrOverlaps, literalRanges, parseCidr } from '../core/cidr';
import { checkCidrs, checkVirtualNetworkSpace } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { checkFinalBody } from '../core/report';
import { NET_ADDRESS_OVERLAP, NET_CIDR_INVALID, NET_SUBNET_DUPLICATE } from '../core/rules';

export * from './hub-network-base';
export * from './on-premises-network';
export * from './point-to-site';
export * from './hub-mesh';
/** @deprecated moved to lib/core/cidr-checks.ts; kept so that callers migrate at their pace. */
export { checkCidrs } from '../core/cidr-checks';

/** Attributes of an existing hub network, for `HubNetwork.fromHubNetworkAttributes`. */
export interface HubNetworkAttributes {
  /**
   * The network's resource id. For a hub of this App in another stack pass its
   * `virtualNetworkId`: the import then shares the hub's ranges in the address plan (no overlap
   * with itself), and everything else is still checked against them.
   */
  readonly virtualNetworkId: string;
  readonly virtualNetworkName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Resource id of the existing `GatewaySubnet` (must end in `/subnets/GatewaySubnet`). */
  readonly gatewaySubnetId: string;
  /** The virtual network's address space. */
  readonly addressSpace: string[];
  /**
   * Existing subnets by name to resource id, for `subnetId(name)` (private endpoints, Route Server).
   * @default - none
   */
  readonly subnetIds?: { [name: string]: string };
  /**
   * Prefixes already used in the virtual network (GatewaySubnet and every existing subnet), so
   * that `addSubnet` carves around them.
   * @default - none: carving starts at the beginning of the address space
   */
  readonly usedPrefixes?: string[];
  /**
   * Whether the existing `GatewaySubnet` already holds a VPN or ExpressRoute gateway (spokes
   * that use remote gateways need one). A gateway this app places in the hub counts too. A literal.
   * @default false
   */
  readonly hasGateway?: boolean;
}

/** Props of `HubNetwork`. */
export interface HubNetworkProps {
  /** Resource group to create the network in. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /**
   * Address space of the virtual network, e.g. `['10.0.0.0/16']`. Literal prefixes are checked
   * and carved from; a Terraform expression passes through (then give every subnet's `addressPrefix`).
   */
  readonly addressSpace: string[];
  /**
   * Virtual network name.
   * @default - generated: `vnet-<construct path>`
   */
  readonly name?: string;
  /**
   * Prefix of `GatewaySubnet`, /27 or larger.
   * @default - the first free /26 (`gatewaySubnetPrefixLength`) of the address space
   */
  readonly gatewaySubnetPrefix?: string;
  /**
   * Size of `GatewaySubnet` when it is carved: 27 or smaller (a larger subnet). A literal: it decides the carving at synth.
   * @default 26
   */
  readonly gatewaySubnetPrefixLength?: number;
  /**
   * Further subnets by name, created with the network.
   * @default - none
   */
  readonly subnets?: { [name: string]: SubnetOptions };
  /**
   * Custom DNS servers (on-premises domain controllers, a DNS resolver).
   * @default - Azure-provided DNS
   */
  readonly dnsServers?: string[];
}

const GATEWAY_SUBNET_ID = /\/subnets\/GatewaySubnet$/;

/**
 * The hub networks of each App by their `virtualNetworkId`, to the network their address space
 * is claimed for in the address plan: an import of a hub this App creates (the two-stack
 * pattern, `virtualNetworkId: hub.virtualNetworkId`) claims the same ranges for the same network,
 * which is no overlap.
 */
const HUB_NETWORKS = new WeakMap<IConstruct, Map<string, string>>();

function hubNetworksOf(scope: IConstruct): Map<string, string> {
  const root = scope.node.root;
  let byId = HUB_NETWORKS.get(root);
  if (!byId) HUB_NETWORKS.set(root, (byId = new Map()));
  return byId;
}

/** The address-plan network of hub `hub`: its own ranges, however many constructs refer to it. */
function hubNetworkKey(hub: IConstruct): string {
  return `hub network ${hub.node.path}`;
}

/** An existing hub virtual network: subnets are added to it as `azurerm_subnet` resources. */
class ImportedHubNetwork extends HubNetworkBase {
  public readonly virtualNetworkId: string;
  public readonly virtualNetworkName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly gatewaySubnetId: string;
  public readonly addressSpace: string[];
  public readonly managesGatewaySubnet = false;
  private readonly subnetIds: { [name: string]: string };
  private readonly existingGateway: boolean;

  constructor(scope: Construct, id: string, attrs: HubNetworkAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    // Every problem of the attributes at once: each check reads only a value of the right kind.
    const given: Partial<HubNetworkAttributes> = attrs ?? {};
    for (const p of ['virtualNetworkId', 'virtualNetworkName', 'resourceGroupName', 'location', 'gatewaySubnetId'] as const) problems.required(p, given[p], 'string');
    const spaceOk = !problems.required('addressSpace', given.addressSpace, 'array');
    const usedOk = !problems.type('usedPrefixes', given.usedPrefixes, 'array');
    problems.region('location', given.location);
    problems.resourceId(NET_GWSUBNET_NAME, 'gatewaySubnetId', given.gatewaySubnetId, 'subnet');
    problems.check(
      typeof given.gatewaySubnetId === 'string' && !Token.isUnresolved(given.gatewaySubnetId) && !GATEWAY_SUBNET_ID.test(given.gatewaySubnetId),
      NET_GWSUBNET_NAME,
      'gatewaySubnetId',
      given.gatewaySubnetId,
      'a virtual network gateway goes only into the subnet named exactly GatewaySubnet',
      'give the id of the hub\'s GatewaySubnet (`.../subnets/GatewaySubnet`)',
    );
    if (spaceOk) checkCidrs(problems, 'addressSpace', attrs.addressSpace);
    if (usedOk) checkCidrs(problems, 'usedPrefixes', given.usedPrefixes ?? []);
    problems.literal('hasGateway', given.hasGateway, 'it decides at synth whether spokes may use the remote gateways');
    // The same network as a hub of this App when its id is that hub's (no overlap with itself).
    const network = Token.isUnresolved(given.virtualNetworkId) ? hubNetworksOf(this).get(given.virtualNetworkId!) : undefined;
    if (spaceOk) AddressPlan.of(this).claim(problems, 'addressSpace', attrs.addressSpace, `hub ${this.node.path} address space`, network);
    problems.throwIfAny();
    this.virtualNetworkId = attrs.virtualNetworkId;
    this.virtualNetworkName = attrs.virtualNetworkName;
    this.resourceGroupName = attrs.resourceGroupName;
    this.location = attrs.location;
    this.gatewaySubnetId = attrs.gatewaySubnetId;
    this.addressSpace = [...attrs.addressSpace];
    this.subnetIds = { ...(attrs.subnetIds ?? {}) };
    this.existingGateway = attrs.hasGateway ?? false;
    this._useAddressSpace(this.addressSpace);
    for (const prefix of attrs.usedPrefixes ?? []) {
      const range = parseCidr(prefix);
      if (range) this._used.push({ name: '(existing)', range });
    }
  }

  public get hasGateway(): boolean {
    return this.existingGateway || super.hasGateway;
  }

  public subnetId(name: string): string | undefined {
    return super.subnetId(name) ?? this.subnetIds[name];
  }

  /** @internal */
  protected _checkSubnetName(problems: ProblemCollector, prop: string, name: string): void {
    super._checkSubnetName(problems, prop, name);
    problems.check(this.subnetIds[name] !== undefined, NET_SUBNET_DUPLICATE, prop, name, `the existing network already has a subnet ${name}`, 'pick another name, or use `subnetId(name)` for the existing one');
  }
}

/**
 * The hub of a hybrid network: a virtual network with a `GatewaySubnet` sized for VPN and
 * ExpressRoute gateways (/26 by default, never smaller than /27, never with an NSG) and further
 * subnets, every one inside the address space and none overlapping.
 */
export class HubNetwork extends HubNetworkBase {
  /**
   * Refers to an existing hub virtual network. `addSubnet` creates subnets in it (carving
   * around `usedPrefixes`); `subnetId(name)` finds the ones listed in `subnetIds`.
   */
  public static fromHubNetworkAttributes(scope: Construct, id: string, attrs: HubNetworkAttributes): IHubNetwork {
    return new ImportedHubNetwork(scope, id, attrs);
  }

  /** The virtual network (escape hatch). */
  public readonly virtualNetwork: VirtualNetwork;
  /** The `GatewaySubnet` (escape hatch). */
  public readonly gatewaySubnet: Subnet;
  public readonly virtualNetworkId: string;
  public readonly virtualNetworkName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly gatewaySubnetId: string;
  public readonly addressSpace: string[];
  public readonly managesGatewaySubnet = true;
  /** Prefix of `GatewaySubnet` (given or carved). */
  public readonly gatewaySubnetPrefix: string;

  constructor(scope: Construct, id: string, props: HubNetworkProps) {
    super(scope, id);
    const prefixes = this.checkProps(props);
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    this.addressSpace = [...props.addressSpace];
    this.virtualNetwork = new VirtualNetwork(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualNetwork'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      addressSpace: props.addressSpace,
      dnsServers: props.dnsServers,
    });
    this.virtualNetworkId = this.virtualNetwork.id;
    hubNetworksOf(this).set(this.virtualNetworkId, hubNetworkKey(this));
    if (props.dnsServers && props.dnsServers.length > 0) registerHubDnsServers(this, props.dnsServers);
    this.virtualNetworkName = this.virtualNetwork.name;
    this.gatewaySubnetPrefix = prefixes.get(GATEWAY_SUBNET_NAME)!;

    // GatewaySubnet: never an NSG, never delegated (Azure refuses both for gateways).
    this.gatewaySubnet = new Subnet(this, GATEWAY_SUBNET_NAME, {
      name: GATEWAY_SUBNET_NAME,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [this.gatewaySubnetPrefix],
    });
    this.gatewaySubnetId = this.gatewaySubnet.id;
    this._subnetsByName.set(GATEWAY_SUBNET_NAME, this.gatewaySubnet);
    // Every prefix is placed by checkProps: creating the subnets records no problem.
    const problems = new ProblemCollector(this);
    for (const [name, options] of Object.entries(props.subnets ?? {})) this._createSubnet(problems, `subnets.${name}`, name, { ...options, addressPrefix: prefixes.get(name) });
    problems.throwIfAny();

    checkFinalBody(this, this.virtualNetwork, [NET_GWSUBNET_NSG]);
    Runbook.of(this).addSection(new LazySection(`Address plan of ${this.node.path}`, () => renderAddressPlan(this.addressSpace, this.subnetPrefixes())));
  }

  /**
   * Adds a spoke (a new virtual network, or an existing one by id and name) peered both ways:
   * gateway transit on the hub side, the hub's gateways used on the spoke side, both peerings
   * created after the hub's gateways. Its address space must not overlap the hub, other spokes or
   * on-premises sites.
   */
  public addSpoke(id: string, options: SpokeOptions): SpokePeering {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, id, 'id', id);
    problems.throwIfAny();
    return new SpokePeering(this, id, { ...options, hub: this });
  }

  /**
   * Checks the props, claims the address space and places every subnet: GatewaySubnet and the
   * explicit prefixes first, so that carved subnets fit around them. Returns the prefix of each
   * subnet by name (GatewaySubnet included). Every problem of the props is reported in one
   * ValidationError, each check reading only values of the right kind. One check waits for
   * another: subnets are carved (NET-SUBNET-NO-SPACE, PROP-LITERAL on an expression) only from a
   * valid address space, as a range dropped as invalid would leave too little room.
   */
  private checkProps(props: HubNetworkProps): Map<string, string> {
    const problems = new ProblemCollector(this);
    // JavaScript callers may pass nothing at all.
    const given: Partial<HubNetworkProps> = props ?? {};
    problems.required('resourceGroupName', given.resourceGroupName, 'string');
    problems.required('location', given.location, 'string');
    problems.region('location', given.location);
    checkName(problems, 'virtualNetwork', 'name', given.name);

    // The address space: carving and the outside check read it only when it is valid.
    const space = given.addressSpace;
    let spaceValid = false;
    if (!problems.required('addressSpace', space, 'array')) {
      const empty = problems.check(space!.length === 0, NET_CIDR_INVALID, 'addressSpace', space, 'the address space is empty', "give at least one prefix, e.g. ['10.0.0.0/16']");
      spaceValid = checkCidrs(problems, 'addressSpace', space!) && !empty;
      const ranges = literalRanges(space!);
      for (let i = 0; i < ranges.length; i++) {
        for (let j = i + 1; j < ranges.length; j++) {
          problems.check(cidrOverlaps(ranges[i], ranges[j]), NET_ADDRESS_OVERLAP, 'addressSpace', ranges[j].cidr, `${ranges[j].cidr} overlaps ${ranges[i].cidr} of the same address space`, 'list each range once');
        }
      }
      AddressPlan.of(this).claim(problems, 'addressSpace', space!, `hub ${this.node.path} address space`, hubNetworkKey(this));
      if (spaceValid) this._useAddressSpace(space!);
    }
    checkVirtualNetworkSpace(problems, 'addressSpace', Array.isArray(space) ? space : [], 'dnsServers', given.dnsServers);

    // GatewaySubnet's size (a length given as an expression is PROP-LITERAL, not sized).
    const gatewayLength = given.gatewaySubnetPrefixLength ?? GATEWAY_SUBNET_PREFIX_LENGTH;
    const lengthLiteral = !problems.literal('gatewaySubnetPrefixLength', given.gatewaySubnetPrefixLength, 'it decides which block GatewaySubnet is carved from');
    const gatewaySized =
      given.gatewaySubnetPrefix !== undefined
        ? !this.checkGatewaySize(problems, 'gatewaySubnetPrefix', given.gatewaySubnetPrefix, Token.isUnresolved(given.gatewaySubnetPrefix) ? undefined : parseCidr(given.gatewaySubnetPrefix)?.prefixLength)
        : lengthLiteral && !this.checkGatewaySize(problems, 'gatewaySubnetPrefixLength', gatewayLength, gatewayLength);

    // Subnet names, then the explicit prefixes (syntax, inside the space, no overlap).
    const subnets: [string, SubnetOptions][] = [];
    const refusedNames = new Set<string>(); // not carved: a block for a subnet that cannot exist would only crowd the others
    if (!problems.type('subnets', given.subnets, 'object')) {
      for (const [name, options] of Object.entries(given.subnets ?? {})) {
        const before = problems.count;
        this._checkSubnetName(problems, `subnets.${name}`, name);
        if (problems.count > before) refusedNames.add(name);
        if (!problems.type(`subnets.${name}`, options, 'object')) subnets.push([name, options]);
      }
    }
    if (given.gatewaySubnetPrefix !== undefined) this._claimPrefix(problems, 'gatewaySubnetPrefix', GATEWAY_SUBNET_NAME, given.gatewaySubnetPrefix);
    for (const [name, options] of subnets) {
      if (options.addressPrefix !== undefined) this._claimPrefix(problems, `subnets.${name}.addressPrefix`, name, options.addressPrefix);
    }

    // Carving: GatewaySubnet first, then the subnets without a prefix in order.
    const prefixes = new Map<string, string>();
    if (spaceValid) {
      const carveGateway = () => (gatewaySized ? this._carve(problems, 'gatewaySubnetPrefixLength', 'gatewaySubnetPrefix', GATEWAY_SUBNET_NAME, gatewayLength) : '');
      prefixes.set(GATEWAY_SUBNET_NAME, given.gatewaySubnetPrefix ?? carveGateway());
      for (const [name, options] of subnets) {
        if (refusedNames.has(name)) continue;
        const prop = `subnets.${name}`;
        prefixes.set(name, options.addressPrefix ?? this._carve(problems, `${prop}.prefixLength`, `${prop}.addressPrefix`, name, options.prefixLength ?? SUBNET_PREFIX_LENGTH));
      }
    }
    problems.throwIfAny();
    return prefixes;
  }

  /** Records NET-GWSUBNET-SIZE when GatewaySubnet is smaller than /27; true when it did. */
  private checkGatewaySize(problems: ProblemCollector, prop: string, value: unknown, prefixLength: number | undefined): boolean {
    if (prefixLength === undefined) return false; // syntax is reported by claimPrefix
    return problems.check(
      !Number.isInteger(prefixLength) || prefixLength > GATEWAY_SUBNET_MAX_PREFIX_LENGTH || prefixLength < 8,
      NET_GWSUBNET_SIZE,
      prop,
      value,
      `GatewaySubnet must be /${GATEWAY_SUBNET_MAX_PREFIX_LENGTH} or larger; a /${prefixLength} is too small for active-active gateways and ExpressRoute coexistence`,
      `use a /${GATEWAY_SUBNET_PREFIX_LENGTH} (recommended) or /${GATEWAY_SUBNET_MAX_PREFIX_LENGTH}`,
    );
  }
}
