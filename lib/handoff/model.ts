import { AzurePolicy, resolvePolicy, ResolvedPolicy } from './algorithms';

/**
 * The on-premises side of every site-to-site VPN connection of a stack, read from the synthesized
 * Terraform JSON (`cdk.tf.json`) alone: any CDKTF output works, not only this library's.
 *
 * Values Terraform knows only after apply (the gateway's public IPs, its BGP addresses, the key)
 * are {@link Value}s that name the `terraform output` carrying them; `fillFromOutputs` fills them.
 */

/** A value of the device configuration: known at synth, or read from an output after apply. */
export interface Value {
  /** The value, when known (a literal in the JSON, or filled from `terraform output -json`). */
  readonly text?: string;
  /** Shown in its place while unknown, e.g. `<azure-1-public-ip>`. */
  readonly placeholder: string;
  /** The output that carries it after apply, and the index in its list (and in that element's list). */
  readonly output?: { readonly name: string; readonly index?: number; readonly subIndex?: number };
  /** How to read it by hand when no output carries it. */
  readonly how?: string;
}

/** One instance of the Azure VPN gateway (two for active-active): one tunnel from each device. */
export interface AzureInstance {
  readonly index: number;
  readonly publicIp: Value;
  /** Azure's BGP address on this instance (for this connection: its custom APIPA address when set). */
  readonly bgpAddress?: Value;
}

/** An Azure NAT rule applied to the connection. */
export interface NatRule {
  readonly name: string;
  /** EgressSnat: Azure's addresses as the site sees them; IngressSnat: the site's addresses as Azure sees them. */
  readonly mode: string;
  readonly type: string;
  readonly internal: string[];
  readonly external: string[];
}

/** One on-premises site: one connection and its local network gateway. */
export interface SiteModel {
  /** File-safe key, from the local network gateway's name (or its logical id). */
  readonly key: string;
  readonly connectionName: string;
  readonly localNetworkGatewayName: string;
  readonly resourceGroup?: string;
  /** The device, as Azure reaches it. */
  readonly device: { readonly address?: string; readonly fqdn?: string };
  /** Prefixes of the local network gateway (with BGP: at least the peer's /32). */
  readonly localPrefixes: string[];
  /** Azure prefixes the device routes into the tunnels, as the device sees them (after egress NAT). */
  readonly azurePrefixes: string[];
  readonly ikeVersion: 'IKEv1' | 'IKEv2';
  /** The policy, resolved; undefined when it cannot be rendered (see `problems`). */
  readonly policy?: ResolvedPolicy;
  /** True when the connection has no `ipsec_policy` (Azure's default offers; a proposal from them is used). */
  readonly azureDefaultPolicy: boolean;
  readonly dpdTimeoutSeconds: number;
  readonly connectionMode: string;
  /** Policy-based traffic selectors: the device proposes these prefixes, not 0.0.0.0/0. */
  readonly trafficSelectors?: { readonly local: string[]; readonly remote: string[] }[];
  readonly bgp?: { readonly localAsn: string; readonly localAddress: string; readonly azureAsn: string; readonly apipa: boolean };
  readonly instances: AzureInstance[];
  readonly sharedKey: Value;
  readonly nat: NatRule[];
  /** Why something could not be rendered, in plain words. */
  readonly problems: string[];
}

/** Everything the hand-off needs from one stack. */
export interface HandoffModel {
  readonly sites: SiteModel[];
  /** Literal names of resources: `name` -> resource group, for the runbook's placeholders. */
  readonly resourceGroupOf: Record<string, string>;
  /** Literal names of every resource group of the stack. */
  readonly resourceGroups: string[];
  readonly outputs: { readonly name: string; readonly sensitive: boolean; readonly description: string }[];
  readonly gates: { readonly name: string; readonly description: string }[];
}

/**
 * Azure's default quick-mode offer 1 (GCM AES256, no PFS, 27000 s, 102400000 KB) and, for IKE, an
 * offer from its default main-mode list (AES256/SHA256/DHGroup2). Source: MicrosoftDocs/azure-docs
 * articles/vpn-gateway/vpn-gateway-about-vpn-devices.md#RouteBasedOffers. A custom policy is better.
 */
