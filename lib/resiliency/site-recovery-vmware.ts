import { SiteRecoveryVmwareReplicatedVm } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replicated-vm';
import { SiteRecoveryVmwareReplicationPolicy } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replication-policy';
import { SiteRecoveryVmwareReplicationPolicyAssociation } from '@cdktf/provider-azurerm/lib/site-recovery-vmware-replication-policy-association';
import { Construct } from 'constructs';
import { IRecoveryServicesVault } from './backup-vault';
import { REGISTRATION_KEY_VALID_DAYS, VMWARE_APP_CONSISTENT_MINUTES, VMWARE_RETENTION_MINUTES } from './defaults';
import { TestFailoverNetwork } from './test-failover-network';
import { lookupOf } from './vault-lookup';
import { ProblemCollector } from '../core/errors';
import { LazySection, Runbook } from '../core/outputs';
import { ASR_VMW_DISKS, ASR_VMW_DUPLICATE, ASR_VMW_PLACEMENT, ASR_VMW_RETENTION } from './rules';

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
  readonly sourceMacAddress: string;
  /** Subnet of `targetNetworkId`. */
  readonly targetSubnetName: string;
  /**
   * Subnet of the test failover network.
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
   * Virtual network to fail over to (required with network interfaces).
   * @default - none
   */
  readonly targetNetworkId?: string;
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
  /**
   * Network interfaces.
   * @default - none
   */
  readonly networkInterfaces?: VmwareNetworkInterfaceOptions[];
}

/** The `terraform output` names a `SiteRecoveryVmware` adds for the hand-off. */
export interface SiteRecoveryVmwareOutputs {
  /** `terraform output` name of testNetworkId. */
  readonly testNetworkId: string;
}

/** Props of `SiteRecoveryVmware`. */
export interface SiteRecoveryVmwareProps {
  /** The vault (in the recovery region); `classic_vmware_replication_enabled` must be false (HybridBackupVault does so). */
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
   * Subnets of the test failover network.
   * @default - one subnet `default`
   */
  readonly testNetworkSubnets?: { [name: string]: string };
  /**
   * VMs to replicate, by a name of your choice.
   * @default - none
   */
  readonly replicatedVms?: { [name: string]: VmwareReplicatedVmOptions };
}

/**
 * Site Recovery for on-premises VMware VMs (modernized experience): replication policy and its
 * association, replicated VMs, an isolated test failover network, and the appliance steps in the
 * runbook.
 */
export class SiteRecoveryVmware extends Construct {
  public readonly policy: SiteRecoveryVmwareReplicationPolicy;
  public readonly association: SiteRecoveryVmwareReplicationPolicyAssociation;
  public readonly testNetwork: TestFailoverNetwork;
  /** Terraform output names for the runbook. */
  public readonly outputNames: SiteRecoveryVmwareOutputs;

  private readonly vault: IRecoveryServicesVault;
  private readonly applianceName?: string;
  private readonly vms = new Map<string, SiteRecoveryVmwareReplicatedVm>();

