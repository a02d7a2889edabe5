/** Traffic a network intent carries (Network ATC). */
export enum TrafficType {
  /** Host management, outbound to Azure. */
  MANAGEMENT = 'Management',
  /** Virtual machine traffic. */
  COMPUTE = 'Compute',
  /** East-west storage (SMB Direct / RDMA). */
  STORAGE = 'Storage',
}

/** One Network ATC intent: a set of physical adapters and the traffic they carry. */
export interface NetworkIntent {
  /** Intent name, e.g. `ManagementCompute`. */
  readonly name: string;
  /** Physical adapter names as Windows shows them on every machine (`Get-NetAdapter`), two recommended. */
  readonly adapters: string[];
  /** Traffic types. */
  readonly trafficTypes: TrafficType[];
}

/** A storage network: one per adapter of the Storage intent. */
export interface StorageNetwork {
  /** Name, e.g. `Storage1Network`. */
  readonly name: string;
  /** Adapter of the Storage intent. */
  readonly adapterName: string;
  /** VLAN id, 0-4094 (711 and 712 are Azure's defaults). */
  readonly vlanId: number;
}

/** One machine of the instance. */
export interface AzureLocalMachine {
  /** Host name (1-15 characters): also the name of its Arc machine resource after registration. */
  readonly name: string;
  /** Management IPv4 address. */
  readonly ipv4Address: string;
}

/** The management (infrastructure) network of the instance. */
export interface InfrastructureNetwork {
  /** Subnet mask, e.g. 255.255.255.0. */
  readonly subnetMask: string;
  /** Default gateway. */
  readonly gateway: string;
  /** DNS servers (Active Directory DNS). */
  readonly dnsServers: string[];
  /** First address of the infrastructure pool (cluster IP, resource bridge): six consecutive addresses or more. */
  readonly ipPoolStart: string;
  /** Last address of the pool. */
  readonly ipPoolEnd: string;
}

/** How storage volumes are set up at deployment. */
export enum StorageConfigurationMode {
  /** Azure creates the infrastructure volume and one workload volume per machine. */
  EXPRESS = 'Express',
  /** Infrastructure volume only. */
  INFRA_ONLY = 'InfraOnly',
  /** Keep the existing data volumes (redeployment). */
  KEEP_STORAGE = 'KeepStorage',
}

/** How a logical network assigns addresses. */
export enum IpAllocationMethod {
  /** Addresses from the logical network's pools, given with a gateway and DNS servers. */
  STATIC = 'Static',
  /** The VLAN's own DHCP server. */
  DYNAMIC = 'Dynamic',
}

/** A range of addresses. */
export interface IpRange {
  /** First address. */
  readonly start: string;
  /** Last address. */
  readonly end: string;
}

/** Options of `AzureLocalCluster.addLogicalNetwork`. */
export interface LogicalNetworkOptions {
  /**
   * Name (2-64 characters).
   * @default - the id, lowercase
   */
  readonly name?: string;
  /**
   * Address allocation.
   * @default IpAllocationMethod.STATIC
   */
  readonly ipAllocationMethod?: IpAllocationMethod;
  /**
   * Address prefix (static only), e.g. 192.168.200.0/24.
   * @default - none (required for static)
   */
  readonly addressPrefix?: string;
  /**
   * Gateway: the next hop of the default route (static only).
   * @default - none (required for static)
   */
  readonly gateway?: string;
  /**
   * DNS servers (static only).
   * @default - none (required for static)
   */
  readonly dnsServers?: string[];
  /**
   * Address pools for VM network interfaces (static only). Must be a literal list.
   * @default - the whole prefix
   */
  readonly ipPools?: IpRange[];
  /**
   * VLAN id (0-4094).
   * @default - untagged
   */
  readonly vlanId?: number;
  /**
   * Virtual switch the network lives on.
   * @default - the switch Network ATC made for the compute intent: `ConvergedSwitch(<intent name lowercase>)`
   */
  readonly virtualSwitchName?: string;
}

/** Options of `AzureLocalCluster.addStoragePath`. */
export interface StoragePathOptions {
  /**
   * Name (3-80 characters).
   * @default - the id, lowercase
   */
  readonly name?: string;
  /** Folder on a cluster shared volume, e.g. `C:\ClusterStorage\UserStorage_1\images`. */
  readonly path: string;
}

/** Operating system of an image. */
export enum ImageOsType {
  WINDOWS = 'Windows',
  LINUX = 'Linux',
}

/** Options of `AzureLocalCluster.addMarketplaceImage`. */
export interface MarketplaceImageOptions {
  /**
   * Name (2-80 characters).
   * @default - the id, lowercase
   */
  readonly name?: string;
  /** Publisher, e.g. `MicrosoftWindowsServer`. */
  readonly publisher: string;
  /** Offer, e.g. `WindowsServer`. */
  readonly offer: string;
  /** SKU, e.g. `2022-datacenter-azure-edition-core`. */
  readonly sku: string;
  /** Version, e.g. `20348.2655.240905`. */
  readonly version: string;
  /** Operating system. */
  readonly osType: ImageOsType;
  /**
   * Hyper-V generation, `V1` or `V2`.
   * @default 'V2'
   */
  readonly hypervGeneration?: string;
  /**
   * Storage path id the image is stored on (`addStoragePath(...).id`).
   * @default - Azure picks one
   */
  readonly storagePathId?: string;
}

/** The static IP plan of an Arc resource bridge (used by `az arcappliance createconfig`, checked here). */
export interface ResourceBridgeNetwork {
  /** Subnet of the appliance, /29 or larger, e.g. 192.168.10.0/29. */
  readonly ipAddressPrefix: string;
  /** Gateway, inside the prefix. */
  readonly gateway: string;
  /** First address of the appliance VM pool (k8snodeippoolstart). */
  readonly vmIpPoolStart: string;
  /** Last address of the pool (k8snodeippoolend): two addresses or more. */
  readonly vmIpPoolEnd: string;
  /** Control plane address (controlplaneendpoint), outside the pool. */
  readonly controlPlaneIp: string;
  /** DNS servers resolving vCenter/VMM and Azure. */
  readonly dnsServers: string[];
  /**
   * VLAN id.
   * @default - untagged
   */
  readonly vlanId?: number;
}
