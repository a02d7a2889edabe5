import { LocalNetworkGateway } from '@cdktf/provider-azurerm/lib/local-network-gateway';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkApipa, checkAsn } from './bgp';
import { DPD_TIMEOUT_SECONDS, IPSEC_POLICY } from './defaults';
import { checkCidrs } from './hub-network';
import { SharedKey, SharedKeyConfig } from './shared-key';
import type { VpnGateway } from './vpn-gateway';
import { AddressPlan } from '../core/address-plan';
import { isIpv4Address } from '../core/cidr';
import { isDnsName } from '../core/dns';
import { ProblemCollector } from '../core/errors';
import { checkName, generateName } from '../core/naming';
import { LazySection, Runbook } from '../core/outputs';
import { displayValue, isLiteralString, synthesizedBody } from '../core/tokens';
import { Address4 } from 'ip-address';
import { VPN_APIPA_ACTIVE_ACTIVE, VPN_BGP_ASN_DISTINCT, VPN_BGP_DISABLED, VPN_CONNECTION_DPD, VPN_CONNECTION_WEIGHT, VPN_IPSEC_GCM, VPN_IPSEC_LIFETIME, VPN_IPSEC_VALUE, VPN_SITE_ADDRESS, VPN_SITE_ENDPOINT, VPN_SITE_PUBLIC_IP } from './rules';

/**
 * A custom IPsec/IKE policy. Values are Azure's names; see
 * https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto.
 */
export interface IpsecPolicy {
  /** IKE (phase 1) encryption: AES128, AES192, AES256, GCMAES128, GCMAES256 (DES, DES3 are refused). */
  readonly ikeEncryption: string;
  /** IKE integrity: SHA256, SHA384, GCMAES128, GCMAES256 (MD5, SHA1 are refused). */
  readonly ikeIntegrity: string;
  /** DH group: DHGroup14, DHGroup2048, DHGroup24, ECP256, ECP384. */
  readonly dhGroup: string;
  /** IPsec (phase 2) encryption: AES128, AES192, AES256, GCMAES128, GCMAES192, GCMAES256. */
  readonly ipsecEncryption: string;
  /** IPsec integrity: SHA256, GCMAES128, GCMAES192, GCMAES256; must equal `ipsecEncryption` for GCM. */
  readonly ipsecIntegrity: string;
  /** PFS group: None, PFS2048, PFS14, PFS24, PFSMM, ECP256, ECP384. */
  readonly pfsGroup: string;
  /**
   * IPsec SA lifetime in seconds, 300-172799.
   * @default 27000
   */
  readonly saLifetimeSeconds?: number;
  /**
   * IPsec SA lifetime in kilobytes, 1024-2147483647, or 0 for none.
   * @default 102400000
   */
  readonly saDataSizeKilobytes?: number;
}

// Azure's accepted values (weak ones such as DES, MD5, SHA1, DHGroup1/2, PFS1/2 are left out on purpose).
const IKE_ENCRYPTION = ['AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256'];
const IKE_INTEGRITY = ['SHA256', 'SHA384', 'GCMAES128', 'GCMAES256'];
const DH_GROUPS = ['DHGroup14', 'DHGroup2048', 'DHGroup24', 'ECP256', 'ECP384'];
const IPSEC_ENCRYPTION = ['AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256'];
const IPSEC_INTEGRITY = ['SHA256', 'GCMAES128', 'GCMAES192', 'GCMAES256'];
const PFS_GROUPS = ['None', 'PFS2048', 'PFS14', 'PFS24', 'PFSMM', 'ECP256', 'ECP384'];

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
  /**
   * Public IPv4 address of the on-premises VPN device. Exactly one of this and `gatewayFqdn`.
   * @default - none
   */
  readonly gatewayAddress?: string;
  /**
   * FQDN of the on-premises VPN device (for devices behind dynamic addresses).
   * @default - none
   */
  readonly gatewayFqdn?: string;
  /**
   * On-premises prefixes reached through this site. Required without BGP; with BGP the routes
   * are learned, and only the BGP peer's /32 is added (automatically).
   * @default - none
   */
  readonly addressSpaces?: string[];
  /**
   * On-premises BGP ASN; turns BGP on for this site.
   * @default - no BGP: static routes from `addressSpaces`
   */
  readonly bgpAsn?: number;
  /**
   * On-premises BGP peer address (required with `bgpAsn`).
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
   * match the library's policy).
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
}

/** Props of `SiteToSiteConnection`. */
export interface SiteToSiteConnectionProps extends SiteToSiteConnectionOptions {
  /** The Azure VPN gateway. */
  readonly gateway: VpnGateway;
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

