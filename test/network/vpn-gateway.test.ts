import { Fn, TerraformVariable, Token } from 'cdktf';
import {
  LogAnalyticsWorkspace,
  Runbook,
  VpnGateway,
  VpnGatewayGeneration,
  VpnGatewayProps,
  VpnGatewaySku,
  VpnNatMode,
  VpnNatType,
  VpnType,
  VpnDevice,
} from '../../lib';
import { expectValidationError, onlyResource, resourcesOf, synthJson, warningsAfterSynth } from '../util';
import { errorsAfterSynth, hubStack } from './synth-util';

const base = { resourceGroupName: 'rg', location: 'westeurope' };


/** Builds a gateway with `props` in a fresh stack (for failure tests). */
function gatewayWith(props: Partial<VpnGatewayProps>): () => VpnGateway {
  return () => {
    const { hub } = hubStack();
    return new VpnGateway(hub, 'Vpn', { hub, ...props });
  };
}

describe('VpnGateway', () => {
  describe('defaults', () => {
    test('is a zone-redundant, active-active, BGP-enabled VpnGw2AZ Generation2 route-based gateway', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // THEN
      const json = synthJson(stack);
      const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
      expect(gw).toMatchObject({
        type: 'Vpn',
        sku: 'VpnGw2AZ',
        generation: 'Generation2',
        vpn_type: 'RouteBased',
        active_active: true,
        enable_bgp: true,
        resource_group_name: 'rg',
        location: 'westeurope',
      });
      expect(gw.bgp_settings.asn).toBe(65515);
      expect(gw.bgp_settings.peering_addresses.map((p: any) => p.ip_configuration_name)).toEqual(['ipconfig1', 'ipconfig2']);
      expect(gw.bgp_settings.peering_addresses.every((p: any) => p.apipa_addresses === undefined)).toBe(true);
      expect(gateway.sku).toBe(VpnGatewaySku.VPN_GW2_AZ);
      expect(gateway.activeActive).toBe(true);
      expect(gateway.asn).toBe(65515);
    });

    test('gives each of the two ip_configuration blocks its own Standard, static, zone-redundant public IP', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      new VpnGateway(stack, 'Vpn', { hub });
      // THEN
      const json = synthJson(stack);
      const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
      const ips = json.resource.azurerm_public_ip;
      expect(Object.keys(ips)).toHaveLength(2);
      for (const ip of Object.values(ips) as any[]) {
        expect(ip).toMatchObject({ sku: 'Standard', allocation_method: 'Static', zones: ['1', '2', '3'] });
      }
      expect(gw.ip_configuration).toHaveLength(2);
      const ipIds = gw.ip_configuration.map((c: any) => c.public_ip_address_id);
      expect(new Set(ipIds).size).toBe(2);
      const expected = Object.keys(ips).map((logicalId) => `\${azurerm_public_ip.${logicalId}.id}`);
      expect(ipIds.sort()).toEqual(expected.sort());
      expect(gw.ip_configuration.map((c: any) => c.name)).toEqual(['ipconfig1', 'ipconfig2']);
      const subnetId = gw.ip_configuration[0].subnet_id;
      expect(subnetId).toMatch(/^\$\{azurerm_subnet\..+\.id\}$/);
      expect(gw.ip_configuration[1].subnet_id).toBe(subnetId);
      const gatewaySubnet = Object.entries(json.resource.azurerm_subnet).find(([, s]: [string, any]) => s.name === 'GatewaySubnet')!;
      expect(subnetId).toBe(`\${azurerm_subnet.${gatewaySubnet[0]}.id}`);
    });

    test('warns when no workspace is given and creates no diagnostic setting', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      new VpnGateway(stack, 'Vpn', { hub });
      // THEN
      const json = synthJson(stack);
      expect(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).toHaveLength(0);
      const annotations = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn');
      expect(annotations.map((a) => a.data)).toEqual(expect.arrayContaining([expect.stringMatching(/^\[DIAG-MISSING\] /)]));
    });

    test('sends all five gateway log categories and AllMetrics to the workspace (AzureDiagnostics table)', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const workspace = new LogAnalyticsWorkspace(stack, 'Workspace', base);
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub, logAnalyticsWorkspace: workspace });
      // THEN
      const json = synthJson(stack);
      const setting = onlyResource(json, 'azurerm_monitor_diagnostic_setting');
      const gatewayLogicalId = Object.keys(json.resource.azurerm_virtual_network_gateway)[0];
      const workspaceLogicalId = Object.keys(json.resource.azurerm_log_analytics_workspace)[0];
      expect(setting.target_resource_id).toBe(`\${azurerm_virtual_network_gateway.${gatewayLogicalId}.id}`);
      expect(setting.log_analytics_workspace_id).toBe(`\${azurerm_log_analytics_workspace.${workspaceLogicalId}.id}`);
      // Gateway logs have no resource-specific tables (supported-logs: AzureDiagnostics), so no Dedicated destination
      expect(setting.log_analytics_destination_type).toBeUndefined();
      expect(setting.enabled_log.map((l: any) => l.category).sort()).toEqual(
        ['GatewayDiagnosticLog', 'IKEDiagnosticLog', 'P2SDiagnosticLog', 'RouteDiagnosticLog', 'TunnelDiagnosticLog'],
      );
      expect(setting.enabled_metric).toEqual([{ category: 'AllMetrics' }]);
      expect(gateway.diagnosticSettings).toHaveLength(1);
      const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn');
      expect(warnings.map((w) => w.data).join('\n')).not.toContain('DIAG-MISSING');
    });

    test('sendDiagnosticsTo adds a further setting, with a subset of categories', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub, logAnalyticsWorkspace: LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W1', '/subscriptions/x/w1') });
      // WHEN
      gateway.sendDiagnosticsTo(LogAnalyticsWorkspace.fromWorkspaceId(stack, 'W2', '/subscriptions/x/w2'), { logCategories: ['TunnelDiagnosticLog'], metrics: false });
      // THEN
      const settings = resourcesOf(synthJson(stack), 'azurerm_monitor_diagnostic_setting');
      expect(settings).toHaveLength(2);
      const second = settings.find((s) => s.log_analytics_workspace_id === '/subscriptions/x/w2');
      expect(second.enabled_log).toEqual([{ category: 'TunnelDiagnosticLog' }]);
      expect(second.enabled_metric).toBeUndefined();
    });

    test('outputs the public IPs and BGP peer addresses', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // THEN
      const json = synthJson(stack);
      expect(gateway.publicIpsOutputName).toBe('vpn_public_ips');
      expect(gateway.bgpPeeringAddressesOutputName).toBe('vpn_bgp_peering_addresses');
      const publicIps = json.output.vpn_public_ips;
      expect(publicIps.sensitive).toBe(false);
      expect(publicIps.value).toHaveLength(2);
      expect(publicIps.value.every((v: string) => /^\$\{azurerm_public_ip\..+\.ip_address\}$/.test(v))).toBe(true);
      const bgp = json.output.vpn_bgp_peering_addresses;
      expect(bgp.value).toHaveLength(2);
      expect(bgp.value[0]).toMatch(/^\$\{azurerm_virtual_network_gateway\..+\.bgp_settings\[0\]\.peering_addresses\[0\]\.default_addresses\}$/);
      expect(bgp.value[1]).toMatch(/peering_addresses\[1\]\.default_addresses\}$/);
    });
  });

  describe('options', () => {
    test('active-standby has one public IP and one ip_configuration', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      new VpnGateway(stack, 'Vpn', { hub, activeActive: false });
      // THEN
      const json = synthJson(stack);
      const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
      expect(gw.active_active).toBe(false);
      expect(gw.ip_configuration).toHaveLength(1);
      expect(resourcesOf(json, 'azurerm_public_ip')).toHaveLength(1);
    });

    test('VpnGw1 defaults to Generation1, and BGP off leaves out bgp_settings and its output', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub, sku: VpnGatewaySku.VPN_GW1_AZ, bgpEnabled: false });
      // THEN
      const json = synthJson(stack);
      const gw = onlyResource(json, 'azurerm_virtual_network_gateway');
      expect(gw.generation).toBe('Generation1');
      expect(gw.enable_bgp).toBe(false);
      expect(gw.bgp_settings).toBeUndefined();
      expect(gateway.bgpPeeringAddressesOutputName).toBeUndefined();
      expect(Object.keys(json.output)).toEqual(['vpn_public_ips']);
    });

    test('custom APIPA addresses go to each instance', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      new VpnGateway(stack, 'Vpn', { hub, apipaAddressesInstance1: ['169.254.21.1'], apipaAddressesInstance2: ['169.254.22.1'] });
      // THEN
      const gw = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway');
      expect(gw.bgp_settings.peering_addresses).toEqual([
        { ip_configuration_name: 'ipconfig1', apipa_addresses: ['169.254.21.1'] },
        { ip_configuration_name: 'ipconfig2', apipa_addresses: ['169.254.22.1'] },
      ]);
    });

    test('a non-AZ SKU is refused since 2025-01-01 (VPN-SKU-LEGACY); the pack still warns VPN-SKU-ZONES on a body that has one', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN / THEN
      expectValidationError(() => new VpnGateway(stack, 'Vpn', { hub, sku: VpnGatewaySku.VPN_GW2 }), 'VPN-SKU-LEGACY', 'sku', 'VpnGw2');
    });

    test('zonal public IPs on an AZ SKU are allowed with a VPN-SKU-ZONES warning', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      // WHEN
      new VpnGateway(stack, 'Vpn', { hub, publicIpZones: ['1'] });
      // THEN
      const ips = resourcesOf(synthJson(stack), 'azurerm_public_ip');
      expect(ips.map((ip) => ip.zones)).toEqual([['1'], ['1']]);
      expect(warningsAfterSynth(stack)).toEqual(expect.arrayContaining([expect.stringMatching(/^\[VPN-SKU-ZONES\] test\/Vpn: `publicIpZones` = \["1"\]: public IPs in zone 1 only/)]));
    });

    test('token APIPA addresses are passed through unvalidated, on the gateway and the site', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const apipa = new TerraformVariable(stack, 'apipa', { type: 'string' });
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub, apipaAddressesInstance1: [apipa.stringValue] });
      gateway.addSite('Site', { device: VpnDevice.address('203.0.113.10'), bgpAsn: 65010, bgpPeeringAddress: '192.168.1.1', customBgpAddressInstance1: apipa.stringValue });
      // THEN
      expect(errorsAfterSynth(stack)).toEqual([]);
      const json = synthJson(stack);
      expect(onlyResource(json, 'azurerm_virtual_network_gateway').bgp_settings.peering_addresses[0].apipa_addresses).toEqual(['${var.apipa}']);
      expect(onlyResource(json, 'azurerm_virtual_network_gateway_connection').custom_bgp_addresses).toEqual({ primary: '${var.apipa}' });
    });

    test('a token ASN and token site address synthesize without a validation error', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const asn = new TerraformVariable(stack, 'asn', { type: 'string' });
      const address = new TerraformVariable(stack, 'device_address', { type: 'string' });
      const siteAsn = new TerraformVariable(stack, 'site_asn', { type: 'number' });
      // WHEN
      const gateway = new VpnGateway(stack, 'Vpn', { hub, asn: Token.asNumber(Fn.tonumber(asn.stringValue)) });
      gateway.addSite('Site', { device: VpnDevice.address(address.stringValue), bgpAsn: siteAsn.numberValue, bgpPeeringAddress: '192.168.1.1' });
      // THEN
      expect(errorsAfterSynth(stack)).toEqual([]);
      const json = synthJson(stack);
      expect(onlyResource(json, 'azurerm_virtual_network_gateway').bgp_settings.asn).toBe('${tonumber(var.asn)}');
      const lgw = onlyResource(json, 'azurerm_local_network_gateway');
      expect(lgw.gateway_address).toBe('${var.device_address}');
      expect(lgw.bgp_settings).toEqual({ asn: '${var.site_asn}', bgp_peering_address: '192.168.1.1' });
      // the runbook names the expressions, not token placeholders
      const runbook = Runbook.of(stack).render();
      expect(runbook).toContain('Device: public IP `${var.device_address}`');
      expect(runbook).toContain('on-premises ASN **${var.site_asn}**');
      expect(runbook).toContain('Azure ASN **${tonumber(var.asn)}**');
      expect(runbook).not.toMatch(/TfToken|e\+\d{2,}/);
    });
  });

  describe('NAT rules', () => {
    test('a static rule is one rule for the gateway', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // WHEN
      const ids = gateway.addNatRule('onprem', { mode: VpnNatMode.INGRESS_SNAT, internalAddressSpaces: ['10.0.0.0/24'], externalAddressSpaces: ['100.64.0.0/24'] });
      // THEN
      const rule = onlyResource(synthJson(stack), 'azurerm_virtual_network_gateway_nat_rule');
      expect(ids).toHaveLength(1);
      expect(rule).toMatchObject({
        name: 'onprem',
        mode: 'IngressSnat',
        type: 'Static',
        internal_mapping: [{ address_space: '10.0.0.0/24' }],
        external_mapping: [{ address_space: '100.64.0.0/24' }],
      });
      expect(rule.ip_configuration_id).toBeUndefined();
    });

    test('a dynamic rule on active-active is one rule per instance, bound to its ip configuration', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // WHEN
      const ids = gateway.addNatRule('egress', { mode: VpnNatMode.EGRESS_SNAT, type: VpnNatType.DYNAMIC, internalAddressSpaces: ['10.0.0.0/16'], externalAddressSpaces: ['100.64.1.0/24'] });
      // THEN
      const json = synthJson(stack);
      const rules = resourcesOf(json, 'azurerm_virtual_network_gateway_nat_rule');
      expect(ids).toHaveLength(2);
      expect(rules.map((r) => r.name).sort()).toEqual(['egress-instance1', 'egress-instance2']);
      const gatewayLogicalId = Object.keys(json.resource.azurerm_virtual_network_gateway)[0];
      const byName = Object.fromEntries(rules.map((r) => [r.name, r]));
      expect(byName['egress-instance1'].ip_configuration_id).toBe(`\${azurerm_virtual_network_gateway.${gatewayLogicalId}.id}/ipConfigurations/ipconfig1`);
      expect(byName['egress-instance2'].ip_configuration_id).toBe(`\${azurerm_virtual_network_gateway.${gatewayLogicalId}.id}/ipConfigurations/ipconfig2`);
      expect(rules.every((r) => r.type === 'Dynamic' && r.mode === 'EgressSnat')).toBe(true);
    });

    test('fails when a static rule maps ranges of different sizes', () => {
      const gateway = gatewayWith({})();
      expectValidationError(
        () => gateway.addNatRule('r', { mode: VpnNatMode.INGRESS_SNAT, internalAddressSpaces: ['10.0.0.0/24'], externalAddressSpaces: ['100.64.0.0/25'] }),
        'VPN-NAT-RULE',
        'externalAddressSpaces[0]',
        '100.64.0.0/25',
      );
    });

    test('fails when a static rule has more internal than external ranges', () => {
      const gateway = gatewayWith({})();
      expectValidationError(
        () => gateway.addNatRule('r', { mode: VpnNatMode.INGRESS_SNAT, internalAddressSpaces: ['10.0.0.0/24', '10.0.1.0/24'], externalAddressSpaces: ['100.64.0.0/24'] }),
        'VPN-NAT-RULE',
        'externalAddressSpaces',
        ['100.64.0.0/24'],
      );
    });

    test('fails when a rule has no mapping', () => {
      const gateway = gatewayWith({})();
      expectValidationError(
        () => gateway.addNatRule('r', { mode: VpnNatMode.INGRESS_SNAT, internalAddressSpaces: [], externalAddressSpaces: ['100.64.0.0/24'] }),
        'VPN-NAT-RULE',
        'internalAddressSpaces',
        [],
      );
    });

    test('fails when a rule id is used twice', () => {
      const gateway = gatewayWith({})();
      const options = { mode: VpnNatMode.INGRESS_SNAT, internalAddressSpaces: ['10.0.0.0/24'], externalAddressSpaces: ['100.64.0.0/24'] };
      gateway.addNatRule('r', options);
      expectValidationError(() => gateway.addNatRule('r', options), 'VPN-NAT-RULE', 'id', 'r');
    });
  });

  describe('validation', () => {
    test.each(['Basic', 'Standard', 'HighPerformance'])('fails when the SKU is legacy %s', (sku) => {
      expectValidationError(gatewayWith({ sku: VpnGatewaySku.of(sku) }), 'VPN-SKU-LEGACY', 'sku', sku);
    });

    test('fails when the SKU is unknown', () => {
      expectValidationError(gatewayWith({ sku: VpnGatewaySku.of('VpnGw9AZ') }), 'VPN-SKU-UNKNOWN', 'sku', 'VpnGw9AZ');
    });

    test('fails when a Generation2-only SKU is Generation1', () => {
      expectValidationError(gatewayWith({ sku: VpnGatewaySku.VPN_GW4_AZ, generation: VpnGatewayGeneration.GENERATION1 }), 'VPN-SKU-GENERATION', 'generation', 'Generation1');
    });

    test('fails when a Generation1-only SKU is Generation2', () => {
      expectValidationError(gatewayWith({ sku: VpnGatewaySku.VPN_GW1, generation: VpnGatewayGeneration.GENERATION2 }), 'VPN-SKU-GENERATION', 'generation', 'Generation2');
    });

    test('fails when the VPN type is PolicyBased', () => {
      expectValidationError(gatewayWith({ vpnType: VpnType.POLICY_BASED }), 'VPN-POLICYBASED', 'vpnType', 'PolicyBased');
    });

    test.each([8074, 8075, 12076, 23456, 64500, 65517, 65535, 65551, 4294967295, 0, -1, 4294967296, 65000.5])('fails when the gateway ASN is %p', (asn) => {
      expectValidationError(gatewayWith({ asn }), 'VPN-BGP-ASN', 'asn', asn);
    });

    test.each([65515, 64512, 65514, 65521, 65534, 8073, 12075, 4294967294])('accepts gateway ASN %p', (asn) => {
      const gateway = gatewayWith({ asn })();
      expect(gateway.asn).toBe(asn);
    });

    test('does not check the ASN when BGP is off', () => {
      expect(gatewayWith({ asn: 8074, bgpEnabled: false })().bgpEnabled).toBe(false);
    });

    test.each(['169.254.20.5', '169.254.23.1', 'not-an-ip'])('fails when an APIPA address is %s', (address) => {
      expectValidationError(gatewayWith({ apipaAddressesInstance1: [address] }), 'VPN-APIPA-RANGE', 'apipaAddressesInstance1', address);
      expectValidationError(gatewayWith({ apipaAddressesInstance2: [address] }), 'VPN-APIPA-RANGE', 'apipaAddressesInstance2', address);
    });

    test('accepts APIPA addresses at both ends of the range', () => {
      const gateway = gatewayWith({ apipaAddressesInstance1: ['169.254.21.0'], apipaAddressesInstance2: ['169.254.22.255'] })();
      expect(gateway.apipaAddresses).toEqual([['169.254.21.0'], ['169.254.22.255']]);
    });

    test('fails when an active-standby gateway gets APIPA addresses for a second instance', () => {
      expectValidationError(gatewayWith({ activeActive: false, apipaAddressesInstance2: ['169.254.22.1'] }), 'VPN-APIPA-ACTIVE-ACTIVE', 'apipaAddressesInstance2', ['169.254.22.1']);
    });

    test('fails when both instances share an APIPA address', () => {
      expectValidationError(
        gatewayWith({ apipaAddressesInstance1: ['169.254.21.1'], apipaAddressesInstance2: ['169.254.22.1', '169.254.21.1'] }),
        'VPN-APIPA-ACTIVE-ACTIVE',
        'apipaAddressesInstance2',
        '169.254.21.1',
      );
    });

    test('fails when APIPA addresses are given with BGP off', () => {
      expectValidationError(gatewayWith({ bgpEnabled: false, apipaAddressesInstance1: ['169.254.21.1'] }), 'VPN-BGP-DISABLED', 'apipaAddressesInstance1', ['169.254.21.1']);
    });

    test('fails when an AZ SKU has zonal public IPs', () => {
      expectValidationError(gatewayWith({ publicIpZones: [] }), 'VPN-PUBLICIP-ZONES', 'publicIpZones', []);
    });

    test('fails when the gateway name breaks Azure rules', () => {
      expectValidationError(gatewayWith({ name: '-bad name' }), 'NAME-INVALID', 'name', '-bad name');
    });

    test('reports every problem at once', () => {
      const error = expectValidationError(gatewayWith({ sku: VpnGatewaySku.of('Basic'), vpnType: VpnType.POLICY_BASED, asn: 8074 }), 'VPN-SKU-LEGACY', 'sku', 'Basic');
      expect(error.problems.map((p) => p.ruleId)).toEqual(['VPN-SKU-LEGACY', 'VPN-POLICYBASED', 'VPN-BGP-ASN']);
      expect(error.message).toMatch(/^3 problems:/);
      expect(error.constructPath).toBe('test/Hub/Vpn');
    });

    test('fails at synth when an escape hatch overrides ip_configuration of an active-active gateway', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // WHEN: cdktf appends an overriding list to the existing blocks, so the gateway ends with 3
      gateway.gateway.addOverride('ip_configuration', [{ name: 'ipconfig3', public_ip_address_id: gateway.publicIps[0].id, subnet_id: hub.gatewaySubnetId }]);
      // THEN
      const errors = errorsAfterSynth(stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/\[VPN-IPCONFIG-COUNT\] test\/Vpn: `ip_configuration` = .*: 3 ip_configuration blocks: an active-active gateway needs 2\./);
    });

    test('fails at synth when an escape hatch leaves an active-active gateway with one ip_configuration', () => {
      // GIVEN
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub });
      // WHEN
      gateway.gateway.putIpConfiguration([{ name: 'ipconfig1', publicIpAddressId: gateway.publicIps[0].id, subnetId: hub.gatewaySubnetId }]);
      // THEN
      const errors = errorsAfterSynth(stack);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/\[VPN-IPCONFIG-COUNT\] test\/Vpn: `ip_configuration` = .*: 1 ip_configuration blocks: an active-active gateway needs 2\./);
    });

    test('an escape hatch that keeps the count right passes synth validation', () => {
      const { stack, hub } = hubStack();
      const gateway = new VpnGateway(stack, 'Vpn', { hub, activeActive: false });
      gateway.gateway.addOverride('ip_configuration.0.private_ip_address_allocation', 'Dynamic');
      expect(errorsAfterSynth(stack)).toEqual([]);
    });
  });
});

describe('VpnGateway.addSite ids', () => {
  test('fails when a site id is repeated', () => {
    // GIVEN a gateway with a site Paris
    const { hub } = hubStack();
    const gateway = new VpnGateway(hub, 'Vpn', { hub });
    gateway.addSite('Paris', { device: VpnDevice.address('203.0.113.10'), addressSpaces: ['192.168.10.0/24'] });
    // WHEN / THEN
    expectValidationError(() => gateway.addSite('Paris', { device: VpnDevice.address('203.0.113.11'), addressSpaces: ['192.168.11.0/24'] }), 'NAME-DUPLICATE', 'id', 'Paris');
  });

  test('fails when a NAT rule id is repeated (already refused)', () => {
    const { hub } = hubStack();
    const gateway = new VpnGateway(hub, 'Vpn', { hub });
    const nat = { mode: VpnNatMode.EGRESS_SNAT, internalAddressSpaces: ['10.0.1.0/24'], externalAddressSpaces: ['100.64.1.0/24'] };
    gateway.addNatRule('Egress', nat);
    expectValidationError(() => gateway.addNatRule('Egress', nat), 'VPN-NAT-RULE', 'id', 'Egress');
  });
});
