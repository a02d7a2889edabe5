import { LocalNetworkGateway } from '@cdktf/provider-azurerm/lib/local-network-gateway';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Address4 } from 'ip-address';
import { checkApipa, checkAsn } from './bgp';
import { DPD_TIMEOUT_SECONDS } from './defaults';
import type { IExpressRouteCircuit } from './expressroute-circuit';
import { addressPlanNetworkOf, checkInsideNetwork, IOnPremisesNetwork } from './on-premises-network';
import { renderSiteHandoff } from './handoff/site-to-site-connection';
import { DEFAULT_IPSEC_POLICY, IpsecPolicy, validatePolicy } from './ipsec-policy';
import { ER_COEXIST_MORE_SPECIFIC, VPN_APIPA_ACTIVE_ACTIVE, VPN_OVER_ER, VPN_OVER_ER_PREFIXES, VPN_BGP_ASN_DISTINCT, VPN_BGP_DISABLED, VPN_CONNECTION_DPD, VPN_CONNECTION_WEIGHT, VPN_SETTING_VALUE, VPN_SHARED_KEY_LITERAL, VPN_SITE_ADDRESS, VPN_SITE_ENDPOINT, VPN_SITE_PUBLIC_IP } from './rules';
import { SharedKey, SharedKeyConfig } from './shared-key';
import type { VpnDevice } from './vpn-device';
import type { IVpnGateway } from './vpn-gateway-base';
import { AddressPlan, onPremisesNetworkOf } from '../core/address-plan';
import { cidrContains, cidrContainsAddress, isIpv4Address, literalRanges, parseCidr } from '../core/cidr';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { checkFinalBody } from '../core/report';
import { displayValue } from '../core/tokens';

export type { IpsecPolicy } from './ipsec-policy';
export { VpnDevice } from './vpn-device';

/** Who starts the IKE exchange. */
export enum ConnectionMode {
  /** Either side. */
  DEFAULT = 'Default',
  /** Azure only initiates. */
  INITIATOR_ONLY = 'InitiatorOnly',
  /** Azure only responds. */
  RESPONDER_ONLY = 'ResponderOnly',
}

