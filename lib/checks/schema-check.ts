import * as fs from 'fs';
import * as path from 'path';

/**
 * Offline stand-in for `terraform validate` on the azurerm parts of a synthesized `cdk.tf.json`.
 *
 * The schema (`azurerm-schema.json`, next to this file) is generated from the jsii assembly of
 * `@cdktf/provider-azurerm` by `scripts/build-azurerm-schema.js`; see that script for its format.
 * It knows every azurerm resource and data source type, their arguments, which are required,
 * and which are attributes and which are nested blocks. It does not know value types beyond
 * "single value / list / map", nor provider-side validation (enums, formats, conflicts).
 */

/** One problem found in a synthesized Terraform JSON configuration. */
export interface SchemaFinding {
  /** `error`: Terraform would reject the configuration; `warning`: accepted but almost surely a mistake. */
  readonly level: 'error' | 'warning';
  /** Name of the stack the configuration belongs to. */
  readonly stack: string;
  /** Terraform address, e.g. `azurerm_virtual_network.hub_vnet_1A2B` or `data.azurerm_client_config.current`. */
  readonly address: string;
  /** Dotted path of the argument inside the resource, e.g. `ip_configuration.0.subnet_id`. */
  readonly attribute?: string;
  /** What is wrong. */
  readonly message: string;
  /** The nearest valid name, when the finding is about an unknown name. */
  readonly suggestion?: string;
}

/** Which provider release the bundled schema describes. */
export interface AzurermSchemaInfo {
  /** e.g. `hashicorp/azurerm`. */
  readonly provider: string;
  /** e.g. `4.55.0`. */
  readonly providerVersion: string;
  /** e.g. `@cdktf/provider-azurerm`. */
  readonly packageName: string;
  /** e.g. `14.23.1`. */
  readonly packageVersion: string;
  /** Number of resource types known. */
  readonly resourceTypes: number;
  /** Number of data source types known. */
  readonly dataSourceTypes: number;
}

// ---------------------------------------------------------------------------------------------
// Schema file

/** A schema as stored: `a` attribute name -> code, `b` block name -> [flags, index into `s`]. */
interface RawSchema {
  readonly a?: Record<string, number>;
  readonly b?: Record<string, [number, number]>;
}

interface RawSchemaFile {
  readonly v: number;
  readonly provider: string;
  readonly providerVersion: string;
  readonly package: string;
  readonly packageVersion: string;
  readonly s: RawSchema[];
  readonly r: Record<string, RawSchema>;
  readonly d: Record<string, RawSchema>;
  readonly p: RawSchema;
}

const SCHEMA_FILE = 'azurerm-schema.json';
const SUPPORTED_FORMAT = 1;

/** Attribute kinds (code >> 1). */
const KIND_PRIMITIVE = 0;
const KIND_LIST = 1;
const KIND_MAP = 2;
const KIND_LIST_OF_LISTS = 3;
/** Block flags. */
const B_REQUIRED = 1;
const B_LIST = 2;
const B_ATTR = 4;

/** Meta-arguments Terraform accepts on every resource / data source (JSON spelling, plus cdktf's). */
const META_ARGUMENTS = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'provisioners', 'connection']);
/** Meta-arguments of a provider block. */
const PROVIDER_META = new Set(['alias', 'version']);

let loaded: RawSchemaFile | undefined;

/**
 * Loads the schema once. Looks next to this file first (`lib/checks/` under ts-node/jest, or
 * `dist/checks/` once the build has copied it there), then in `../../lib/checks/` (from `dist/checks/`
 * inside this repository).
 */
function schemaFile(): RawSchemaFile {
  if (loaded) return loaded;
  const candidates = [path.join(__dirname, SCHEMA_FILE), path.join(__dirname, '..', '..', 'lib', 'checks', SCHEMA_FILE)];
  for (const file of candidates) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const parsed = JSON.parse(text) as RawSchemaFile;
    if (parsed.v !== SUPPORTED_FORMAT) {
      throw new Error(`${file}: schema format ${parsed.v}, expected ${SUPPORTED_FORMAT}; regenerate it with scripts/build-azurerm-schema.js`);
    }
    loaded = parsed;
    return parsed;
  }
  throw new Error(`azurerm schema not found (looked in: ${candidates.join(', ')}); run scripts/build-azurerm-schema.js`);
}

