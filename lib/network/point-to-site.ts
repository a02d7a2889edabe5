import { VirtualNetworkGatewayVpnClientConfiguration } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { Token } from 'cdktf';
import { VPN_P2S_AUTH } from './rules';
import { AZURE_VPN_CLIENT_AUDIENCE } from './rules/vwan-p2s-audience';
import { checkCidrs } from '../core/cidr-checks';
import { ProblemCollector } from '../core/errors';

/** Tunnel protocol of point-to-site clients. */
export enum VpnClientProtocol {
  /** OpenVPN (TLS): Azure VPN Client and OpenVPN clients; the only protocol with Entra ID. */
  OPEN_VPN = 'OpenVPN',
  /** IKEv2: the native clients of Windows, macOS, iOS, Android (certificate authentication). */
  IKE_V2 = 'IkeV2',
}

/** Microsoft Entra ID authentication of point-to-site users (Azure VPN Client, OpenVPN). */
export interface PointToSiteEntraIdOptions {
  /** The Entra tenant id (GUID) whose users connect. */
  readonly tenantId: string;
  /**
   * Audience: the Microsoft-registered Azure VPN Client app (no app registration, no admin
   * consent per tenant), or the id of a custom app registration.
   * @default 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8'
   */
  readonly audience?: string;
}

/** A trusted root certificate for point-to-site certificate authentication. */
export interface PointToSiteRootCertificate {
  /** Name of the certificate on the gateway. */
  readonly name: string;
  /** The root certificate's public data: Base64 of the .cer, without the BEGIN/END lines (a Terraform expression is accepted). */
  readonly publicCertData: string;
}

/** Point-to-site (user) VPN on a `VpnGateway`. */
export interface PointToSiteOptions {
  /**
   * Client address pool(s): addresses given to connected users; claimed in the App's address
   * plan (they must overlap no network, on-premises ones included).
   */
  readonly clientAddressPool: string[];
  /**
   * Microsoft Entra ID authentication (OpenVPN only).
   * @default - none
   */
  readonly entraId?: PointToSiteEntraIdOptions;
  /**
   * Trusted root certificates for certificate authentication (OpenVPN and IKEv2).
   * @default - none
   */
  readonly rootCertificates?: PointToSiteRootCertificate[];
  /**
   * Protocols. Entra ID needs OpenVPN only.
   * @default - [OpenVPN] with Entra ID; [OpenVPN, IkeV2] with certificates only
   */
  readonly protocols?: VpnClientProtocol[];
  /**
   * Further prefixes the clients route through the tunnel (the gateway's `custom_route`), e.g.
   * the other region's supernet or on-premises ranges not learned otherwise.
   * @default - none: the hub, its peered spokes and routes the gateway learns
   */
  readonly customRoutes?: string[];
  /**
   * DNS servers to put in the client profile (the hub's DNS Private Resolver inbound IP, so that
   * private endpoints resolve for remote users). The gateway has no such setting: the runbook
   * shows the profile edit. A Terraform expression (`resolver.inboundAddress`) is accepted.
   * @default - the hub network's DNS servers, else the inbound address of the hub's DNS Private Resolver, else none
   */
  readonly dnsServers?: string[];
}

/** What the gateway resolved from `PointToSiteOptions`. */
export interface ResolvedPointToSite {
  readonly clientAddressPool: string[];
  readonly protocols: string[];
  readonly authTypes: string[];
  readonly customRoutes: string[];
  readonly dnsServers: string[];
  readonly entraTenantId?: string;
  readonly entraAudience?: string;
  readonly rootCertificateNames: string[];
}

const PEM_LINE = /-----BEGIN|-----END/;

