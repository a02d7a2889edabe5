import * as fs from 'fs';
import * as path from 'path';
import { RuleCatalogue, RuleLevel } from '../../lib';
import { ALL_RULES } from '../../lib/checks/catalogue';
import { Rule } from '../../lib/core/rule';

const LIB = path.join(__dirname, '..', '..', 'lib');

/** Every .ts file under lib/, outside the rule definitions. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'rules' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && entry.name !== 'catalogue.ts' ? [full] : [];
  });
}

const constantOf = (rule: Rule): string => rule.id.replace(/-/g, '_');

describe('RuleCatalogue', () => {
  test('get returns a rule with level, description and source', () => {
    const rule = RuleCatalogue.get('VPN-BGP-ASN');
    expect(rule.id).toBe('VPN-BGP-ASN');
    expect(rule.level).toBe(RuleLevel.ERROR);
    expect(rule.description).toContain('65515');
    expect(rule.source).toContain('vpn-gateway-faq-bgp-include.md');
    expect(RuleCatalogue.get('DIAG-MISSING').level).toBe(RuleLevel.WARNING);
  });

  test('a former id still names the rule that replaced it (users suppress by id)', () => {
    for (const former of ['DIAG-GATEWAY-MISSING', 'ER-CIRCUIT-DIAGNOSTICS', 'STG-DIAG-MISSING', 'RSV-DIAG-MISSING', 'APP-DIAGNOSTICS-MISSING']) {
      expect(RuleCatalogue.has(former)).toBe(true);
      expect(RuleCatalogue.get(former).id).toBe('DIAG-MISSING');
    }
    expect(RuleCatalogue.all().map((r) => r.id)).not.toContain('DIAG-GATEWAY-MISSING');
  });

  test('get fails for an unknown id', () => {
    expect(() => RuleCatalogue.get('VPN-NOPE')).toThrow(/Unknown rule id 'VPN-NOPE'/);
  });

  test('has', () => {
    expect(RuleCatalogue.has('NET-GWSUBNET-SIZE')).toBe(true);
    expect(RuleCatalogue.has('NET-NOPE')).toBe(false);
    expect(RuleCatalogue.has('toString')).toBe(false);
  });

  test('all is every rule once, sorted by id, each complete', () => {
    const all = RuleCatalogue.all();
    const ids = all.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(ALL_RULES.length);
    for (const rule of all) {
      expect(rule.id).toMatch(/^[A-Z]+-[A-Z0-9-]+$/);
      expect([RuleLevel.ERROR, RuleLevel.WARNING]).toContain(rule.level);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(3);
    }
  });
});

describe('rule objects', () => {
  // The code without comments: doc comments may name ids (`DIAG-MISSING` in a @default).
  const code = sources(LIB)
    .map((f) => fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''))
    .join('\n');

  test('every rule is enforced: it has a body check, or a construct refers to its object', () => {
    // GIVEN the library's sources outside the rule definitions
    // THEN each rule without a body check is referenced by its constant somewhere
    const unused = ALL_RULES.filter((r: Rule) => !r.check && !new RegExp(`\\b${constantOf(r)}\\b`).test(code)).map((r) => r.id);
    expect(unused).toEqual([]);
  });

  test('no rule id is written as a string outside the rule definitions', () => {
    // Constructs refer to rule objects; a `[RULE-ID]` message or a quoted id would be a second home.
    const quoted = [...code.matchAll(/['`"]\[?([A-Z]{2,}-[A-Z0-9]+(?:-[A-Z0-9]+)*)\]?/g)]
      .map((m) => m[1])
      .filter((id) => RuleCatalogue.has(id));
    expect([...new Set(quoted)]).toEqual([]);
  });
});
