import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkGatewayNatRule } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-nat-rule';
import { dependable, ITerraformDependable, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { hubDnsServersOf } from './hub-dns';
import { checkApipa, checkAsn } from './bgp';
import { AZURE_VPN_ASN, ZONES } from './defaults';
import { renderVpnGatewayHandoff } from './handoff/vpn-gateway';
import type { IHubNetwork } from './hub-network-base';
import { metricOf, VNG_NAMESPACE } from './metrics';
import { renderPointToSiteHandoff } from './handoff/point-to-site';
import { PointToSiteOptions, ResolvedPointToSite, resolvePointToSite, vpnClientConfiguration } from './point-to-site';
import { NET_GATEWAY_PER_VNET, VPN_APIPA_ACTIVE_ACTIVE, VPN_BGP_DISABLED, VPN_IPCONFIG_COUNT, VPN_NAT_RULE, VPN_P2S_ENTRA, VPN_POLICYBASED, VPN_PUBLICIP_ZONES, VPN_S2S_TUNNELS, VPN_SETTING_VALUE, VPN_SKU_GENERATION, VPN_SKU_LEGACY, VPN_SKU_UNKNOWN, VPN_SKU_ZONES } from './rules';
import { zonesProblem } from './rules/vpn-publicip-zones';
import { SiteToSiteConnection, SiteToSiteConnectionOptions } from './site-to-site-connection';
import { IVpnGateway, VpnGatewayGeneration } from './vpn-gateway-base';
import { LEGACY_VPN_SKUS, VALID_VPN_SKUS, VpnGatewaySku } from './vpn-gateway-sku';
import { AddressPlan } from '../core/address-plan';
import { MetricDefinition } from '../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../core/azure-resource';
import { parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { isExpression } from '../core/rule';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { checkFinalBody, decidesFor, reportAtSynth } from '../core/report';
import { displayValue, finalBody } from '../core/tokens';
import { checkSkuName } from './sku-name';

export * from './vpn-gateway-base';

/** VPN type of the gateway. */
export enum VpnType {
  /** Route-based (the only type the patterns use: BGP, active-active, coexistence). */
  ROUTE_BASED = 'RouteBased',
  /** Policy-based: Basic SKU only, which Azure no longer creates. Refused. */
  POLICY_BASED = 'PolicyBased',
}

/** Direction of a VPN NAT rule. */
export enum VpnNatMode {
  /** Translates on-premises source addresses as they enter Azure. */
  INGRESS_SNAT = 'IngressSnat',
  /** Translates Azure source addresses as they leave for on-premises. */
  EGRESS_SNAT = 'EgressSnat',
}

/** Kind of VPN NAT rule. */
export enum VpnNatType {
  /** One-to-one mapping of equally sized ranges; applies to both gateway instances. */
  STATIC = 'Static',
  /** Many-to-fewer mapping; on an active-active gateway it applies to one instance at a time. */
  DYNAMIC = 'Dynamic',
}

/** Options of `VpnGateway.addNatRule`. */
export interface VpnNatRuleOptions {
  /** Direction. */
  readonly mode: VpnNatMode;
  /**
   * Static or dynamic. A literal: a dynamic rule on an active-active gateway is one rule per
   * instance.
   * @default VpnNatType.STATIC
   */
  readonly type?: VpnNatType;
  /** Address ranges before translation. */
  readonly internalAddressSpaces: string[];
  /** Address ranges after translation (same sizes as `internalAddressSpaces` for static rules). */
  readonly externalAddressSpaces: string[];
}

/** Props of `VpnGateway`. */
export interface VpnGatewayProps extends AzureResourceProps {
  /** The hub whose `GatewaySubnet` the gateway goes into. */
  readonly hub: IHubNetwork;
  /**
   * Gateway name.
   * @default - generated: `vgw-<construct path>`
   */
  readonly name?: string;
  /**
   * SKU. Basic, Standard and HighPerformance are refused.
   * @default VpnGatewaySku.VPN_GW2_AZ
   */
  readonly sku?: VpnGatewaySku;
  /**
   * Generation.
   * @default - Generation2, or Generation1 for VpnGw1 and VpnGw1AZ (which exist only there)
   */
  readonly generation?: VpnGatewayGeneration;
  /**
   * VPN type.
   * @default VpnType.ROUTE_BASED
   */
  readonly vpnType?: VpnType;
  /**
   * Active-active: two instances, two public IPs, two tunnels per site. A literal: it decides
   * how many public IPs and ip_configuration blocks exist.
   * @default true
   */
  readonly activeActive?: boolean;
  /**
   * Enable BGP. A literal: it decides whether `bgp_settings` exists.
   * @default true
   */
  readonly bgpEnabled?: boolean;
  /**
   * The gateway's BGP ASN (a Terraform expression is accepted). Keep 65515 when ExpressRoute coexists with the VPN.
   * @default 65515
   */
  readonly asn?: number;
  /**
   * Custom APIPA BGP addresses of the first instance (169.254.21.0-169.254.22.255), for devices
   * that peer over APIPA addresses (AWS, many firewalls).
   * @default - none
   */
  readonly apipaAddressesInstance1?: string[];
  /**
   * Custom APIPA BGP addresses of the second instance (active-active only).
   * @default - none
   */
  readonly apipaAddressesInstance2?: string[];
  /**
   * Availability zones of the public IPs: zone-redundant by default.
   * @default ['1', '2', '3']
   */
  readonly publicIpZones?: string[];
  /**
   * Point-to-site (user) VPN: Entra ID and/or certificate authentication, OpenVPN/IKEv2, the
   * client address pool (claimed in the address plan), custom routes and the client profile's DNS
   * servers. On an active-active gateway it adds the third public IP and ip_configuration Azure
   * requires. A literal object.
   * @default - no point-to-site
   */
  readonly pointToSite?: PointToSiteOptions;
  /**
   * Gateway private IPs (`private_ip_address_enabled`): sites can then run their tunnels over
   * ExpressRoute private peering to the gateway's private addresses (`overExpressRoute` on a
   * site), encrypting traffic that crosses the circuit. Needs an AZ SKU with a Standard public IP,
   * which the library always uses.
   * @default false
   */
  readonly privateIpAddressEnabled?: boolean;
}

/** Attributes of an existing VPN gateway, for `VpnGateway.fromVpnGatewayAttributes`. */
export interface VpnGatewayAttributes {
  /** Resource id of the gateway. */
  readonly gatewayId: string;
  /** The hub (an imported one is fine) whose GatewaySubnet holds it. */
  readonly hub: IHubNetwork;
  /** Its SKU (for throughput and alert thresholds). */
  readonly sku: VpnGatewaySku;
  /**
   * Its generation.
   * @default - Generation2, or Generation1 for VpnGw1 and VpnGw1AZ
   */
  readonly generation?: VpnGatewayGeneration;
  /**
   * Whether it is active-active.
   * @default true
   */
  readonly activeActive?: boolean;
  /**
   * Whether BGP is on.
   * @default true
   */
  readonly bgpEnabled?: boolean;
  /**
   * Its BGP ASN.
   * @default 65515
   */
  readonly asn?: number;
  /**
   * Whether it has private IPs (for sites over ExpressRoute private peering).
   * @default - unknown: sites over ExpressRoute are not checked against it
   */
  readonly privateIpAddressEnabled?: boolean;
}

/** The generation a SKU exists in when none is given. */
function defaultGeneration(sku: VpnGatewaySku): VpnGatewayGeneration {
  return /^VpnGw1(AZ)?$/.test(sku.name) ? VpnGatewayGeneration.GENERATION1 : VpnGatewayGeneration.GENERATION2;
}


/** Each value of a list for the runbook; a whole list from an expression as that expression. */
function showEach(scope: Construct, list: readonly unknown[]): string[] {
  return Token.isUnresolved(list) ? [displayValue(scope, list)] : list.map((v) => displayValue(scope, v));
}

/**
 * What new and imported VPN gateways share: the `AzureResource` contract (diagnostics with the
 * gateway's log categories, grants, lock), its metrics, and sites.
 */
export abstract class VpnGatewayBase extends AzureResource implements IVpnGateway {
  public abstract readonly gatewayId: string;
  public abstract readonly hub: IHubNetwork;
  public abstract readonly sku: VpnGatewaySku;
  public abstract readonly generation: VpnGatewayGeneration;
  public abstract readonly bgpEnabled: boolean;
  public abstract readonly activeActive: boolean;
  public abstract readonly privateIpAddressEnabled?: boolean;
  public abstract readonly asn: number;
  public abstract readonly apipaAddresses: string[][];
  public abstract readonly publicIpsOutputName?: string;
  public abstract readonly bgpPeeringAddressesOutputName?: string;
  private readonly sites: SiteToSiteConnection[] = [];

  /** Aggregate throughput Azure quotes for this SKU and generation, in Mbps. */
  public get aggregateThroughputMbps(): number | undefined {
    return this.sku.throughputMbps(this.generation);
  }

  // Metric names and dimensions: see ./metrics.ts (Azure Monitor reference, research.md section 4).
  public metricBgpPeerStatus(): MetricDefinition {
    return metricOf(this.gatewayId, VNG_NAMESPACE, 'BgpPeerStatus', 'Average', '1 = connected, 0 = down', ['BgpPeerAddress']);
  }

  public metricAverageBandwidth(): MetricDefinition {
    return metricOf(this.gatewayId, VNG_NAMESPACE, 'AverageBandwidth', 'Average', 'bytes/s', ['Instance']);
  }

  public metricTunnelAverageBandwidth(): MetricDefinition {
    return metricOf(this.gatewayId, VNG_NAMESPACE, 'TunnelAverageBandwidth', 'Average', 'bytes/s', ['ConnectionName']);
  }

  /** Connects an on-premises site: a local network gateway and an IPsec connection to it. */
  public addSite(id: string, options: SiteToSiteConnectionOptions): SiteToSiteConnection {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, id, 'id', id);
    problems.throwIfAny();
    const site = new SiteToSiteConnection(this, id, { ...options, gateway: this });
    this.sites.push(site);
    return site;
  }

  /**
   * Site-to-site tunnels Azure allows on this SKU (30 for VpnGw1-3[AZ], 100 for VpnGw4-5[AZ]);
   * undefined for an unknown SKU. Source: rule VPN-S2S-TUNNELS.
   */
  public get maxSiteToSiteTunnels(): number | undefined {
    const match = /^VpnGw([1-5])(AZ)?$/.exec(this.sku.name);
    return match ? (Number(match[1]) >= 4 ? 100 : 30) : undefined;
  }

  /** The sites added so far. */
  public get siteConnections(): SiteToSiteConnection[] {
    return [...this.sites];
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.gatewayId, resourceType: 'azurerm_virtual_network_gateway' }];
  }
}