/** Describes the bundled schema (loads it on first call). */
export function azurermSchemaInfo(): AzurermSchemaInfo {
  const f = schemaFile();
  return {
    provider: f.provider,
    providerVersion: f.providerVersion,
    packageName: f.package,
    packageVersion: f.packageVersion,
    resourceTypes: Object.keys(f.r).length,
    dataSourceTypes: Object.keys(f.d).length,
  };
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

// ---------------------------------------------------------------------------------------------
// Value helpers

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string Terraform evaluates (interpolation or template directive): its value is unknown here. */
function isExpression(v: unknown): boolean {
  return typeof v === 'string' && (v.includes('${') || v.includes('%{'));
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    if (v.some(isObject)) return 'a list of objects (block syntax)';
    return 'a list';
  }
  if (isObject(v)) return 'an object (block syntax)';
  return `a ${typeof v} (${String(JSON.stringify(v)).slice(0, 40)})`;
}

// ---------------------------------------------------------------------------------------------
// Nearest name

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Nearest candidate by edit distance (ties: alphabetical). With `always`, returns the nearest
 * whatever the distance (used for type names); otherwise only when it is plausibly a typo.
 */
function nearest(name: string, candidates: readonly string[], always = false): string | undefined {
  if (name.length > MAX_SUGGESTED_NAME) return undefined;
  let best: string | undefined;
  // exclusive bound on the distance of an acceptable candidate
  let bound = always ? Number.MAX_SAFE_INTEGER : Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, Math.min(bound, Math.max(name.length, c.length)));
    if (d < bound || (d === bound && best !== undefined && c < best)) {
      best = c;
      bound = d;
    }
  }
  if (best === undefined && !always && name.length >= 4) {
    // A candidate that extends the name, or the other way round, is a good guess too (`address` -> `address_space`).
    best = candidates.filter((c) => c.startsWith(name) || name.startsWith(c)).sort()[0];
  }
  return best;
}

/** Type-name suggestions are searched among ~1,500 names: remember them (a bounded number). */
const typeSuggestions = new Map<string, string | undefined>();
/**
 * Bounds that keep `check` linear in its input: no suggestion for a name longer than the longest
 * real type name plus a typo's worth (the edit distance costs name length x candidate length
 * per candidate), and at most this many distinct names searched per process.
 */
const MAX_SUGGESTED_NAME = 80;
const MAX_TYPE_SEARCHES = 200;

function nearestType(name: string, section: 'r' | 'd', file: RawSchemaFile): string | undefined {
  if (name.length > MAX_SUGGESTED_NAME) return undefined;
  const key = `${section}:${name}`;
  if (!typeSuggestions.has(key)) {
    if (typeSuggestions.size >= MAX_TYPE_SEARCHES) return undefined;
    typeSuggestions.set(key, nearest(name, Object.keys(file[section]), true));
  }
  return typeSuggestions.get(key);
}

// ---------------------------------------------------------------------------------------------
// The check

interface Ctx {
  readonly file: RawSchemaFile;
  readonly stack: string;
  readonly findings: SchemaFinding[];
}

function push(ctx: Ctx, level: 'error' | 'warning', address: string, attribute: string | undefined, message: string, suggestion?: string): void {
  ctx.findings.push({
    level,
    stack: ctx.stack,
    address,
    ...(attribute !== undefined && attribute !== '' ? { attribute } : {}),
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  });
}

const join = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

function namesOf(schema: RawSchema, extra?: Set<string>): string[] {
  return [...Object.keys(schema.a ?? {}), ...Object.keys(schema.b ?? {}), ...(extra ?? [])];
}

function checkAttribute(ctx: Ctx, address: string, where: string, code: number, value: unknown): void {
  if (value === null || value === undefined || isExpression(value)) return;
  const kind = code >> 1;
  const bad = (expected: string): void =>
    push(ctx, 'error', address, where, `${where.split('.').pop()} is an attribute expecting ${expected}, but got ${describe(value)}`);
  switch (kind) {
    case KIND_PRIMITIVE:
      if (typeof value === 'object') bad('a single value');
      return;
    case KIND_LIST:
      if (!Array.isArray(value)) return bad('a list of single values');
      if (value.some((e) => typeof e === 'object' && e !== null && !isExpression(e))) bad('a list of single values');
      return;
    case KIND_MAP:
      if (!isObject(value)) return bad('a map of single values');
      if (Object.entries(value).some(([k, e]) => k !== '//' && typeof e === 'object' && e !== null)) bad('a map of single values');
      return;
    case KIND_LIST_OF_LISTS:
      if (!Array.isArray(value)) bad('a list of lists');
      return;
    default:
      return;
  }
}

/**
 * Checks one block value (the JSON under a block name): an object, a list of objects,
 * an expression string (unknown: accepted), or null (absent).
 * @returns whether the block counts as given (for the required check)
 */
