import { fails, HybridRule } from '../rule';

/** Application Insights is workspace-based. */
export const APPI_WORKSPACE: HybridRule = {
  id: 'APPI-WORKSPACE',
  types: ['azurerm_application_insights'],
  check: (_type, body) =>
    typeof body.workspace_id === 'string' && body.workspace_id.length > 0
      ? 'compliant'
      : fails('workspace_id', 'workspace_id is not set: a classic Application Insights resource. Fix: set workspace_id to a Log Analytics workspace id'),
};
