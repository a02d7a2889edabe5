import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AppServiceHybridConnectionStack } from './app-service-hybrid-connection';
import { ArcKubernetesGitOpsStack } from './arc-kubernetes-gitops';
import { AzureLocalStack } from './azure-local';
import { BrownfieldStack } from './brownfield';
import { CrossCloudScalingStack } from './cross-cloud-scaling';
import { ExpressRouteStack } from './expressroute';
import { ExpressRouteVpnFailoverStack } from './expressroute-vpn-failover';
import { ExpressRouteGlobalReachStack } from './expressroute-global-reach';
import { HybridFileShareStack } from './hybrid-file-share';
import { HybridMonitoringStack } from './hybrid-monitoring';
import { SiteRecoveryStack } from './site-recovery';
import { SiteToSiteVpnStack } from './site-to-site-vpn';
import { SecureHubStack } from './secure-hub';
import { VirtualWanStack } from './virtual-wan';
import { MultiRegionStack } from './multi-region';

/** Every example by its stack name (the folder under examples/ and under cdktf.out/stacks/). */
export const EXAMPLES: [string, new (scope: Construct, id: string) => TerraformStack][] = [
  ['site-to-site-vpn', SiteToSiteVpnStack],
  ['expressroute', ExpressRouteStack],
  ['expressroute-vpn-failover', ExpressRouteVpnFailoverStack],
  ['expressroute-global-reach', ExpressRouteGlobalReachStack],
  ['hybrid-monitoring', HybridMonitoringStack],
  ['arc-kubernetes-gitops', ArcKubernetesGitOpsStack],
  ['hybrid-file-share', HybridFileShareStack],
  ['site-recovery', SiteRecoveryStack],
  ['cross-cloud-scaling', CrossCloudScalingStack],
  ['app-service-hybrid-connection', AppServiceHybridConnectionStack],
  ['secure-hub', SecureHubStack],
  ['azure-local', AzureLocalStack],
  ['virtual-wan', VirtualWanStack],
  ['multi-region', MultiRegionStack],
  ['brownfield', BrownfieldStack],
];
