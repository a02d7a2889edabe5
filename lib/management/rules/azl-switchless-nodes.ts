import { allBlocks, firstBlock, fails, RuleLevel, defineRule } from '../../core/rule';

/** Largest instance with switchless storage. */
export const SWITCHLESS_MAX_NODES = 4;

/** Switchless storage (crossover cables) is supported with 1 to 4 machines only. */
export const AZL_SWITCHLESS_NODES = defineRule({
  id: 'AZL-SWITCHLESS-NODES',
  level: RuleLevel.ERROR,
  description: 'Switchless storage (machines cabled directly to each other) is supported with 1 to 4 machines; 5 to 16 machines need a network switch for storage',
  source: 'MicrosoftDocs/azure-stack-docs azure-local/deploy/deployment-introduction.md: "Five to 16 machines - with no network switch for storage|Not supported|Not supported"',
  types: ['azurerm_stack_hci_deployment_setting'],
  check: (_type, body) => {
    const unit = firstBlock(body.scale_unit);
    const network = firstBlock(unit?.host_network);
    if (!unit || network?.storage_connectivity_switchless_enabled !== true) return 'compliant';
    const nodes = allBlocks(unit.physical_node).length;
    return nodes <= SWITCHLESS_MAX_NODES
      ? 'compliant'
      : fails('scale_unit.host_network.storage_connectivity_switchless_enabled', `switchless storage with ${nodes} machines: supported up to ${SWITCHLESS_MAX_NODES}. Fix: cable storage through a switch (storage_connectivity_switchless_enabled = false)`);
  },
});
