import { App } from 'cdktf';
import { EXAMPLES } from './all';
import { configureBackends } from './backend';

// Every example as one stack: `npx cdktf synth` writes cdktf.out/stacks/<example>/.
const app = new App();
for (const [id, Stack] of EXAMPLES) new Stack(app, id);
configureBackends(app);
app.synth();
