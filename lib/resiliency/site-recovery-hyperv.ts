import { SiteRecoveryHypervNetworkMapping } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-network-mapping';
import { SiteRecoveryHypervReplicationPolicy } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-replication-policy';
import { SiteRecoveryHypervReplicationPolicyAssociation } from '@cdktf/provider-azurerm/lib/site-recovery-hyperv-replication-policy-association';
import { SiteRecoveryServicesVaultHypervSite } from '@cdktf/provider-azurerm/lib/site-recovery-services-vault-hyperv-site';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IRecoveryServicesVault } from './backup-vault';
import { HYPERV_APP_CONSISTENT_HOURS, HYPERV_INTERVAL_SECONDS, HYPERV_RETENTION_HOURS, REGISTRATION_KEY_VALID_DAYS } from './defaults';
import { TestFailoverNetwork } from './test-failover-network';
import { lookupOf } from './vault-lookup';
import { ProblemCollector } from '../core/errors';
import { LazySection, Runbook } from '../core/outputs';
import { ASR_HV_INTERVAL, ASR_HV_RETENTION, ASR_VMM_MAPPING } from './rules';

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
  /** The vault (in the recovery region). */
  readonly vault: IRecoveryServicesVault;
  /**
   * Name of the Hyper-V site.
   * @default - the construct id, lowercased
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
   * Network mappings by name, when the hosts are managed by System Center VMM.
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
 * replication policy and its association, VMM network mappings, an isolated test failover
 * network, and the provider installation and per-VM steps in the runbook.
 */
export class SiteRecoveryHyperV extends Construct {
  public readonly site: SiteRecoveryServicesVaultHypervSite;
  public readonly policy: SiteRecoveryHypervReplicationPolicy;
  public readonly association: SiteRecoveryHypervReplicationPolicyAssociation;
  public readonly networkMappings: SiteRecoveryHypervNetworkMapping[] = [];
  public readonly testNetwork: TestFailoverNetwork;
  /** Terraform output names for the runbook. */
  public readonly outputNames: SiteRecoveryHyperVOutputs;

  private readonly vault: IRecoveryServicesVault;
  private readonly props: SiteRecoveryHyperVProps;

  constructor(scope: Construct, id: string, props: SiteRecoveryHyperVProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    const interval = props.replicationIntervalSeconds ?? HYPERV_INTERVAL_SECONDS;
    const retention = props.recoveryPointRetentionHours ?? HYPERV_RETENTION_HOURS;
    const appConsistent = props.appConsistentSnapshotHours ?? HYPERV_APP_CONSISTENT_HOURS;
    problems.check(interval !== 30 && interval !== 300, ASR_HV_INTERVAL, 'replicationIntervalSeconds', interval, 'Hyper-V replicates every 30 or 300 seconds', 'use 300 (or 30)');
    const retentionOk = Number.isInteger(retention) && retention >= 0 && retention <= 24;
    problems.check(!retentionOk, ASR_HV_RETENTION, 'recoveryPointRetentionHours', retention, 'recovery points are kept 0-24 hours', `use ${HYPERV_RETENTION_HOURS}`);
    problems.check(
      !Number.isInteger(appConsistent) || appConsistent < 0 || appConsistent > 12 || (retentionOk && appConsistent > retention),
      ASR_HV_RETENTION,
      'appConsistentSnapshotHours',
      appConsistent,
      `app-consistent snapshots are taken every 0-12 hours and not less often than the ${retention}-hour retention`,
      `use ${Math.min(HYPERV_APP_CONSISTENT_HOURS, retentionOk ? retention : 12)}`,
    );
    for (const [name, m] of Object.entries(props.vmmNetworkMappings ?? {})) {
      for (const key of ['vmmServerName', 'vmNetworkName', 'targetNetworkId'] as const) {
        problems.check(!Token.isUnresolved(m[key]) && (m[key] ?? '').trim() === '', ASR_VMM_MAPPING, `vmmNetworkMappings.${name}.${key}`, m[key], `\`${key}\` is empty`, 'name the VMM server, the VM network and the target virtual network id');
      }
    }
    problems.throwIfAny();
    this.vault = props.vault;
    this.props = props;
    const siteName = props.siteName ?? id.toLowerCase();

    this.site = new SiteRecoveryServicesVaultHypervSite(this, 'Resource', { name: siteName, recoveryVaultId: props.vault.vaultId });
    this.policy = new SiteRecoveryHypervReplicationPolicy(this, 'Policy', {
      name: `${siteName}-policy`,
      recoveryVaultId: props.vault.vaultId,
      replicationIntervalInSeconds: interval,
      recoveryPointRetentionInHours: retention,
      applicationConsistentSnapshotFrequencyInHours: appConsistent,
    });
    this.association = new SiteRecoveryHypervReplicationPolicyAssociation(this, 'PolicyAssociation', {
      name: `${siteName}-policy-association`,
      hypervSiteId: this.site.id,
      policyId: this.policy.id,
    });
    for (const [name, m] of Object.entries(props.vmmNetworkMappings ?? {})) {
      this.networkMappings.push(
        new SiteRecoveryHypervNetworkMapping(this, `NetworkMapping${name}`, {
          name,
          recoveryVaultId: props.vault.vaultId,
          sourceSystemCenterVirtualMachineManagerName: m.vmmServerName,
          sourceNetworkName: m.vmNetworkName,
          targetNetworkId: m.targetNetworkId,
        }),
      );
    }
    this.testNetwork = new TestFailoverNetwork(this, 'TestNetwork', {
      resourceGroupName: props.vault.resourceGroupName,
      location: props.vault.location,
      addressSpace: props.testNetworkAddressSpace,
      subnets: props.testNetworkSubnets,
    });

    const runbook = Runbook.of(this);
    this.outputNames = {
      siteName: runbook.addOutput(this, 'SiteName', { value: this.site.name, description: `Hyper-V site of ${this.node.path}` }),
      testNetworkId: runbook.addOutput(this, 'TestNetworkId', { value: this.testNetwork.virtualNetworkId, description: `Isolated test failover network of ${this.node.path}` }),
    };
    runbook.addSection(new LazySection(`Site Recovery for Hyper-V ${this.node.path}`, () => this.renderHandoff()));
  }

