import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { ITerraformDependable, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { SUBNET_PREFIX_LENGTH } from './defaults';
import { NET_GWSUBNET_NSG, NET_GWSUBNET_RESERVED } from './rules';
import { CidrRange, carveNextFree, cidrContains, cidrOverlaps, literalRanges, parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { checkName } from '../core/naming';
import { checkFinalBody } from '../core/report';
import { NET_CIDR_INVALID, NET_SUBNET_DUPLICATE, NET_SUBNET_NO_SPACE, NET_SUBNET_OUTSIDE, NET_SUBNET_OVERLAP, PROP_LITERAL } from '../core/rules';
import { displayValue, resolveExpression } from '../core/tokens';

/** The name Azure requires for the gateway subnet. */
export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';

/**
 * True when part or all of an address space is a Terraform expression: a whole list
 * (`variable.listValue`, an array holding one encoded list token) or one of its entries.
 */
function hasExpression(cidrs: readonly string[]): boolean {
  return Token.isUnresolved(cidrs) || (Array.isArray(cidrs) && cidrs.some((c) => Token.isUnresolved(c)));
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
  /**
   * Keep Azure's implicit default outbound internet access. Azure retires it (new virtual networks
   * are private by default since 2025-09-30; virtual-network/ip-services/default-outbound-access.md):
   * give the subnet an explicit egress (the hub firewall, or a NAT gateway) instead.
   * @default false (in-place update on an existing subnet: provider v4.55.0 subnet_resource.go has no ForceNew on it)
   */
  readonly defaultOutboundAccessEnabled?: boolean;
}

/**
 * A hub virtual network that gateways, private endpoints and Route Server can be placed in: a
 * new `HubNetwork` or an existing one (`HubNetwork.fromHubNetworkAttributes`).
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
  /**
   * True when this stack creates the hub's `GatewaySubnet` (then a spoke using remote gateways
   * needs a gateway of this stack in it); false for an imported hub.
   */
  readonly managesGatewaySubnet: boolean;
  /**
   * True when the hub's `GatewaySubnet` holds a gateway: one placed in it by this app
   * (`VpnGateway`, `ExpressRouteGateway`, `HybridConnectivity`, in any stack), or for an imported
   * hub, `hasGateway` of its attributes. A spoke that uses remote gateways needs one.
   */
  readonly hasGateway: boolean;
  /**
   * The gateways placed in the hub by this app, in the order they were placed: the peerings of a
   * spoke of the same stack are created after them.
   */
  readonly gatewayDependables: ITerraformDependable[];
  /**
   * Records a gateway placed in the hub's `GatewaySubnet` (the gateway constructs call it), so
   * spokes wait for it and know the hub has one.
   */
  registerGateway(gateway: ITerraformDependable): void;
  /**
   * Resource id of a subnet of the hub by name: `GatewaySubnet`, a subnet added with `addSubnet`,
   * or (for an imported hub) one given in `subnetIds`.
   * @returns undefined when the hub has no such subnet
   */
  subnetId(name: string): string | undefined;
  /**
   * Adds a subnet; without `addressPrefix`, the next free block of `prefixLength` (default /24)
   * is carved from the address space (skipping the prefixes the hub knows to be used).
   */
  addSubnet(name: string, options?: SubnetOptions): Subnet;
}

/**
 * What new and imported hubs share (aws-cdk's `VpcBase` idiom): subnets by name, and carving
 * subnets from the address space around the prefixes already used.
 */
export abstract class HubNetworkBase extends Construct implements IHubNetwork {
  public abstract readonly virtualNetworkId: string;
  public abstract readonly virtualNetworkName: string;
  public abstract readonly resourceGroupName: string;
  public abstract readonly location: string;
  public abstract readonly gatewaySubnetId: string;
  public abstract readonly addressSpace: string[];
  public abstract readonly managesGatewaySubnet: boolean;

  /** @internal Ranges of the address space (literal ones). */
  protected _spaces: CidrRange[] = [];
  /**
   * @internal True when part or all of the address space is a Terraform expression: nothing is
   * carved from that part, and a prefix outside the literal ranges may lie inside it.
   */
  protected _spaceHasExpression = false;
  /** @internal The address space as given (literals and expressions), for messages. */
  protected _spaceAsGiven: string[] = [];
  /** @internal Prefixes placed so far, by subnet name. */
  protected readonly _used: { name: string; range: CidrRange }[] = [];
  /** @internal Subnets this construct created, by name. */
  protected readonly _subnetsByName = new Map<string, Subnet>();

  private readonly gateways: ITerraformDependable[] = [];

  public get hasGateway(): boolean {
    return this.gateways.length > 0;
  }

  public get gatewayDependables(): ITerraformDependable[] {
    return [...this.gateways];
  }

  public registerGateway(gateway: ITerraformDependable): void {
    if (!this.gateways.includes(gateway)) this.gateways.push(gateway);
  }

  /**
   * Adds a subnet; without `addressPrefix`, the next free block of `prefixLength` (default /24)
   * is carved from the address space.
   */
  public addSubnet(name: string, options: SubnetOptions = {}): Subnet {
    const problems = new ProblemCollector(this);
    // Every problem of the call at once: each check reads only a value of the right kind.
    const nameOk = !problems.required('name', name, 'string');
    const optionsOk = !problems.type('options', options, 'object');
    const usedBefore = this._used.length;
    if (nameOk) this._checkSubnetName(problems, 'name', name);
    if (optionsOk && options.addressPrefix !== undefined) this._claimPrefix(problems, 'addressPrefix', name, options.addressPrefix);
    // Carves (when no prefix is given) and creates the subnet only if nothing was recorded above.
    const subnet = nameOk && optionsOk ? this._createSubnet(problems, '', name, options) : undefined;
    if (problems.count > 0) {
      // A refused subnet keeps no prefix: the hub stays usable (a corrected call may take the range).
      this._used.length = usedBefore;
      problems.throwIfAny();
    }
    return subnet!;
  }

  /** A subnet created by this construct, by name (`GatewaySubnet` included for a new hub). */
  public subnet(name: string): Subnet | undefined {
    return this._subnetsByName.get(name);
  }

  public subnetId(name: string): string | undefined {
    if (name === GATEWAY_SUBNET_NAME) return this.gatewaySubnetId;
    return this._subnetsByName.get(name)?.id;
  }

  /** Prefix of every subnet placed by this construct by name, in the order they were placed. */
  public subnetPrefixes(): { [name: string]: string } {
    const result: { [name: string]: string } = {};
    for (const u of this._used) result[u.name] = u.range.cidr;
    return result;
  }

  /**
   * @internal Sets the address space that subnets are carved from and checked against (call it
   * only with a valid one: without it, nothing is carved and no prefix is found outside).
   */
  protected _useAddressSpace(cidrs: string[]): void {
    this._spaceAsGiven = cidrs;
    this._spaces = literalRanges(cidrs);
    this._spaceHasExpression = hasExpression(cidrs);
  }

  /** @internal Creates the subnet (carving its prefix when none is given) and its NSG association. */
  protected _createSubnet(problems: ProblemCollector, propPrefix: string, name: string, options: SubnetOptions): Subnet | undefined {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const prefix = options.addressPrefix ?? this._carve(problems, prop('prefixLength'), prop('addressPrefix'), name, options.prefixLength ?? SUBNET_PREFIX_LENGTH);
    if (problems.count > 0) return undefined;
    const subnet = new Subnet(this, `Subnet${name}`, {
      name,
      resourceGroupName: this.resourceGroupName,
      virtualNetworkName: this.virtualNetworkName,
      addressPrefixes: [prefix],
      serviceEndpoints: options.serviceEndpoints,
      defaultOutboundAccessEnabled: options.defaultOutboundAccessEnabled ?? false,
    });
    this._subnetsByName.set(name, subnet);
    if (options.networkSecurityGroupId !== undefined) {
      const association = new SubnetNetworkSecurityGroupAssociation(this, `Subnet${name}Nsg`, {
        subnetId: subnet.id,
        networkSecurityGroupId: options.networkSecurityGroupId,
      });
      // The rule's own body check, on the final association (an escape hatch could point it at GatewaySubnet).
      checkFinalBody(this, association, [NET_GWSUBNET_NSG]);
    }
    return subnet;
  }

  /** @internal */
  protected _checkSubnetName(problems: ProblemCollector, prop: string, name: string): void {
    problems.check(
      name === GATEWAY_SUBNET_NAME,
      NET_GWSUBNET_RESERVED,
      prop,
      name,
      'GatewaySubnet is the gateway subnet of the hub, not a further subnet',
      'size it with `gatewaySubnetPrefix` or `gatewaySubnetPrefixLength`, and pick another name for this subnet',
    );
    checkName(problems, 'subnet', prop, name);
    problems.check(
      this._subnetsByName.has(name) || this._used.some((u) => u.name === name),
      NET_SUBNET_DUPLICATE,
      prop,
      name,
      `a subnet named ${displayValue(this, name)} already exists in this hub`,
      'give each subnet its own name',
    );
  }

  /** @internal Validates an explicit prefix and records it as used. */
  protected _claimPrefix(problems: ProblemCollector, prop: string, name: string, prefix: string): void {
    if (Token.isUnresolved(prefix)) return;
    if (!checkCidrs(problems, prop, [prefix])) return;
    const range = parseCidr(prefix)!;
    // Outside is known only for an address space of literal ranges: a prefix outside them may be
    // inside a part given as an expression.
    problems.check(
      !this._spaceHasExpression && this._spaces.length > 0 && !this._spaces.some((s) => cidrContains(s, range)),
      NET_SUBNET_OUTSIDE,
      prop,
      prefix,
      `${prefix} is not inside the address space ${this._spaces.map((s) => s.cidr).join(', ')}`,
      'pick a prefix inside the address space, or widen `addressSpace`',
    );
    const clash = this._used.find((u) => cidrOverlaps(u.range, range));
    problems.check(
      clash !== undefined,
      NET_SUBNET_OVERLAP,
      prop,
      prefix,
      clash ? `${prefix} (${displayValue(this, name)}) overlaps ${clash.range.cidr} (${displayValue(this, clash.name)})` : '',
      'give each subnet its own range, or leave `addressPrefix` out to carve a free one',
    );
    this._used.push({ name, range });
  }

  /**
   * @internal Carves the next free block of the given size from the literal ranges of the address
   * space and records it as used. `prefixProp` is the prop that gives the prefix instead (named in
   * the fix).
   */
  protected _carve(problems: ProblemCollector, prop: string, prefixProp: string, name: string, prefixLength: number): string {
    if (problems.literal(prop, prefixLength, 'the prefix length decides which free block is carved at synth')) return '';
    if (problems.integer(NET_CIDR_INVALID, prop, prefixLength, 1, 29, 'use e.g. 24')) return '';
    const cidr = carveNextFree(this._spaces, prefixLength, this._used.map((u) => u.range));
    if (!cidr && this._spaceHasExpression) {
      // Nothing is carved from an expression (its ranges are known only at apply): the address
      // space must be literal, unless the subnet's prefix is given (README, "Terraform expressions
      // or literals"). The value is printed resolved (`${var.x}`) so no placeholder token shows.
      const literal = this._spaces.map((s) => s.cidr).join(', ');
      problems.add(
        PROP_LITERAL,
        'addressSpace',
        resolveExpression(this, this._spaceAsGiven),
        `\`addressSpace\` must be known at synth, not a Terraform expression: ${name} has no prefix, so a free /${prefixLength} is carved for it, ` +
          `and nothing is carved from an expression${literal ? ` (no free /${prefixLength} is left in the literal ${literal})` : ''}`,
        `give \`${prefixProp}\`, or \`addressSpace\` as literal prefixes`,
      );
      return '';
    }
    if (!cidr) {
      problems.add(
        NET_SUBNET_NO_SPACE,
        prop,
        prefixLength,
        `no free /${prefixLength} is left in ${this._spaces.map((s) => s.cidr).join(', ') || 'the address space'} for ${displayValue(this, name)}`,
        `widen \`addressSpace\`, use a smaller subnet, or give \`${prefixProp}\` explicitly`,
      );
      return '';
    }
    this._used.push({ name, range: parseCidr(cidr)! });
    return cidr;
  }
}
