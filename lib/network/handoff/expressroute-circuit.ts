import type { GateHandoff } from '../../core/gates';

/** What the circuit's runbook section reads (values rendered for display). */
export interface CircuitHandoff {
  readonly serviceKeyOutputName: string;
  /** `ExpressRoute Direct port, 10 Gbps.` or `Provider **X**, ...`. */
  readonly connectivity: string;
  readonly sku: string;
  /** The circuit's gate (phase 2). */
  readonly gate: GateHandoff;
  /** The same gate in other stacks with connections to the circuit. */
  readonly gateInOtherStacks?: GateHandoff[];
  readonly peering?: { readonly primary: string; readonly secondary: string; readonly vlanId: string; readonly peerAsn: string; readonly md5WhereToFindIt?: string };
  readonly microsoftPeering?: {
    readonly primary: string;
    readonly secondary: string;
    readonly vlanId: string;
    readonly peerAsn: string;
    readonly advertisedPublicPrefixes: string[];
    readonly routingRegistryName: string;
    readonly customerAsn?: string;
    readonly communities: string[];
    readonly md5WhereToFindIt?: string;
  };
  readonly onPremisesPrefixes: string[];
  readonly authorizations: { readonly name: string; readonly outputName: string }[];
}

/** The two links of a peering: which address goes on which side. */
function linkTable(kind: string, primary: string, secondary: string): string[] {
  return [
    `| link | ${kind} | your router | Microsoft |`,
    '| --- | --- | --- | --- |',
    `| primary | ${primary} | first usable address | second usable address |`,
    `| secondary | ${secondary} | first usable address | second usable address |`,
  ];
}

/** The runbook section of an ExpressRoute circuit (pure). */
export function renderCircuitHandoff(c: CircuitHandoff): string {
  const lines = [
    '**For the connectivity provider** (phase 1, after the first `cdktf deploy`):',
    '',
    `- Service key: \`terraform output -raw ${c.serviceKeyOutputName}\` (sensitive: hand it over through the provider's portal or a secure channel).`,
    `- ${c.connectivity}`,
    `- SKU ${c.sku}. Bandwidth can be raised but never lowered; MeteredData to UnlimitedData is one-way.`,
    `- Phase 2: when \`az network express-route show -g <rg> -n <circuit> --query serviceProviderProvisioningState -o tsv\` prints \`Provisioned\`, open gate \`${c.gate.name}\`: \`${c.gate.command}\`. This creates the gateway connections${c.gateInOtherStacks?.length ? ` of this stack; those of other stacks are created by their own gates: ${c.gateInOtherStacks.map((g) => `\`${g.command}\``).join(', ')}` : ''}; a Terraform precondition stops the deploy if the circuit is not provisioned yet.`,
    '',
  ];
  const p = c.peering;
  if (p) {
    lines.push(
      '**Azure private peering** (your edge routers, or the provider for a layer-3 service):',
      '',
      ...linkTable('/30', p.primary, p.secondary),
      '',
      `- VLAN **${p.vlanId}**, your ASN **${p.peerAsn}**, Microsoft's ASN **12076**. Run eBGP on both links; both must be up for the SLA.`,
      p.md5WhereToFindIt ? `- BGP MD5 key: ${p.md5WhereToFindIt}. At most 25 characters.` : '- No BGP MD5 authentication.',
      // expressroute-bfd.md: BFD is on by default on the Microsoft side of new private peerings.
      '- BFD: Microsoft\'s edge routers run BFD on private peering (300 ms intervals, at times 750 ms; the slower side sets the rate). Configure it on both of your routers and tie it to the BGP sessions (e.g. Cisco `bfd interval 300 min_rx 300 multiplier 3` and `neighbor <MSEE> fall-over bfd`): link failures are then detected in under a second instead of the 180 s BGP hold time.',
      // bgp-communities.md: regional and custom VNet communities on routes learned on-premises.
      '- BGP communities: routes of Azure virtual networks arrive tagged with their region\'s community (12076:5xxxx) and any custom community set on the virtual network. With several circuits or regions, prefer paths by community in your route policy instead of by prefix lists.',
    );
  } else {
    lines.push('- Private peering is not configured by this stack: a layer-3 provider configures it, or add `privatePeering`.');
  }
  const m = c.microsoftPeering;
  if (m) {
    lines.push(
      '',
      '**Microsoft peering** (Microsoft 365 and Azure public endpoints):',
      '',
      ...linkTable('public /30', m.primary, m.secondary),
      '',
      `- VLAN **${m.vlanId}**, your ASN **${m.peerAsn}**${m.customerAsn ? `, prefixes of ASN **${m.customerAsn}**` : ''}, registry **${m.routingRegistryName}**.`,
      `- Advertise exactly: ${m.advertisedPublicPrefixes.map((x) => `\`${x}\``).join(', ')}, and NAT on-premises traffic to Microsoft to these addresses (Microsoft drops private source addresses on this peering).`,
      '- Microsoft validates that the prefixes are registered to you: `az network express-route peering show -g <rg> --circuit-name <circuit> -n MicrosoftPeering --query microsoftPeeringConfig.advertisedPublicPrefixesState -o tsv` prints `Configured` when done; `ValidationNeeded` means a support ticket with proof of ownership.',
      `- Route filter: Microsoft advertises only the communities ${m.communities.map((x) => `\`${x}\``).join(', ')}. Microsoft 365 services also need Microsoft's authorization for your tenant.`,
      m.md5WhereToFindIt ? `- BGP MD5 key: ${m.md5WhereToFindIt}.` : '- No BGP MD5 authentication.',
    );
  }
  if (c.onPremisesPrefixes.length > 0) {
    lines.push(`- Advertise exactly these on-premises prefixes over private peering: ${c.onPremisesPrefixes.map((x) => `\`${x}\``).join(', ')}.`);
  }
  for (const a of c.authorizations) {
    lines.push(`- Authorization \`${a.name}\`: give \`terraform output -raw ${a.outputName}\` and the circuit id to the subscription that links its gateway.`);
  }
  return lines.join('\n');
}
