import { Testing } from 'cdktf';
import { ExpressRouteVpnFailoverStack } from '../../examples/expressroute-vpn-failover';
import { SecureHubStack } from '../../examples/secure-hub';
import { SiteToSiteVpnStack } from '../../examples/site-to-site-vpn';
import { deviceModel, HandoffModel } from '../../lib/handoff';

/** The examples with VPN sites, synthesized once per test file. */
export const VPN_EXAMPLES: [string, new (scope: any, id: string) => any][] = [
  ['site-to-site-vpn', SiteToSiteVpnStack],
  ['expressroute-vpn-failover', ExpressRouteVpnFailoverStack],
  ['secure-hub', SecureHubStack],
];

const cache = new Map<string, Record<string, any>>();

/** The synthesized cdk.tf.json of an example, parsed. */
export function synthJson(name: string): Record<string, any> {
  if (!cache.has(name)) {
    const Stack = VPN_EXAMPLES.find(([n]) => n === name)![1];
    cache.set(name, JSON.parse(Testing.synth(new Stack(Testing.app(), name))));
  }
  return JSON.parse(JSON.stringify(cache.get(name)));
}

/**
 * What `terraform output -json` prints after apply, with made-up values: public IPs from
 * 198.18.0.0/15 (benchmarking range), BGP addresses from the GatewaySubnet, a key per output.
 */
export function fakeOutputs(model: HandoffModel): Record<string, { sensitive: boolean; type: unknown; value: unknown }> {
  const out: Record<string, { sensitive: boolean; type: unknown; value: unknown }> = {};
  let n = 0;
  for (const o of model.outputs) {
    n++;
    const value = o.name.endsWith('public_ips') ? [`198.18.${n}.1`, `198.18.${n}.2`]
      : o.name.endsWith('bgp_peering_addresses') ? [[`10.250.${n}.4`], [`10.250.${n}.5`]]
        : o.name.endsWith('shared_key') ? `Key${n}xY7"quote\\back` : `value-${n}`;
    out[o.name] = { sensitive: o.sensitive, type: 'string', value };
  }
  return out;
}

/** The model of an example with its after-apply values filled from fake outputs. */
export function filledModel(name: string): { model: HandoffModel; outputs: Record<string, any> } {
  const model = deviceModel(synthJson(name));
  return { model, outputs: fakeOutputs(model) };
}

/**
 * site-to-site-vpn with the options the examples do not use, written into the JSON as any
 * CDKTF program could: custom APIPA BGP addresses on Lyon, policy-based selectors and an
 * egress NAT rule on Paris, an AES-CBC/SHA256 policy without PFS on Paris.
 */
export function variantJson(): Record<string, any> {
  const json = synthJson('site-to-site-vpn');
  const r = json.resource;
  const gw = Object.keys(r.azurerm_virtual_network_gateway)[0];
  const [lyonLng] = ['Lyon'].map((s) => Object.keys(r.azurerm_local_network_gateway).find((k) => k.includes(s))!);
  const [lyon, paris] = ['Lyon', 'Paris'].map((s) => Object.keys(r.azurerm_virtual_network_gateway_connection).find((k) => k.includes(s))!);
  r.azurerm_virtual_network_gateway[gw].bgp_settings.peering_addresses[0].apipa_addresses = ['169.254.21.1'];
  r.azurerm_virtual_network_gateway[gw].bgp_settings.peering_addresses[1].apipa_addresses = ['169.254.22.1'];
  r.azurerm_local_network_gateway[lyonLng].bgp_settings.bgp_peering_address = '169.254.21.2';
  r.azurerm_local_network_gateway[lyonLng].address_space = ['169.254.21.2/32', '192.168.30.0/24'];
  r.azurerm_virtual_network_gateway_connection[lyon].custom_bgp_addresses = { primary: '169.254.21.1', secondary: '169.254.22.1' };
  r.azurerm_virtual_network_gateway_nat_rule = {
    Egress: { name: 'egress-hub', mode: 'EgressSnat', type: 'Static', resource_group_name: '${azurerm_resource_group.ResourceGroup.name}', virtual_network_gateway_id: `\${azurerm_virtual_network_gateway.${gw}.id}`, internal_mapping: [{ address_space: '10.10.0.0/16' }], external_mapping: [{ address_space: '100.64.10.0/16' }] },
  };
  Object.assign(r.azurerm_virtual_network_gateway_connection[paris], {
    use_policy_based_traffic_selectors: true,
    egress_nat_rule_ids: ['${azurerm_virtual_network_gateway_nat_rule.Egress.id}'],
    ipsec_policy: { dh_group: 'DHGroup14', ike_encryption: 'AES256', ike_integrity: 'SHA256', ipsec_encryption: 'AES256', ipsec_integrity: 'SHA256', pfs_group: 'None', sa_datasize: 0, sa_lifetime: 3600 },
  });
  return json;
}
