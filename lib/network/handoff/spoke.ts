/** The runbook section of a spoke (pure: reads only what it is given). */
export function renderSpokeHandoff(addressSpace: readonly string[], useRemoteGateways: boolean): string {
  return [
    `- Address space ${addressSpace.map((c) => `\`${c}\``).join(', ')}: on-premises routers must route it to Azure${useRemoteGateways ? ' (the hub gateways advertise it over BGP)' : ''}.`,
    useRemoteGateways
      ? '- Uses the hub\'s gateways (gateway transit). If on-premises uses static routes on a VPN site, add this range there too.'
      : '- Does not use the hub\'s gateways: on-premises traffic does not reach this spoke through the hub.',
  ].join('\n');
}
