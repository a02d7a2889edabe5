import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkGatewayNatRule } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-nat-rule';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkApipa, checkAsn } from './bgp';
import { AZURE_VPN_ASN, ZONES } from './defaults';
import { checkCidrs, IHubNetwork } from './hub-network';
import { SiteToSiteConnection, SiteToSiteConnectionOptions } from './site-to-site-connection';
import { LEGACY_VPN_SKUS, VALID_VPN_SKUS, VpnGatewaySku } from './vpn-gateway-sku';
import { parseCidr } from '../core/cidr';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkUniqueId } from '../core/ids';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { displayValue, synthesizedBody } from '../core/tokens';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { VPN_APIPA_ACTIVE_ACTIVE, VPN_BGP_DISABLED, VPN_NAT_RULE, VPN_POLICYBASED, VPN_PUBLICIP_ZONES, VPN_SKU_GENERATION, VPN_SKU_LEGACY, VPN_SKU_UNKNOWN } from './rules';

/** VPN gateway generation. */
export enum VpnGatewayGeneration {
  /** Generation1: VpnGw1-3 and their AZ forms. */
  GENERATION1 = 'Generation1',
  /** Generation2: VpnGw2-5 and their AZ forms; more throughput and tunnels. */
  GENERATION2 = 'Generation2',
}

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
   * Static or dynamic.
   * @default VpnNatType.STATIC
   */
  readonly type?: VpnNatType;
  /** Address ranges before translation. */
  readonly internalAddressSpaces: string[];
  /** Address ranges after translation (same sizes as `internalAddressSpaces` for static rules). */
  readonly externalAddressSpaces: string[];
}

/** Props of `VpnGateway`. */
export interface VpnGatewayProps {
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
   * Active-active: two instances, two public IPs, two tunnels per site.
   * @default true
   */
  readonly activeActive?: boolean;
  /**
   * Enable BGP.
   * @default true
   */
  readonly bgpEnabled?: boolean;
  /**
   * The gateway's BGP ASN. Keep 65515 when ExpressRoute coexists with the VPN.
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
   * Workspace for the gateway's logs (gateway, tunnel, route, IKE, P2S) and metrics.
   * @default - none: a warning is raised; call `sendDiagnosticsTo` to add one later
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
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
export class VpnGateway extends Construct {
  /** The gateway (escape hatch). */
  public readonly gateway: VirtualNetworkGateway;
  /** Its public IPs, one per instance. */
  public readonly publicIps: PublicIp[];
  /** The hub it is in. */
  public readonly hub: IHubNetwork;
  /** SKU in use. */
  public readonly sku: VpnGatewaySku;
  /** Generation in use. */
  public readonly generation: VpnGatewayGeneration;
  /** Whether the gateway is active-active. */
  public readonly activeActive: boolean;
  /** Whether BGP is on. */
  public readonly bgpEnabled: boolean;
  /** The gateway's ASN. */
  public readonly asn: number;
  /** Resource id of the gateway. */
  public readonly gatewayId: string;
  /** Custom APIPA addresses per instance (empty lists when none). */
  public readonly apipaAddresses: string[][];
  /** Diagnostic settings sent so far. */
  public readonly diagnosticSettings: DiagnosticSetting[] = [];

