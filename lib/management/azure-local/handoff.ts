import { Token } from 'cdktf';
import * as D from './defaults';
import type { AzureLocalMachine, ResourceBridgeNetwork } from './types';

const lit = (v: unknown, fallback: string): string => (typeof v === 'string' && !Token.isUnresolved(v) ? v : fallback);

/** What the Azure Local runbook section reads (AzureLocalCluster's public fields). */
export interface AzureLocalView {
  readonly settings: { readonly resourceGroupName: string; readonly location: string; readonly machines: AzureLocalMachine[]; readonly organizationalUnitPath: string; readonly secretsLocation: string };
  readonly customLocationName: string;
  readonly machinesRegisteredGate: { readonly name: string };
  readonly deployedGate: { readonly name: string };
  readonly resourceProviderRoleAssignment?: unknown;
  readonly logicalNetworks: unknown[];
  readonly storagePaths: unknown[];
  readonly marketplaceImages: unknown[];
}

/** The "Azure Local" runbook section: the node-side steps and the three phases. */
export function azureLocalHandoff(v: AzureLocalView): string {
  const s = v.settings;
  const rg = lit(s.resourceGroupName, '<resource group>');
  const region = lit(s.location, '<region>');
  const machines = s.machines.map((m) => `${lit(m.name, '<machine>')} (${lit(m.ipv4Address, '<address>')})`).join(', ');
  return [
    `Machines: ${machines}. Custom location: \`${lit(v.customLocationName, '<custom location>')}\`. Terraform cannot register the machines nor install the OS; the steps below are on premises.`,
    '',
    '**Before phase 2 (on premises and in Entra ID / Active Directory)**',
    '',
    `1. Active Directory: run \`New-HciAdObjectsPreCreation -AzureStackLCMUserCredential (Get-Credential) -AsHciOUName "${lit(s.organizationalUnitPath, '<OU path>')}"\` (module AsHciADArtifactsPreCreationTool) on a domain controller.`,
    '2. Install the Azure Stack HCI OS on each machine, set its host name (the names above), management address, DNS and time; latest OEM drivers.',
    `3. Put the deployment secrets in the Key Vault \`${lit(s.secretsLocation, '<vault URI>')}\` (never in Terraform): ${Object.entries(D.DEPLOYMENT_SECRETS).map(([k, val]) => `\`${k}\` = ${val}`).join('; ')}.`,
    `4. ${v.resourceProviderRoleAssignment ? 'The Microsoft.AzureStackHCI resource provider already has' : `Give the Microsoft.AzureStackHCI resource provider (app id ${D.HCI_RP_APP_ID})`} "${D.HCI_RP_ROLE}" on the resource group${v.resourceProviderRoleAssignment ? ' (Terraform made it).' : `: \`az role assignment create --assignee ${D.HCI_RP_APP_ID} --role "${D.HCI_RP_ROLE}" --scope <resource group id>\`.`}`,
    '5. Register each machine with Azure Arc, on the machine, as administrator:',
    '',
    '```powershell',
    `Invoke-AzStackHciArcInitialization -SubscriptionID <subscription id> -ResourceGroup "${rg}" -TenantID <tenant id> -Region "${region}" -Cloud "AzureCloud" -ArmAccessToken $ARMtoken -AccountID $id`,
    '```',
    '',
    `6. When \`az connectedmachine list -g ${rg} -o table\` shows every machine Connected (and its extensions installed), open gate \`${v.machinesRegisteredGate.name}\`: phase 2 assigns the machines' roles (${Object.values(D.MACHINE_ROLES).join(', ')}) and creates the deployment setting, which **validates, then deploys** in one apply (up to 6 hours; a Terraform precondition stops the plan while a machine is not Connected). A validation failure is shown in the portal under the instance's Deployments; fix it and apply again.`,
    '',
    `**Phase 3**: when the deployment has succeeded and the custom location exists (\`az customlocation show -n ${lit(v.customLocationName, '<name>')} -g ${rg}\`), open gate \`${v.deployedGate.name}\` (keep \`${v.machinesRegisteredGate.name}\` open): ${v.logicalNetworks.length} logical network(s), ${v.storagePaths.length} storage path(s), ${v.marketplaceImages.length} marketplace image(s) and the alerts are created in the custom location.`,
    '',
    'Reserved ranges: no infrastructure address and no logical network may use 10.96.0.0/12 or 10.244.0.0/16 (Arc resource bridge and AKS).',
  ].join('\n');
}