/** An existing VPN gateway. */
class ImportedVpnGateway extends VpnGatewayBase {
  public readonly gatewayId: string;
  public readonly resourceId: string;
  public readonly hub: IHubNetwork;
  public readonly sku: VpnGatewaySku;
  public readonly generation: VpnGatewayGeneration;
  public readonly bgpEnabled: boolean;
  public readonly activeActive: boolean;
  public readonly privateIpAddressEnabled?: boolean;
  public readonly asn: number;
  public readonly apipaAddresses: string[][];
  public readonly publicIpsOutputName?: string = undefined;
  public readonly bgpPeeringAddressesOutputName?: string = undefined;

  constructor(scope: Construct, id: string, attrs: VpnGatewayAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('gatewayId', attrs?.gatewayId, 'string');
    problems.required('hub', attrs?.hub, 'construct');
    problems.required('sku', attrs?.sku, 'object');
    checkSkuName(problems, attrs?.sku, 'VpnGatewaySku', ['VpnGw2AZ', 'VPN_GW2_AZ']);
    problems.throwIfAny();
    problems.resourceId(VPN_SKU_UNKNOWN, 'gatewayId', attrs.gatewayId, 'virtual network gateway');
    problems.oneOf(VPN_SETTING_VALUE, 'generation', attrs.generation, Object.values(VpnGatewayGeneration));
    problems.throwIfAny();
    this.gatewayId = this.resourceId = attrs.gatewayId;
    this.hub = attrs.hub;
    this.sku = attrs.sku;
    this.generation = attrs.generation ?? defaultGeneration(attrs.sku);
    this.bgpEnabled = attrs.bgpEnabled ?? true;
    this.activeActive = attrs.activeActive ?? true;
    this.privateIpAddressEnabled = attrs.privateIpAddressEnabled;
    this.asn = attrs.asn ?? AZURE_VPN_ASN;
    this.apipaAddresses = this.activeActive ? [[], []] : [[]];
  }
}

