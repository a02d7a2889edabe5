// What the hybrid app patterns choose when the user does not say: the guide's recommendations
// (../shared/reference/azure-hybrid-rules.md sections 11 and 12), in one place.

/** Probe path: the app's health endpoint. */
export const PROBE_PATH = '/health';
/** Probe port: HTTPS. */
export const PROBE_PORT = 443;
/** Normal probing (10 s fast probing costs more). */
export const PROBE_INTERVAL_SECONDS = 30;
/** Azure's default probe timeout at a 30 s interval. */
export const PROBE_TIMEOUT_SECONDS = 10;
/** Azure's default tolerated failures. */
export const PROBE_TOLERATED_FAILURES = 3;
/** DNS TTL: short, so that failover to Azure is quick. */
export const DNS_TTL_SECONDS = 30;
/** Endpoint weight under Weighted routing: an equal share. */
export const ENDPOINT_WEIGHT = 1;
/** Degraded-endpoint alert: evaluated every minute over 5 minutes, severity 1. */
export const DEGRADED_ALERT = { frequency: 'PT1M', windowSize: 'PT5M', severity: 1 };
/** Metric namespace of Traffic Manager profiles (Azure Monitor supported metrics). */
export const TM_METRIC_NAMESPACE = 'Microsoft.Network/trafficManagerProfiles';
/** Metric namespace of relay namespaces (Azure Monitor supported metrics). */
export const RELAY_METRIC_NAMESPACE = 'Microsoft.Relay/namespaces';
/** Hybrid Connection Managers per connection the runbook installs (two: high availability). */
export const DEFAULT_HCM_COUNT = 2;
/** Hybrid connections per App Service plan tier (Premium/IsolatedV2: per app). */
export const HYBRID_CONNECTION_LIMITS: Record<string, { limit: number; per: 'plan' | 'app' }> = {
  Basic: { limit: 5, per: 'plan' },
  Standard: { limit: 25, per: 'plan' },
  Premium: { limit: 220, per: 'app' },
  IsolatedV2: { limit: 220, per: 'app' },
};
/** Names of the per-connection authorization rules. */
export const LISTENER_RULE_NAME = 'listener';
export const SENDER_RULE_NAME = 'sender';