  private renderHandoff(): string {
    const hosts = this.props.hostNames?.length ? this.props.hostNames.map((h) => `\`${h}\``).join(', ') : 'every Hyper-V host of the site';
    const vms = this.props.virtualMachineNames ?? [];
    const vmm = Object.keys(this.props.vmmNetworkMappings ?? {}).length > 0;
    return [
      'Terraform creates the site, policy and association; it cannot install the provider on the hosts',
      'or enable replication per VM (there is no `azurerm_site_recovery_hyperv_replicated_vm`).',
      '',
      '### 1. Registration key (valid for ' + REGISTRATION_KEY_VALID_DAYS + ' days: register every host within that time, or download a new one)',
      '',
      '```powershell',
      lookupOf(this.vault),
      'Set-AzRecoveryServicesAsrVaultContext -Vault $vault',
      `$site = Get-AzRecoveryServicesAsrFabric -FriendlyName "$(terraform output -raw ${this.outputNames.siteName})"`,
      'Get-AzRecoveryServicesVaultSettingsFile -SiteRecovery -Vault $vault -SiteIdentifier $site.FabricSpecificDetails.HyperVSiteId -SiteFriendlyName $site.FriendlyName -Path C:\\Temp',
      '```',
      '',
      `### 2. On ${vmm ? 'each VMM server' : hosts}: install and register the provider`,
      '',
      '```powershell',
      '# Download https://aka.ms/downloaddra_ne (AzureSiteRecoveryProvider.exe), then:',
      'C:\\Temp\\AzureSiteRecoveryProvider.exe /x:C:\\Temp\\Extracted /q',
      'C:\\Temp\\Extracted\\SETUPDR.EXE /i',
      '& "C:\\Program Files\\Microsoft Azure Site Recovery Provider\\DRConfigurator.exe" /r /Friendlyname $env:COMPUTERNAME /Credentials "C:\\Temp\\<key>.VaultCredentials"',
      '```',
      '',
      vmm
        ? 'With VMM, install the provider on the VMM server and the Recovery Services agent (MARS) on each host; the network mappings are in Terraform.'
        : 'The Recovery Services agent is installed with the provider on standalone hosts. Hosts need outbound HTTPS 443 to Azure.',
      '',
      '### 3. Enable replication per VM',
      '',
      vms.length ? `VMs: ${vms.map((v) => `\`${v}\``).join(', ')}.` : 'For each VM to protect:',
      '',
      '```powershell',
      '$container = Get-AzRecoveryServicesAsrProtectionContainer -Fabric $site',
      '$mapping = Get-AzRecoveryServicesAsrProtectionContainerMapping -ProtectionContainer $container',
      '$vm = Get-AzRecoveryServicesAsrProtectableItem -ProtectionContainer $container -FriendlyName "<vm>"',
      'New-AzRecoveryServicesAsrReplicationProtectedItem -HyperVToAzure -ProtectableItem $vm -Name $vm.Name `',
      '  -ProtectionContainerMapping $mapping -RecoveryResourceGroupId "<target resource group id>" `',
      '  -RecoveryAzureNetworkId "<target vnet id>" -RecoveryAzureSubnetName "<subnet>" -UseManagedDisk True -OS Windows -OSDiskName $vm.Disks[0].Name',
      '```',
      '',
      '### 4. Test failover',
      '',
      `Run test failovers into the isolated network \`terraform output -raw ${this.outputNames.testNetworkId}\` (never peered; synth refuses a peering), then clean up the test VMs.`,
    ].join('\n');
  }
}
