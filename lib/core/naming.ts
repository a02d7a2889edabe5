import { createHash } from 'crypto';
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ProblemCollector, maskedValue } from './errors';
import { NAME_INVALID } from './rules';

/** How Azure constrains the name of one resource type. */
interface NameRule {
  /** Cloud Adoption Framework abbreviation, used as the prefix of generated names. */
  readonly abbreviation: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Allowed characters and shape. */
  readonly pattern: RegExp;
  /** Said in error messages. */
  readonly patternText: string;
  /** Globally unique (DNS name): generated names get a stable hash suffix. */
  readonly globallyUnique?: boolean;
  /** Only lowercase letters and digits: generated names drop separators. */
  readonly alphanumericOnly?: boolean;
}

// Network-style names: letters, digits, '_', '.', '-'; start with a letter or digit; end with a
// letter, digit or '_' (Azure's resource-name rules for Microsoft.Network).
const NETWORK_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$/;
const NETWORK_TEXT = "letters, digits, '_', '.', '-'; start with a letter or digit; end with a letter, digit or '_'";

function network(abbreviation: string, maxLength = 80, minLength = 1): NameRule {
  return { abbreviation, minLength, maxLength, pattern: NETWORK_NAME, patternText: NETWORK_TEXT };
}

/**
 * Per resource type: CAF abbreviation and Azure's name rules
 * (MicrosoftDocs/azure-docs resource-name-rules.md; CAF resource-abbreviations.md).
 */
export const NAME_RULES = {
  virtualNetwork: network('vnet', 64, 2),
  subnet: network('snet'),
  virtualNetworkGateway: network('vgw'),
  expressRouteGateway: network('ergw'),
  localNetworkGateway: network('lgw'),
  connection: network('con'),
  publicIp: network('pip'),
  natRule: network('ngwr'),
  expressRouteCircuit: network('erc'),
  virtualNetworkPeering: network('peer'),
  routeServer: network('rtserv'),
  privateEndpoint: network('pep'),
  networkSecurityGroup: network('nsg'),
  logAnalyticsWorkspace: {
    abbreviation: 'log',
    minLength: 4,
    maxLength: 63,
    pattern: /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/,
    patternText: "letters, digits and '-'; start and end with a letter or digit",
  },
  keyVault: {
    abbreviation: 'kv',
    minLength: 3,
    maxLength: 24,
    pattern: /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/,
    patternText: "letters, digits and '-'; start with a letter; end with a letter or digit; no '--'",
    globallyUnique: true,
  },
  storageAccount: {
    abbreviation: 'st',
    minLength: 3,
    maxLength: 24,
    pattern: /^[a-z0-9]+$/,
    patternText: 'lowercase letters and digits only',
    globallyUnique: true,
    alphanumericOnly: true,
  },
  recoveryServicesVault: {
    abbreviation: 'rsv',
    minLength: 2,
    maxLength: 50,
    pattern: /^[a-zA-Z][a-zA-Z0-9-]*$/,
    patternText: "letters, digits and '-'; start with a letter",
  },
  trafficManagerProfile: {
    abbreviation: 'traf',
    minLength: 1,
    maxLength: 63,
    pattern: /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/,
    patternText: "letters, digits, '.' and '-'; start and end with a letter or digit",
    globallyUnique: true,
  },
  relayNamespace: {
    abbreviation: 'relay',
    minLength: 6,
    maxLength: 50,
    pattern: /^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]$/,
    patternText: "letters, digits and '-'; start with a letter; end with a letter or digit",
    globallyUnique: true,
  },
  // Azure also allows '/' (resource-name-rules.md, Microsoft.Relay namespaces/HybridConnections,
  // 1-260), but a '/' adds a segment to the resource id the provider parses back: refused here.
  relayHybridConnection: {
    abbreviation: 'hc',
    minLength: 1,
    maxLength: 260,
    pattern: /^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$/,
    patternText: "letters, digits, '.', '_' and '-'; start and end with a letter or digit",
  },
  // Traffic Manager endpoints: resource-name-rules.md leaves length and characters "not specified"
  // and the provider only requires a non-empty name; the rule keeps what no ARM resource name
  // takes out (characters that break the resource URL, a trailing '.' or space) and ARM's 260.
  trafficManagerEndpoint: {
    abbreviation: 'ep',
    minLength: 1,
    maxLength: 260,
    pattern: /^[^<>*%&:\\?/#|\u0000-\u001f]*[^<>*%&:\\?/#|\u0000-\u001f. ]$/,
    patternText: "any characters except < > * % & : \\ ? / # | and control characters; not ending with '.' or a space",
  },
  // Hybrid management
  dataCollectionRule: network('dcr', 64, 3),
  applicationInsights: network('appi', 255),
  actionGroup: network('ag', 260),
  monitorAlert: network('alrt', 260),
  webTest: network('webt', 260),
  connectionMonitor: network('cm', 80),
  arcKubernetesCluster: {
    abbreviation: 'arck',
    minLength: 1,
    maxLength: 260,
    pattern: /^[-_a-zA-Z0-9]{1,260}$/,
    patternText: "letters, digits, '-' and '_'",
  },
  arcPrivateLinkScope: network('pls', 64),
  expressRouteCircuitAuthorization: network('erauth'),
  // Global Reach link between two circuits' private peerings (validate.ExpressRouteCircuitConnectionName: 1-80, ends with a letter, digit or '_').
  expressRouteCircuitConnection: network('ergr'),
  // CAF abbreviation for a route filter: rf.
  routeFilter: network('rf'),
  // Virtual WAN (lib/network/vwan): Microsoft.Network rules, 1-80.
  virtualWan: network('vwan'),
  virtualHub: network('vhub'),
  vpnSite: network('vst'),
  vpnGateway: network('vpngw'),
  pointToSiteGateway: network('p2sgw'),
  vpnServerConfiguration: network('vpnsc'),
  // The hub's security and DNS resources (lib/network/security, lib/network/dns).
  firewall: network('afw'),
  firewallPolicy: network('afwp'),
  bastionHost: network('bas'),
  routeTable: network('rt'),
  natGateway: network('ng'),
  ddosProtectionPlan: network('ddos'),
  dnsResolver: network('dnspr'),
  dnsResolverInboundEndpoint: network('in'),
  dnsResolverOutboundEndpoint: network('out'),
  dnsForwardingRuleset: network('dnsfrs'),
  // Network Watcher flow log (CAF: flow log has no abbreviation; 'fl').
  flowLog: network('fl'),
  storageSyncService: network('sss', 260),
} satisfies Record<string, NameRule>;

