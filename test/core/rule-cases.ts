// Pack cases of the core rules with a body check (read by test/checks/rules.test.ts).
const vmm = (password: string) => ({ name: 'vmm', fqdn: 'vmm.corp.contoso.com', username: 'u', password, custom_location_id: 'cl' });

export const RULE_CASES: [string, string, Record<string, any>, Record<string, any>, string | undefined][] = [
  // A typo is refused with the nearest region; a display name is a region to Azure (the constructs ask for the canonical name, the pack does not).
  ['NET-REGION', 'azurerm_resource_group', { location: 'westeurop' }, { location: 'West Europe' }, 'location'],
  ['SECRET-LITERAL', 'azurerm_system_center_virtual_machine_manager_server', vmm('${lower("Hunter2")}'), vmm('${var.vmm_password}'), 'password'],
];