/** One instance's BGP peering, as the on-premises device sees it. */
interface InstanceInfo {
  readonly ipConfigurationName: string;
  readonly publicIp: PublicIp;
}

/**
 * A zone-redundant, active-active, BGP-enabled VPN gateway in the hub's `GatewaySubnet`
 * (VpnGw2AZ, Generation2, ASN 65515, two Standard static public IPs), with its logs sent to
 * Log Analytics. Sites are added with `addSite`.
 */
export class VpnGateway extends VpnGatewayBase {
  /** Refers to an existing VPN gateway (sites, diagnostics, grants and metrics work on it). */
  public static fromVpnGatewayAttributes(scope: Construct, id: string, attrs: VpnGatewayAttributes): IVpnGateway {
    return new ImportedVpnGateway(scope, id, attrs);
  }

  /** The gateway (escape hatch). */
  public readonly gateway: VirtualNetworkGateway;
  /** Its public IPs, one per instance. */
  public readonly publicIps: PublicIp[];
  public readonly hub: IHubNetwork;
  public readonly sku: VpnGatewaySku;
  public readonly generation: VpnGatewayGeneration;
  public readonly activeActive: boolean;
  public readonly privateIpAddressEnabled?: boolean;
  public readonly bgpEnabled: boolean;
  public readonly asn: number;
  public readonly gatewayId: string;
  public readonly resourceId: string;
  public readonly apipaAddresses: string[][];
  public readonly publicIpsOutputName?: string;
  public readonly bgpPeeringAddressesOutputName?: string;
  /** VPN type in use. */
  public readonly vpnType: VpnType;
  /** Point-to-site as configured (undefined without). */
  public readonly pointToSite?: ResolvedPointToSite;

