import { VpnGatewayConnection } from '@cdktf/provider-azurerm/lib/vpn-gateway-connection';
import { Construct } from 'constructs';
import { DEFAULT_LABEL, HUB_ASN } from './defaults';
import { LinkHandoff, renderSiteConnectionHandoff } from './handoff';
import { IHubVpnGateway, IVpnSite } from './interfaces';
import { onRoutingIntent } from './routing-registry';
import { ProblemCollector } from '../../core/errors';
import { LifecycleGate } from '../../core/gates';
import { LazySection, outputName, Runbook } from '../../core/outputs';
import { displayValue } from '../../core/tokens';
import { DPD_TIMEOUT_SECONDS } from '../defaults';
import { DEFAULT_IPSEC_POLICY, IpsecPolicy, validatePolicy } from '../ipsec-policy';
import { VPN_CONNECTION_DPD, VPN_CONNECTION_WEIGHT } from '../rules';
import { VWAN_SITE_LINK } from '../rules/vwan';
import { SharedKey, SharedKeyConfig } from '../shared-key';
import { checkName, generateName } from '../../core/naming';

/** Per-link settings of a branch connection. */
export interface VpnSiteLinkConnectionOptions {
  /**
   * Pre-shared key of this link.
   * @default - the connection's `sharedKey`, bound per link (a generated key per link by default)
   */
  readonly sharedKey?: SharedKey;
  /**
   * IPsec/IKE policy of this link.
   * @default - the connection's `ipsecPolicy`
   */
  readonly ipsecPolicy?: IpsecPolicy;
  /**
   * Ids of ingress NAT rules (`HubVpnGateway.addNatRule(...).id`).
   * @default - none
   */
  readonly ingressNatRuleIds?: string[];
  /**
   * Ids of egress NAT rules.
   * @default - none
   */
  readonly egressNatRuleIds?: string[];
  /**
   * Route weight of the link, 0-32000 (higher preferred).
   * @default 0
   */
  readonly routeWeight?: number;
}

/** Options of `HubVpnGateway.connectSite`. */
export interface VpnSiteConnectionOptions {
  /** The branch. */
  readonly site: IVpnSite;
  /**
   * Pre-shared key of every link (bound once per link, so `SharedKey.generate()` gives each its own).
   * @default SharedKey.generate()
   */
  readonly sharedKey?: SharedKey;
  /**
   * IPsec/IKE policy of every link.
   * @default - IKEv2, AES256/SHA384/ECP384, GCMAES256, PFS ECP384, 27000 s
   */
  readonly ipsecPolicy?: IpsecPolicy;
  /**
   * Per-link overrides, keyed by link name.
   * @default - none
   */
  readonly links?: { [linkName: string]: VpnSiteLinkConnectionOptions };
  /**
   * Send the branch's internet traffic through the hub (secured hub with an Internet policy).
   * @default false
   */
  readonly internetSecurityEnabled?: boolean;
  /**
   * Hold the connection behind a gate until the branch team has configured the device (its
   * tunnels would otherwise flap and fill the logs with IKE failures). A literal.
   * @default false
   */
  readonly waitForBranchDevice?: boolean;
  /**
   * Connection name.
   * @default - generated: `con-<construct path>`
   */
  readonly name?: string;
}

/** Props of `VpnSiteConnection`. */
export interface VpnSiteConnectionProps extends VpnSiteConnectionOptions {
  /** The hub's VPN gateway. */
  readonly gateway: IHubVpnGateway;
}

/**
 * A branch connected to a hub VPN gateway: one IKEv2 tunnel pair per site link, a key per link
 * that is never a literal, a custom policy per link, BGP where the link runs it. It associates
 * with the hub's defaultRouteTable and propagates to the `default` label (every hub), unless
 * routing intent manages the hub.
 */
export class VpnSiteConnection extends Construct {
  /** The connection (escape hatch). */
  public readonly resource: VpnGatewayConnection;
  /** The branch. */
  public readonly site: IVpnSite;
  /** The gate the branch team opens, when `waitForBranchDevice`. */
  public readonly deviceGate?: LifecycleGate;
  private readonly keys: Record<string, SharedKeyConfig> = {};
  private readonly policies: Record<string, IpsecPolicy> = {};

