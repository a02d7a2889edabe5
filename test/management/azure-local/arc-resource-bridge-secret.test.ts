import { Fn, TerraformVariable } from 'cdktf';
import { ArcResourceBridge, ResourceBridgeInfrastructure } from '../../../lib';
import { annotationsAfterSynth, newStack } from '../../util';

const CL = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ExtendedLocation/customLocations/cl';

describe('ArcResourceBridge VMM password (fuzz review: secrets smuggled past the literal check)', () => {
  test.each([
    ['Fn.lower of a literal', () => Fn.lower('Hunter2Hunter2')],
    ['a literal glued to a variable', (v: string) => `Hunter2${v}`],
  ])('%s fails synth with SECRET-LITERAL, without printing the password', (_name, password) => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'p', { type: 'string', sensitive: true }).stringValue;
    new ArcResourceBridge(stack, 'Bridge', {
      resourceGroupName: 'rg', location: 'westeurope', name: 'arb', infrastructure: ResourceBridgeInfrastructure.SCVMM,
      vmmServer: { name: 'vmm', fqdn: 'vmm.corp.contoso.com', username: 'u', password: (password as (v: string) => string)(v), customLocationId: CL },
    } as any);
    const errors = annotationsAfterSynth(stack).filter(([l]) => l === 'error').map(([, , m]) => m);
    expect(errors).toEqual([expect.stringMatching(/^\[SECRET-LITERAL\] test\/Bridge: `password` = \(literal, \d+ characters\)/)]);
    expect(errors.join('\n')).not.toContain('Hunter2');
  });

  test('an escape-hatch override of the password is caught too', () => {
    const stack = newStack();
    const v = new TerraformVariable(stack, 'p', { type: 'string', sensitive: true }).stringValue;
    const bridge = new ArcResourceBridge(stack, 'Bridge', {
      resourceGroupName: 'rg', location: 'westeurope', name: 'arb', infrastructure: ResourceBridgeInfrastructure.SCVMM,
      vmmServer: { name: 'vmm', fqdn: 'vmm.corp.contoso.com', username: 'u', password: v, customLocationId: CL },
    } as any);
    bridge.node.findAll().filter((n: any) => n.terraformResourceType === 'azurerm_system_center_virtual_machine_manager_server').forEach((n: any) => n.addOverride('password', 'Hunter2Hunter2'));
    expect(annotationsAfterSynth(stack).filter(([l, , m]) => l === 'error' && m.startsWith('[SECRET-LITERAL]'))).toHaveLength(1);
  });
});