/** Options of `VpnGateway.addSite`: one on-premises site. */
export interface SiteToSiteConnectionOptions {
  /** The on-premises VPN device: `VpnDevice.address('203.0.113.10')` or `VpnDevice.fqdn('vpn.contoso.com')`. */
  readonly device: VpnDevice;
  /**
   * On-premises prefixes reached through this site. Required without BGP; with BGP the routes
   * are learned, and only the BGP peer's /32 is added (automatically). Literal prefixes are
   * checked against the address plan; expressions pass through.
   * @default - none
   */
  readonly addressSpaces?: string[];
  /**
   * On-premises BGP ASN; turns BGP on for this site (a Terraform expression is accepted).
   * @default - no BGP: static routes from `addressSpaces`
   */
  readonly bgpAsn?: number;
  /**
   * On-premises BGP peer address (required with `bgpAsn`): an on-premises address, never one of
   * Azure's ranges (its /32 is added to the site's prefixes and claimed in the address plan,
   * unless it lies in `addressSpaces` or is an APIPA address).
   * @default - none
   */
  readonly bgpPeeringAddress?: string;
  /**
   * Pre-shared key.
   * @default SharedKey.generate()
   */
  readonly sharedKey?: SharedKey;
  /**
   * Custom IPsec/IKE policy.
   * @default - IKEv2, AES256/SHA384/ECP384, GCMAES256, PFS ECP384, 27000 s
   */
  readonly ipsecPolicy?: IpsecPolicy;
  /**
   * Use Azure's default policy proposals instead of a custom policy (for devices that cannot
   * match the library's policy). A literal: it decides whether `ipsec_policy` exists.
   * @default false
   */
  readonly useAzureDefaultIpsecPolicy?: boolean;
  /**
   * Custom APIPA BGP address Azure uses towards this site on the first instance (must be one of
   * the gateway's `apipaAddressesInstance1`). Needs an active-active gateway.
   * @default - the gateway's default BGP addresses
   */
  readonly customBgpAddressInstance1?: string;
  /**
   * Custom APIPA BGP address on the second instance (one of `apipaAddressesInstance2`).
   * @default - none
   */
  readonly customBgpAddressInstance2?: string;
  /**
   * Routing weight, 0-32000.
   * @default 0
   */
  readonly routingWeight?: number;
  /**
   * Dead peer detection timeout in seconds, 9-3600.
   * @default 45
   */
  readonly dpdTimeoutSeconds?: number;
  /**
   * Who starts IKE.
   * @default ConnectionMode.DEFAULT
   */
  readonly connectionMode?: ConnectionMode;
  /**
   * Policy-based traffic selectors, for devices that only do policy-based VPN.
   * @default false
   */
  readonly usePolicyBasedTrafficSelectors?: boolean;
  /**
   * Ids of ingress NAT rules (from `VpnGateway.addNatRule`).
   * @default - none
   */
  readonly ingressNatRuleIds?: string[];
  /**
   * Ids of egress NAT rules.
   * @default - none
   */
  readonly egressNatRuleIds?: string[];
  /**
   * Name of the local network gateway.
   * @default - generated: `lgw-<construct path>`
   */
  readonly localNetworkGatewayName?: string;
  /**
   * Name of the connection.
   * @default - generated: `con-<construct path>`
   */
  readonly connectionName?: string;
  /**
   * The ExpressRoute circuit this site backs up (VPN failover): the site reaches the circuit's
   * on-premises network, so its prefixes may equal the circuit's, but none may be more specific
   * (Azure would prefer the VPN by longest-prefix match).
   * @default - the site is a network of its own: its prefixes overlap nothing
   */
  readonly backupFor?: IExpressRouteCircuit;
  /**
   * Run this site's tunnel over the private peering of this ExpressRoute circuit instead of the
   * internet, to encrypt what crosses the circuit: the device is given by its private address
   * (reached over the circuit), the connection uses the gateway's private IPs (the gateway needs
   * `privateIpAddressEnabled`), and the site's prefixes must be more specific than, or disjoint
   * from, those advertised over the circuit, or Azure sends the traffic over ExpressRoute without
   * the tunnel.
   * @default - over the internet
   */
  readonly overExpressRoute?: IExpressRouteCircuit;
  /**
   * The on-premises network this site reaches, declared once (`OnPremisesNetwork`): the same
   * prefixes may then be reached through other sites, circuits or hubs (another region's
   * gateway), and `addressSpaces` must lie inside the network's prefixes.
   * @default - the circuit's network with `backupFor`, else a network of its own
   */
  readonly onPremisesNetwork?: IOnPremisesNetwork;
}

/** Props of `SiteToSiteConnection`. */
export interface SiteToSiteConnectionProps extends SiteToSiteConnectionOptions {
  /** The Azure VPN gateway (new or imported). */
  readonly gateway: IVpnGateway;
}

/**
 * One on-premises site: a local network gateway (address or FQDN, static prefixes or BGP) and an
 * IKEv2 IPsec connection to the VPN gateway, with a custom GCM policy and a key that is never a
 * literal.
 */
export class SiteToSiteConnection extends Construct {
  /** The local network gateway (escape hatch). */
  public readonly localNetworkGateway: LocalNetworkGateway;
  /** The IPsec connection (escape hatch). */
  public readonly connection: VirtualNetworkGatewayConnection;
  /** The IPsec policy in use, or undefined for Azure's defaults. */
  public readonly ipsecPolicy?: IpsecPolicy;
  /** Whether the site uses BGP. */
  public readonly bgpEnabled: boolean;
  /** The gateway the site connects to. */
  public readonly gateway: IVpnGateway;
  /** Prefixes of the local network gateway (the given ones, plus the BGP peer's /32). */
  public readonly addressSpaces: string[];
  /** Name of the connection. */
  public readonly connectionName: string;

  private readonly key: SharedKeyConfig;

