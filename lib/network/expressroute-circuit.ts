import { ExpressRouteCircuit as ExpressRouteCircuitResource } from '@cdktf/provider-azurerm/lib/express-route-circuit';
import { ExpressRouteCircuitAuthorization } from '@cdktf/provider-azurerm/lib/express-route-circuit-authorization';
import { ExpressRouteCircuitPeering } from '@cdktf/provider-azurerm/lib/express-route-circuit-peering';
import { RouteFilter } from '@cdktf/provider-azurerm/lib/route-filter';
import { ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkAsn } from './bgp';
import {
  EXPRESSROUTE_PORT_BANDWIDTHS_GBPS,
  EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS,
  EXPRESSROUTE_SHARED_KEY_MAX_LENGTH,
  EXPRESSROUTE_SKU_FAMILY,
  EXPRESSROUTE_SKU_TIER,
} from './defaults';
import { checkAuthorizationKey } from './authorization-key';
import { setKeyPurpose } from './key-purpose';
import { SharedKey, SharedKeyConfig } from './shared-key';
import { addressPlanNetworkOf, checkInsideNetwork, IOnPremisesNetwork } from './on-premises-network';
import { AddressPlan, onPremisesNetworkOf } from '../core/address-plan';
import { cidrOverlaps, nonPublicOverlap, parseCidr } from '../core/cidr';
import { MetricDefinition } from '../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget, IAzureResource } from '../core/azure-resource';
import { checkCidrs } from '../core/cidr-checks';
import { LifecycleGate } from '../core/gates';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';
import { displayValue } from '../core/tokens';
import { renderCircuitHandoff } from './handoff/expressroute-circuit';
import { checkFinalBody } from '../core/report';
import { CIRCUIT_NAMESPACE, metricOf } from './metrics';
import { ER_AUTHORIZATION_DUPLICATE, ER_CIRCUIT_BANDWIDTH, ER_CIRCUIT_PROVIDER_OR_PORT, ER_CIRCUIT_SKU, ER_CONNECTION_CIRCUIT, ER_PEERING_PREFIX, ER_PEERING_VLAN, ER_SHARED_KEY_LENGTH, ER_MSPEERING_PREFIX_LIMIT, ER_MSPEERING_PUBLIC, ER_MSPEERING_REGISTRY, ER_MSPEERING_ROUTE_FILTER, VPN_SHARED_KEY_LITERAL } from './rules';

/** Service tier of a circuit. */
export enum ExpressRouteSkuTier {
  /** Only for classic circuits; no new use. */
  BASIC = 'Basic',
  /** Local: the Azure regions near the peering location only, unlimited data. */
  LOCAL = 'Local',
  /** Standard: the regions of one geopolitical area (the library's default). */
  STANDARD = 'Standard',
  /** Premium: global connectivity, more routes and VNet links. */
  PREMIUM = 'Premium',
}

/** Billing of a circuit's bandwidth. */
export enum ExpressRouteSkuFamily {
  /** Pay for outbound data (default); move to unlimited above ~68% sustained utilization. */
  METERED_DATA = 'MeteredData',
  /** Flat rate. One-way: a circuit cannot go back to MeteredData. */
  UNLIMITED_DATA = 'UnlimitedData',
}

/**
 * The two links of a circuit peering: the BGP sessions between your edge routers and Microsoft's
 * (private and Microsoft peering alike; Microsoft peering needs public addresses registered to you).
 */
export interface ExpressRoutePeeringLinkOptions {
  /** /30 of the primary link (your router gets the first usable address, Microsoft the second). */
  readonly primaryPeerAddressPrefix: string;
  /** /30 of the secondary link, distinct from the primary one. */
  readonly secondaryPeerAddressPrefix: string;
  /** VLAN id of the peering on the circuit, 1-4094, its own on the circuit. */
  readonly vlanId: number;
  /** Your edge routers' ASN (not 65515-65520 or other reserved ASNs). */
  readonly peerAsn: number;
  /**
   * MD5 key of the BGP sessions, at most 25 characters. A generated key must ask for 25 or fewer
   * characters: `SharedKey.generate(25)`.
   * @default - no MD5 authentication
   */
  readonly md5SharedKey?: SharedKey;
}

/** Azure private peering of a circuit. */
export interface ExpressRoutePrivatePeeringOptions extends ExpressRoutePeeringLinkOptions {}

/** Internet routing registries Microsoft validates Microsoft-peering prefixes and ASNs against. */
export enum ExpressRouteRoutingRegistry {
  ARIN = 'ARIN',
  APNIC = 'APNIC',
  AFRINIC = 'AFRINIC',
  LACNIC = 'LACNIC',
  RIPENCC = 'RIPENCC',
  RADB = 'RADB',
  ALTDB = 'ALTDB',
  LEVEL3 = 'LEVEL3',
}

/**
 * Microsoft peering of a circuit: Microsoft 365 and Azure public endpoints over ExpressRoute.
 * It runs on public addresses registered to you, and Microsoft advertises only the services
 * whose BGP communities the route filter allows.
 */
