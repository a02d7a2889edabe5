import { AD, defineRule, fails, RuleLevel } from '../rule';

/** Gateways, circuits and vaults send their logs: a diagnostic setting targets them. */
export const DIAG_MISSING = defineRule({
  id: 'DIAG-MISSING',
  level: RuleLevel.WARNING,
  description: 'Gateways, ExpressRoute circuits, Recovery Services vaults, storage file services and the other resources whose logs tell why a hybrid link fails should send logs and metrics to Log Analytics (pass logAnalyticsWorkspace, or call sendDiagnosticsTo)',
  source: `${AD} azure-monitor/essentials/diagnostic-settings.md`,
  // One id for the concern; the five ids constructs used before still suppress it.
  formerIds: ['DIAG-GATEWAY-MISSING', 'ER-CIRCUIT-DIAGNOSTICS', 'STG-DIAG-MISSING', 'RSV-DIAG-MISSING', 'APP-DIAGNOSTICS-MISSING'],
  types: ['azurerm_virtual_network_gateway', 'azurerm_express_route_circuit', 'azurerm_recovery_services_vault'],
  check: (type, _body, ctx) =>
    ctx.referrers('azurerm_monitor_diagnostic_setting', 'target_resource_id').length > 0
      ? 'compliant'
      : fails(undefined, `no azurerm_monitor_diagnostic_setting has target_resource_id = ${type}.${ctx.name}.id: its logs go nowhere. Fix: call sendDiagnosticsTo(workspace) on the construct, or add an azurerm_monitor_diagnostic_setting`),
});