  constructor(scope: Construct, id: string, props: SiteToSiteConnectionProps) {
    super(scope, id);
    // Resolve. (JavaScript callers: a missing gateway is a ValidationError, not a TypeError.)
    const given = new ProblemCollector(this);
    given.required('gateway', props?.gateway, 'construct');
    given.throwIfAny();
    this.gateway = props.gateway;
    this.bgpEnabled = props.bgpAsn !== undefined;
    this.ipsecPolicy = props.useAzureDefaultIpsecPolicy ? undefined : { ...DEFAULT_IPSEC_POLICY, ...props.ipsecPolicy };
    this.validate(props);
    this.connectionName = props.connectionName ?? generateName(this, 'connection');
    this.addressSpaces = withPeerRoute(props.addressSpaces ?? [], this.bgpEnabled ? props.bgpPeeringAddress : undefined);

    // Build.
    const hub = this.gateway.hub;
    this.localNetworkGateway = new LocalNetworkGateway(this, 'LocalNetworkGateway', {
      name: props.localNetworkGatewayName ?? generateName(this, 'localNetworkGateway'),
      resourceGroupName: hub.resourceGroupName,
      location: hub.location,
      gatewayAddress: props.device.gatewayAddress,
      gatewayFqdn: props.device.gatewayFqdn,
      addressSpace: this.addressSpaces,
      bgpSettings: this.bgpEnabled ? { asn: props.bgpAsn!, bgpPeeringAddress: props.bgpPeeringAddress! } : undefined,
    });
    this.key = (props.sharedKey ?? SharedKey.generate()).bind(this);
    this.connection = this.createConnection(props);
    checkFinalBody(this, this.connection, [VPN_SHARED_KEY_LITERAL, VPN_SETTING_VALUE]);

    // Hand off.
    Runbook.of(this).addSection(new LazySection(`Site ${this.node.id} (${this.node.path})`, () => this.renderHandoff(props)));
  }

  private createConnection(props: SiteToSiteConnectionProps): VirtualNetworkGatewayConnection {
    const hub = this.gateway.hub;
    const policy = this.ipsecPolicy;
    return new VirtualNetworkGatewayConnection(this, 'Resource', {
      name: this.connectionName,
      resourceGroupName: hub.resourceGroupName,
      location: hub.location,
      type: 'IPsec',
      connectionProtocol: 'IKEv2',
      virtualNetworkGatewayId: this.gateway.gatewayId,
      localNetworkGatewayId: this.localNetworkGateway.id,
      sharedKey: this.key.value,
      enableBgp: this.bgpEnabled,
      customBgpAddresses: props.customBgpAddressInstance1 !== undefined ? { primary: props.customBgpAddressInstance1, secondary: props.customBgpAddressInstance2 } : undefined,
      routingWeight: props.routingWeight,
      dpdTimeoutSeconds: props.dpdTimeoutSeconds ?? DPD_TIMEOUT_SECONDS,
      connectionMode: props.connectionMode,
      usePolicyBasedTrafficSelectors: props.usePolicyBasedTrafficSelectors,
      // Site-to-site over ExpressRoute private peering: the tunnel ends on the gateway's private IPs.
      localAzureIpAddressEnabled: props.overExpressRoute ? true : undefined,
      ingressNatRuleIds: props.ingressNatRuleIds,
      egressNatRuleIds: props.egressNatRuleIds,
      ipsecPolicy: policy
        ? {
          ikeEncryption: policy.ikeEncryption,
          ikeIntegrity: policy.ikeIntegrity,
          dhGroup: policy.dhGroup,
          ipsecEncryption: policy.ipsecEncryption,
          ipsecIntegrity: policy.ipsecIntegrity,
          pfsGroup: policy.pfsGroup,
          saLifetime: policy.saLifetimeSeconds,
          saDatasize: policy.saDataSizeKilobytes,
        }
        : undefined,
    });
  }