  private readonly instances: InstanceInfo[] = [];
  private readonly natRules = new Map<string, VirtualNetworkGatewayNatRule[]>();

  constructor(scope: Construct, id: string, props: VpnGatewayProps) {
    super(scope, id);
    // Resolve: every check, one error.
    this.pointToSite = this.validate(props);
    this.hub = props.hub;
    this.sku = props.sku ?? VpnGatewaySku.VPN_GW2_AZ;
    this.activeActive = props.activeActive ?? true;
    this.privateIpAddressEnabled = props.privateIpAddressEnabled ?? false;
    this.bgpEnabled = props.bgpEnabled ?? true;
    this.asn = props.asn ?? AZURE_VPN_ASN;
    this.vpnType = props.vpnType ?? VpnType.ROUTE_BASED;
    this.generation = props.generation ?? defaultGeneration(this.sku);
    const apipa1 = props.apipaAddressesInstance1 ?? [];
    this.apipaAddresses = this.activeActive ? [apipa1, props.apipaAddressesInstance2 ?? []] : [apipa1];

    // Build.
    this.publicIps = this.createPublicIps(props.publicIpZones ?? ZONES);
    this.gateway = this.createGateway(props.name, props.pointToSite);
    this.gatewayId = this.resourceId = this.gateway.id;
    this.hub.registerGateway(this.gateway);
    checkFinalBody(this, this.gateway, [VPN_SKU_LEGACY, VPN_IPCONFIG_COUNT, NET_GATEWAY_PER_VNET, VPN_P2S_ENTRA, VPN_SETTING_VALUE]);
    this.reportZonalPublicIps();
    reportAtSynth(this, VPN_S2S_TUNNELS, () => this.tooManyTunnels());

    // Hand off.
    const runbook = Runbook.of(this);
    this.publicIpsOutputName = runbook.addOutput(this, 'PublicIps', {
      value: this.instances.map((instance) => instance.publicIp.ipAddress),
      description: `Public IPs of VPN gateway ${this.node.path}, one per instance: the on-premises device peers with each`,
    });
    if (this.bgpEnabled) {
      this.bgpPeeringAddressesOutputName = runbook.addOutput(this, 'BgpPeeringAddresses', {
        value: this.instances.map((_, i) => this.gateway.bgpSettings.peeringAddresses.get(i).defaultAddresses),
        description: `BGP peer addresses of VPN gateway ${this.node.path} (default addresses per instance, from GatewaySubnet)`,
      });
    }
    runbook.addSection(new LazySection(`VPN gateway ${this.node.path}`, () => renderVpnGatewayHandoff({
      skuName: this.sku.name,
      activeActive: this.activeActive,
      bgpEnabled: this.bgpEnabled,
      asn: displayValue(this, this.asn),
      apipaAddresses: this.apipaAddresses.map((l) => showEach(this, l)),
      publicIpsOutputName: this.publicIpsOutputName,
      bgpPeeringAddressesOutputName: this.bgpPeeringAddressesOutputName,
      siteIds: this.siteConnections.map((s) => s.node.id),
    })));
    const p2s = this.pointToSite;
    if (p2s) {
      runbook.addSection(new LazySection(`Point-to-site VPN of ${this.node.path}`, () => renderPointToSiteHandoff({
        gatewayName: displayValue(this, this.gateway.name),
        resourceGroupName: displayValue(this, this.hub.resourceGroupName),
        protocols: p2s.protocols,
        authTypes: p2s.authTypes,
        clientAddressPool: showEach(this, p2s.clientAddressPool),
        customRoutes: showEach(this, p2s.customRoutes),
        // Given servers, else the hub's DNS servers or its DNS Private Resolver (hub-dns.ts).
        dnsServers: showEach(this, props.pointToSite?.dnsServers !== undefined ? p2s.dnsServers : hubDnsServersOf(this.hub)),
        entraTenantId: p2s.entraTenantId !== undefined ? displayValue(this, p2s.entraTenantId) : undefined,
        entraAudience: p2s.entraAudience !== undefined ? displayValue(this, p2s.entraAudience) : undefined,
      })));
    }
    this.initCommon(props);
  }

