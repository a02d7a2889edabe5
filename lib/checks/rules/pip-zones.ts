import { fails, HybridRule, isExpression } from '../rule';

/** A Standard public IP should be zone-redundant. */
export const PIP_ZONES: HybridRule = {
  id: 'PIP-ZONES',
  types: ['azurerm_public_ip'],
  check: (_type, body) => {
    if (body.sku !== undefined && body.sku !== 'Standard') return 'not-applicable';
    const zones = body.zones;
    if (isExpression(zones) || (Array.isArray(zones) && (zones.length >= 3 || zones.some(isExpression)))) return 'compliant';
    const given = Array.isArray(zones) && zones.length > 0 ? `zones is ${JSON.stringify(zones)}` : 'no zones are set';
    return fails('zones', `${given}: the IP is not zone-redundant. Fix: set zones ["1", "2", "3"] in regions with availability zones`);
  },
};