function checkBlockValue(ctx: Ctx, address: string, where: string, flags: number, nested: RawSchema, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (isExpression(value)) {
    checkForExpressionKeys(ctx, address, where, nested, value as string);
    return true;
  }
  const name = where.split('.').pop();
  const what = flags & B_ATTR ? 'an attribute of list-of-objects type' : 'a block';
  if (isObject(value)) {
    checkBody(ctx, address, join(where, '0'), nested, value, false);
    return true;
  }
  if (!Array.isArray(value)) {
    push(ctx, 'error', address, where, `${name} is ${what}, expecting an object or a list of objects, but got ${describe(value)}`);
    return true;
  }
  if (!(flags & B_LIST) && value.length > 1) {
    push(ctx, 'error', address, where, `at most one ${name} block is allowed, got ${value.length}`);
  }
  if (flags & B_REQUIRED && value.length === 0) {
    push(ctx, 'error', address, where, `at least one ${name} block is required, got an empty list`);
  }
  value.forEach((el, i) => {
    if (el === null || isExpression(el)) return;
    if (isObject(el)) checkBody(ctx, address, join(where, String(i)), nested, el, false);
    else push(ctx, 'error', address, join(where, String(i)), `${name} is ${what}, expecting objects, but got ${describe(el)}`);
  });
  return true;
}

function camelToSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * cdktf turns `iterator.dynamic({...})` given for an attribute-as-block (e.g.
 * `azurerm_network_security_group.security_rule`) into a for-expression string,
 * `${[ for key, val in ...: {"sourcePortRange" = "*", ...}]}`, with the keys exactly as written in
 * TypeScript. camelCase keys whose snake_case form is an argument of the block cannot work
 * (the object then lacks the real attribute), so they are reported; nothing else in an expression is.
 */
function checkForExpressionKeys(ctx: Ctx, address: string, where: string, nested: RawSchema, expr: string): void {
  const re = /"([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)"\s*=/g;
  const seen = new Set<string>();
  for (let m = re.exec(expr); m !== null; m = re.exec(expr)) {
    const key = m[1];
    const snake = camelToSnake(key);
    if (seen.has(key)) continue;
    seen.add(key);
    const known = (n: string): boolean => (!!nested.a && hasOwn(nested.a, n)) || (!!nested.b && hasOwn(nested.b, n));
    if (!known(key) && known(snake)) {
      push(
        ctx,
        'error',
        address,
        where,
        `the expression for ${where.split('.').pop()} builds objects with key ${key}: Terraform names are snake_case (cdktf passes the keys of iterator.dynamic() content through unchanged, hashicorp/terraform-cdk#2013)`,
        snake,
      );
    }
  }
}

/** `dynamic` in JSON: `{ "<block>": { "for_each": ..., "iterator"?: ..., "content": {...} } }` (or a list of those). */
function checkDynamic(ctx: Ctx, address: string, prefix: string, schema: RawSchema, value: unknown, given: Set<string>): void {
  const where = join(prefix, 'dynamic');
  if (isExpression(value) || value === null) return;
  const entries: Array<Record<string, unknown>> = Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : [];
  for (const entry of entries) {
    for (const [blockName, spec] of Object.entries(entry)) {
      if (blockName === '//') continue;
      const block = schema.b && hasOwn(schema.b, blockName) ? schema.b[blockName] : undefined;
      if (!block) {
        const isAttr = schema.a && hasOwn(schema.a, blockName);
        push(
          ctx,
          'error',
          address,
          join(where, blockName),
          isAttr ? `${blockName} is an attribute; dynamic can only generate blocks` : `unknown block type ${blockName} in dynamic`,
          isAttr ? undefined : nearest(blockName, Object.keys(schema.b ?? {})),
        );
        continue;
      }
      given.add(blockName);
      const nested = ctx.file.s[block[1]];
      const specs = Array.isArray(spec) ? spec : [spec];
      for (const sp of specs) {
        if (!isObject(sp)) continue;
        const content = sp.content;
        if (isObject(content)) checkBody(ctx, address, join(where, `${blockName}.content`), nested, content, false);
        else if (Array.isArray(content)) content.filter(isObject).forEach((c) => checkBody(ctx, address, join(where, `${blockName}.content`), nested, c, false));
      }
    }
  }
}

