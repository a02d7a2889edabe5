/** The DNS Private Resolver on-premises DNS forwards a private endpoint's names to (what the runbook names). */
export interface ResolverHandoff {
  /** Construct path of the `DnsPrivateResolver`. */
  readonly path: string;
  /** Its stack, when it is not the stack of the runbook. */
  readonly otherStack?: string;
  /** The inbound endpoint's address; undefined when Azure allocates it at deploy. */
  readonly inboundIp?: string;
  /**
   * True when the zone is known to be linked to the resolver's virtual network; false when its
   * links are not this app's (a zone given by id or by an imported catalog): the resolver answers
   * for it only once its owner links it to the hub.
   */
  readonly zoneLinked: boolean;
}

/** `10.20.0.132` (or a placeholder when Azure allocates it), as Markdown. */
export function inboundAddress(r: ResolverHandoff): string {
  return r.inboundIp ? `\`${r.inboundIp}\`` : 'the address of its inbound endpoint (allocated by Azure at deploy: the portal shows it on the endpoint)';
}

/** "the DNS Private Resolver `x/Dns` (section ... of this runbook)", as Markdown. */
export function resolverName(r: ResolverHandoff): string {
  const where = r.otherStack ? `of the stack \`${r.otherStack}\`: see that stack's runbook` : `see its section "On-premises DNS for ${r.path}" of this runbook`;
  return `the DNS Private Resolver \`${r.path}\` (${where})`;
}

/** The address on-premises DNS forwards to, in a PowerShell command. */
export function commandAddress(r: ResolverHandoff): string {
  return r.inboundIp ?? '<inbound endpoint address>';
}
