import { VirtualWan as VirtualWanResource } from '@cdktf/provider-azurerm/lib/virtual-wan';
import { Construct } from 'constructs';
import { ALLOW_BRANCH_TO_BRANCH } from './defaults';
import { IVirtualWan } from './interfaces';
import { VirtualHub, VirtualHubOptions } from './virtual-hub';
import { VpnSite, VpnSiteOptions } from './vpn-site';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { VWAN_TYPE_STANDARD } from '../rules/vwan';
import { checkName, generateName } from '../../core/naming';

/** Props of `VirtualWan`. */
export interface VirtualWanProps {
  /** Resource group of the Virtual WAN (and, by default, of its hubs and sites). */
  readonly resourceGroupName: string;
  /** Region of the Virtual WAN resource. */
  readonly location: string;
  /**
   * Name.
   * @default - generated: `vwan-<construct path>`
   */
  readonly name?: string;
  /**
   * Branch-to-branch traffic through the hubs (VPN and ExpressRoute branches reach each other).
   * @default true
   */
  readonly allowBranchToBranchTraffic?: boolean;
}

/** Attributes of an existing Virtual WAN. */
export interface VirtualWanAttributes {
  /** Resource id. */
  readonly virtualWanId: string;
  /** Its resource group. */
  readonly resourceGroupName: string;
  /** Its region. */
  readonly location: string;
}

/** An existing Virtual WAN. */
class ImportedVirtualWan extends Construct implements IVirtualWan {
  public readonly virtualWanId: string;
  public readonly resourceGroupName: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attrs: VirtualWanAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('virtualWanId', attrs?.virtualWanId, 'string');
    problems.required('resourceGroupName', attrs?.resourceGroupName, 'string');
    problems.required('location', attrs?.location, 'string');
    problems.throwIfAny();
    problems.resourceId(VWAN_TYPE_STANDARD, 'virtualWanId', attrs.virtualWanId, 'virtual WAN');
    problems.region('location', attrs.location);
    problems.throwIfAny();
    this.virtualWanId = attrs.virtualWanId;
    this.resourceGroupName = attrs.resourceGroupName;
    this.location = attrs.location;
  }
}

/**
 * A Standard Virtual WAN (Azure's recommendation for many branches and regions): hubs per region,
 * meshed over the Microsoft backbone, with branch-to-branch traffic on. Add hubs with `addHub`
 * and branches with `addVpnSite`.
 */
export class VirtualWan extends Construct implements IVirtualWan {
  /** Refers to an existing Virtual WAN (hubs and sites can be added to it). */
  public static fromVirtualWanAttributes(scope: Construct, id: string, attrs: VirtualWanAttributes): IVirtualWan {
    return new ImportedVirtualWan(scope, id, attrs);
  }

  /** The Virtual WAN (escape hatch). */
  public readonly resource: VirtualWanResource;
  public readonly virtualWanId: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  private readonly hubList: VirtualHub[] = [];
  private readonly siteList: VpnSite[] = [];

  constructor(scope: Construct, id: string, props: VirtualWanProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('location', props?.location, 'string');
    problems.throwIfAny();
    checkName(problems, 'virtualWan', 'name', props.name);
    problems.region('location', props.location);
    problems.throwIfAny();
    this.resourceGroupName = props.resourceGroupName;
    this.location = props.location;
    // Always Standard: Basic carries site-to-site VPN only (VWAN-TYPE-STANDARD).
    this.resource = new VirtualWanResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualWan'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      type: 'Standard',
      allowBranchToBranchTraffic: props.allowBranchToBranchTraffic ?? ALLOW_BRANCH_TO_BRANCH,
    });
    this.virtualWanId = this.resource.id;
  }

  /** Adds a hub in a region (hubs of one Virtual WAN are meshed: hub-to-hub needs no resource). */
  public addHub(id: string, options: VirtualHubOptions): VirtualHub {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, id, 'id', id);
    problems.throwIfAny();
    const hub = new VirtualHub(this, id, { ...options, virtualWan: this });
    this.hubList.push(hub);
    return hub;
  }

  /** Adds a branch (VPN site with its links). */
  public addVpnSite(id: string, options: VpnSiteOptions): VpnSite {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, id, 'id', id);
    problems.throwIfAny();
    const site = new VpnSite(this, id, { ...options, virtualWan: this });
    this.siteList.push(site);
    return site;
  }

  /** The hubs added so far. */
  public get hubs(): VirtualHub[] {
    return [...this.hubList];
  }

  /** The branches added so far. */
  public get sites(): VpnSite[] {
    return [...this.siteList];
  }
}