/** Checks one block body (resource body, nested block body, dynamic content). */
function checkBody(ctx: Ctx, address: string, prefix: string, schema: RawSchema, body: Record<string, unknown>, topLevel: boolean, meta?: Set<string>): void {
  const attrs = schema.a ?? {};
  const blocks = schema.b ?? {};
  const given = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (key === '//') continue; // JSON-syntax comment; cdktf puts its metadata there
    if (topLevel && meta?.has(key)) continue;
    if (key === 'dynamic') {
      checkDynamic(ctx, address, prefix, schema, value, given);
      continue;
    }
    const where = join(prefix, key);
    if (hasOwn(attrs, key)) {
      if (value !== null && value !== undefined) given.add(key);
      checkAttribute(ctx, address, where, attrs[key], value);
    } else if (hasOwn(blocks, key)) {
      const [flags, idx] = blocks[key];
      if (checkBlockValue(ctx, address, where, flags, ctx.file.s[idx], value)) given.add(key);
    } else {
      const snake = camelToSnake(key);
      if (snake !== key && (hasOwn(attrs, snake) || hasOwn(blocks, snake))) {
        push(
          ctx,
          'error',
          address,
          where,
          `unsupported argument ${key}: Terraform names are snake_case (cdktf passes the keys of iterator.dynamic() content through unchanged, hashicorp/terraform-cdk#2013)`,
          snake,
        );
        continue;
      }
      const suggestion = nearest(key, namesOf(schema, topLevel ? meta : undefined));
      push(ctx, 'error', address, where, `unsupported argument ${key}${prefix ? ` in ${lastBlockName(prefix)}` : ''}`, suggestion);
    }
  }
  for (const [name, code] of Object.entries(attrs)) {
    if (code & 1 && !given.has(name)) {
      push(ctx, 'error', address, join(prefix, name), `missing required argument ${name}${hasOwn(body, name) ? ' (it is null)' : ''}`);
    }
  }
  for (const [name, [flags]] of Object.entries(blocks)) {
    if (flags & B_REQUIRED && !given.has(name) && !hasOwn(body, name)) {
      push(ctx, 'error', address, join(prefix, name), `missing required block ${name}`);
    }
  }
}

function lastBlockName(prefix: string): string {
  const parts = prefix.split('.').filter((p) => !/^\d+$/.test(p) && p !== 'content' && p !== 'dynamic');
  return parts[parts.length - 1] ?? prefix;
}

/** `resource`/`data` sections: `{ type: { name: body } }`; Terraform JSON also allows lists of such objects. */
function eachBlock(section: unknown, fn: (type: string, name: string, body: unknown) => void): void {
  const parts = Array.isArray(section) ? section : [section];
  for (const part of parts) {
    if (!isObject(part)) continue;
    for (const [type, byName] of Object.entries(part)) {
      if (type === '//') continue;
      const named = Array.isArray(byName) ? byName : [byName];
      for (const n of named) {
        if (!isObject(n)) continue;
        for (const [name, body] of Object.entries(n)) {
          if (name === '//') continue;
          fn(type, name, body);
        }
      }
    }
  }
}

function checkSection(ctx: Ctx, section: unknown, isData: boolean): void {
  const own = isData ? ctx.file.d : ctx.file.r;
  const other = isData ? ctx.file.r : ctx.file.d;
  eachBlock(section, (type, name, body) => {
    if (!type.startsWith('azurerm_')) return;
    const address = `${isData ? 'data.' : ''}${type}.${name}`;
    if (!hasOwn(own, type)) {
      if (hasOwn(other, type)) {
        push(ctx, 'error', address, undefined, `${type} is a ${isData ? 'resource' : 'data source'} type, not a ${isData ? 'data source' : 'resource'} type`);
      } else {
        push(ctx, 'error', address, undefined, `unknown ${isData ? 'data source' : 'resource'} type ${type}`, nearestType(type, isData ? 'd' : 'r', ctx.file));
      }
      return;
    }
    const schema = own[type];
    if (!isObject(body)) {
      push(ctx, 'error', address, undefined, `expected an object body, got ${describe(body)}`);
      return;
    }
    checkBody(ctx, address, '', schema, body, true, META_ARGUMENTS);
    if (!isData && hasOwn(body, 'id') && body.id !== null && schema.a && hasOwn(schema.a, 'id') && !(schema.a.id & 1)) {
      push(ctx, 'warning', address, 'id', 'id is set explicitly; it is computed by the provider and setting it is almost always a mistake');
    }
  });
}

/** A whole object in `depends_on`: a resource, a data source or a module, with an optional instance key. */
const WHOLE_OBJECT = /^(?:(data)\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)|(module)\.([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*))(?:\[[^\]]*\])?$/;

