import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Construct, IConstruct } from 'constructs';
import { addHubSubnet, checkHubSubnet } from './special-subnet';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { generateName } from '../../core/naming';
import { checkFinalBody } from '../../core/report';
import { IHubNetwork } from '../hub-network-base';
import { FW_DNS_PROXY, FW_SKU, FW_ZONES, NET_DEFAULT_OUTBOUND, NET_SPECIAL_SUBNET } from '../rules/dns-and-security';

/** Azure Firewall tiers offered by `HubFirewall`. */
export enum FirewallTier {
  /** Standard: threat intelligence, DNS proxy, FQDN filtering (the default). */
  STANDARD = 'Standard',
  /** Premium: adds IDPS, TLS inspection and URL filtering. */
  PREMIUM = 'Premium',
}

/** What routing needs of a firewall: its private address, the next hop of inspected routes. */
export interface IHubFirewall extends IConstruct {
  /** Private IP address of the firewall in AzureFirewallSubnet. */
  readonly privateIpAddress: string;
}

/** Attributes of an existing firewall. */
export interface HubFirewallAttributes {
  /** Private IP address of the firewall. */
  readonly privateIpAddress: string;
}

/** Props of `HubFirewall`. */
export interface HubFirewallProps extends AzureResourceProps {
  /** The hub: AzureFirewallSubnet is carved from it. */
  readonly hub: IHubNetwork;
  /**
   * Tier of the firewall and its policy.
   * @default FirewallTier.STANDARD
   */
  readonly tier?: FirewallTier;
  /**
   * Availability zones of the firewall and its public IP (fixed at creation).
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * Prefix of AzureFirewallSubnet (a /26).
   * @default - the next free /26 of the hub
   */
  readonly subnetPrefix?: string;
  /**
   * DNS proxy on the firewall policy: clients may use the firewall as their DNS server, and FQDNs
   * in network rules resolve as the clients see them.
   * @default true
   */
  readonly dnsProxy?: boolean;
  /**
   * DNS servers the proxy forwards to (the resolver's inbound endpoint, for private-link zones).
   * @default - Azure DNS
   */
  readonly dnsServers?: string[];
  /**
   * Threat intelligence mode: `Alert`, `Deny` or `Off`.
   * @default 'Deny' for Premium, 'Alert' for Standard
   */
  readonly threatIntelligenceMode?: string;
  /**
   * Resource group of the firewall.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
}

class ImportedFirewall extends Construct implements IHubFirewall {
  constructor(scope: Construct, id: string, public readonly privateIpAddress: string) {
    super(scope, id);
  }
}

/**
 * Azure Firewall in the hub (Standard by default, Premium as an option) with a firewall policy of
 * the same tier, DNS proxy on, zone-redundant, in its own AzureFirewallSubnet (/26, default
 * outbound access off), logs to resource-specific AZFW* tables. Pair it with `HubRouting` so
 * on-premises <-> spoke traffic goes through it both ways.
 */
export class HubFirewall extends AzureResource implements IHubFirewall {
  /** An existing firewall, by its private address. */
  public static fromFirewallAttributes(scope: Construct, id: string, attrs: HubFirewallAttributes): IHubFirewall {
    const problems = new ProblemCollector(id);
    problems.required('privateIpAddress', attrs?.privateIpAddress, 'string');
    problems.throwIfAny();
    problems.ipv4(FW_DNS_PROXY, 'privateIpAddress', attrs.privateIpAddress);
    problems.throwIfAny();
    return new ImportedFirewall(scope, id, attrs.privateIpAddress);
  }

  public readonly firewall: Firewall;
  public readonly policy: FirewallPolicy;
  public readonly publicIp: PublicIp;
  public readonly subnet: Subnet;
  public readonly resourceId: string;
  public readonly privateIpAddress: string;
  public readonly tier: FirewallTier;

  constructor(scope: Construct, id: string, props: HubFirewallProps) {
    super(scope, id);
    this.resolve(props);
    this.tier = props.tier ?? FirewallTier.STANDARD;
    const rg = props.resourceGroupName ?? props.hub.resourceGroupName;
    const location = props.hub.location;
    const zones = props.zones ?? ['1', '2', '3'];
    this.subnet = addHubSubnet(props.hub, { name: 'AzureFirewallSubnet', addressPrefix: props.subnetPrefix, prefixLength: 26, maxPrefixLength: 26, minPrefixLength: 8 });
    this.publicIp = new PublicIp(this, 'PublicIp', { name: generateName(this, 'publicIp'), resourceGroupName: rg, location, allocationMethod: 'Static', sku: 'Standard', zones: zones.length > 0 ? zones : undefined });
    this.policy = new FirewallPolicy(this, 'Policy', {
      name: generateName(this, 'firewallPolicy'),
      resourceGroupName: rg,
      location,
      sku: this.tier,
      threatIntelligenceMode: props.threatIntelligenceMode ?? (this.tier === FirewallTier.PREMIUM ? 'Deny' : 'Alert'),
      dns: { proxyEnabled: props.dnsProxy ?? true, servers: props.dnsServers },
    });
    this.firewall = new Firewall(this, 'Resource', {
      name: generateName(this, 'firewall'),
      resourceGroupName: rg,
      location,
      skuName: 'AZFW_VNet',
      skuTier: this.tier,
      firewallPolicyId: this.policy.id,
      zones: zones.length > 0 ? zones : undefined,
      ipConfiguration: [{ name: 'ipconfig', subnetId: this.subnet.id, publicIpAddressId: this.publicIp.id }],
    });
    this.resourceId = this.firewall.id;
    this.privateIpAddress = this.firewall.ipConfiguration.get(0).privateIpAddress;
    checkFinalBody(this, this.firewall, [FW_SKU, FW_ZONES, NET_SPECIAL_SUBNET]);
    checkFinalBody(this, this.subnet, [NET_SPECIAL_SUBNET, NET_DEFAULT_OUTBOUND]);
    this.initCommon(props);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.firewall.id, resourceType: 'azurerm_firewall' }];
  }

  private resolve(props: HubFirewallProps): void {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.type('zones', props?.zones, 'array');
    problems.type('dnsServers', props?.dnsServers, 'array');
    problems.throwIfAny();
    problems.oneOf(FW_SKU, 'tier', props.tier, [FirewallTier.STANDARD, FirewallTier.PREMIUM], 'use FirewallTier.STANDARD or FirewallTier.PREMIUM (Basic has its own management subnet and limits)');
    problems.oneOf(FW_SKU, 'threatIntelligenceMode', props.threatIntelligenceMode, ['Alert', 'Deny', 'Off']);
    for (const z of props.zones ?? []) problems.oneOf(FW_ZONES, 'zones', z, ['1', '2', '3']);
    for (const ip of props.dnsServers ?? []) problems.ipv4(FW_DNS_PROXY, 'dnsServers', ip);
    problems.check(props.dnsProxy === false && (props.dnsServers ?? []).length > 0, FW_DNS_PROXY, 'dnsServers', props.dnsServers, 'custom DNS servers are used by the DNS proxy, which is off', 'turn `dnsProxy` on or drop `dnsServers`');
    checkHubSubnet(problems, NET_SPECIAL_SUBNET, 'subnetPrefix', 'subnetPrefix', { name: 'AzureFirewallSubnet', addressPrefix: props.subnetPrefix, prefixLength: 26, maxPrefixLength: 26, minPrefixLength: 8 });
    problems.throwIfAny();
  }
}