export type NameKind = keyof typeof NAME_RULES;

/**
 * Checks a name the user gave against Azure's rules for the type; records a `NAME-INVALID`
 * problem on `problems` when it breaks them. Tokens are skipped (known only at apply time).
 */
export function checkName(problems: ProblemCollector, kind: NameKind, prop: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  const rule: NameRule = NAME_RULES[kind];
  const broken = name.length < rule.minLength || name.length > rule.maxLength || !rule.pattern.test(name);
  problems.check(
    broken,
    NAME_INVALID,
    prop,
    name,
    `a ${kind} name must be ${rule.minLength}-${rule.maxLength} characters of ${rule.patternText}`,
    `choose a name that matches, or leave \`${prop}\` out to get a generated one`,
  );
}

/** Names Terraform reserves in a `variable` block label (Terraform language docs, "Input Variables"). */
const RESERVED_VARIABLE_NAMES = ['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals'];

/**
 * A name that reads like a password rather than a variable name: 16 characters or more mixing
 * upper case, lower case and digits with no separator (variable names are snake_case).
 */
function looksLikeSecret(name: string): boolean {
  return name.length >= 16 && /[A-Z]/.test(name) && /[a-z]/.test(name) && /[0-9]/.test(name) && !/[_-]/.test(name);
}

/**
 * Checks the name of a Terraform variable the user asks the library to declare (e.g.
 * `SharedKey.fromVariable(name)`): a Terraform identifier (a letter or "_" first, then letters,
 * digits, "_" and "-"), not a reserved name, and not something that looks like the secret
 * itself. Records `NAME-INVALID`; the value is never printed (it may be the secret).
 * Returns true when the name is refused.
 */
