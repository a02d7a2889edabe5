import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyse } = require('../../scripts/layers.js');

describe('layers', () => {
  const { upward, cycles } = analyse(path.join(__dirname, '..', '..', 'lib'));

  test('imports point down only: diagram < core < areas < checks < cli/handoff < index', () => {
    expect(upward).toEqual([]);
  });

  test('no files import each other (type-only imports included)', () => {
    expect(cycles).toEqual([]);
  });
});