export const AZURE_DEFAULT_POLICY: AzurePolicy = {
  ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup2',
  ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', pfsGroup: 'None',
  saLifetimeSeconds: 27000, saDataSizeKilobytes: 102400000,
};

type Body = Record<string, any>;
type Config = Record<string, any>;

const REF = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[0\])?\.([a-z_]+)\}$/;

/** `${type.name.attr}` (also `[0]` after the name, for gated resources) or undefined. */
export function refOf(expr: unknown): { type: string; name: string; attr: string } | undefined {
  const m = typeof expr === 'string' ? REF.exec(expr) : null;
  return m ? { type: m[1], name: m[2], attr: m[3] } : undefined;
}

const isLiteral = (v: unknown): v is string | number => (typeof v === 'string' && !v.includes('${')) || typeof v === 'number';
const list = (v: unknown): any[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function section(config: Config, key: string): Record<string, Body> {
  const out: Record<string, Body> = {};
  for (const part of list(config[key])) {
    if (part && typeof part === 'object') for (const [k, v] of Object.entries(part)) if (k !== '//' && v && typeof v === 'object') out[k] = v as Body;
  }
  return out;
}

function resources(config: Config, type: string): Record<string, Body> {
  const out: Record<string, Body> = {};
  for (const part of list(config.resource)) {
    const byName = part?.[type];
    if (byName && typeof byName === 'object') for (const [k, v] of Object.entries(byName)) if (v && typeof v === 'object') out[k] = (Array.isArray(v) ? v[0] : v) as Body;
  }
  return out;
}

function resolve(config: Config, expr: unknown): Body | undefined {
  const r = refOf(expr);
  return r ? resources(config, r.type)[r.name] : undefined;
}

function literalString(config: Config, v: unknown): string | undefined {
  if (isLiteral(v)) return String(v);
  const r = refOf(v);
  if (r && r.attr === 'name') {
    const target = resources(config, r.type)[r.name];
    return target && isLiteral(target.name) ? String(target.name) : undefined;
  }
  return undefined;
}

/** Finds the output whose value (or an element of its list) is exactly `expr`. */
function outputFor(config: Config, expr: string): { name: string; index?: number } | undefined {
  for (const [name, body] of Object.entries(section(config, 'output'))) {
    const v = body.value;
    if (v === expr) return { name };
    if (Array.isArray(v)) {
      const i = v.indexOf(expr);
      if (i >= 0) return { name, index: i };
    }
  }
  return undefined;
}

/** A safe key for file and anchor names. */
export function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'site';
}

/** The hand-off model of a synthesized stack (`cdk.tf.json` parsed). */
export function deviceModel(config: Config): HandoffModel {
  const sites: SiteModel[] = [];
  const used = new Set<string>();
  for (const [logical, connection] of Object.entries(resources(config, 'azurerm_virtual_network_gateway_connection'))) {
    if (connection.type !== 'IPsec') continue;
    const site = siteOf(config, logical, connection);
    let key = site.key;
    for (let i = 2; used.has(key); i++) key = `${site.key}-${i}`;
    used.add(key);
    sites.push({ ...site, key });
  }
  return { sites, ...namesOf(config), outputs: outputsOf(config), gates: gatesOf(config) };
}

