// Pack cases of the management area's rules with a body check (read by test/checks/rules.test.ts).
const node = (n: number) => ({ name: `N${n}`, ipv4_address: `192.168.1.${10 + n}` });
const unit = (nodes: number, switchless: boolean) => ({ scale_unit: [{ host_network: { storage_connectivity_switchless_enabled: switchless }, physical_node: Array.from({ length: nodes }, (_v, i) => node(i)) }] });

export const RULE_CASES: [string, string, Record<string, any>, Record<string, any>, string | undefined][] = [
  ['AZL-SWITCHLESS-NODES', 'azurerm_stack_hci_deployment_setting', unit(5, true), unit(4, true), 'scale_unit.host_network.storage_connectivity_switchless_enabled'],
];
