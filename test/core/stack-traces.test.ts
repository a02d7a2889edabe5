// Token creation stacks (lib/core/stack-traces.ts): the library turns off cdktf's costly trace
// of every token once its first construct is built, unless CDK_DEBUG asks for them.
//
// test/jest-setup.js turns the traces off for the whole suite; each case here loads a fresh
// copy of cdktf and the library (jest.isolateModules), where cdktf still records them.

type Loaded = { cdktf: typeof import('cdktf'); lib: typeof import('../../lib') };

const debugBefore = process.env.CDK_DEBUG;
afterEach(() => {
  if (debugBefore === undefined) delete process.env.CDK_DEBUG;
  else process.env.CDK_DEBUG = debugBefore;
});

/** A fresh cdktf and library, with CDK_DEBUG set as given for the rest of the case. */
function load(debug: string | undefined): Loaded {
  if (debug === undefined) delete process.env.CDK_DEBUG;
  else process.env.CDK_DEBUG = debug;
  let loaded: Loaded | undefined;
  jest.isolateModules(() => {
    loaded = { cdktf: require('cdktf'), lib: require('../../lib') };
  });
  return loaded!;
}

/** The creation stack cdktf recorded for a new token of this copy of cdktf. */
function creationStackOfNewToken({ cdktf }: Loaded): string[] {
  const token = cdktf.Lazy.stringValue({ produce: () => 'x' });
  return [...(cdktf.Tokenization.reverseString(token).firstToken!.creationStack ?? [])];
}

function buildHub({ cdktf, lib }: Loaded): void {
  const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 'stack');
  new lib.HubNetwork(stack, 'Hub', { resourceGroupName: 'rg-hub', location: 'westeurope', addressSpace: ['10.0.0.0/22'] });
}

const traced = (frames: string[]) => frames.length > 0 && !frames[0].startsWith('creation stack not recorded');

test('cdktf records token stacks until the first construct of the library, then no more', () => {
  const loaded = load(undefined);
  expect(traced(creationStackOfNewToken(loaded))).toBe(true);
  buildHub(loaded);
  expect(creationStackOfNewToken(loaded)).toEqual(['creation stack not recorded: set CDK_DEBUG=true to record where each token was created']);

  // An unresolvable token's error then says how to get its creation stack.
  const { cdktf } = loaded;
  const stack = new cdktf.TerraformStack(cdktf.Testing.app(), 'other');
  const broken = cdktf.Lazy.stringValue({
    produce: () => {
      throw new Error('boom');
    },
  });
  new cdktf.TerraformOutput(stack, 'broken', { value: broken });
  expect(() => cdktf.Testing.synth(stack)).toThrow(/Resolution error: boom\.\nObject creation stack:\n {2}at creation stack not recorded: set CDK_DEBUG=true/);
});

test('CDK_DEBUG=1 keeps the token stacks', () => {
  const loaded = load('1');
  buildHub(loaded);
  expect(traced(creationStackOfNewToken(loaded))).toBe(true);
});

test.each([
  ['true', true],
  ['1', true],
  ['TRUE', true],
  [' 1 ', true],
  ['false', false],
  ['0', false],
  ['yes', false],
  ['', false],
  [undefined, false],
])('CDK_DEBUG=%p is debug mode: %p', (value, expected) => {
  const { debugModeEnabled } = require('../../lib/core/stack-traces');
  if (value === undefined) delete process.env.CDK_DEBUG;
  else process.env.CDK_DEBUG = value;
  expect(debugModeEnabled()).toBe(expected);
});
