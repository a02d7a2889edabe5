import { ArcResourceBridgeAppliance } from '@cdktf/provider-azurerm/lib/arc-resource-bridge-appliance';
import { SystemCenterVirtualMachineManagerServer } from '@cdktf/provider-azurerm/lib/system-center-virtual-machine-manager-server';
import { Fn, Op } from 'cdktf';
import { Construct } from 'constructs';
import { known } from './checks';
import { arcResourceBridgeHandoff } from './handoff';
import { ResourceBridgeNetwork } from './types';
import { AzureResource, AzureResourceProps, DiagnosticTarget } from '../../core/azure-resource';
import { cidrContainsAddress, ipv4ToBigInt, isIpv4Address, parseCidr } from '../../core/cidr';
import { ProblemCollector } from '../../core/errors';
import { LifecycleGate } from '../../core/gates';
import { LazySection, outputName, Runbook } from '../../core/outputs';
import { isLiteralString } from '../../core/tokens';
import { ARB_IP_PLAN, ARB_NAME, ARB_PROVIDER, ARB_VMM_SERVER } from '../rules/azure-local';
import { checkFinalBody } from '../../core/report';
import { SECRET_LITERAL } from '../../core/rules';

/** The on-premises platform an Arc resource bridge manages. */
export enum ResourceBridgeInfrastructure {
  /** VMware vSphere (vCenter). */
  VMWARE = 'VMWare',
  /** System Center Virtual Machine Manager. */
  SCVMM = 'SCVMM',
}

/** A VMM server to connect through the bridge (phase 2). */
export interface VmmServerOptions {
  /** Name of the Azure resource. */
  readonly name: string;
  /** VMM server FQDN. */
  readonly fqdn: string;
  /**
   * VMM port.
   * @default 8100
   */
  readonly port?: number;
  /** VMM account (DOMAIN\\user). */
  readonly username: string;
  /** Its password: a sensitive Terraform variable, never a literal. */
  readonly password: string;
  /** Id of the custom location created on the bridge (`az customlocation create`, runbook): a variable. */
  readonly customLocationId: string;
}

/** Props of `ArcResourceBridge`. */
export interface ArcResourceBridgeProps extends AzureResourceProps {
  readonly resourceGroupName: string;
  readonly location: string;
  /** VMware vSphere or SCVMM (Azure Local creates its own bridge). */
  readonly infrastructure: ResourceBridgeInfrastructure;
  /**
   * Appliance name.
   * @default - `arb-<construct path>`
   */
  readonly name?: string;
  /**
   * Static IP plan of the appliance, checked here and written into the runbook.
   * @default - none: the runbook leaves the values to the on-premises team
   */
  readonly network?: ResourceBridgeNetwork;
  /**
   * SCVMM only: the VMM server Terraform connects once the bridge runs and its custom location
   * exists (behind `<path>_bridge_running`).
   * @default - none: connected with `az scvmm vmmserver connect`
   */
  readonly vmmServer?: VmmServerOptions;
}

/**
 * An Azure Arc resource bridge for an existing VMware vSphere or System Center VMM estate: the
 * Azure appliance resource (phase 1, with a system-assigned identity); the appliance VM is
 * deployed on premises with `az arcappliance` (runbook); for SCVMM, the VMM server connection
 * once the bridge runs (phase 2). azurerm 4.55 has no resource for Arc-enabled vCenter, so the
 * VMware side stops at the appliance and the runbook carries the rest.
 */
export class ArcResourceBridge extends AzureResource {
  /** The appliance resource (escape hatch). */
  public readonly appliance: ArcResourceBridgeAppliance;
  /** The VMM server connection (phase 2), when asked. */
  public readonly vmmServer?: SystemCenterVirtualMachineManagerServer;
  /** Gate: the appliance VM runs and its custom location exists (only with `vmmServer`: nothing else waits on it). */
  public readonly runningGate?: LifecycleGate;
  public readonly resourceId: string;

