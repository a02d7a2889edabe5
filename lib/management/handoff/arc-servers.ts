/** What the Arc-enabled servers runbook section reads (ArcServers' public fields). */
export interface ArcServersView {
  readonly location?: string;
  readonly resourceGroupName?: string;
  readonly tenantOutputName: string;
  readonly subscriptionOutputName: string;
  readonly scopeOutputName?: string;
  readonly onboardingRoleCreated: boolean;
  readonly onboardingRole: string;
  readonly endpoints: string[];
  readonly machineNames: string[];
  readonly machinesGateName?: string;
}

/** The "Arc-enabled servers" runbook section. */
export function arcServersHandoff(v: ArcServersView): string {
  const rg = v.resourceGroupName ?? '<resource group>';
  const args = [
    `--resource-group "${rg}"`,
    `--tenant-id "$(terraform output -raw ${v.tenantOutputName})"`,
    `--subscription-id "$(terraform output -raw ${v.subscriptionOutputName})"`,
    `--location "${v.location ?? '<region>'}"`,
    '--service-principal-id "<onboarding app id>"',
    '--service-principal-secret "<secret from your vault, never from Terraform>"',
    '--cloud "AzureCloud"',
  ];
  if (v.scopeOutputName) args.push(`--private-link-scope "$(terraform output -raw ${v.scopeOutputName})"`);
  const lines = [
    'Terraform cannot install the Connected Machine agent; on each server, as administrator/root:',
    '',
    `1. Onboarding principal: ${v.onboardingRoleCreated ? 'the principal given has "Azure Connected Machine Onboarding" on the resource group (Terraform made the assignment).' : `assign it yourself: \`az role assignment create --assignee <object id> --role "${v.onboardingRole}" --scope <resource group id>\`.`}`,
    '2. Install the agent: Windows `Invoke-WebRequest -Uri https://aka.ms/AzureConnectedMachineAgent -OutFile AzureConnectedMachineAgent.msi; msiexec /i AzureConnectedMachineAgent.msi /qn`; Linux `wget https://aka.ms/azcmagent -O install_linux_azcmagent.sh && sudo bash install_linux_azcmagent.sh`.',
    '3. Connect (read the values on the Terraform side and pass them to the server):',
    '',
    '```sh',
    `azcmagent connect \\\n  ${args.join(' \\\n  ')}`,
    'azcmagent show   # Agent Status: Connected',
    '```',
    '',
  ];
  if (v.scopeOutputName) {
    lines.push(
      '4. **Private link (not complete in this stack)**: the Arc private link scope exists with public access off, but `azcmagent connect --private-link-scope` works only once all of this exists, and this stack does not build it:',
      '   - a private endpoint for the scope (sub-resource `hybridcompute`) in the hub, registered in the private DNS zones `privatelink.his.arc.azure.com`, `privatelink.guestconfiguration.azure.com` and `privatelink.dp.kubernetesconfiguration.azure.com`, each linked to the hub;',
      '   - on-premises DNS forwarding of `his.arc.azure.com`, `guestconfiguration.azure.com` and `dp.kubernetesconfiguration.azure.com` to a DNS Private Resolver inbound endpoint (or DNS server) in the hub;',
      '   - for the Azure Monitor Agent (Arc private link does not cover Azure Monitor): an Azure Monitor Private Link Scope with the workspace, its private endpoint and zones, and a data collection endpoint associated with every data collection rule;',
      '   - Entra ID (login.microsoftonline.com) stays public.',
    );
  } else {
    lines.push('4. Outbound HTTPS (TCP 443) each server needs, directly or through a proxy (`azcmagent config set proxy.url`):', ...v.endpoints.map((e) => `   - ${e}`));
  }
  lines.push(`5. Machines monitored: ${v.machineNames.length === 0 ? 'none' : v.machineNames.join(', ')}. Give each machine's id to the stack as a variable (\`az connectedmachine show -n <machine> -g ${rg} --query id -o tsv\`)${v.machinesGateName ? `, then open gate \`${v.machinesGateName}\`: the Azure Monitor Agent and the rule associations are created in phase 2` : ''}.`);
  return lines.join('\n');
}
