import { DataAzurermArcMachine } from '@cdktf/provider-azurerm/lib/data-azurerm-arc-machine';
import { DataAzurermExtendedLocationCustomLocation } from '@cdktf/provider-azurerm/lib/data-azurerm-extended-location-custom-location';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StackHciCluster } from '@cdktf/provider-azurerm/lib/stack-hci-cluster';
import { StackHciDeploymentSetting } from '@cdktf/provider-azurerm/lib/stack-hci-deployment-setting';
import { StackHciLogicalNetwork } from '@cdktf/provider-azurerm/lib/stack-hci-logical-network';
import { StackHciMarketplaceGalleryImage } from '@cdktf/provider-azurerm/lib/stack-hci-marketplace-gallery-image';
import { StackHciStoragePath } from '@cdktf/provider-azurerm/lib/stack-hci-storage-path';
import { TerraformDataSource } from 'cdktf';
import { Construct } from 'constructs';
import { checkDeployment, checkInfrastructure, checkIntents, checkLogicalNetwork, checkMachines, known } from './checks';
import { ClusterWitness } from './cluster-witness';
import * as D from './defaults';
import { azureLocalHandoff } from './handoff';
import { AzureLocalMachine, InfrastructureNetwork, LogicalNetworkOptions, MarketplaceImageOptions, NetworkIntent, StorageConfigurationMode, StorageNetwork, StoragePathOptions, TrafficType } from './types';
import { IActionGroup, MetricDefinition, Alerts } from '../../core/alerts';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { ProblemCollector } from '../../core/errors';
import { LifecycleGate } from '../../core/gates';
import { checkUniqueId } from '../../core/ids';
import { LazySection, outputName, Runbook } from '../../core/outputs';
import { checkFinalBody } from '../../core/report';
import { ROLE_ASSIGNMENT } from '../../core/rules';
import { AZL_IMAGE, AZL_STORAGE_PATH, AZL_SWITCHLESS_NODES, AZL_VM_RESOURCE_NAME } from '../rules/azure-local';
import { ROLE_PROPAGATION_WAIT, TimeSleep } from '../../core/time-sleep';

/** Props of `AzureLocalCluster`. */
export interface AzureLocalClusterProps extends AzureResourceProps {
  /** Resource group of the instance, its machines (registered into it) and its VM resources. */
  readonly resourceGroupName: string;
  /** Its resource id: scope of the machines' role assignments. */
  readonly resourceGroupId: string;
  /** Region (one Azure Local supports). */
  readonly location: string;
  /** Cluster name, 3-15 characters (the Windows failover cluster and the Azure resource). */
  readonly clusterName: string;
  /** The machines, 1-16. Must be a literal list: each gets an Arc machine lookup and role assignments. */
  readonly machines: AzureLocalMachine[];
  /** Active Directory domain, e.g. `contoso.com`. */
  readonly domainFqdn: string;
  /** Organizational unit prepared with `New-HciAdObjectsPreCreation`, e.g. `OU=AzureLocal,DC=contoso,DC=com`. */
  readonly organizationalUnitPath: string;
  /** Prefix of the Active Directory objects, 1-8 characters. */
  readonly namePrefix: string;
  /** URI of the Key Vault that holds the deployment secrets (listed in the runbook). */
  readonly secretsLocation: string;
  /** Cluster witness: `ClusterWitness.cloud(account)` or `ClusterWitness.fileShare(path, account)`. */
  readonly witness: ClusterWitness;
  /** The management network. */
  readonly infrastructureNetwork: InfrastructureNetwork;
  /** Network intents (one to three). Must be a literal list. */
  readonly intents: NetworkIntent[];
  /**
   * Storage networks, one per adapter of the Storage intent. Must be a literal list.
   * @default - none (only valid without a Storage intent)
   */
  readonly storageNetworks?: StorageNetwork[];
  /**
   * Machines cabled directly to each other for storage (1-4 machines). Must be a literal.
   * @default false - storage through a network switch
   */
  readonly switchlessStorage?: boolean;
  /**
   * Volume setup.
   * @default StorageConfigurationMode.EXPRESS
   */
  readonly storageConfigurationMode?: StorageConfigurationMode;
  /**
   * Deployment version.
   * @default '10.0.0.0'
   */
  readonly version?: string;
  /**
   * Name of the custom location the deployment creates (VM resources are created in it).
   * @default - `<clusterName>-cl`, lowercase
   */
  readonly customLocationName?: string;
  /**
   * Object id of the Microsoft.AzureStackHCI resource provider's service principal in your tenant
   * (`az ad sp show --id 1412d89f-b8a8-4111-b4fd-e82905cbd85d --query id -o tsv`): gets
   * "Azure Connected Machine Resource Manager" on the resource group.
   * @default - no assignment; the runbook says how to make it
   */
  readonly hciResourceProviderObjectId?: string;
  /**
   * Who the recommended alerts (storage degraded, CPU, memory; phase 3) notify.
   * @default - no alerts
   */
  readonly actionGroup?: IActionGroup;
}

