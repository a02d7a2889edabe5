import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runHandoff } from '../../lib/cli/handoff';
import { synthJson } from './fixtures';

describe('handoff command: usage and input errors (exit 2, one line)', () => {
  const run = async (...argv: string[]): Promise<{ code: number; lines: string[] }> => {
    const lines: string[] = [];
    const code = await runHandoff(argv, (l) => lines.push(l), ['usage: ...']);
    return { code, lines };
  };

  test.each([
    [[], 'handoff takes exactly one path'],
    [['a', 'b'], 'handoff takes exactly one path'],
    [['x', '--bogus'], 'unknown option --bogus'],
    [['x', '--outputs'], '--outputs needs a file'],
    [['x', '--out', '--no-outputs'], '--out needs a directory'],
    [['x', '--outputs', 'o.json', '--no-outputs'], '--outputs and --no-outputs exclude each other'],
  ])('%j', async (argv, message) => {
    const { code, lines } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(lines[0]).toBe(`error: ${message}`);
  });

  test('a missing path, a folder without stacks, --outputs for several stacks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-cli-'));
    try {
      expect((await run(path.join(dir, 'nope'), '--no-outputs')).lines[0]).toMatch(/no such file or directory$/);
      expect((await run(dir, '--no-outputs')).lines[0]).toMatch(/no cdk\.tf\.json here or under stacks\/$/);
      for (const s of ['a', 'b']) {
        fs.mkdirSync(path.join(dir, 'stacks', s), { recursive: true });
        fs.writeFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), JSON.stringify(synthJson('site-to-site-vpn')));
      }
      expect((await run(dir, '--outputs', path.join(dir, 'o.json'))).lines[0]).toBe('error: --outputs holds the outputs of one stack; give one stack folder');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
