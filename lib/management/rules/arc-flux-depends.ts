import { defineRule, fails, RuleLevel, TF } from '../../core/rule';

/** A Flux configuration waits for the microsoft.flux extension (depends_on). */
export const ARC_FLUX_DEPENDS = defineRule({
  id: 'ARC-FLUX-DEPENDS',
  level: RuleLevel.ERROR,
  description: 'A Flux configuration must depend on the microsoft.flux cluster extension, or it is created before Flux is installed',
  source: `${TF} website/docs/r/arc_kubernetes_flux_configuration.html.markdown (the example depends_on the flux extension)`,
  types: ['azurerm_arc_kubernetes_flux_configuration'],
  check: (_type, body) => {
    const dependsOn = Array.isArray(body.depends_on) ? (body.depends_on as unknown[]) : [];
    return dependsOn.some((d) => typeof d === 'string' && d.replace(/^\$\{/, '').startsWith('azurerm_arc_kubernetes_cluster_extension.'))
      ? 'compliant'
      : fails('depends_on', 'the Flux configuration does not depend on a cluster extension (microsoft.flux). Fix: keep depends_on = [<the flux extension>]');
  },
});