export interface ExpressRouteMicrosoftPeeringOptions extends ExpressRoutePeeringLinkOptions {
  /**
   * Public prefixes you advertise to Microsoft (the NAT pool your traffic leaves from), registered
   * to you or to `customerAsn`; at most 200.
   */
  readonly advertisedPublicPrefixes: string[];
  /** Registry the prefixes and ASN are registered in. */
  readonly routingRegistryName: ExpressRouteRoutingRegistry;
  /**
   * ASN the advertised prefixes belong to, when it is not `peerAsn`.
   * @default - none (the prefixes belong to `peerAsn`)
   */
  readonly customerAsn?: number;
  /**
   * BGP community values of the services and regions Microsoft should advertise (the route
   * filter), e.g. `12076:5010` (Exchange Online), `12076:51002` (Azure West Europe). At least one:
   * without a route filter Microsoft advertises nothing.
   */
  readonly routeFilterCommunities: string[];
}

/** Props of `ExpressRouteCircuit`. */
export interface ExpressRouteCircuitProps extends AzureResourceProps {
  /** Resource group of the circuit. */
  readonly resourceGroupName: string;
  /** Azure region of the circuit resource. */
  readonly location: string;
  /**
   * Circuit name.
   * @default - generated: `erc-<construct path>`
   */
  readonly name?: string;
  /**
   * Connectivity provider, e.g. `Equinix`. With `peeringLocation` and `bandwidthInMbps`.
   * @default - none: an ExpressRoute Direct circuit (`expressRoutePortId`)
   */
  readonly serviceProviderName?: string;
  /**
   * Peering location (the provider's meet-me site, e.g. `Amsterdam`), not an Azure region.
   * @default - none
   */
  readonly peeringLocation?: string;
  /**
   * Bandwidth through the provider: 50, 100, 200, 500, 1000, 2000, 5000 or 10000 Mbps. It cannot be
   * decreased later.
   * @default - none
   */
  readonly bandwidthInMbps?: number;
  /**
   * ExpressRoute Direct port id. With `bandwidthInGbps`; never with a provider.
   * @default - none
   */
  readonly expressRoutePortId?: string;
  /**
   * Bandwidth on the Direct port: 1, 2, 5, 10, 40 or 100 Gbps.
   * @default - none
   */
  readonly bandwidthInGbps?: number;
  /**
   * SKU tier (a Terraform expression is accepted, and then not checked: a Local circuit from an
   * expression is not refused for Global Reach).
   * @default ExpressRouteSkuTier.STANDARD
   */
  readonly skuTier?: ExpressRouteSkuTier;
  /**
   * SKU family (a Terraform expression is accepted).
   * @default ExpressRouteSkuFamily.METERED_DATA
   */
  readonly skuFamily?: ExpressRouteSkuFamily;
  /**
   * Azure private peering. Leave out when a layer-3 provider configures the peering for you.
   * @default - none
   */
  readonly privatePeering?: ExpressRoutePrivatePeeringOptions;
  /**
   * Microsoft peering with its route filter (Microsoft 365, Azure public endpoints).
   * @default - none
   */
  readonly microsoftPeering?: ExpressRouteMicrosoftPeeringOptions;
  /**
   * On-premises prefixes your routers advertise over the circuit; checked against the hub,
   * spokes and VPN sites so that no address range is used twice.
   * @default - the prefixes of `onPremisesNetwork`, else none
   */
  readonly onPremisesPrefixes?: string[];
  /**
   * The on-premises network behind the circuit, declared once (`OnPremisesNetwork`): other
   * circuits (another peering location), failover VPN sites and other regions' hubs may reach the
   * same prefixes. `onPremisesPrefixes` must lie inside it.
   * @default - a network of the circuit's own
   */
  readonly onPremisesNetwork?: IOnPremisesNetwork;
  /**
   * Names of authorizations for virtual networks in other subscriptions; each key goes out as a
   * sensitive output.
   * @default - none
   */
  readonly authorizations?: string[];
}

/** The two /30 links, VLAN and ASN of a peering (private or Microsoft). */
function checkPeeringLinks(problems: ProblemCollector, name: string, peering: ExpressRoutePeeringLinkOptions): void {
  const primary = peering.primaryPeerAddressPrefix;
  const secondary = peering.secondaryPeerAddressPrefix;
  for (const [prop, prefix] of [[`${name}.primaryPeerAddressPrefix`, primary], [`${name}.secondaryPeerAddressPrefix`, secondary]] as const) {
    if (Token.isUnresolved(prefix)) continue;
    if (!checkCidrs(problems, prop, [prefix])) continue;
    problems.check(parseCidr(prefix)!.prefixLength !== 30, ER_PEERING_PREFIX, prop, prefix, `${prefix} is not a /30; each peering link is a /30`, 'use a /30 such as 192.168.100.0/30');
  }
  const p = parseCidr(primary);
  const s = parseCidr(secondary);
  problems.check(
    p !== undefined && s !== undefined && cidrOverlaps(p, s),
    ER_PEERING_PREFIX,
    `${name}.secondaryPeerAddressPrefix`,
    secondary,
    `${secondary} (secondary link) overlaps ${primary} (primary link)`,
    'use two different /30s, e.g. 192.168.100.0/30 and 192.168.100.4/30',
  );
  problems.integer(ER_PEERING_VLAN, `${name}.vlanId`, peering.vlanId, 1, 4094, 'use the VLAN agreed with the provider, 1-4094');
  if (!Token.isUnresolved(peering.peerAsn)) checkAsn(problems, `${name}.peerAsn`, peering.peerAsn, true);
}

