import { AD, defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

/** Log Analytics local (shared key) authentication off (azurerm default: on). */
export const LAW_LOCAL_AUTH = defineRule({
  id: 'LAW-LOCAL-AUTH',
  level: RuleLevel.WARNING,
  description: 'A Log Analytics workspace should accept Microsoft Entra authentication only (local_authentication_enabled false)',
  source: `${AD} azure-monitor/logs/azure-ad-authentication-logs.md`,
  types: ['azurerm_log_analytics_workspace'],
  check: (_type, body) => {
    const enabled = body.local_authentication_enabled;
    if (enabled === false || isExpression(enabled) || body.local_authentication_disabled === true) return 'compliant';
    return fails('local_authentication_enabled', 'local authentication is on: agents and clients can use the workspace shared keys. Fix: set local_authentication_enabled false (Microsoft Entra only)');
  },
});
