import type { GateHandoff } from '../../core/gates';

/** What the Global Reach runbook section reads (values rendered for display). */
export interface GlobalReachHandoff {
  readonly circuit: string;
  readonly peerCircuit: string;
  readonly addressPrefix: string;
  readonly gate?: GateHandoff;
  readonly crossSubscription: boolean;
  readonly prefixesHere: string[];
  readonly prefixesThere: string[];
}

const list = (prefixes: string[]): string => (prefixes.length > 0 ? prefixes.map((p) => `\`${p}\``).join(', ') : '(not declared)');

/**
 * The runbook section of a Global Reach link (pure). Facts: MicrosoftDocs/azure-docs
 * expressroute/expressroute-howto-set-global-reach.md and includes/expressroute-global-reach-faq-include.md.
 */
export function renderGlobalReachHandoff(g: GlobalReachHandoff): string {
  const lines = [
    `Links the private peerings of \`${g.circuit}\` and \`${g.peerCircuit}\` over Microsoft's backbone, through \`${g.addressPrefix}\` (keep this /29 out of every virtual network and on-premises plan).`,
    '',
    g.gate
      ? `- Created once both circuits are provisioned: gate \`${g.gate.name}\`, \`${g.gate.command}\`. A precondition stops the deploy while a circuit of this stack is not provisioned.`
      : '- Both circuits exist already; the link is created with the first deploy.',
    g.crossSubscription ? "- The peer circuit is in another subscription: its owner creates an authorization on it and hands over the key (the `authorizationKey`)." : '- Both circuits are in this subscription: no authorization key.',
    `- On-premises routers then learn each other's prefixes over ExpressRoute: ${list(g.prefixesHere)} behind \`${g.circuit}\`, ${list(g.prefixesThere)} behind \`${g.peerCircuit}\`. Make sure none of them overlap and that your edge routers accept them.`,
    "- Verify: `az network express-route show -g <rg> -n <circuit> --query \"peerings[?name=='AzurePrivatePeering'].connections[].circuitConnectionStatus\" -o tsv` prints `Connected`.",
    '- Circuits in two geopolitical regions need the Premium add-on on both; the link is not transitive (link every pair that must talk); throughput is capped by the smaller circuit; Global Reach is billed per circuit plus data transfer.',
  ];
  return lines.join('\n');
}
