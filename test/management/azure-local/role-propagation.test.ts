import { Testing } from 'cdktf';
import { AzureLocalStack } from '../../../examples/azure-local';

describe('AzureLocalCluster: the deployment waits for its roles to take effect', () => {
  test('a time_sleep after the machine role assignments, behind the same gate, before the deployment setting', () => {
    // GIVEN the example
    const json = JSON.parse(Testing.synth(new AzureLocalStack(Testing.app(), 'azure-local')));
    // THEN one time_sleep after every role assignment
    const sleeps = Object.entries<any>(json.resource.time_sleep ?? {});
    expect(sleeps).toHaveLength(1);
    const [sleepName, sleep] = sleeps[0];
    const roles = Object.keys(json.resource.azurerm_role_assignment ?? {});
    expect(roles.length).toBeGreaterThan(0);
    expect(sleep.create_duration).toBe('5m');
    expect([...sleep.depends_on].sort()).toEqual(roles.map((r) => `azurerm_role_assignment.${r}`).sort());
    // behind the machines gate, as the roles are
    expect(sleep.count).toMatch(/^\$\{var\.[a-z0-9_]+_machines_registered \? 1 : 0\}$/);
    // and the deployment setting waits for it
    const [deployment] = Object.values<any>(json.resource.azurerm_stack_hci_deployment_setting);
    expect(deployment.depends_on).toContain(`time_sleep.${sleepName}`);
  });
});
