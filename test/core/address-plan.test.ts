import { TerraformVariable } from 'cdktf';
import { AddressPlan } from '../../lib/core/address-plan';
import { ProblemCollector } from '../../lib/core/errors';
import { newStack } from '../util';

describe('AddressPlan', () => {
  test('is one plan per stack', () => {
    const a = newStack('a');
    const b = newStack('b');
    expect(AddressPlan.of(a)).toBe(AddressPlan.of(a));
    expect(AddressPlan.of(a)).not.toBe(AddressPlan.of(b));
  });

  test('records claims in order, with their owners', () => {
    // GIVEN
    const stack = newStack();
    const problems = new ProblemCollector('test');
    // WHEN
    AddressPlan.of(stack).claim(problems, 'addressSpace', ['10.0.0.0/16'], 'hub');
    AddressPlan.of(stack).claim(problems, 'addressSpaces', ['192.168.0.0/24', '192.168.1.0/24'], 'site');
    // THEN
    expect(problems.count).toBe(0);
    expect(AddressPlan.of(stack).list()).toEqual([
      { cidr: '10.0.0.0/16', owner: 'hub' },
      { cidr: '192.168.0.0/24', owner: 'site' },
      { cidr: '192.168.1.0/24', owner: 'site' },
    ]);
  });

  test('fails when a range overlaps an earlier claim, naming both ranges', () => {
    // GIVEN
    const stack = newStack();
    const plan = AddressPlan.of(stack);
    plan.claim(new ProblemCollector('test'), 'addressSpace', ['10.0.0.0/16'], 'hub');
    const problems = new ProblemCollector('test/site');
    // WHEN
    plan.claim(problems, 'addressSpaces', ['10.0.4.0/24', '172.16.0.0/12'], 'site');
    // THEN
    expect(problems.count).toBe(1);
    expect(() => problems.throwIfAny()).toThrow(/\[NET-ADDRESS-OVERLAP\] test\/site: `addressSpaces` = "10\.0\.4\.0\/24": 10\.0\.4\.0\/24 \(site\) overlaps 10\.0\.0\.0\/16 \(hub\)/);
    // the clashing range is not claimed; the other one is
    expect(plan.list().map((c) => c.cidr)).toEqual(['10.0.0.0/16', '172.16.0.0/12']);
  });

  test('fails when ranges of one list overlap each other', () => {
    const problems = new ProblemCollector('test');
    AddressPlan.of(newStack()).claim(problems, 'addressSpace', ['10.0.0.0/16', '10.0.128.0/17'], 'hub');
    expect(() => problems.throwIfAny()).toThrow(/10\.0\.128\.0\/17 \(hub\) overlaps 10\.0\.0\.0\/16 \(hub\)/);
  });

  test('skips tokens and invalid values', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'space', { type: 'string' });
    const problems = new ProblemCollector('test');
    AddressPlan.of(stack).claim(problems, 'addressSpace', [variable.stringValue, 'not-a-cidr', '10.0.0.0/8'], 'hub');
    AddressPlan.of(stack).claim(problems, 'addressSpace', [variable.stringValue], 'other');
    expect(problems.count).toBe(0);
    expect(AddressPlan.of(stack).list()).toEqual([{ cidr: '10.0.0.0/8', owner: 'hub' }]);
  });
});
