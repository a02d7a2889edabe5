/** The address plan of a hub, for the runbook (pure: reads only what it is given). */
export function renderAddressPlan(addressSpace: readonly string[], subnetPrefixes: { [name: string]: string }): string {
  return [
    `Virtual network address space: ${addressSpace.map((c) => `\`${c}\``).join(', ')}. On-premises routers must`,
    'route these prefixes to Azure (over BGP they are advertised by the gateway).',
    '',
    '| subnet | prefix |',
    '| --- | --- |',
    ...Object.entries(subnetPrefixes).map(([name, cidr]) => `| ${name} | ${cidr} |`),
  ].join('\n');
}