export function checkVariableName(problems: ProblemCollector, prop: string, name: string): boolean {
  if (problems.required(prop, name, 'string', 'give the name of a Terraform variable, such as `vpn_dc1_psk`')) return true;
  if (Token.isUnresolved(name)) return problems.literal(prop, name, 'it is the name of the variable the library declares');
  const identifier = /^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$/.test(name);
  const secretLike = !identifier || looksLikeSecret(name);
  return problems.check(
    !identifier || RESERVED_VARIABLE_NAMES.includes(name) || secretLike,
    NAME_INVALID,
    prop,
    maskedValue(name),
    !identifier
      ? 'a Terraform variable name is a letter or "_" followed by letters, digits, "_" and "-" (at most 64 characters); this looks like a value, perhaps the secret itself'
      : secretLike
        ? 'this looks like a secret, not the name of a variable: the name is written into the synthesized JSON'
        : `\`${name}\` is reserved by Terraform`,
    'give the name of a variable such as `vpn_dc1_psk`, and pass the secret at deploy time (`export TF_VAR_vpn_dc1_psk=...`)',
  );
}

/**
 * The name a construct gives a resource the user did not name: `<abbreviation>-<path>`, where
 * the path is the construct's path inside its stack (stable across synths, unique per stack).
 * Globally unique types get a stable 8-character hash of the full path as suffix, so that two
 * stacks never ask Azure for the same DNS name.
 */
export function generateName(scope: IConstruct, kind: NameKind, qualifier?: string): string {
  const name = baseName(scope, kind, qualifier);
  // Two paths can map to one name (`Files` and `files`, `x-y` and `x.y`; Azure names are
  // case-insensitive): the later one gets the hash suffix, the first keeps its name.
  const stack = TerraformStack.of(scope);
  let byKind = GENERATED.get(stack);
  if (!byKind) GENERATED.set(stack, (byKind = new Map()));
  let names = byKind.get(kind);
  if (!names) byKind.set(kind, (names = new Map()));
  const key = `${scope.node.path}\0${qualifier ?? ''}`;
  const owner = names.get(name);
  if (owner === undefined || owner === key) {
    names.set(name, key);
    return name;
  }
  const rule: NameRule = NAME_RULES[kind];
  const hash = createHash('sha256').update(`collision/${key}`).digest('hex').slice(0, 8);
  const distinct = rule.alphanumericOnly ? `${name.slice(0, rule.maxLength - hash.length)}${hash}` : `${trimSeparators(name.slice(0, rule.maxLength - hash.length - 1))}-${hash}`;
  names.set(distinct, key);
  return distinct;
}

const GENERATED = new WeakMap<TerraformStack, Map<string, Map<string, string>>>();

function baseName(scope: IConstruct, kind: NameKind, qualifier?: string): string {
  const rule: NameRule = NAME_RULES[kind];
  const scopes = scope.node.scopes;
  const stackIndex = scopes.indexOf(TerraformStack.of(scope));
  const pathParts = scopes.slice(stackIndex + 1).map((s) => s.node.id);
  if (pathParts.length === 0) pathParts.push(scope.node.id);
  if (qualifier) pathParts.push(qualifier);
  const base = pathParts.join('-');
  const hash = createHash('sha256').update(`${scope.node.path}/${qualifier ?? ''}`).digest('hex').slice(0, 8);
  if (rule.alphanumericOnly) {
    const clean = base.toLowerCase().replace(/[^a-z0-9]/g, '');
    const room = rule.maxLength - rule.abbreviation.length - hash.length;
    return `${rule.abbreviation}${clean.slice(0, room)}${hash}`;
  }
  const clean = base.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/-+/g, '-');
  // A hash suffix where Azure wants global uniqueness, or where truncation could make two names equal.
  const fits = rule.abbreviation.length + 1 + clean.length <= rule.maxLength;
  const suffix = rule.globallyUnique || !fits ? `-${hash}` : '';
  const room = rule.maxLength - rule.abbreviation.length - 1 - suffix.length;
  // Truncation may leave a separator before the suffix or at the end, which most types refuse.
  const head = trimSeparators(`${rule.abbreviation}-${clean.slice(0, room)}`);
  return `${head}${suffix}`.toLowerCase();
}

/**
 * Drops trailing characters found in `chars`. A loop: a regex such as `/[-.]+$/` is quadratic on a
 * long run of them (test/hardening/regex-linearity).
 */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** Drops trailing '-' and '.', which most Azure names may not end with. */
export function trimSeparators(text: string): string {
  return trimTrailing(text, '-.');
}
