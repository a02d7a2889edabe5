import { SiteRecoveryHypervNetworkMapping } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-network-mapping';
import { SiteRecoveryHypervReplicationPolicy } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-replication-policy';
import { SiteRecoveryHypervReplicationPolicyAssociation } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-replication-policy-association';
import { SiteRecoveryServicesVaultHypervSite } from '@cdktf/provider-azurerm/lib/site-recovery-services-vault-hyperv-site';
import { Construct } from 'constructs';
import { HYPERV_APP_CONSISTENT_HOURS, HYPERV_INTERVAL_SECONDS, HYPERV_RETENTION_HOURS } from './defaults';
import { renderHyperVHandoff } from './handoff/site-recovery-hyperv';
import { IRecoveryServicesVault } from './recovery-services-vault';
import { checkReplicationRetention } from './replication-checks';
import { ASR_HV_INTERVAL, ASR_HV_RETENTION, ASR_VMM_MAPPING } from './rules';
import { TestFailoverNetwork } from './test-failover-network';
import { ProblemCollector } from '../core/errors';
import { LifecycleGate } from '../core/gates';
import { generateName } from '../core/naming';
import { LazySection, outputName, Runbook } from '../core/outputs';

/** A VMM network mapping: a VM network of a VMM cloud to an Azure virtual network. */
export interface HyperVNetworkMappingOptions {
  /** Name of the VMM server as registered in the vault. */
  readonly vmmServerName: string;
  /** Name of the VM network in VMM. */
  readonly vmNetworkName: string;
  /** Azure virtual network the VMs fail over to. */
  readonly targetNetworkId: string;
}

/** The `terraform output` names a `SiteRecoveryHyperV` adds for the hand-off. */
export interface SiteRecoveryHyperVOutputs {
  /** `terraform output` name of siteName. */
  readonly siteName: string;
  /** `terraform output` name of testNetworkId. */
  readonly testNetworkId: string;
}

/** Props of `SiteRecoveryHyperV`. */
export interface SiteRecoveryHyperVProps {
  /** The vault (in the recovery region); not one used for VMware replication (ASR-VMW-VAULT-EXCLUSIVE). */
  readonly vault: IRecoveryServicesVault;
  /**
   * Name of the Hyper-V site.
   * @default - generated from the construct path (`rsv-<path>-site`)
   */
  readonly siteName?: string;
  /**
   * Replication frequency, 30 or 300 seconds.
   * @default 300
   */
  readonly replicationIntervalSeconds?: number;
  /**
   * Hours of recovery points to keep, 0-24.
   * @default 24
   */
  readonly recoveryPointRetentionHours?: number;
  /**
   * Hours between app-consistent snapshots, 0-12 (0: none), at most the retention.
   * @default 4
   */
  readonly appConsistentSnapshotHours?: number;
  /**
   * Network mappings by name, when the hosts are managed by System Center VMM (behind the
   * hosts-registered gate: they need the VMM server registered).
   * @default - none (standalone Hyper-V hosts: the network is chosen per VM)
   */
  readonly vmmNetworkMappings?: { [name: string]: HyperVNetworkMappingOptions };
  /**
   * Address space of the isolated test failover network (may repeat production's).
   * @default ['10.255.0.0/16']
   */
  readonly testNetworkAddressSpace?: string[];
  /**
   * Subnets of the test failover network.
   * @default - one subnet `default`
   */
  readonly testNetworkSubnets?: { [name: string]: string };
  /**
   * Hyper-V hosts to register (for the runbook).
   * @default - none listed
   */
  readonly hostNames?: string[];
  /**
   * VMs to enable replication for (for the runbook).
   * @default - none listed
   */
  readonly virtualMachineNames?: string[];
}

/**
 * Site Recovery for on-premises Hyper-V VMs to Azure: a Hyper-V site in the vault, a validated
 * replication policy, its association behind the gate `<path>_hosts_registered` (Azure accepts it
 * only once a host has registered), VMM network mappings, an isolated test failover network, and
 * the provider installation and per-VM steps in the runbook.
 */
export class SiteRecoveryHyperV extends Construct {
  public readonly site: SiteRecoveryServicesVaultHypervSite;
  public readonly policy: SiteRecoveryHypervReplicationPolicy;
  /** The policy association (behind `hostsRegisteredGate`). */
  public readonly association: SiteRecoveryHypervReplicationPolicyAssociation;
  public readonly networkMappings: SiteRecoveryHypervNetworkMapping[] = [];
  public readonly testNetwork: TestFailoverNetwork;
  /** Opened once the Hyper-V hosts (or VMM servers) have registered with the vault. */
  public readonly hostsRegisteredGate: LifecycleGate;
  /** The vault. */
  public readonly vault: IRecoveryServicesVault;
  /** Terraform output names for the runbook. */
  public readonly outputNames: SiteRecoveryHyperVOutputs;

