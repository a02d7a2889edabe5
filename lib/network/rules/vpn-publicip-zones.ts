import { AD, defineRule, fails, isExpression, RuleContext, RuleLevel, TF } from '../../core/rule';

/** Azure's availability zones: what a zonal or zone-redundant public IP may list, each once. */
export const AVAILABILITY_ZONES: readonly string[] = ['1', '2', '3'];

/**
 * What is wrong with a list of zones, or undefined: a zone other than 1, 2 or 3 (Azure refuses it
 * at apply; azurerm checks only that a zone is not empty), or one listed twice (zones are a set in
 * Terraform: ['1', '1', '1'] becomes one zone, a zonal IP). Zones `unknown` says are expressions
 * are skipped.
 */
export function zonesProblem(zones: readonly unknown[], unknown: (zone: unknown) => boolean): string | undefined {
  const known = zones.filter((z) => !unknown(z));
  const bad = known.find((z) => !AVAILABILITY_ZONES.includes(z as string));
  if (bad !== undefined) return `zone ${JSON.stringify(bad)} is not an availability zone: Azure's zones are "1", "2" and "3"`;
  const twice = known.find((z, i) => known.indexOf(z) !== i);
  if (twice !== undefined) return `zone ${JSON.stringify(twice)} is listed twice: zones are a set, so the IP is in fewer zones than listed`;
  return undefined;
}

/** The public IPs of an AZ-SKU gateway are zonal or zone-redundant, in zones 1, 2 and 3, each once. */
export const VPN_PUBLICIP_ZONES = defineRule({
  id: 'VPN-PUBLICIP-ZONES',
  level: RuleLevel.ERROR,
  description: 'An AZ SKU gateway needs zonal or zone-redundant Standard public IPs: zones from "1", "2" and "3", each listed once',
  source: `${AD} vpn-gateway/about-zone-redundant-vnet-gateways.md; ${TF} internal/services/network/public_ip_resource.go ("zones": commonschema.ZonesMultipleOptionalForceNew, a set whose elements are only checked to be non-empty)`,
  types: ['azurerm_public_ip'],
  check: (_type, body, ctx) => {
    const azGateway = ctx.referrers('azurerm_virtual_network_gateway').find((g) => typeof g.body.sku === 'string' && g.body.sku.endsWith('AZ'));
    if (!azGateway) return 'not-applicable';
    const zones = body.zones;
    if (isExpression(zones)) return 'compliant';
    if (Array.isArray(zones) && zones.length > 0) {
      const problem = zonesProblem(zones, isExpression);
      return problem ? fails('zones', `${problem} (the IP serves ${azGateway.type}.${azGateway.name}). Fix: zones ["1", "2", "3"], or one zone for a zonal gateway`) : 'compliant';
    }
    return fails('zones', `no zones are set, but the IP serves ${azGateway.type}.${azGateway.name} with the AZ SKU ${azGateway.body.sku}. Fix: set zones ["1", "2", "3"]`);
  },
});

/** True when an AZ-SKU gateway of the stack uses the resource checked. */
export function usedByAzGateway(ctx: RuleContext): boolean {
  return ctx.referrers('azurerm_virtual_network_gateway').some((g) => typeof g.body.sku === 'string' && g.body.sku.endsWith('AZ'));
}