  private validate(props: SiteToSiteConnectionProps): void {
    const problems = new ProblemCollector(this);
    problems.required('gateway', props?.gateway, 'construct');
    problems.required('device', props?.device, 'object');
    // A key written in the code would sit in the synthesized JSON and in every clone of the repository.
    problems.check(typeof props?.sharedKey === 'string', VPN_SHARED_KEY_LITERAL, 'sharedKey', props?.sharedKey, 'a pre-shared key written in the code is in the synthesized JSON and in every clone of the repository', 'use SharedKey.generate(), SharedKey.fromVariable(name) or SharedKey.fromKeyVaultSecret(keyVaultId, secretName)');
    if (typeof props?.sharedKey !== 'string') problems.type('sharedKey', props?.sharedKey, 'object', 'use SharedKey.generate(), SharedKey.fromVariable(name) or SharedKey.fromKeyVaultSecret(keyVaultId, secretName)');
    problems.type('addressSpaces', props?.addressSpaces, 'array');
    problems.type('ipsecPolicy', props?.ipsecPolicy, 'object');
    problems.throwIfAny();
    checkName(problems, 'localNetworkGateway', 'localNetworkGatewayName', props.localNetworkGatewayName);
    checkName(problems, 'connection', 'connectionName', props.connectionName);
    problems.literal('useAzureDefaultIpsecPolicy', props.useAzureDefaultIpsecPolicy, 'it decides whether ipsec_policy exists');
    const badCircuit = problems.type('overExpressRoute', props.overExpressRoute, 'construct');
    const overExpressRoute = props.overExpressRoute !== undefined && !badCircuit;
    if (overExpressRoute) this.validateOverExpressRoute(problems, props, props.overExpressRoute!);
    this.validateDevice(problems, props.device, overExpressRoute);
    this.validateAddresses(problems, props);
    if (this.bgpEnabled) this.validateBgp(problems, props);
    else problems.check(props.bgpPeeringAddress !== undefined, VPN_SITE_ADDRESS, 'bgpPeeringAddress', props.bgpPeeringAddress, 'a BGP peer address without `bgpAsn` has no effect', 'set `bgpAsn` too, or leave `bgpPeeringAddress` out');
    this.validateCustomBgp(problems, props);
    problems.integer(VPN_CONNECTION_WEIGHT, 'routingWeight', props.routingWeight, 0, 32000);
    problems.integer(VPN_CONNECTION_DPD, 'dpdTimeoutSeconds', props.dpdTimeoutSeconds, 9, 3600, 'use e.g. 45');
    problems.oneOf(VPN_SETTING_VALUE, 'connectionMode', props.connectionMode, Object.values(ConnectionMode));
    if (this.ipsecPolicy) validatePolicy(problems, this.ipsecPolicy);
    problems.throwIfAny();
    this.claimAddresses(problems, props);
  }

  /**
   * The device's endpoint: an address or an FQDN, not both; over the internet a public address,
   * over ExpressRoute private peering a private (RFC 1918) one reached over the circuit.
   */
  private validateDevice(problems: ProblemCollector, device: VpnDevice, overExpressRoute: boolean): void {
    const address = device.gatewayAddress;
    problems.check(address === undefined && device.gatewayFqdn === undefined, VPN_SITE_ENDPOINT, 'device', undefined, 'the device has neither an address nor an FQDN', overExpressRoute ? "use VpnDevice.address('10.1.0.4') (its address on the network ExpressRoute reaches)" : "use VpnDevice.address('203.0.113.10') or VpnDevice.fqdn('vpn.contoso.com')");
    // Only a JavaScript caller building the object by hand can give both.
    problems.check(address !== undefined && device.gatewayFqdn !== undefined, VPN_SITE_ENDPOINT, 'device', device.gatewayFqdn, 'the device has both an address and an FQDN; a local network gateway takes one', "use VpnDevice.address('203.0.113.10') or VpnDevice.fqdn('vpn.contoso.com')");
    if (address !== undefined && !Token.isUnresolved(address)) {
      const parsed = isIpv4Address(address) ? new Address4(address) : undefined;
      if (overExpressRoute) {
        problems.check(!parsed || !parsed.isPrivate(), VPN_OVER_ER, 'device', address, parsed ? `${address} is not a private (RFC 1918) address: a tunnel over ExpressRoute private peering reaches the device at its private address` : `${address} is not an IPv4 address`, "use the device's RFC 1918 address reached over the circuit");
      } else {
        problems.check(
          !parsed || parsed.isPrivate() || parsed.isLinkLocal() || parsed.isLoopback() || parsed.isCGNAT() || parsed.isMulticast() || parsed.isUnspecified() || parsed.isBroadcast() || parsed.isReserved(),
          VPN_SITE_PUBLIC_IP,
          'device',
          address,
          parsed ? `${address} is not a public address; Azure reaches the device over the internet` : `${address} is not an IPv4 address`,
          "use the device's public IPv4 address (or VpnDevice.fqdn(name))",
        );
      }
    }
    problems.dnsName(VPN_SITE_ENDPOINT, 'device', device.gatewayFqdn, true, 'use a name such as vpn.contoso.com');
  }

