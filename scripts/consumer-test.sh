#!/usr/bin/env bash
# The packed tarball works in a clean consumer project: `npm pack`, install it with its peer
# dependencies in a temporary project outside the repository, write a stack with only the public
# API as the README shows, `cdktf synth`, and run the check command on the output.
# Needs a compiled dist/ (npm run examples compiles).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CHECKPOINT_DISABLE=1

cd "$repo"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -1)"
echo "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KB)"

mkdir -p "$work/consumer" && cd "$work/consumer"
cat > package.json <<'JSON'
{ "name": "consumer", "version": "1.0.0", "private": true }
JSON
# Peer dependencies at the versions the library pins in its own dev dependencies.
peers=$(node -e "const p=require('$repo/package.json');console.log(Object.keys(p.peerDependencies).map(n=>n+'@'+p.devDependencies[n]).join(' '))")
npm install --no-audit --no-fund --loglevel=error "$tarball" $peers cdktf-cli@0.21.0 typescript@5.9 ts-node@10.9.2 @types/node@20 >/dev/null

cat > cdktf.json <<'JSON'
{ "language": "typescript", "app": "npx ts-node --transpile-only main.ts", "terraformProviders": [], "terraformModules": [] }
JSON
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "esModuleInterop": true, "skipLibCheck": true, "noEmit": true }, "files": ["main.ts"] }
JSON
cat > main.ts <<'TS'
import { App, TerraformStack } from 'cdktf';
import { AzureProvider, HubNetwork, HybridChecks, HybridTags, LogAnalyticsWorkspace, RuleCatalogue, VpnDevice, VpnGateway } from 'cdktf-azure-hybrid';

const app = new App();
const stack = new TerraformStack(app, 'connectivity');
new AzureProvider(stack, 'azurerm');

const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', { resourceGroupName: 'rg-hub', location: 'westeurope' });
const hub = new HubNetwork(stack, 'Hub', { resourceGroupName: 'rg-hub', location: 'westeurope', addressSpace: ['10.10.0.0/16'] });
const vpn = new VpnGateway(stack, 'Vpn', { hub, logAnalyticsWorkspace: workspace });
vpn.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
vpn.addSite('Lyon', { device: VpnDevice.address('198.51.100.20'), bgpAsn: 65010, bgpPeeringAddress: '192.168.20.1' });
if (RuleCatalogue.all().length === 0) throw new Error('empty rule catalogue');
HybridChecks.addTo(app);
HybridTags.addTo(app, { workload: 'hybrid' });

app.synth();
TS
npx tsc -p tsconfig.json                       # the published .d.ts files type-check a consumer
npx cdktf synth --output cdktf.out >/dev/null
test -f cdktf.out/stacks/connectivity/cdk.tf.json
test -f cdktf.out/stacks/connectivity/runbook.md
npx cdktf-azure-hybrid check cdktf.out
echo "consumer project: OK"