/**
 * An Azure Local instance (formerly Azure Stack HCI) deployed from Azure: the cluster resource
 * (phase 1); once every machine is Arc-registered (`<path>_machines_registered`), the machines'
 * role assignments and the deployment setting, which validates and then deploys (phase 2, up
 * to 6 hours inside one apply); once deployed (`<path>_deployed`), logical networks, storage
 * paths, marketplace images and alerts in the custom location the deployment created (phase 3).
 */
export class AzureLocalCluster extends AzureResource {
  /** The cluster resource (escape hatch). */
  public readonly cluster: StackHciCluster;
  /** The deployment setting (phase 2). */
  public readonly deploymentSetting: StackHciDeploymentSetting;
  /** The Arc machine lookups by machine name (phase 2). */
  public readonly machineLookups: Record<string, DataAzurermArcMachine> = {};
  /** Role assignments of the machines' identities (phase 2). */
  public readonly machineRoleAssignments: RoleAssignment[] = [];
  /** The resource provider's role assignment, when its object id was given. */
  public readonly resourceProviderRoleAssignment?: RoleAssignment;
  /** The custom location the deployment creates, looked up in phase 3. */
  public readonly customLocation: DataAzurermExtendedLocationCustomLocation;
  /** Gate: every machine registered with Azure Arc. */
  public readonly machinesRegisteredGate: LifecycleGate;
  /** Gate: the deployment has finished. */
  public readonly deployedGate: LifecycleGate;
  /** Logical networks, storage paths and images added (phase 3). */
  public readonly logicalNetworks: StackHciLogicalNetwork[] = [];
  public readonly storagePaths: StackHciStoragePath[] = [];
  public readonly marketplaceImages: StackHciMarketplaceGalleryImage[] = [];
  /** Alerts created (phase 3). */
  public readonly alerts: MonitorMetricAlert[] = [];
  public readonly resourceId: string;
  /** Custom location name. */
  public readonly customLocationName: string;
  /** The props, as given (read by the runbook). */
  public readonly settings: AzureLocalClusterProps;

