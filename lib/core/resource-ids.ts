/** A GUID: object ids, tenant and subscription ids. The one pattern the library uses. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// One path segment of an Azure resource id: anything but '/' (linear: no nested quantifiers).
const SEG = '[^/]+';
const SUB = `^/subscriptions/${SEG}/resourceGroups/${SEG}`;
const provider = (rp: string, ...types: string[]): RegExp => new RegExp(`${SUB}/providers/${rp}/${types.map((t) => `${t}/${SEG}`).join('/')}$`, 'i');

/**
 * The Azure resource ids the library takes, by kind: one table, used by
 * `ProblemCollector.resourceId` and the constructs' imports (`fromXxxAttributes`).
 */
export const ARM_ID = {
  'resource group': { pattern: new RegExp(`${SUB}$`, 'i'), example: '/subscriptions/<sub>/resourceGroups/<rg>' },
  'virtual network': { pattern: provider('Microsoft.Network', 'virtualNetworks'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>' },
  subnet: { pattern: provider('Microsoft.Network', 'virtualNetworks', 'subnets'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>' },
  'virtual network gateway': { pattern: provider('Microsoft.Network', 'virtualNetworkGateways'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworkGateways/<name>' },
  'virtual WAN': { pattern: provider('Microsoft.Network', 'virtualWans'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualWans/<name>' },
  'virtual hub': { pattern: provider('Microsoft.Network', 'virtualHubs'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualHubs/<name>' },
  'ExpressRoute circuit': { pattern: provider('Microsoft.Network', 'expressRouteCircuits'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/expressRouteCircuits/<name>' },
  'ExpressRoute port': { pattern: provider('Microsoft.Network', 'expressRoutePorts'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/expressRoutePorts/<name>' },
  'network watcher': { pattern: provider('Microsoft.Network', 'networkWatchers'), example: '/subscriptions/<sub>/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_<region>' },
  'private DNS zone': { pattern: provider('Microsoft.Network', 'privateDnsZones'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>' },
  'Log Analytics workspace': { pattern: provider('Microsoft.OperationalInsights', 'workspaces'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>' },
  'action group': { pattern: provider('Microsoft.Insights', 'actionGroups'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Insights/actionGroups/<name>' },
  'storage account': { pattern: provider('Microsoft.Storage', 'storageAccounts'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>' },
  'Recovery Services vault': { pattern: provider('Microsoft.RecoveryServices', 'vaults'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<name>' },
  'Arc-enabled server': { pattern: provider('Microsoft.HybridCompute', 'machines'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.HybridCompute/machines/<name>' },
  'Azure VM': { pattern: provider('Microsoft.Compute', 'virtualMachines'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>' },
  'Arc-enabled Kubernetes cluster': { pattern: provider('Microsoft.Kubernetes', 'connectedClusters'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Kubernetes/connectedClusters/<name>' },
  'web app': { pattern: provider('Microsoft.Web', 'sites'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<name>' },
  'key vault': { pattern: provider('Microsoft.KeyVault', 'vaults'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>' },
  'user-assigned identity': { pattern: provider('Microsoft.ManagedIdentity', 'userAssignedIdentities'), example: '/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>' },
} as const;

/** A kind of Azure resource id the library knows. */
export type ArmType = keyof typeof ARM_ID;

/** The kind of an Azure resource id among `kinds`, or undefined. */
export function armTypeOf(id: string, kinds: readonly ArmType[]): ArmType | undefined {
  return kinds.find((k) => ARM_ID[k].pattern.test(id));
}
