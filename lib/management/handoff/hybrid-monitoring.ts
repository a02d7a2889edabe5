/** What the hybrid monitoring runbook section reads (HybridMonitoring's public fields). */
export interface HybridMonitoringView {
  readonly workspaceOutputName: string;
  readonly connectionStringOutputName?: string;
  readonly machineSummaries: string[];
  readonly arcMachineNames: string[];
  readonly machinesGateName?: string;
  readonly localAuthDisabled: boolean;
  readonly publisherGranted: boolean;
  readonly hasActionGroup: boolean;
  readonly availabilityTestUrl?: string;
  readonly monitoredResources: string[];
}

/** The "Hybrid monitoring" runbook section, from the construct's public fields. */
export function hybridMonitoringHandoff(v: HybridMonitoringView): string {
  const lines = [
    `- Workspace: \`terraform output -raw ${v.workspaceOutputName}\`. Agents: Azure Monitor Agent with data collection rules (the Log Analytics agent retired on 2024-08-31; remove it where it is still installed).`,
    `- Machines: ${v.machineSummaries.length === 0 ? 'none yet (call `associateMachine`)' : v.machineSummaries.join(', ')}.`,
    '- The Azure Monitor Agent authenticates with the machine\'s system-assigned managed identity: an Azure VM needs one (`identity { type = "SystemAssigned" }`); an Arc-enabled server has one once connected.',
  ];
  if (v.machinesGateName) {
    lines.push(
      `- Arc-enabled servers (${v.arcMachineNames.join(', ')}) get the agent and their rule associations only in **phase 2**: onboard them first (\`azcmagent connect\`, Arc servers section), check \`az connectedmachine show -n <machine> -g <rg> --query status\` says Connected, then open gate \`${v.machinesGateName}\` (\`--var='${v.machinesGateName}=true'\`).`,
    );
  }
  lines.push(
    '- Check the agent on an Arc machine: `az connectedmachine extension list --machine-name <machine> --resource-group <rg> -o table` (AzureMonitorWindowsAgent / AzureMonitorLinuxAgent, state Succeeded).',
    '- Check data arrives (Logs blade of the workspace): `Heartbeat | summarize LastHeartbeat = max(TimeGenerated) by Computer, Category | order by LastHeartbeat asc` (Category "Azure Monitor Agent").',
    '- The heartbeat alert does not resolve itself (a machine silent for more than a day would drop out of its 24 h window): resolve it in the portal once the machine is back, or remove the machine\'s association when it is decommissioned.',
  );
  if (v.connectionStringOutputName) {
    lines.push(`- Application Insights connection string (sensitive): \`terraform output -raw ${v.connectionStringOutputName}\`.`);
    if (v.localAuthDisabled) {
      lines.push(
        `  Local authentication is **off**: the connection string alone is refused. The application authenticates with Entra ID as a principal holding "Monitoring Metrics Publisher" on the component (${v.publisherGranted ? 'Terraform granted it to the principal given' : 'give `applicationInsightsPublisherPrincipalId` to have Terraform grant it'}): on an Arc-enabled server, its managed identity (the SDK's ManagedIdentityCredential through the Arc identity endpoint); elsewhere a service principal (ClientSecretCredential / certificate).`,
        '  The browser JavaScript SDK cannot use Entra authentication: for browser telemetry, leave local authentication on (`applicationInsightsLocalAuthDisabled: false`) or use a second component.',
      );
    }
  }
  if (v.availabilityTestUrl) {
    lines.push(`- Availability test: ${v.availabilityTestUrl} is probed from Azure locations on the internet; it works only for an application published on the internet. For an application reachable only on premises or over VPN, use a private availability test (TrackAvailability from a machine inside the network) instead.`);
  }
  if (v.monitoredResources.length > 0) lines.push(`- Also monitored (metric and log alerts): ${v.monitoredResources.join(', ')}.`);
  if (!v.hasActionGroup) lines.push('- **No action group**: alerts notify nobody. Give `actionGroup`, `alertEmails` or `alertWebhooks`.');
  return lines.join('\n');
}