function siteOf(config: Config, logical: string, c: Body): SiteModel {
  const problems: string[] = [];
  const lng = resolve(config, c.local_network_gateway_id) ?? {};
  const gateway = resolve(config, c.virtual_network_gateway_id);
  const gatewayRef = refOf(c.virtual_network_gateway_id);
  const connectionName = literalString(config, c.name) ?? logical;
  const lngName = literalString(config, lng.name) ?? logical;
  if (!resolve(config, c.local_network_gateway_id)) problems.push('the local network gateway is not in this stack: its address, prefixes and BGP settings are unknown');
  const localPrefixes = list(lng.address_space).filter(isLiteral).map(String);
  const lngBgp = list(lng.bgp_settings)[0];
  const enableBgp = c.enable_bgp === true;
  const gwBgp = list(gateway?.bgp_settings)[0];
  const azureAsn = gwBgp?.asn !== undefined ? String(gwBgp.asn) : '65515';
  const localAddress = lngBgp?.bgp_peering_address;
  const apipa = typeof localAddress === 'string' && localAddress.startsWith('169.254.');
  const bgp = enableBgp && lngBgp ? { localAsn: String(lngBgp.asn), localAddress: String(localAddress), azureAsn, apipa } : undefined;
  const nat = [...natRules(config, c.egress_nat_rule_ids, problems), ...natRules(config, c.ingress_nat_rule_ids, problems)];

  const rawPolicy = list(c.ipsec_policy)[0];
  const azurePolicy: AzurePolicy = rawPolicy
    ? {
      ikeEncryption: String(rawPolicy.ike_encryption), ikeIntegrity: String(rawPolicy.ike_integrity), dhGroup: String(rawPolicy.dh_group),
      ipsecEncryption: String(rawPolicy.ipsec_encryption), ipsecIntegrity: String(rawPolicy.ipsec_integrity), pfsGroup: String(rawPolicy.pfs_group),
      saLifetimeSeconds: Number(rawPolicy.sa_lifetime ?? 27000), saDataSizeKilobytes: Number(rawPolicy.sa_datasize ?? 102400000),
    }
    : AZURE_DEFAULT_POLICY;
  const resolved = resolvePolicy(azurePolicy);
  if (Array.isArray(resolved)) problems.push(...resolved.map((p) => `ipsec_policy: ${p}`));

  const policyBased = c.use_policy_based_traffic_selectors === true;
  const azurePrefixes = natAzurePrefixes(azurePrefixesOf(config, gateway), nat);
  let trafficSelectors: SiteModel['trafficSelectors'];
  if (policyBased) {
    const custom = list(c.traffic_selector_policy).map((t) => ({ local: list(t.remote_address_cidrs).map(String), remote: list(t.local_address_cidrs).map(String) }));
    trafficSelectors = custom.length > 0 ? custom : [{ local: localPrefixes, remote: azurePrefixes }];
  }

  return {
    key: keyOf(lngName.replace(/^lgw-/, '')),
    connectionName,
    localNetworkGatewayName: lngName,
    resourceGroup: literalString(config, c.resource_group_name),
    device: { address: isLiteral(lng.gateway_address) ? String(lng.gateway_address) : undefined, fqdn: isLiteral(lng.gateway_fqdn) ? String(lng.gateway_fqdn) : undefined },
    localPrefixes,
    azurePrefixes,
    ikeVersion: c.connection_protocol === 'IKEv1' ? 'IKEv1' : 'IKEv2',
    policy: Array.isArray(resolved) ? undefined : resolved,
    azureDefaultPolicy: !rawPolicy,
    dpdTimeoutSeconds: Number(isLiteral(c.dpd_timeout_seconds) ? c.dpd_timeout_seconds : 45),
    connectionMode: isLiteral(c.connection_mode) ? String(c.connection_mode) : 'Default',
    trafficSelectors,
    bgp,
    instances: instancesOf(config, gateway, gatewayRef?.name, c, bgp !== undefined, problems),
    sharedKey: keyValue(config, c.shared_key, connectionName, literalString(config, c.resource_group_name)),
    nat,
    problems,
  };
}

