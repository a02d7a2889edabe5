// The hybrid topology of one synthesized stack (cdk.tf.json): on-premises sites, circuits,
// gateways, hub and spokes, peerings, private endpoints, workspaces, vaults. Works on any CDKTF
// azurerm output, not only this library's, because it reads only the Terraform JSON.

/** Where a node is drawn. */
export type Zone = 'on-premises' | 'provider' | 'azure';

export interface TopologyNode {
  /** Terraform address, e.g. `azurerm_virtual_network.Hub_1A2B3C4D`. */
  readonly id: string;
  /** What it is, in Azure's words ("VPN gateway"). */
  readonly kind: string;
  /** Its name and the few settings that matter. */
  readonly detail: string[];
  readonly zone: Zone;
  /** Address of the virtual network it sits in, if any. */
  readonly vnet?: string;
  /**
   * The lifecycle gate it waits behind: the variable its `count` reads (`count = var.<gate> ? 1 : 0`),
   * drawn dashed with the gate's name; created only in phase 2.
   */
  readonly gate?: string;
}

export type EdgeStyle = 'link' | 'planned' | 'ref';

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /**
   * `link`: a network path; `planned`: a network path created in a later phase (ExpressRoute
   * connection after provider provisioning); `ref`: management or data flow (logs, backup, sync).
   */
  readonly style: EdgeStyle;
}

export interface Topology {
  readonly stack: string;
  readonly nodes: TopologyNode[];
  readonly edges: TopologyEdge[];
}

type Body = Record<string, any>;
interface Resource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly body: Body;
}

/** How a resource type is drawn: as a node (with a kind, zone and details), or not at all. */
interface NodeStyle {
  readonly kind: string | ((b: Body) => string);
  readonly zone: Zone;
  readonly detail?: (b: Body) => (string | undefined)[];
}

