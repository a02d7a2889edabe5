// Public API: re-exports only; nothing runs at import time.
export { ValidationErrors, ValidationProblem } from './core/errors';
export { RuleCatalogue, RuleInfo, RuleLevel } from './core/rules';
export { DiagnosticSetting, DiagnosticSettingProps, DiagnosticsOptions } from './core/diagnostics';
export { Runbook, IRunbookSection, HandoffOutputOptions } from './core/outputs';
export { HybridTags } from './core/tags';
export * from './management/log-analytics-workspace';
export * from './network/hub-network';
export * from './network/vpn-gateway-sku';
export * from './network/vpn-gateway';
export * from './network/shared-key';
export * from './network/site-to-site-connection';
