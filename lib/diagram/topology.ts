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
  /**
   * Address of the network it sits in, if any: a virtual network, a Virtual WAN hub or an Azure
   * Local instance (the node kinds in `CONTAINER_KINDS`).
   */
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

/** What a node's details and placement may read besides its own body. */
interface NodeEnv {
  /** Bodies of resources of `type` whose `attribute` references this resource. */
  referrers(type: string, attribute: string): Body[];
  /** The Azure Local instance a custom location id (a data source or a literal) belongs to. */
  clusterOfCustomLocation(value: unknown): string | undefined;
}

/** How a resource type is drawn: as a node (with a kind, zone and details), or not at all. */
interface NodeStyle {
  readonly kind: string | ((b: Body) => string);
  readonly zone: Zone;
  readonly detail?: (b: Body, env: NodeEnv) => (string | undefined)[];
  /**
   * The value naming what it sits in (a subnet, a network, a hub, an instance), when not
   * `subnet_id`, `ip_configuration`, `ip_configurations` or `virtual_hub_id`.
   */
  readonly in?: (b: Body, env: NodeEnv) => unknown;
}

/** Node kinds drawn as a box around the nodes that sit in them. */
export const CONTAINER_KINDS = ['Virtual network', 'Virtual hub', 'Azure Local instance'];
const CONTAINER_TYPES = new Set(['azurerm_virtual_network', 'azurerm_virtual_hub', 'azurerm_stack_hci_cluster']);

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
  // Secure hub and hybrid DNS
  azurerm_firewall: {
    kind: 'Azure Firewall',
    zone: 'azure',
    detail: (b) => [b.sku_tier, b.virtual_hub ? 'secured virtual hub' : undefined, Array.isArray(b.zones) && b.zones.length > 0 ? `zones ${b.zones.join(', ')}` : undefined],
    in: (b) => b.ip_configuration ?? one(b.virtual_hub)?.virtual_hub_id,
  },
  azurerm_bastion_host: { kind: 'Azure Bastion', zone: 'azure', detail: (b) => [b.sku] },
  azurerm_private_dns_resolver: {
    kind: 'DNS Private Resolver',
    zone: 'azure',
    detail: (_b, env) => [
      ...env.referrers('azurerm_private_dns_resolver_inbound_endpoint', 'private_dns_resolver_id').map((e) => inboundIp(e) && `inbound ${inboundIp(e)}`),
      env.referrers('azurerm_private_dns_resolver_outbound_endpoint', 'private_dns_resolver_id').length > 0 ? 'outbound endpoint' : undefined,
    ],
    in: (b) => b.virtual_network_id,
  },
  // Virtual WAN
  azurerm_virtual_wan: { kind: 'Virtual WAN', zone: 'azure', detail: (b) => [b.type ?? 'Standard', b.allow_branch_to_branch_traffic === false ? 'no branch-to-branch' : undefined] },
  azurerm_virtual_hub: { kind: 'Virtual hub', zone: 'azure', detail: (b) => [b.address_prefix, b.hub_routing_preference ? `prefers ${b.hub_routing_preference}` : undefined] },
  azurerm_vpn_gateway: { kind: 'Hub VPN gateway', zone: 'azure', detail: (b) => [units(b.scale_unit), one(b.bgp_settings)?.asn ? `BGP ASN ${one(b.bgp_settings).asn}` : undefined] },
  azurerm_express_route_gateway: { kind: 'Hub ExpressRoute gateway', zone: 'azure', detail: (b) => [units(b.scale_units)] },
  azurerm_point_to_site_vpn_gateway: {
    kind: 'Point-to-site gateway (User VPN)',
    zone: 'azure',
    detail: (b) => [units(b.scale_unit), list(asList(b.connection_configuration).flatMap((c) => asList(one(c?.vpn_client_address_pool)?.address_prefixes)))],
  },
  azurerm_vpn_site: {
    kind: 'On-premises branch (VPN site)',
    zone: 'on-premises',
    detail: (b) => [b.device_vendor, list(b.address_cidrs), ...asList(b.link).map(siteLink)],
  },
  azurerm_virtual_hub_routing_intent: { kind: 'Routing intent', zone: 'azure', detail: (b) => [list(asList(b.routing_policy).flatMap((p) => asList(p?.destinations)))] },
  // Azure Local and Arc resource bridge
  azurerm_stack_hci_cluster: {
    kind: 'Azure Local instance',
    zone: 'on-premises',
    detail: (_b, env) => env.referrers('azurerm_stack_hci_deployment_setting', 'stack_hci_cluster_id').flatMap((d) => {
      const unit = one(d.scale_unit);
      return [`${asList(unit?.physical_node).length} machines`, one(unit?.host_network)?.storage_connectivity_switchless_enabled === true ? 'switchless storage' : undefined];
    }),
  },
  azurerm_stack_hci_logical_network: {
    kind: 'Logical network',
    zone: 'on-premises',
    detail: (b) => [one(b.subnet)?.address_prefix, one(b.subnet)?.vlan_id !== undefined ? `VLAN ${one(b.subnet).vlan_id}` : undefined, one(b.subnet)?.ip_allocation_method],
    in: (b, env) => env.clusterOfCustomLocation(b.custom_location_id),
  },
  azurerm_arc_resource_bridge_appliance: { kind: 'Arc resource bridge', zone: 'on-premises', detail: (b) => [b.infrastructure_provider, b.distro] },
  azurerm_system_center_virtual_machine_manager_server: { kind: 'VMM server', zone: 'on-premises', detail: (b) => [b.fqdn ? `${b.fqdn}:${b.port ?? 8100}` : undefined] },
};

