import { fails, HybridRule } from '../rule';

/** Gateways, circuits and vaults send their logs: a diagnostic setting targets them. */
export const DIAG_MISSING: HybridRule = {
  id: 'DIAG-MISSING',
  types: ['azurerm_virtual_network_gateway', 'azurerm_express_route_circuit', 'azurerm_recovery_services_vault'],
  check: (type, _body, ctx) =>
    ctx.referrers('azurerm_monitor_diagnostic_setting', 'target_resource_id').length > 0
      ? 'compliant'
      : fails(undefined, `no azurerm_monitor_diagnostic_setting has target_resource_id = ${type}.${ctx.name}.id: its logs go nowhere. Fix: add a DiagnosticSetting (lib/core/diagnostics) to a Log Analytics workspace`),
};
