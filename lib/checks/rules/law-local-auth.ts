import { fails, HybridRule, isExpression } from '../rule';

/** Log Analytics local (shared key) authentication off (azurerm default: on). */
export const LAW_LOCAL_AUTH: HybridRule = {
  id: 'LAW-LOCAL-AUTH',
  types: ['azurerm_log_analytics_workspace'],
  check: (_type, body) => {
    const enabled = body.local_authentication_enabled;
    if (enabled === false || isExpression(enabled) || body.local_authentication_disabled === true) return 'compliant';
    return fails('local_authentication_enabled', 'local authentication is on: agents and clients can use the workspace shared keys. Fix: set local_authentication_enabled false (Microsoft Entra only)');
  },
};
