// Token creation stacks: off unless CDK_DEBUG asks for them, as in the AWS CDK.
//
// cdktf records a stack trace of unlimited depth, formatted to text, for every token it
// creates: each attribute reference (`gateway.id`), each nested block of a provider class
// (an L1 resource builds one per block in its constructor), each Lazy. It is kept only to quote
// in the error of a token that later fails to resolve. Measured with bench/synth-profile.js on
// 1,000 sites (3,500 resources): 450 ms of a 3.1 s synth went to capturing and formatting these
// traces, and the construct phase fell from 990 ms to 580 ms without them.
//
// The AWS CDK captures token stack traces only when the CDK_DEBUG environment variable is
// `true` or `1` ("their capture is a rather expensive operation ... users are strongly advised
// to condition capturing stack traces to specific user opt-in": aws/aws-cdk,
// packages/aws-cdk-lib/core/lib/stack-trace.ts), and CDK Terrain, cdktf's maintained fork, added
// a switch for it (CDKTN_DISABLE_CREATION_STACK, cdktn 0.24 lib/tokens/private/stack-trace.js).
// cdktf 0.21 has no switch, so the library replaces cdktf's capture function, once, when its
// first construct checks its props (nothing runs at import time). With CDK_DEBUG set, it leaves
// cdktf alone.

/** What a token's creation stack says instead of the trace (cdktf quotes it in its errors). */
export const STACK_TRACES_OFF: readonly string[] = Object.freeze([
  'creation stack not recorded: set CDK_DEBUG=true to record where each token was created',
]);

let decided = false;

/**
 * cdktf's module that captures the traces, loaded with this module (which only loads it): the
 * same cdktf the program builds its tokens with, since cdktf is a peer dependency. Undefined
 * when a cdktf lays out its internals differently: the traces cost time, not correctness.
 */
const cdktfStackTrace: Record<string, unknown> | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('cdktf/lib/tokens/private/stack-trace');
  } catch {
    return undefined;
  }
})();

/** cdktf 0.21 calls `captureStackTrace` for a token; CDK Terrain calls `captureCreationStack`. */
const CAPTURE_FUNCTIONS = ['captureStackTrace', 'captureCreationStack'];

/** True when CDK_DEBUG asks for stack traces (the AWS CDK's convention: `true` or `1`). */
export function debugModeEnabled(): boolean {
  const value = (process.env.CDK_DEBUG ?? '').trim().toLowerCase();
  return value === 'true' || value === '1';
}

/**
 * Turns off cdktf's token creation stacks for this process, unless CDK_DEBUG is set. Idempotent
 * and cheap after the first call.
 */
export function disableTokenStackTraces(): void {
  if (decided) return;
  decided = true;
  if (debugModeEnabled()) return;
  if (!cdktfStackTrace) return;
  for (const name of CAPTURE_FUNCTIONS) {
    if (typeof cdktfStackTrace[name] === 'function') cdktfStackTrace[name] = () => STACK_TRACES_OFF;
  }
}
