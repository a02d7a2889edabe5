import { TerraformStack } from 'cdktf';
import { annotationsAfterSynth, validationErrors } from '../util';

/** Errors a stack reports at synth: validations, then synth-time rule findings (reportAtSynth / checkFinalBody). */
export function errorsAfterSynth(stack: TerraformStack): string[] {
  const thrown = validationErrors(stack);
  if (thrown.length > 0) return thrown;
  return annotationsAfterSynth(stack).filter(([level]) => level === 'error').map(([, , message]) => message);
}