/** True when `section` (a `resource`/`data` section, or `module`) declares `type`.`name` (or module `name`). */
function declares(section: unknown, type: string, name?: string): boolean {
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!isObject(part)) continue;
    const byName = part[type];
    if (name === undefined ? byName !== undefined : (Array.isArray(byName) ? byName : [byName]).some((n) => isObject(n) && hasOwn(n, name))) return true;
  }
  return false;
}

/**
 * `depends_on` of every resource, data source and output (any provider), as `terraform validate`
 * checks it (hashicorp/terraform internal/terraform/node_resource_validate.go, validateDependsOn):
 * each entry names a whole object, not an attribute (cdktf writes a resource of another stack as
 * `data.terraform_remote_state.<x>.outputs.<y>`), and that object is declared in the stack.
 */
function checkDependsOn(ctx: Ctx, root: Record<string, unknown>): void {
  const check = (address: string, body: unknown) => {
    if (!isObject(body) || body.depends_on === undefined) return;
    if (!Array.isArray(body.depends_on)) {
      push(ctx, 'error', address, 'depends_on', 'Invalid depends_on: the depends_on argument must be a list of references to resources or modules');
      return;
    }
    body.depends_on.forEach((entry, i) => {
      const text = typeof entry === 'string' ? entry.replace(/^\$\{(.*)\}$/s, '$1').trim() : undefined;
      if (text === undefined || isExpression(text)) {
        push(ctx, 'error', `${address}`, `depends_on.${i}`, `Invalid depends_on reference ${describe(entry)}: a reference to a resource, data source or module, not an expression`);
        return;
      }
      if (/^(var|local)\.[A-Za-z_][\w-]*$/.test(text)) return;
      const m = WHOLE_OBJECT.exec(text);
      if (!m) {
        push(ctx, 'error', address, `depends_on.${i}`, `Invalid depends_on reference ${text}: references in depends_on must be to a whole object (resource, etc), not to an attribute of an object`);
        return;
      }
      const [, data, dataType, dataName, module, moduleName, type, name] = m;
      const declared = data ? declares(root.data, dataType, dataName) : module ? declares(root.module, moduleName) : declares(root.resource, type, name);
      if (!declared) push(ctx, 'error', address, `depends_on.${i}`, `Reference to undeclared ${data ? 'data source' : module ? 'module' : 'resource'} ${text}: depends_on names an object of this configuration (a resource of another stack orders itself: this stack reads its outputs)`);
    });
  };
  for (const [kind, prefix] of [['resource', ''], ['data', 'data.']] as const) {
    if (root[kind] !== undefined) eachBlock(root[kind], (type, name, body) => check(`${prefix}${type}.${name}`, body));
  }
  if (isObject(root.output)) for (const [name, body] of Object.entries(root.output)) check(`output.${name}`, body);
}

function checkProviders(ctx: Ctx, section: unknown): void {
  if (!isObject(section)) return;
  const configs = section.azurerm;
  if (configs === undefined || configs === null) return;
  for (const cfg of Array.isArray(configs) ? configs : [configs]) {
    if (!isObject(cfg)) continue;
    const alias = typeof cfg.alias === 'string' ? `.${cfg.alias}` : '';
    checkBody(ctx, `provider.azurerm${alias}`, '', ctx.file.p, cfg, true, PROVIDER_META);
  }
}

/**
 * Checks the azurerm parts of a synthesized Terraform JSON configuration (`cdk.tf.json`, parsed,
 * or its text) against the bundled provider schema: unknown resource / data source types,
 * unknown arguments (with the nearest valid name), missing required arguments and blocks (also in
 * nested blocks), blocks given where an attribute is expected and the reverse. Types of other
 * providers are ignored, except for `depends_on`, which is checked everywhere (a whole, declared
 * object per entry). Values that are Terraform expressions (`${...}`) are taken as unknown
 * and never reported.
 *
 * @param stackName name reported in each finding
 * @param config the parsed `cdk.tf.json` object (a JSON string is parsed first)
 */
export function checkTerraformJson(stackName: string, config: unknown): SchemaFinding[] {
  const ctx: Ctx = { file: schemaFile(), stack: stackName, findings: [] };
  const root: unknown = typeof config === 'string' ? JSON.parse(config) : config;
  if (!isObject(root)) return ctx.findings;
  if (root.resource !== undefined) checkSection(ctx, root.resource, false);
  if (root.data !== undefined) checkSection(ctx, root.data, true);
  if (root.provider !== undefined) checkProviders(ctx, root.provider);
  checkDependsOn(ctx, root);
  return ctx.findings;
}