  /**
   * A tunnel over ExpressRoute private peering (vpn-gateway/site-to-site-vpn-private-peering.md):
   * private IPs on the gateway, not the circuit's failover at once, and prefixes Azure prefers over
   * the circuit's own (more specific or disjoint). The device's private address: validateDevice.
   */
  private validateOverExpressRoute(problems: ProblemCollector, props: SiteToSiteConnectionProps, circuit: IExpressRouteCircuit): void {
    const gateway = this.gateway;
    problems.check(gateway.privateIpAddressEnabled === false, VPN_OVER_ER, 'overExpressRoute', circuit.node.path, `VPN gateway ${gateway.node.path} has no private IPs, where a tunnel over ExpressRoute private peering ends`, 'set `privateIpAddressEnabled: true` on the gateway');
    problems.check(props.backupFor !== undefined, VPN_OVER_ER, 'backupFor', props.backupFor?.node.path, 'a site cannot both run over ExpressRoute and back it up when it fails', 'leave `backupFor` out for a site over ExpressRoute, or use two sites');
    // Azure prefers the longest prefix, then ExpressRoute: the VPN must be more specific, or disjoint.
    const erRanges = literalRanges(circuit.onPremisesPrefixes);
    for (const cidr of props.addressSpaces ?? []) {
      const range = parseCidr(cidr);
      const covered = range && erRanges.find((p) => p.prefixLength >= range.prefixLength && cidrContains(range, p));
      problems.check(
        covered !== undefined,
        VPN_OVER_ER_PREFIXES,
        'addressSpaces',
        cidr,
        `${cidr} over the tunnel ${covered?.cidr === cidr ? 'is also' : `contains ${covered?.cidr}, which is`} advertised over ExpressRoute: Azure sends that traffic over the circuit without the tunnel's encryption`,
        `advertise a more specific prefix over the tunnel than over ExpressRoute (e.g. a /24 inside ${covered?.cidr}), or disjoint ones`,
      );
    }
  }

  private validateAddresses(problems: ProblemCollector, props: SiteToSiteConnectionProps): void {
    const spaces = props.addressSpaces ?? [];
    checkCidrs(problems, 'addressSpaces', spaces);
    problems.check(!this.bgpEnabled && spaces.length === 0, VPN_SITE_ADDRESS, 'addressSpaces', spaces, 'without BGP the gateway only routes to the prefixes listed on the site, and none are', 'list the on-premises prefixes, or set `bgpAsn` and `bgpPeeringAddress`');
    const circuit = props.backupFor;
    if (circuit === undefined) return;
    // Failover: a VPN prefix more specific than an ExpressRoute-advertised one wins by longest-prefix match.
    const erRanges = literalRanges(circuit.onPremisesPrefixes);
    for (const cidr of spaces) {
      const range = parseCidr(cidr);
      const wider = range && erRanges.find((p) => p.prefixLength < range.prefixLength && cidrContains(p, range));
      problems.check(
        wider !== undefined,
        ER_COEXIST_MORE_SPECIFIC,
        'addressSpaces',
        cidr,
        `${cidr} over the VPN is more specific than ${wider ? wider.cidr : ''} advertised over ExpressRoute: Azure would send that traffic over the VPN by longest-prefix match`,
        `advertise ${wider ? wider.cidr : 'the same prefix'} itself over the VPN (better: learn it over BGP with AS-path prepending)`,
      );
    }
  }

