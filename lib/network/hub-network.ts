import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GATEWAY_SUBNET_MAX_PREFIX_LENGTH, GATEWAY_SUBNET_PREFIX_LENGTH, SUBNET_PREFIX_LENGTH } from './defaults';
import { SpokeOptions, SpokePeering } from './spoke';
import { AddressPlan } from '../core/address-plan';
import { CidrRange, carveNextFree, networkAddress, cidrContains, cidrOverlaps, isNetworkCidr, parseCidr } from '../core/cidr';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { resolveExpression } from '../core/tokens';
import { NET_ADDRESS_OVERLAP, NET_CIDR_INVALID, NET_SUBNET_DUPLICATE, NET_SUBNET_NO_SPACE, NET_SUBNET_OUTSIDE, NET_SUBNET_OVERLAP } from '../core/rules';
import { NET_GWSUBNET_RESERVED, NET_GWSUBNET_SIZE } from './rules';

export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';

/**
 * A hub virtual network that gateways can be placed in: a new `HubNetwork` or an existing one.
 */
export interface IHubNetwork extends IConstruct {
  /** Resource id of the virtual network. */
  readonly virtualNetworkId: string;
  /** Name of the virtual network. */
  readonly virtualNetworkName: string;
  /** Resource group of the virtual network. */
  readonly resourceGroupName: string;
  /** Azure region of the virtual network. */
  readonly location: string;
  /** Resource id of its `GatewaySubnet`. */
  readonly gatewaySubnetId: string;
  /** Address space of the virtual network (used to check that on-premises sites do not overlap). */
  readonly addressSpace: string[];
}

/** Attributes of an existing hub network, for `HubNetwork.fromHubNetworkAttributes`. */
export interface HubNetworkAttributes {
  readonly virtualNetworkId: string;
  readonly virtualNetworkName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Resource id of the existing `GatewaySubnet`. */
  readonly gatewaySubnetId: string;
  /** The virtual network's address space. */
  readonly addressSpace: string[];
}

/** A further subnet of the hub. */
export interface SubnetOptions {
  /**
   * The subnet's prefix, inside the hub's address space.
   * @default - the next free block of `prefixLength` in the address space
   */
  readonly addressPrefix?: string;
  /**
   * Size of the subnet to carve when `addressPrefix` is not given.
   * @default 24
   */
  readonly prefixLength?: number;
  /**
   * Network security group to associate with the subnet.
   * @default - none
   */
  readonly networkSecurityGroupId?: string;
  /**
   * Service endpoints, e.g. `Microsoft.Storage`.
   * @default - none
   */
  readonly serviceEndpoints?: string[];
}

