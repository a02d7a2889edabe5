#!/usr/bin/env node
/*
 * RULES.md: the rule catalogue as a table (id, level, description, source, and whether the
 * policy rule pack - HybridChecks and `cdktf-azure-hybrid check` - checks it on any resource).
 *
 *   node scripts/rules-md.js           rewrite RULES.md from lib/ (ts-node, transpile-only)
 *   node scripts/rules-md.js --check   exit 1 when RULES.md is out of date
 *
 * test/checks/rules-md.test.ts renders the same table with `render` and fails when RULES.md
 * differs, so a rule added without regenerating the file breaks the build.
 * Reading lib/ through ts-node (not dist/) means no compile step is needed first.
 */
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, '..', 'RULES.md');

/**
 * @param {{id: string, level: string, description: string, source: string}[]} rules sorted by id
 * @param {string[]} packIds ids the policy rule pack checks
 */
function render(rules, packIds) {
  const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const pack = new Set(packIds);
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rule objects (lib/*/rules/, gathered in lib/checks/catalogue.ts) by `node scripts/rules-md.js`. Do not edit. -->',
    '',
    'Every Azure rule the library enforces. Constructs refuse props that break a rule (`ValidationError`);',
    'the policy rule pack (`HybridChecks.addTo(app)`, `npx cdktf-azure-hybrid check cdktf.out`)',
    'checks the rules marked in the last column on any azurerm resource. Suppress one with',
    "`HybridChecks.suppress(construct, [{ id: 'RULE-ID', reason: '...' }])`.",
    '',
    `${rules.length} rules, ${rules.filter((r) => pack.has(r.id)).length} in the rule pack.`,
    '',
    '| Id | Level | Description | Source | Rule pack |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| ${r.id} | ${r.level} | ${cell(r.description)}${r.formerIds && r.formerIds.length ? ` (also suppressed by its former ids ${r.formerIds.join(', ')})` : ''} | ${cell(r.source)} | ${pack.has(r.id) ? 'yes' : ''} |`),
    '',
  ];
  return lines.join('\n');
}

function renderFromSource() {
  require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  const { RuleCatalogue } = require('../lib/checks/catalogue');
  const { HYBRID_RULES } = require('../lib/checks/rule-pack');
  return render(RuleCatalogue.all(), HYBRID_RULES.map((r) => r.id));
}

if (require.main === module) {
  const text = renderFromSource();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (current !== text) {
      console.error('RULES.md is out of date: run node scripts/rules-md.js');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(FILE, text);
    console.log(`wrote ${FILE}`);
  }
}

module.exports = { render, FILE };
