import { Token } from 'cdktf';

/** One endpoint as the runbook shows it. */
export interface TrafficManagerEndpointFacts {
  readonly name: string;
  /** `external` (on premises) or `azure`. */
  readonly kind: string;
  readonly target: string;
  /** Priority or weight as text, `-` when the routing method uses neither. */
  readonly rank: string;
  readonly enabled: boolean;
  /** The endpoint status is switched outside Terraform (Terraform ignores `enabled`). */
  readonly managedOutside: boolean;
}

/** What the cross-cloud runbook section says (read from the construct's public fields). */
export interface TrafficManagerHandoffFacts {
  /** `Priority`, `Weighted`, `Performance` or `MultiValue`. */
  readonly routingMethod: string;
  readonly probeProtocol: string;
  readonly probePort: number;
  readonly probePath?: string;
  readonly ttlSeconds: number;
  readonly profileName: string;
  readonly relativeName: string;
  /** Resource group as text for a shell command (a literal, or `"$(terraform output -raw ...)"`). */
  readonly resourceGroup: string;
  readonly fqdnOutputName: string;
  readonly customDomain?: string;
  readonly endpoints: readonly TrafficManagerEndpointFacts[];
  /** Name of the degraded-endpoint alert, when there is one. */
  readonly alertName?: string;
  readonly alertNotifies: boolean;
}

const show = (value: unknown, placeholder: string): string => (value === undefined || Token.isUnresolved(value) ? placeholder : String(value));

