/** One connection of an ExpressRoute gateway, for the runbook. */
export interface ConnectionHandoff {
  readonly id: string;
  /** `circuit X` or `existing circuit `id``. */
  readonly target: string;
  /** Name of the gate it waits behind, and the command that opens it. */
  readonly gate?: { readonly name: string; readonly command: string };
}

/** The runbook section of an ExpressRoute gateway (pure). */
export function renderExpressRouteGatewayHandoff(skuName: string, hubPath: string, connections: ConnectionHandoff[]): string {
  const lines = [`- SKU **${skuName}** in the hub's GatewaySubnet (${hubPath}).`];
  for (const c of connections) {
    lines.push(c.gate
      ? `- Connection **${c.id}** to ${c.target}: created when gate \`${c.gate.name}\` opens (phase 2, once the provider has provisioned the circuit): \`${c.gate.command}\`.`
      : `- Connection **${c.id}** to ${c.target}: created with the gateway (the circuit exists and is provisioned).`);
  }
  if (connections.length === 0) lines.push('- No circuit linked yet.');
  return lines.join('\n');
}