/**
 * A circuit SKU tier or family azurerm accepts (express_route_circuit_resource.go: sku.tier and
 * sku.family, validation.StringInSlice). An expression passes: Terraform checks it, and the
 * tier decides nothing the library builds.
 */
function checkSku(problems: ProblemCollector, prop: string, value: string | undefined, allowed: readonly string[], what: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  problems.check(!allowed.includes(value), ER_CIRCUIT_SKU, prop, value, `${JSON.stringify(value)} is not ${what}`, `use one of ${allowed.join(', ')}`);
}

/** Each value of a list for the runbook; a whole list from an expression as that expression. */
function showEach(scope: Construct, list: readonly unknown[]): string[] {
  return Token.isUnresolved(list) ? [displayValue(scope, list)] : list.map((v) => displayValue(scope, v));
}

/** The circuit types the library accepts. */
const VALID_TIERS = Object.values(ExpressRouteSkuTier) as string[];
const VALID_FAMILIES = Object.values(ExpressRouteSkuFamily) as string[];
const REGISTRIES = Object.values(ExpressRouteRoutingRegistry) as string[];
/** Prefixes per BGP session on Microsoft peering (expressroute-routing.md). */
const MICROSOFT_PEERING_MAX_PREFIXES = 200;
/** Microsoft's communities: services 12076:5xxx, regions 12076:5xxxx (expressroute-routing.md). */
const MICROSOFT_COMMUNITY = /^12076:5\d{3,4}$/;

/**
 * An ExpressRoute circuit a gateway connects to: one this stack owns (`ExpressRouteCircuit`) or
 * an existing one (`ExpressRouteCircuit.fromCircuitAttributes`).
 */
export interface IExpressRouteCircuit extends IAzureResource {
  /** Resource id of the circuit. */
  readonly circuitId: string;
  /** On-premises prefixes advertised over the circuit (checked against the address plan). */
  readonly onPremisesPrefixes: string[];
  /** Authorization key, for a circuit of another subscription (an expression, never a literal). */
  readonly authorizationKey?: string;
  /** The declared on-premises network behind the circuit, if any (failover sites reach the same one). */
  readonly onPremisesNetwork?: IOnPremisesNetwork;
  /**
   * The gate that opens once the connectivity provider has provisioned the circuit; connections
   * to the circuit sit behind it. Undefined for an existing circuit (assumed provisioned).
   */
  readonly provisionedGate?: LifecycleGate;
  /** `service_provider_provisioning_state` of a circuit this stack owns, for a connection's precondition. */
  readonly serviceProviderProvisioningState?: string;
  /** What a connection to the circuit must wait for (the private peering this stack configures). */
  readonly connectionDependencies: ITerraformDependable[];
  /** Name of the sensitive output with the service key, for a circuit this stack owns. */
  readonly serviceKeyOutputName?: string;
  /**
   * Peering location of a provider circuit this stack owns (what ER-RESILIENCY compares);
   * undefined for an existing circuit and for one on an ExpressRoute Direct port.
   */
  readonly peeringLocation?: string;
  /**
   * Resource id of the circuit's Azure private peering, what Global Reach links: the peering of a
   * circuit of this stack (undefined without `privatePeering`), `<circuitId>/peerings/AzurePrivatePeering`
   * for an existing one.
   */
  readonly privatePeeringId?: string;
  /** SKU tier, when known (Global Reach is not available on Local). */
  readonly skuTier?: string;
  /** `BgpAvailability` (percent, Average), split by `PeeringType` and `Peer`. */
  metricBgpAvailability(): MetricDefinition;
  /** `ArpAvailability` (percent, Average), split by `PeeringType` and `Peer`. */
  metricArpAvailability(): MetricDefinition;
}

/** Attributes of an existing circuit, for `ExpressRouteCircuit.fromCircuitAttributes`. */
export interface ExpressRouteCircuitAttributes {
  /** Resource id of the circuit. */
  readonly circuitId: string;
  /** On-premises prefixes its owner advertises over it (checked against the address plan). */
  readonly onPremisesPrefixes: string[];
  /**
   * Authorization key, when the circuit is in another subscription: a sensitive variable's value
   * or a Key Vault secret, never a literal.
   * @default - none (same subscription)
   */
  readonly authorizationKey?: string;
  /**
   * The on-premises network behind it, declared once (`OnPremisesNetwork`).
   * @default - a network of the circuit's own
   */
  readonly onPremisesNetwork?: IOnPremisesNetwork;
  /**
   * Peering location of the circuit (e.g. `Amsterdam`), which ER-RESILIENCY and Global Reach compare.
   * @default - unknown: not compared
   */
  readonly peeringLocation?: string;
  /**
   * SKU tier of the circuit.
   * @default - unknown
   */
  readonly skuTier?: ExpressRouteSkuTier;
}

/** What circuits of this stack and existing ones share: the resource contract and the metrics. */
export abstract class ExpressRouteCircuitBase extends AzureResource implements IExpressRouteCircuit {
  public abstract readonly circuitId: string;
  public abstract readonly onPremisesPrefixes: string[];
  public abstract readonly authorizationKey?: string;
  public abstract readonly onPremisesNetwork?: IOnPremisesNetwork;
  public abstract readonly provisionedGate?: LifecycleGate;
  public abstract readonly serviceProviderProvisioningState?: string;
  public abstract readonly connectionDependencies: ITerraformDependable[];
  public abstract readonly serviceKeyOutputName?: string;
  public abstract readonly peeringLocation?: string;
  public abstract readonly privatePeeringId?: string;
  public abstract readonly skuTier?: string;