/** Checks the options (VPN-P2S-AUTH) and returns the resolved configuration. */
export function resolvePointToSite(problems: ProblemCollector, options: PointToSiteOptions): ResolvedPointToSite | undefined {
  const prop = (p: string): string => `pointToSite.${p}`;
  problems.required(prop('clientAddressPool'), options.clientAddressPool, 'array');
  problems.type(prop('rootCertificates'), options.rootCertificates, 'array');
  problems.type(prop('entraId'), options.entraId, 'object');
  if (problems.count > 0) return undefined;
  const pool = options.clientAddressPool;
  problems.check(pool.length === 0, VPN_P2S_AUTH, prop('clientAddressPool'), pool, 'point-to-site needs a client address pool', "give a range no network uses, e.g. ['172.16.200.0/24']");
  checkCidrs(problems, prop('clientAddressPool'), pool);
  checkCidrs(problems, prop('customRoutes'), options.customRoutes ?? []);
  const certs = options.rootCertificates ?? [];
  const entra = options.entraId;
  problems.check(entra === undefined && certs.length === 0, VPN_P2S_AUTH, 'pointToSite', undefined, 'point-to-site without authentication: no Entra ID and no root certificate', 'give `entraId: { tenantId }` (Azure VPN Client) and/or `rootCertificates`');
  if (entra) {
    problems.guid(VPN_P2S_AUTH, prop('entraId.tenantId'), entra.tenantId, 'give the Entra tenant id (`az account show --query tenantId -o tsv`)');
    problems.guid(VPN_P2S_AUTH, prop('entraId.audience'), entra.audience, `leave it out for the Microsoft-registered Azure VPN Client (${AZURE_VPN_CLIENT_AUDIENCE})`);
  }
  certs.forEach((c, i) => {
    problems.check(typeof c?.name !== 'string' || c.name.trim() === '', VPN_P2S_AUTH, prop(`rootCertificates[${i}].name`), c?.name, 'a root certificate needs a name', 'name it, e.g. `P2SRootCert`');
    const data = c?.publicCertData;
    problems.check(typeof data !== 'string' || (!Token.isUnresolved(data) && (data.trim() === '' || PEM_LINE.test(data) || !/^[A-Za-z0-9+/=\s]+$/.test(data))), VPN_P2S_AUTH, prop(`rootCertificates[${i}].publicCertData`), typeof data === 'string' ? `(${data.length} characters)` : data, 'the public certificate data is the Base64 body of the root .cer, without the BEGIN/END lines', 'export the root certificate as Base64 X.509 and paste the text between the BEGIN and END lines');
    problems.check(certs.findIndex((o) => o?.name === c?.name) !== i, VPN_P2S_AUTH, prop(`rootCertificates[${i}].name`), c?.name, `root certificate ${c?.name} is listed twice`, 'give each certificate its own name');
  });
  const protocols = options.protocols ?? (entra ? [VpnClientProtocol.OPEN_VPN] : [VpnClientProtocol.OPEN_VPN, VpnClientProtocol.IKE_V2]);
  problems.literal(prop('protocols'), options.protocols, 'it decides the client profiles Azure generates');
  problems.check(protocols.length === 0 || protocols.some((p) => !Object.values(VpnClientProtocol).includes(p)), VPN_P2S_AUTH, prop('protocols'), protocols, 'protocols are OpenVPN and/or IkeV2 (SSTP is not offered here: Windows only, 128 connections)', 'use [VpnClientProtocol.OPEN_VPN] (with Entra ID) or add VpnClientProtocol.IKE_V2');
  problems.check(entra !== undefined && protocols.some((p) => p !== VpnClientProtocol.OPEN_VPN), VPN_P2S_AUTH, prop('protocols'), protocols, 'Entra ID authentication works over OpenVPN only', 'use [VpnClientProtocol.OPEN_VPN]');
  if (problems.count > 0) return undefined;
  return {
    clientAddressPool: [...pool],
    protocols: [...protocols],
    authTypes: [...(entra ? ['AAD'] : []), ...(certs.length > 0 ? ['Certificate'] : [])],
    customRoutes: [...(options.customRoutes ?? [])],
    dnsServers: [...(options.dnsServers ?? [])],
    entraTenantId: entra?.tenantId,
    entraAudience: entra ? entra.audience ?? AZURE_VPN_CLIENT_AUDIENCE : undefined,
    rootCertificateNames: certs.map((c) => c.name),
  };
}

/** The gateway's `vpn_client_configuration` block. */
export function vpnClientConfiguration(p2s: ResolvedPointToSite, options: PointToSiteOptions): VirtualNetworkGatewayVpnClientConfiguration {
  const tenant = p2s.entraTenantId;
  return {
    addressSpace: p2s.clientAddressPool,
    vpnClientProtocols: p2s.protocols,
    vpnAuthTypes: p2s.authTypes,
    // Source: MicrosoftDocs/azure-docs articles/vpn-gateway/point-to-site-entra-gateway.md (tenant
    // https://login.microsoftonline.com/<tenant>/, issuer https://sts.windows.net/<tenant>/).
    aadTenant: tenant !== undefined ? `https://login.microsoftonline.com/${tenant}/` : undefined,
    aadIssuer: tenant !== undefined ? `https://sts.windows.net/${tenant}/` : undefined,
    aadAudience: p2s.entraAudience,
    rootCertificate: (options.rootCertificates ?? []).length > 0 ? options.rootCertificates!.map((c) => ({ name: c.name, publicCertData: c.publicCertData })) : undefined,
  };
}