function instancesOf(config: Config, gateway: Body | undefined, gatewayLogical: string | undefined, c: Body, bgp: boolean, problems: string[]): AzureInstance[] {
  if (!gateway) {
    problems.push('the VPN gateway is not in this stack: build one tunnel per public IP of its instances (az network vnet-gateway show)');
    return [{ index: 1, publicIp: { placeholder: '<azure-1-public-ip>', how: 'az network vnet-gateway show --query "ipConfigurations[].publicIPAddress.id"' } }];
  }
  const configs = list(gateway.ip_configuration);
  const count = gateway.active_active === true ? Math.max(2, configs.length) : 1;
  const custom = list(c.custom_bgp_addresses)[0];
  const customAddresses = [custom?.primary, custom?.secondary];
  const peering = list(list(gateway.bgp_settings)[0]?.peering_addresses);
  const instances: AzureInstance[] = [];
  for (let i = 0; i < count; i++) {
    const n = i + 1;
    const pipRef = refOf(configs[i]?.public_ip_address_id);
    const pip = pipRef ? resources(config, pipRef.type)[pipRef.name] : undefined;
    const pipName = literalString(config, pip?.name);
    const pipOut = pipRef ? outputFor(config, `\${${pipRef.type}.${pipRef.name}.ip_address}`) : undefined;
    const publicIp: Value = {
      placeholder: `<azure-${n}-public-ip>`,
      output: pipOut,
      how: pipOut ? undefined : `az network public-ip show -n ${pipName ?? '<public ip name>'} -g ${literalString(config, pip?.resource_group_name) ?? '<resource group>'} --query ipAddress -o tsv`,
    };
    let bgpAddress: Value | undefined;
    if (bgp) {
      const apipaCustom = customAddresses[i];
      const apipaGateway = list(peering[i]?.apipa_addresses).filter(isLiteral).map(String);
      if (isLiteral(apipaCustom)) bgpAddress = { text: String(apipaCustom), placeholder: `<azure-${n}-bgp-address>` };
      else if (apipaGateway.length > 0 && customAddresses.every((a) => a === undefined)) bgpAddress = { text: apipaGateway[0], placeholder: `<azure-${n}-bgp-address>` };
      else {
        const expr = `\${azurerm_virtual_network_gateway.${gatewayLogical}.bgp_settings[0].peering_addresses[${i}].default_addresses}`;
        const out = outputFor(config, expr);
        bgpAddress = {
          placeholder: `<azure-${n}-bgp-address>`,
          output: out ? { ...out, subIndex: 0 } : undefined,
          how: out ? undefined : 'az network vnet-gateway show --query "bgpSettings.bgpPeeringAddresses[].defaultBgpIpAddresses"',
        };
      }
    }
    instances.push({ index: n, publicIp, bgpAddress });
  }
  return instances;
}

function keyValue(config: Config, expr: unknown, connectionName: string, rg: string | undefined): Value {
  const placeholder = '<pre-shared-key>';
  if (typeof expr === 'string' && expr.includes('${')) {
    const out = outputFor(config, expr);
    if (out) return { placeholder, output: out };
  }
  // Never copied from the JSON, even when it is a literal there.
  return { placeholder, how: `az network vpn-connection shared-key show --connection-name ${connectionName} -g ${rg ?? '<resource group>'} --query value -o tsv` };
}

function natRules(config: Config, ids: unknown, problems: string[]): NatRule[] {
  const out: NatRule[] = [];
  for (const id of list(ids)) {
    const rule = resolve(config, id);
    if (!rule) {
      problems.push(`NAT rule ${String(id)} is not in this stack: its mappings are unknown`);
      continue;
    }
    out.push({
      name: literalString(config, rule.name) ?? String(id),
      mode: String(rule.mode ?? 'EgressSnat'),
      type: String(rule.type ?? 'Static'),
      internal: list(rule.internal_mapping).map((m) => String(m.address_space)),
      external: list(rule.external_mapping).map((m) => String(m.address_space)),
    });
  }
  return out;
}

/** The address space of the gateway's virtual network and of every spoke peered to it with use_remote_gateways. */
function azurePrefixesOf(config: Config, gateway: Body | undefined): string[] {
  if (!gateway) return [];
  const subnet = resolve(config, list(gateway.ip_configuration)[0]?.subnet_id);
  const hubRef = refOf(subnet?.virtual_network_name);
  if (!hubRef) return [];
  const vnets = resources(config, 'azurerm_virtual_network');
  const prefixes = list(vnets[hubRef.name]?.address_space).filter(isLiteral).map(String);
  for (const peering of Object.values(resources(config, 'azurerm_virtual_network_peering'))) {
    const remote = refOf(peering.remote_virtual_network_id);
    const local = refOf(peering.virtual_network_name);
    if (peering.use_remote_gateways === true && remote?.name === hubRef.name && local) {
      for (const p of list(vnets[local.name]?.address_space).filter(isLiteral).map(String)) if (!prefixes.includes(p)) prefixes.push(p);
    }
  }
  return prefixes;
}

