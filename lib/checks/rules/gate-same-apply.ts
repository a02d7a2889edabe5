import { AD, defineRule, fails, RuleContext, RuleLevel, RuleVerdict, TF } from '../../core/rule';
import { addressOf, hasCount, ownResource, preconditionMentions } from './helpers';

// `/resourceGroups/<rg>/providers/Microsoft.HybridCompute/machines/<m>`: one match, no nested quantifiers.
const ARC_MACHINE = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.HybridCompute\/machines\/[^/]+$/i;
const RG_REF = /^\$\{azurerm_resource_group\.([A-Za-z0-9_-]+)(?:\[[0-9]+\])?\.name\}$/;

/** What a resource waits for, per type: the resource of this stack it waits on, and what to say. */
type Waits = (body: Record<string, any>, ctx: RuleContext) => RuleVerdict | undefined;

const gated = (what: string, fix: string): RuleVerdict => fails('count', `${what}; nothing holds it back, so the first apply fails. Fix: ${fix}`);
const GATE_FIX = 'put it behind a lifecycle gate (count = var.<gate> ? 1 : 0; LifecycleGate of cdktf-azure-hybrid) and apply it in phase 2';

const circuitOf = (ctx: RuleContext, peeringId: unknown) => {
  const peering = ownResource(ctx, peeringId, 'azurerm_express_route_circuit_peering');
  return peering ? ownResource(ctx, peering.body.express_route_circuit_name, 'azurerm_express_route_circuit') : undefined;
};

/** Does the stack create the machine's resource group (by a literal name or a reference)? */
function createsResourceGroupOf(ctx: RuleContext, machineId: unknown): string | undefined {
  if (typeof machineId !== 'string') return undefined;
  const m = ARC_MACHINE.exec(machineId);
  if (!m) return undefined;
  const ref = RG_REF.exec(m[1]);
  if (ref) return ctx.resourcesOf('azurerm_resource_group').some((r) => r.name === ref[1]) ? `azurerm_resource_group.${ref[1]}` : undefined;
  const rg = ctx.resourcesOf('azurerm_resource_group').find((r) => typeof r.body.name === 'string' && r.body.name.toLowerCase() === m[1].toLowerCase());
  return rg ? addressOf(rg) : undefined;
}

const WAITS: Record<string, Waits> = {
  azurerm_virtual_network_gateway_connection: (b, ctx) => {
    if (b.type !== 'ExpressRoute') return undefined;
    const circuit = ownResource(ctx, b.express_route_circuit_id, 'azurerm_express_route_circuit');
    if (!circuit || preconditionMentions(b, 'service_provider_provisioning_state')) return undefined;
    return gated(`connects to ${addressOf(circuit)}, created by this stack: Azure refuses the connection until the provider has provisioned the circuit`, `${GATE_FIX}, with a lifecycle precondition on service_provider_provisioning_state == "Provisioned"`);
  },
  azurerm_express_route_circuit_connection: (b, ctx) => {
    const circuit = circuitOf(ctx, b.peering_id) ?? circuitOf(ctx, b.peer_peering_id);
    if (!circuit || preconditionMentions(b, 'service_provider_provisioning_state')) return undefined;
    return gated(`connects the peering of ${addressOf(circuit)}, created by this stack, before the provider has provisioned the circuit`, `${GATE_FIX}, with a lifecycle precondition on service_provider_provisioning_state == "Provisioned"`);
  },
  azurerm_site_recovery_hyperv_replication_policy_association: (b, ctx) => {
    const site = ownResource(ctx, b.hyperv_site_id, 'azurerm_site_recovery_services_vault_hyperv_site');
    return site && gated(`associates a policy with the protection container of ${addressOf(site)}, created by this stack: the container appears only when a Hyper-V host registers, after this apply`, GATE_FIX);
  },
  azurerm_site_recovery_vmware_replicated_vm: (b, ctx) => {
    const vault = ownResource(ctx, b.recovery_vault_id, 'azurerm_recovery_services_vault');
    return vault && gated(`replicates through an appliance registered to ${addressOf(vault)}, created by this stack: no appliance, VMware site or discovered machine exists before this apply`, GATE_FIX);
  },
  azurerm_arc_kubernetes_cluster_extension: (b, ctx) => arcCluster(b, ctx, 'an extension'),
  azurerm_arc_kubernetes_flux_configuration: (b, ctx) => arcCluster(b, ctx, 'a Flux configuration'),
  azurerm_storage_sync_server_endpoint: (b, ctx) => {
    const group = ownResource(ctx, b.storage_sync_group_id, 'azurerm_storage_sync_group');
    const service = group && ownResource(ctx, group.body.storage_sync_id, 'azurerm_storage_sync');
    return service && gated(`needs a server registered to ${addressOf(service)}, created by this stack: a server can register (agent on premises) only after this apply`, GATE_FIX);
  },
  azurerm_arc_machine_extension: (b, ctx) => arcMachine(b.arc_machine_id, ctx, 'an extension'),
  azurerm_monitor_data_collection_rule_association: (b, ctx) => arcMachine(b.target_resource_id, ctx, 'a data collection rule association'),
};

function arcCluster(b: Record<string, any>, ctx: RuleContext, what: string): RuleVerdict | undefined {
  const cluster = ownResource(ctx, b.cluster_id, 'azurerm_arc_kubernetes_cluster');
  return cluster && gated(`installs ${what} on ${addressOf(cluster)}, created by this stack: it finishes only when the Arc agents on the cluster report back, and they are installed after this apply`, `${GATE_FIX} (a precondition agent_version != "" tells why)`);
}

function arcMachine(machineId: unknown, ctx: RuleContext, what: string): RuleVerdict | undefined {
  const rg = createsResourceGroupOf(ctx, machineId);
  return rg ? gated(`puts ${what} on an Arc machine of resource group ${rg}, created by this stack: the machine can be onboarded only after this apply`, GATE_FIX) : undefined;
}

/** Resources that wait on a step outside Terraform, created in the same apply as what they wait on. */
export const GATE_SAME_APPLY = defineRule({
  id: 'GATE-SAME-APPLY',
  level: RuleLevel.ERROR,
  description: 'A resource that waits on a step outside Terraform (circuit provisioned by the provider, Hyper-V host or VMware appliance registered, Arc agents connected, File Sync server registered, Arc machine onboarded) must not be created in the same apply as the resource that step needs: gate it (count) or, for ExpressRoute connections, add a precondition on the circuit\'s provisioning state',
  source: `${TF} site_recovery_hyperv_replication_policy_association_resource.go:185-197, site_recovery_vmware_replicated_vm_resource.go:342,872-884, arc_kubernetes_cluster_extension_resource.go:236; ${AD} expressroute/expressroute-howto-linkvnet-arm.md (circuit must be provisioned); deploy-review B3-B6`,
  types: Object.keys(WAITS),
  check: (type, body, ctx) => {
    if (hasCount(body)) return 'compliant';
    return WAITS[type]?.(body, ctx) ?? 'not-applicable';
  },
});
