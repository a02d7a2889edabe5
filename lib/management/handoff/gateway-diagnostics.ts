/** What the VPN troubleshooting runbook section reads (GatewayDiagnostics' public fields). */
export interface GatewayDiagnosticsView {
  readonly gatewayIdOutputName: string;
  readonly resourceGroupOutputName: string;
  readonly gatewaySubnetOutputName: string;
  readonly bgpEnabled: boolean;
  readonly skuName: string;
  readonly aggregateThroughputMbps?: number;
  readonly monitorNames: string[];
  readonly machinesGateName?: string;
  /** Where the Network Watcher of the monitors and flow logs comes from, once one is used. */
  readonly networkWatcher?: 'created' | 'enabled by Azure' | 'given';
  /** The hub's VNet flow log, when added. */
  readonly flowLog?: { readonly trafficAnalytics: boolean };
}

/** The "Troubleshooting VPN gateway" runbook section (steps in order; KQL from research.md section 3). */
export function gatewayDiagnosticsHandoff(v: GatewayDiagnosticsView): string {
  const id = `$(terraform output -raw ${v.gatewayIdOutputName})`;
  const lines = [
    'Work through these in order; stop at the first that fails.',
    '',
    `1. **Connection status** (Azure side): \`az network vpn-connection list --resource-group $(terraform output -raw ${v.resourceGroupOutputName}) --query "[].{name:name, status:connectionStatus, in:ingressBytesTransferred, out:egressBytesTransferred}" -o table\`. "NotConnected" or "Unknown" on every connection points to the device or the path; on one connection to that site.`,
    `2. **No NSG or route table on GatewaySubnet**: \`az network vnet subnet show --ids $(terraform output -raw ${v.gatewaySubnetOutputName}) --query "{nsg:networkSecurityGroup.id, routes:routeTable.id}"\` must print nulls (an NSG there breaks the gateway).`,
    '3. **Tunnel events** (workspace Logs):',
    '   ```kusto',
    '   AzureDiagnostics',
    '   | where Category == "TunnelDiagnosticLog" and status_s in ("Connected", "Disconnected")',
    '   | where ResourceId =~ "<gateway id>"',
    '   | project TimeGenerated, OperationName, status_s, remoteIP_s, instance_s, stateChangeReason_s | order by TimeGenerated desc',
    '   ```',
    '4. **IKE negotiation** (mismatched policy, PSK or traffic selectors; IKEDiagnosticLog has no remote-IP column, it is parsed from Message):',
    '   ```kusto',
    '   AzureDiagnostics',
    '   | where Category == "IKEDiagnosticLog"',
    '   | extend Message1 = Message',
    '   | parse Message with * "Remote " RemoteIP ":" * "500: Local " LocalIP ":" * "500: " Message2',
    '   | extend Event = iif(Message has "SESSION_ID", Message2, Message1)',
    '   | project TimeGenerated, RemoteIP, LocalIP, Event, Level | sort by TimeGenerated asc',
    '   ```',
    `5. **BGP** ${v.bgpEnabled ? '' : '(BGP is off on this gateway: skip) '}: \`az network vnet-gateway list-bgp-peer-status --ids ${id} -o table\` (state Connected), then \`az network vnet-gateway list-learned-routes --ids ${id} -o table\` and \`list-advertised-routes --peer <on-prem BGP address>\`; RouteDiagnosticLog shows route changes.`,
    `6. **Bandwidth vs SKU**: ${v.skuName} carries about ${v.aggregateThroughputMbps ?? '?'} Mbps in aggregate. \`az monitor metrics list --resource ${id} --metric AverageBandwidth TunnelAverageBandwidth --interval PT5M -o table\` (bytes/s per instance; ×8/1e6 for Mbps). Sustained use near the limit: a larger SKU or more tunnels.`,
    '7. **Connection monitor** (on premises to Azure, per hop):',
    '   ```kusto',
    '   NWConnectionMonitorTestResult | where TestResult != "Pass" | project TimeGenerated, ConnectionMonitorResourceId, SourceName, DestinationName, TestResult, ChecksFailedPercent, AvgRoundTripTimeMs',
    '   ```',
    `   Monitors: ${v.monitorNames.length === 0 ? 'none (add one with `addConnectionMonitor`)' : v.monitorNames.join(', ')}.`,
  ];
  if (v.machinesGateName) {
    lines.push(`   A monitor from an Arc-enabled server, with the Azure Monitor Agent and the Network Watcher agent (AzureNetworkWatcherExtension) on it, is created in **phase 2**: onboard the server (\`azcmagent connect\`), then open gate \`${v.machinesGateName}\`.`);
  }
  if (v.networkWatcher === 'enabled by Azure') {
    lines.push('   The monitors and flow logs use the Network Watcher Azure enables with the first virtual network of the region (`NetworkWatcher_<region>` in `NetworkWatcherRG`), read once the gateway exists. Where automatic enablement is off, the deploy stops at reading it: run `az network watcher configure --resource-group NetworkWatcherRG --locations <region> --enabled true` first, or pass `networkWatcherId` (`az network watcher list -o table`).');
  } else if (v.networkWatcher === 'created') {
    lines.push('   Terraform creates the Network Watcher of the region (`createNetworkWatcher`). Azure allows one per region and subscription: if `az network watcher list -o table` already shows one for the region (Azure enables one with the first virtual network), the create fails; pass its id as `networkWatcherId` instead.');
  }
  lines.push(
    v.flowLog
      ? `7b. **Flows through the hub** (VNet flow log${v.flowLog.trafficAnalytics ? ', traffic analytics in the workspace' : ''}): ${v.flowLog.trafficAnalytics ? '`NTANetAnalytics | where SubType == "FlowLog" and FlowType == "S2S" | summarize AllowedIn = sum(AllowedInFlows), DeniedIn = sum(DeniedInFlows), AllowedOut = sum(AllowedOutFlows), DeniedOut = sum(DeniedOutFlows) by ConnectionName, DestPort` (site-to-site flows per connection and port; columns from network-watcher/traffic-analytics-schema.md) shows whether on-premises flows reach Azure and what denies them' : 'the files in the storage account (`insights-logs-flowlogflowevent` container) list each flow with its verdict'}; allowed flows with no reply point to routing or a firewall on the way back.`
      : '7b. **Flows through the hub**: no VNet flow log (add one with `addVirtualNetworkFlowLog`).',
    `8. **Network Watcher VPN troubleshoot** (needs a storage account for the report): \`az network watcher troubleshooting start --resource ${id} --resource-type vnetGateway --storage-account <storage account id> --storage-path https://<account>.blob.core.windows.net/vpn-troubleshoot\` (PowerShell: \`Start-AzNetworkWatcherResourceTroubleshooting\`).`,
    `9. **Packet capture** on the gateway: \`az network vnet-gateway packet-capture start --ids ${id}\`, reproduce, then \`az network vnet-gateway packet-capture stop --ids ${id} --sas-url "<container SAS URL>"\`.`,
    '10. **On premises**: the device\'s IKE/IPsec logs and SA state (e.g. `show crypto ikev2 sa`, `show vpn ipsec-sa`), its public IP and NAT-T (UDP 500/4500 open), the pre-shared key, and that it does not advertise Azure\'s prefixes back over BGP. From a machine behind it: `Test-NetConnection <Azure private IP> -Port <port>` or `nc -vz <ip> <port>`.',
  );
  return lines.join('\n');
}
