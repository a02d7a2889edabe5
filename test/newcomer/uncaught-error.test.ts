import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HubNetwork, ValidationErrors } from '../../lib';
import { ValidationError } from '../../lib/core/errors';
import { newStack } from '../util';

// Newcomer review N-F24: a program that does not catch the library's ValidationError got Node's
// dump of it: the message, the stack, then every field again (`problems: [ ... ]`, `ruleId`,
// `constructPath`, `prop`, `value`, `fix`). Node's printer of an uncaught exception ignores
// `util.inspect.custom`, so only a real child process shows what the user sees.

const REPO = path.resolve(__dirname, '..', '..');
const LIB = path.join(REPO, 'lib');

/** Runs a plain JavaScript program the way a user runs it (`node app.js`), with the library's TypeScript loaded by swc. */
function runProgram(body: string): { status: number | null; stderr: string; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uncaught-'));
  const file = path.join(dir, 'app.js');
  const header = [
    `const { App, TerraformStack } = require(${JSON.stringify(require.resolve('cdktf'))});`,
    `const lib = require(${JSON.stringify(LIB)});`,
    `const app = new App({ outdir: ${JSON.stringify(path.join(dir, 'cdktf.out'))} });`,
    "const stack = new TerraformStack(app, 'hub');",
  ];
  fs.writeFileSync(file, [...header, body, 'app.synth();', ''].join('\n'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS;
  try {
    const run = spawnSync(process.execPath, ['-r', path.join(REPO, 'test', 'swc-register.js'), file], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stderr: run.stderr, stdout: run.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The stack frames Node printed (`    at ...` lines). */
function frames(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\s+at /.test(l));
}

describe('an uncaught ValidationError (N-F24)', () => {
  // One child process (each loads the library's TypeScript, about 2 s): a hub with two problems.
  let run: ReturnType<typeof runProgram>;
  beforeAll(() => {
    run = runProgram("new lib.HubNetwork(stack, 'Hub', { location: 'westeurope', addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28' });");
  });

  test('prints each problem once, not the fields again', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ValidationError: 2 problems:\n');
    expect(run.stderr).toContain('[PROP-REQUIRED] hub/Hub: `resourceGroupName` = undefined');
    expect(run.stderr).toContain(
      '[NET-GWSUBNET-SIZE] hub/Hub: `gatewaySubnetPrefix` = "10.0.0.0/28": GatewaySubnet must be /27 or larger; a /28 is too small for active-active gateways and ExpressRoute coexistence. Fix: use a /26 (recommended) or /27\n',
    );
    for (const id of ['PROP-REQUIRED', 'NET-GWSUBNET-SIZE', '`resourceGroupName` = undefined', 'use a /26 (recommended) or /27']) {
      expect({ id, times: count(run.stderr, id) }).toEqual({ id, times: 1 });
    }
    expect(run.stderr).not.toContain('problems: [');
    expect(run.stderr).not.toMatch(/^\s*(ruleId|constructPath|prop|value|fix|detail|name):/m);
  });

  test('shows a short stack that starts in the program, with no frame inside the library', () => {
    const shown = frames(run.stderr);
    expect(shown[0]).toMatch(/app\.js:5:/);
    expect(shown.filter((l) => l.includes(LIB + path.sep))).toEqual([]);
  });
});

describe('a caught ValidationError keeps its fields for programs', () => {
  function caughtError(): ValidationError {
    try {
      new HubNetwork(newStack('js'), 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28' });
    } catch (e) {
      return e as ValidationError;
    }
    throw new Error('no error');
  }

  test('fields, ValidationErrors and jest matchers read them', () => {
    const error = caughtError();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.name).toBe('ValidationError');
    expect(error.ruleId).toBe('NET-GWSUBNET-SIZE');
    expect(error.constructPath).toBe('js/Hub');
    expect(error.prop).toBe('gatewaySubnetPrefix');
    expect(error.value).toBe('"10.0.0.0/28"');
    expect(error.fix).toBe('use a /26 (recommended) or /27');
    expect(error.problems).toHaveLength(1);
    expect(ValidationErrors.isValidationError(error)).toBe(true);
    expect(ValidationErrors.problemsOf(error)).toEqual(error.problems);
    expect(error).toMatchObject({ ruleId: 'NET-GWSUBNET-SIZE', prop: 'gatewaySubnetPrefix', problems: [{ ruleId: 'NET-GWSUBNET-SIZE', constructPath: 'js/Hub' }] });
    expect(error).toEqual(expect.objectContaining({ ruleId: 'NET-GWSUBNET-SIZE', problems: error.problems }));
    const build = () => new HubNetwork(newStack('js'), 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'], gatewaySubnetPrefix: '10.0.0.0/28' });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(/\[NET-GWSUBNET-SIZE\] js\/Hub: `gatewaySubnetPrefix`/);
    expect(error.stack).toMatch(/^ValidationError: \[NET-GWSUBNET-SIZE\]/);
  });
});
