import * as fs from 'fs';
import * as path from 'path';
import { RuleCatalogue, RuleLevel } from '../../lib';

const LIB = path.join(__dirname, '..', '..', 'lib');
const RULE_ID = /^'([A-Z]+-[A-Z0-9-]+)'$/;

/** Every .ts file under lib/. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The top-level arguments of the call whose '(' is at `open`, as source text. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      // skip a string literal (template literals with nested backticks do not occur in calls here)
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args;
      }
    }
    if (ch === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

/** Rule ids used in lib/: literal ids passed to `.check(_, id, ...)` / `.add(id, ...)`, and `[ID]` message prefixes. */
function ruleIdsUsedInLib(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const note = (id: string, file: string) => used.set(id, [...(used.get(id) ?? []), path.relative(LIB, file)]);
  for (const file of sources(LIB)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.(check|add)\(/g)) {
      const args = callArguments(text, match.index! + match[0].length - 1);
      const id = RULE_ID.exec(args[match[1] === 'check' ? 1 : 0] ?? '');
      if (id) note(id[1], file);
    }
    // Warnings and synth-time validations carry the id as a `[RULE-ID]` prefix of the message.
    for (const match of text.matchAll(/['`]\[([A-Z]+-[A-Z0-9-]+)\] /g)) note(match[1], file);
  }
  return used;
}

describe('RuleCatalogue', () => {
  test('get returns a rule with level, description and source', () => {
    const rule = RuleCatalogue.get('VPN-BGP-ASN');
    expect(rule.id).toBe('VPN-BGP-ASN');
    expect(rule.level).toBe(RuleLevel.ERROR);
    expect(rule.description).toContain('65515');
    expect(rule.source).toContain('vpn-gateway-faq-bgp-include.md');
    expect(RuleCatalogue.get('DIAG-GATEWAY-MISSING').level).toBe(RuleLevel.WARNING);
  });

  test('get fails for an unknown id, listing the known ones', () => {
    expect(() => RuleCatalogue.get('VPN-NOPE')).toThrow(/Unknown rule id 'VPN-NOPE'\. Known ids: .*VPN-BGP-ASN/);
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
    for (const rule of all) {
      expect(rule.id).toMatch(/^[A-Z]+-[A-Z0-9-]+$/);
      expect([RuleLevel.ERROR, RuleLevel.WARNING]).toContain(rule.level);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(3);
    }
  });

  test('every rule id used in lib/ is in the catalogue', () => {
    // GIVEN the ids the sources use
    const used = ruleIdsUsedInLib();
    // THEN the scan finds the VPN pattern's ids (so it is not vacuous) ...
    for (const id of ['VPN-SKU-LEGACY', 'VPN-NAT-RULE', 'VPN-APIPA-RANGE', 'VPN-BGP-ASN', 'NET-ADDRESS-OVERLAP', 'VPN-IPCONFIG-COUNT', 'VPN-SHARED-KEY-LITERAL', 'DIAG-GATEWAY-MISSING', 'TAG-INVALID']) {
      expect(used.has(id)).toBe(true);
    }
    // ... and every one is catalogued
    const missing = [...used.entries()].filter(([id]) => !RuleCatalogue.has(id)).map(([id, files]) => `${id} (${[...new Set(files)].join(', ')})`);
    expect(missing).toEqual([]);
  });
});