  constructor(scope: Construct, id: string, props: SiteRecoveryHyperVProps) {
    super(scope, id);
    SiteRecoveryHyperV.check(this, props);
    this.vault = props.vault;
    const siteName = props.siteName ?? generateName(this, 'recoveryServicesVault', 'site');
    this.site = new SiteRecoveryServicesVaultHypervSite(this, 'Resource', { name: siteName, recoveryVaultId: props.vault.vaultId });
    this.policy = new SiteRecoveryHypervReplicationPolicy(this, 'Policy', {
      name: `${siteName}-policy`,
      recoveryVaultId: props.vault.vaultId,
      replicationIntervalInSeconds: props.replicationIntervalSeconds ?? HYPERV_INTERVAL_SECONDS,
      recoveryPointRetentionInHours: props.recoveryPointRetentionHours ?? HYPERV_RETENTION_HOURS,
      applicationConsistentSnapshotFrequencyInHours: props.appConsistentSnapshotHours ?? HYPERV_APP_CONSISTENT_HOURS,
    });
    this.association = new SiteRecoveryHypervReplicationPolicyAssociation(this, 'PolicyAssociation', {
      name: `${siteName}-policy-association`,
      hypervSiteId: this.site.id,
      policyId: this.policy.id,
    });
    for (const [name, m] of Object.entries(props.vmmNetworkMappings ?? {})) {
      this.networkMappings.push(new SiteRecoveryHypervNetworkMapping(this, `NetworkMapping${name}`, {
        name,
        recoveryVaultId: props.vault.vaultId,
        sourceSystemCenterVirtualMachineManagerName: m.vmmServerName,
        sourceNetworkName: m.vmNetworkName,
        targetNetworkId: m.targetNetworkId,
      }));
    }
    this.hostsRegisteredGate = LifecycleGate.of(this, `${outputName(this, '')}_hosts_registered`, {
      waitsFor: `the Hyper-V hosts${this.networkMappings.length ? ' and VMM servers' : ''} of site ${this.node.path} are registered with the vault (DRConfigurator)`,
      performedBy: 'the on-premises Hyper-V team',
      verify: 'Get-AzRecoveryServicesAsrProtectionContainer -Fabric $site',
    });
    this.hostsRegisteredGate.guard(this.association, ...this.networkMappings);
    this.testNetwork = new TestFailoverNetwork(this, 'TestNetwork', {
      resourceGroupName: props.vault.resourceGroupName,
      location: props.vault.location,
      addressSpace: props.testNetworkAddressSpace,
      subnets: props.testNetworkSubnets,
    });
    this.outputNames = this.handOff(props);
  }

  private static check(self: SiteRecoveryHyperV, props: SiteRecoveryHyperVProps): void {
    const problems = new ProblemCollector(self);
    problems.required('props', props, 'object');
    problems.throwIfAny();
    problems.required('vault', props.vault, 'construct');
    problems.oneOf(ASR_HV_INTERVAL, 'replicationIntervalSeconds', props.replicationIntervalSeconds, [30, 300], 'use 300 (or 30)');
    checkReplicationRetention(problems, {
      rule: ASR_HV_RETENTION,
      unit: 'hour',
      retentionProp: 'recoveryPointRetentionHours',
      retention: props.recoveryPointRetentionHours ?? HYPERV_RETENTION_HOURS,
      maxRetention: 24,
      defaultRetention: HYPERV_RETENTION_HOURS,
      snapshotProp: 'appConsistentSnapshotHours',
      snapshot: props.appConsistentSnapshotHours ?? HYPERV_APP_CONSISTENT_HOURS,
      maxSnapshot: 12,
      defaultSnapshot: HYPERV_APP_CONSISTENT_HOURS,
    });
    problems.literal('vmmNetworkMappings', props.vmmNetworkMappings, 'each mapping is a resource');
    for (const [name, m] of Object.entries(props.vmmNetworkMappings ?? {})) {
      for (const key of ['vmmServerName', 'vmNetworkName', 'targetNetworkId'] as const) {
        problems.check(typeof m[key] !== 'string' || m[key].trim() === '', ASR_VMM_MAPPING, `vmmNetworkMappings.${name}.${key}`, m[key], `\`${key}\` is empty`, 'name the VMM server, the VM network and the target virtual network id');
      }
    }
    problems.throwIfAny();
  }

  private handOff(props: SiteRecoveryHyperVProps): SiteRecoveryHyperVOutputs {
    const runbook = Runbook.of(this);
    const outputs = {
      siteName: runbook.addOutput(this, 'SiteName', { value: this.site.name, description: `Hyper-V site of ${this.node.path}` }),
      testNetworkId: runbook.addOutput(this, 'TestNetworkId', { value: this.testNetwork.virtualNetworkId, description: `Isolated test failover network of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Site Recovery for Hyper-V ${this.node.path}`, () => renderHyperVHandoff({
      vaultIdOutputName: this.vault.vaultIdOutputName,
      vaultId: this.vault.vaultId,
      vaultPublic: this.vault.publicNetworkAccessEnabled,
      siteNameOutput: outputs.siteName,
      testNetworkIdOutput: outputs.testNetworkId,
      gateName: this.hostsRegisteredGate.name,
      hostNames: props.hostNames ?? [],
      virtualMachineNames: props.virtualMachineNames ?? [],
      vmm: this.networkMappings.length > 0,
    })));
    return outputs;
  }
}
