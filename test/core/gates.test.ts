// LifecycleGate across stacks: a resource of another stack waits behind a gate of its own stack
// (a stack opens only its own variables; one read through remote state would not open with it).
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { LifecycleGate } from '../../lib';
import { synthJson } from '../util';

const step = { waitsFor: 'the hosts are registered', performedBy: 'the Hyper-V team', verify: 'az ... # Registered' };

function twoStacks(other = 'workloads'): { app: App; a: TerraformStack; b: TerraformStack } {
  const app = Testing.app();
  const b = new TerraformStack(app, other);
  new AzurermProvider(b, 'azurerm', { features: [{}] });
  return { app, a: new TerraformStack(app, 'connectivity'), b };
}

test('in its own stack a gate is itself', () => {
  const { a } = twoStacks();
  const gate = LifecycleGate.of(a, 'hosts_registered', step);
  expect(gate.inStackOf(a)).toBe(gate);
  expect(gate.twinsInOtherStacks()).toEqual([]);
});

test('guard() puts a resource of another stack behind that stack’s twin of the gate', () => {
  const { a, b } = twoStacks();
  const gate = LifecycleGate.of(a, 'hosts_registered', step);
  const rg = new ResourceGroup(b, 'Rg', { name: 'rg', location: 'westeurope' });
  gate.guard(rg);
  const twin = gate.inStackOf(b);
  expect(twin).not.toBe(gate);
  expect(twin.name).toBe('connectivity_hosts_registered');
  expect([twin.waitsFor, twin.performedBy, twin.verify]).toEqual([step.waitsFor, step.performedBy, step.verify]);
  expect(twin.isGuarding(rg)).toBe(true);
  expect(gate.isGuarding(rg)).toBe(false);
  const json = synthJson(b);
  expect(Object.values<any>(json.resource.azurerm_resource_group)[0].count).toBe('${var.connectivity_hosts_registered ? 1 : 0}');
  expect(json.variable.connectivity_hosts_registered).toMatchObject({ type: 'bool', default: false });
  expect(gate.twinsInOtherStacks()).toEqual([{ name: 'connectivity_hosts_registered', command: "cdktf deploy workloads --var='connectivity_hosts_registered=true'" }]);
  // One twin per stack, however many resources it guards there.
  gate.guard(new ResourceGroup(b, 'Rg2', { name: 'rg2', location: 'westeurope' }));
  expect(LifecycleGate.allOf(b)).toHaveLength(1);
  expect(gate.twinsInOtherStacks()).toHaveLength(1);
});

test.each([
  ['site-to-site-vpn', 'gate', 'site_to_site_vpn_gate'],
  ['2nd-Region', 'gate', 'nd_region_gate'],
  ['123', 'gate', 'stack_gate'],
  ['a'.repeat(80), 'circuit_provisioned', `${'a'.repeat(43)}_circuit_provisioned`],
])('the twin of a gate of stack %p is a valid variable name', (stackId, gateName, twinName) => {
  const app = Testing.app();
  const owner = new TerraformStack(app, stackId);
  const other = new TerraformStack(app, 'other');
  const twin = LifecycleGate.of(owner, gateName, step).inStackOf(other);
  expect(twin.name).toBe(twinName);
  expect(twin.name).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
});
