import { RuleCatalogue, RuleLevel } from '../core/rules';
import { contextFor, HybridRule, ResourceIndex, RuleVerdict } from './rule';
import { APPI_WORKSPACE } from './rules/appi-workspace';
import { DIAG_MISSING } from './rules/diag-missing';
import { KV_PURGE_PROTECTION } from './rules/kv-purge-protection';
import { LAW_LOCAL_AUTH } from './rules/law-local-auth';
import { NET_GWSUBNET_NSG } from './rules/net-gwsubnet-nsg';
import { PIP_SKU } from './rules/pip-sku';
import { PIP_ZONES } from './rules/pip-zones';
import { RELAY_CLIENT_AUTH } from './rules/relay-client-auth';
import { RSV_REDUNDANCY } from './rules/rsv-redundancy';
import { RSV_SOFT_DELETE } from './rules/rsv-soft-delete';
import { STG_HTTPS_ONLY } from './rules/stg-https-only';
import { STG_NESTED_PUBLIC } from './rules/stg-nested-public';
import { STG_PUBLIC_NETWORK } from './rules/stg-public-network';
import { STG_SHARE_SOFT_DELETE } from './rules/stg-share-soft-delete';
import { STG_TLS_MIN } from './rules/stg-tls-min';
import { VPN_ACTIVE_ACTIVE } from './rules/vpn-active-active';
import { VPN_PUBLICIP_SKU } from './rules/vpn-publicip-sku';
import { VPN_PUBLICIP_ZONES } from './rules/vpn-publicip-zones';
import { VPN_SHARED_KEY_LITERAL } from './rules/vpn-shared-key-literal';
import { VPN_SKU_LEGACY } from './rules/vpn-sku-legacy';
import { VPN_SKU_ZONES } from './rules/vpn-sku-zones';

/** Key under a resource's `//` metadata in cdk.tf.json where HybridChecks records suppressions, read by the `check` command. */
export const SUPPRESSION_JSON_KEY = 'cdktf-azure-hybrid-suppressions';

/** Every rule of the pack, in report order. */
export const HYBRID_RULES: readonly HybridRule[] = [
  STG_HTTPS_ONLY,
  STG_TLS_MIN,
  STG_PUBLIC_NETWORK,
  STG_NESTED_PUBLIC,
  STG_SHARE_SOFT_DELETE,
  RSV_SOFT_DELETE,
  RSV_REDUNDANCY,
  VPN_SKU_LEGACY,
  VPN_SKU_ZONES,
  VPN_ACTIVE_ACTIVE,
  VPN_PUBLICIP_SKU,
  VPN_PUBLICIP_ZONES,
  PIP_SKU,
  PIP_ZONES,
  DIAG_MISSING,
  VPN_SHARED_KEY_LITERAL,
  NET_GWSUBNET_NSG,
  APPI_WORKSPACE,
  LAW_LOCAL_AUTH,
  KV_PURGE_PROTECTION,
  RELAY_CLIENT_AUTH,
];

/** One broken rule on one resource. */
export interface RuleFinding {
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly stack: string;
  /** `type.name`. */
  readonly address: string;
  readonly attribute?: string;
  readonly message: string;
}

/** Which rules run and at which level. */
export interface RulePackOptions {
  /** Only these rule ids (default: all). */
  readonly rules?: readonly string[];
  /** Never these rule ids. */
  readonly excludeRules?: readonly string[];
  /** Level per rule id, overriding the catalogue. */
  readonly levels?: Readonly<Record<string, RuleLevel>>;
}

const BY_TYPE = new Map<string, HybridRule[]>();
for (const rule of HYBRID_RULES) {
  for (const t of rule.types) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), rule]);
}

/** Throws for rule ids the pack does not know (a typo in options). */
export function checkRuleIds(ids: readonly string[] | undefined, what: string): void {
  for (const id of ids ?? []) {
    if (!RuleCatalogue.has(id)) throw new Error(`${what}: unknown rule id '${id}'`);
  }
}

/** Runs the rules that apply to one resource. A rule that throws gives a `CHK-RULE-FAILED` finding. */
export function checkResource(stack: string, index: ResourceIndex, type: string, name: string, options: RulePackOptions = {}): RuleFinding[] {
  const rules = BY_TYPE.get(type);
  if (!rules) return [];
  const body = index[type]?.[name];
  if (!body || typeof body !== 'object') return [];
  const ctx = contextFor(stack, index, type, name);
  const address = `${type}.${name}`;
  const findings: RuleFinding[] = [];
  const levelOf = (id: string): RuleLevel => options.levels?.[id] ?? RuleCatalogue.get(id).level;
  for (const rule of rules) {
    if (options.rules && !options.rules.includes(rule.id)) continue;
    if (options.excludeRules?.includes(rule.id)) continue;
    let verdict: RuleVerdict;
    try {
      const result = rule.check(type, body, ctx);
      verdict = typeof result === 'string' ? { compliance: result } : result;
    } catch (e) {
      findings.push({ ruleId: 'CHK-RULE-FAILED', level: levelOf('CHK-RULE-FAILED'), stack, address, message: `rule ${rule.id} failed on this resource: ${(e as Error)?.message ?? String(e)}` });
      continue;
    }
    if (verdict.compliance !== 'non-compliant') continue;
    findings.push({
      ruleId: rule.id,
      level: levelOf(rule.id),
      stack,
      address,
      ...(verdict.attribute ? { attribute: verdict.attribute } : {}),
      message: verdict.detail ?? RuleCatalogue.get(rule.id).description,
    });
  }
  return findings;
}

/** Runs the pack over every azurerm resource of a stack's index. */
export function checkIndex(stack: string, index: ResourceIndex, options: RulePackOptions = {}): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const type of Object.keys(index)) {
    if (!BY_TYPE.has(type)) continue;
    for (const name of Object.keys(index[type])) findings.push(...checkResource(stack, index, type, name, options));
  }
  return findings;
}

/** The resource index of a parsed `cdk.tf.json` (`resource` as an object or a list of objects). */
export function indexOfConfig(config: any): ResourceIndex {
  const index: ResourceIndex = {};
  const section = config?.resource;
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!part || typeof part !== 'object') continue;
    for (const [type, byName] of Object.entries(part)) {
      if (type === '//' || !byName || typeof byName !== 'object') continue;
      for (const named of Array.isArray(byName) ? byName : [byName]) {
        for (const [name, body] of Object.entries(named as object)) {
          if (name === '//' || !body || typeof body !== 'object') continue;
          (index[type] ??= {})[name] = body as Record<string, any>;
        }
      }
    }
  }
  return index;
}