  private readonly key: SharedKeyConfig;
  private readonly connectionName: string;
  private readonly props: SiteToSiteConnectionProps;
  private readonly addressSpaces: string[];

  constructor(scope: Construct, id: string, props: SiteToSiteConnectionProps) {
    super(scope, id);
    this.props = props;
    this.connectionName = props.connectionName ?? generateName(this, 'connection');
    const gateway = props.gateway;
    this.bgpEnabled = props.bgpAsn !== undefined;
    this.ipsecPolicy = props.useAzureDefaultIpsecPolicy ? undefined : props.ipsecPolicy ?? IPSEC_POLICY;
    this.validate(props);

    // With BGP, the local network gateway needs a host route to the peer (unless it is APIPA).
    const given = props.addressSpaces ?? [];
    const peer = props.bgpPeeringAddress;
    const peerRoute = this.bgpEnabled && peer && !Token.isUnresolved(peer) && !new Address4(peer).isLinkLocal() ? `${peer}/32` : undefined;
    this.addressSpaces = peerRoute && !given.includes(peerRoute) ? [...given, peerRoute] : given;

    const hub = gateway.hub;
    this.localNetworkGateway = new LocalNetworkGateway(this, 'LocalNetworkGateway', {
      name: props.localNetworkGatewayName ?? generateName(this, 'localNetworkGateway'),
      resourceGroupName: hub.resourceGroupName,
      location: hub.location,
      gatewayAddress: props.gatewayAddress,
      gatewayFqdn: props.gatewayFqdn,
      addressSpace: this.addressSpaces,
      bgpSettings: this.bgpEnabled ? { asn: props.bgpAsn!, bgpPeeringAddress: peer! } : undefined,
    });

    this.key = (props.sharedKey ?? SharedKey.generate()).bind(this);
    const customBgp = props.customBgpAddressInstance1 !== undefined
      ? { primary: props.customBgpAddressInstance1, secondary: props.customBgpAddressInstance2 }
      : undefined;
    const policy = this.ipsecPolicy;
    this.connection = new VirtualNetworkGatewayConnection(this, 'Resource', {
      name: this.connectionName,
      resourceGroupName: hub.resourceGroupName,
      location: hub.location,
      type: 'IPsec',
      connectionProtocol: 'IKEv2',
      virtualNetworkGatewayId: gateway.gateway.id,
      localNetworkGatewayId: this.localNetworkGateway.id,
      sharedKey: this.key.value,
      enableBgp: this.bgpEnabled,
      customBgpAddresses: customBgp,
      routingWeight: props.routingWeight,
      dpdTimeoutSeconds: props.dpdTimeoutSeconds ?? DPD_TIMEOUT_SECONDS,
      connectionMode: props.connectionMode,
      usePolicyBasedTrafficSelectors: props.usePolicyBasedTrafficSelectors,
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
          saLifetime: policy.saLifetimeSeconds ?? IPSEC_POLICY.saLifetimeSeconds,
          saDatasize: policy.saDataSizeKilobytes ?? IPSEC_POLICY.saDataSizeKilobytes,
        }
        : undefined,
    });

