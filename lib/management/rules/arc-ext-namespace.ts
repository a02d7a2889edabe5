import { defineRule, fails, RuleLevel, TF } from '../../core/rule';

/** A cluster extension has one namespace setting. */
export const ARC_EXT_NAMESPACE = defineRule({
  id: 'ARC-EXT-NAMESPACE',
  level: RuleLevel.ERROR,
  description: 'A cluster extension takes release_namespace (cluster scope) or target_namespace (namespace scope), not both',
  source: `${TF} internal/services/arckubernetes/arc_kubernetes_cluster_extension_resource.go (ConflictsWith)`,
  types: ['azurerm_arc_kubernetes_cluster_extension'],
  check: (_type, body) =>
    body.release_namespace !== undefined && body.target_namespace !== undefined
      ? fails('target_namespace', 'release_namespace and target_namespace are both set. Fix: keep one')
      : 'compliant',
});
