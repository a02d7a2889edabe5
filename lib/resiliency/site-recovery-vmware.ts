import { SiteRecoveryVmwareReplicatedVm } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replicated-vm';
import { SiteRecoveryVmwareReplicationPolicy } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replication-policy';
import { SiteRecoveryVmwareReplicationPolicyAssociation } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replication-policy-association';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { VMWARE_APP_CONSISTENT_MINUTES, VMWARE_REPLICATED_VM_CREATE_TIMEOUT, VMWARE_RETENTION_MINUTES } from './defaults';
import { renderVmwareHandoff } from './handoff/site-recovery-vmware';
import { IRecoveryServicesVault } from './recovery-services-vault';
import { checkReplicationRetention } from './replication-checks';
import { ASR_VMW_DISKS, ASR_VMW_DUPLICATE, ASR_VMW_FAILOVER_NETWORK, ASR_VMW_PLACEMENT, ASR_VMW_RETENTION } from './rules';
import { TestFailoverNetwork } from './test-failover-network';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { LazySection, outputName, Runbook } from '../core/outputs';

/** A source NIC's MAC address as the provider validates `source_mac_address`. */
const MAC = /^[a-fA-F0-9]{2}(:[a-fA-F0-9]{2}){5}$/;

/** The disk types the provider accepts for `target_disk_type` and `default_recovery_disk_type` (DiskAccountType, API 2024-04-01). */
const DISK_TYPES = ['Premium_LRS', 'PremiumV2_LRS', 'Premium_ZRS', 'Standard_LRS', 'StandardSSD_LRS', 'StandardSSD_ZRS', 'UltraSSD_LRS'] as const;

/** Which NICs are primary: `isPrimary` as given; when no NIC gives it, the first one. */
function primaryFlags(nics: VmwareNetworkInterfaceOptions[]): boolean[] {
  const noneGiven = nics.every((n) => n.isPrimary === undefined);
  return nics.map((n, i) => n.isPrimary ?? (noneGiven && i === 0));
}

/** A disk of a replicated VMware VM. */
export interface VmwareManagedDiskOptions {
  /** Disk id as the appliance discovered it. */
  readonly diskId: string;
  /**
   * Disk type after failover: `Standard_LRS`, `StandardSSD_LRS`, `StandardSSD_ZRS`, `Premium_LRS`,
   * `Premium_ZRS`, `PremiumV2_LRS` or `UltraSSD_LRS`.
   */
  readonly targetDiskType: string;
  /**
   * Cache (log) storage account of this disk.
   * @default - none
   */
  readonly logStorageAccountId?: string;
}

/** A network interface of a replicated VMware VM. */
export interface VmwareNetworkInterfaceOptions {
  /** MAC address of the NIC in vCenter, six pairs of hex digits separated by ':' (`00:50:56:aa:bb:cc`). */
  readonly sourceMacAddress: string;
  /** Subnet of `targetNetworkId`. */
  readonly targetSubnetName: string;
  /**
   * Subnet of the test failover network (a name in `testNetworkSubnets`).
   * @default - the same name as `targetSubnetName`
   */
  readonly testSubnetName?: string;
  /**
   * Static IPv4 address after failover.
   * @default - dynamic
   */
  readonly targetStaticIp?: string;
  /**
   * The primary NIC: exactly one NIC of a VM is primary (ASR-VMW-FAILOVER-NETWORK).
   * @default - true for the first NIC when no NIC sets `isPrimary`, otherwise false
   */
  readonly isPrimary?: boolean;
}