/** What the Arc resource bridge runbook section reads. */
export interface ArcResourceBridgeView {
  readonly applianceName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly infrastructure: string;
  readonly network?: ResourceBridgeNetwork;
  readonly runningGateName?: string;
  readonly vmmServerCreated: boolean;
}

/** The "Arc resource bridge" runbook section: the appliance steps on the management machine. */
export function arcResourceBridgeHandoff(v: ArcResourceBridgeView): string {
  const name = lit(v.applianceName, '<appliance>');
  const rg = lit(v.resourceGroupName, '<resource group>');
  const vmware = v.infrastructure === 'VMWare';
  const kind = vmware ? 'vmware' : 'scvmm';
  const n = v.network;
  const lines = [
    `Terraform created the appliance resource \`${name}\` (${vmware ? 'VMware vSphere' : 'System Center VMM'}); the appliance VM runs on premises and is deployed from a management machine (Azure CLI x64, \`az extension add --name arcappliance\`, reach to vCenter/VMM and to the IPs below). Minimum: 4 vCPU, 8 GB memory, 50 GB disk.`,
    '',
    '```sh',
    `az arcappliance createconfig ${kind} --resource-group ${rg} --name ${name} --location ${lit(v.location, '<region>')}   # prompts for the ${vmware ? 'vCenter' : 'VMM'} address and account`,
    `az arcappliance prepare ${kind} --config-file ${name}-appliance.yaml`,
    `az arcappliance deploy ${kind} --config-file ${name}-appliance.yaml --outfile kubeconfig`,
    `az arcappliance create ${kind} --config-file ${name}-appliance.yaml --kubeconfig kubeconfig`,
    `az arcappliance show -g ${rg} -n ${name} --query status   # Running`,
    '```',
    '',
  ];
  if (n) {
    lines.push(`Static IP plan for createconfig: prefix ${lit(n.ipAddressPrefix, '?')}, gateway ${lit(n.gateway, '?')}, appliance VM IP pool ${lit(n.vmIpPoolStart, '?')}-${lit(n.vmIpPoolEnd, '?')}, control plane ${lit(n.controlPlaneIp, '?')}, DNS ${(n.dnsServers ?? []).map((d) => lit(d, '?')).join(', ')}${n.vlanId !== undefined ? `, VLAN ${n.vlanId}` : ''}. Keep them out of any DHCP scope.`, '');
  }
  lines.push(
    'Keep the three configuration files and the kubeconfig in a safe place: upgrades and credential updates (`az arcappliance update-infracredentials`) need them. The appliance reaches, over HTTPS:',
    ...D.BRIDGE_ENDPOINTS.map((e) => `- ${e}`),
    '',
    vmware
      ? `Then create the custom location and connect vCenter (azurerm 4.55 has no resource for Arc-enabled vCenter or its inventory): \`az k8s-extension create --cluster-type appliances --cluster-name ${name} -g ${rg} --name azure-vmwareoperator --extension-type Microsoft.vmware --scope cluster --config Microsoft.CustomLocation.ServiceAccount=azure-vmwareoperator\`, \`az customlocation create -n <name> -g ${rg} --namespace default --host-resource-id <appliance id> --cluster-extension-ids <extension id>\`, \`az connectedvmware vcenter connect --custom-location <id> --fqdn <vcenter> --port 443 --username <account> -g ${rg} -n <name>\`.`
      : `Then create the custom location: \`az k8s-extension create --cluster-type appliances --cluster-name ${name} -g ${rg} --name azure-vmmoperator --extension-type Microsoft.scvmm --scope cluster --config Microsoft.CustomLocation.ServiceAccount=azure-vmmoperator\`, \`az customlocation create -n <name> -g ${rg} --namespace azure-vmmoperator --host-resource-id <appliance id> --cluster-extension-ids <extension id>\`. ${v.vmmServerCreated ? `Give its id to the stack and open gate \`${v.runningGateName}\`: Terraform connects the VMM server.` : '`az scvmm vmmserver connect` connects the VMM server.'}`,
  );
  return lines.join('\n');
}
