import { fails, HybridRule } from '../rule';

/** Relay hybrid connections require client authorization (azurerm default true). */
export const RELAY_CLIENT_AUTH: HybridRule = {
  id: 'RELAY-CLIENT-AUTH',
  types: ['azurerm_relay_hybrid_connection'],
  check: (_type, body) =>
    body.requires_client_authorization === false
      ? fails('requires_client_authorization', 'requires_client_authorization is false: anyone who knows the endpoint can connect. Fix: set it to true (or leave it out)')
      : 'compliant',
};
