// Jest setup (every test file): no creation stacks for cdktf tokens.
//
// cdktf records a stack trace of unlimited depth for every token and attribute reference it
// creates (tens per construct), only to quote it if the token later fails to resolve. Under jest
// every trace is formatted through jest's source-mapping formatter over jest's own deep call
// stack: measured on three network suites, the test bodies took 2.5 to 4 times as long with the
// traces (network property tests 20 s vs 8 s; a 10-frame trace with V8's formatter saved little).
// The library itself turns them off at its first construct (lib/core/stack-traces.ts, tested in
// test/core/stack-traces.test.ts on a fresh cdktf); this covers the tokens of a test before that
// construct, and the tests that build no construct of the library.
const stackTrace = require('cdktf/lib/tokens/private/stack-trace');

stackTrace.captureStackTrace = function captureStackTrace() {
  return [];
};