const NODE_TYPES: Record<string, NodeStyle> = {
  azurerm_local_network_gateway: {
    kind: 'On-premises site (VPN device)',
    zone: 'on-premises',
    detail: (b) => [b.gateway_address ?? b.gateway_fqdn, list(b.address_space), b.bgp_settings ? `BGP ASN ${one(b.bgp_settings).asn}` : undefined],
  },
  azurerm_arc_machine: { kind: 'Arc-enabled server', zone: 'on-premises' },
  azurerm_arc_kubernetes_cluster: { kind: 'Arc-enabled Kubernetes', zone: 'on-premises' },
  azurerm_site_recovery_services_vault_hyperv_site: { kind: 'Hyper-V site (Site Recovery)', zone: 'on-premises' },
  azurerm_traffic_manager_external_endpoint: { kind: 'On-premises endpoint', zone: 'on-premises', detail: (b) => [b.target, b.priority ? `priority ${b.priority}` : undefined] },
  azurerm_relay_hybrid_connection: { kind: 'Hybrid connection (Relay)', zone: 'azure', detail: (b) => [endpointOf(b.user_metadata)] },
  azurerm_express_route_circuit: {
    kind: 'ExpressRoute circuit',
    zone: 'provider',
    detail: (b) => [b.service_provider_name, b.peering_location, b.bandwidth_in_mbps ? `${b.bandwidth_in_mbps} Mbps` : b.bandwidth_in_gbps ? `${b.bandwidth_in_gbps} Gbps` : undefined, b.sku ? `${one(b.sku).tier}/${one(b.sku).family}` : undefined],
  },
  azurerm_virtual_network: { kind: 'Virtual network', zone: 'azure', detail: (b) => [list(b.address_space)] },
  azurerm_virtual_network_gateway: {
    kind: (b) => (b.type === 'ExpressRoute' ? 'ExpressRoute gateway' : 'VPN gateway'),
    zone: 'azure',
    detail: (b) => [b.sku, b.active_active ? 'active-active' : undefined, b.enable_bgp && b.bgp_settings ? `BGP ASN ${one(b.bgp_settings).asn}` : undefined],
  },
  azurerm_route_server: { kind: 'Route Server', zone: 'azure' },
  azurerm_private_endpoint: { kind: 'Private endpoint', zone: 'azure', detail: (b) => [list(one(b.private_service_connection)?.subresource_names)] },
  azurerm_log_analytics_workspace: { kind: 'Log Analytics workspace', zone: 'azure', detail: (b) => [b.retention_in_days ? `${b.retention_in_days} days` : undefined] },
  azurerm_application_insights: { kind: 'Application Insights', zone: 'azure' },
  azurerm_monitor_action_group: { kind: 'Action group', zone: 'azure' },
  azurerm_monitor_data_collection_rule: { kind: 'Data collection rule', zone: 'azure', detail: (b) => [b.kind] },
  azurerm_recovery_services_vault: { kind: 'Recovery Services vault', zone: 'azure', detail: (b) => [b.storage_mode_type, b.soft_delete_enabled === false ? 'soft delete OFF' : undefined] },
  azurerm_storage_account: { kind: 'Storage account', zone: 'azure', detail: (b) => [b.account_kind, `${b.account_tier ?? ''} ${b.account_replication_type ?? ''}`.trim() || undefined] },
  azurerm_storage_share: { kind: 'File share', zone: 'azure', detail: (b) => [b.quota ? `${b.quota} GiB` : undefined] },
  azurerm_storage_sync: { kind: 'Storage Sync service', zone: 'azure' },
  azurerm_storage_sync_group: { kind: 'Sync group', zone: 'azure' },
  azurerm_traffic_manager_profile: { kind: 'Traffic Manager profile', zone: 'azure', detail: (b) => [b.traffic_routing_method] },
  azurerm_relay_namespace: { kind: 'Relay namespace', zone: 'azure', detail: (b) => [b.sku_name] },
  azurerm_linux_web_app: { kind: 'Web app', zone: 'azure' },
  azurerm_windows_web_app: { kind: 'Web app', zone: 'azure' },
  azurerm_linux_function_app: { kind: 'Function app', zone: 'azure' },
  azurerm_windows_function_app: { kind: 'Function app', zone: 'azure' },
  azurerm_key_vault: { kind: 'Key Vault', zone: 'azure' },
  azurerm_arc_kubernetes_flux_configuration: { kind: 'Flux configuration (GitOps)', zone: 'azure', detail: (b) => [one(b.git_repository)?.url ?? one(b.bucket)?.url ?? 'blob storage source'] },
  azurerm_arc_private_link_scope: { kind: 'Arc private link scope', zone: 'azure' },
  azurerm_site_recovery_vmware_replicated_vm: { kind: 'VMware VM (replicated)', zone: 'on-premises', detail: (b) => [b.source_vm_name, b.appliance_name ? `appliance ${b.appliance_name}` : undefined] },
  azurerm_private_dns_zone: { kind: 'Private DNS zone', zone: 'azure' },
};

