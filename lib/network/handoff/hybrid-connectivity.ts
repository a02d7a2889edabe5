import type { GateHandoff } from '../../core/gates';

/** What the hybrid connectivity runbook section reads (values rendered for display). */
export interface HybridHandoff {
  readonly mode: string;
  readonly failover: boolean;
  /** `terraform output -raw x` of a circuit this stack owns, or undefined for an existing circuit. */
  readonly serviceKeyCommand?: string;
  /** The circuit's gate (circuits of this stack). */
  readonly gate?: GateHandoff;
  readonly expressRoutePrefixes: string[];
  readonly routeServer: boolean;
  /** The second circuit (maximum resiliency): its path and gate, if it has one. */
  readonly secondary?: { readonly circuit: string; readonly gate?: GateHandoff };
}

/** The runbook section of `HybridConnectivity` (pure). */
export function renderHybridHandoff(h: HybridHandoff): string {
  if (h.mode === 'vpn') return 'Site-to-site VPN only: see the VPN gateway and site sections.';
  const lines = [
    '### Two-phase deployment',
    '',
    `1. **Phase 1**: \`cdktf deploy\` creates the circuit, the ExpressRoute gateway${h.failover ? ', then the VPN gateway (one after the other: Azure updates GatewaySubnet one gateway at a time)' : ''}.`,
  ];
  if (h.gate) {
    lines.push(
      `2. Give the service key (${h.serviceKeyCommand ? `\`${h.serviceKeyCommand}\`` : 'the circuit owner'}) to the connectivity provider. Wait until \`az network express-route show --ids <circuit id> --query serviceProviderProvisioningState -o tsv\` prints \`Provisioned\` and private peering is up (\`az network express-route list-route-tables ... --peering-name AzurePrivatePeering --path primary\`).`,
      `3. **Phase 2**: open gate \`${h.gate.name}\`: \`${h.gate.command}\`. This creates the gateway connection; a Terraform precondition stops the deploy if the circuit is not provisioned yet.`,
    );
  } else {
    lines.push('2. The circuit exists and is provisioned: the connection is created in phase 1 (with the authorization key when the circuit is in another subscription).');
  }
  if (h.secondary) {
    lines.push(
      h.secondary.gate
        ? `4. **Second circuit** \`${h.secondary.circuit}\` (another peering location): the same with its own service key and provider; open gate \`${h.secondary.gate.name}\`: \`${h.secondary.gate.command}\`. Each gate opens on its own: one circuit can carry traffic while the other is still being provisioned.`
        : `4. **Second circuit** \`${h.secondary.circuit}\` exists: its connection is created in phase 1.`,
      '5. Advertise the same on-premises prefixes over both circuits (maximum resiliency); the connection with the higher routing weight carries the traffic, equal weights spread it over both. Enable BFD on all four BGP sessions so that a failed circuit is dropped in under a second.',
    );
  }
  lines.push('');
  if (!h.failover) return lines.join('\n');
  const prefixes = h.expressRoutePrefixes.length > 0 ? h.expressRoutePrefixes.map((c) => `\`${c}\``).join(', ') : 'your on-premises prefixes';
  lines.push(
    '### What on-premises routers must advertise and prefer',
    '',
    `- Advertise the **same** prefixes (${prefixes}) over ExpressRoute private peering and over the VPN BGP sessions. **Never a more-specific prefix over the VPN**: Azure picks the longest prefix before anything else, so a more-specific VPN route wins over ExpressRoute.`,
    '- Azure prefers ExpressRoute over VPN for equal prefixes. To make it explicit, AS-path prepend (e.g. 3 times) the prefixes you advertise over the VPN.',
    '- Return path: Azure advertises the hub and spoke ranges over both ExpressRoute and the VPN. Make the on-premises routers prefer the ExpressRoute-learned routes with a higher local-preference on routes from the ExpressRoute peers (e.g. 200) than on routes from the VPN peers (default 100).',
    '- Do not re-advertise routes learned over ExpressRoute into the VPN (or the reverse): Azure gives no ExpressRoute-VPN transit' + (h.routeServer ? ' except through the Route Server configured here (branch-to-branch on).' : ' unless Route Server is added (`routeServer: true`).'),
    '- Failover covers private peering only (not Microsoft peering).',
    '',
    '### How to test failover (in a maintenance window)',
    '',
    '1. Baseline: `az network nic show-effective-route-table -g <rg> -n <nic of a spoke VM> -o table` shows the on-premises prefixes with next hop type `VirtualNetworkGateway` via ExpressRoute; `az network vnet-gateway list-learned-routes -g <rg> -n <ExpressRoute gateway>` lists them from the MSEE peers. Traceroute from on-premises to a spoke VM and note the path.',
    '2. Take ExpressRoute down: shut the BGP sessions to Microsoft on **both** links on your edge routers (or ask the provider to disable the circuit ports).',
    '3. Check that the VPN takes over: `az network vnet-gateway list-learned-routes -g <rg> -n <VPN gateway>` shows the prefixes from the VPN BGP peers, the effective routes now point to the VPN gateway, and the traceroute follows the tunnel. Note the convergence time (BGP hold timer: up to 3 minutes without BFD).',
    '4. Bring ExpressRoute back and check that traffic returns to it in both directions (effective routes and on-premises routing table).',
    '5. A full circuit outage can only be tested with the connectivity provider.',
  );
  return lines.join('\n');
}