/** Egress NAT: the site sees Azure's internal ranges as their external ranges. */
function natAzurePrefixes(prefixes: string[], nat: NatRule[]): string[] {
  let out = [...prefixes];
  for (const rule of nat.filter((r) => r.mode === 'EgressSnat')) {
    rule.internal.forEach((internal, i) => {
      const external = rule.external[i] ?? rule.external[0];
      out = out.includes(internal) ? out.map((p) => (p === internal ? external : p)) : [...out, external];
    });
  }
  return [...new Set(out)];
}

function namesOf(config: Config): { resourceGroupOf: Record<string, string>; resourceGroups: string[] } {
  const resourceGroups: string[] = [];
  const resourceGroupOf: Record<string, string> = {};
  for (const part of list(config.resource)) {
    for (const [type, byName] of Object.entries(part ?? {})) {
      for (const body of Object.values(byName as Record<string, Body>)) {
        const b = Array.isArray(body) ? body[0] : body;
        if (!b || typeof b !== 'object') continue;
        if (type === 'azurerm_resource_group' && isLiteral(b.name)) resourceGroups.push(String(b.name));
        const rg = literalString(config, b.resource_group_name);
        if (rg && isLiteral(b.name)) resourceGroupOf[String(b.name)] = rg;
      }
    }
  }
  return { resourceGroupOf, resourceGroups };
}

function outputsOf(config: Config): HandoffModel['outputs'] {
  return Object.entries(section(config, 'output')).map(([name, body]) => ({ name, sensitive: body.sensitive === true, description: String(body.description ?? '') }));
}

function gatesOf(config: Config): HandoffModel['gates'] {
  return Object.entries(section(config, 'variable'))
    .filter(([, body]) => body.type === 'bool' && String(body.description ?? '').startsWith('Phase 2 gate'))
    .map(([name, body]) => ({ name, description: String(body.description) }));
}

/** The literal text of a value, or its placeholder. */
export function show(v: Value | undefined): string {
  return v?.text ?? v?.placeholder ?? '<unknown>';
}

/** Placeholders still open in a site, with where each value comes from (for file headers). */
export function openValues(site: SiteModel): { placeholder: string; source: string }[] {
  const values: Value[] = [...site.instances.flatMap((i) => [i.publicIp, i.bgpAddress]).filter((v): v is Value => v !== undefined), site.sharedKey];
  return values.filter((v) => v.text === undefined).map((v) => ({
    placeholder: v.placeholder,
    source: v.output
      ? `terraform output -${v.output.index === undefined ? 'raw' : 'json'} ${v.output.name}${v.output.index === undefined ? '' : `  (element ${v.output.index}${v.output.subIndex === undefined ? '' : `, its element ${v.output.subIndex}`})`}`
      : v.how ?? 'not in any output',
  }));
}

/**
 * The model with after-apply values filled from `terraform output -json` (an object of
 * `{ value, sensitive, type }` per output). Values it does not hold stay placeholders.
 */
export function fillFromOutputs(model: HandoffModel, outputs: Record<string, any>): HandoffModel {
  const fill = (v: Value | undefined): Value | undefined => {
    if (!v || v.text !== undefined || !v.output) return v;
    let value = outputs?.[v.output.name]?.value;
    if (v.output.index !== undefined) value = Array.isArray(value) ? value[v.output.index] : undefined;
    if (v.output.subIndex !== undefined && Array.isArray(value)) value = value[v.output.subIndex];
    return typeof value === 'string' && value.length > 0 ? { ...v, text: value } : v;
  };
  return {
    ...model,
    sites: model.sites.map((s) => ({
      ...s,
      instances: s.instances.map((i) => ({ ...i, publicIp: fill(i.publicIp)!, bgpAddress: fill(i.bgpAddress) })),
      sharedKey: fill(s.sharedKey)!,
    })),
  };
}

/** The model without the keys (for the page, which never holds one). */
export function withoutKeys(model: HandoffModel): HandoffModel {
  return { ...model, sites: model.sites.map((s) => ({ ...s, sharedKey: { ...s.sharedKey, text: undefined } })) };
}
