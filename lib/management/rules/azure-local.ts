import { AD, defineRule, RuleLevel, TF } from '../../core/rule';
import { AZL_SWITCHLESS_NODES } from './azl-switchless-nodes';

export { AZL_SWITCHLESS_NODES };

/** Azure Local's own documentation (it left azure-docs for azure-stack-docs). */
const ASD = 'MicrosoftDocs/azure-stack-docs';

// Azure Local (formerly Azure Stack HCI): the deployment (azurerm_stack_hci_deployment_setting)
export const AZL_NODE_COUNT = defineRule({ id: 'AZL-NODE-COUNT', level: RuleLevel.ERROR, description: 'An Azure Local instance has 1 to 16 machines, each named once', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "the maximum number of machines supported on Azure Local instance is 16"` });
export const AZL_NODE = defineRule({ id: 'AZL-NODE', level: RuleLevel.ERROR, description: 'A machine is given by its host name (1-15 letters, digits or "-", the Windows computer name and the name of its Arc resource) and its management IPv4 address, unique in the instance', source: `${TF} stack_hci_deployment_setting_resource.go (physical_node.ipv4_address: validation.IsIPv4Address); ${ASD} azure-local/deploy/deployment-without-azure-arc-gateway.md (the Arc machine takes the host name)` });
export const AZL_INTENT_TRAFFIC = defineRule({ id: 'AZL-INTENT-TRAFFIC', level: RuleLevel.ERROR, description: 'Network intents: at most three, exactly one carries Management traffic, at most one carries Storage, at least one carries Compute; traffic types are Management, Compute and Storage', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "Define up to three intents using your own configuration as long as at least one of the intents includes management traffic"; ${TF} stack_hci_deployment_setting_resource.go (traffic_type in Compute, Storage, Management)` });
export const AZL_INTENT_ADAPTERS = defineRule({ id: 'AZL-INTENT-ADAPTERS', level: RuleLevel.ERROR, description: 'Each network intent has its own network adapters (at least one, two recommended); no adapter is in two intents', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "Each intent must have a different set of network adapter ports."` });
export const AZL_SWITCHLESS_INTENTS = defineRule({ id: 'AZL-SWITCHLESS-INTENTS', level: RuleLevel.ERROR, description: 'Switchless storage needs at least two intents, Storage alone in its own intent (the crossover links have no north-south connectivity)', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "At least 2 network intents are required when using storage switchless configuration."` });
export const AZL_STORAGE_NETWORK = defineRule({ id: 'AZL-STORAGE-NETWORK', level: RuleLevel.ERROR, description: 'Storage networks: one per adapter of the Storage intent, each with a VLAN id 0-4094', source: `${TF} stack_hci_deployment_setting_resource_test.go (storage_network StorageA/StorageB = the Storage intent adapters, vlan_id 711/712); ${ASD} azure-local/plan/cloud-deployment-network-considerations.md` });
export const AZL_INFRA_POOL = defineRule({ id: 'AZL-INFRA-POOL', level: RuleLevel.ERROR, description: 'The infrastructure IP pool is a range of at least six consecutive addresses inside the management subnet (gateway and mask), clear of the gateway and the machines', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "you must use a range of at least six consecutive available IP addresses. These addresses are used for - the cluster IP, the Azure Resource Bridge VM and its components."` });
export const AZL_RESERVED_RANGE = defineRule({ id: 'AZL-RESERVED-RANGE', level: RuleLevel.ERROR, description: 'No infrastructure address (DNS servers, gateway, IP pool, machine IPs, logical networks) may fall in 10.96.0.0/12 or 10.244.0.0/16, reserved for the Arc resource bridge and AKS', source: `${ASD} azure-local/plan/cloud-deployment-network-considerations.md: "The following IP ranges are reserved internally for Arc Resource Bridge must not be used for any Azure Local infrastructure component"` });
export const AZL_CLUSTER_NAME = defineRule({ id: 'AZL-CLUSTER-NAME', level: RuleLevel.ERROR, description: 'The cluster name (the Windows failover cluster and the azurerm_stack_hci_cluster) is 3-15 letters, digits or "-"', source: `${TF} stack_hci_deployment_setting_resource.go (cluster.name: ^[a-zA-Z0-9-]{3,15}$)` });
export const AZL_NAME_PREFIX = defineRule({ id: 'AZL-NAME-PREFIX', level: RuleLevel.ERROR, description: 'The deployment name prefix (Active Directory objects) is 1-8 letters, digits or "-"', source: `${TF} stack_hci_deployment_setting_resource.go (name_prefix: ^[a-zA-Z0-9-]{1,8}$); ${ASD} azure-local/deploy/deployment-prep-active-directory.md` });
export const AZL_VERSION = defineRule({ id: 'AZL-VERSION', level: RuleLevel.ERROR, description: 'The deployment version is four dot-separated numbers, e.g. 10.0.0.0', source: `${TF} stack_hci_deployment_setting_resource.go (version: ^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$)` });
export const AZL_DOMAIN = defineRule({ id: 'AZL-DOMAIN', level: RuleLevel.ERROR, description: 'The Active Directory domain is a fully qualified DNS name and the organizational unit a distinguished name (OU=...,DC=...) prepared with New-HciAdObjectsPreCreation', source: `${TF} stack_hci_deployment_setting_resource.go (domain_fqdn regex, active_directory_organizational_unit_path); ${ASD} azure-local/deploy/deployment-prep-active-directory.md` });
export const AZL_WITNESS = defineRule({ id: 'AZL-WITNESS', level: RuleLevel.ERROR, description: 'A cloud witness is a storage account name (3-24 lowercase letters and digits); a file share witness a UNC path (\\\\server\\share)', source: `${TF} stack_hci_deployment_setting_resource.go (witness_type Cloud|FileShare; cloud_account_name: storage account name)` });
export const AZL_SECRETS_LOCATION = defineRule({ id: 'AZL-SECRETS-LOCATION', level: RuleLevel.ERROR, description: 'The deployment secrets location is the https URI of the Key Vault that holds LocalAdminCredential, AzureStackLCMUserCredential, DefaultARBApplication and WitnessStorageKey', source: `${TF} stack_hci_deployment_setting_resource.go (secrets_location: validation.IsURLWithHTTPS); ${ASD} azure-local/deploy/deployment-azure-resource-manager-template.md` });
// Resources on the running instance (need its custom location)
export const AZL_VM_RESOURCE_NAME = defineRule({ id: 'AZL-VM-RESOURCE-NAME', level: RuleLevel.ERROR, description: 'Logical network names are 2-64 and storage path and image names 3-80 (image 2-80) characters: letters, digits, "-", ".", "_", starting and ending with a letter or digit', source: `${TF} stack_hci_logical_network_resource.go, stack_hci_storage_path_resource.go, stack_hci_marketplace_gallery_image_resource.go (name regexes)` });
export const AZL_LOGICAL_NETWORK = defineRule({ id: 'AZL-LOGICAL-NETWORK', level: RuleLevel.ERROR, description: 'A static logical network has an address prefix, a gateway (default route next hop) and DNS servers inside which its IP pools lie; a DHCP one has none of these; VLAN 0-4094', source: `${ASD} azure-local/migrate/migrate-maintain-ip-addresses.md: "This setup requires defining the following: IP address space, Gateway address, DNS servers, an IP pool range (optional)"; ${TF} stack_hci_logical_network_resource.go` });
export const AZL_STORAGE_PATH = defineRule({ id: 'AZL-STORAGE-PATH', level: RuleLevel.ERROR, description: 'A storage path is a folder on a cluster shared volume, C:\\ClusterStorage\\<volume>\\<folder>', source: `${ASD} azure-local/manage/create-storage-path.md` });
export const AZL_IMAGE = defineRule({ id: 'AZL-IMAGE', level: RuleLevel.ERROR, description: 'A marketplace gallery image names publisher, offer, SKU and version (a.b.c), OS type Windows or Linux, Hyper-V generation V1 or V2', source: `${TF} stack_hci_marketplace_gallery_image_resource.go (os_type, hyperv_generation possible values)` });
// Arc resource bridge for VMware vSphere / System Center VMM
export const ARB_PROVIDER = defineRule({ id: 'ARB-PROVIDER', level: RuleLevel.ERROR, description: 'An Arc resource bridge created here is for VMware vSphere or SCVMM: the Azure Local deployment creates its own', source: `${ASD} azure-local/deploy/deployment-introduction.md: "As part of Azure Local, an Arc resource bridge appliance VM is automatically deployed during setup."; ${TF} arc_resource_bridge_appliance_resource.go (HCI, SCVMM, VMWare)` });
export const ARB_NAME = defineRule({ id: 'ARB-NAME', level: RuleLevel.ERROR, description: 'An appliance name is 1-260 characters without + # % & \' ? / , \\', source: `${TF} internal/services/arcresourcebridge/arc_resource_bridge_appliance_resource.go (name)` });
export const ARB_IP_PLAN = defineRule({ id: 'ARB-IP-PLAN', level: RuleLevel.ERROR, description: 'The bridge subnet is /29 or larger; the gateway, the appliance VM IP pool (two addresses or more) and the control plane IP are distinct static addresses inside it', source: `${AD} azure-arc/resource-bridge/system-requirements.md: "The IP address prefix (subnet) where Arc resource bridge will be deployed requires a minimum prefix of /29." and "The VM IP pool range requires a minimum of 2 IP addresses."` });
export const ARB_VMM_SERVER = defineRule({ id: 'ARB-VMM-SERVER', level: RuleLevel.ERROR, description: 'A VMM server is connected by FQDN, port 1-65535, a custom location of the bridge, and credentials whose password is a sensitive variable, never a literal', source: `${TF} system_center_virtual_machine_manager_server_resource.go; ${AD} azure-arc/system-center-virtual-machine-manager/quickstart-connect-system-center-virtual-machine-manager-to-arc.md` });

/** Every Azure Local and Arc resource bridge rule, spread into MANAGEMENT_RULES. */
export const AZURE_LOCAL_RULES = [
  AZL_NODE_COUNT,
  AZL_NODE,
  AZL_SWITCHLESS_NODES,
  AZL_INTENT_TRAFFIC,
  AZL_INTENT_ADAPTERS,
  AZL_SWITCHLESS_INTENTS,
  AZL_STORAGE_NETWORK,
  AZL_INFRA_POOL,
  AZL_RESERVED_RANGE,
  AZL_CLUSTER_NAME,
  AZL_NAME_PREFIX,
  AZL_VERSION,
  AZL_DOMAIN,
  AZL_WITNESS,
  AZL_SECRETS_LOCATION,
  AZL_VM_RESOURCE_NAME,
  AZL_LOGICAL_NETWORK,
  AZL_STORAGE_PATH,
  AZL_IMAGE,
  ARB_PROVIDER,
  ARB_NAME,
  ARB_IP_PLAN,
  ARB_VMM_SERVER,
] as const;
