// Loads the TypeScript sources in a child process with the jest transform's own swc options
// (package.json's jest.transform, from .projenrc.ts): types stripped per file, as in the tests.
// Tests that must run code outside jest (Graphviz is ESM WebAssembly, which does not load under
// jest) start `node -r ./test/swc-register.js`; ts-node would load and run TypeScript's compiler
// in every such child (measured: about 6 s of CPU per child against about 1 s with swc).
const fs = require('fs');
const swc = require('@swc/core');
const transform = require('../package.json').jest.transform;
const options = Object.values(transform).find((t) => Array.isArray(t) && t[0] === '@swc/jest')[1];

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