    this.node.addValidation({ validate: () => this.validateKeyNotLiteral() });
    Runbook.of(this).addSection(new LazySection(`Site ${this.node.id} (${this.node.path})`, () => this.renderHandoff()));
  }

  private validate(props: SiteToSiteConnectionProps): void {
    const gateway = props.gateway;
    const problems = new ProblemCollector(this);
    checkName(problems, 'localNetworkGateway', 'localNetworkGatewayName', props.localNetworkGatewayName);
    checkName(problems, 'connection', 'connectionName', props.connectionName);

    const endpoints = [props.gatewayAddress, props.gatewayFqdn].filter((v) => v !== undefined).length;
    problems.check(
      endpoints !== 1,
      VPN_SITE_ENDPOINT,
      endpoints === 0 ? 'gatewayAddress' : 'gatewayFqdn',
      endpoints === 0 ? undefined : props.gatewayFqdn,
      endpoints === 0 ? 'the site has neither a gateway address nor an FQDN' : 'the site has both a gateway address and an FQDN',
      'give exactly one of `gatewayAddress` and `gatewayFqdn`',
    );
    const address = props.gatewayAddress;
    if (address !== undefined && !Token.isUnresolved(address)) {
      const valid = isIpv4Address(address);
      const parsed = valid ? new Address4(address) : undefined;
      problems.check(
        !valid || parsed!.isPrivate() || parsed!.isLinkLocal() || parsed!.isLoopback() || parsed!.isCGNAT() || parsed!.isMulticast() || parsed!.isUnspecified() || parsed!.isBroadcast() || parsed!.isReserved(),
        VPN_SITE_PUBLIC_IP,
        'gatewayAddress',
        address,
        valid ? `${address} is not a public address; Azure reaches the device over the internet` : `${address} is not an IPv4 address`,
        "use the device's public IPv4 address (or its FQDN in `gatewayFqdn`)",
      );
    }
    const fqdn = props.gatewayFqdn;
    if (fqdn !== undefined && !Token.isUnresolved(fqdn)) {
      problems.check(
        !isDnsName(fqdn, true),
        VPN_SITE_ENDPOINT,
        'gatewayFqdn',
        fqdn,
        `${fqdn} is not a fully qualified domain name`,
        'use a name such as vpn.contoso.com',
      );
    }

    const spaces = props.addressSpaces ?? [];
    checkCidrs(problems, 'addressSpaces', spaces);
    problems.check(
      !this.bgpEnabled && spaces.length === 0,
      VPN_SITE_ADDRESS,
      'addressSpaces',
      spaces,
      'without BGP the gateway only routes to the prefixes listed on the site, and none are',
      'list the on-premises prefixes, or set `bgpAsn` and `bgpPeeringAddress`',
    );
    const plan = AddressPlan.of(this);
    plan.claim(problems, 'addressSpaces', spaces, `on-premises site ${this.node.path}`, plan.networkOf(this.node.path));

    if (this.bgpEnabled) {
      problems.check(
        !gateway.bgpEnabled,
        VPN_BGP_DISABLED,
        'bgpAsn',
        props.bgpAsn,
        `the site uses BGP but VPN gateway ${gateway.node.path} has BGP off`,
        'set `bgpEnabled: true` on the gateway (default) or leave `bgpAsn` out',
      );
      if (!Token.isUnresolved(props.bgpAsn!)) {
        checkAsn(problems, 'bgpAsn', props.bgpAsn!, true);
        problems.check(
          props.bgpAsn === gateway.asn,
          VPN_BGP_ASN_DISTINCT,
          'bgpAsn',
          props.bgpAsn,
          `the on-premises ASN equals the Azure gateway's ASN ${gateway.asn}`,
          'use a different private ASN on premises, e.g. 65010',
        );
      }
      const peer = props.bgpPeeringAddress;
      problems.check(
        peer === undefined || (!Token.isUnresolved(peer) && !isIpv4Address(peer)),
        VPN_SITE_ADDRESS,
        'bgpPeeringAddress',
        peer,
        'a BGP site needs the IPv4 address of its BGP peer',
        "give the on-premises BGP speaker's address (often a loopback, or an APIPA address)",
      );
    } else {
      problems.check(
        props.bgpPeeringAddress !== undefined,
        VPN_SITE_ADDRESS,
        'bgpPeeringAddress',
        props.bgpPeeringAddress,
        'a BGP peer address without `bgpAsn` has no effect',
        'set `bgpAsn` too, or leave `bgpPeeringAddress` out',
      );
    }

    const custom = [props.customBgpAddressInstance1, props.customBgpAddressInstance2].filter((a): a is string => a !== undefined);
    if (custom.length > 0) {
      problems.check(
        !gateway.activeActive,
        VPN_APIPA_ACTIVE_ACTIVE,
        'customBgpAddressInstance1',
        props.customBgpAddressInstance1,
        'custom BGP addresses on a connection need an active-active gateway',
        'set `activeActive: true` on the gateway (default)',
      );
      problems.check(!this.bgpEnabled, VPN_BGP_DISABLED, 'customBgpAddressInstance1', props.customBgpAddressInstance1, 'custom BGP addresses need BGP on the site', 'set `bgpAsn`');
      problems.check(
        props.customBgpAddressInstance1 === undefined,
        VPN_APIPA_ACTIVE_ACTIVE,
        'customBgpAddressInstance2',
        props.customBgpAddressInstance2,
        'the second instance\'s custom address needs the first one\'s',
        'set `customBgpAddressInstance1` too',
      );
      // Each address under its own prop (the second one was not range-checked before).
      if (props.customBgpAddressInstance1 !== undefined) checkApipa(problems, 'customBgpAddressInstance1', [props.customBgpAddressInstance1]);
      if (props.customBgpAddressInstance2 !== undefined) checkApipa(problems, 'customBgpAddressInstance2', [props.customBgpAddressInstance2]);
      [props.customBgpAddressInstance1, props.customBgpAddressInstance2].forEach((a, i) => {
        if (a === undefined || Token.isUnresolved(a)) return;
        const list = gateway.apipaAddresses[i] ?? [];
        problems.check(
          !list.includes(a),
          VPN_APIPA_ACTIVE_ACTIVE,
          `customBgpAddressInstance${i + 1}`,
          a,
          `${a} is not one of the gateway's APIPA addresses for instance ${i + 1} (${list.join(', ') || 'none'})`,
          `add it to the gateway's \`apipaAddressesInstance${i + 1}\``,
        );
      });
    }

    const weight = props.routingWeight;
    if (weight !== undefined && !Token.isUnresolved(weight)) {
      problems.check(!Number.isInteger(weight) || weight < 0 || weight > 32000, VPN_CONNECTION_WEIGHT, 'routingWeight', weight, 'routing weight is 0-32000', 'use a whole number from 0 to 32000');
    }
    const dpd = props.dpdTimeoutSeconds;
    if (dpd !== undefined && !Token.isUnresolved(dpd)) {
      problems.check(!Number.isInteger(dpd) || dpd < 9 || dpd > 3600, VPN_CONNECTION_DPD, 'dpdTimeoutSeconds', dpd, 'dead peer detection timeout is 9-3600 seconds', 'use e.g. 45');
    }
    if (this.ipsecPolicy) this.validatePolicy(problems, this.ipsecPolicy);
    problems.throwIfAny();
  }

  private validatePolicy(problems: ProblemCollector, policy: IpsecPolicy): void {
    const allowed: [keyof IpsecPolicy, string[]][] = [
      ['ikeEncryption', IKE_ENCRYPTION],
      ['ikeIntegrity', IKE_INTEGRITY],
      ['dhGroup', DH_GROUPS],
      ['ipsecEncryption', IPSEC_ENCRYPTION],
      ['ipsecIntegrity', IPSEC_INTEGRITY],
      ['pfsGroup', PFS_GROUPS],
    ];
    for (const [field, values] of allowed) {
      const value = policy[field] as string;
      if (Token.isUnresolved(value)) continue;
      problems.check(!values.includes(value), VPN_IPSEC_VALUE, `ipsecPolicy.${field}`, value, `${value} is not an accepted ${field} (weak algorithms are refused)`, `use one of ${values.join(', ')}`);
    }
    const enc = policy.ipsecEncryption;
    const integ = policy.ipsecIntegrity;
    problems.check(
      (enc.startsWith('GCMAES') || integ.startsWith('GCMAES')) && enc !== integ,
      VPN_IPSEC_GCM,
      'ipsecPolicy.ipsecIntegrity',
      integ,
      `IPsec encryption ${enc} and integrity ${integ}: with GCMAES both must be the same GCMAES algorithm`,
      enc.startsWith('GCMAES') ? `set \`ipsecIntegrity\` to ${enc}` : `set \`ipsecEncryption\` to ${integ}, or use SHA256 integrity`,
    );
    const lifetime = policy.saLifetimeSeconds;
    if (lifetime !== undefined && !Token.isUnresolved(lifetime)) {
      problems.check(!Number.isInteger(lifetime) || lifetime < 300 || lifetime > 172799, VPN_IPSEC_LIFETIME, 'ipsecPolicy.saLifetimeSeconds', lifetime, 'the IPsec SA lifetime is 300-172799 seconds', 'use e.g. 27000');
    }
    const size = policy.saDataSizeKilobytes;
    if (size !== undefined && !Token.isUnresolved(size)) {
      problems.check(
        !Number.isInteger(size) || (size !== 0 && (size < 1024 || size > 2147483647)),
        VPN_IPSEC_LIFETIME,
        'ipsecPolicy.saDataSizeKilobytes',
        size,
        'the IPsec SA data size is 1024-2147483647 KB, or 0 for none',
        'use e.g. 102400000',
      );
    }
  }

  /** The key must reach the connection as an expression, even after escape-hatch edits. */
  private validateKeyNotLiteral(): string[] {
    const key = synthesizedBody(this.connection).shared_key;
    if (isLiteralString(key)) {
      return [`[VPN-SHARED-KEY-LITERAL] ${this.connection.node.path}: \`sharedKey\` = (literal, ${key.length} characters): the pre-shared key is a literal in the Terraform configuration. Fix: use SharedKey.generate(), SharedKey.fromVariable() or SharedKey.fromKeyVaultSecret()`];
    }
    return [];
  }

  private renderHandoff(): string {
    const p = this.props;
    const gateway = p.gateway;
    const show = (value: unknown): string => displayValue(this, value);
    const lines = [
      `- Device: ${p.gatewayAddress ? `public IP \`${show(p.gatewayAddress)}\`` : `FQDN \`${show(p.gatewayFqdn)}\``}. Build ${gateway.activeActive ? 'two tunnels, one to each Azure public IP' : 'one tunnel'} (\`terraform output -json ${gateway.publicIpsOutputName}\`).`,
      `- Pre-shared key: ${this.key.whereToFindIt}.`,
      '- IKE version: **IKEv2**.',
    ];
    const policy = this.ipsecPolicy;
    if (policy) {
      lines.push(
        '- IPsec/IKE policy (configure exactly this on the device; Azure offers nothing else):',
        '',
        '  | phase | setting | value |',
        '  | --- | --- | --- |',
        `  | IKE (phase 1) | encryption | ${show(policy.ikeEncryption)} |`,
        `  | IKE (phase 1) | integrity / PRF | ${show(policy.ikeIntegrity)} |`,
        `  | IKE (phase 1) | DH group | ${show(policy.dhGroup)} |`,
        '  | IKE (phase 1) | SA lifetime | 28800 s (fixed by Azure) |',
        `  | IPsec (phase 2) | encryption | ${show(policy.ipsecEncryption)} |`,
        `  | IPsec (phase 2) | integrity | ${show(policy.ipsecIntegrity)} |`,
        `  | IPsec (phase 2) | PFS group | ${show(policy.pfsGroup)} |`,
        `  | IPsec (phase 2) | SA lifetime | ${show(policy.saLifetimeSeconds ?? IPSEC_POLICY.saLifetimeSeconds)} s / ${show(policy.saDataSizeKilobytes ?? IPSEC_POLICY.saDataSizeKilobytes)} KB |`,
        '',
      );
    } else {
      lines.push("- IPsec/IKE policy: Azure's default proposals (see Azure's list of default IPsec/IKE parameters).");
    }
    lines.push(`- Dead peer detection: ${show(p.dpdTimeoutSeconds ?? DPD_TIMEOUT_SECONDS)} s.`);
    if (this.bgpEnabled) {
      lines.push(
        `- BGP: on-premises ASN **${show(p.bgpAsn)}**, peer address \`${show(p.bgpPeeringAddress)}\`; Azure ASN **${show(gateway.asn)}**, Azure peer addresses \`terraform output -json ${gateway.bgpPeeringAddressesOutputName}\`.`,
      );
      if (p.customBgpAddressInstance1) {
        lines.push(`- Azure peers from its custom APIPA addresses: \`${[p.customBgpAddressInstance1, p.customBgpAddressInstance2].filter(Boolean).map(show).join('`, `')}\`.`);
      }
      lines.push(`- Routes are learned over BGP; the local network gateway holds ${this.addressSpaces.map((a) => `\`${show(a)}\``).join(', ') || 'no prefixes'}.`);
    } else {
      lines.push(`- Static routing: Azure sends ${(p.addressSpaces ?? []).map((a) => `\`${show(a)}\``).join(', ')} to this site; route Azure's address space to the tunnel on the device.`);
    }
    if (p.usePolicyBasedTrafficSelectors) lines.push('- Policy-based traffic selectors are on: the device must propose exactly the on-premises and Azure prefixes.');
    lines.push(`- Check: \`az network vpn-connection show --name ${show(this.connectionName)} --resource-group ${Token.isUnresolved(p.gateway.hub.resourceGroupName) ? '<resource group>' : p.gateway.hub.resourceGroupName} --query connectionStatus\` says \`Connected\`.`);
    return lines.join('\n');
  }
}