/** Resources that are drawn as an edge between the nodes they join. */
const EDGE_TYPES: Record<string, (b: Body, resolve: (v: unknown) => string[], g: Graph) => { from: string[]; to: string[]; label: string; style: 'link' | 'ref' } | undefined> = {
  azurerm_virtual_network_gateway_connection: (b, r) => ({
    from: r(b.virtual_network_gateway_id),
    to: [...r(b.local_network_gateway_id), ...r(b.express_route_circuit_id), ...r(b.peer_virtual_network_gateway_id)],
    label: b.type === 'ExpressRoute' ? 'ExpressRoute' : `IPsec ${b.connection_protocol ?? ''}${b.enable_bgp ? ' + BGP' : ''}${b.local_azure_ip_address_enabled === true ? ' over ExpressRoute' : ''}`.trim(),
    style: 'link',
  }),
  azurerm_virtual_network_peering: (b, r) => ({
    from: r(b.virtual_network_name),
    to: r(b.remote_virtual_network_id),
    label: b.allow_gateway_transit ? 'peering (gateway transit)' : b.use_remote_gateways ? 'peering (remote gateways)' : 'peering',
    style: 'link',
  }),
  azurerm_monitor_diagnostic_setting: (b, r) => ({ from: r(b.target_resource_id), to: r(b.log_analytics_workspace_id), label: 'logs', style: 'ref' }),
  // To the share node when the share is in the configuration (by reference, or by its literal name in that account); labels name it readably (addEdge).
  azurerm_backup_protected_file_share: (b, r, g) => ({ from: r(b.recovery_vault_name), to: shareNodes(g, b.source_file_share_name, b.source_storage_account_id), label: `backup ${b.source_file_share_name ?? ''}`.trim(), style: 'ref' }),
  azurerm_backup_protected_vm: (b, r) => ({ from: r(b.recovery_vault_name), to: r(b.source_vm_id), label: 'VM backup', style: 'ref' }),
  azurerm_storage_sync_cloud_endpoint: (b, r, g) => ({ from: r(b.storage_sync_group_id), to: shareNodes(g, b.file_share_name, b.storage_account_id), label: `cloud endpoint ${b.file_share_name ?? ''}`.trim(), style: 'ref' }),
  azurerm_traffic_manager_azure_endpoint: (b, r) => ({ from: r(b.profile_id), to: r(b.target_resource_id), label: `priority ${b.priority ?? '-'}`, style: 'link' }),
  azurerm_web_app_hybrid_connection: (b, r) => ({ from: r(b.web_app_id), to: r(b.relay_id), label: 'hybrid connection', style: 'link' }),
  azurerm_function_app_hybrid_connection: (b, r) => ({ from: r(b.function_app_id), to: r(b.relay_id), label: 'hybrid connection', style: 'link' }),
  azurerm_monitor_data_collection_rule_association: (b, r) => ({ from: r(b.target_resource_id), to: r(b.data_collection_rule_id), label: 'DCR', style: 'ref' }),
  azurerm_private_dns_zone_virtual_network_link: (b, r) => ({ from: r(b.private_dns_zone_name), to: r(b.virtual_network_id), label: 'DNS link', style: 'ref' }),
  azurerm_vpn_gateway_connection: (b, r) => ({
    from: r(b.remote_vpn_site_id),
    to: r(b.vpn_gateway_id),
    label: `IPsec, ${asList(b.vpn_link).length} link${asList(b.vpn_link).length === 1 ? '' : 's'}${asList(b.vpn_link).some((l) => l?.bgp_enabled) ? ' + BGP' : ''}`,
    style: 'link',
  }),
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
  azurerm_virtual_hub: [['virtual_wan_id', 'hub', 'ref']],
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

/** The folded catalogue of private DNS zones no private endpoint uses yet (not a resource). */
export const CATALOGUE_ZONES = 'azure.private-dns-zone-catalogue';
/** The on-premises DNS servers a resolver forwards to and that forward to its inbound endpoint (not a resource). */
export const ON_PREMISES_DNS = 'on-premises.dns-servers';
/** Azure Arc, which Azure Local instances and Arc resource bridges connect out to (not a resource). */
export const AZURE_ARC = 'azure.arc';

/** The customer edge routers an ExpressRoute circuit's private peering reaches (not a resource). */
export const ON_PREMISES_EDGE = 'on-premises.edge-routers';

/** Builds the topology of one stack from its `cdk.tf.json` content. */
export function buildTopology(stack: string, config: any): Topology {
  const resources: Resource[] = [];
  for (const [type, byName] of Object.entries<Record<string, Body>>(config?.resource ?? {})) {
    for (const [name, body] of Object.entries(byName ?? {})) resources.push({ type, name, address: `${type}.${name}`, body: body ?? {} });
  }
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const of = (type: string) => resources.filter((r) => r.type === type);
  const isNode = (address: string) => NODE_TYPES[address.split('.')[0]] !== undefined;
  // Zones no private endpoint uses (a catalogue prepared for later endpoints) are drawn as one node.
  const alias = catalogueZones(resources);
  // A reference to an attribute of a resource that is not drawn (a backup container's
  // storage_account_id, say) is followed to what that attribute refers to, a few hops deep.
  const resolve = (value: unknown, depth = 0): string[] => {
    const found = new Set<string>();
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
    for (const m of text.matchAll(REFERENCE)) {
      const address = `${m[1]}.${m[2]}`;
      const target = byAddress.get(address);
      if (!target) continue;
      if (isNode(address) || depth >= 3 || target.body[m[3]] === undefined) found.add(alias.get(address) ?? address);
      else resolve(target.body[m[3]], depth + 1).forEach((a) => found.add(a));
    }
    return [...found];
  };

  // Subnets place gateways, endpoints and route servers inside their virtual network.
  const subnetVnet = new Map<string, string>();
  for (const r of of('azurerm_subnet')) {
    const vnet = resolve(r.body.virtual_network_name)[0];
    if (vnet) subnetVnet.set(r.address, vnet);
  }
  const envOf = (r: Resource): NodeEnv => ({
    referrers: (type, attribute) => {
      const ref = new RegExp(`${r.address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\[[0-9]+\\])?\\.`);
      return of(type).filter((x) => ref.test(JSON.stringify(x.body[attribute] ?? ''))).map((x) => x.body);
    },
    clusterOfCustomLocation: (value) => clusterOfCustomLocation(config, value, of('azurerm_stack_hci_deployment_setting'), resolve),
  });
  const containerOf = (r: Resource, style: NodeStyle): string | undefined => {
    if (CONTAINER_TYPES.has(r.type)) return undefined;
    const value = style.in ? style.in(r.body, envOf(r)) : r.body.subnet_id ?? r.body.ip_configuration ?? r.body.ip_configurations ?? r.body.virtual_hub_id;
    if (typeof value === 'string' && CONTAINER_TYPES.has(value.split('.')[0]) && byAddress.has(value)) return value;
    for (const target of resolve(value)) {
      const container = subnetVnet.get(target) ?? (CONTAINER_TYPES.has(target.split('.')[0]) ? target : undefined);
      if (container) return container;
    }
    return undefined;
  };

  const nodes: TopologyNode[] = [];
  const nodeIds = new Set<string>();
  const addNode = (node: TopologyNode): string => {
    if (!nodeIds.has(node.id)) {
      nodes.push(node);
      nodeIds.add(node.id);
    }
    return node.id;
  };
  for (const r of resources) {
    const style = NODE_TYPES[r.type];
    if (!style || alias.has(r.address)) continue;
    const kind = typeof style.kind === 'function' ? style.kind(r.body) : style.kind;
    const name = typeof r.body.name === 'string' && !r.body.name.includes('${') ? r.body.name : r.name;
    const extra = (style.detail?.(r.body, envOf(r)) ?? []).filter((d): d is string => typeof d === 'string' && d.length > 0 && !d.includes('${'));
    const gate = gateOf(r.body);
    addNode({ id: r.address, kind, detail: [name, ...extra], zone: style.zone, vnet: containerOf(r, style), ...(gate ? { gate } : {}) });
  }
  if (alias.size > 0) {
    const names = [...alias.keys()].map((a) => byAddress.get(a)!.body.name).filter((n) => typeof n === 'string' && !n.includes('${'));
    addNode({ id: CATALOGUE_ZONES, kind: 'Private DNS zones', detail: [`${alias.size} zones, no private endpoint yet`, ...names.slice(0, 3), ...(names.length > 3 ? ['…'] : [])], zone: 'azure' });
  }
  // ExpressRoute private peering ends on the customer's edge routers: draw them, with the peering.
  const peerings = of('azurerm_express_route_circuit_peering');
  if (peerings.length > 0) addNode({ id: ON_PREMISES_EDGE, kind: 'On-premises edge routers', detail: ['customer or provider edge (MSEE peers)'], zone: 'on-premises' });

  const edges: TopologyEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (from: string, to: string, rawLabel: string, style: EdgeStyle) => {
    if (from === to || !nodeIds.has(from) || !nodeIds.has(to)) return;
    // Labels are built from attribute values, which may be Terraform expressions: never print `${...}`.
    const label = readable(config, byAddress, rawLabel);
    // Peerings come in pairs: draw one edge per pair of networks.
    const key = label.startsWith('peering') ? `peer:${[from, to].sort().join('|')}` : `${from}|${to}|${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, label, style });
  };
  // A gated resource drawn as an edge (count = var.<gate> ? 1 : 0) is a planned link, named after its gate.
  const addResourceEdge = (body: Body, from: string, to: string, label: string, style: 'link' | 'ref') => {
    const gate = gateOf(body);
    addEdge(from, to, gate ? `${label} (gate ${gate})` : label, gate && style === 'link' ? 'planned' : style);
  };
  const graph: Graph = { config, resources, byAddress, of, resolve, subnetVnet, addNode, addEdge, addResourceEdge };
  drawAzureLocal(graph);
  drawHybridDns(graph);
  drawVirtualWan(graph);
  drawFirewallRoutes(graph);
  for (const r of resources) {
    const edge = EDGE_TYPES[r.type]?.(r.body, resolve, graph);
    if (!edge) continue;
    for (const from of edge.from) for (const to of edge.to) addResourceEdge(r.body, from, to, edge.label, edge.style);
  }
  for (const p of peerings) {
    const b = p.body;
    const kind = b.peering_type === 'MicrosoftPeering' ? 'Microsoft peering' : 'private peering';
    const label = [kind, b.vlan_id ? `VLAN ${b.vlan_id}` : '', b.peer_asn ? `ASN ${b.peer_asn}` : ''].filter(Boolean).join(', ');
    for (const circuit of resolve(b.express_route_circuit_name)) addEdge(ON_PREMISES_EDGE, circuit, label, 'link');
  }
  // Global Reach links the private peerings of two circuits (either may be of another stack or subscription).
  for (const link of of('azurerm_express_route_circuit_connection')) {
    const prefix = typeof link.body.address_prefix_ipv4 === 'string' && !link.body.address_prefix_ipv4.includes('${') ? ` ${link.body.address_prefix_ipv4}` : '';
    for (const from of circuitsOfPeering(graph, link.body.peering_id)) for (const to of circuitsOfPeering(graph, link.body.peer_peering_id)) addResourceEdge(link.body, from, to, `Global Reach${prefix}`, 'link');
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
      const arc = match[1].toLowerCase() === 'hybridcompute';
      addNode({ id: address, kind: arc ? 'Arc-enabled server' : 'Virtual machine', detail: [match[3]], zone: arc ? 'on-premises' : 'azure' });
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

/** What the drawing passes below share with `buildTopology`. */
interface Graph {
  readonly config: any;
  readonly resources: Resource[];
  readonly byAddress: Map<string, Resource>;
  of(type: string): Resource[];
  resolve(value: unknown): string[];
  readonly subnetVnet: Map<string, string>;
  addNode(node: TopologyNode): string;
  addEdge(from: string, to: string, label: string, style: EdgeStyle): void;
  /** An edge a resource stands for: planned and named after its gate when the resource is gated. */
  addResourceEdge(body: Body, from: string, to: string, label: string, style: 'link' | 'ref'): void;
}

/** Zones no private endpoint's zone group uses, when there are several: address -> the catalogue node. */
function catalogueZones(resources: Resource[]): Map<string, string> {
  const used = JSON.stringify(resources.filter((r) => r.type === 'azurerm_private_endpoint').map((r) => r.body.private_dns_zone_group ?? null));
  const unused = resources.filter((r) => r.type === 'azurerm_private_dns_zone' && !new RegExp(`\\$\\{${r.address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[.[]`).test(used));
  return new Map(unused.length >= 2 ? unused.map((r) => [r.address, CATALOGUE_ZONES]) : []);
}

/** The Azure Local instance whose deployment creates the custom location a value names. */
function clusterOfCustomLocation(config: any, value: unknown, settings: Resource[], resolve: (v: unknown) => string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const data = /\$\{data\.azurerm_extended_location_custom_location\.([A-Za-z0-9_-]+)/.exec(value);
  const name = data ? config?.data?.azurerm_extended_location_custom_location?.[data[1]]?.name : /\/customLocations\/([^/]+)$/i.exec(value)?.[1];
  if (typeof name !== 'string') return undefined;
  const setting = settings.find((d) => one(one(d.body.scale_unit)?.optional_service)?.custom_location === name);
  return setting ? resolve(setting.body.stack_hci_cluster_id)[0] : undefined;
}

/**
 * A node for something the stack references but does not create: `${var.x}` or a literal Azure
 * resource id (a spoke network, an ExpressRoute circuit).
 */
/** The circuit a circuit peering id belongs to: one of the configuration, or an external node for an id of elsewhere. */
function circuitsOfPeering(g: Graph, id: unknown): string[] {
  const peering = g.resolve(id)[0];
  return peering?.startsWith('azurerm_express_route_circuit_peering.')
    ? g.resolve(g.byAddress.get(peering)?.body.express_route_circuit_name)
    : [external(g, id, 'ExpressRoute circuit', 'provider')].filter((a): a is string => a !== undefined);
}

function external(g: Graph, value: unknown, kind: string, zone: Zone): string | undefined {
  if (typeof value !== 'string') return undefined;
  const variable = /^\$\{var\.([A-Za-z0-9_-]+)\}/.exec(value);
  const literal = /\/providers\/[^/]+\/[^/]+\/([^/${}]+)/.exec(value);
  if (variable) return g.addNode({ id: `var.${variable[1]}`, kind, detail: [`var.${variable[1]}`], zone });
  if (literal && !value.includes('${')) return g.addNode({ id: `external.${literal[1]}`, kind, detail: [literal[1]], zone });
  return undefined;
}

/** Azure Local: machines and logical networks inside their instance; the instance and bridges talk to Azure Arc. */
function drawAzureLocal(g: Graph): void {
  for (const setting of g.of('azurerm_stack_hci_deployment_setting')) {
    const cluster = g.resolve(setting.body.stack_hci_cluster_id)[0];
    for (const node of asList(one(setting.body.scale_unit)?.physical_node)) {
      if (typeof node?.name !== 'string') continue;
      g.addNode({ id: `machine.${node.name}`, kind: 'Azure Local machine', detail: [node.name, node.ipv4_address].filter((d) => typeof d === 'string' && !d.includes('${')), zone: 'on-premises', vnet: cluster });
    }
  }
  const clusters = g.of('azurerm_stack_hci_cluster');
  const bridges = g.of('azurerm_arc_resource_bridge_appliance');
  if (clusters.length + bridges.length === 0) return;
  g.addNode({ id: AZURE_ARC, kind: 'Azure Arc', detail: ['Azure Resource Manager'], zone: 'azure' });
  for (const c of clusters) g.addResourceEdge(c.body, c.address, AZURE_ARC, 'Arc, outbound HTTPS 443', 'link');
  for (const b of bridges) g.addResourceEdge(b.body, b.address, AZURE_ARC, 'resource bridge, outbound HTTPS 443', 'link');
  // A VMM server is reached through the bridge it names (its precondition reads the bridge), or the only SCVMM bridge.
  const scvmm = bridges.filter((b) => b.body.infrastructure_provider === 'SCVMM');
  for (const vmm of g.of('azurerm_system_center_virtual_machine_manager_server')) {
    const named = bridges.filter((b) => JSON.stringify(vmm.body).includes(`${b.address}.`));
    for (const b of named.length > 0 ? named : scvmm.length === 1 ? scvmm : []) g.addResourceEdge(vmm.body, b.address, vmm.address, `VMM, port ${vmm.body.port ?? 8100}`, 'link');
  }
}

/**
 * Hybrid DNS: on-premises DNS forwards to the resolver's inbound endpoint; the resolver answers from
 * the zones linked to its network and forwards on-premises domains back; a zone holds the record
 * of each private endpoint whose zone group names it.
 */
function drawHybridDns(g: Graph): void {
  const inbound = g.of('azurerm_private_dns_resolver_inbound_endpoint');
  const rules = g.of('azurerm_private_dns_resolver_forwarding_rule');
  if (inbound.length + rules.length > 0) {
    const targets = [...new Set(rules.flatMap((r) => asList(r.body.target_dns_servers).map((t) => t?.ip_address)))].filter((ip) => typeof ip === 'string' && !ip.includes('${'));
    g.addNode({ id: ON_PREMISES_DNS, kind: 'On-premises DNS servers', detail: targets.length > 0 ? targets : ['conditional forwarders'], zone: 'on-premises' });
  }
  for (const e of inbound) {
    for (const resolver of g.resolve(e.body.private_dns_resolver_id)) g.addResourceEdge(e.body, ON_PREMISES_DNS, resolver, `conditional forwarding to ${inboundIp(e.body) ?? 'inbound endpoint'}`, 'ref');
  }
  const domainsByResolver = new Map<string, string[]>();
  for (const rule of rules) {
    const rulesets = g.resolve(rule.body.dns_forwarding_ruleset_id).map((a) => g.byAddress.get(a)).filter((r): r is Resource => r !== undefined);
    const outbound = rulesets.flatMap((rs) => g.resolve(rs.body.private_dns_resolver_outbound_endpoint_ids));
    const resolvers = outbound.flatMap((o) => g.resolve(g.byAddress.get(o)?.body.private_dns_resolver_id));
    for (const resolver of resolvers) domainsByResolver.set(resolver, [...(domainsByResolver.get(resolver) ?? []), String(rule.body.domain_name)]);
  }
  for (const [resolver, domains] of domainsByResolver) g.addEdge(resolver, ON_PREMISES_DNS, `forwards ${[...new Set(domains)].join(', ')}`, 'ref');
  for (const resolver of g.of('azurerm_private_dns_resolver')) {
    const vnets = g.resolve(resolver.body.virtual_network_id);
    for (const link of g.of('azurerm_private_dns_zone_virtual_network_link')) {
      if (!g.resolve(link.body.virtual_network_id).some((v) => vnets.includes(v))) continue;
      for (const zone of g.resolve(link.body.private_dns_zone_name)) g.addResourceEdge(link.body, resolver.address, zone, 'resolves (zone linked)', 'ref');
    }
  }
  for (const pe of g.of('azurerm_private_endpoint')) {
    for (const zone of g.resolve(pe.body.private_dns_zone_group)) g.addResourceEdge(pe.body, zone, pe.address, 'A record (zone group)', 'ref');
  }
}

/** Virtual WAN: hubs of a Standard WAN meshed, circuits, remote users and spokes connected to hubs, routing intent to its next hop. */
function drawVirtualWan(g: Graph): void {
  const hubsByWan = new Map<string, string[]>();
  for (const hub of g.of('azurerm_virtual_hub')) {
    for (const wan of g.resolve(hub.body.virtual_wan_id)) hubsByWan.set(wan, [...(hubsByWan.get(wan) ?? []), hub.address]);
  }
  // A Basic WAN does not transit between hubs (Standard only: "Inter-hub ... transiting through the virtual hub").
  for (const [wan, hubs] of hubsByWan) {
    if (g.byAddress.get(wan)?.body.type === 'Basic') continue;
    for (let i = 0; i < hubs.length; i++) for (let j = i + 1; j < hubs.length; j++) g.addEdge(hubs[i], hubs[j], 'hub-to-hub', 'link');
  }
  for (const c of g.of('azurerm_express_route_connection')) {
    const circuits = circuitsOfPeering(g, c.body.express_route_circuit_peering_id);
    for (const gateway of g.resolve(c.body.express_route_gateway_id)) for (const circuit of circuits) g.addResourceEdge(c.body, gateway, circuit, 'ExpressRoute', 'link');
  }
  for (const p2s of g.of('azurerm_point_to_site_vpn_gateway')) {
    const server = g.byAddress.get(g.resolve(p2s.body.vpn_server_configuration_id)[0] ?? '')?.body ?? {};
    const auth = asList(server.vpn_authentication_types).map((a) => (a === 'AAD' ? 'Entra ID' : String(a)));
    const users = g.addNode({ id: `remote-users.${p2s.name}`, kind: 'Remote users (VPN client)', detail: [list(auth)].filter((d): d is string => d !== undefined), zone: 'on-premises' });
    g.addResourceEdge(p2s.body, users, p2s.address, `User VPN${list(server.vpn_protocols) ? ` (${list(server.vpn_protocols)})` : ''}`, 'link');
  }
  for (const c of g.of('azurerm_virtual_hub_connection')) {
    const spokes = g.resolve(c.body.remote_virtual_network_id);
    if (spokes.length === 0) spokes.push(...[external(g, c.body.remote_virtual_network_id, 'Virtual network', 'azure')].filter((a): a is string => a !== undefined));
    for (const hub of g.resolve(c.body.virtual_hub_id)) for (const spoke of spokes) g.addResourceEdge(c.body, hub, spoke, 'hub connection', 'link');
  }
  for (const intent of g.of('azurerm_virtual_hub_routing_intent')) {
    const destinationsByHop = new Map<string, string[]>();
    for (const policy of asList(intent.body.routing_policy)) {
      for (const hop of g.resolve(policy?.next_hop)) destinationsByHop.set(hop, [...(destinationsByHop.get(hop) ?? []), ...asList(policy.destinations).map(String)]);
    }
    for (const [hop, destinations] of destinationsByHop) g.addEdge(intent.address, hop, `next hop for ${destinations.join(', ')}`, 'ref');
  }
}

/** Route tables whose routes lead to a firewall: the subnet's network (or the GatewaySubnet's gateway) goes "via firewall". */
function drawFirewallRoutes(g: Graph): void {
  for (const association of g.of('azurerm_subnet_route_table_association')) {
    const table = g.byAddress.get(g.resolve(association.body.route_table_id)[0] ?? '');
    const subnet = g.resolve(association.body.subnet_id)[0];
    if (!table || !subnet) continue;
    const separate = g.of('azurerm_route').filter((r) => g.resolve(r.body.route_table_name).includes(table.address) || (r.body.route_table_name === table.body.name && typeof table.body.name === 'string'));
    const prefixesByFirewall = new Map<string, string[]>();
    for (const route of [...asList(table.body.route), ...separate.map((r) => r.body)]) {
      for (const hop of g.resolve(route?.next_hop_in_ip_address).filter((a) => a.startsWith('azurerm_firewall.'))) {
        prefixesByFirewall.set(hop, [...(prefixesByFirewall.get(hop) ?? []), String(route.address_prefix)]);
      }
    }
    const isGatewaySubnet = g.byAddress.get(subnet)?.body.name === 'GatewaySubnet';
    const from = isGatewaySubnet
      ? g.of('azurerm_virtual_network_gateway').filter((gw) => g.resolve(gw.body.ip_configuration).includes(subnet)).map((gw) => gw.address)
      : [g.subnetVnet.get(subnet)].filter((v): v is string => v !== undefined);
    for (const [firewall, prefixes] of prefixesByFirewall) for (const f of from) g.addEdge(f, firewall, `via firewall: ${prefixes.join(', ')}`, 'link');
  }
}

/**
 * The node of the file share an attribute pair names (a backup item, a cloud endpoint): the share
 * the name refers to, else the share of that literal name in that account, else the account.
 */
function shareNodes(g: Graph, name: unknown, account: unknown): string[] {
  const referred = g.resolve(name).filter((a) => a.startsWith('azurerm_storage_share.'));
  if (referred.length > 0) return referred;
  const accounts = g.resolve(account);
  const named = typeof name === 'string' && !name.includes('${')
    ? g.of('azurerm_storage_share').filter((s) => s.body.name === name && g.resolve(s.body.storage_account_id ?? s.body.storage_account_name).some((a) => accounts.includes(a))).map((s) => s.address)
    : [];
  return named.length > 0 ? named : accounts;
}

/**
 * A value as a diagram shows it: literal text as it is, and each Terraform expression `${...}` in
 * it readable: a reference to an attribute of a resource of the same configuration with a literal
 * value is that value (a share's `name` is `finance`); another reference names the resource (its
 * literal name, else its logical name without the hash: `principal_id of rsv-backup`); `var.x` and
 * `local.x` stay; a value of another stack is `from stack <name>`; anything else is `(computed)`.
 */
export function readable(config: any, byAddress: ReadonlyMap<string, { readonly body: Body }>, value: unknown, depth = 0): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return value === undefined || value === null ? '' : '(computed)';
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('${', i);
    if (start < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    const end = expressionEnd(value, start + 2);
    out += readableExpression(config, byAddress, value.slice(start + 2, end), depth);
    i = end + 1;
  }
  return out;
}

/** Index of the `}` closing the expression that starts at `from` (strings and nested braces skipped). */
function expressionEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return text.length;
}

/** `type.name.attribute[0].nested` or `data.type.name...`: what a reference to an attribute looks like. */
const REF_EXPRESSION = /^(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)((?:\[[0-9]+\]|\.[a-z_][a-z0-9_]*)+)$/;

function readableExpression(config: any, byAddress: ReadonlyMap<string, { readonly body: Body }>, expression: string, depth: number): string {
  const text = expression.trim();
  const local = /^(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  if (local) return `${local[1]}.${local[2]}`;
  const remote = /^data\.terraform_remote_state\.cross-stack-reference-input-([A-Za-z0-9_-]+)\.outputs\./.exec(text);
  if (remote) return `from stack ${remote[1]}`;
  const ref = REF_EXPRESSION.exec(text);
  if (!ref || ref[2] === 'terraform_remote_state' || !ref[4].startsWith('.')) return '(computed)';
  const [, data, type, name, path] = ref;
  const body: Body | undefined = data ? config?.data?.[type]?.[name] : byAddress.get(`${type}.${name}`)?.body;
  // The attribute's value as the configuration has it (blocks are lists of one).
  const steps = [...path.matchAll(/\.([a-z_][a-z0-9_]*)|\[([0-9]+)\]/g)];
  let value: any = body;
  for (const [, attribute, index] of steps) value = attribute !== undefined ? one(value)?.[attribute] : Array.isArray(value) ? value[Number(index)] : value;
  if (depth < 3 && (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length > 0))) {
    const shown = readable(config, byAddress, value, depth + 1);
    if (!shown.includes('(computed)')) return shown;
  }
  const literalName = typeof body?.name === 'string' && !body.name.includes('${') ? body.name : undefined;
  const named = literalName ?? name.replace(/_[0-9A-F]{8}$/, '');
  const last = steps.filter((s) => s[1] !== undefined).pop()![1];
  return steps.length === 1 && (last === 'name' || last === 'id') ? named : `${last} of ${named}`;
}

function inboundIp(endpoint: Body): string | undefined {
  const ip = one(endpoint.ip_configurations)?.private_ip_address;
  return typeof ip === 'string' && !ip.includes('${') ? ip : undefined;
}

function units(n: unknown): string | undefined {
  return typeof n === 'number' ? `${n} scale unit${n === 1 ? '' : 's'}` : undefined;
}

function asList(value: unknown): any[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function siteLink(link: any): string | undefined {
  if (!link || typeof link !== 'object') return undefined;
  const bgp = one(link.bgp);
  return [`link ${link.name ?? ''}:`, link.ip_address ?? link.fqdn, link.speed_in_mbps ? `${link.speed_in_mbps} Mbps` : undefined, bgp?.asn ? `BGP ASN ${bgp.asn}` : undefined].filter(Boolean).join(' ');
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
