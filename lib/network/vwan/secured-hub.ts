import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { VirtualHubRoutingIntent } from '@cdktf/provider-azurerm/lib/virtual-hub-routing-intent';
import { Construct } from 'constructs';
import { HUB_FIREWALL_PUBLIC_IPS, HUB_FIREWALL_TIER } from './defaults';
import { IVirtualHub } from './interfaces';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { checkFinalBody } from '../../core/report';
import { ZONES } from '../defaults';
import { FW_SKU } from '../rules/fw-sku';
import { VWAN_ROUTING_INTENT } from '../rules/vwan';
import { generateName } from '../../core/naming';

/** Options of `VirtualHub.secure`. */
export interface SecuredHubOptions extends AzureResourceProps {
  /**
   * Send private traffic (branch-to-branch, branch-to-VNet, VNet-to-VNet, inter-hub) through the firewall. A literal.
   * @default true
   */
  readonly privateTraffic?: boolean;
  /**
   * Send internet-bound traffic through the firewall (a 0.0.0.0/0 route to every connection). A literal.
   * @default true
   */
  readonly internetTraffic?: boolean;
  /**
   * An existing firewall policy (Firewall Manager).
   * @default - a new policy of the firewall's tier, with threat intelligence alerting
   */
  readonly firewallPolicyId?: string;
  /**
   * Firewall tier: Standard or Premium.
   * @default 'Standard'
   */
  readonly tier?: string;
  /**
   * Public IPs of the firewall (1-250).
   * @default 1
   */
  readonly publicIpCount?: number;
  /**
   * Availability zones of the firewall.
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
}

/** Props of `SecuredHub`. */
export interface SecuredHubProps extends SecuredHubOptions {
  /** The hub. */
  readonly hub: IVirtualHub;
}

/**
 * A secured virtual hub: Azure Firewall deployed in the hub (`AZFW_Hub`) with a policy, and
 * routing intent sending private and internet traffic through it. Routing intent then manages
 * every connection's association and propagation (no custom route tables, VWAN-ROUTING-INTENT).
 */
export class SecuredHub extends AzureResource {
  /** The firewall (escape hatch). */
  public readonly firewall: Firewall;
  /** The policy, when created here. */
  public readonly policy?: FirewallPolicy;
  /** The routing intent, when private or internet traffic goes through the firewall. */
  public readonly routingIntent?: VirtualHubRoutingIntent;
  public readonly resourceId: string;
  public readonly hub: IVirtualHub;
  /** Destinations of the routing policies (`PrivateTraffic`, `Internet`). */
  public readonly destinations: string[];

  constructor(scope: Construct, id: string, props: SecuredHubProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.throwIfAny();
    problems.literal('privateTraffic', props.privateTraffic, 'it decides the routing policies');
    problems.literal('internetTraffic', props.internetTraffic, 'it decides the routing policies');
    problems.oneOf(FW_SKU, 'tier', props.tier, ['Standard', 'Premium'], "use 'Standard' (default) or 'Premium' (Basic has no hub SKU here)");
    problems.integer(FW_SKU, 'publicIpCount', props.publicIpCount, 1, 250);
    problems.throwIfAny();
    this.hub = props.hub;
    const tier = props.tier ?? HUB_FIREWALL_TIER;
    this.policy = props.firewallPolicyId === undefined
      ? new FirewallPolicy(this, 'Policy', { name: generateName(this, 'firewallPolicy'), resourceGroupName: this.hub.resourceGroupName, location: this.hub.location, sku: tier, threatIntelligenceMode: 'Alert' })
      : undefined;
    this.firewall = new Firewall(this, 'Resource', {
      name: generateName(this, 'firewall'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      skuName: 'AZFW_Hub',
      skuTier: tier,
      firewallPolicyId: props.firewallPolicyId ?? this.policy!.id,
      zones: props.zones ?? ZONES,
      virtualHub: { virtualHubId: this.hub.hubId, publicIpCount: props.publicIpCount ?? HUB_FIREWALL_PUBLIC_IPS },
    });
    this.resourceId = this.firewall.id;
    this.destinations = [...(props.privateTraffic ?? true ? ['PrivateTraffic'] : []), ...(props.internetTraffic ?? true ? ['Internet'] : [])];
    if (this.destinations.length > 0) {
      this.routingIntent = new VirtualHubRoutingIntent(this, 'RoutingIntent', {
        name: 'routing-intent',
        virtualHubId: this.hub.hubId,
        routingPolicy: this.destinations.map((d) => ({ name: d === 'Internet' ? 'InternetTrafficPolicy' : 'PrivateTrafficPolicy', destinations: [d], nextHop: this.firewall.id })),
      });
      checkFinalBody(this, this.routingIntent, [VWAN_ROUTING_INTENT]);
    }
    this.initCommon(props);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_firewall' }];
  }
}