  constructor(scope: Construct, id: string, props: AzureLocalClusterProps) {
    super(scope, id);
    resolve(this, props);
    this.settings = props;
    this.customLocationName = props.customLocationName ?? (known(props.clusterName) ? `${props.clusterName.toLowerCase()}-cl` : `${props.clusterName}-cl`);
    const base = outputName(this, '');
    this.machinesRegisteredGate = LifecycleGate.of(this, `${base}_machines_registered`, {
      waitsFor: `every machine of ${this.node.path} is registered with Azure Arc (Invoke-AzStackHciArcInitialization)`,
      performedBy: 'the on-premises Azure Local team',
      verify: `az connectedmachine list -g <resource group> --query "[].{name:name,status:status}" -o table  # every machine Connected`,
    });
    this.deployedGate = LifecycleGate.of(this, `${base}_deployed`, {
      waitsFor: `the deployment of ${this.node.path} has succeeded (phase 2 apply finished) and its custom location exists`,
      performedBy: 'the platform team (phase 2 apply)',
      verify: `az customlocation show -n ${known(this.customLocationName) ? this.customLocationName : '<custom location>'} -g <resource group> --query provisioningState`,
    });
    this.cluster = new StackHciCluster(this, 'Resource', {
      name: props.clusterName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      identity: { type: 'SystemAssigned' },
      // The deployment fills in client_id (provider v4.55.0 stack_hci_deployment_setting_resource_test.go).
      lifecycle: { ignoreChanges: ['client_id'] },
    });
    this.resourceId = this.cluster.id;
    this.resourceProviderRoleAssignment = props.hciResourceProviderObjectId === undefined ? undefined : new RoleAssignment(this, 'ResourceProviderRole', {
      scope: props.resourceGroupId,
      roleDefinitionName: D.HCI_RP_ROLE,
      principalId: props.hciResourceProviderObjectId,
      description: 'Microsoft.AzureStackHCI resource provider: manages the Arc machines of the instance',
    });
    for (const machine of props.machines) this.registerMachine(machine);
    this.deploymentSetting = this.buildDeployment(props);
    this.customLocation = new DataAzurermExtendedLocationCustomLocation(this, 'CustomLocation', { name: this.customLocationName, resourceGroupName: props.resourceGroupName });
    this.customLocation.count = this.deployedGate.count;
    if (props.actionGroup) this.addRecommendedAlerts(props.actionGroup);
    this.initCommon(props);
    Runbook.of(this).addSection(new LazySection(`Azure Local ${this.node.path}`, () => azureLocalHandoff(this)));
  }

  /** The id of the custom location (phase 3 only: behind `<path>_deployed`). */
  public get customLocationId(): string {
    return gatedRef(this.customLocation, 'id');
  }

