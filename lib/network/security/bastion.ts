import { BastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Construct } from 'constructs';
import { addHubSubnet, checkHubSubnet } from './special-subnet';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { generateName } from '../../core/naming';
import { checkFinalBody } from '../../core/report';
import { IHubNetwork } from '../hub-network-base';
import { BASTION_SKU, NET_DEFAULT_OUTBOUND, NET_SPECIAL_SUBNET } from '../rules/dns-and-security';

/** Props of `HubBastion`. */
export interface HubBastionProps extends AzureResourceProps {
  /** The hub: AzureBastionSubnet is carved from it. */
  readonly hub: IHubNetwork;
  /**
   * SKU: `Basic`, `Standard` or `Premium`.
   * @default 'Standard' (scale units, native client, IP-based connection)
   */
  readonly sku?: string;
  /**
   * Scale units, 2-50 (Standard and Premium).
   * @default 2
   */
  readonly scaleUnits?: number;
  /**
   * Prefix of AzureBastionSubnet (/26 or larger).
   * @default - the next free /26 of the hub
   */
  readonly subnetPrefix?: string;
  /**
   * Availability zones of the public IP (and the host).
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * Resource group.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
}

/** Azure Bastion in the hub: RDP/SSH to hub and spoke VMs without public IPs on them. */
export class HubBastion extends AzureResource {
  public readonly host: BastionHost;
  public readonly publicIp: PublicIp;
  public readonly subnet: Subnet;
  public readonly resourceId: string;

  constructor(scope: Construct, id: string, props: HubBastionProps) {
    super(scope, id);
    const sku = props?.sku ?? 'Standard';
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.throwIfAny();
    problems.oneOf(BASTION_SKU, 'sku', sku, ['Basic', 'Standard', 'Premium']);
    problems.integer(BASTION_SKU, 'scaleUnits', props.scaleUnits, 2, 50);
    problems.check(sku === 'Basic' && props.scaleUnits !== undefined && props.scaleUnits !== 2, BASTION_SKU, 'scaleUnits', props.scaleUnits, 'Basic Bastion has 2 fixed scale units', 'use the Standard SKU to scale');
    checkHubSubnet(problems, NET_SPECIAL_SUBNET, 'subnetPrefix', 'subnetPrefix', { name: 'AzureBastionSubnet', addressPrefix: props.subnetPrefix, prefixLength: 26, maxPrefixLength: 26, minPrefixLength: 8 });
    problems.throwIfAny();
    const rg = props.resourceGroupName ?? props.hub.resourceGroupName;
    const zones = props.zones ?? ['1', '2', '3'];
    this.subnet = addHubSubnet(props.hub, { name: 'AzureBastionSubnet', addressPrefix: props.subnetPrefix, prefixLength: 26, maxPrefixLength: 26, minPrefixLength: 8 });
    this.publicIp = new PublicIp(this, 'PublicIp', { name: generateName(this, 'publicIp'), resourceGroupName: rg, location: props.hub.location, allocationMethod: 'Static', sku: 'Standard', zones: zones.length > 0 ? zones : undefined });
    this.host = new BastionHost(this, 'Resource', {
      name: generateName(this, 'bastionHost'),
      resourceGroupName: rg,
      location: props.hub.location,
      sku,
      scaleUnits: sku === 'Basic' ? undefined : props.scaleUnits ?? 2,
      ipConfiguration: { name: 'ipconfig', subnetId: this.subnet.id, publicIpAddressId: this.publicIp.id },
    });
    this.resourceId = this.host.id;
    checkFinalBody(this, this.host, [NET_SPECIAL_SUBNET]);
    checkFinalBody(this, this.subnet, [NET_SPECIAL_SUBNET, NET_DEFAULT_OUTBOUND]);
    this.initCommon(props);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.host.id, resourceType: 'azurerm_bastion_host' }];
  }
}