/** The runbook section of one `CrossCloudTrafficManager` (Markdown). Pure. */
export function trafficManagerHandoff(f: TrafficManagerHandoffFacts): string {
  const domain = show(f.customDomain, 'www.<your domain>');
  const host = domain.split('.')[0];
  const zone = domain.split('.').slice(1).join('.') || '<your domain>';
  const probe = `${f.probeProtocol} on port ${show(f.probePort, '<probe port>')}${f.probePath === undefined ? '' : ` at \`${show(f.probePath, '<probe path>')}\``}`;
  const rankHeader = f.routingMethod === 'Weighted' ? 'weight' : f.routingMethod === 'Priority' ? 'priority' : 'rank';
  return [
    `Routing: **${f.routingMethod}**; probe ${probe}; DNS TTL ${show(f.ttlSeconds, '<ttl>')} s.`,
    '',
    `| endpoint | side | target | ${rankHeader} | enabled |`,
    '| --- | --- | --- | --- | --- |',
    ...f.endpoints.map((e) => `| ${show(e.name, '<endpoint>')} | ${e.kind === 'external' ? 'on-premises' : 'Azure'} | ${show(e.target, '(set at apply)')} | ${e.rank} | ${e.managedOutside ? `${e.enabled ? 'yes' : 'no'} at creation, then switched outside Terraform` : e.enabled ? 'yes' : 'no'} |`),
    '',
    '### 1. Point the custom domain at the profile (Terraform does not own your registrar)',
    '',
    '```sh',
    `terraform output -raw ${f.fqdnOutputName}     # <profile>.trafficmanager.net`,
    '```',
    '',
    `At the registrar or DNS zone of \`${zone}\`, create \`${host} CNAME <that FQDN>.\` (e.g. \`${host}  300  IN  CNAME  ${show(f.relativeName, '<profile>')}.trafficmanager.net.\`). In an Azure DNS zone:`,
    '',
    '```sh',
    `az network dns record-set cname set-record --resource-group <dns zone resource group> --zone-name ${zone} --record-set-name ${host} --cname "$(terraform output -raw ${f.fqdnOutputName})"`,
    `nslookup ${domain}     # answers with an on-premises or Azure endpoint`,
    '```',
    '',
    'The zone apex (`contoso.com` itself) cannot be a CNAME, and an Azure DNS alias record at the apex can point to a Traffic Manager profile only when every endpoint is an external endpoint given as an IP address (MicrosoftDocs/azure-docs articles/dns/dns-alias.md), which an App Service or FQDN endpoint is not. Serve the app on a subdomain such as `www` and redirect the apex to it (a redirect at your DNS provider or a small web redirect), or use a DNS provider that flattens CNAMEs at the apex.',
    '',
    '### 2. Make every endpoint answer the probe and the domain',
    '',
    `- Each endpoint must answer ${probe}${f.probeProtocol === 'TCP' ? '' : ' with 200'} within the probe timeout.`,
    `- App Service endpoints: the app needs Standard tier or higher and the custom domain bound: \`az webapp config hostname add --webapp-name <app> --resource-group <app resource group> --hostname ${domain}\` (add the \`asuid.${host}\` TXT record first), plus a certificate for it.`,
    `- Azure Stack Hub (out of scope here): deploy the same app on Stack Hub, publish it on its external FQDN with a certificate valid for \`${domain}\`, and open HTTPS from the Internet to it (Traffic Manager probes come from Azure's probe addresses).`,
    '',
    ...scalingSteps(f),
    '',
    '### 4. Check',
    '',
    '```sh',
    `az network traffic-manager endpoint list --resource-group ${f.resourceGroup} --profile-name ${show(f.profileName, '<profile name>')} --query "[].{name:name,type:type,status:endpointStatus,monitor:endpointMonitorStatus}" -o table`,
    '```',
    '',
    `Every enabled endpoint should be \`Online\`. ${f.alertName ? `The alert \`${show(f.alertName, '<profile>-endpoint-degraded')}\` fires when one is degraded${f.alertNotifies ? ' and notifies the action group' : ' (no action group: it shows in Azure Monitor only)'}.` : 'No degraded-endpoint alert was created.'}`,
  ].join('\n');
}

/** Step 3: what moving traffic means under the profile's routing method. */
function scalingSteps(f: TrafficManagerHandoffFacts): string[] {
  const switched = f.endpoints.filter((e) => e.managedOutside);
  const azure = switched.find((e) => e.kind === 'azure') ?? f.endpoints.find((e) => e.kind === 'azure');
  const name = show(azure?.name, '<azure endpoint>');
  const type = azure?.kind === 'external' ? 'externalEndpoints' : 'azureEndpoints';
  const command = (status: string) =>
    `az network traffic-manager endpoint update --resource-group ${f.resourceGroup} --profile-name ${show(f.profileName, '<profile name>')} --type ${type} --name ${name} --endpoint-status ${status}`;
  const ownership =
    switched.length > 0
      ? `The status of ${switched.map((e) => `\`${show(e.name, '<endpoint>')}\``).join(', ')} is owned outside Terraform (\`lifecycle.ignore_changes = [enabled]\`): \`terraform apply\` creates it with the status in the code and never switches it back.`
      : 'No endpoint has `statusManagedOutsideTerraform: true`: the next `terraform apply` switches any endpoint back to the status in the code. Add the endpoint the threshold function switches with `statusManagedOutsideTerraform: true`.';
  const lead: Record<string, string> = {
    Weighted: `Weighted routing splits DNS answers among the enabled, healthy endpoints by weight (${f.endpoints.map((e) => `${show(e.name, '<endpoint>')} ${e.rank}`).join(', ')}). The pattern serves from on premises and, when load crosses a threshold, enables the Azure endpoint so that it takes its share; it disables it again when load falls. Terraform does not watch load: the threshold function (e.g. an Azure Function or Automation runbook on a Stack Hub metric) runs:`,
    Priority: `Priority routing **fails over**: the Azure endpoint takes traffic only while every endpoint with a lower priority number is degraded or disabled. Enabling it adds no capacity while on premises is healthy; for scaling on load use Weighted routing. To move users to Azure on purpose (maintenance), disable the on-premises endpoint instead; to keep Azure out of rotation, disable it:`,
    Performance: 'Performance routing sends each user to the closest enabled, healthy endpoint. Enabling the Azure endpoint moves the users closer to its region there, whatever the load. The threshold function switches it:',
    MultiValue: 'MultiValue routing returns every enabled, healthy endpoint (up to the maximum per answer). Enabling an endpoint adds it to the answers:',
  };
  return [
    '### 3. Move traffic between on premises and Azure (out of scope here)',
    '',
    lead[f.routingMethod] ?? lead.Priority,
    '',
    '```sh',
    `${command('Enabled')}    # ${f.routingMethod === 'Priority' ? 'back in rotation as the failover target' : 'scale out'}`,
    `${command('Disabled')}   # ${f.routingMethod === 'Priority' ? 'out of rotation' : 'scale back'}`,
    '```',
    '',
    ownership,
  ];
}
