import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { NatGatewayPublicIpAssociation } from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { SubnetNatGatewayAssociation } from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { generateName } from '../../core/naming';
import { NET_DEFAULT_OUTBOUND } from '../rules/dns-and-security';

/** Props of `NatGatewayEgress`. */
export interface NatGatewayEgressProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /**
   * Subnets whose internet egress goes through the NAT gateway, by a name you choose. A literal map.
   * @default - none (add them with `addSubnet`)
   */
  readonly subnetIds?: { [name: string]: string };
  /**
   * Availability zone of the NAT gateway (Standard NAT gateway is zonal).
   * @default - no zone
   */
  readonly zone?: string;
}

/**
 * Explicit internet egress for private subnets (default outbound access off) when the firewall is
 * not the egress: a NAT gateway with a Standard public IP, associated with the subnets.
 */
export class NatGatewayEgress extends Construct {
  public readonly natGateway: NatGateway;
  public readonly publicIp: PublicIp;
  public readonly associations: { [name: string]: SubnetNatGatewayAssociation } = {};

  constructor(scope: Construct, id: string, props: NatGatewayEgressProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('location', props?.location, 'string');
    problems.region('location', props?.location);
    problems.throwIfAny();
    problems.literal('subnetIds', props.subnetIds, 'it decides how many associations exist');
    problems.oneOf(NET_DEFAULT_OUTBOUND, 'zone', props.zone, ['1', '2', '3']);
    problems.throwIfAny();
    const zones = props.zone ? [props.zone] : undefined;
    this.natGateway = new NatGateway(this, 'Resource', { name: generateName(this, 'natGateway'), resourceGroupName: props.resourceGroupName, location: props.location, skuName: 'Standard', zones });
    this.publicIp = new PublicIp(this, 'PublicIp', { name: generateName(this, 'publicIp'), resourceGroupName: props.resourceGroupName, location: props.location, allocationMethod: 'Static', sku: 'Standard', zones });
    new NatGatewayPublicIpAssociation(this, 'PublicIpAssociation', { natGatewayId: this.natGateway.id, publicIpAddressId: this.publicIp.id });
    for (const [name, subnetId] of Object.entries(props.subnetIds ?? {})) this.addSubnet(name, subnetId);
  }

  /** Sends a subnet's internet egress through the NAT gateway. */
  public addSubnet(name: string, subnetId: string): SubnetNatGatewayAssociation {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('subnetId', subnetId, 'string');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Subnet-${name}`, 'name', name);
    problems.resourceId(NET_DEFAULT_OUTBOUND, 'subnetId', subnetId, 'subnet');
    problems.throwIfAny();
    const association = new SubnetNatGatewayAssociation(this, `Subnet-${name}`, { subnetId, natGatewayId: this.natGateway.id });
    this.associations[name] = association;
    return association;
  }
}