/** A VMware VM to replicate (discovered by the appliance, Mobility service installed). */
export interface VmwareReplicatedVmOptions {
  /** Name of the VM in vCenter. */
  readonly sourceVmName: string;
  /** Name of the credential the appliance uses to push the Mobility service. */
  readonly physicalServerCredentialName: string;
  /** Resource group the VM fails over to. */
  readonly targetResourceGroupId: string;
  /**
   * Name of the Azure VM.
   * @default - the source name
   */
  readonly targetVmName?: string;
  /**
   * Virtual network a real failover brings the VM up in (the recovery network, usually peered to
   * the DR hub; not the isolated test network).
   */
  readonly targetNetworkId: string;
  /**
   * VM size.
   * @default - chosen by Site Recovery
   */
  readonly targetVmSize?: string;
  /**
   * Availability zone; not with `targetAvailabilitySetId`.
   * @default - none
   */
  readonly targetZone?: string;
  /**
   * Availability set; not with `targetZone`.
   * @default - none
   */
  readonly targetAvailabilitySetId?: string;
  /**
   * Cache (log) storage account for all disks; exactly one of this and `managedDisks`.
   * @default - none
   */
  readonly defaultLogStorageAccountId?: string;
  /**
   * Recovery disk type with `defaultLogStorageAccountId` (the values of `targetDiskType`).
   * @default 'Premium_LRS'
   */
  readonly defaultRecoveryDiskType?: string;
  /**
   * Per-disk settings; exactly one of this and `defaultLogStorageAccountId`.
   * @default - none
   */
  readonly managedDisks?: VmwareManagedDiskOptions[];
  /** Network interfaces: at least one, each mapping a source MAC to a target and a test subnet. */
  readonly networkInterfaces: VmwareNetworkInterfaceOptions[];
  /**
   * How long Terraform waits for the create, which lasts until the initial replication has copied
   * every disk: a 500 GB VM over a 50 Mbit/s uplink takes about 22 hours.
   * @default '24h'
   */
  readonly createTimeout?: string;
}

/** The `terraform output` names a `SiteRecoveryVmware` adds for the hand-off. */
export interface SiteRecoveryVmwareOutputs {
  /** `terraform output` name of testNetworkId. */
  readonly testNetworkId: string;
}

/** Props of `SiteRecoveryVmware`. */
export interface SiteRecoveryVmwareProps {
  /**
   * A vault of its own, in the recovery region: the modernized appliance needs "a new and
   * exclusive Recovery Services vault" (no Hyper-V site, no backup items; ASR-VMW-VAULT-EXCLUSIVE).
   * `classic_vmware_replication_enabled` must be false (`RecoveryServicesVault` does so).
   */
  readonly vault: IRecoveryServicesVault;
  /**
   * Name of the replication appliance registered in the vault (needed for replicated VMs).
   * @default - none
   */
  readonly applianceName?: string;
  /**
   * Minutes of recovery points, 0-21600.
   * @default 4320
   */
  readonly recoveryPointRetentionMinutes?: number;
  /**
   * Minutes between app-consistent snapshots, 0-720, at most the retention.
   * @default 240
   */
  readonly appConsistentSnapshotMinutes?: number;
  /**
   * Address space of the isolated test failover network.
   * @default ['10.255.0.0/16']
   */
  readonly testNetworkAddressSpace?: string[];
  /**
   * Subnets of the test failover network (use the recovery network's subnet names).
   * @default - one subnet `default`
   */
  readonly testNetworkSubnets?: { [name: string]: string };
  /**
   * VMs to replicate, by a name of your choice (behind the appliance-registered gate, like the
   * policy association).
   * @default - none
   */
  readonly replicatedVms?: { [name: string]: VmwareReplicatedVmOptions };
}

/**
 * Site Recovery for on-premises VMware VMs (modernized experience) in an exclusive vault, with a
 * replication policy and an isolated test failover network in phase 1, the policy association and
 * the replicated VMs behind the gate `<path>_appliance_registered`, and the appliance and Mobility
 * service steps in the runbook. The association needs the protection container that the
 * appliance's registration creates; a VM's create looks up the appliance, the site and the
 * discovered VM.
 */
export class SiteRecoveryVmware extends Construct {
  public readonly policy: SiteRecoveryVmwareReplicationPolicy;
  /** The policy association (behind `applianceRegisteredGate`). */
  public readonly association: SiteRecoveryVmwareReplicationPolicyAssociation;
  public readonly testNetwork: TestFailoverNetwork;
  /** Gate of the policy association and the replicated VMs, opened once the replication appliance is registered and has discovered the VMs. */
  public readonly applianceRegisteredGate: LifecycleGate;
  /** The vault. */
  public readonly vault: IRecoveryServicesVault;
  /** Terraform output names for the runbook. */
  public readonly outputNames: SiteRecoveryVmwareOutputs;

