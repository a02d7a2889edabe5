import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { LocalNetworkGateway } from '@cdktf/provider-azurerm/lib/local-network-gateway';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RecoveryServicesVault } from '@cdktf/provider-azurerm/lib/recovery-services-vault';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageShare } from '@cdktf/provider-azurerm/lib/storage-share';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { VirtualNetworkGatewayConnection } from '@cdktf/provider-azurerm/lib/virtual-network-gateway-connection';
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable } from 'cdktf';

const at = { resourceGroupName: 'rg', location: 'westeurope' };

/** What a test may leave out of the secure baseline. */
export interface BaselineOptions {
  readonly gatewayDiagnostics?: boolean;
  readonly nsgOnGatewaySubnet?: boolean;
}

/**
 * A hand-written L1 stack (no library construct) with every secure default on: the rule pack
 * finds nothing in it. Tests turn one default off at a time.
 */
export function secureBaseline(stack: TerraformStack, options: BaselineOptions = {}) {
  const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', { ...at, name: 'law', localAuthenticationEnabled: false });
  const storage = new StorageAccount(stack, 'Storage', {
    ...at,
    name: 'stfiles',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    publicNetworkAccessEnabled: false,
    allowNestedItemsToBePublic: false,
    shareProperties: { retentionPolicy: { days: 14 } },
  });
  new StorageShare(stack, 'Share', { name: 'share', storageAccountId: storage.id, quota: 100 });
  const vault = new RecoveryServicesVault(stack, 'Vault', { ...at, name: 'rsv', sku: 'Standard', storageModeType: 'GeoRedundant', softDeleteEnabled: true });
  new MonitorDiagnosticSetting(stack, 'VaultDiag', { name: 'd', targetResourceId: vault.id, logAnalyticsWorkspaceId: workspace.id, enabledLog: [{ category: 'CoreAzureBackup' }] });
  const vnet = new VirtualNetwork(stack, 'Vnet', { ...at, name: 'hub', addressSpace: ['10.0.0.0/16'] });
  const gatewaySubnet = new Subnet(stack, 'GatewaySubnet', { resourceGroupName: 'rg', virtualNetworkName: vnet.name, name: 'GatewaySubnet', addressPrefixes: ['10.0.0.0/26'] });
  const app = new Subnet(stack, 'AppSubnet', { resourceGroupName: 'rg', virtualNetworkName: vnet.name, name: 'app', addressPrefixes: ['10.0.1.0/24'], defaultOutboundAccessEnabled: false });
  // The storage account is private: the provider must not poll its data plane (STG-DATA-PLANE).
  const provider = (stack.node.tryFindChild('azurerm') as AzurermProvider | undefined) ?? new AzurermProvider(stack, 'azurerm', { features: [{}] });
  provider.addOverride('features', [{ storage: [{ data_plane_available: false }] }]);
  const nsg = new NetworkSecurityGroup(stack, 'Nsg', { ...at, name: 'nsg' });
  new SubnetNetworkSecurityGroupAssociation(stack, 'AppNsg', { subnetId: (options.nsgOnGatewaySubnet ? gatewaySubnet : app).id, networkSecurityGroupId: nsg.id });
  const ips = ['1', '2'].map((i) => new PublicIp(stack, `GatewayIp${i}`, { ...at, name: `pip${i}`, allocationMethod: 'Static', sku: 'Standard', zones: ['1', '2', '3'] }));
  const gateway = new VirtualNetworkGateway(stack, 'Gateway', {
    ...at,
    name: 'vpngw',
    type: 'Vpn',
    sku: 'VpnGw2AZ',
    generation: 'Generation2',
    activeActive: true,
    ipConfiguration: ips.map((ip, i) => ({ name: `ip${i}`, publicIpAddressId: ip.id, subnetId: gatewaySubnet.id })),
  });
  if (options.gatewayDiagnostics ?? true) {
    new MonitorDiagnosticSetting(stack, 'GatewayDiag', { name: 'd', targetResourceId: gateway.id, logAnalyticsWorkspaceId: workspace.id, enabledLog: [{ category: 'GatewayDiagnosticLog' }] });
  }
  const site = new LocalNetworkGateway(stack, 'Site', { ...at, name: 'paris', gatewayAddress: '203.0.113.10', addressSpace: ['192.168.10.0/24'] });
  const key = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
  const connection = new VirtualNetworkGatewayConnection(stack, 'Connection', { ...at, name: 'to-paris', type: 'IPsec', virtualNetworkGatewayId: gateway.id, localNetworkGatewayId: site.id, sharedKey: key.stringValue });
  const insights = new ApplicationInsights(stack, 'Insights', { ...at, name: 'appi', applicationType: 'web', workspaceId: workspace.id });
  return { workspace, storage, vault, vnet, gatewaySubnet, nsg, ips, gateway, site, connection, insights };
}

/** Annotations of a stack after aspects ran: `[level, path, message]`, level error / warning / info. */
export function annotationsOf(stack: TerraformStack): [string, string, string][] {
  const levels: Record<string, string> = { [AnnotationMetadataEntryType.ERROR]: 'error', [AnnotationMetadataEntryType.WARN]: 'warning', [AnnotationMetadataEntryType.INFO]: 'info' };
  return stack.node
    .findAll()
    .flatMap((n) => n.node.metadata.filter((m) => levels[m.type]).map((m) => [levels[m.type], n.node.path, String(m.data)] as [string, string, string]));
}
