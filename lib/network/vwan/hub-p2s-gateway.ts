import { PointToSiteVpnGateway } from '@cdktf/provider-azurerm/lib/point-to-site-vpn-gateway';
import { VpnServerConfiguration } from '@cdktf/provider-azurerm/lib/vpn-server-configuration';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AZURE_VPN_CLIENT_AUDIENCE, DEFAULT_LABEL, P2S_GATEWAY_NAMESPACE, P2S_SCALE_UNITS } from './defaults';
import { renderPointToSiteHandoff } from './handoff';
import { IVirtualHub } from './interfaces';
import { onRoutingIntent } from './routing-registry';
import { AddressPlan } from '../../core/address-plan';
import { MetricDefinition } from '../../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { checkCidrs } from '../../core/cidr-checks';
import { ProblemCollector } from '../../core/errors';
import { LazySection, Runbook } from '../../core/outputs';
import { checkFinalBody } from '../../core/report';
import { displayValue } from '../../core/tokens';
import { metricOf } from '../metrics';
import { VWAN_P2S_AUDIENCE, VWAN_P2S_AUTH, VWAN_P2S_ENTRA, VWAN_P2S_POOLS, VWAN_SCALE_UNITS } from '../rules/vwan';
import { checkName, generateName } from '../../core/naming';

/** A trusted root certificate for certificate authentication. */
export interface P2sRootCertificate {
  /** Name. */
  readonly name: string;
  /** Public certificate data: base64 DER, without the BEGIN/END lines. */
  readonly publicCertData: string;
}

/** Options of `VirtualHub.addPointToSiteGateway`. */
export interface HubPointToSiteGatewayOptions extends AzureResourceProps {
  /** Client address pools (RFC 1918, not overlapping anything in the address plan). */
  readonly clientAddressPools: string[];
  /**
   * Entra ID tenant (GUID) for Microsoft Entra ID authentication (OpenVPN, Azure VPN Client).
   * @default - no Entra ID authentication
   */
  readonly entraTenantId?: string;
  /**
   * Audience of the Azure VPN Client app.
   * @default 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8' (Microsoft-registered: no app registration)
   */
  readonly entraAudience?: string;
  /**
   * Root certificates for certificate authentication.
   * @default - no certificate authentication
   */
  readonly rootCertificates?: P2sRootCertificate[];
  /**
   * Scale units (1-200; 1 = 500 users). From 40 units, one client pool per 20 units.
   * @default 1
   */
  readonly scaleUnits?: number;
  /**
   * DNS servers pushed to clients (e.g. the DNS resolver inbound endpoint).
   * @default - Azure-provided DNS
   */
  readonly dnsServers?: string[];
  /**
   * Name of the gateway.
   * @default - generated: `p2sgw-<construct path>`
   */
  readonly name?: string;
}

/** Props of `HubPointToSiteGateway`. */
export interface HubPointToSiteGatewayProps extends HubPointToSiteGatewayOptions {
  /** The hub. */
  readonly hub: IVirtualHub;
}

/**
 * User VPN (point-to-site) on a virtual hub: a server configuration with Microsoft Entra ID
 * (Microsoft-registered Azure VPN Client audience) and/or root certificates over OpenVPN, and a
 * gateway with client pools that are checked against the address plan.
 */
export class HubPointToSiteGateway extends AzureResource {
  /** The gateway (escape hatch). */
  public readonly resource: PointToSiteVpnGateway;
  /** The server configuration (escape hatch). */
  public readonly serverConfiguration: VpnServerConfiguration;
  public readonly resourceId: string;
  public readonly hub: IVirtualHub;
  /** Client address pools. */
  public readonly clientAddressPools: string[];