  /**
   * Adds a NAT rule. A dynamic rule on an active-active gateway applies to one instance, so one
   * rule per instance is created (`<id>` gets `Instance1`, `Instance2`). Returns the rules (pass
   * their `id`s to a site's `ingressNatRuleIds` / `egressNatRuleIds`).
   */
  public addNatRule(id: string, options: VpnNatRuleOptions): VirtualNetworkGatewayNatRule[] {
    const type = options?.type ?? VpnNatType.STATIC;
    this.validateNatRule(id, options, type);
    const instances = type === VpnNatType.DYNAMIC && this.activeActive ? this.instances : [undefined];
    const problems = new ProblemCollector(this);
    // Every construct id this call derives (`NatRule<id>`, `NatRule<id>Instance1`...) must be free:
    // rule `n` (dynamic, two instances) and rule `nInstance1` would otherwise collide.
    instances.forEach((instance, i) => checkUniqueId(problems, this, instance ? `NatRule${id}Instance${i + 1}` : `NatRule${id}`, 'id', id));
    problems.throwIfAny();
    const rules = instances.map((instance, i) => new VirtualNetworkGatewayNatRule(this, instance ? `NatRule${id}Instance${i + 1}` : `NatRule${id}`, {
      name: instance ? `${id}-instance${i + 1}` : id,
      resourceGroupName: this.hub.resourceGroupName,
      virtualNetworkGatewayId: this.gateway.id,
      mode: options.mode,
      type,
      ipConfigurationId: instance ? `${this.gateway.id}/ipConfigurations/${instance.ipConfigurationName}` : undefined,
      internalMapping: options.internalAddressSpaces.map((addressSpace) => ({ addressSpace })),
      externalMapping: options.externalAddressSpaces.map((addressSpace) => ({ addressSpace })),
    }));
    for (const rule of rules) checkFinalBody(this, rule, [VPN_SETTING_VALUE]);
    this.natRules.set(id, rules);
    return rules;
  }

  /**
   * @internal Orders the gateway after other resources (Azure updates GatewaySubnet one gateway
   * at a time: HybridConnectivity places the VPN gateway after the ExpressRoute gateway).
   */
  public _placeAfter(...resources: ITerraformDependable[]): void {
    const current = this.gateway.dependsOn ?? [];
    this.gateway.dependsOn = [...current, ...resources.map((r) => dependable(r)).filter((d) => !current.includes(d))];
  }

