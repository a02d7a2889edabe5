import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ActionGroup, ArcResourceBridge, AzureLocalCluster, AzureProvider, ClusterWitness, HybridTags, ImageOsType, IpAllocationMethod,
  LogAnalyticsWorkspace, ResourceBridgeInfrastructure, TrafficType,
} from '../../lib';

/**
 * Azure hybrid options: a two-machine Azure Local instance (formerly Azure Stack HCI) deployed
 * from Azure, and an Arc resource bridge for the existing VMware vSphere estate beside it.
 * Phase 1 creates the cluster resource, the bridge appliance resource and monitoring. Phase 2
 * (`--var='azure_local_machines_registered=true'`, once both machines are Arc-registered)
 * validates and deploys the instance. Phase 3 (`--var='azure_local_deployed=true'` as well)
 * creates the VM logical network, a storage path, a Windows Server image and the alerts.
 */
export class AzureLocalStack extends TerraformStack {
  public readonly cluster: AzureLocalCluster;
  public readonly bridge: ArcResourceBridge;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzureProvider(this, 'azurerm', {
      resourceProvidersToRegister: ['Microsoft.HybridCompute', 'Microsoft.GuestConfiguration', 'Microsoft.HybridConnectivity', 'Microsoft.Attestation', 'Microsoft.KeyVault', 'Microsoft.Storage'],
    });
    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-azure-local-paris', location: 'westeurope' });
    const workspace = new LogAnalyticsWorkspace(this, 'Workspace', { resourceGroupName: rg.name, location: rg.location });
    const team = new ActionGroup(this, 'DatacenterTeam', { resourceGroupName: rg.name, emails: ['datacenter-team@contoso.com'], shortName: 'datacenter' });
    const vaultUri = new TerraformVariable(this, 'deployment_key_vault_uri', {
      type: 'string',
      description: 'URI of the Key Vault holding the Azure Local deployment secrets (LocalAdminCredential, AzureStackLCMUserCredential, DefaultARBApplication, WitnessStorageKey), e.g. https://kv-azl-paris.vault.azure.net/',
    });
    const witnessAccount = new TerraformVariable(this, 'witness_storage_account_name', {
      type: 'string',
      description: 'Name of the storage account used as the cloud witness of the two-machine cluster',
    });
    const hciRp = new TerraformVariable(this, 'hci_resource_provider_object_id', {
      type: 'string',
      description: 'Object id of the Microsoft.AzureStackHCI resource provider service principal in this tenant: az ad sp show --id 1412d89f-b8a8-4111-b4fd-e82905cbd85d --query id -o tsv',
    });

    this.cluster = new AzureLocalCluster(this, 'AzureLocal', {
      resourceGroupName: rg.name,
      resourceGroupId: rg.id,
      location: rg.location,
      clusterName: 'azl-paris-01',
      machines: [
        { name: 'AZL-PAR-N1', ipv4Address: '192.168.1.11' },
        { name: 'AZL-PAR-N2', ipv4Address: '192.168.1.12' },
      ],
      domainFqdn: 'corp.contoso.com',
      organizationalUnitPath: 'OU=AzureLocal,DC=corp,DC=contoso,DC=com',
      namePrefix: 'azlpar',
      secretsLocation: vaultUri.stringValue,
      witness: ClusterWitness.cloud(witnessAccount.stringValue),
      infrastructureNetwork: { subnetMask: '255.255.255.0', gateway: '192.168.1.1', dnsServers: ['192.168.1.4'], ipPoolStart: '192.168.1.50', ipPoolEnd: '192.168.1.59' },
      intents: [
        { name: 'ManagementCompute', adapters: ['NIC1', 'NIC2'], trafficTypes: [TrafficType.MANAGEMENT, TrafficType.COMPUTE] },
        { name: 'Storage', adapters: ['SMB1', 'SMB2'], trafficTypes: [TrafficType.STORAGE] },
      ],
      storageNetworks: [
        { name: 'Storage1Network', adapterName: 'SMB1', vlanId: 711 },
        { name: 'Storage2Network', adapterName: 'SMB2', vlanId: 712 },
      ],
      switchlessStorage: true,
      hciResourceProviderObjectId: hciRp.stringValue,
      logAnalyticsWorkspace: workspace,
      actionGroup: team,
    });
    this.cluster.addLogicalNetwork('Vms', {
      ipAllocationMethod: IpAllocationMethod.STATIC,
      addressPrefix: '192.168.20.0/24',
      gateway: '192.168.20.1',
      dnsServers: ['192.168.1.4'],
      ipPools: [{ start: '192.168.20.100', end: '192.168.20.199' }],
      vlanId: 20,
    });
    const images = this.cluster.addStoragePath('Images', { path: 'C:\\ClusterStorage\\UserStorage_1\\images' });
    this.cluster.addMarketplaceImage('Ws2022', {
      publisher: 'MicrosoftWindowsServer',
      offer: 'WindowsServer',
      sku: '2022-datacenter-azure-edition-core',
      version: '20348.2655.240905',
      osType: ImageOsType.WINDOWS,
      storagePathId: images.id,
    });

    this.bridge = new ArcResourceBridge(this, 'VSphereBridge', {
      resourceGroupName: rg.name,
      location: rg.location,
      infrastructure: ResourceBridgeInfrastructure.VMWARE,
      name: 'arb-vsphere-paris',
      network: { ipAddressPrefix: '192.168.30.0/29', gateway: '192.168.30.1', vmIpPoolStart: '192.168.30.2', vmIpPoolEnd: '192.168.30.3', controlPlaneIp: '192.168.30.4', dnsServers: ['192.168.1.4'] },
    });

    Aspects.of(this).add(new HybridTags({ workload: 'azure-local', owner: 'datacenter-team' }));
  }
}
