#!/usr/bin/env node
/*
 * Builds lib/checks/azurerm-schema.json: a compact, offline copy of the azurerm provider schema
 * (argument names, required flags, attribute-vs-block, nesting), extracted from the jsii assembly
 * of @cdktf/provider-azurerm. It is what lib/checks/schema-check.ts checks synthesized
 * cdk.tf.json against, standing in for `terraform validate` where there is no Terraform binary.
 *
 * Usage:   node scripts/build-azurerm-schema.js [path/to/.jsii] [out.json]
 * Default: node_modules/@cdktf/provider-azurerm/.jsii -> lib/checks/azurerm-schema.json
 *
 * Output format (keys kept short on purpose):
 *   {
 *     "v": 1,                                   format version
 *     "provider": "hashicorp/azurerm",
 *     "providerVersion": "4.55.0",              from the registry links in the assembly docs
 *     "package": "@cdktf/provider-azurerm",
 *     "packageVersion": "14.23.1",
 *     "s": [ Schema, ... ],                     nested block schemas, deduplicated, referenced by index
 *     "r": { "azurerm_xxx": Schema, ... },      resources
 *     "d": { "azurerm_xxx": Schema, ... },      data sources
 *     "p": Schema                               the provider block
 *   }
 *   Schema = { "a"?: { tfName: AttrCode }, "b"?: { tfName: [BlockFlags, nestedIndex] } }
 *   AttrCode   = kind * 2 + (required ? 1 : 0);  kind 0 primitive, 1 list/set of primitives,
 *                2 map of primitives, 3 list of lists of primitives
 *   BlockFlags = 1 required | 2 list (else at most one block) | 4 "attribute as block"
 *                (an attribute of list-of-object type that cdktf writes like a block, e.g.
 *                azurerm_virtual_network.subnet)
 *
 * cdktf meta-arguments (depends_on, count, for_each, provider, lifecycle, provisioner(s),
 * connection) come from cdktf.TerraformMetaArguments, which the config structs extend
 * rather than declare, so they never appear in a schema.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const FORMAT_VERSION = 1;
const PKG = '@cdktf/provider-azurerm';
const META_ARGUMENTS = ['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioners', 'connection'];

const ATTR_PRIMITIVE = 0;
const ATTR_LIST = 1;
const ATTR_MAP = 2;
const ATTR_LIST_OF_LISTS = 3;
const B_REQUIRED = 1;
const B_LIST = 2;
const B_ATTR = 4;

/** Terraform name of a property: the registry-link anchor in its docs, `...#resource_group_name X#resource_group_name`. */
function terraformName(prop) {
  const docs = `${(prop.docs && prop.docs.summary) || ''} ${(prop.docs && prop.docs.remarks) || ''}`;
  const m = /#([A-Za-z0-9_]+) [A-Za-z0-9_]+#/.exec(docs);
  if (m) return m[1];
  // Fallback (not hit with 14.23.1): camelCase -> snake_case.
  return prop.name.replace(/([A-Z])/g, '_$1').toLowerCase();
}

/**
 * Builds the compact schema object from a parsed jsii assembly.
 * @param {object} assembly parsed .jsii JSON
 * @returns {object} the compact schema (see the header comment)
 */