  private createPublicIps(zones: string[]): PublicIp[] {
    const ips: PublicIp[] = [];
    // Active-active with point-to-site needs a third ip_configuration (rule VPN-IPCONFIG-COUNT).
    const count = this.activeActive ? (this.pointToSite ? 3 : 2) : 1;
    for (let i = 1; i <= count; i++) {
      // Standard, static, zone-redundant: the only public IP a VPN gateway takes now.
      const publicIp = new PublicIp(this, `PublicIp${i}`, {
        name: generateName(this, 'publicIp', String(i)),
        resourceGroupName: this.hub.resourceGroupName,
        location: this.hub.location,
        sku: 'Standard',
        allocationMethod: 'Static',
        zones,
      });
      ips.push(publicIp);
      if (i <= 2) this.instances.push({ ipConfigurationName: `ipconfig${i}`, publicIp });
    }
    return ips;
  }

  private createGateway(name: string | undefined, pointToSite: PointToSiteOptions | undefined): VirtualNetworkGateway {
    const p2s = this.pointToSite;
    return new VirtualNetworkGateway(this, 'Resource', {
      name: name ?? generateName(this, 'virtualNetworkGateway'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      type: 'Vpn',
      vpnType: this.vpnType,
      sku: this.sku.name,
      generation: this.generation,
      activeActive: this.activeActive,
      privateIpAddressEnabled: this.privateIpAddressEnabled || undefined,
      enableBgp: this.bgpEnabled,
      ipConfiguration: this.publicIps.map((publicIp, i) => ({
        name: `ipconfig${i + 1}`,
        publicIpAddressId: publicIp.id,
        privateIpAddressAllocation: 'Dynamic',
        subnetId: this.hub.gatewaySubnetId,
      })),
      vpnClientConfiguration: p2s && pointToSite ? vpnClientConfiguration(p2s, pointToSite) : undefined,
      customRoute: p2s && p2s.customRoutes.length > 0 ? { addressPrefixes: p2s.customRoutes } : undefined,
      bgpSettings: this.bgpEnabled
        ? {
          asn: this.asn,
          peeringAddresses: this.instances.map((instance, i) => ({
            ipConfigurationName: instance.ipConfigurationName,
            apipaAddresses: this.apipaAddresses[i].length > 0 ? this.apipaAddresses[i] : undefined,
          })),
        }
        : undefined,
    });
  }

  /**
   * Public IPs in one zone make a zonal gateway: a warning at synth (suppressible), not in the
   * constructor, read from the IPs' final bodies (escape hatches included) and reported once, on
   * `publicIpZones`: the pack leaves VPN-SKU-ZONES on this gateway to the construct.
   */
  private reportZonalPublicIps(): void {
    decidesFor(this.gateway, VPN_SKU_ZONES);
    reportAtSynth(this, VPN_SKU_ZONES, () => {
      if (!this.sku.zoneRedundant) return undefined;
      const stack = TerraformStack.of(this);
      for (const ip of this.publicIps) {
        const zones: unknown = finalBody(stack, ip).zones;
        // A whole list from an expression resolves to one string: not known to be zonal.
        if (!Array.isArray(zones) || zones.length === 0 || zones.some(isExpression) || new Set(zones).size !== 1) continue;
        return { prop: 'publicIpZones', value: zones, detail: `public IPs in zone ${zones[0]} only make a zonal gateway: a zone outage takes the VPN down`, fix: "use ['1', '2', '3'] (default)" };
      }
      return undefined;
    });
  }

  /** Sites times instances against the SKU's tunnel limit (a site added after construction counts). */
  private tooManyTunnels(): { prop: string; value: unknown; detail: string; fix: string } | undefined {
    const max = this.maxSiteToSiteTunnels;
    const tunnels = this.siteConnections.length * (this.activeActive ? 2 : 1);
    if (max === undefined || tunnels <= max) return undefined;
    return {
      prop: 'sku',
      value: this.sku.name,
      detail: `${this.siteConnections.length} sites on an ${this.activeActive ? 'active-active' : 'active-standby'} gateway make ${tunnels} site-to-site tunnels; ${this.sku.name} allows ${max}`,
      fix: max < 100 ? 'use VpnGatewaySku.VPN_GW4_AZ or VPN_GW5_AZ (100 tunnels), or Virtual WAN for more sites' : 'use Virtual WAN (VirtualWan, VirtualHub) for more sites',
    };
  }

  private validate(props: VpnGatewayProps): ResolvedPointToSite | undefined {
    const problems = new ProblemCollector(this);
    problems.required('hub', props?.hub, 'construct');
    problems.type('sku', props?.sku, 'object', `use VpnGatewaySku.of('${displayValue(this, props?.sku).slice(0, 40)}') or a member such as VpnGatewaySku.VPN_GW2_AZ`);
    checkSkuName(problems, props?.sku, 'VpnGatewaySku', ['VpnGw2AZ', 'VPN_GW2_AZ']);
    problems.type('publicIpZones', props?.publicIpZones, 'array');
    problems.throwIfAny();
    const sku = (props.sku ?? VpnGatewaySku.VPN_GW2_AZ);
    const generation = props.generation ?? defaultGeneration(sku);
    const activeActive = props.activeActive ?? true;
    const bgp = props.bgpEnabled ?? true;
    problems.literal('activeActive', props.activeActive, 'it decides how many public IPs and ip_configuration blocks exist');
    problems.literal('bgpEnabled', props.bgpEnabled, 'it decides whether bgp_settings exists');
    problems.literal('sku', sku.name, 'it decides the generation and the checks of the gateway');
    checkName(problems, 'virtualNetworkGateway', 'name', props.name);
    // The values azurerm accepts; Generation3 or a misspelt type would only fail at `terraform validate`.
    problems.oneOf(VPN_SETTING_VALUE, 'generation', props.generation, Object.values(VpnGatewayGeneration));
    problems.oneOf(VPN_SETTING_VALUE, 'vpnType', props.vpnType, Object.values(VpnType));
    if (LEGACY_VPN_SKUS.includes(sku.name)) {
      problems.add(VPN_SKU_LEGACY, 'sku', sku.name, /^VpnGw[1-5]$/.test(sku.name) ? `${sku.name} is a non-AZ SKU: Azure creates none since 2025-01-01 and retires them on 2026-09-30` : `${sku.name} is a legacy SKU Azure no longer creates (and it lacks BGP, zones or active-active)`, /^VpnGw[1-5]$/.test(sku.name) ? `use VpnGatewaySku.${sku.name.replace('VpnGw', 'VPN_GW')}_AZ (same size, zone-redundant; every region accepts AZ SKUs since May 2025)` : 'use VpnGatewaySku.VPN_GW2_AZ (default) or another VpnGw*AZ SKU');
    } else {
      problems.oneOf(VPN_SKU_UNKNOWN, 'sku', sku.name, VALID_VPN_SKUS);
    }
    problems.check(sku.generation2Only && generation === VpnGatewayGeneration.GENERATION1, VPN_SKU_GENERATION, 'generation', generation, `${sku.name} exists only in Generation2`, 'use VpnGatewayGeneration.GENERATION2 (default)');
    problems.check(/^VpnGw1(AZ)?$/.test(sku.name) && generation === VpnGatewayGeneration.GENERATION2, VPN_SKU_GENERATION, 'generation', generation, `${sku.name} exists only in Generation1`, 'use VpnGw2AZ or larger for Generation2, or leave `generation` out');
    problems.check(
      props.vpnType === VpnType.POLICY_BASED,
      VPN_POLICYBASED,
      'vpnType',
      props.vpnType,
      'PolicyBased works only with the Basic SKU, which Azure no longer creates; it has no BGP and one tunnel',
      'use VpnType.ROUTE_BASED; for devices that need policy-based traffic selectors set `usePolicyBasedTrafficSelectors` on the site',
    );
    if (bgp && props.asn !== undefined && !Token.isUnresolved(props.asn)) checkAsn(problems, 'asn', props.asn, false);
    this.validateApipa(problems, props.apipaAddressesInstance1 ?? [], props.apipaAddressesInstance2 ?? [], activeActive, bgp);
    const zones = props.publicIpZones ?? ZONES;
    if (!Token.isUnresolved(zones)) {
      // An AZ SKU runs zonal (one zone) or zone-redundant; its public IPs must say which, in zones 1-3 once each.
      problems.check(sku.zoneRedundant && zones.length === 0, VPN_PUBLICIP_ZONES, 'publicIpZones', zones, 'an AZ SKU gateway needs zonal or zone-redundant public IPs, and these have no zone', "use ['1', '2', '3'] (default, zone-redundant) or one zone for a zonal gateway");
      const zoneProblem = zonesProblem(zones, (z) => Token.isUnresolved(z));
      problems.check(zoneProblem !== undefined, VPN_PUBLICIP_ZONES, 'publicIpZones', zones, zoneProblem ?? '', "use ['1', '2', '3'] (default, zone-redundant) or one zone for a zonal gateway");
    }
    problems.type('pointToSite', props.pointToSite, 'object');
    problems.type('privateIpAddressEnabled', props.privateIpAddressEnabled, 'boolean');
    problems.throwIfAny();
    if (props.pointToSite === undefined) return undefined;
    const p2s = resolvePointToSite(problems, props.pointToSite);
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'pointToSite.clientAddressPool', p2s!.clientAddressPool, `point-to-site client pool of ${this.node.path}`);
    problems.throwIfAny();
    return p2s;
  }