  constructor(scope: Construct, id: string, props: VpnSiteConnectionProps) {
    super(scope, id);
    validateConnection(this, props);
    this.site = props.site;
    const hub = props.gateway.hub;
    for (const name of props.site.linkNames) {
      const link = props.links?.[name] ?? {};
      this.keys[name] = (link.sharedKey ?? props.sharedKey ?? SharedKey.generate()).bind(new Construct(this, `Link${name}`));
      this.policies[name] = { ...DEFAULT_IPSEC_POLICY, ...props.ipsecPolicy, ...link.ipsecPolicy };
    }
    this.resource = new VpnGatewayConnection(this, 'Resource', {
      name: props.name ?? generateName(this, 'connection'),
      vpnGatewayId: props.gateway.resourceId,
      remoteVpnSiteId: props.site.siteId,
      internetSecurityEnabled: props.internetSecurityEnabled ?? false,
      routing: { associatedRouteTable: hub.defaultRouteTableId, propagatedRouteTable: { routeTableIds: [hub.defaultRouteTableId], labels: [DEFAULT_LABEL] } },
      vpnLink: props.site.linkNames.map((name) => this.linkBlock(props, name)),
    });
    onRoutingIntent(hub, () => this.resource.resetRouting());
    if (props.waitForBranchDevice) {
      this.deviceGate = LifecycleGate.of(this, `${outputName(this, '')}_branch_ready`, {
        waitsFor: `the branch team has configured the device(s) of site ${props.site.node.path} from the runbook (tunnels, BGP, keys)`,
        performedBy: 'the branch network team',
        verify: 'the branch device shows the IKE SAs to both hub instances established (e.g. `show crypto ikev2 sa`)',
      });
      this.deviceGate.guard(this.resource);
    }
    Runbook.of(this).addSection(new LazySection(`Branch ${props.site.node.id} on ${props.gateway.node.path}`, () => renderSiteConnectionHandoff({
      site: props.site.node.path,
      hubAsn: String(HUB_ASN),
      publicIpsOutputName: props.gateway.publicIpsOutputName,
      bgpPeeringAddressesOutputName: props.gateway.bgpPeeringAddressesOutputName,
      gate: this.deviceGate?.name,
      links: props.site.linkNames.map((name) => this.linkHandoff(name)),
      addressSpaces: props.site.addressSpaces.map((a) => displayValue(this, a)),
    })));
  }

  /** The IPsec policy of a link. */
  public policyOf(linkName: string): IpsecPolicy | undefined {
    return this.policies[linkName];
  }

  private linkBlock(props: VpnSiteConnectionProps, name: string) {
    const link = props.links?.[name] ?? {};
    const p = this.policies[name];
    return {
      name,
      vpnSiteLinkId: `${props.site.siteId}/vpnSiteLinks/${name}`,
      protocol: 'IKEv2',
      bgpEnabled: props.site.bgpLinkNames.includes(name),
      sharedKey: this.keys[name].value,
      routeWeight: link.routeWeight,
      dpdTimeoutSeconds: DPD_TIMEOUT_SECONDS,
      ingressNatRuleIds: link.ingressNatRuleIds,
      egressNatRuleIds: link.egressNatRuleIds,
      ipsecPolicy: [{
        ikeEncryptionAlgorithm: p.ikeEncryption,
        ikeIntegrityAlgorithm: p.ikeIntegrity,
        dhGroup: p.dhGroup,
        encryptionAlgorithm: p.ipsecEncryption,
        integrityAlgorithm: p.ipsecIntegrity,
        pfsGroup: p.pfsGroup,
        saLifetimeSec: p.saLifetimeSeconds ?? 27000,
        saDataSizeKb: p.saDataSizeKilobytes ?? 102400000,
      }],
    };
  }

  private linkHandoff(name: string): LinkHandoff {
    const p = this.policies[name];
    const show = (v: unknown) => displayValue(this, v);
    return {
      name,
      bgp: this.site.bgpLinkNames.includes(name),
      keyWhereToFindIt: this.keys[name].whereToFindIt,
      policy: `IKEv2 ${show(p.ikeEncryption)}/${show(p.ikeIntegrity)}/${show(p.dhGroup)}; IPsec ${show(p.ipsecEncryption)}/${show(p.ipsecIntegrity)}, PFS ${show(p.pfsGroup)}, SA lifetime ${show(p.saLifetimeSeconds ?? 27000)} s / ${show(p.saDataSizeKilobytes ?? 102400000)} KB, DPD ${DPD_TIMEOUT_SECONDS} s`,
    };
  }
}

function validateConnection(connection: VpnSiteConnection, props: VpnSiteConnectionProps): void {
  const problems = new ProblemCollector(connection);
  problems.required('site', props?.site, 'construct');
  problems.type('links', props?.links, 'object');
  problems.throwIfAny();
  checkName(problems, 'connection', 'name', props.name);
  problems.literal('waitForBranchDevice', props.waitForBranchDevice, 'it decides whether the connection sits behind a gate');
  for (const name of Object.keys(props.links ?? {})) {
    problems.check(!props.site.linkNames.includes(name), VWAN_SITE_LINK, `links.${name}`, name, `site ${props.site.node.path} has no link ${name} (links: ${props.site.linkNames.join(', ')})`, 'key the per-link options by the names of the site links');
  }
  const policies = [props.ipsecPolicy, ...Object.values(props.links ?? {}).map((l) => l.ipsecPolicy)].filter((p): p is IpsecPolicy => p !== undefined);
  for (const p of policies) validatePolicy(problems, { ...DEFAULT_IPSEC_POLICY, ...p });
  for (const [name, link] of Object.entries(props.links ?? {})) problems.integer(VPN_CONNECTION_WEIGHT, `links.${name}.routeWeight`, link.routeWeight, 0, 32000);
  problems.integer(VPN_CONNECTION_DPD, 'dpdTimeoutSeconds', DPD_TIMEOUT_SECONDS, 9, 3600);
  problems.throwIfAny();
}