  private readonly applianceName?: string;
  private readonly vms = new Map<string, SiteRecoveryVmwareReplicatedVm>();

  constructor(scope: Construct, id: string, props: SiteRecoveryVmwareProps) {
    super(scope, id);
    SiteRecoveryVmware.check(this, props);
    this.vault = props.vault;
    this.applianceName = props.applianceName;
    const base = id.toLowerCase();
    this.policy = new SiteRecoveryVmwareReplicationPolicy(this, 'Policy', {
      name: `${base}-policy`,
      recoveryVaultId: props.vault.vaultId,
      recoveryPointRetentionInMinutes: props.recoveryPointRetentionMinutes ?? VMWARE_RETENTION_MINUTES,
      applicationConsistentSnapshotFrequencyInMinutes: props.appConsistentSnapshotMinutes ?? VMWARE_APP_CONSISTENT_MINUTES,
    });
    this.association = new SiteRecoveryVmwareReplicationPolicyAssociation(this, 'PolicyAssociation', {
      name: `${base}-policy-association`,
      recoveryVaultId: props.vault.vaultId,
      policyId: this.policy.id,
    });
    this.testNetwork = new TestFailoverNetwork(this, 'TestNetwork', {
      resourceGroupName: props.vault.resourceGroupName,
      location: props.vault.location,
      addressSpace: props.testNetworkAddressSpace,
      subnets: props.testNetworkSubnets,
    });
    this.applianceRegisteredGate = LifecycleGate.of(this, `${outputName(this, '')}_appliance_registered`, {
      waitsFor: `the replication appliance of ${this.node.path} is registered with its vault and has discovered the VMs`,
      performedBy: 'the on-premises VMware team',
      verify: 'Get-AzRecoveryServicesAsrFabric | Select-Object FriendlyName',
    });
    // The association's create looks up the vault's protection container and fails unless there
    // is exactly one ("there should be only one protection container in Classic Recovery Vault,
    // get: 0"): hashicorp/terraform-provider-azurerm v4.55.0
    // internal/services/recoveryservices/site_recovery_vmware_replication_policy_association_resource.go
    // (Create -> fetchReplicationPolicyAssociationContainerId). The container exists only once the
    // replication appliance has registered, so the association waits behind the appliance gate.
    this.applianceRegisteredGate.guard(this.association);
    for (const [name, vm] of Object.entries(props.replicatedVms ?? {})) this.addVm(name, vm, `replicatedVms.${name}`);
    this.outputNames = this.handOff();
  }

  private static check(self: SiteRecoveryVmware, props: SiteRecoveryVmwareProps): void {
    const problems = new ProblemCollector(self);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('vault', props.vault, 'construct');
    problems.type('applianceName', props.applianceName, 'string');
    checkReplicationRetention(problems, {
      rule: ASR_VMW_RETENTION,
      unit: 'minute',
      retentionProp: 'recoveryPointRetentionMinutes',
      retention: props.recoveryPointRetentionMinutes ?? VMWARE_RETENTION_MINUTES,
      maxRetention: 21600,
      defaultRetention: VMWARE_RETENTION_MINUTES,
      snapshotProp: 'appConsistentSnapshotMinutes',
      snapshot: props.appConsistentSnapshotMinutes ?? VMWARE_APP_CONSISTENT_MINUTES,
      maxSnapshot: 720,
      defaultSnapshot: VMWARE_APP_CONSISTENT_MINUTES,
    });
    problems.throwIfAny();
  }

  /** Replicates a VMware VM (behind `applianceRegisteredGate`); `name` is the replicated item's name and construct id. */
  public addReplicatedVm(name: string, options: VmwareReplicatedVmOptions): SiteRecoveryVmwareReplicatedVm {
    return this.addVm(name, options, '');
  }