function buildSchema(assembly) {
  const types = assembly.types;
  const isStruct = (t) => !!(t && t.fqn && types[t.fqn] && types[t.fqn].kind === 'interface' && types[t.fqn].datatype);
  const isPrimitive = (t) => {
    if (t.primitive) return true;
    // boolean | IResolvable, number | IResolvable
    if (t.union) return t.union.types.every((u) => u.primitive || u.fqn === 'cdktf.IResolvable');
    return t.fqn === 'cdktf.IResolvable';
  };

  const table = [];
  const tableIndex = new Map();
  const structCache = new Map();
  let providerVersion;

  /** @returns {{ kind: 'attr', code: number } | { kind: 'block', flags: number, struct: string }} */
  function classify(prop, where) {
    const t = prop.type;
    const isBlockDoc = / block\.$/.test((prop.docs && prop.docs.summary) || '');
    if (isStruct(t)) return { kind: 'block', flags: 0, struct: t.fqn };
    if (t.union) {
      const list = t.union.types.find((u) => u.collection && u.collection.kind === 'array' && isStruct(u.collection.elementtype));
      if (list) return { kind: 'block', flags: B_LIST | (isBlockDoc ? 0 : B_ATTR), struct: list.collection.elementtype.fqn };
      const lol = t.union.types.find((u) => u.collection && u.collection.kind === 'array' && u.collection.elementtype.collection);
      if (lol) return { kind: 'attr', code: ATTR_LIST_OF_LISTS * 2 };
    }
    if (t.collection) {
      const el = t.collection.elementtype;
      if (isStruct(el)) return { kind: 'block', flags: B_LIST | (isBlockDoc ? 0 : B_ATTR), struct: el.fqn };
      if (el.collection) return { kind: 'attr', code: ATTR_LIST_OF_LISTS * 2 };
      if (isPrimitive(el)) return { kind: 'attr', code: (t.collection.kind === 'map' ? ATTR_MAP : ATTR_LIST) * 2 };
    }
    if (isPrimitive(t)) return { kind: 'attr', code: ATTR_PRIMITIVE * 2 };
    throw new Error(`unhandled property type at ${where}.${prop.name}: ${JSON.stringify(t)}`);
  }

  /** Schema object of a struct (config struct or nested block struct). */
  function schemaOf(fqn) {
    if (structCache.has(fqn)) return structCache.get(fqn);
    const type = types[fqn];
    if (!type) throw new Error(`missing type ${fqn}`);
    const a = {};
    const b = {};
    const props = [...(type.properties || [])].sort((x, y) => (terraformName(x) < terraformName(y) ? -1 : terraformName(x) > terraformName(y) ? 1 : 0));
    for (const prop of props) {
      const name = terraformName(prop);
      if (!providerVersion) {
        const m = /registry\.terraform\.io\/providers\/hashicorp\/azurerm\/([0-9][^/]*)\/docs/.exec(`${prop.docs.summary} ${prop.docs.remarks}`);
        if (m) providerVersion = m[1];
      }
      const required = !prop.optional;
      const c = classify(prop, fqn);
      if (c.kind === 'attr') {
        a[name] = c.code + (required ? 1 : 0);
      } else {
        b[name] = [c.flags | (required ? B_REQUIRED : 0), nestedIndex(c.struct)];
      }
    }
    const s = {};
    if (Object.keys(a).length) s.a = a;
    if (Object.keys(b).length) s.b = b;
    structCache.set(fqn, s);
    return s;
  }

  function nestedIndex(fqn) {
    const s = schemaOf(fqn);
    const key = JSON.stringify(s);
    let i = tableIndex.get(key);
    if (i === undefined) {
      i = table.length;
      table.push(s);
      tableIndex.set(key, i);
    }
    return i;
  }

  const resources = [];
  const dataSources = [];
  let provider;
  for (const fqn of Object.keys(types).sort()) {
    const t = types[fqn];
    if (t.kind !== 'class') continue;
    const base = t.base;
    if (base !== 'cdktf.TerraformResource' && base !== 'cdktf.TerraformDataSource' && base !== 'cdktf.TerraformProvider') continue;
    const params = (t.initializer && t.initializer.parameters) || [];
    const configParam = params.find((p) => p.name === 'config');
    if (!configParam || !configParam.type.fqn) throw new Error(`no config struct for ${fqn}`);
    if (base === 'cdktf.TerraformProvider') {
      provider = configParam.type.fqn;
      continue;
    }
    const m = /\/docs\/(resources|data-sources)\/[A-Za-z0-9_]+ (azurerm_[A-Za-z0-9_]+)\}/.exec(t.docs.summary || '');
    if (!m) throw new Error(`no terraform type name in docs of ${fqn}: ${t.docs.summary}`);
    const isData = m[1] === 'data-sources';
    if (isData !== (base === 'cdktf.TerraformDataSource')) throw new Error(`resource/data mismatch for ${fqn}`);
    (isData ? dataSources : resources).push([m[2], configParam.type.fqn]);
  }

  // Top-level schemas are inlined (they are unique); traversal in sorted order keeps the table stable.
  const build = (list) => {
    list.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const out = {};
    for (const [tfType, configFqn] of list) {
      if (out[tfType]) throw new Error(`duplicate terraform type ${tfType}`);
      out[tfType] = schemaOf(configFqn);
    }
    return out;
  };
  const r = build(resources);
  const d = build(dataSources);
  const p = provider ? schemaOf(provider) : {};

  for (const s of [...Object.values(r), ...Object.values(d)]) {
    for (const meta of META_ARGUMENTS) {
      if (s.a && meta in s.a) throw new Error(`meta-argument ${meta} found as an attribute`);
    }
  }

  return {
    v: FORMAT_VERSION,
    provider: 'hashicorp/azurerm',
    providerVersion: providerVersion || 'unknown',
    package: assembly.name || PKG,
    packageVersion: assembly.version,
    s: table,
    r,
    d,
    p,
  };
}

/** Reads a .jsii file and returns the serialized compact schema (the exact text written to disk). */
function buildSchemaJson(jsiiPath) {
  const assembly = JSON.parse(fs.readFileSync(jsiiPath, 'utf8'));
  return JSON.stringify(buildSchema(assembly)) + '\n';
}

function defaultJsiiPath() {
  return path.join(path.dirname(require.resolve(`${PKG}/package.json`, { paths: [path.join(__dirname, '..')] })), '.jsii');
}

const DEFAULT_OUT = path.join(__dirname, '..', 'lib', 'checks', 'azurerm-schema.json');

module.exports = { buildSchema, buildSchemaJson, defaultJsiiPath, DEFAULT_OUT, META_ARGUMENTS };

if (require.main === module) {
  const jsiiPath = process.argv[2] || defaultJsiiPath();
  const out = process.argv[3] || DEFAULT_OUT;
  const t0 = Date.now();
  const text = buildSchemaJson(jsiiPath);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  const parsed = JSON.parse(text);
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out)}: ${text.length} bytes, ` +
      `${Object.keys(parsed.r).length} resources, ${Object.keys(parsed.d).length} data sources, ` +
      `${parsed.s.length} nested schemas, azurerm ${parsed.providerVersion} (${parsed.package}@${parsed.packageVersion}) in ${Date.now() - t0} ms\n`,
  );
}