  constructor(scope: Construct, id: string, props: SiteRecoveryVmwareProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    const retention = props.recoveryPointRetentionMinutes ?? VMWARE_RETENTION_MINUTES;
    const appConsistent = props.appConsistentSnapshotMinutes ?? VMWARE_APP_CONSISTENT_MINUTES;
    const retentionOk = Number.isInteger(retention) && retention >= 0 && retention <= 21600;
    problems.check(!retentionOk, ASR_VMW_RETENTION, 'recoveryPointRetentionMinutes', retention, 'recovery points are kept 0-21600 minutes', `use ${VMWARE_RETENTION_MINUTES}`);
    problems.check(
      !Number.isInteger(appConsistent) || appConsistent < 0 || appConsistent > 720 || (retentionOk && appConsistent > retention),
      ASR_VMW_RETENTION,
      'appConsistentSnapshotMinutes',
      appConsistent,
      `app-consistent snapshots are taken every 0-720 minutes and not less often than the ${retention}-minute retention`,
      `use ${VMWARE_APP_CONSISTENT_MINUTES}`,
    );
    problems.throwIfAny();
    this.vault = props.vault;
    this.applianceName = props.applianceName;
    const base = id.toLowerCase();
    this.policy = new SiteRecoveryVmwareReplicationPolicy(this, 'Policy', {
      name: `${base}-policy`,
      recoveryVaultId: props.vault.vaultId,
      recoveryPointRetentionInMinutes: retention,
      applicationConsistentSnapshotFrequencyInMinutes: appConsistent,
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
    for (const [name, vm] of Object.entries(props.replicatedVms ?? {})) this.addReplicatedVm(name, vm, `replicatedVms.${name}`);

    const runbook = Runbook.of(this);
    this.outputNames = {
      testNetworkId: runbook.addOutput(this, 'TestNetworkId', { value: this.testNetwork.virtualNetworkId, description: `Isolated test failover network of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Site Recovery for VMware ${this.node.path}`, () => this.renderHandoff()));
  }

  /** Replicates a VMware VM; `name` is the replicated item's name and construct id. */
  public addReplicatedVm(name: string, options: VmwareReplicatedVmOptions, propPrefix = ''): SiteRecoveryVmwareReplicatedVm {
    const prop = (p: string) => (propPrefix ? `${propPrefix}.${p}` : p);
    const problems = new ProblemCollector(this);
    problems.check(this.vms.has(name), ASR_VMW_DUPLICATE, propPrefix || 'name', name, `a replicated VM named ${name} already exists`, 'list each VM once');
    problems.check(this.applianceName === undefined, ASR_VMW_DISKS, 'applianceName', this.applianceName, 'replicated VMs need the name of the replication appliance', 'set `applianceName` after registering the appliance (see the runbook)');
    const disks = options.managedDisks ?? [];
    const hasLog = options.defaultLogStorageAccountId !== undefined;
    problems.check(
      hasLog === disks.length > 0,
      ASR_VMW_DISKS,
      prop(hasLog ? 'managedDisks' : 'defaultLogStorageAccountId'),
      hasLog ? disks.length : undefined,
      hasLog ? 'give either `defaultLogStorageAccountId` or `managedDisks`, not both' : 'give `defaultLogStorageAccountId` or `managedDisks`',
      'use `defaultLogStorageAccountId` for all disks, or `managedDisks` for per-disk settings',
    );
    problems.check(
      options.targetZone !== undefined && options.targetAvailabilitySetId !== undefined,
      ASR_VMW_PLACEMENT,
      prop('targetZone'),
      options.targetZone,
      'a VM goes to an availability zone or an availability set, not both',
      'drop `targetZone` or `targetAvailabilitySetId` (zones are recommended)',
    );
    const nics = options.networkInterfaces ?? [];
    problems.check(nics.length > 0 && options.targetNetworkId === undefined, ASR_VMW_PLACEMENT, prop('targetNetworkId'), undefined, 'network interfaces need `targetNetworkId`', 'give the virtual network to fail over to');
    problems.throwIfAny();
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
      networkInterface: nics.length
        ? nics.map((n) => ({
          sourceMacAddress: n.sourceMacAddress,
          targetSubnetName: n.targetSubnetName,
          testSubnetName: n.testSubnetName ?? n.targetSubnetName,
          targetStaticIp: n.targetStaticIp,
          isPrimary: n.isPrimary ?? true,
        }))
        : undefined,
      dependsOn: [this.association],
    });
    this.vms.set(name, vm);
    return vm;
  }

  private renderHandoff(): string {
    const vms = [...this.vms.keys()];
    return [
      'Terraform creates the policy, its association and the replicated VMs; the replication appliance',
      'and the Mobility service are installed by hand, before the replicated VMs can be applied.',
      '',
      `### 1. Appliance (once per vCenter; the registration key is valid ${REGISTRATION_KEY_VALID_DAYS} days)`,
      '',
      '1. Portal: vault > Site Recovery > Prepare infrastructure > VMware to Azure: generate the key and download the appliance OVA (or the PowerShell installer for Windows Server 2019/2022).',
      '2. Deploy the OVA on vCenter (the modernized appliance needs 16 vCPU, 32 GB RAM and an 80 GB disk), open outbound HTTPS 443 to Azure (or the vault\'s private endpoint).',
      '3. In the appliance configuration manager: paste the key, add the vCenter credentials and the credential used to push the Mobility service (its name is `physicalServerCredentialName`).',
      '4. Note the appliance name and set `applianceName`:',
      '',
      '```powershell',
      lookupOf(this.vault),
      'Set-AzRecoveryServicesAsrVaultContext -Vault $vault',
      'Get-AzRecoveryServicesAsrFabric | Select-Object FriendlyName',
      '```',
      '',
      '### 2. Replicated VMs',
      '',
      vms.length ? `In Terraform: ${vms.map((v) => `\`${v}\``).join(', ')}. The Mobility service is pushed by the appliance; install it by hand where push is blocked (\`UnifiedAgentInstaller.exe /Role "MS" /InstallLocation "C:\\Program Files (x86)\\Microsoft Azure Site Recovery" /Platform "VmWare" /Silent\`).` : 'None in Terraform yet: add them under `replicatedVms` once the appliance has discovered them.',
      '',
      '### 3. Test failover',
      '',
      `Run test failovers into the isolated network \`terraform output -raw ${this.outputNames.testNetworkId}\`, then clean up.`,
    ].join('\n');
  }
}
