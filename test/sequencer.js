// Jest's test order (testSequencer in .projenrc.ts): the longest suites first, so that the two
// workers finish together instead of one running the browser suite alone at the end.
//
// Jest's own sequencer orders by each suite's duration in the last run, read from its cache
// (/tmp/jest_*); a suite without a duration goes first and, when none has one (a fresh clone,
// CI), by file size, which put the browser and diagram suites (small files, the slowest suites)
// last. Here a suite without a cached duration takes its duration from KNOWN, measured on the
// 2-core machine; a suite in neither runs after the long ones, by file size.
const path = require('path');

// @jest/test-sequencer is jest's own dependency (jest -> @jest/core -> @jest/test-sequencer).
const jestDir = path.dirname(require.resolve('jest/package.json'));
const coreDir = path.dirname(require.resolve('@jest/core/package.json', { paths: [jestDir] }));
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [coreDir] })).default;

const root = path.join(__dirname, '..');

/** Milliseconds a suite takes (median over runs on 2 cores with the other worker busy), the slowest ones. */
const KNOWN = {
  'test/handoff/browser.test.ts': 25_000,
  'test/property/management.property.test.ts': 14_000,
  'test/hardening/hostile.property.test.ts': 13_000,
  'test/property/expressroute.property.test.ts': 12_000,
  'test/property/resiliency.property.test.ts': 10_000,
  'test/diagram/diagram.test.ts': 9_000,
  'test/handoff/daemons.test.ts': 9_000,
  'test/property/storage.property.test.ts': 8_000,
  'test/checks/schema-check.test.ts': 8_000,
  'test/property/network.property.test.ts': 7_000,
  'test/hardening/regex-linearity.test.ts': 6_000,
  'test/examples/warnings.test.ts': 6_000,
};

/** A suite this long or longer starts before the suites whose duration is unknown. */
const LONG = 4_000;

class LongestFirst extends Sequencer {
  sort(tests) {
    const size = (t) => t.context.hasteFS.getSize(t.path) ?? 0;
    for (const t of tests) t.duration = this.time(t) ?? KNOWN[path.relative(root, t.path).split(path.sep).join('/')];
    // 0: long suites, 1: unknown ones, 2: the rest.
    const group = (t) => (t.duration === undefined ? 1 : t.duration >= LONG ? 0 : 2);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1; // as jest: what failed last time first
      if (group(a) !== group(b)) return group(a) - group(b);
      if (a.duration !== undefined && b.duration !== undefined) return b.duration - a.duration;
      return size(b) - size(a);
    });
  }
}

module.exports = LongestFirst;
