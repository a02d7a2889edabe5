import { defineRule, RuleLevel, TF } from '../../core/rule';
import { DIAG_STORAGE_ALLMETRICS } from './diag-storage-allmetrics';
import { GATE_SAME_APPLY } from './gate-same-apply';
import { KV_PURGE_PROTECTION } from './kv-purge-protection';
import { NET_GATEWAY_PER_VNET } from './net-gateway-per-vnet';
import { NET_PEERING_TRANSIT_ORDER } from './net-peering-transit-order';
import { PLACEHOLDER_SUBSCRIPTION } from './placeholder-subscription';
import { REF_LITERAL_NAME } from './ref-literal-name';
import { STG_DATA_PLANE } from './stg-data-plane';

export { KV_PURGE_PROTECTION, GATE_SAME_APPLY, NET_PEERING_TRANSIT_ORDER, DIAG_STORAGE_ALLMETRICS, STG_DATA_PLANE, REF_LITERAL_NAME, PLACEHOLDER_SUBSCRIPTION, NET_GATEWAY_PER_VNET };

// Key Vault and Relay
// KV-PURGE-PROTECTION: defined with its body check in ./kv-purge-protection.ts
// Pack-only rules over the whole synthesized stack (one file each): deploy-review B1-B8 classes
// GATE-SAME-APPLY, NET-PEERING-TRANSIT-ORDER, DIAG-STORAGE-ALLMETRICS, STG-DATA-PLANE, REF-LITERAL-NAME,
// PLACEHOLDER-SUBSCRIPTION (NET-GATEWAY-PER-VNET now lives in lib/network/rules, re-exported here); (a shared VMware vault is ASR-VMW-VAULT-EXCLUSIVE, lib/resiliency)
// The rule pack itself
export const CHK_SCHEMA = defineRule({ id: 'CHK-SCHEMA', level: RuleLevel.ERROR, description: 'Synthesized azurerm resources must match the provider schema: known types, known arguments and blocks, required ones given, blocks and attributes not swapped', source: `${TF} (schema from @cdktf/provider-azurerm 14.23.1)` });
export const CHK_RULE_FAILED = defineRule({ id: 'CHK-RULE-FAILED', level: RuleLevel.WARNING, description: 'A rule of the pack could not evaluate a resource (the rule threw); the resource is unchecked for that rule', source: 'library' });
export const CHK_STACK_UNCHECKED = defineRule({ id: 'CHK-STACK-UNCHECKED', level: RuleLevel.ERROR, description: 'HybridChecks.addTo(app) covers the stacks that exist when it is called; a stack created later would go unchecked', source: 'library (cdktf 0.21 runs no aspect added to the App)' });

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const CHECK_RULES = [
  KV_PURGE_PROTECTION,
  GATE_SAME_APPLY,
  NET_PEERING_TRANSIT_ORDER,
  DIAG_STORAGE_ALLMETRICS,
  STG_DATA_PLANE,
  REF_LITERAL_NAME,
  PLACEHOLDER_SUBSCRIPTION,
  CHK_SCHEMA,
  CHK_RULE_FAILED,
  CHK_STACK_UNCHECKED,
] as const;
