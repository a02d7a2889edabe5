import { App } from 'cdktf';
import { SiteToSiteVpnStack } from './site-to-site-vpn';

// Every example as one stack: `npx cdktf synth` writes cdktf.out/stacks/<example>/.
const app = new App();
new SiteToSiteVpnStack(app, 'site-to-site-vpn');
app.synth();