  // Names and dimensions: ./metrics.ts (Azure Monitor reference, research.md section 4).
  public metricBgpAvailability(): MetricDefinition {
    return metricOf(this.circuitId, CIRCUIT_NAMESPACE, 'BgpAvailability', 'Average', '%', ['PeeringType', 'Peer']);
  }

  public metricArpAvailability(): MetricDefinition {
    return metricOf(this.circuitId, CIRCUIT_NAMESPACE, 'ArpAvailability', 'Average', '%', ['PeeringType', 'Peer']);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.circuitId, resourceType: 'azurerm_express_route_circuit' }];
  }
}

/** An existing circuit. */
class ImportedExpressRouteCircuit extends ExpressRouteCircuitBase {
  public readonly circuitId: string;
  public readonly resourceId: string;
  public readonly onPremisesPrefixes: string[];
  public readonly authorizationKey?: string;
  public readonly onPremisesNetwork?: IOnPremisesNetwork;
  public readonly provisionedGate?: LifecycleGate = undefined;
  public readonly serviceProviderProvisioningState?: string = undefined;
  public readonly connectionDependencies: ITerraformDependable[] = [];
  public readonly serviceKeyOutputName?: string = undefined;
  public readonly peeringLocation?: string;
  public readonly privatePeeringId?: string;
  public readonly skuTier?: string;

  constructor(scope: Construct, id: string, attrs: ExpressRouteCircuitAttributes) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('circuitId', attrs?.circuitId, 'string');
    problems.required('onPremisesPrefixes', attrs?.onPremisesPrefixes, 'array');
    problems.type('peeringLocation', attrs?.peeringLocation, 'string');
    problems.throwIfAny();
    problems.resourceId(ER_CONNECTION_CIRCUIT, 'circuitId', attrs.circuitId, 'ExpressRoute circuit');
    checkSku(problems, 'skuTier', attrs.skuTier, VALID_TIERS, 'a circuit tier');
    const key = attrs.authorizationKey;
    checkAuthorizationKey(problems, 'authorizationKey', key);
    checkCidrs(problems, 'onPremisesPrefixes', attrs.onPremisesPrefixes);
    problems.throwIfAny();
    this.circuitId = this.resourceId = attrs.circuitId;
    // The private peering's id is the circuit's id and the peering type (azurerm commonids.ExpressRouteCircuitPeeringId).
    this.privatePeeringId = `${attrs.circuitId}/peerings/AzurePrivatePeering`;
    this.peeringLocation = attrs.peeringLocation;
    this.skuTier = attrs.skuTier;
    this.onPremisesPrefixes = [...attrs.onPremisesPrefixes];
    this.authorizationKey = key;
    this.onPremisesNetwork = attrs.onPremisesNetwork;
    if (this.onPremisesNetwork) checkInsideNetwork(problems, 'onPremisesPrefixes', this.onPremisesPrefixes, this.onPremisesNetwork);
    problems.throwIfAny();
    AddressPlan.of(this).claim(problems, 'onPremisesPrefixes', this.onPremisesPrefixes, `on-premises prefixes advertised over ExpressRoute circuit ${this.node.path}`, addressPlanNetworkOf(this.onPremisesNetwork, onPremisesNetworkOf(this.node.path)));
    problems.throwIfAny();
  }
}

/**
 * An ExpressRoute circuit (Standard/MeteredData by default) with Azure private peering,
 * authorizations for other subscriptions and its logs sent to Log Analytics. The service key
 * goes out as a sensitive output for the connectivity provider.
 */
export class ExpressRouteCircuit extends ExpressRouteCircuitBase {
  /** Refers to an existing circuit (e.g. of another subscription, with its authorization key). */
  public static fromCircuitAttributes(scope: Construct, id: string, attrs: ExpressRouteCircuitAttributes): IExpressRouteCircuit {
    return new ImportedExpressRouteCircuit(scope, id, attrs);
  }

  /** The circuit (escape hatch). */
  public readonly circuit: ExpressRouteCircuitResource;
  /** The private peering, when configured. */
  public readonly privatePeering?: ExpressRouteCircuitPeering;
  /** The Microsoft peering, when configured. */
  public readonly microsoftPeering?: ExpressRouteCircuitPeering;
  /** The route filter of the Microsoft peering, when configured. */
  public readonly routeFilter?: RouteFilter;
  public readonly privatePeeringId?: string;
  public readonly skuTier?: string;
  /** Authorizations by name. */
  public readonly authorizations: { [name: string]: ExpressRouteCircuitAuthorization } = {};
  public readonly circuitId: string;
  public readonly resourceId: string;
  /** Name of the circuit. */
  public readonly circuitName: string;
  public readonly onPremisesPrefixes: string[];
  public readonly onPremisesNetwork?: IOnPremisesNetwork;
  /** A circuit of this stack is in the same subscription: no authorization key. */
  public readonly authorizationKey?: string = undefined;
  /**
   * Gate `<circuit>_provisioned`: connections to the circuit are created once it is open (phase 2,
   * after the provider has provisioned the circuit from its service key).
   */
  public readonly provisionedGate?: LifecycleGate;
  public readonly serviceProviderProvisioningState?: string;
  public readonly connectionDependencies: ITerraformDependable[];
  /** Name of the sensitive output carrying the service key. */
  public readonly serviceKeyOutputName?: string;
  /** The `peeringLocation` prop (a provider circuit), as given. */
  public readonly peeringLocation?: string;