/** Resources that are drawn as an edge between the nodes they join. */
const EDGE_TYPES: Record<string, (b: Body, resolve: (v: unknown) => string[]) => { from: string[]; to: string[]; label: string; style: 'link' | 'ref' } | undefined> = {
  azurerm_virtual_network_gateway_connection: (b, r) => ({
    from: r(b.virtual_network_gateway_id),
    to: [...r(b.local_network_gateway_id), ...r(b.express_route_circuit_id), ...r(b.peer_virtual_network_gateway_id)],
    label: b.type === 'ExpressRoute' ? 'ExpressRoute' : `IPsec ${b.connection_protocol ?? ''}${b.enable_bgp ? ' + BGP' : ''}`.trim(),
    style: 'link',
  }),
  azurerm_virtual_network_peering: (b, r) => ({
    from: r(b.virtual_network_name),
    to: r(b.remote_virtual_network_id),
    label: b.allow_gateway_transit ? 'peering (gateway transit)' : b.use_remote_gateways ? 'peering (remote gateways)' : 'peering',
    style: 'link',
  }),
  azurerm_monitor_diagnostic_setting: (b, r) => ({ from: r(b.target_resource_id), to: r(b.log_analytics_workspace_id), label: 'logs', style: 'ref' }),
  azurerm_backup_protected_file_share: (b, r) => ({ from: r(b.recovery_vault_name), to: r(b.source_storage_account_id), label: `backup ${b.source_file_share_name ?? ''}`.trim(), style: 'ref' }),
  azurerm_backup_protected_vm: (b, r) => ({ from: r(b.recovery_vault_name), to: r(b.source_vm_id), label: 'VM backup', style: 'ref' }),
  azurerm_storage_sync_cloud_endpoint: (b, r) => ({ from: r(b.storage_sync_group_id), to: r(b.storage_account_id), label: `cloud endpoint ${b.file_share_name ?? ''}`.trim(), style: 'ref' }),
  azurerm_traffic_manager_azure_endpoint: (b, r) => ({ from: r(b.profile_id), to: r(b.target_resource_id), label: `priority ${b.priority ?? '-'}`, style: 'link' }),
  azurerm_web_app_hybrid_connection: (b, r) => ({ from: r(b.web_app_id), to: r(b.relay_id), label: 'hybrid connection', style: 'link' }),
  azurerm_function_app_hybrid_connection: (b, r) => ({ from: r(b.function_app_id), to: r(b.relay_id), label: 'hybrid connection', style: 'link' }),
  azurerm_monitor_data_collection_rule_association: (b, r) => ({ from: r(b.target_resource_id), to: r(b.data_collection_rule_id), label: 'DCR', style: 'ref' }),
  azurerm_private_dns_zone_virtual_network_link: (b, r) => ({ from: r(b.private_dns_zone_name), to: r(b.virtual_network_id), label: 'DNS link', style: 'ref' }),
};

/** References from a drawn resource to another that are worth an edge: [attribute, label, style]. */
const NODE_REFERENCES: Record<string, [string, string, EdgeStyle][]> = {
  azurerm_arc_kubernetes_flux_configuration: [['cluster_id', 'GitOps', 'ref']],
  azurerm_site_recovery_services_vault_hyperv_site: [['recovery_vault_id', 'Hyper-V replication', 'link']],
  azurerm_site_recovery_vmware_replicated_vm: [
    ['recovery_vault_id', 'VMware replication', 'link'],
    ['default_log_storage_account_id', 'cache', 'ref'],
    ['test_network_id', 'test failover', 'ref'],
  ],
};

/** Machines referenced by literal resource id (Arc servers, VMs outside the stack). */
const MACHINE_ID = /\/providers\/Microsoft\.(HybridCompute|Compute)\/(machines|virtualMachines)\/([^/]+)$/i;