  private validateApipa(problems: ProblemCollector, apipa1: string[], apipa2: string[], activeActive: boolean, bgp: boolean): void {
    // A whole list from an expression is known only at apply (its one element is a list token, not an address).
    checkApipa(problems, 'apipaAddressesInstance1', Token.isUnresolved(apipa1) ? [] : apipa1);
    checkApipa(problems, 'apipaAddressesInstance2', Token.isUnresolved(apipa2) ? [] : apipa2);
    problems.check(!activeActive && apipa2.length > 0, VPN_APIPA_ACTIVE_ACTIVE, 'apipaAddressesInstance2', apipa2, 'an active-standby gateway has one instance, so it takes one list of APIPA addresses', 'set `activeActive: true` or leave `apipaAddressesInstance2` out');
    problems.check(!bgp && apipa1.length + apipa2.length > 0, VPN_BGP_DISABLED, 'apipaAddressesInstance1', apipa1, 'APIPA addresses are BGP peering addresses, and BGP is off', 'set `bgpEnabled: true` or leave the APIPA addresses out');
    const duplicated = apipa1.find((a) => !Token.isUnresolved(a) && apipa2.includes(a));
    problems.check(duplicated !== undefined, VPN_APIPA_ACTIVE_ACTIVE, 'apipaAddressesInstance2', duplicated, 'each instance needs its own APIPA addresses', 'use different addresses for the two instances');
  }

