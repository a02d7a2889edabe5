import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ValidationError } from '../lib/core/errors';

/** A stack with the azurerm provider, ready for constructs (GIVEN). */
export function newStack(id = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes a stack (running validations) and returns the parsed Terraform JSON. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** All resources of one Terraform type in the synthesized JSON, as a list of bodies. */
export function resourcesOf(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of a type; fails when there is not exactly one. */
export function onlyResource(json: any, type: string): any {
  const list = resourcesOf(json, type);
  if (list.length !== 1) throw new Error(`expected one ${type}, found ${list.length}`);
  return list[0];
}

/**
 * Runs `build` and asserts it throws the library's ValidationError with a problem naming the
 * rule, the prop and (if given) the value; returns the error for further checks.
 */
export function expectValidationError(build: () => unknown, ruleId: string, prop: string, value?: unknown): ValidationError {
  let caught: unknown;
  try {
    build();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof ValidationError)) {
    throw new Error(`expected ValidationError ${ruleId}, got ${caught === undefined ? 'no error' : String(caught)}`);
  }
  const problem = caught.problems.find((p) => p.ruleId === ruleId && p.prop === prop);
  if (!problem) {
    throw new Error(`expected a ${ruleId} problem on \`${prop}\`, got:\n${caught.message}`);
  }
  expect(caught.message).toContain(`[${ruleId}]`);
  expect(caught.message).toContain(`\`${prop}\``);
  if (value !== undefined) {
    // Long values are cut at 200 characters in messages (a hostile value cannot flood them).
    const text = JSON.stringify(value);
    expect(problem.value).toBe(text.length > 200 ? `${text.slice(0, 200)}... (${text.length} characters)` : text);
  }
  expect(problem.fix.length).toBeGreaterThan(0);
  expect(problem.constructPath.length).toBeGreaterThan(0);
  return caught;
}

/** Synthesizes with validations and returns the validation error messages (empty when valid). */
export function validationErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
    return [];
  } catch (e) {
    return String((e as Error).message).split('\n').filter((l) => /\[[A-Z0-9-]+\]/.test(l));
  }
}

/**
 * Synthesizes (running aspects, so synth-time warnings are decided) and returns the annotations
 * of the stack's tree: `[level, path, message]`, level 'warning' | 'error' | 'info'.
 */
export function annotationsAfterSynth(stack: TerraformStack): [string, string, string][] {
  try {
    Testing.synth(stack, false);
  } catch {
    // error annotations make synth throw; they are read below
  }
  const level: Record<string, string> = { '@cdktf/warn': 'warning', '@cdktf/error': 'error', '@cdktf/info': 'info' };
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => level[m.type]).map((m) => [level[m.type], c.node.path, String(m.data)] as [string, string, string]));
}

/** The warning messages of a stack after synth. */
export function warningsAfterSynth(stack: TerraformStack): string[] {
  return annotationsAfterSynth(stack).filter(([l]) => l === 'warning').map(([, , m]) => m);
}
