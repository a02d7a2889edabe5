import type { GateHandoff } from '../../core/gates';

/** One connection of an ExpressRoute gateway, for the runbook. */
export interface ConnectionHandoff {
  readonly id: string;
  /** `circuit X` or `existing circuit `id``. */
  readonly target: string;
  /** Name of the gate it waits behind, and the command that opens it. */
  readonly gate?: GateHandoff;
}

/** The gateway's public IP, for the runbook. */
export interface PublicIpHandoff {
  /** True when Azure assigns and manages it (no public IP resource in the subscription). */
  readonly azureManaged: boolean;
  /** Zones of a customer-managed public IP (undefined: given as a Terraform expression). */
  readonly zones?: string[];
}

/** The runbook section of an ExpressRoute gateway (pure). */
export function renderExpressRouteGatewayHandoff(skuName: string, hubPath: string, publicIp: PublicIpHandoff, connections: ConnectionHandoff[]): string {
  const lines = [`- SKU **${skuName}** in the hub's GatewaySubnet (${hubPath}).`];
  // ExpressRoute needs nothing of the on-premises team about the public IP (traffic goes over the
  // circuit); say who owns it so nobody looks for a public IP resource that does not exist.
  lines.push(publicIp.azureManaged
    ? '- Public IP: assigned and managed by Azure (no public IP resource in the subscription; the gateway is zone-redundant). Nothing to configure on premises.'
    : `- Public IP: a Standard static public IP of this stack (${publicIp.zones === undefined ? 'zones from a Terraform expression' : `zones ${publicIp.zones.join(', ')}`}), kept for a gateway created with one. Nothing to configure on premises.`);
  for (const c of connections) {
    lines.push(c.gate
      ? `- Connection **${c.id}** to ${c.target}: created when gate \`${c.gate.name}\` opens (phase 2, once the provider has provisioned the circuit): \`${c.gate.command}\`.`
      : `- Connection **${c.id}** to ${c.target}: created with the gateway (the circuit exists and is provisioned).`);
  }
  if (connections.length === 0) lines.push('- No circuit linked yet.');
  return lines.join('\n');
}