  private readonly instances: InstanceInfo[];
  private readonly sites: SiteToSiteConnection[] = [];
  private readonly natRules = new Map<string, VirtualNetworkGatewayNatRule[]>();
  private readonly outputNames: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: VpnGatewayProps) {
    super(scope, id);
    this.hub = props.hub;
    this.sku = props.sku ?? VpnGatewaySku.VPN_GW2_AZ;
    this.activeActive = props.activeActive ?? true;
    this.bgpEnabled = props.bgpEnabled ?? true;
    this.asn = props.asn ?? AZURE_VPN_ASN;
    const vpnType = props.vpnType ?? VpnType.ROUTE_BASED;
    const generation = props.generation ?? (/^VpnGw1(AZ)?$/.test(this.sku.name) ? VpnGatewayGeneration.GENERATION1 : VpnGatewayGeneration.GENERATION2);
    this.generation = generation;
    const apipa1 = props.apipaAddressesInstance1 ?? [];
    const apipa2 = props.apipaAddressesInstance2 ?? [];
    this.apipaAddresses = this.activeActive ? [apipa1, apipa2] : [apipa1];
    const zones = props.publicIpZones ?? ZONES;

    this.validate(props, vpnType, generation, apipa1, apipa2, zones);

    const count = this.activeActive ? 2 : 1;
    this.instances = [];
    this.publicIps = [];
    for (let i = 1; i <= count; i++) {
      // Standard, static, zone-redundant: the only public IP a VPN gateway takes now.
      const publicIp = new PublicIp(this, `PublicIp${i}`, {
        name: generateName(this, 'publicIp', String(i)),
        resourceGroupName: props.hub.resourceGroupName,
        location: props.hub.location,
        sku: 'Standard',
        allocationMethod: 'Static',
        zones,
      });
      this.publicIps.push(publicIp);
      this.instances.push({ ipConfigurationName: `ipconfig${i}`, publicIp });
    }

    this.gateway = new VirtualNetworkGateway(this, 'Resource', {
      name: props.name ?? generateName(this, 'virtualNetworkGateway'),
      resourceGroupName: props.hub.resourceGroupName,
      location: props.hub.location,
      type: 'Vpn',
      vpnType,
      sku: this.sku.name,
      generation,
      activeActive: this.activeActive,
      enableBgp: this.bgpEnabled,
      ipConfiguration: this.instances.map((instance) => ({
        name: instance.ipConfigurationName,
        publicIpAddressId: instance.publicIp.id,
        privateIpAddressAllocation: 'Dynamic',
        subnetId: props.hub.gatewaySubnetId,
      })),
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
    this.gatewayId = this.gateway.id;

    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning(
        '[DIAG-GATEWAY-MISSING] No Log Analytics workspace: the gateway\'s tunnel, route and IKE logs go nowhere. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.',
      );
    }

    this.node.addValidation({ validate: () => this.validateIpConfigurations() });
    this.addHandoff();
  }

  /** Aggregate throughput Azure quotes for this SKU and generation, in Mbps. */
  public get aggregateThroughputMbps(): number | undefined {
    return this.sku.throughputMbps(this.generation);
  }

  /** Sends the gateway's logs (all its categories) and metrics to a workspace. */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting {
    const setting = DiagnosticSetting.send(this, {
      targetResourceId: this.gateway.id,
      resourceType: 'azurerm_virtual_network_gateway',
      workspace,
      ...options,
    });
    this.diagnosticSettings.push(setting);
    return setting;
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

  /** The sites added so far. */
  public get siteConnections(): SiteToSiteConnection[] {
    return [...this.sites];
  }

  /**
   * Adds a NAT rule. A dynamic rule on an active-active gateway applies to one instance, so one
   * rule per instance is created (`<id>` gets `Instance1`, `Instance2`). Returns the rules' ids,
   * to pass to a site's `ingressNatRuleIds` / `egressNatRuleIds`.
   */
  public addNatRule(id: string, options: VpnNatRuleOptions): string[] {
    const type = options.type ?? VpnNatType.STATIC;
    const problems = new ProblemCollector(this);
    checkName(problems, 'natRule', 'id', id);
    problems.check(this.natRules.has(id), VPN_NAT_RULE, 'id', id, `a NAT rule ${id} already exists`, 'give each NAT rule its own id');
    checkCidrs(problems, 'internalAddressSpaces', options.internalAddressSpaces);
    checkCidrs(problems, 'externalAddressSpaces', options.externalAddressSpaces);
    problems.check(
      options.internalAddressSpaces.length === 0 || options.externalAddressSpaces.length === 0,
      VPN_NAT_RULE,
      'internalAddressSpaces',
      options.internalAddressSpaces,
      'a NAT rule needs at least one internal and one external mapping',
      'list the ranges before and after translation',
    );
    if (problems.count === 0 && type === VpnNatType.STATIC) {
      problems.check(
        options.internalAddressSpaces.length !== options.externalAddressSpaces.length,
        VPN_NAT_RULE,
        'externalAddressSpaces',
        options.externalAddressSpaces,
        'a static NAT rule maps each internal range to one external range',
        'list as many external ranges as internal ones',
      );
      options.internalAddressSpaces.forEach((internal, i) => {
        const external = options.externalAddressSpaces[i];
        if (external === undefined || Token.isUnresolved(internal) || Token.isUnresolved(external)) return;
        problems.check(
          parseCidr(internal)!.prefixLength !== parseCidr(external)!.prefixLength,
          VPN_NAT_RULE,
          `externalAddressSpaces[${i}]`,
          external,
          `static NAT maps one-to-one, so ${external} must be the same size as ${internal}`,
          `use a /${parseCidr(internal)!.prefixLength}`,
        );
      });
    }
    problems.throwIfAny();

    const instances = type === VpnNatType.DYNAMIC && this.activeActive ? this.instances : [undefined];
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
    this.natRules.set(id, rules);
    return rules.map((r) => r.id);
  }

  /** Name of the hand-off output with the gateway's public IPs (`terraform output -json <name>`). */
  public get publicIpsOutputName(): string {
    return this.outputNames.publicIps;
  }

  /** Name of the hand-off output with the gateway's BGP peer addresses. */
  public get bgpPeeringAddressesOutputName(): string | undefined {
    return this.outputNames.bgpPeeringAddresses;
  }

  private validate(props: VpnGatewayProps, vpnType: VpnType, generation: VpnGatewayGeneration, apipa1: string[], apipa2: string[], zones: string[]): void {
    const problems = new ProblemCollector(this);
    const sku = this.sku.name;
    checkName(problems, 'virtualNetworkGateway', 'name', props.name);
    if (LEGACY_VPN_SKUS.includes(sku)) {
      problems.add(VPN_SKU_LEGACY, 'sku', sku, `${sku} is a legacy SKU Azure no longer creates (and it lacks BGP, zones or active-active)`, 'use VpnGatewaySku.VPN_GW2_AZ (default) or another VpnGw*AZ SKU');
    } else {
      problems.check(!VALID_VPN_SKUS.includes(sku), VPN_SKU_UNKNOWN, 'sku', sku, `${sku} is not a VPN gateway SKU`, `use one of ${VALID_VPN_SKUS.join(', ')}`);
    }
    problems.check(
      this.sku.generation2Only && generation === VpnGatewayGeneration.GENERATION1,
      VPN_SKU_GENERATION,
      'generation',
      generation,
      `${sku} exists only in Generation2`,
      'use VpnGatewayGeneration.GENERATION2 (default)',
    );
    problems.check(
      /^VpnGw1(AZ)?$/.test(sku) && generation === VpnGatewayGeneration.GENERATION2,
      VPN_SKU_GENERATION,
      'generation',
      generation,
      `${sku} exists only in Generation1`,
      'use VpnGw2AZ or larger for Generation2, or leave `generation` out',
    );
    problems.check(
      vpnType === VpnType.POLICY_BASED,
      VPN_POLICYBASED,
      'vpnType',
      vpnType,
      'PolicyBased works only with the Basic SKU, which Azure no longer creates; it has no BGP and one tunnel',
      'use VpnType.ROUTE_BASED; for devices that need policy-based traffic selectors set `usePolicyBasedTrafficSelectors` on the site',
    );
    if (this.bgpEnabled && !Token.isUnresolved(this.asn)) checkAsn(problems, 'asn', this.asn, false);
    checkApipa(problems, 'apipaAddressesInstance1', apipa1);
    checkApipa(problems, 'apipaAddressesInstance2', apipa2);
    problems.check(
      !this.activeActive && apipa2.length > 0,
      VPN_APIPA_ACTIVE_ACTIVE,
      'apipaAddressesInstance2',
      apipa2,
      'an active-standby gateway has one instance, so it takes one list of APIPA addresses',
      'set `activeActive: true` or leave `apipaAddressesInstance2` out',
    );
    problems.check(
      !this.bgpEnabled && apipa1.length + apipa2.length > 0,
      VPN_BGP_DISABLED,
      'apipaAddressesInstance1',
      apipa1,
      'APIPA addresses are BGP peering addresses, and BGP is off',
      'set `bgpEnabled: true` or leave the APIPA addresses out',
    );
    const duplicated = apipa1.find((a) => apipa2.includes(a));
    problems.check(duplicated !== undefined, VPN_APIPA_ACTIVE_ACTIVE, 'apipaAddressesInstance2', duplicated, 'each instance needs its own APIPA addresses', 'use different addresses for the two instances');
    if (this.sku.zoneRedundant && !zones.some((z) => Token.isUnresolved(z))) {
      // An AZ SKU runs zonal (one zone) or zone-redundant; its public IPs must say which.
      problems.check(
        zones.length === 0,
        VPN_PUBLICIP_ZONES,
        'publicIpZones',
        zones,
        'an AZ SKU gateway needs zonal or zone-redundant public IPs, and these have no zone',
        "use ['1', '2', '3'] (default, zone-redundant) or one zone for a zonal gateway",
      );
      if (zones.length === 1) {
        Annotations.of(this).addWarning(`[VPN-SKU-ZONES] Public IPs in zone ${zones[0]} only make a zonal gateway: a zone outage takes the VPN down. Prefer ['1', '2', '3'].`);
      }
    } else if (!this.sku.zoneRedundant) {
      Annotations.of(this).addWarning(`[VPN-SKU-ZONES] ${sku} is not zone-redundant; prefer ${sku}AZ.`);
    }
    problems.throwIfAny();
  }

  /** Catches escape-hatch edits that leave the gateway with the wrong number of ip_configuration blocks. */
  private validateIpConfigurations(): string[] {
    const body = synthesizedBody(this.gateway);
    const ipConfigurations = Array.isArray(body.ip_configuration) ? body.ip_configuration.length : body.ip_configuration ? 1 : 0;
    const activeActive = body.active_active === true;
    const pointToSite = body.vpn_client_configuration !== undefined;
    const expected = activeActive ? (pointToSite ? [2, 3] : [2]) : [1];
    if (Token.isUnresolved(body.ip_configuration) || expected.includes(ipConfigurations)) return [];
    return [
      `[VPN-IPCONFIG-COUNT] ${this.node.path}: \`ipConfiguration\` = ${ipConfigurations} blocks: an ${activeActive ? 'active-active' : 'active-standby'} gateway${pointToSite ? ' with point-to-site' : ''} needs ${expected.join(' or ')}. Fix: one ip_configuration per instance (3 for active-active with point-to-site)`,
    ];
  }

  private addHandoff(): void {
    const runbook = Runbook.of(this);
    this.outputNames.publicIps = runbook.addOutput(this, 'PublicIps', {
      value: this.publicIps.map((ip) => ip.ipAddress),
      description: `Public IPs of VPN gateway ${this.node.path}, one per instance: the on-premises device peers with each`,
    });
    if (this.bgpEnabled) {
      this.outputNames.bgpPeeringAddresses = runbook.addOutput(this, 'BgpPeeringAddresses', {
        value: this.instances.map((_, i) => this.gateway.bgpSettings.peeringAddresses.get(i).defaultAddresses),
        description: `BGP peer addresses of VPN gateway ${this.node.path} (default addresses per instance, from GatewaySubnet)`,
      });
    }
    runbook.addSection(new LazySection(`VPN gateway ${this.node.path}`, () => this.renderHandoff()));
  }

  private renderHandoff(): string {
    const show = (value: unknown): string => displayValue(this, value);
    const lines = [
      `- SKU **${this.sku.name}**, ${this.activeActive ? '**active-active**: build one tunnel to each of the two public IPs, from each on-premises device' : 'active-standby: one public IP'}.`,
      `- Public IPs: \`terraform output -json ${this.outputNames.publicIps}\``,
    ];
    if (this.bgpEnabled) {
      lines.push(
        `- BGP: Azure ASN **${show(this.asn)}**; Azure's BGP peer addresses: \`terraform output -json ${this.outputNames.bgpPeeringAddresses}\``,
      );
      this.apipaAddresses.forEach((list, i) => {
        if (list.length > 0) lines.push(`- Custom APIPA BGP addresses of instance ${i + 1}: ${list.map((a) => `\`${show(a)}\``).join(', ')}`);
      });
      lines.push('- The on-premises BGP speaker needs eBGP multihop (the peers are not directly connected) and must not advertise Azure\'s own prefixes back.');
    } else {
      lines.push('- BGP is off: routes are static; every on-premises prefix must be listed on its site.');
    }
    lines.push(`- Sites: ${this.sites.length === 0 ? 'none yet' : this.sites.map((s) => s.node.id).join(', ')} (one section each below).`);
    return lines.join('\n');
  }
}
