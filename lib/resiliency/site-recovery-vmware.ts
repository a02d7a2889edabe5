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

/** A disk of a replicated VMware VM. */
export interface VmwareManagedDiskOptions {
  /** Disk id as the appliance discovered it. */
  readonly diskId: string;
  /** `Standard_LRS`, `StandardSSD_LRS` or `Premium_LRS`. */
  readonly targetDiskType: string;
  /**
   * Cache (log) storage account of this disk.
   * @default - none
   */
  readonly logStorageAccountId?: string;
}

/** A network interface of a replicated VMware VM. */
export interface VmwareNetworkInterfaceOptions {
  /** MAC address of the NIC in vCenter. */
  readonly sourceMacAddress: string;
  /** Subnet of `targetNetworkId`. */
  readonly targetSubnetName: string;
  /**
   * Subnet of the test failover network (a name in `testNetworkSubnets`).
   * @default - the same name as `targetSubnetName`
   */
  readonly testSubnetName?: string;
  /**
   * Static IP after failover.
   * @default - dynamic
   */
  readonly targetStaticIp?: string;
  /**
   * The primary NIC.
   * @default true
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
   * Recovery disk type with `defaultLogStorageAccountId`.
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
   * VMs to replicate, by a name of your choice (behind the appliance-registered gate).
   * @default - none
   */
  readonly replicatedVms?: { [name: string]: VmwareReplicatedVmOptions };
}

/**
 * Site Recovery for on-premises VMware VMs (modernized experience) in an exclusive vault:
 * replication policy and its association, replicated VMs behind the gate
 * `<path>_appliance_registered` (their create looks up the appliance, the site and the discovered
 * VM), an isolated test failover network, and the appliance and Mobility service steps in the
 * runbook.
 */
export class SiteRecoveryVmware extends Construct {
  public readonly policy: SiteRecoveryVmwareReplicationPolicy;
  public readonly association: SiteRecoveryVmwareReplicationPolicyAssociation;
  public readonly testNetwork: TestFailoverNetwork;
  /** Opened once the replication appliance is registered and has discovered the VMs. */
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
      networkInterface: options.networkInterfaces.map((n) => ({
        sourceMacAddress: n.sourceMacAddress,
        targetSubnetName: n.targetSubnetName,
        testSubnetName: n.testSubnetName ?? n.targetSubnetName,
        targetStaticIp: n.targetStaticIp,
        isPrimary: n.isPrimary ?? options.networkInterfaces.length === 1,
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
      const test = n.testSubnetName ?? n.targetSubnetName;
      problems.check(typeof test === 'string' && !Token.isUnresolved(test) && !testSubnets.includes(test), ASR_VMW_FAILOVER_NETWORK, prop(`networkInterfaces[${i}].testSubnetName`), test,
        `the test failover network has no subnet ${test} (it has ${testSubnets.join(', ')})`, 'name a subnet of `testNetworkSubnets`, or add one of that name');
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