  private validateBgp(problems: ProblemCollector, props: SiteToSiteConnectionProps): void {
    const gateway = this.gateway;
    problems.check(!gateway.bgpEnabled, VPN_BGP_DISABLED, 'bgpAsn', props.bgpAsn, `the site uses BGP but VPN gateway ${gateway.node.path} has BGP off`, 'set `bgpEnabled: true` on the gateway (default) or leave `bgpAsn` out');
    if (!Token.isUnresolved(props.bgpAsn!)) {
      checkAsn(problems, 'bgpAsn', props.bgpAsn!, true);
      problems.check(!Token.isUnresolved(gateway.asn) && props.bgpAsn === gateway.asn, VPN_BGP_ASN_DISTINCT, 'bgpAsn', props.bgpAsn, `the on-premises ASN equals the Azure gateway's ASN ${gateway.asn}`, 'use a different private ASN on premises, e.g. 65010');
    }
    problems.check(props.bgpPeeringAddress === undefined, VPN_SITE_ADDRESS, 'bgpPeeringAddress', undefined, 'a BGP site needs the address of the on-premises BGP speaker', "give `bgpPeeringAddress` (often a loopback, or an APIPA address)");
    problems.ipv4(VPN_SITE_ADDRESS, 'bgpPeeringAddress', props.bgpPeeringAddress, "give the on-premises BGP speaker's address (often a loopback, or an APIPA address)");
  }

  private validateCustomBgp(problems: ProblemCollector, props: SiteToSiteConnectionProps): void {
    const [first, second] = [props.customBgpAddressInstance1, props.customBgpAddressInstance2];
    if (first === undefined && second === undefined) return;
    problems.check(!this.gateway.activeActive, VPN_APIPA_ACTIVE_ACTIVE, 'customBgpAddressInstance1', first, 'custom BGP addresses on a connection need an active-active gateway', 'set `activeActive: true` on the gateway (default)');
    problems.check(!this.bgpEnabled, VPN_BGP_DISABLED, 'customBgpAddressInstance1', first, 'custom BGP addresses need BGP on the site', 'set `bgpAsn`');
    problems.check(first === undefined, VPN_APIPA_ACTIVE_ACTIVE, 'customBgpAddressInstance2', second, "the second instance's custom address needs the first one's", 'set `customBgpAddressInstance1` too');
    [first, second].forEach((a, i) => {
      if (a === undefined) return;
      const prop = `customBgpAddressInstance${i + 1}`;
      checkApipa(problems, prop, [a]);
      const list = this.gateway.apipaAddresses[i] ?? [];
      // Only a list of literal addresses can be known not to hold it (a list or an address from an expression may).
      const literalList = !Token.isUnresolved(list) && !list.some((x) => Token.isUnresolved(x));
      problems.check(literalList && !Token.isUnresolved(a) && !list.includes(a), VPN_APIPA_ACTIVE_ACTIVE, prop, a, `${a} is not one of the gateway's APIPA addresses for instance ${i + 1} (${literalList ? list.join(', ') || 'none' : ''})`, `add it to the gateway's \`apipaAddressesInstance${i + 1}\``);
    });
  }

