import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** Application Insights is workspace-based. */
export const APPI_WORKSPACE = defineRule({
  id: 'APPI-WORKSPACE',
  level: RuleLevel.ERROR,
  description: 'Application Insights must be workspace-based (workspace_id); classic resources were retired on 2024-02-29',
  source: `${AD} azure-monitor/app/convert-classic-resource.md`,
  types: ['azurerm_application_insights'],
  check: (_type, body) =>
    typeof body.workspace_id === 'string' && body.workspace_id.length > 0
      ? 'compliant'
      : fails('workspace_id', 'workspace_id is not set: a classic Application Insights resource. Fix: set workspace_id to a Log Analytics workspace id'),
});
