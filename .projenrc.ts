import { JsonFile, cdk, javascript } from 'projen';

// The jsii construct-library base (cdk.JsiiProject) with cdktf's peer dependencies declared here.
// projen's cdktf.ConstructLibraryCdktf does exactly this and nothing more, and it is deprecated
// since CDKTF was archived; using the base keeps the project off a deprecated API.
const project = new cdk.JsiiProject({
  name: 'cdktf-azure-hybrid',
  description:
    'Opinionated, validated CDKTF constructs for Azure hybrid architectures: hub networks, site-to-site VPN, ExpressRoute, monitoring, Arc, file shares, backup, Site Recovery and hybrid apps.',
  author: 'cdktf-azure-hybrid developers',
  authorAddress: 'cdktf-azure-hybrid@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdktf-azure-hybrid/cdktf-azure-hybrid.git',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'azure', 'hybrid', 'azurerm', 'terraform', 'vpn', 'expressroute', 'constructs'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  srcdir: 'lib',
  libdir: 'dist',
  testdir: 'test',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  minNodeVersion: '20.0.0',
  github: false,
  release: false,
  eslint: false,
  docgen: true,
  excludeTypescript: ['examples/**', 'bench/**'],
  peerDeps: ['cdktf@^0.21.0', 'constructs@^10.4.2', '@cdktf/provider-azurerm@^14.23.1', '@cdktf/provider-random@^12.0.1'],
  devDeps: [
    'cdktf@0.21.0',
    'constructs@10.8.1',
    '@cdktf/provider-azurerm@14.23.1',
    '@cdktf/provider-random@12.0.1',
    'cdktf-cli@0.21.0',
    'fast-check@4.10.2',
    'ts-node@10.9.2',
    // The jest transform: strips types only (jsii and `projen typecheck` type-check).
    '@swc/core@1.16.22',
    '@swc/jest@0.2.39',
    'playwright-core@1.65.1', // drives Debian's chromium in test/handoff (no browser download)
  ],
  // Runtime dependencies of a jsii library are bundled into its tarball.
  bundledDeps: ['ip-address@10.7.6', '@hpcc-js/wasm-graphviz@1.29.2', '@cdktf/hcl2json@0.21.0'],
  jestOptions: {
    // projen's default runs `jest --updateSnapshot`, under which a snapshot test can never fail.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // Coverage costs about a second a suite (v8 coverage mapped back through source maps);
    // `npx projen test:coverage` collects it. Nothing in CI reads it.
    jestConfig: {
      collectCoverage: false,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // jest's default is one worker less than the cores: one worker on a 2-core machine.
      maxWorkers: '100%',
      // No creation stacks for cdktf tokens in tests: 2.5-4x faster test bodies (see the file).
      setupFiles: ['<rootDir>/test/jest-setup.js'],
      // The longest suites first, also on a fresh clone where jest has no timings (see the file).
      testSequencer: '<rootDir>/test/sequencer.js',
    },
  },
  gitignore: ['cdktf.out/', 'test-reports/', '.ci/out/', 'bench/out/'],
});

// jsii type-checks the library and `projen typecheck` the tests (CI runs both); the jest transform
// only strips types. swc does that per file without loading TypeScript: measured on two suites,
// 3.1 s vs 7.0 s with ts-jest (which also loads ts-jest and typescript in every worker).
project.jest!.config.transform = {
  '^.+\\.[t]sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' }],
};

// Tests always write jest's JSON results, which .ci/run turns into the closing `N passed, N failed` line.
// `--ci` never writes snapshots (a missing or changed one fails); no `--passWithNoTests`: no tests is
// a failure. (jest's `--updateSnapshot` is a plain flag: `--updateSnapshot none` would update them
// and take `none` as a test path pattern.)
project.testTask.reset('jest --ci --json --outputFile=test-reports/jest-results.json');
project.addTask('test:coverage', {
  description: 'Run the tests with coverage (coverage/)',
  exec: 'jest --ci --coverage',
});

// jsii type-checks lib/; this type-checks the tests, examples and benchmarks too (CI runs it).
project.addTask('typecheck', {
  description: 'Type-check tests, examples and lib with tsc (no emit)',
  exec: 'tsc --noEmit -p test/tsconfig.json',
});

// `npm run examples`: type-check with jsii, synthesize every example with the cdktf CLI, draw them.
project.addTask('examples', {
  description: 'Synthesize every example into cdktf.out/stacks/',
  env: { CHECKPOINT_DISABLE: '1' }, // no call home: only the npm registry is reachable
  steps: [
    { spawn: 'compile' },
    { exec: 'cdktf synth --output cdktf.out' },
    // Topology of every example as Mermaid and SVG, beside each stack and in docs/diagrams for the README.
    { exec: 'node bin/cdktf-azure-hybrid diagram cdktf.out --out docs/diagrams' },
    // The hand-off page and device configurations of every stack, with placeholders (cdktf.out/stacks/<name>/handoff/).
    { exec: 'node bin/cdktf-azure-hybrid handoff cdktf.out --no-outputs' },
  ],
});

// The offline schema is data, not code: jsii does not copy it, so the build does, and it ships.
project.compileTask.exec('mkdir -p dist/checks && cp lib/checks/azurerm-schema.json dist/checks/');
// A lazy root index: importing the package loads a construct's module (and its provider classes)
// only when the construct is used. The script checks the result against jsii's eager index.
project.compileTask.exec('node scripts/lazy-index.js');
project.addPackageIgnore('!/dist/checks/azurerm-schema.json');
project.addPackageIgnore('!/bin/');
// Build output, examples and tooling stay out of the package.
for (const ignored of ['/cdktf.out/', '/.ci/', '/examples/', '/bench/', '/scripts/', '/docs/diagrams/', '/cdktf.json', '/API.md']) project.addPackageIgnore(ignored);
project.addTask('schema', {
  description: 'Regenerate lib/checks/azurerm-schema.json from the provider package\'s .jsii assembly',
  exec: 'node scripts/build-azurerm-schema.js',
});

// The check command: `npx cdktf-azure-hybrid check cdktf.out`.
project.addBins({ 'cdktf-azure-hybrid': 'bin/cdktf-azure-hybrid' });

// jsii writes JavaScript to libdir (dist/); the entry point must follow it.
project.package.addField('main', 'dist/index.js');

// `cdktf synth` runs the examples app: one stack per example under cdktf.out/stacks/.
new JsonFile(project, 'cdktf.json', {
  obj: {
    language: 'typescript',
    app: 'npx ts-node --transpile-only --project test/tsconfig.json examples/main.ts',
    projectId: 'cdktf-azure-hybrid-examples',
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  },
});

project.synth();