  private validateNatRule(id: string, options: VpnNatRuleOptions, type: VpnNatType): void {
    const problems = new ProblemCollector(this);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    problems.required('internalAddressSpaces', options.internalAddressSpaces, 'array');
    problems.required('externalAddressSpaces', options.externalAddressSpaces, 'array');
    problems.required('mode', options.mode, 'string', 'use VpnNatMode.INGRESS_SNAT or VpnNatMode.EGRESS_SNAT');
    problems.throwIfAny();
    checkName(problems, 'natRule', 'id', id);
    problems.oneOf(VPN_SETTING_VALUE, 'mode', options.mode, Object.values(VpnNatMode));
    problems.literal('type', options.type, 'a dynamic rule on an active-active gateway is one rule per instance');
    problems.oneOf(VPN_SETTING_VALUE, 'type', type, Object.values(VpnNatType));
    problems.check(this.natRules.has(id), VPN_NAT_RULE, 'id', id, `a NAT rule ${id} already exists`, 'give each NAT rule its own id');
    checkCidrs(problems, 'internalAddressSpaces', options.internalAddressSpaces);
    checkCidrs(problems, 'externalAddressSpaces', options.externalAddressSpaces);
    problems.check(options.internalAddressSpaces.length === 0 || options.externalAddressSpaces.length === 0, VPN_NAT_RULE, 'internalAddressSpaces', options.internalAddressSpaces, 'a NAT rule needs at least one internal and one external mapping', 'list the ranges before and after translation');
    if (problems.count === 0 && type === VpnNatType.STATIC) {
      problems.check(options.internalAddressSpaces.length !== options.externalAddressSpaces.length, VPN_NAT_RULE, 'externalAddressSpaces', options.externalAddressSpaces, 'a static NAT rule maps each internal range to one external range', 'list as many external ranges as internal ones');
      options.internalAddressSpaces.forEach((internal, i) => {
        const external = options.externalAddressSpaces[i];
        if (external === undefined || Token.isUnresolved(internal) || Token.isUnresolved(external)) return;
        const size = parseCidr(internal)!.prefixLength;
        problems.check(size !== parseCidr(external)!.prefixLength, VPN_NAT_RULE, `externalAddressSpaces[${i}]`, external, `static NAT maps one-to-one, so ${external} must be the same size as ${internal}`, `use a /${size}`);
      });
    }
    problems.throwIfAny();
  }
}
