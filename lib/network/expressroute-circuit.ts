import { ExpressRouteCircuit as ExpressRouteCircuitResource } from '@cdktf/provider-azurerm/lib/express-route-circuit';
import { ExpressRouteCircuitAuthorization } from '@cdktf/provider-azurerm/lib/express-route-circuit-authorization';
import { ExpressRouteCircuitPeering } from '@cdktf/provider-azurerm/lib/express-route-circuit-peering';
import { Password } from '@cdktf/provider-random/lib/password';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkAsn } from './bgp';
import {
  EXPRESSROUTE_PORT_BANDWIDTHS_GBPS,
  EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS,
  EXPRESSROUTE_SHARED_KEY_MAX_LENGTH,
  EXPRESSROUTE_SKU_FAMILY,
  EXPRESSROUTE_SKU_TIER,
} from './defaults';
import { checkCidrs } from './hub-network';
import { SharedKey, SharedKeyConfig } from './shared-key';
import { AddressPlan, onPremisesNetworkOf } from '../core/address-plan';
import { cidrOverlaps, parseCidr } from '../core/cidr';
import { DiagnosticSetting, DiagnosticsOptions } from '../core/diagnostics';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { isLiteralString, synthesizedBody } from '../core/tokens';
import type { ILogAnalyticsWorkspace } from '../core/workspace';
import { ER_AUTHORIZATION_DUPLICATE, ER_CIRCUIT_BANDWIDTH, ER_CIRCUIT_PROVIDER_OR_PORT, ER_CIRCUIT_SKU, ER_PEERING_PREFIX, ER_PEERING_VLAN, ER_SHARED_KEY_LENGTH } from './rules';

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

/** Azure private peering of a circuit: the BGP sessions between your edge routers and Microsoft's. */
export interface ExpressRoutePrivatePeeringOptions {
  /** /30 of the primary link (your router gets the first usable address, Microsoft the second). */
  readonly primaryPeerAddressPrefix: string;
  /** /30 of the secondary link, distinct from the primary one. */
  readonly secondaryPeerAddressPrefix: string;
  /** VLAN id of the peering on the circuit, 1-4094. */
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

/** Props of `ExpressRouteCircuit`. */
export interface ExpressRouteCircuitProps {
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
   * SKU tier.
   * @default ExpressRouteSkuTier.STANDARD
   */
  readonly skuTier?: ExpressRouteSkuTier;
  /**
   * SKU family.
   * @default ExpressRouteSkuFamily.METERED_DATA
   */
  readonly skuFamily?: ExpressRouteSkuFamily;
  /**
   * Azure private peering. Leave out when a layer-3 provider configures the peering for you.
   * @default - none
   */
  readonly privatePeering?: ExpressRoutePrivatePeeringOptions;
  /**
   * On-premises prefixes your routers advertise over the circuit; checked against the hub,
   * spokes and VPN sites so that no address range is used twice.
   * @default - none
   */
  readonly onPremisesPrefixes?: string[];
  /**
   * Names of authorizations for virtual networks in other subscriptions; each key goes out as a
   * sensitive output.
   * @default - none
   */
  readonly authorizations?: string[];
  /**
   * Workspace for the circuit's PeeringRouteLog and metrics.
   * @default - none: a warning is raised; call `sendDiagnosticsTo` to add one later
   */
  readonly logAnalyticsWorkspace?: ILogAnalyticsWorkspace;
}

/** The circuit types the library accepts. */
const VALID_TIERS = Object.values(ExpressRouteSkuTier) as string[];
const VALID_FAMILIES = Object.values(ExpressRouteSkuFamily) as string[];

/**
 * An ExpressRoute circuit (Standard/MeteredData by default) with Azure private peering,
 * authorizations for other subscriptions and its logs sent to Log Analytics. The service key
 * goes out as a sensitive output for the connectivity provider.
 */
export class ExpressRouteCircuit extends Construct {
  /** The circuit (escape hatch). */
  public readonly circuit: ExpressRouteCircuitResource;
  /** The private peering, when configured. */
  public readonly privatePeering?: ExpressRouteCircuitPeering;
  /** Authorizations by name. */
  public readonly authorizations: { [name: string]: ExpressRouteCircuitAuthorization } = {};
  /** Resource id of the circuit. */
  public readonly circuitId: string;
  /** Name of the circuit. */
  public readonly circuitName: string;
  /** On-premises prefixes advertised over the circuit (as given). */
  public readonly onPremisesPrefixes: string[];
  /** Diagnostic settings sent so far. */
  public readonly diagnosticSettings: DiagnosticSetting[] = [];
  /** Name of the sensitive output carrying the service key. */
  public readonly serviceKeyOutputName: string;