/** Props of `HubNetwork`. */
export interface HubNetworkProps {
  /** Resource group to create the network in. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Address space of the virtual network, e.g. `['10.0.0.0/16']`. */
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
   * Size of `GatewaySubnet` when it is carved: 27 or smaller (a larger subnet).
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

/**
 * The hub of a hybrid network: a virtual network with a `GatewaySubnet` sized for VPN and
 * ExpressRoute gateways (/26 by default, never smaller than /27, never with an NSG) and further
 * subnets, every one inside the address space and none overlapping.
 */
export class HubNetwork extends Construct implements IHubNetwork {
  /** Refers to an existing hub virtual network. */
  public static fromHubNetworkAttributes(scope: Construct, id: string, attrs: HubNetworkAttributes): IHubNetwork {
    class Existing extends Construct implements IHubNetwork {
      public readonly virtualNetworkId = attrs.virtualNetworkId;
      public readonly virtualNetworkName = attrs.virtualNetworkName;
      public readonly resourceGroupName = attrs.resourceGroupName;
      public readonly location = attrs.location;
      public readonly gatewaySubnetId = attrs.gatewaySubnetId;
      public readonly addressSpace = attrs.addressSpace;
    }
    const existing = new Existing(scope, id);
    const problems = new ProblemCollector(existing);
    checkCidrs(problems, 'addressSpace', attrs.addressSpace);
    problems.throwIfAny();
    AddressPlan.of(existing).claim(problems, 'addressSpace', attrs.addressSpace, `hub ${existing.node.path} address space`);
    problems.throwIfAny();
    return existing;
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
  /** Prefix of `GatewaySubnet` (given or carved). */
  public readonly gatewaySubnetPrefix: string;

  private readonly spaces: CidrRange[];
  private readonly used: { name: string; range: CidrRange }[] = [];
  private readonly subnetsByName = new Map<string, Subnet>();

  constructor(scope: Construct, id: string, props: HubNetworkProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    checkName(problems, 'virtualNetwork', 'name', props.name);
    problems.check(props.addressSpace.length === 0, NET_CIDR_INVALID, 'addressSpace', props.addressSpace, 'the address space is empty', "give at least one prefix, e.g. ['10.0.0.0/16']");
    checkCidrs(problems, 'addressSpace', props.addressSpace);
    problems.throwIfAny();
    this.spaces = props.addressSpace.filter((c) => !Token.isUnresolved(c)).map((c) => parseCidr(c)!);
    for (let i = 0; i < this.spaces.length; i++) {
      for (let j = i + 1; j < this.spaces.length; j++) {
        problems.check(
          cidrOverlaps(this.spaces[i], this.spaces[j]),
          NET_ADDRESS_OVERLAP,
          'addressSpace',
          this.spaces[j].cidr,
          `${this.spaces[j].cidr} overlaps ${this.spaces[i].cidr} of the same address space`,
          'list each range once',
        );
      }
    }
    AddressPlan.of(this).claim(problems, 'addressSpace', props.addressSpace, `hub ${this.node.path} address space`);
    problems.throwIfAny();

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
    this.virtualNetworkName = this.virtualNetwork.name;

    // Explicit prefixes are claimed first, so carved subnets fit around them.
    const gatewayLength = props.gatewaySubnetPrefixLength ?? GATEWAY_SUBNET_PREFIX_LENGTH;
    if (props.gatewaySubnetPrefix !== undefined) {
      this.checkGatewaySize(problems, 'gatewaySubnetPrefix', props.gatewaySubnetPrefix, parseCidr(props.gatewaySubnetPrefix)?.prefixLength);
    } else {
      this.checkGatewaySize(problems, 'gatewaySubnetPrefixLength', gatewayLength, gatewayLength);
    }
    const subnets = props.subnets ?? {};
    for (const name of Object.keys(subnets)) this.checkSubnetName(problems, `subnets.${name}`, name);
    problems.throwIfAny();
    if (props.gatewaySubnetPrefix !== undefined) this.claimPrefix(problems, 'gatewaySubnetPrefix', GATEWAY_SUBNET_NAME, props.gatewaySubnetPrefix);
    for (const [name, options] of Object.entries(subnets)) {
      if (options.addressPrefix !== undefined) this.claimPrefix(problems, `subnets.${name}.addressPrefix`, name, options.addressPrefix);
    }
    problems.throwIfAny();
    this.gatewaySubnetPrefix = props.gatewaySubnetPrefix ?? this.carve(problems, 'gatewaySubnetPrefixLength', GATEWAY_SUBNET_NAME, gatewayLength);
    problems.throwIfAny();

    // GatewaySubnet: never an NSG, never delegated (Azure refuses both for gateways).
    this.gatewaySubnet = new Subnet(this, GATEWAY_SUBNET_NAME, {
      name: GATEWAY_SUBNET_NAME,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [this.gatewaySubnetPrefix],
    });
    this.gatewaySubnetId = this.gatewaySubnet.id;
    for (const [name, options] of Object.entries(subnets)) this.createSubnet(problems, `subnets.${name}`, name, options);
    problems.throwIfAny();

    this.node.addValidation({ validate: () => this.validateNoGatewaySubnetNsg() });
    Runbook.of(this).addSection(new LazySection(`Address plan of ${this.node.path}`, () => this.renderAddressPlan()));
  }

  /**
   * Adds a subnet; without `addressPrefix`, the next free block of `prefixLength` (default /24)
   * is carved from the address space.
   */
  public addSubnet(name: string, options: SubnetOptions = {}): Subnet {
    const problems = new ProblemCollector(this);
    this.checkSubnetName(problems, 'name', name);
    problems.throwIfAny();
    if (options.addressPrefix !== undefined) this.claimPrefix(problems, 'addressPrefix', name, options.addressPrefix);
    problems.throwIfAny();
    const subnet = this.createSubnet(problems, '', name, options);
    problems.throwIfAny();
    return subnet!;
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

  /** A subnet created by this hub, by name (`GatewaySubnet` included). */
  public subnet(name: string): Subnet | undefined {
    return name === GATEWAY_SUBNET_NAME ? this.gatewaySubnet : this.subnetsByName.get(name);
  }

  /** Prefix of every subnet by name, in the order they were placed. */
  public subnetPrefixes(): { [name: string]: string } {
    const result: { [name: string]: string } = {};
    for (const u of this.used) result[u.name] = u.range.cidr;
    return result;
  }

  private createSubnet(problems: ProblemCollector, propPrefix: string, name: string, options: SubnetOptions): Subnet | undefined {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const prefix = options.addressPrefix ?? this.carve(problems, prop('prefixLength'), name, options.prefixLength ?? SUBNET_PREFIX_LENGTH);
    if (problems.count > 0) return undefined;
    const subnet = new Subnet(this, `Subnet${name}`, {
      name,
      resourceGroupName: this.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [prefix],
      serviceEndpoints: options.serviceEndpoints,
    });
    this.subnetsByName.set(name, subnet);
    if (options.networkSecurityGroupId !== undefined) {
      new SubnetNetworkSecurityGroupAssociation(this, `Subnet${name}Nsg`, {
        subnetId: subnet.id,
        networkSecurityGroupId: options.networkSecurityGroupId,
      });
    }
    return subnet;
  }

  private checkGatewaySize(problems: ProblemCollector, prop: string, value: unknown, prefixLength: number | undefined): void {
    if (prefixLength === undefined) return; // syntax is reported by claimPrefix
    problems.check(
      !Number.isInteger(prefixLength) || prefixLength > GATEWAY_SUBNET_MAX_PREFIX_LENGTH || prefixLength < 8,
      NET_GWSUBNET_SIZE,
      prop,
      value,
      `GatewaySubnet must be /${GATEWAY_SUBNET_MAX_PREFIX_LENGTH} or larger; a /${prefixLength} is too small for active-active gateways and ExpressRoute coexistence`,
      `use a /${GATEWAY_SUBNET_PREFIX_LENGTH} (recommended) or /${GATEWAY_SUBNET_MAX_PREFIX_LENGTH}`,
    );
  }

  private checkSubnetName(problems: ProblemCollector, prop: string, name: string): void {
    problems.check(
      name === GATEWAY_SUBNET_NAME,
      NET_GWSUBNET_RESERVED,
      prop,
      name,
      'GatewaySubnet is created by the hub itself',
      'size it with `gatewaySubnetPrefix` or `gatewaySubnetPrefixLength`, and pick another name for this subnet',
    );
    checkName(problems, 'subnet', prop, name);
    problems.check(
      this.subnetsByName.has(name) || this.used.some((u) => u.name === name),
      NET_SUBNET_DUPLICATE,
      prop,
      name,
      `a subnet named ${name} already exists in this hub`,
      'give each subnet its own name',
    );
  }

  /** Validates an explicit prefix and records it as used. */
  private claimPrefix(problems: ProblemCollector, prop: string, name: string, prefix: string): void {
    if (Token.isUnresolved(prefix)) return;
    if (!checkCidrs(problems, prop, [prefix])) return;
    const range = parseCidr(prefix)!;
    problems.check(
      !this.spaces.some((s) => cidrContains(s, range)),
      NET_SUBNET_OUTSIDE,
      prop,
      prefix,
      `${prefix} is not inside the address space ${this.addressSpaceText()}`,
      'pick a prefix inside the address space, or widen `addressSpace`',
    );
    const clash = this.used.find((u) => cidrOverlaps(u.range, range));
    problems.check(
      clash !== undefined,
      NET_SUBNET_OVERLAP,
      prop,
      prefix,
      clash ? `${prefix} (${name}) overlaps ${clash.range.cidr} (${clash.name})` : '',
      'give each subnet its own range, or leave `addressPrefix` out to carve a free one',
    );
    this.used.push({ name, range });
  }

  /** Carves the next free block of the given size and records it as used. */
  private carve(problems: ProblemCollector, prop: string, name: string, prefixLength: number): string {
    if (!Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 29) {
      problems.add(NET_CIDR_INVALID, prop, prefixLength, 'a subnet prefix length must be a whole number from 1 to 29', 'use e.g. 24');
      return '';
    }
    const cidr = carveNextFree(this.spaces, prefixLength, this.used.map((u) => u.range));
    if (!cidr) {
      problems.add(
        NET_SUBNET_NO_SPACE,
        prop,
        prefixLength,
        `no free /${prefixLength} is left in ${this.addressSpaceText()} for ${name}`,
        'widen `addressSpace`, use a smaller subnet, or give `addressPrefix` explicitly',
      );
      return '';
    }
    this.used.push({ name, range: parseCidr(cidr)! });
    return cidr;
  }

  private addressSpaceText(): string {
    return this.addressSpace.join(', ');
  }

  private validateNoGatewaySubnetNsg(): string[] {
    const errors: string[] = [];
    const stack = TerraformStack.of(this);
    const gatewaySubnetRef = resolveExpression(stack, this.gatewaySubnet.id);
    for (const node of stack.node.findAll()) {
      if (node instanceof SubnetNetworkSecurityGroupAssociation && resolveExpression(stack, node.subnetIdInput) === gatewaySubnetRef) {
        errors.push(
          `[NET-GWSUBNET-NSG] ${node.node.path}: \`subnetId\` = GatewaySubnet of ${this.node.path}: no network security group may be associated with GatewaySubnet. Fix: remove the association; filter traffic on the other subnets`,
        );
      }
    }
    return errors;
  }

  private renderAddressPlan(): string {
    const rows = this.used.map((u) => `| ${u.name} | ${u.range.cidr} |`);
    return [
      `Virtual network address space: ${this.addressSpace.map((c) => `\`${c}\``).join(', ')}. On-premises routers must`,
      'route these prefixes to Azure (over BGP they are advertised by the gateway).',
      '',
      '| subnet | prefix |',
      '| --- | --- |',
      ...rows,
    ].join('\n');
  }
}

/** Records `NET-CIDR-INVALID` for each value that is not a network CIDR; true when all are valid. */
export function checkCidrs(problems: ProblemCollector, prop: string, cidrs: string[]): boolean {
  let ok = true;
  for (const cidr of cidrs) {
    if (Token.isUnresolved(cidr)) continue;
    const valid = isNetworkCidr(cidr);
    problems.check(
      !valid,
      NET_CIDR_INVALID,
      prop,
      cidr,
      parseCidr(cidr) ? `${cidr} has host bits set; the network address is ${networkAddress(cidr)}` : `${JSON.stringify(cidr)} is not an IPv4 CIDR`,
      'write the network address with its prefix length, e.g. 10.0.0.0/16',
    );
    ok = ok && valid;
  }
  return ok;
}
