import { App } from 'cdktf';
import { configureBackends } from './backend';
import { SiteToSiteVpnStack } from './site-to-site-vpn';
import { HybridMonitoringStack } from './hybrid-monitoring';
import { ArcKubernetesGitOpsStack } from './arc-kubernetes-gitops';
import { CrossCloudScalingStack } from './cross-cloud-scaling';
import { AppServiceHybridConnectionStack } from './app-service-hybrid-connection';
import { HybridFileShareStack } from './hybrid-file-share';
import { SiteRecoveryStack } from './site-recovery';
import { ExpressRouteStack } from './expressroute';
import { ExpressRouteVpnFailoverStack } from './expressroute-vpn-failover';

// Every example as one stack: `npx cdktf synth` writes cdktf.out/stacks/<example>/.
const app = new App();
new SiteToSiteVpnStack(app, 'site-to-site-vpn');
new HybridMonitoringStack(app, 'hybrid-monitoring');
new ArcKubernetesGitOpsStack(app, 'arc-kubernetes-gitops');
new CrossCloudScalingStack(app, 'cross-cloud-scaling');
new AppServiceHybridConnectionStack(app, 'app-service-hybrid-connection');
new HybridFileShareStack(app, 'hybrid-file-share');
new SiteRecoveryStack(app, 'site-recovery');
new ExpressRouteStack(app, 'expressroute');
new ExpressRouteVpnFailoverStack(app, 'expressroute-vpn-failover');
configureBackends(app);
app.synth();