  constructor(scope: Construct, id: string, props: HubPointToSiteGatewayProps) {
    super(scope, id);
    validateP2s(this, props);
    this.hub = props.hub;
    this.clientAddressPools = [...props.clientAddressPools];
    const entra = props.entraTenantId !== undefined;
    const certs = props.rootCertificates ?? [];
    const audience = props.entraAudience ?? AZURE_VPN_CLIENT_AUDIENCE;
    this.serverConfiguration = new VpnServerConfiguration(this, 'ServerConfiguration', {
      name: generateName(this, 'vpnServerConfiguration'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      vpnAuthenticationTypes: [...(entra ? ['AAD'] : []), ...(certs.length > 0 ? ['Certificate'] : [])],
      vpnProtocols: ['OpenVPN'],
      azureActiveDirectoryAuthentication: entra
        ? [{ tenant: `https://login.microsoftonline.com/${props.entraTenantId}/`, issuer: `https://sts.windows.net/${props.entraTenantId}/`, audience }]
        : undefined,
      clientRootCertificate: certs.length > 0 ? certs.map((c) => ({ name: c.name, publicCertData: c.publicCertData })) : undefined,
    });
    checkFinalBody(this, this.serverConfiguration, [VWAN_P2S_ENTRA, VWAN_P2S_AUDIENCE]);
    const pool = { name: 'default', vpnClientAddressPool: { addressPrefixes: this.clientAddressPools } };
    this.resource = new PointToSiteVpnGateway(this, 'Resource', {
      name: props.name ?? generateName(this, 'pointToSiteGateway'),
      resourceGroupName: this.hub.resourceGroupName,
      location: this.hub.location,
      virtualHubId: this.hub.hubId,
      vpnServerConfigurationId: this.serverConfiguration.id,
      scaleUnit: props.scaleUnits ?? P2S_SCALE_UNITS,
      dnsServers: props.dnsServers,
      connectionConfiguration: [{ ...pool, route: { associatedRouteTableId: this.hub.defaultRouteTableId, propagatedRouteTable: { ids: [this.hub.defaultRouteTableId], labels: [DEFAULT_LABEL] } } }],
    });
    this.resourceId = this.resource.id;
    checkFinalBody(this, this.resource, [VWAN_SCALE_UNITS]);
    onRoutingIntent(this.hub, () => this.resource.putConnectionConfiguration([pool]));
    Runbook.of(this).addSection(new LazySection(`User VPN ${this.node.path}`, () => renderPointToSiteHandoff({
      path: this.node.path,
      entraTenant: entra ? displayValue(this, props.entraTenantId) : undefined,
      audience: displayValue(this, audience),
      certificates: certs.map((c) => c.name),
      pools: this.clientAddressPools.map((p) => displayValue(this, p)),
      resourceGroup: Token.isUnresolved(this.hub.resourceGroupName) ? '<resource group>' : this.hub.resourceGroupName,
    })));
    this.initCommon(props);
  }

  /** `P2SConnectionCount` (count, Total): connected users, split by `Protocol` and `Instance`. */
  public metricConnectionCount(): MetricDefinition {
    return metricOf(this.resourceId, P2S_GATEWAY_NAMESPACE, 'P2SConnectionCount', 'Total', 'connections', ['Protocol', 'Instance']);
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    return [{ targetResourceId: this.resourceId, resourceType: 'azurerm_point_to_site_vpn_gateway' }];
  }
}

function validateP2s(gateway: HubPointToSiteGateway, props: HubPointToSiteGatewayProps): void {
  const problems = new ProblemCollector(gateway);
  problems.required('hub', props?.hub, 'construct');
  problems.required('clientAddressPools', props?.clientAddressPools, 'array');
  checkName(problems, 'pointToSiteGateway', 'name', props?.name);
  problems.type('rootCertificates', props?.rootCertificates, 'array');
  problems.throwIfAny();
  const pools = props.clientAddressPools;
  checkCidrs(problems, 'clientAddressPools', pools);
  const units = props.scaleUnits ?? P2S_SCALE_UNITS;
  problems.integer(VWAN_SCALE_UNITS, 'scaleUnits', props.scaleUnits, 1, 200, 'use 1-200');
  const needed = !Token.isUnresolved(units) && units >= 40 ? Math.ceil(units / 20) : 1;
  problems.check(!Token.isUnresolved(pools) && pools.length < needed, VWAN_P2S_POOLS, 'clientAddressPools', pools, `${units} scale units need at least ${needed} client address pool(s)`, `list ${needed} pools of at least 10,000 addresses each`);
  const certs = props.rootCertificates ?? [];
  problems.check(props.entraTenantId === undefined && certs.length === 0, VWAN_P2S_AUTH, 'entraTenantId', undefined, 'the server configuration has no authentication method', 'give `entraTenantId` (Microsoft Entra ID) and/or `rootCertificates`');
  problems.guid(VWAN_P2S_AUTH, 'entraTenantId', props.entraTenantId, 'use the tenant id (`az account show --query tenantId -o tsv`)');
  problems.guid(VWAN_P2S_AUTH, 'entraAudience', props.entraAudience);
  certs.forEach((c, i) => {
    problems.required(`rootCertificates[${i}].name`, c?.name, 'string');
    problems.required(`rootCertificates[${i}].publicCertData`, c?.publicCertData, 'string');
    const data = c?.publicCertData;
    problems.check(typeof data === 'string' && !Token.isUnresolved(data) && (data.includes('-----') || !/^[A-Za-z0-9+/=\s]+$/.test(data)), VWAN_P2S_AUTH, `rootCertificates[${i}].publicCertData`, '(certificate data)', 'certificate data must be base64 without the BEGIN/END CERTIFICATE lines', 'strip the PEM header and footer (openssl x509 -in root.pem -outform der | base64 -w0)');
  });
  problems.throwIfAny();
  AddressPlan.of(gateway).claim(problems, 'clientAddressPools', pools, `point-to-site client pool of ${gateway.node.path}`);
  problems.throwIfAny();
}