  constructor(scope: Construct, id: string, props: ArcResourceBridgeProps) {
    super(scope, id);
    resolveBridge(this, props);
    const name = props.name ?? `arb-${outputName(this, '').replace(/_/g, '-')}`.slice(0, 63);
    this.appliance = new ArcResourceBridgeAppliance(this, 'Resource', {
      name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      distro: 'AKSEdge',
      infrastructureProvider: props.infrastructure,
      identity: { type: 'SystemAssigned' },
      // `az arcappliance create` sets the key when the VM connects; the attribute forces a new
      // resource on change, so Terraform must not try to take it back.
      lifecycle: { ignoreChanges: ['public_key_base64'] },
    });
    this.resourceId = this.appliance.id;
    if (props.vmmServer) {
      this.runningGate = LifecycleGate.of(this, `${outputName(this, '')}_bridge_running`, {
        waitsFor: `the appliance VM of ${this.node.path} runs on premises and its custom location exists`,
        performedBy: 'the on-premises virtualization team',
        verify: `az arcappliance show -g <resource group> -n ${known(name) ? name : '<appliance>'} --query status`,
      });
      this.vmmServer = this.connectVmm(props.resourceGroupName, props.location, props.vmmServer, this.runningGate);
    }
    this.initCommon(props);
    Runbook.of(this).addSection(new LazySection(`Arc resource bridge ${this.node.path}`, () => arcResourceBridgeHandoff({
      applianceName: name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      infrastructure: props.infrastructure,
      network: props.network,
      runningGateName: this.runningGate?.name,
      vmmServerCreated: this.vmmServer !== undefined,
    })));
  }

  protected diagnosticTargets(): DiagnosticTarget[] {
    // Azure Monitor documents no log or metric categories for Microsoft.ResourceConnector/appliances.
    return [];
  }

  private connectVmm(resourceGroupName: string, location: string, o: VmmServerOptions, gate: LifecycleGate): SystemCenterVirtualMachineManagerServer {
    const server = new SystemCenterVirtualMachineManagerServer(this, 'VmmServer', {
      name: o.name,
      resourceGroupName,
      location,
      customLocationId: o.customLocationId,
      fqdn: o.fqdn,
      port: o.port ?? 8100,
      username: o.username,
      password: o.password,
      lifecycle: {
        precondition: [{
          // Set by `az arcappliance create` once the appliance VM has connected.
          condition: Op.neq(Fn.coalesce([this.appliance.publicKeyBase64, 'not-connected']), 'not-connected'),
          errorMessage: `The Arc resource bridge ${this.node.path} has not connected yet (no public key on the appliance): run az arcappliance create (runbook) first.`,
        }],
      },
    });
    gate.guard(server);
    // The password's final value (after escape hatches, Fn.*, Lazy) has no literal part.
    checkFinalBody(this, server, [SECRET_LITERAL]);
    return server;
  }
}