  private readonly props: ExpressRouteCircuitProps;
  private readonly md5Key?: SharedKeyConfig;
  private readonly authorizationOutputs: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: ExpressRouteCircuitProps) {
    super(scope, id);
    this.props = props;
    this.onPremisesPrefixes = [...(props.onPremisesPrefixes ?? [])];
    this.validate(props);

    this.circuit = new ExpressRouteCircuitResource(this, 'Resource', {
      name: props.name ?? generateName(this, 'expressRouteCircuit'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      serviceProviderName: props.serviceProviderName,
      peeringLocation: props.peeringLocation,
      bandwidthInMbps: props.bandwidthInMbps,
      expressRoutePortId: props.expressRoutePortId,
      bandwidthInGbps: props.bandwidthInGbps,
      sku: { tier: props.skuTier ?? EXPRESSROUTE_SKU_TIER, family: props.skuFamily ?? EXPRESSROUTE_SKU_FAMILY },
    });
    this.circuitId = this.circuit.id;
    this.circuitName = this.circuit.name;

    const peering = props.privatePeering;
    if (peering) {
      if (peering.md5SharedKey) {
        const keyScope = new Construct(this, 'Md5Key');
        this.md5Key = peering.md5SharedKey.bind(keyScope);
        this.checkGeneratedKeyLength(keyScope);
      }
      this.privatePeering = new ExpressRouteCircuitPeering(this, 'PrivatePeering', {
        peeringType: 'AzurePrivatePeering',
        expressRouteCircuitName: this.circuit.name,
        resourceGroupName: props.resourceGroupName,
        primaryPeerAddressPrefix: peering.primaryPeerAddressPrefix,
        secondaryPeerAddressPrefix: peering.secondaryPeerAddressPrefix,
        vlanId: peering.vlanId,
        peerAsn: peering.peerAsn,
        sharedKey: this.md5Key?.value,
        ipv4Enabled: true,
      });
      this.node.addValidation({ validate: () => this.validateKeyNotLiteral() });
    }

    for (const name of props.authorizations ?? []) {
      const authorization = new ExpressRouteCircuitAuthorization(this, `Authorization${name}`, {
        name,
        expressRouteCircuitName: this.circuit.name,
        resourceGroupName: props.resourceGroupName,
      });
      this.authorizations[name] = authorization;
      this.authorizationOutputs[name] = Runbook.of(this).addOutput(this, `Authorization${name}Key`, {
        value: authorization.authorizationKey,
        description: `Authorization key ${name} of circuit ${this.node.path}, for the subscription that links its gateway`,
        sensitive: true,
      });
    }

    this.serviceKeyOutputName = Runbook.of(this).addOutput(this, 'ServiceKey', {
      value: this.circuit.serviceKey,
      description: `Service key of ExpressRoute circuit ${this.node.path}: the connectivity provider provisions the circuit from it`,
      sensitive: true,
    });

    if (props.logAnalyticsWorkspace) {
      this.sendDiagnosticsTo(props.logAnalyticsWorkspace);
    } else {
      Annotations.of(this).addWarning(
        '[ER-CIRCUIT-DIAGNOSTICS] No Log Analytics workspace: the circuit\'s PeeringRouteLog and BGP/ARP metrics go nowhere. Pass `logAnalyticsWorkspace` or call `sendDiagnosticsTo(workspace)`.',
      );
    }
    Runbook.of(this).addSection(new LazySection(`ExpressRoute circuit ${this.node.path}`, () => this.renderHandoff()));
  }

  /** Sends the circuit's PeeringRouteLog and metrics to a workspace. */
  public sendDiagnosticsTo(workspace: ILogAnalyticsWorkspace, options: DiagnosticsOptions = {}): DiagnosticSetting {
    const setting = DiagnosticSetting.send(this, {
      targetResourceId: this.circuit.id,
      resourceType: 'azurerm_express_route_circuit',
      workspace,
      ...options,
    });
    this.diagnosticSettings.push(setting);
    return setting;
  }

  /** True when the circuit has private peering configured by this stack. */
  public get hasPrivatePeering(): boolean {
    return this.privatePeering !== undefined;
  }

  private validate(props: ExpressRouteCircuitProps): void {
    const problems = new ProblemCollector(this);
    checkName(problems, 'expressRouteCircuit', 'name', props.name);

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
    const mbps = props.bandwidthInMbps;
    if (mbps !== undefined && !Token.isUnresolved(mbps)) {
      problems.check(
        !EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS.includes(mbps),
        ER_CIRCUIT_BANDWIDTH,
        'bandwidthInMbps',
        mbps,
        `${mbps} Mbps is not a circuit bandwidth`,
        `use one of ${EXPRESSROUTE_PROVIDER_BANDWIDTHS_MBPS.join(', ')} Mbps`,
      );
    }
    const gbps = props.bandwidthInGbps;
    if (gbps !== undefined && !Token.isUnresolved(gbps)) {
      problems.check(
        !EXPRESSROUTE_PORT_BANDWIDTHS_GBPS.includes(gbps),
        ER_CIRCUIT_BANDWIDTH,
        'bandwidthInGbps',
        gbps,
        `${gbps} Gbps is not an ExpressRoute Direct circuit bandwidth`,
        `use one of ${EXPRESSROUTE_PORT_BANDWIDTHS_GBPS.join(', ')} Gbps`,
      );
    }
    problems.check(props.skuTier !== undefined && !VALID_TIERS.includes(props.skuTier), ER_CIRCUIT_SKU, 'skuTier', props.skuTier, `${props.skuTier} is not a circuit tier`, `use one of ${VALID_TIERS.join(', ')}`);
    problems.check(
      props.skuFamily !== undefined && !VALID_FAMILIES.includes(props.skuFamily),
      ER_CIRCUIT_SKU,
      'skuFamily',
      props.skuFamily,
      `${props.skuFamily} is not a circuit billing family`,
      `use one of ${VALID_FAMILIES.join(', ')}`,
    );

    const peering = props.privatePeering;
    if (peering) {
      const primary = peering.primaryPeerAddressPrefix;
      const secondary = peering.secondaryPeerAddressPrefix;
      for (const [prop, prefix] of [['privatePeering.primaryPeerAddressPrefix', primary], ['privatePeering.secondaryPeerAddressPrefix', secondary]] as const) {
        if (Token.isUnresolved(prefix)) continue;
        if (!checkCidrs(problems, prop, [prefix])) continue;
        problems.check(parseCidr(prefix)!.prefixLength !== 30, ER_PEERING_PREFIX, prop, prefix, `${prefix} is not a /30; each peering link is a /30`, 'use a /30 such as 192.168.100.0/30');
      }
      const p = parseCidr(primary);
      const s = parseCidr(secondary);
      problems.check(
        p !== undefined && s !== undefined && cidrOverlaps(p, s),
        ER_PEERING_PREFIX,
        'privatePeering.secondaryPeerAddressPrefix',
        secondary,
        `${secondary} (secondary link) overlaps ${primary} (primary link)`,
        'use two different /30s, e.g. 192.168.100.0/30 and 192.168.100.4/30',
      );
      if (!Token.isUnresolved(peering.vlanId)) {
        problems.check(
          !Number.isInteger(peering.vlanId) || peering.vlanId < 1 || peering.vlanId > 4094,
          ER_PEERING_VLAN,
          'privatePeering.vlanId',
          peering.vlanId,
          `VLAN ${peering.vlanId} is outside 1-4094`,
          'use the VLAN agreed with the provider, 1-4094',
        );
      }
      if (!Token.isUnresolved(peering.peerAsn)) checkAsn(problems, 'privatePeering.peerAsn', peering.peerAsn, true);
    }

    checkCidrs(problems, 'onPremisesPrefixes', this.onPremisesPrefixes);
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
    plan.claim(problems, 'onPremisesPrefixes', this.onPremisesPrefixes, `on-premises prefixes advertised over ExpressRoute circuit ${this.node.path}`, onPremisesNetworkOf(this.node.path));
    problems.throwIfAny();
  }

  /** A generated MD5 key is a `random_password`: its length is known at synth. */
  private checkGeneratedKeyLength(keyScope: Construct): void {
    const password = keyScope.node.tryFindChild('SharedKey');
    if (!(password instanceof Password)) return;
    const length = password.lengthInput;
    const problems = new ProblemCollector(this);
    problems.check(
      length !== undefined && !Token.isUnresolved(length) && length > EXPRESSROUTE_SHARED_KEY_MAX_LENGTH,
      ER_SHARED_KEY_LENGTH,
      'privatePeering.md5SharedKey',
      `SharedKey.generate(${length})`,
      `a circuit peering MD5 key is at most ${EXPRESSROUTE_SHARED_KEY_MAX_LENGTH} characters; this one would have ${length}`,
      `use SharedKey.generate(${EXPRESSROUTE_SHARED_KEY_MAX_LENGTH})`,
    );
    problems.throwIfAny();
  }

  /** Catches a literal MD5 key set through the escape hatch. */
  private validateKeyNotLiteral(): string[] {
    const key = this.privatePeering ? synthesizedBody(this.privatePeering).shared_key : undefined;
    if (!isLiteralString(key)) return [];
    return [
      `[ER-SHARED-KEY-LITERAL] ${this.privatePeering!.node.path}: \`sharedKey\` = (literal, ${key.length} characters): the MD5 key is a literal in the Terraform configuration. Fix: use SharedKey.generate(25), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret()`,
    ];
  }

  private renderHandoff(): string {
    const props = this.props;
    const peering = props.privatePeering;
    const lines = [
      '**For the connectivity provider** (phase 1, after the first `cdktf deploy`):',
      '',
      `- Service key: \`terraform output -raw ${this.serviceKeyOutputName}\` (sensitive: hand it over through the provider's portal or a secure channel).`,
      props.expressRoutePortId !== undefined
        ? `- ExpressRoute Direct port, ${props.bandwidthInGbps} Gbps.`
        : `- Provider **${props.serviceProviderName}**, peering location **${props.peeringLocation}**, **${props.bandwidthInMbps} Mbps**.`,
      `- SKU ${props.skuTier ?? EXPRESSROUTE_SKU_TIER}/${props.skuFamily ?? EXPRESSROUTE_SKU_FAMILY}. Bandwidth can be raised but never lowered; MeteredData to UnlimitedData is one-way.`,
      '- Wait until `az network express-route show -g <rg> -n <circuit> --query serviceProviderProvisioningState` says `Provisioned` before linking gateways.',
      '',
    ];
    if (peering) {
      lines.push(
        '**Azure private peering** (your edge routers, or the provider for a layer-3 service):',
        '',
        '| link | /30 | your router | Microsoft |',
        '| --- | --- | --- | --- |',
        `| primary | ${peering.primaryPeerAddressPrefix} | first usable address | second usable address |`,
        `| secondary | ${peering.secondaryPeerAddressPrefix} | first usable address | second usable address |`,
        '',
        `- VLAN **${peering.vlanId}**, your ASN **${peering.peerAsn}**, Microsoft's ASN **12076**. Run eBGP on both links; both must be up for the SLA.`,
        this.md5Key ? `- BGP MD5 key: ${this.md5Key.whereToFindIt}. At most 25 characters.` : '- No BGP MD5 authentication.',
      );
    } else {
      lines.push('- Private peering is not configured by this stack: a layer-3 provider configures it, or add `privatePeering`.');
    }
    if (this.onPremisesPrefixes.length > 0) {
      lines.push(`- Advertise exactly these on-premises prefixes over private peering: ${this.onPremisesPrefixes.map((c) => `\`${c}\``).join(', ')}.`);
    }
    for (const [name, output] of Object.entries(this.authorizationOutputs)) {
      lines.push(`- Authorization \`${name}\`: give \`terraform output -raw ${output}\` and the circuit id to the subscription that links its gateway.`);
    }
    return lines.join('\n');
  }
}
