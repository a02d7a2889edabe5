import type { MetricDefinition } from '../core/alerts';

/**
 * Metric names and dimensions, from the Azure Monitor reference generated from the Azure API
 * (MicrosoftDocs/azure-reference-other bea53845, azure-monitor-ref/supported-metrics/includes/
 * microsoft-network-virtualnetworkgateways-metrics-include.md and
 * microsoft-network-expressroutecircuits-metrics-include.md; /work/shared-notes/research.md section 4).
 */
export const VNG_NAMESPACE = 'Microsoft.Network/virtualNetworkGateways';
export const CIRCUIT_NAMESPACE = 'Microsoft.Network/expressRouteCircuits';

/** One platform metric of a resource. */
export function metricOf(resourceId: string, namespace: string, name: string, aggregation: string, unit: string, splitBy?: string[]): MetricDefinition {
  return { resourceId, namespace, name, aggregation, unit, splitBy };
}