/** Checks every prop (one throw). */
function resolveBridge(owner: ArcResourceBridge, props: ArcResourceBridgeProps): void {
  const problems = new ProblemCollector(owner);
  problems.required('props', props, 'object');
  problems.throwIfAny();
  problems.required('resourceGroupName', props.resourceGroupName, 'string');
  problems.required('location', props.location, 'string');
  problems.region('location', props.location);
  problems.required('infrastructure', props.infrastructure, 'string');
  problems.oneOf(ARB_PROVIDER, 'infrastructure', props.infrastructure as string, ['VMWare', 'SCVMM'], 'use ResourceBridgeInfrastructure.VMWARE or SCVMM; an Azure Local instance creates its own bridge');
  problems.check(known(props.name) && (props.name.length > 260 || /[+#%&'?/,\\]/.test(props.name)), ARB_NAME, 'name', props.name, 'an appliance name is 1-260 characters without + # % & \' ? / , \\', 'use letters, digits and "-"');
  problems.literal('vmmServer', props.vmmServer, 'it decides whether the VMM server resource exists');
  if (props.network !== undefined && !problems.type('network', props.network, 'object')) checkBridgeNetwork(problems, props.network);
  if (props.vmmServer !== undefined && !problems.type('vmmServer', props.vmmServer, 'object')) {
    const v = props.vmmServer;
    problems.check(props.infrastructure !== ResourceBridgeInfrastructure.SCVMM, ARB_VMM_SERVER, 'vmmServer', v.name, 'a VMM server needs a bridge for SCVMM', 'use infrastructure SCVMM, or leave vmmServer out');
    for (const p of ['name', 'fqdn', 'username', 'password', 'customLocationId'] as const) problems.required(`vmmServer.${p}`, v[p], 'string');
    problems.dnsName(ARB_VMM_SERVER, 'vmmServer.fqdn', v.fqdn, true);
    problems.integer(ARB_VMM_SERVER, 'vmmServer.port', v.port, 1, 65535);
    problems.check(isLiteralString(v.password), ARB_VMM_SERVER, 'vmmServer.password', '(literal, not shown)', 'the password would be written into cdk.tf.json', 'pass a sensitive TerraformVariable or a Key Vault secret reference');
    problems.check(known(v.customLocationId) && !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ExtendedLocation\/customLocations\/[^/]+$/i.test(v.customLocationId), ARB_VMM_SERVER, 'vmmServer.customLocationId', v.customLocationId, 'not a custom location id', 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ExtendedLocation/customLocations/<name>');
  }
  problems.throwIfAny();
}

/** The appliance's static IP plan: /29 or larger, every address inside it and distinct, a pool of two or more. */
function checkBridgeNetwork(problems: ProblemCollector, n: ResourceBridgeNetwork): void {
  const prefix = known(n.ipAddressPrefix) ? parseCidr(n.ipAddressPrefix) : undefined;
  problems.check(known(n.ipAddressPrefix) && !prefix, ARB_IP_PLAN, 'network.ipAddressPrefix', n.ipAddressPrefix, 'not an IPv4 CIDR', 'use e.g. 192.168.10.0/29');
  problems.check(prefix !== undefined && prefix.prefixLength > 29, ARB_IP_PLAN, 'network.ipAddressPrefix', n.ipAddressPrefix, 'the bridge subnet is /29 or larger', 'use a /29 or a larger subnet');
  const addresses = { gateway: n.gateway, vmIpPoolStart: n.vmIpPoolStart, vmIpPoolEnd: n.vmIpPoolEnd, controlPlaneIp: n.controlPlaneIp };
  const seen = new Map<string, string>();
  for (const [prop, ip] of Object.entries(addresses)) {
    if (problems.ipv4(ARB_IP_PLAN, `network.${prop}`, ip) || !known(ip)) continue;
    problems.check(prefix !== undefined && !cidrContainsAddress(prefix, ip), ARB_IP_PLAN, `network.${prop}`, ip, `not inside ${n.ipAddressPrefix}`, 'use an address of the bridge subnet');
    problems.check(seen.has(ip), ARB_IP_PLAN, `network.${prop}`, ip, `the same address as ${seen.get(ip)}`, 'give each role its own address');
    seen.set(ip, prop);
  }
  const ok = (v: unknown): v is string => known(v) && isIpv4Address(v);
  if (ok(n.vmIpPoolStart) && ok(n.vmIpPoolEnd)) {
    const start = ipv4ToBigInt(n.vmIpPoolStart);
    const end = ipv4ToBigInt(n.vmIpPoolEnd);
    problems.check(end - start < 1n, ARB_IP_PLAN, 'network.vmIpPoolEnd', n.vmIpPoolEnd, 'the appliance VM pool needs two addresses or more (the VM and its upgrade)', 'end the pool at least one address after its start');
    problems.check(ok(n.controlPlaneIp) && ipv4ToBigInt(n.controlPlaneIp) >= start && ipv4ToBigInt(n.controlPlaneIp) <= end, ARB_IP_PLAN, 'network.controlPlaneIp', n.controlPlaneIp, 'the control plane address is inside the appliance VM pool', 'take it outside the pool');
  }
  problems.type('network.dnsServers', n.dnsServers, 'array');
  (Array.isArray(n.dnsServers) ? n.dnsServers : []).forEach((d, i) => problems.ipv4(ARB_IP_PLAN, `network.dnsServers[${i}]`, d));
  problems.integer(ARB_IP_PLAN, 'network.vlanId', n.vlanId, 0, 4094);
}