  /** Adds a logical network (phase 3), keyed by `id`. */
  public addLogicalNetwork(id: string, options: LogicalNetworkOptions): StackHciLogicalNetwork {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `LogicalNetwork${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const name = options.name ?? id.toLowerCase();
    problems.check(known(name) && !/^[a-zA-Z0-9][-._a-zA-Z0-9]{0,62}[a-zA-Z0-9]$/.test(name), AZL_VM_RESOURCE_NAME, 'name', name, 'a logical network name is 2-64 letters, digits, "-", "." or "_", starting and ending with a letter or digit', 'use e.g. lnet-vms');
    checkLogicalNetwork(problems, options);
    problems.throwIfAny();
    const compute = this.settings.intents.find((i) => i.trafficTypes.includes(TrafficType.COMPUTE))!;
    const lnet = new StackHciLogicalNetwork(this, `LogicalNetwork${id}`, {
      name,
      resourceGroupName: this.settings.resourceGroupName,
      location: this.settings.location,
      customLocationId: this.customLocationId,
      virtualSwitchName: options.virtualSwitchName ?? `ConvergedSwitch(${compute.name.toLowerCase()})`,
      dnsServers: options.dnsServers,
      subnet: {
        ipAllocationMethod: options.ipAllocationMethod ?? 'Static',
        addressPrefix: options.addressPrefix,
        vlanId: options.vlanId,
        ipPool: options.ipPools?.map((p) => ({ start: p.start, end: p.end })),
        route: options.gateway === undefined ? undefined : { name: 'default', addressPrefix: '0.0.0.0/0', nextHopIpAddress: options.gateway },
      },
    });
    this.deployedGate.guard(lnet);
    this.logicalNetworks.push(lnet);
    return lnet;
  }

  /** Adds a storage path for VM images and disks (phase 3), keyed by `id`. */
  public addStoragePath(id: string, options: StoragePathOptions): StackHciStoragePath {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `StoragePath${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const name = options.name ?? id.toLowerCase();
    problems.check(known(name) && !/^[a-zA-Z0-9][-._a-zA-Z0-9]{1,78}[a-zA-Z0-9]$/.test(name), AZL_VM_RESOURCE_NAME, 'name', name, 'a storage path name is 3-80 letters, digits, "-", "." or "_", starting and ending with a letter or digit', 'use e.g. sp-images');
    problems.required('path', options.path, 'string');
    problems.check(known(options.path) && !/^[A-Za-z]:\\ClusterStorage\\[^\\]+(\\[^\\]+)*\\?$/i.test(options.path), AZL_STORAGE_PATH, 'path', options.path, 'not a folder on a cluster shared volume', 'use C:\\ClusterStorage\\<volume>\\<folder>');
    problems.throwIfAny();
    const path = new StackHciStoragePath(this, `StoragePath${id}`, {
      name,
      resourceGroupName: this.settings.resourceGroupName,
      location: this.settings.location,
      customLocationId: this.customLocationId,
      path: options.path,
    });
    this.deployedGate.guard(path);
    this.storagePaths.push(path);
    return path;
  }

  /** Adds an Azure Marketplace image to the instance's gallery (phase 3), keyed by `id`. */
  public addMarketplaceImage(id: string, options: MarketplaceImageOptions): StackHciMarketplaceGalleryImage {
    const problems = new ProblemCollector(this);
    checkUniqueId(problems, this, `Image${id}`, 'id', id);
    problems.required('options', options, 'object');
    problems.throwIfAny();
    const name = options.name ?? id.toLowerCase();
    problems.check(known(name) && !/^[a-zA-Z0-9][-._a-zA-Z0-9]{0,78}[a-zA-Z0-9]$/.test(name), AZL_VM_RESOURCE_NAME, 'name', name, 'an image name is 2-80 letters, digits, "-", "." or "_", starting and ending with a letter or digit', 'use e.g. ws2022');
    for (const p of ['publisher', 'offer', 'sku', 'version'] as const) problems.required(p, options[p], 'string');
    problems.oneOf(AZL_IMAGE, 'osType', options.osType as string, ['Windows', 'Linux']);
    problems.oneOf(AZL_IMAGE, 'hypervGeneration', options.hypervGeneration, ['V1', 'V2']);
    problems.check(known(options.version) && !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(options.version), AZL_IMAGE, 'version', options.version, 'an image version is three dot-separated numbers', 'use the version `az vm image list --all --publisher <p> --offer <o> --sku <s>` shows');
    problems.throwIfAny();
    const image = new StackHciMarketplaceGalleryImage(this, `Image${id}`, {
      name,
      resourceGroupName: this.settings.resourceGroupName,
      location: this.settings.location,
      customLocationId: this.customLocationId,
      osType: options.osType,
      hypervGeneration: options.hypervGeneration ?? 'V2',
      version: options.version,
      identifier: { publisher: options.publisher, offer: options.offer, sku: options.sku },
      storagePathId: options.storagePathId,
    });
    this.deployedGate.guard(image);
    this.marketplaceImages.push(image);
    return image;
  }

  /** Failed or missing drives in the storage pool, per machine. */
  public metricStorageDegraded(): MetricDefinition {
    return { resourceId: this.cluster.id, namespace: D.CLUSTER_METRIC_NAMESPACE, name: 'Cluster Node Storage Degraded', aggregation: 'Maximum', splitBy: ['ClusterNodeName'], unit: 'drives' };
  }

  /** Processor time not idle, per machine. */
  public metricCpuPercentage(): MetricDefinition {
    return { resourceId: this.cluster.id, namespace: D.CLUSTER_METRIC_NAMESPACE, name: 'Hyper-V Hypervisor Logical Processor\\% Total Run Time', aggregation: 'Average', splitBy: ['ClusterNodeName'], unit: '%' };
  }

  /** Allocated memory, per machine. */
  public metricMemoryPercentage(): MetricDefinition {
    return { resourceId: this.cluster.id, namespace: D.CLUSTER_METRIC_NAMESPACE, name: 'ClusterNode Memory Usage', aggregation: 'Average', splitBy: ['ClusterNodeName'], unit: '%' };
  }

  /** Alerts on storage degraded (severity 1), CPU above 85 % and memory above 90 % (severity 2), behind `<path>_deployed`: the metrics exist once the instance runs. */
  public addRecommendedAlerts(actionGroup?: IActionGroup): MonitorMetricAlert[] {
    const rg = this.settings.resourceGroupName;
    const made = [
      Alerts.metric(this, 'StorageDegradedAlert', rg, this.metricStorageDegraded(), { actionGroup, operator: 'GreaterThan', threshold: 0, description: 'A drive of the Azure Local storage pool failed or is missing' }),
      Alerts.metric(this, 'CpuAlert', rg, this.metricCpuPercentage(), { actionGroup, severity: 2, operator: 'GreaterThan', threshold: D.ALERT_CPU_PERCENT, windowSize: 'PT15M', description: `A machine's processors are above ${D.ALERT_CPU_PERCENT} % for 15 minutes` }),
      Alerts.metric(this, 'MemoryAlert', rg, this.metricMemoryPercentage(), { actionGroup, severity: 2, operator: 'GreaterThan', threshold: D.ALERT_MEMORY_PERCENT, windowSize: 'PT15M', description: `A machine's memory is above ${D.ALERT_MEMORY_PERCENT} % allocated for 15 minutes` }),
    ];
    this.deployedGate.guard(...made);
    this.alerts.push(...made);
    return made;
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    // Metrics only: Azure documents platform metrics for Microsoft.AzureStackHCI/clusters
    // (supported-metrics, DS Export: Yes) and no log categories.
    return [{ targetResourceId: this.cluster.id, resourceType: 'azurerm_stack_hci_cluster' }];
  }

  /** Phase 2: the machine's Arc resource and the roles its identity needs before validation. */
  private registerMachine(machine: AzureLocalMachine): void {
    const lookup = new DataAzurermArcMachine(this, `Machine${machine.name}`, { name: machine.name, resourceGroupName: this.settings.resourceGroupName });
    lookup.count = this.machinesRegisteredGate.count;
    this.machineLookups[machine.name] = lookup;
    for (const [key, role] of Object.entries(D.MACHINE_ROLES)) {
      const assignment = new RoleAssignment(this, `Machine${machine.name}${key}`, {
        scope: this.settings.resourceGroupId,
        roleDefinitionName: role,
        principalId: gatedRef(lookup, 'identity[0].principal_id'),
        description: `Azure Local machine ${machine.name}: needed by the deployment`,
      });
      this.machinesRegisteredGate.guard(assignment);
      this.machineRoleAssignments.push(assignment);
    }
  }

  /** Phase 2: the deployment setting (validate, then deploy), after every machine is Connected. */
  private buildDeployment(props: AzureLocalClusterProps): StackHciDeploymentSetting {
    const lookups = props.machines.map((m) => this.machineLookups[m.name]);
    // The validation uses the machines' new roles at once: give them time to take effect.
    const roles = [...this.machineRoleAssignments, ...(this.resourceProviderRoleAssignment ? [this.resourceProviderRoleAssignment] : [])];
    const rolesPropagated = new TimeSleep(this, 'RolePropagation', { createDuration: ROLE_PROPAGATION_WAIT, dependsOn: roles });
    this.machinesRegisteredGate.guard(rolesPropagated);
    const setting = new StackHciDeploymentSetting(this, 'Deployment', {
      stackHciClusterId: this.cluster.id,
      arcResourceIds: lookups.map((l) => gatedRef(l, 'id')),
      version: props.version ?? D.DEPLOYMENT_VERSION,
      scaleUnit: [deploymentScaleUnit(props, this.customLocationName)],
      dependsOn: [...roles, rolesPropagated],
      lifecycle: {
        precondition: [{
          condition: `\${alltrue([${lookups.map((l) => `data.${l.terraformResourceType}.${l.friendlyUniqueId}[0].status == "Connected"`).join(', ')}])}`,
          errorMessage: `A machine of ${this.node.path} is not Connected in Azure Arc: finish Invoke-AzStackHciArcInitialization on every machine (runbook), wait until \`az connectedmachine list\` shows Connected, then deploy with the gate open.`,
        }],
      },
    });
    this.machinesRegisteredGate.guard(setting);
    checkFinalBody(this, setting, [AZL_SWITCHLESS_NODES]);
    return setting;
  }
}

/** `${data.<type>.<name>[0].<attribute>}`: a data source read only when its gate is open. */
function gatedRef(source: TerraformDataSource, attribute: string): string {
  return `\${data.${source.terraformResourceType}.${source.friendlyUniqueId}[0].${attribute}}`;
}

/** Checks every prop (one throw). */
function resolve(owner: AzureLocalCluster, props: AzureLocalClusterProps): void {
  const problems = new ProblemCollector(owner);
  problems.required('props', props, 'object');
  problems.throwIfAny();
  problems.required('resourceGroupName', props.resourceGroupName, 'string');
  problems.required('resourceGroupId', props.resourceGroupId, 'string');
  problems.guid(ROLE_ASSIGNMENT, 'hciResourceProviderObjectId', props.hciResourceProviderObjectId, `use the object id: az ad sp show --id ${D.HCI_RP_APP_ID} --query id -o tsv`);
  problems.required('location', props.location, 'string');
  problems.region('location', props.location);
  problems.literal('switchlessStorage', props.switchlessStorage, 'it decides which intents are valid');
  const switchless = props.switchlessStorage ?? false;
  checkDeployment(problems, props);
  checkMachines(problems, props.machines, switchless);
  checkIntents(problems, props.intents, props.storageNetworks, switchless);
  checkInfrastructure(problems, props.infrastructureNetwork, (Array.isArray(props.machines) ? props.machines : []).map((m) => m?.ipv4Address).filter(known));
  problems.throwIfAny();
}

/** The scale_unit block of the deployment. */
function deploymentScaleUnit(props: AzureLocalClusterProps, customLocation: string): any {
  const net = props.infrastructureNetwork;
  return {
    activeDirectoryOrganizationalUnitPath: props.organizationalUnitPath,
    domainFqdn: props.domainFqdn,
    namePrefix: props.namePrefix,
    secretsLocation: props.secretsLocation,
    ...D.SECURITY,
    cluster: {
      name: props.clusterName,
      azureServiceEndpoint: 'core.windows.net',
      cloudAccountName: props.witness.storageAccountName,
      witnessType: props.witness.witnessType,
      witnessPath: props.witness.path,
    },
    hostNetwork: {
      intent: props.intents.map((i) => ({ name: i.name, adapter: i.adapters, trafficType: i.trafficTypes })),
      storageNetwork: (props.storageNetworks ?? []).map((s) => ({ name: s.name, networkAdapterName: s.adapterName, vlanId: String(s.vlanId) })),
      storageConnectivitySwitchlessEnabled: props.switchlessStorage ?? false,
    },
    infrastructureNetwork: [{
      gateway: net.gateway,
      subnetMask: net.subnetMask,
      dnsServer: net.dnsServers,
      ipPool: [{ startingAddress: net.ipPoolStart, endingAddress: net.ipPoolEnd }],
    }],
    optionalService: { customLocation },
    physicalNode: props.machines.map((m) => ({ name: m.name, ipv4Address: m.ipv4Address })),
    storage: { configurationMode: props.storageConfigurationMode ?? D.STORAGE_CONFIGURATION_MODE },
  };
}
