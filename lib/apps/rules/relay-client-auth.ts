import { AD, defineRule, fails, RuleLevel } from '../../core/rule';

/** Relay hybrid connections require client authorization (azurerm default true). */
export const RELAY_CLIENT_AUTH = defineRule({
  id: 'RELAY-CLIENT-AUTH',
  level: RuleLevel.ERROR,
  description: 'A relay hybrid connection must require client authorization (requires_client_authorization true)',
  source: `${AD} app-service/app-service-hybrid-connections.md`,
  types: ['azurerm_relay_hybrid_connection'],
  check: (_type, body) =>
    body.requires_client_authorization === false
      ? fails('requires_client_authorization', 'requires_client_authorization is false: anyone who knows the endpoint can connect. Fix: set it to true (or leave it out)')
      : 'compliant',
});