  private readonly props: ExpressRouteCircuitProps;
  private readonly md5Key?: SharedKeyConfig;
  private readonly microsoftMd5Key?: SharedKeyConfig;
  private readonly authorizationOutputs: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: ExpressRouteCircuitProps) {
    super(scope, id);
    // Resolve.
    this.props = props;
    this.validate(props);
    this.onPremisesNetwork = props.onPremisesNetwork;
    this.onPremisesPrefixes = [...(props.onPremisesPrefixes ?? props.onPremisesNetwork?.prefixes ?? [])];
    this.peeringLocation = props.peeringLocation;
    this.skuTier = props.skuTier ?? EXPRESSROUTE_SKU_TIER;

    // Build.
    this.circuit = new ExpressRouteCircuitResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteCircuit'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      serviceProviderName: props.serviceProviderName,
      peeringLocation: props.peeringLocation,
      bandwidthInMbps: props.bandwidthInMbps,
      expressRoutePortId: props.expressRoutePortId,
      bandwidthInGbps: props.bandwidthInGbps,
      sku: { tier: this.skuTier, family: props.skuFamily ?? EXPRESSROUTE_SKU_FAMILY },
    });
    this.circuitId = this.resourceId = this.circuit.id;
    this.circuitName = this.circuit.name;
    this.serviceProviderProvisioningState = this.circuit.serviceProviderProvisioningState;
    if (props.privatePeering) {
      if (props.privatePeering.md5SharedKey) this.md5Key = this.bindMd5Key('Md5Key', 'privatePeering.md5SharedKey', props.privatePeering.md5SharedKey);
      this.privatePeering = this.createPrivatePeering(props.privatePeering);
      this.privatePeeringId = this.privatePeering.id;
    }
    if (props.microsoftPeering) {
      if (props.microsoftPeering.md5SharedKey) this.microsoftMd5Key = this.bindMd5Key('MicrosoftPeeringMd5Key', 'microsoftPeering.md5SharedKey', props.microsoftPeering.md5SharedKey);
      this.routeFilter = this.createRouteFilter(props.microsoftPeering);
      this.microsoftPeering = this.createMicrosoftPeering(props.microsoftPeering, this.routeFilter);
    }
    this.connectionDependencies = this.privatePeering ? [this.privatePeering] : [];
    for (const name of props.authorizations ?? []) this.addAuthorization(name);

    // Hand off: the service key to the provider, then the gate the connections wait behind.
    const serviceKeyOutputName = Runbook.of(this).addOutput(this, 'ServiceKey', {
      value: this.circuit.serviceKey,
      description: `Service key of ExpressRoute circuit ${this.node.path}: the connectivity provider provisions the circuit from it`,
      sensitive: true,
    });
    this.serviceKeyOutputName = serviceKeyOutputName;
    const gate = LifecycleGate.of(this, `${outputName(this, '')}_provisioned`, {
      waitsFor: `the connectivity provider has provisioned ExpressRoute circuit ${this.node.path} (serviceProviderProvisioningState = Provisioned) and private peering is up`,
      performedBy: 'the connectivity provider, from the service key',
      verify: 'az network express-route show -g <rg> -n <circuit> --query serviceProviderProvisioningState -o tsv   # Provisioned',
    });
    // Optional in the type only because jsii refuses a required override of an optional member.
    this.provisionedGate = gate;
    Runbook.of(this).addSection(new LazySection(`ExpressRoute circuit ${this.node.path}`, () => this.renderHandoff(gate, serviceKeyOutputName)));
    this.initCommon(props);
  }

  /** True when the circuit has private peering configured by this stack. */
  public get hasPrivatePeering(): boolean {
    return this.privatePeering !== undefined;
  }

  private bindMd5Key(id: string, prop: string, key: SharedKey): SharedKeyConfig {
    const scope = new Construct(this, id);
    const peering = prop.startsWith('microsoftPeering') ? 'Microsoft' : 'private';
    setKeyPurpose(scope, `BGP MD5 key of the ${peering} peering of ExpressRoute circuit ${this.node.path} (the same key on your routers)`);
    const config = key.bind(scope);
    this.checkGeneratedKeyLength(prop, config);
    return config;
  }

  private createPrivatePeering(peering: ExpressRoutePrivatePeeringOptions): ExpressRouteCircuitPeering {
    const resource = new ExpressRouteCircuitPeering(this, 'PrivatePeering', {
      peeringType: 'AzurePrivatePeering',
      expressRouteCircuitName: this.circuit.name,
      resourceGroupName: this.props.resourceGroupName,
      primaryPeerAddressPrefix: peering.primaryPeerAddressPrefix,
      secondaryPeerAddressPrefix: peering.secondaryPeerAddressPrefix,
      vlanId: peering.vlanId,
      peerAsn: peering.peerAsn,
      sharedKey: this.md5Key?.value,
      ipv4Enabled: true,
    });
    // The one literal-key rule (VPN-SHARED-KEY-LITERAL, formerly ER-SHARED-KEY-LITERAL) on the final body.
    checkFinalBody(this, resource, [VPN_SHARED_KEY_LITERAL]);
    return resource;
  }

  /** One rule allowing the communities (azurerm allows one rule per filter). */
  private createRouteFilter(peering: ExpressRouteMicrosoftPeeringOptions): RouteFilter {
    return new RouteFilter(this, 'RouteFilter', {
      name: generateName(this, 'routeFilter'),
      resourceGroupName: this.props.resourceGroupName,
      location: this.props.location,
      rule: [{ name: 'allow-communities', access: 'Allow', ruleType: 'Community', communities: [...peering.routeFilterCommunities] }],
    });
  }

  private createMicrosoftPeering(peering: ExpressRouteMicrosoftPeeringOptions, routeFilter: RouteFilter): ExpressRouteCircuitPeering {
    const resource = new ExpressRouteCircuitPeering(this, 'MicrosoftPeering', {
      peeringType: 'MicrosoftPeering',
      expressRouteCircuitName: this.circuit.name,
      resourceGroupName: this.props.resourceGroupName,
      primaryPeerAddressPrefix: peering.primaryPeerAddressPrefix,
      secondaryPeerAddressPrefix: peering.secondaryPeerAddressPrefix,
      vlanId: peering.vlanId,
      peerAsn: peering.peerAsn,
      sharedKey: this.microsoftMd5Key?.value,
      ipv4Enabled: true,
      microsoftPeeringConfig: {
        advertisedPublicPrefixes: [...peering.advertisedPublicPrefixes],
        routingRegistryName: peering.routingRegistryName,
        customerAsn: peering.customerAsn,
      },
      routeFilterId: routeFilter.id,
    });
    checkFinalBody(this, resource, [VPN_SHARED_KEY_LITERAL]);
    return resource;
  }

  private addAuthorization(name: string): void {
    const authorization = new ExpressRouteCircuitAuthorization(this, `Authorization${name}`, {
      name,
      expressRouteCircuitName: this.circuit.name,
      resourceGroupName: this.props.resourceGroupName,
    });
    this.authorizations[name] = authorization;
    this.authorizationOutputs[name] = Runbook.of(this).addOutput(this, `Authorization${name}Key`, {
      value: authorization.authorizationKey,
      description: `Authorization key ${name} of circuit ${this.node.path}, for the subscription that links its gateway`,
      sensitive: true,
    });
  }

  private validate(props: ExpressRouteCircuitProps): void {
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('location', props?.location, 'string');
    problems.region('location', props?.location);
    problems.type('onPremisesPrefixes', props?.onPremisesPrefixes, 'array');
    problems.type('authorizations', props?.authorizations, 'array');
    problems.type('privatePeering', props?.privatePeering, 'object');
    problems.throwIfAny();
    const prefixes = props.onPremisesPrefixes ?? props.onPremisesNetwork?.prefixes ?? [];
    problems.type('onPremisesNetwork', props.onPremisesNetwork, 'construct');
    if (props.onPremisesNetwork) checkInsideNetwork(problems, 'onPremisesPrefixes', prefixes, props.onPremisesNetwork);
    problems.literal('authorizations', props.authorizations, 'each name becomes an authorization resource');
    checkName(problems, 'expressRouteCircuit', 'name', props.name);
    // An empty string counts as given below: it would choose a provider or a port circuit of no name.
    problems.type('serviceProviderName', props.serviceProviderName, 'string');
    problems.type('peeringLocation', props.peeringLocation, 'string');
    problems.resourceId(ER_CIRCUIT_PROVIDER_OR_PORT, 'expressRoutePortId', props.expressRoutePortId, 'ExpressRoute port');

    const providerParts = [props.serviceProviderName, props.peeringLocation, props.bandwidthInMbps].filter((v) => v !== undefined).length;
    const portParts = [props.expressRoutePortId, props.bandwidthInGbps].filter((v) => v !== undefined).length;
    if (providerParts > 0 && portParts > 0) {
      problems.add(
        ER_CIRCUIT_PROVIDER_OR_PORT,
        props.expressRoutePortId !== undefined ? 'expressRoutePortId' : 'bandwidthInGbps',
        props.expressRoutePortId ?? props.bandwidthInGbps,
        'a circuit goes either through a connectivity provider or on an ExpressRoute Direct port, and both were given',
        'give `serviceProviderName`, `peeringLocation` and `bandwidthInMbps`, or `expressRoutePortId` and `bandwidthInGbps`',
      );
    } else if (portParts === 0) {
      const missing = (['serviceProviderName', 'peeringLocation', 'bandwidthInMbps'] as const).find((p) => props[p] === undefined);
      problems.check(
        missing !== undefined,
        ER_CIRCUIT_PROVIDER_OR_PORT,
        missing ?? '',
        undefined,
        `a provider circuit needs \`serviceProviderName\`, \`peeringLocation\` and \`bandwidthInMbps\`; \`${missing}\` is missing`,
        'give all three (or `expressRoutePortId` and `bandwidthInGbps` for ExpressRoute Direct)',
      );
    } else {
      const missing = props.expressRoutePortId === undefined ? 'expressRoutePortId' : props.bandwidthInGbps === undefined ? 'bandwidthInGbps' : undefined;
      problems.check(missing !== undefined, ER_CIRCUIT_PROVIDER_OR_PORT, missing ?? '', undefined, `an ExpressRoute Direct circuit needs \`expressRoutePortId\` and \`bandwidthInGbps\`; \`${missing}\` is missing`, 'give both');
    }
    problems.oneOf(ER_CIRCUIT_BANDWIDTH, 'bandwidthInMbps', props.bandwidthInMbps, EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS, `use one of ${EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS.join(', ')} Mbps`);
    problems.oneOf(ER_CIRCUIT_BANDWIDTH, 'bandwidthInGbps', props.bandwidthInGbps, EXPRESSROUTE_PORT_BANDWIDTHS_GBPS, `use one of ${EXPRESSROUTE_PORT_BANDWIDTHS_GBPS.join(', ')} Gbps`);
    checkSku(problems, 'skuTier', props.skuTier, VALID_TIERS, 'a circuit tier');
    checkSku(problems, 'skuFamily', props.skuFamily, VALID_FAMILIES, 'a circuit billing family');

    const peering = props.privatePeering;
    problems.type('microsoftPeering', props.microsoftPeering, 'object');
    if (peering) checkPeeringLinks(problems, 'privatePeering', peering);
    const microsoft = props.microsoftPeering;
    if (microsoft) {
      checkPeeringLinks(problems, 'microsoftPeering', microsoft);
      this.validateMicrosoftPeering(problems, microsoft, peering);
    }

    checkCidrs(problems, 'onPremisesPrefixes', prefixes);
    const names = props.authorizations ?? [];
    names.forEach((name, i) => {
      checkName(problems, 'expressRouteCircuitAuthorization', `authorizations[${i}]`, name);
      problems.check(names.indexOf(name) !== i, ER_AUTHORIZATION_DUPLICATE, `authorizations[${i}]`, name, `authorization ${name} is listed twice`, 'give each authorization its own name');
    });
    problems.throwIfAny();

    const plan = AddressPlan.of(this);
    if (peering) {
      plan.claim(problems, 'privatePeering.primaryPeerAddressPrefix', [peering.primaryPeerAddressPrefix], `primary peering link of circuit ${this.node.path}`);
      plan.claim(problems, 'privatePeering.secondaryPeerAddressPrefix', [peering.secondaryPeerAddressPrefix], `secondary peering link of circuit ${this.node.path}`);
    }
    plan.claim(problems, 'onPremisesPrefixes', prefixes, `on-premises prefixes advertised over ExpressRoute circuit ${this.node.path}`, addressPlanNetworkOf(props.onPremisesNetwork, onPremisesNetworkOf(this.node.path)));
    problems.throwIfAny();
  }

  /**
   * Microsoft peering: public links and prefixes, at most 200 prefixes, a known registry, a route
   * filter with Microsoft communities, its own VLAN (expressroute-routing.md, expressroute-faqs.md).
   */
  private validateMicrosoftPeering(problems: ProblemCollector, microsoft: ExpressRouteMicrosoftPeeringOptions, privatePeering?: ExpressRoutePrivatePeeringOptions): void {
    const prop = (p: string) => `microsoftPeering.${p}`;
    const missing = [
      problems.required(prop('advertisedPublicPrefixes'), microsoft.advertisedPublicPrefixes, 'array'),
      problems.required(prop('routeFilterCommunities'), microsoft.routeFilterCommunities, 'array'),
      problems.required(prop('routingRegistryName'), microsoft.routingRegistryName, 'string'),
    ];
    if (missing.some((m) => m)) return;
    for (const [name, prefix] of [['primaryPeerAddressPrefix', microsoft.primaryPeerAddressPrefix], ['secondaryPeerAddressPrefix', microsoft.secondaryPeerAddressPrefix]] as const) {
      const range = parseCidr(prefix);
      const hit = range && nonPublicOverlap(range);
      problems.check(hit !== undefined, ER_MSPEERING_PUBLIC, prop(name), prefix, `${prefix} lies in the non-public range ${hit}: Microsoft peering runs on public addresses registered to you`, 'use a public /30 from a block registered to you (or ask the provider for one)');
    }
    const advertised = microsoft.advertisedPublicPrefixes;
    if (!Token.isUnresolved(advertised)) {
      problems.check(advertised.length === 0, ER_MSPEERING_PUBLIC, prop('advertisedPublicPrefixes'), advertised, 'Microsoft peering advertises at least one public prefix (the NAT pool your traffic leaves from)', 'list the public prefixes registered to you');
      problems.check(advertised.length > MICROSOFT_PEERING_MAX_PREFIXES, ER_MSPEERING_PREFIX_LIMIT, prop('advertisedPublicPrefixes'), `${advertised.length} prefixes`, `Microsoft accepts at most ${MICROSOFT_PEERING_MAX_PREFIXES} prefixes per BGP session and drops the session beyond`, 'aggregate the prefixes');
      if (checkCidrs(problems, prop('advertisedPublicPrefixes'), advertised)) {
        advertised.forEach((prefix, i) => {
          const range = parseCidr(prefix);
          const hit = range && (range.prefixLength === 0 ? '0.0.0.0/0' : nonPublicOverlap(range));
          problems.check(hit !== undefined, ER_MSPEERING_PUBLIC, prop(`advertisedPublicPrefixes[${i}]`), prefix, `${prefix} lies in the non-public range ${hit}: Microsoft drops private prefixes and the default route on Microsoft peering`, 'advertise only public prefixes registered to you; NAT on-premises traffic to them');
        });
      }
    }
    problems.oneOf(ER_MSPEERING_REGISTRY, prop('routingRegistryName'), microsoft.routingRegistryName, REGISTRIES, `use one of ${REGISTRIES.join(', ')} (ExpressRouteRoutingRegistry)`);
    if (microsoft.customerAsn !== undefined && !Token.isUnresolved(microsoft.customerAsn)) checkAsn(problems, prop('customerAsn'), microsoft.customerAsn, true);
    const communities = microsoft.routeFilterCommunities;
    if (!Token.isUnresolved(communities)) {
      problems.check(communities.length === 0, ER_MSPEERING_ROUTE_FILTER, prop('routeFilterCommunities'), communities, 'without a community in the route filter Microsoft advertises no routes over Microsoft peering', "list the services' and regions' communities, e.g. '12076:5010' (Exchange Online), '12076:51002' (Azure West Europe)");
      communities.forEach((community, i) => {
        if (Token.isUnresolved(community)) return;
        problems.check(typeof community !== 'string' || !MICROSOFT_COMMUNITY.test(community), ER_MSPEERING_ROUTE_FILTER, prop(`routeFilterCommunities[${i}]`), community, "not a Microsoft BGP community: Microsoft tags its services 12076:5xxx and its regions 12076:5xxxx", "use a value from Azure's BGP community list, e.g. '12076:5010' or '12076:51002'");
        problems.check(communities.indexOf(community) !== i, ER_MSPEERING_ROUTE_FILTER, prop(`routeFilterCommunities[${i}]`), community, 'listed twice', 'list each community once');
      });
    }
    problems.check(
      privatePeering !== undefined && !Token.isUnresolved(microsoft.vlanId) && microsoft.vlanId === privatePeering.vlanId,
      ER_PEERING_VLAN,
      prop('vlanId'),
      microsoft.vlanId,
      `VLAN ${microsoft.vlanId} is the private peering's too: each peering of a circuit has its own VLAN`,
      'use another VLAN id for Microsoft peering',
    );
  }

  /** A generated MD5 key's length is known at synth (`SharedKeyConfig.generatedLength`). */
  private checkGeneratedKeyLength(prop: string, config: SharedKeyConfig): void {
    const length = config.generatedLength;
    const problems = new ProblemCollector(this);
    problems.check(
      length !== undefined && !Token.isUnresolved(length) && length > EXPRESSROUTE_SHARED_KEY_MAX_LENGTH,
      ER_SHARED_KEY_LENGTH,
      prop,
      `SharedKey.generate(${length})`,
      `a circuit peering MD5 key is at most ${EXPRESSROUTE_SHARED_KEY_MAX_LENGTH} characters; this one would have ${length}`,
      `use SharedKey.generate(${EXPRESSROUTE_SHARED_KEY_MAX_LENGTH})`,
    );
    problems.throwIfAny();
  }

  private renderHandoff(gate: LifecycleGate, serviceKeyOutputName: string): string {
    const props = this.props;
    const peering = props.privatePeering;
    const microsoft = props.microsoftPeering;
    const show = (v: unknown): string => displayValue(this, v);
    return renderCircuitHandoff({
      serviceKeyOutputName,
      connectivity: props.expressRoutePortId !== undefined
        ? `ExpressRoute Direct port, ${show(props.bandwidthInGbps)} Gbps.`
        : `Provider **${show(props.serviceProviderName)}**, peering location **${show(props.peeringLocation)}**, **${show(props.bandwidthInMbps)} Mbps**.`,
      sku: `${show(props.skuTier ?? EXPRESSROUTE_SKU_TIER)}/${show(props.skuFamily ?? EXPRESSROUTE_SKU_FAMILY)}`,
      gate: gate.handoff(),
      gateInOtherStacks: gate.twinsInOtherStacks(),
      peering: peering && {
        primary: show(peering.primaryPeerAddressPrefix),
        secondary: show(peering.secondaryPeerAddressPrefix),
        vlanId: show(peering.vlanId),
        peerAsn: show(peering.peerAsn),
        md5WhereToFindIt: this.md5Key?.whereToFindIt,
      },
      microsoftPeering: microsoft && {
        primary: show(microsoft.primaryPeerAddressPrefix),
        secondary: show(microsoft.secondaryPeerAddressPrefix),
        vlanId: show(microsoft.vlanId),
        peerAsn: show(microsoft.peerAsn),
        advertisedPublicPrefixes: showEach(this, microsoft.advertisedPublicPrefixes),
        routingRegistryName: show(microsoft.routingRegistryName),
        customerAsn: microsoft.customerAsn === undefined ? undefined : show(microsoft.customerAsn),
        communities: showEach(this, microsoft.routeFilterCommunities),
        md5WhereToFindIt: this.microsoftMd5Key?.whereToFindIt,
      },
      onPremisesPrefixes: showEach(this, this.onPremisesPrefixes),
      authorizations: Object.entries(this.authorizationOutputs).map(([name, outputName]) => ({ name, outputName })),
    });
  }
}
