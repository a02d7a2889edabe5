import * as fs from 'fs';
import { HYBRID_RULES } from '../../lib/checks/rule-pack';
import { RuleCatalogue } from '../../lib/checks/catalogue';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, FILE } = require('../../scripts/rules-md.js');

describe('RULES.md', () => {
  test('is the rule catalogue as generated (regenerate with `node scripts/rules-md.js`)', () => {
    const expected: string = render(RuleCatalogue.all(), HYBRID_RULES.map((r) => r.id));
    const actual = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (actual !== expected) {
      throw new Error('RULES.md is out of date with the rule catalogue: run `node scripts/rules-md.js` and commit RULES.md');
    }
  });

  test('lists every rule id once, with its level', () => {
    const text = fs.readFileSync(FILE, 'utf8');
    for (const rule of RuleCatalogue.all()) {
      expect(text).toContain(`| ${rule.id} | ${rule.level} |`);
    }
  });
});