const REFERENCE = /\$\{(azurerm_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[[0-9]+\])?\.([a-z_]+)/g;

/** `var.<name>` in a count expression: the gate a resource waits behind. */
const GATE_VAR = /\bvar\.([A-Za-z_][A-Za-z0-9_-]*)/;

/** The gate of a resource: the first variable its `count` reads. */
export function gateOf(body: Body): string | undefined {
  const count = body?.count;
  return typeof count === 'string' ? GATE_VAR.exec(count)?.[1] : undefined;
}

/** The customer edge routers an ExpressRoute circuit's private peering reaches (not a resource). */
export const ON_PREMISES_EDGE = 'on-premises.edge-routers';

/** Builds the topology of one stack from its `cdk.tf.json` content. */
export function buildTopology(stack: string, config: any): Topology {
  const resources: Resource[] = [];
  for (const [type, byName] of Object.entries<Record<string, Body>>(config?.resource ?? {})) {
    for (const [name, body] of Object.entries(byName ?? {})) resources.push({ type, name, address: `${type}.${name}`, body: body ?? {} });
  }
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const isNode = (address: string) => NODE_TYPES[address.split('.')[0]] !== undefined;
  // A reference to an attribute of a resource that is not drawn (a backup container's
  // storage_account_id, say) is followed to what that attribute refers to, a few hops deep.
  const resolve = (value: unknown, depth = 0): string[] => {
    const found = new Set<string>();
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
    for (const m of text.matchAll(REFERENCE)) {
      const address = `${m[1]}.${m[2]}`;
      const target = byAddress.get(address);
      if (!target) continue;
      if (isNode(address) || depth >= 3 || target.body[m[3]] === undefined) found.add(address);
      else resolve(target.body[m[3]], depth + 1).forEach((a) => found.add(a));
    }
    return [...found];
  };

  // Subnets place gateways, endpoints and route servers inside their virtual network.
  const subnetVnet = new Map<string, string>();
  for (const r of resources.filter((x) => x.type === 'azurerm_subnet')) {
    const vnet = resolve(r.body.virtual_network_name)[0];
    if (vnet) subnetVnet.set(r.address, vnet);
  }
  const vnetOf = (body: Body): string | undefined => {
    for (const subnet of resolve(body.subnet_id ?? body.ip_configuration ?? body.virtual_hub_id)) {
      const vnet = subnetVnet.get(subnet);
      if (vnet) return vnet;
    }
    return undefined;
  };

  const nodes: TopologyNode[] = [];
  for (const r of resources) {
    const style = NODE_TYPES[r.type];
    if (!style) continue;
    const kind = typeof style.kind === 'function' ? style.kind(r.body) : style.kind;
    const name = typeof r.body.name === 'string' && !r.body.name.includes('${') ? r.body.name : r.name;
    const extra = (style.detail?.(r.body) ?? []).filter((d): d is string => typeof d === 'string' && d.length > 0 && !d.includes('${'));
    const gate = gateOf(r.body);
    nodes.push({ id: r.address, kind, detail: [name, ...extra], zone: style.zone, vnet: r.type === 'azurerm_virtual_network' ? undefined : vnetOf(r.body), ...(gate ? { gate } : {}) });
  }
  // ExpressRoute private peering ends on the customer's edge routers: draw them, with the peering.
  const peerings = resources.filter((r) => r.type === 'azurerm_express_route_circuit_peering');
  if (peerings.length > 0) nodes.push({ id: ON_PREMISES_EDGE, kind: 'On-premises edge routers', detail: ['customer or provider edge (MSEE peers)'], zone: 'on-premises' });
  const nodeIds = new Set(nodes.map((n) => n.id));

  const edges: TopologyEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (from: string, to: string, label: string, style: EdgeStyle) => {
    if (from === to || !nodeIds.has(from) || !nodeIds.has(to)) return;
    // Peerings come in pairs: draw one edge per pair of networks.
    const key = label.startsWith('peering') ? `peer:${[from, to].sort().join('|')}` : `${from}|${to}|${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, label, style });
  };
  for (const r of resources) {
    const edge = EDGE_TYPES[r.type]?.(r.body, resolve);
    if (!edge) continue;
    // A gated connection (count = var.<gate> ? 1 : 0) is a planned link, named after its gate.
    const gate = gateOf(r.body);
    const label = gate ? `${edge.label} (gate ${gate})` : edge.label;
    const style = gate && edge.style === 'link' ? 'planned' : edge.style;
    for (const from of edge.from) for (const to of edge.to) addEdge(from, to, label, style);
  }
  for (const p of peerings) {
    const b = p.body;
    const label = ['private peering', b.vlan_id ? `VLAN ${b.vlan_id}` : '', b.peer_asn ? `ASN ${b.peer_asn}` : ''].filter(Boolean).join(', ');
    for (const circuit of resolve(b.express_route_circuit_name)) addEdge(ON_PREMISES_EDGE, circuit, label, 'link');
  }
  // A circuit not yet connected to a gateway (two-phase provisioning) is drawn with its future link.
  const erGateways = resources.filter((r) => r.type === 'azurerm_virtual_network_gateway' && r.body.type === 'ExpressRoute');
  for (const circuit of resources.filter((r) => r.type === 'azurerm_express_route_circuit')) {
    if (edges.some((e) => (e.from === circuit.address || e.to === circuit.address) && e.label.startsWith('ExpressRoute'))) continue;
    for (const gateway of erGateways) addEdge(gateway.address, circuit.address, 'connection after provider provisioning', 'planned');
  }
  for (const r of resources) {
    for (const [attribute, label, style] of NODE_REFERENCES[r.type] ?? []) {
      for (const target of resolve(r.body[attribute])) addEdge(r.address, target, label, style);
    }
    if (r.type === 'azurerm_arc_kubernetes_cluster_extension') {
      for (const cluster of resolve(r.body.cluster_id)) {
        for (const target of resolve(r.body.configuration_settings)) addEdge(cluster, target, String(r.body.extension_type ?? 'extension'), 'ref');
      }
    }
    // Machines given by id: draw them once, on premises (Arc) or in Azure (VMs).
    if (r.type === 'azurerm_monitor_data_collection_rule_association' || r.type === 'azurerm_arc_machine_extension') {
      const id = r.type === 'azurerm_arc_machine_extension' ? r.body.arc_machine_id : r.body.target_resource_id;
      const match = typeof id === 'string' ? MACHINE_ID.exec(id) : null;
      if (!match) continue;
      const address = `machine.${match[3]}`;
      if (!nodeIds.has(address)) {
        const arc = match[1].toLowerCase() === 'hybridcompute';
        nodes.push({ id: address, kind: arc ? 'Arc-enabled server' : 'Virtual machine', detail: [match[3]], zone: arc ? 'on-premises' : 'azure' });
        nodeIds.add(address);
      }
      if (r.type === 'azurerm_monitor_data_collection_rule_association') {
        for (const dcr of resolve(r.body.data_collection_rule_id)) addEdge(address, dcr, 'Azure Monitor Agent', 'ref');
      }
    }
  }
  // Private endpoints point at the resource they expose; traffic manager endpoints at their profile.
  for (const r of resources) {
    if (r.type === 'azurerm_private_endpoint') {
      for (const target of resolve(r.body.private_service_connection)) addEdge(r.address, target, 'private link', 'link');
    }
    if (r.type === 'azurerm_traffic_manager_external_endpoint') {
      for (const profile of resolve(r.body.profile_id)) addEdge(profile, r.address, `priority ${r.body.priority ?? '-'}`, 'link');
    }
    if (r.type === 'azurerm_relay_hybrid_connection') {
      for (const ns of resolve(r.body.relay_namespace_name)) addEdge(ns, r.address, 'hybrid connection', 'link');
    }
    if (r.type === 'azurerm_storage_sync_group') {
      for (const sync of resolve(r.body.storage_sync_id)) addEdge(sync, r.address, 'sync group', 'ref');
    }
    if (r.type === 'azurerm_storage_share') {
      for (const account of resolve(r.body.storage_account_id ?? r.body.storage_account_name)) addEdge(account, r.address, 'share', 'ref');
    }
    if (r.type === 'azurerm_application_insights') {
      for (const ws of resolve(r.body.workspace_id)) addEdge(r.address, ws, 'telemetry', 'ref');
    }
    if (r.type === 'azurerm_monitor_data_collection_rule') {
      for (const ws of resolve(r.body.destinations)) addEdge(r.address, ws, 'data', 'ref');
    }
  }
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  edges.sort((a, b) => `${a.from}|${a.to}|${a.label}`.localeCompare(`${b.from}|${b.to}|${b.label}`));
  return { stack, nodes, edges };
}

function list(value: unknown): string | undefined {
  return Array.isArray(value) && value.length > 0 ? value.join(', ') : undefined;
}

function one(value: any): any {
  return Array.isArray(value) ? value[0] : value;
}

function endpointOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'string') return undefined;
  try {
    const parsed = JSON.parse(metadata);
    return Array.isArray(parsed) ? parsed.find((e: any) => e?.key === 'endpoint')?.value : undefined;
  } catch {
    return undefined;
  }
}
