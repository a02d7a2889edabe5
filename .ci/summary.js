#!/usr/bin/env node
// Prints jest's JSON results as the plain closing line CI reads: `N passed, N failed`.
const fs = require('fs');
const file = process.argv[2] || 'test-reports/jest-results.json';
const label = process.argv[3];
if (!fs.existsSync(file)) {
  console.error(`no jest results at ${file}: jest did not finish`);
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
// A suite that fails to load counts as a failure even though it has no tests.
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
const line = `${r.numPassedTests} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : '');
console.log(label ? `${label}: ${line}` : line);
// No test at all is a failure too: a pattern typo or a broken config must not pass as green.
process.exit(failed > 0 || !r.success || r.numTotalTests === 0 ? 1 : 0);