  private addVm(name: string, options: VmwareReplicatedVmOptions, prefix: string): SiteRecoveryVmwareReplicatedVm {
    this.checkVm(name, options, prefix);
    const disks = options.managedDisks ?? [];
    const hasLog = options.defaultLogStorageAccountId !== undefined;
    const vm = new SiteRecoveryVmwareReplicatedVm(this, `Vm${name}`, {
      name,
      recoveryVaultId: this.vault.vaultId,
      applianceName: this.applianceName!,
      sourceVmName: options.sourceVmName,
      physicalServerCredentialName: options.physicalServerCredentialName,
      recoveryReplicationPolicyId: this.association.policyId,
      targetResourceGroupId: options.targetResourceGroupId,
      targetVmName: options.targetVmName ?? options.sourceVmName,
      targetNetworkId: options.targetNetworkId,
      testNetworkId: this.testNetwork.virtualNetworkId,
      targetVmSize: options.targetVmSize,
      targetZone: options.targetZone,
      targetAvailabilitySetId: options.targetAvailabilitySetId,
      defaultLogStorageAccountId: options.defaultLogStorageAccountId,
      defaultRecoveryDiskType: hasLog ? options.defaultRecoveryDiskType ?? 'Premium_LRS' : undefined,
      managedDisk: disks.length ? disks.map((d) => ({ diskId: d.diskId, targetDiskType: d.targetDiskType, logStorageAccountId: d.logStorageAccountId })) : undefined,
      networkInterface: options.networkInterfaces.map((n, i) => ({
        sourceMacAddress: n.sourceMacAddress,
        targetSubnetName: n.targetSubnetName,
        testSubnetName: n.testSubnetName ?? n.targetSubnetName,
        targetStaticIp: n.targetStaticIp,
        isPrimary: primaryFlags(options.networkInterfaces)[i],
      })),
      timeouts: { create: options.createTimeout ?? VMWARE_REPLICATED_VM_CREATE_TIMEOUT },
      dependsOn: [this.association],
    });
    this.applianceRegisteredGate.guard(vm);
    this.vms.set(name, vm);
    return vm;
  }

