import { PrivateDnsResolver } from '@cdktf/provider-azurerm/lib/private-dns-resolver';
import { PrivateDnsResolverDnsForwardingRuleset } from '@cdktf/provider-azurerm/lib/private-dns-resolver-dns-forwarding-ruleset';
import { PrivateDnsResolverForwardingRule } from '@cdktf/provider-azurerm/lib/private-dns-resolver-forwarding-rule';
import { PrivateDnsResolverInboundEndpoint } from '@cdktf/provider-azurerm/lib/private-dns-resolver-inbound-endpoint';
import { PrivateDnsResolverOutboundEndpoint } from '@cdktf/provider-azurerm/lib/private-dns-resolver-outbound-endpoint';
import { PrivateDnsResolverVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-resolver-virtual-network-link';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { renderOnPremisesDns } from './handoff';
import { IHubPrivateDnsZones } from './private-dns-zone-catalog';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { checkUniqueId } from '../../core/ids';
import { LazySection, Runbook } from '../../core/outputs';
import { checkFinalBody } from '../../core/report';
import { registerHubResolver } from '../hub-dns';
import { IHubNetwork } from '../hub-network-base';
import { DNS_FORWARDING_RULE, DNS_RESOLVER_SUBNET, DNS_RESOLVER_VNET, DNS_RULESET_LOOP, DNS_RULESET_WILDCARD_ER } from '../rules/dns-and-security';
import { DNS_RESOLVER_DELEGATION } from '../rules/dns-resolver-subnet';
import { addHubSubnet, checkHubSubnet, hostAddress, literalPrefixOf } from '../security/special-subnet';
import { generateName } from '../../core/naming';

/** Azure DNS, which a forwarding rule may never target. */
const AZURE_DNS = '168.63.129.16';
const DOMAIN = /^(\.|([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\.){1,34})$/;

/** A conditional forwarding rule: a domain to DNS servers. */
export interface ForwardingRuleOptions {
  /** Dot-terminated domain, e.g. `corp.contoso.com.` (a missing final dot is added); `.` forwards everything. */
  readonly domainName: string;
  /** IPv4 addresses of the DNS servers (on-premises domain controllers). */
  readonly targetDnsServers: string[];
  /**
   * Port of the DNS servers.
   * @default 53
   */
  readonly port?: number;
}

/** Props of `DnsPrivateResolver`. */
export interface DnsPrivateResolverProps extends AzureResourceProps {
  /** The hub virtual network: the resolver and its two endpoint subnets go there. */
  readonly hub: IHubNetwork;
  /**
   * On-premises domains forwarded to on-premises DNS servers: one rule per domain
   * (`{ 'corp.contoso.com': ['192.168.10.4', '192.168.10.5'] }`). A literal map.
   * @default - none (add them with `addForwardingRule`)
   */
  readonly onPremisesDomains?: { [domain: string]: string[] };
  /**
   * Virtual networks the forwarding ruleset is linked to, by a link name: the spokes (and the
   * hub, unless a rule targets the inbound endpoint). A literal map.
   * @default - the hub only
   */
  readonly rulesetVirtualNetworkIds?: { [name: string]: string };
  /**
   * The hub's private-link zones, whose conditional forwarders the runbook lists.
   * @default - none: the runbook lists no zone
   */
  readonly privateDnsZones?: IHubPrivateDnsZones;
  /**
   * Prefix of the inbound endpoint's subnet (/28 to /24, inside the hub).
   * @default - the next free `/inboundSubnetPrefixLength`
   */
  readonly inboundSubnetPrefix?: string;
  /**
   * Size of the inbound subnet when carved; a literal, 24 to 28.
   * @default 28 (Azure: "A /28 subnet is sufficient to accommodate current endpoint limits")
   */
  readonly inboundSubnetPrefixLength?: number;
  /**
   * Prefix of the outbound endpoint's subnet (/28 to /24).
   * @default - the next free `/outboundSubnetPrefixLength`
   */
  readonly outboundSubnetPrefix?: string;
  /**
   * Size of the outbound subnet when carved; a literal, 24 to 28.
   * @default 28
   */
  readonly outboundSubnetPrefixLength?: number;
  /**
   * Resource group of the resolver.
   * @default - the hub's
   */
  readonly resourceGroupName?: string;
}

/** Names of the resolver's subnets in the hub. */
export const RESOLVER_INBOUND_SUBNET = 'snet-dns-inbound';
export const RESOLVER_OUTBOUND_SUBNET = 'snet-dns-outbound';

/**
 * Azure DNS Private Resolver in the hub: an inbound endpoint with a static address that
 * on-premises DNS servers forward the private-link zones to, and an outbound endpoint with a
 * forwarding ruleset (one rule per on-premises domain) linked to the hub and spokes. Each endpoint
 * has its own subnet, /28 by default, delegated to Microsoft.Network/dnsResolvers, carved from
 * the hub's address space, with default outbound access off. The runbook gives the conditional
 * forwarders as Windows DNS Server PowerShell and as BIND configuration, and a test.
 */
export class DnsPrivateResolver extends AzureResource {
  /** The resolver (escape hatch). */
  public readonly resolver: PrivateDnsResolver;
  public readonly inboundSubnet: Subnet;
  public readonly outboundSubnet: Subnet;
  public readonly inboundEndpoint: PrivateDnsResolverInboundEndpoint;
  public readonly outboundEndpoint: PrivateDnsResolverOutboundEndpoint;
  public readonly ruleset: PrivateDnsResolverDnsForwardingRuleset;
  /** Forwarding rules by name. */
  public readonly rules: { [name: string]: PrivateDnsResolverForwardingRule } = {};
  /** Ruleset virtual network links by name. */
  public readonly rulesetLinks: { [name: string]: PrivateDnsResolverVirtualNetworkLink } = {};
  /** The inbound endpoint's address: what on-premises DNS servers forward to. */
  public readonly inboundEndpointIp: string;
  public readonly resourceId: string;
  public readonly hub: IHubNetwork;
  public readonly privateDnsZones?: IHubPrivateDnsZones;

  constructor(scope: Construct, id: string, props: DnsPrivateResolverProps) {
    super(scope, id);
    this.resolve(props);
    this.hub = props.hub;
    this.privateDnsZones = props.privateDnsZones;
    const rg = props.resourceGroupName ?? props.hub.resourceGroupName;
    const location = props.hub.location;
    this.inboundSubnet = addHubSubnet(props.hub, { name: RESOLVER_INBOUND_SUBNET, addressPrefix: props.inboundSubnetPrefix, prefixLength: props.inboundSubnetPrefixLength ?? 28, maxPrefixLength: 28, minPrefixLength: 24, delegation: DNS_RESOLVER_DELEGATION });
    this.outboundSubnet = addHubSubnet(props.hub, { name: RESOLVER_OUTBOUND_SUBNET, addressPrefix: props.outboundSubnetPrefix, prefixLength: props.outboundSubnetPrefixLength ?? 28, maxPrefixLength: 28, minPrefixLength: 24, delegation: DNS_RESOLVER_DELEGATION });
    this.resolver = new PrivateDnsResolver(this, 'Resource', { name: generateName(this, 'dnsResolver'), resourceGroupName: rg, location, virtualNetworkId: props.hub.virtualNetworkId });
    this.resourceId = this.resolver.id;
    // Azure gives the inbound endpoint "typically the fifth IP address in the subnet"
    // (private-resolver-endpoints-rulesets.md); a static one keeps the forwarders stable.
    const inboundPrefix = literalPrefixOf(this.inboundSubnet);
    this.inboundEndpoint = new PrivateDnsResolverInboundEndpoint(this, 'Inbound', {
      name: generateName(this, 'dnsResolverInboundEndpoint'),
      privateDnsResolverId: this.resolver.id,
      location,
      ipConfigurations: inboundPrefix
        ? { subnetId: this.inboundSubnet.id, privateIpAllocationMethod: 'Static', privateIpAddress: hostAddress(inboundPrefix, 4) }
        : { subnetId: this.inboundSubnet.id, privateIpAllocationMethod: 'Dynamic' },
    });
    this.inboundEndpointIp = inboundPrefix ? hostAddress(inboundPrefix, 4) : this.inboundEndpoint.ipConfigurations.privateIpAddress;
    registerHubResolver(props.hub, this.inboundEndpointIp);
    this.outboundEndpoint = new PrivateDnsResolverOutboundEndpoint(this, 'Outbound', { name: generateName(this, 'dnsResolverOutboundEndpoint'), privateDnsResolverId: this.resolver.id, location, subnetId: this.outboundSubnet.id });
    this.ruleset = new PrivateDnsResolverDnsForwardingRuleset(this, 'Ruleset', { name: generateName(this, 'dnsForwardingRuleset'), resourceGroupName: rg, location, privateDnsResolverOutboundEndpointIds: [this.outboundEndpoint.id] });
    checkFinalBody(this, this.inboundEndpoint, [DNS_RESOLVER_SUBNET]);
    checkFinalBody(this, this.outboundEndpoint, [DNS_RESOLVER_SUBNET]);
    for (const [domain, servers] of Object.entries(props.onPremisesDomains ?? {})) this.addForwardingRule(ruleNameOf(domain), { domainName: domain, targetDnsServers: servers });
    for (const [name, vnetId] of Object.entries(props.rulesetVirtualNetworkIds ?? { hub: props.hub.virtualNetworkId })) this.linkRuleset(name, vnetId);
    this.initCommon(props);
    Runbook.of(this).addSection(new LazySection(`On-premises DNS for ${this.node.path}`, () => renderOnPremisesDns(this.inboundEndpointIp, this.privateDnsZones?.zoneNames() ?? [], this.forwardedDomains())));
  }

  /** Adds a forwarding rule (construct id and rule name `name`: letters, digits, '_' and '-'). */
  public addForwardingRule(name: string, options: ForwardingRuleOptions): PrivateDnsResolverForwardingRule {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('domainName', options?.domainName, 'string');
    problems.required('targetDnsServers', options?.targetDnsServers, 'array');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Rule-${name}`, 'name', name);
    problems.check(!/^[a-zA-Z][a-zA-Z0-9_-]{0,79}$/.test(name), DNS_FORWARDING_RULE, 'name', name, 'a rule name starts with a letter and has only letters, digits, "_" and "-"', 'use e.g. corp-contoso-com');
    const domainName = options.domainName.endsWith('.') ? options.domainName : `${options.domainName}.`;
    problems.check(!Token.isUnresolved(domainName) && !DOMAIN.test(domainName), DNS_FORWARDING_RULE, 'domainName', options.domainName, 'not a domain of 1 to 34 labels (or "." for the wildcard)', 'use e.g. corp.contoso.com.');
    problems.check(Array.isArray(options.targetDnsServers) && options.targetDnsServers.length === 0, DNS_FORWARDING_RULE, 'targetDnsServers', options.targetDnsServers, 'a rule needs at least one DNS server', 'give the on-premises DNS servers');
    for (const ip of options.targetDnsServers ?? []) {
      problems.ipv4(DNS_FORWARDING_RULE, 'targetDnsServers', ip);
      problems.check(ip === AZURE_DNS, DNS_FORWARDING_RULE, 'targetDnsServers', ip, 'Azure DNS 168.63.129.16 cannot be a rule destination', 'leave names Azure resolves out of the ruleset');
    }
    problems.integer(DNS_FORWARDING_RULE, 'port', options.port, 1, 65535);
    problems.check(Object.keys(this.rules).length >= 1000, DNS_FORWARDING_RULE, 'name', name, 'a ruleset holds at most 1000 rules', 'use fewer, broader domains');
    problems.throwIfAny();
    const rule = new PrivateDnsResolverForwardingRule(this, `Rule-${name}`, {
      name,
      dnsForwardingRulesetId: this.ruleset.id,
      domainName,
      enabled: true,
      targetDnsServers: options.targetDnsServers.map((ipAddress) => ({ ipAddress, port: options.port ?? 53 })),
    });
    this.rules[name] = rule;
    return rule;
  }

  /** Links the forwarding ruleset to a virtual network (a spoke), by a link name. */
  public linkRuleset(name: string, virtualNetworkId: string): PrivateDnsResolverVirtualNetworkLink {
    const problems = new ProblemCollector(this);
    problems.required('name', name, 'string');
    problems.required('virtualNetworkId', virtualNetworkId, 'string');
    problems.throwIfAny();
    checkUniqueId(problems, this, `Link-${name}`, 'name', name);
    problems.resourceId(DNS_RESOLVER_VNET, 'virtualNetworkId', virtualNetworkId, 'virtual network');
    problems.throwIfAny();
    const link = new PrivateDnsResolverVirtualNetworkLink(this, `Link-${name}`, {
      name: `link-${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
      dnsForwardingRulesetId: this.ruleset.id,
      virtualNetworkId,
    });
    this.rulesetLinks[name] = link;
    checkFinalBody(this, link, [DNS_RULESET_LOOP, DNS_RULESET_WILDCARD_ER]);
    return link;
  }

  /** Domains forwarded to on-premises, with their servers (for the runbook). */
  public forwardedDomains(): { [domain: string]: string[] } {
    const result: { [domain: string]: string[] } = {};
    for (const rule of Object.values(this.rules)) {
      const servers = rule.targetDnsServersInput;
      result[rule.domainNameInput ?? ''] = Array.isArray(servers) ? servers.map((s: any) => String(s.ipAddress)) : [];
    }
    return result;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resolver.id, resourceType: 'azurerm_private_dns_resolver' }];
  }

  private resolve(props: DnsPrivateResolverProps): void {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.type('onPremisesDomains', props?.onPremisesDomains, 'object');
    problems.type('rulesetVirtualNetworkIds', props?.rulesetVirtualNetworkIds, 'object');
    problems.throwIfAny();
    problems.literal('onPremisesDomains', props.onPremisesDomains, 'it decides how many rules exist');
    problems.literal('rulesetVirtualNetworkIds', props.rulesetVirtualNetworkIds, 'it decides how many links exist');
    checkHubSubnet(problems, DNS_RESOLVER_SUBNET, 'inboundSubnetPrefix', 'inboundSubnetPrefixLength', { name: RESOLVER_INBOUND_SUBNET, addressPrefix: props.inboundSubnetPrefix, prefixLength: props.inboundSubnetPrefixLength ?? 28, maxPrefixLength: 28, minPrefixLength: 24 });
    checkHubSubnet(problems, DNS_RESOLVER_SUBNET, 'outboundSubnetPrefix', 'outboundSubnetPrefixLength', { name: RESOLVER_OUTBOUND_SUBNET, addressPrefix: props.outboundSubnetPrefix, prefixLength: props.outboundSubnetPrefixLength ?? 28, maxPrefixLength: 28, minPrefixLength: 24 });
    problems.throwIfAny();
  }
}

/** `corp.contoso.com` -> `corp-contoso-com`. */
function ruleNameOf(domain: string): string {
  const clean = domain.replace(/\.$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  return /^[A-Za-z]/.test(clean) ? clean : `d-${clean || 'root'}`;
}
