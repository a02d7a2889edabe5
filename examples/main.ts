import { App } from 'cdktf';
import { HybridChecks } from '../lib';
import { EXAMPLES } from './all';
import { configureBackends } from './backend';

// Every example as one stack: `npx cdktf synth` writes cdktf.out/stacks/<example>/.
const app = new App();
for (const [id, Stack] of EXAMPLES) new Stack(app, id);
configureBackends(app);
// The policy rule pack on every example: an error fails synth, suppressions are reported.
HybridChecks.addTo(app);
app.synth();