  private checkVm(name: string, options: VmwareReplicatedVmOptions, prefix: string): void {
    const prop = (p: string) => (prefix ? `${prefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.required(prefix || 'name', name, 'string');
    problems.required(prefix || 'options', options, 'object');
    problems.throwIfAny();
    problems.check(this.vms.has(name), ASR_VMW_DUPLICATE, prefix || 'name', name, `a replicated VM named ${name} already exists`, 'list each VM once');
    problems.check(this.applianceName === undefined, ASR_VMW_DISKS, 'applianceName', this.applianceName, 'replicated VMs need the name of the replication appliance', 'set `applianceName` after registering the appliance (see the runbook)');
    for (const key of ['sourceVmName', 'physicalServerCredentialName', 'targetResourceGroupId', 'targetNetworkId'] as const) problems.required(prop(key), options[key], 'string');
    const disks = options.managedDisks ?? [];
    const hasLog = options.defaultLogStorageAccountId !== undefined;
    problems.check(hasLog === disks.length > 0, ASR_VMW_DISKS, prop(hasLog ? 'managedDisks' : 'defaultLogStorageAccountId'), hasLog ? disks.length : undefined,
      hasLog ? 'give either `defaultLogStorageAccountId` or `managedDisks`, not both' : 'give `defaultLogStorageAccountId` or `managedDisks`',
      'use `defaultLogStorageAccountId` for all disks, or `managedDisks` for per-disk settings');
    problems.check(options.targetZone !== undefined && options.targetAvailabilitySetId !== undefined, ASR_VMW_PLACEMENT, prop('targetZone'), options.targetZone,
      'a VM goes to an availability zone or an availability set, not both', 'drop `targetZone` or `targetAvailabilitySetId` (zones are recommended)');
    const nics = Array.isArray(options.networkInterfaces) ? options.networkInterfaces : [];
    problems.check(nics.length === 0, ASR_VMW_FAILOVER_NETWORK, prop('networkInterfaces'), options.networkInterfaces,
      'without a network interface mapping a failed-over VM has no subnet in the recovery network', 'map each NIC: `{ sourceMacAddress, targetSubnetName }`');
    const testSubnets = Object.keys(this.testNetwork.subnets);
    nics.forEach((n, i) => {
      const nicProp = (p: string) => prop(`networkInterfaces[${i}].${p}`);
      if (problems.required(prop(`networkInterfaces[${i}]`), n, 'object')) return;
      const test = n.testSubnetName ?? n.targetSubnetName;
      problems.check(typeof test === 'string' && !Token.isUnresolved(test) && !testSubnets.includes(test), ASR_VMW_FAILOVER_NETWORK, nicProp('testSubnetName'), test,
        `the test failover network has no subnet ${test} (it has ${testSubnets.join(', ')})`, 'name a subnet of `testNetworkSubnets`, or add one of that name');
      // The provider's own formats (site_recovery_vmware_replicated_vm_resource.go): source_mac_address
      // matches ^[a-fA-F0-9]{2}(:[a-fA-F0-9]{2}){5}$, target_static_ip is an IPv4 address.
      if (!problems.required(nicProp('sourceMacAddress'), n.sourceMacAddress, 'string') && !Token.isUnresolved(n.sourceMacAddress)) {
        problems.check(!MAC.test(n.sourceMacAddress), ASR_VMW_FAILOVER_NETWORK, nicProp('sourceMacAddress'), n.sourceMacAddress,
          "a source MAC address is six pairs of hexadecimal digits separated by ':'", 'copy it from vCenter (Get-VM <name> | Get-NetworkAdapter), e.g. 00:50:56:aa:bb:cc');
      }
      problems.ipv4(ASR_VMW_FAILOVER_NETWORK, nicProp('targetStaticIp'), n.targetStaticIp, 'use an IPv4 address of the target subnet, such as 10.20.1.10, or leave it out for a dynamic address');
      if (!Token.isUnresolved(n.isPrimary)) problems.type(nicProp('isPrimary'), n.isPrimary, 'boolean');
    });
    // Exactly one primary NIC (Site Recovery fails over the primary NIC and brings the VM up on it;
    // with none marked, every NIC is sent with IsPrimaryNic false).
    if (nics.length > 0 && nics.every((n) => n !== null && typeof n === 'object' && (n.isPrimary === undefined || typeof n.isPrimary === 'boolean'))) {
      const primaries = primaryFlags(nics).filter((p) => p).length;
      problems.check(primaries !== 1, ASR_VMW_FAILOVER_NETWORK, prop('networkInterfaces'), nics.map((n) => n.isPrimary),
        `exactly one network interface is primary, here ${primaries} ${primaries === 1 ? 'is' : 'are'}`, 'set `isPrimary: true` on the one NIC the VM is reached on (and leave it out or false on the others)');
    }
    const diskTypes = [...DISK_TYPES];
    if (hasLog) problems.oneOf(ASR_VMW_DISKS, prop('defaultRecoveryDiskType'), options.defaultRecoveryDiskType, diskTypes);
    (Array.isArray(disks) ? disks : []).forEach((d, i) => {
      if (problems.required(prop(`managedDisks[${i}]`), d, 'object')) return;
      problems.required(prop(`managedDisks[${i}].diskId`), d.diskId, 'string');
      if (!problems.required(prop(`managedDisks[${i}].targetDiskType`), d.targetDiskType, 'string')) problems.oneOf(ASR_VMW_DISKS, prop(`managedDisks[${i}].targetDiskType`), d.targetDiskType, diskTypes);
    });
    problems.throwIfAny();
  }

  private handOff(): SiteRecoveryVmwareOutputs {
    const runbook = Runbook.of(this);
    const outputs = {
      testNetworkId: runbook.addOutput(this, 'TestNetworkId', { value: this.testNetwork.virtualNetworkId, description: `Isolated test failover network of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Site Recovery for VMware ${this.node.path}`, () => renderVmwareHandoff({
      vaultIdOutputName: this.vault.vaultIdOutputName,
      vaultId: this.vault.vaultId,
      vaultPublic: this.vault.publicNetworkAccessEnabled,
      testNetworkIdOutput: outputs.testNetworkId,
      gateName: this.applianceRegisteredGate.name,
      vms: [...this.vms.keys()],
      createTimeout: VMWARE_REPLICATED_VM_CREATE_TIMEOUT,
    })));
    return outputs;
  }
}
