import { defineRule, RuleLevel, TF } from '../../core/rule';
import { KV_PURGE_PROTECTION } from './kv-purge-protection';

export { KV_PURGE_PROTECTION };

// Key Vault and Relay
// KV-PURGE-PROTECTION: defined with its body check in ./kv-purge-protection.ts
// The rule pack itself
export const CHK_SCHEMA = defineRule({ id: 'CHK-SCHEMA', level: RuleLevel.ERROR, description: 'Synthesized azurerm resources must match the provider schema: known types, known arguments and blocks, required ones given, blocks and attributes not swapped', source: `${TF} (schema from @cdktf/provider-azurerm 14.23.1)` });
export const CHK_RULE_FAILED = defineRule({ id: 'CHK-RULE-FAILED', level: RuleLevel.WARNING, description: 'A rule of the pack could not evaluate a resource (the rule threw); the resource is unchecked for that rule', source: 'library' });
export const CHK_STACK_UNCHECKED = defineRule({ id: 'CHK-STACK-UNCHECKED', level: RuleLevel.ERROR, description: 'HybridChecks.addTo(app) covers the stacks that exist when it is called; a stack created later would go unchecked', source: 'library (cdktf 0.21 runs no aspect added to the App)' });

/** Every rule of this area, for the catalogue (lib/checks/catalogue.ts). */
export const CHECK_RULES = [
  KV_PURGE_PROTECTION,
  CHK_SCHEMA,
  CHK_RULE_FAILED,
  CHK_STACK_UNCHECKED,
] as const;