  /** The site's prefixes belong to its own on-premises network, or to the circuit it backs up. */
  private claimAddresses(problems: ProblemCollector, props: SiteToSiteConnectionProps): void {
    const circuit = props.backupFor ?? props.overExpressRoute;
    const declared = props.onPremisesNetwork ?? circuit?.onPremisesNetwork;
    if (declared) checkInsideNetwork(problems, 'addressSpaces', props.addressSpaces ?? [], declared);
    problems.throwIfAny();
    const network = addressPlanNetworkOf(declared, circuit ? onPremisesNetworkOf(circuit.node.path) : undefined);
    AddressPlan.of(this).claim(problems, 'addressSpaces', props.addressSpaces ?? [], `on-premises site ${this.node.path}`, network);
    // The BGP peer's /32 is routed into the tunnel (withPeerRoute): an on-premises address, claimed
    // like the site's prefixes, so a peer inside the hub, a spoke or another site is refused.
    const route = peerRoute(this.bgpEnabled ? props.bgpPeeringAddress : undefined);
    const inOwnPrefixes = route !== undefined && literalRanges(props.addressSpaces ?? []).some((r) => cidrContainsAddress(r, props.bgpPeeringAddress!));
    if (route !== undefined && !inOwnPrefixes) AddressPlan.of(this).claim(problems, 'bgpPeeringAddress', [route], `BGP peer of on-premises site ${this.node.path}`, network);
    problems.throwIfAny();
  }

  private renderHandoff(props: SiteToSiteConnectionProps): string {
    const show = (value: unknown): string => displayValue(this, value);
    const policy = this.ipsecPolicy;
    const rg = this.gateway.hub.resourceGroupName;
    return renderSiteHandoff({
      device: props.device.gatewayAddress !== undefined ? `${props.overExpressRoute ? 'private' : 'public'} IP \`${show(props.device.gatewayAddress)}\`` : `FQDN \`${show(props.device.gatewayFqdn)}\``,
      overExpressRoute: props.overExpressRoute?.node.path,
      activeActive: this.gateway.activeActive,
      publicIpsOutputName: this.gateway.publicIpsOutputName,
      keyWhereToFindIt: this.key.whereToFindIt,
      policy: policy && {
        ikeEncryption: show(policy.ikeEncryption),
        ikeIntegrity: show(policy.ikeIntegrity),
        dhGroup: show(policy.dhGroup),
        ipsecEncryption: show(policy.ipsecEncryption),
        ipsecIntegrity: show(policy.ipsecIntegrity),
        pfsGroup: show(policy.pfsGroup),
        saLifetimeSeconds: show(policy.saLifetimeSeconds),
        saDataSizeKilobytes: show(policy.saDataSizeKilobytes),
      },
      dpdTimeoutSeconds: show(props.dpdTimeoutSeconds ?? DPD_TIMEOUT_SECONDS),
      bgp: this.bgpEnabled
        ? {
          asn: show(props.bgpAsn),
          peer: show(props.bgpPeeringAddress),
          azureAsn: show(this.gateway.asn),
          azurePeersOutputName: this.gateway.bgpPeeringAddressesOutputName,
          customAddresses: [props.customBgpAddressInstance1, props.customBgpAddressInstance2].filter((a): a is string => a !== undefined).map(show),
        }
        : undefined,
      // A list from an expression (`concat(var.x, [peer])`) as its expression, not its list token.
      localPrefixes: Token.isUnresolved(this.addressSpaces) ? [show(this.addressSpaces)] : this.addressSpaces.map(show),
      policyBasedTrafficSelectors: props.usePolicyBasedTrafficSelectors === true,
      connectionName: show(this.connectionName),
      resourceGroupName: Token.isUnresolved(rg) ? '<resource group>' : rg,
    });
  }
}

/** The host route to a BGP peer the local network gateway needs (none for an APIPA or unknown peer). */
function peerRoute(peer: string | undefined): string | undefined {
  if (peer === undefined || Token.isUnresolved(peer) || !isIpv4Address(peer) || new Address4(peer).isLinkLocal()) return undefined;
  return `${peer}/32`;
}

/** With BGP, the local network gateway needs a host route to the peer (unless it is APIPA). */
function withPeerRoute(given: string[], peer: string | undefined): string[] {
  const route = peerRoute(peer);
  if (route === undefined) return given;
  // A whole list from an expression cannot take elements: Terraform concatenates it.
  if (Token.isUnresolved(given)) return Token.asList(Fn.concat([given, [route]]));
  return given.includes(route) ? given : [...given, route];
}
