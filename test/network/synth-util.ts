import { TerraformStack } from 'cdktf';
import { HubNetwork } from '../../lib';
import { annotationsAfterSynth, newStack, validationErrors } from '../util';

/** Errors a stack reports at synth: validations, then synth-time rule findings (reportAtSynth / checkFinalBody). */
export function errorsAfterSynth(stack: TerraformStack): string[] {
  const thrown = validationErrors(stack);
  const annotated = annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , message]) => message);
  return [...thrown, ...annotated.filter((m) => !thrown.some((t) => t.includes(m)))];
}

/**
 * The resources of a type that Terraform creates when the stack's gates have the given values
 * (phase 1: every gate at its default, false; phase 2: `{ <gate>: true }`). A gated resource has
 * `count = "${var.<gate> ? 1 : 0}"`; any other count is refused here so the test notices it.
 */
export function resourcesWithGates(json: any, type: string, gates: Record<string, boolean> = {}): any[] {
  return Object.values(json.resource?.[type] ?? {}).filter((r: any) => {
    if (r.count === undefined) return true;
    const m = /^\$\{var\.([a-z0-9_]+) \? 1 : 0\}$/.exec(String(r.count));
    if (!m) throw new Error(`unexpected count ${JSON.stringify(r.count)}`);
    const open = gates[m[1]] ?? json.variable?.[m[1]]?.default;
    if (typeof open !== 'boolean') throw new Error(`count refers to var.${m[1]}, which is not a bool variable of the stack`);
    return open;
  });
}

/** GIVEN: a stack with a 10.0.0.0/16 hub in westeurope (resource group `rg`). */
export function hubStack(): { stack: TerraformStack; hub: HubNetwork } {
  const stack = newStack();
  const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] });
  return { stack, hub };
}
