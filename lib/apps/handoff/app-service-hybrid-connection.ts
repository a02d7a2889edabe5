import { Token } from 'cdktf';

/** One hybrid connection as the runbook shows it. */
export interface HybridConnectionEndpointFacts {
  readonly endpoint: string;
  readonly hybridConnectionName: string;
  readonly listenerConnectionStringOutputName: string;
}

/** What the App Service Hybrid Connections runbook section says (read from the construct's public fields). */
export interface HybridConnectionHandoffFacts {
  readonly namespaceName: string;
  /** Resource group as text for a shell command (a literal, or `"$(terraform output -raw ...)"`). */
  readonly resourceGroup: string;
  readonly endpoints: readonly HybridConnectionEndpointFacts[];
  /** `web app` or `function app`. */
  readonly appKind: string;
  /** `webapp` or `functionapp`. */
  readonly appCliGroup: string;
  /** Hybrid Connection Managers the listener alert expects per connection (undefined: no alert). */
  readonly expectedListeners?: number;
  readonly alertNotifies: boolean;
}

const show = (value: string | undefined, placeholder: string): string => (value === undefined || Token.isUnresolved(value) ? placeholder : value);

/** The runbook section of one `AppServiceHybridConnection` (Markdown). Pure. */
export function hybridConnectionHandoff(f: HybridConnectionHandoffFacts): string {
  const ns = show(f.namespaceName, '<relay namespace>');
  const hc = (e: HybridConnectionEndpointFacts) => show(e.hybridConnectionName, '<hybrid connection>');
  const endpoint = (e: HybridConnectionEndpointFacts) => show(e.endpoint, '<host:port>');
  const listeners = f.expectedListeners === undefined || Token.isUnresolved(f.expectedListeners) ? 2 : f.expectedListeners;
  return [
    `Relay namespace \`${ns}\` (Standard). The ${f.appKind} reaches these on-premises endpoints through it:`,
    '',
    '| endpoint | hybrid connection | listener connection string output |',
    '| --- | --- | --- |',
    ...f.endpoints.map((e) => `| \`${endpoint(e)}\` | \`${hc(e)}\` | \`${e.listenerConnectionStringOutputName}\` (sensitive) |`),
    '',
    '### 1. Install two Hybrid Connection Managers on premises',
    '',
    '- On two servers (Windows Server 2012 or later, or Linux) that resolve and reach every endpoint above: two HCMs listening on the same connections give high availability.',
    `- Firewall: outbound TCP **443** only, to \`${ns}.servicebus.windows.net\` and the relay gateways \`*.servicebus.windows.net\`; nothing inbound.`,
    "- Download the HCM from the app's Networking > Hybrid connections page in the portal.",
    '',
    '### 2. Add each connection to both HCMs with its listen-only connection string',
    '',
    '```sh',
    ...f.endpoints.map((e) => `terraform output -raw ${e.listenerConnectionStringOutputName}   # ${endpoint(e)}`),
    '```',
    '',
    'In the HCM: Add a new Hybrid Connection > Enter Manually > paste the connection string (or the `hcm` command line on Linux). Handle the string as a secret: it grants listen access only, never send or manage. Do not sign the HCM in with an Azure account that can list every key.',
    '',
    '### 3. Check',
    '',
    '```sh',
    ...f.endpoints.map((e) => `az relay hyco show --resource-group ${f.resourceGroup} --namespace-name ${ns} --name ${hc(e)} --query listenerCount   # ${listeners} when every HCM is connected`),
    `az ${f.appCliGroup} hybrid-connection list --resource-group <app resource group> --name <app>`,
    '```',
    '',
    'The HCM shows each connection as `Connected`; the app then reaches `host:port` by name.',
    '',
    f.expectedListeners === undefined
      ? 'No listener alert was created: watch `ActiveListeners` of the relay namespace yourself, a connection without a listener fails every request.'
      : `The alert on the relay's \`ActiveListeners\` metric (split by hybrid connection) fires while a connection has fewer than ${listeners} listener(s): a Hybrid Connection Manager is down or lost its connection string${f.alertNotifies ? '' : ' (no action group: it shows in Azure Monitor only)'}. It fires from the first apply until the HCMs above are connected.`,
  ].join('\n');
}
