import * as fs from 'fs';
import { CliError, StackFile } from './stacks';

/** Largest stack file read (bytes): a bigger one is refused with a message, not read into memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * The Terraform JSON of a stack file: `cdk.tf.json` parsed, or `cdk.tf` (`cdktf synth --hcl`)
 * converted by `@cdktf/hcl2json` (HashiCorp's HCL parser compiled to WebAssembly, offline) and
 * normalized to the shape cdktf writes (one body per resource, not a one-element list).
 */
export async function readConfig(stack: StackFile): Promise<Record<string, any>> {
  let text: string;
  try {
    const size = fs.statSync(stack.file).size;
    if (size > MAX_FILE_BYTES) throw new CliError(`${stack.file}: ${size} bytes, larger than the ${MAX_FILE_BYTES} bytes read`);
    text = fs.readFileSync(stack.file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${stack.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = stack.format === 'hcl' ? fromHcl(await parseHcl(stack.file, text)) : JSON.parse(text);
  } catch (e) {
    throw new CliError(`${stack.file}: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CliError(`${stack.file}: not a Terraform JSON configuration (the top level is ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed}, not an object)`);
  }
  return parsed as Record<string, any>;
}

async function parseHcl(file: string, text: string): Promise<Record<string, any>> {
  // Loaded only for HCL input: it starts a Go WebAssembly runtime.
  const { parse } = require('@cdktf/hcl2json') as { parse(filename: string, contents: string): Promise<Record<string, any>> };
  return parse(file, text);
}

/**
 * hcl2json writes every block as a list (`resource.<type>.<name> = [body]`, `variable.<name> = [body]`);
 * cdktf's JSON has one body per name. Nested blocks stay lists (cdktf writes them so too).
 */
export function fromHcl(json: Record<string, any>): Record<string, any> {
  const unwrap = (v: unknown): unknown => (Array.isArray(v) && v.length === 1 ? v[0] : v);
  const byName = (section: unknown): Record<string, any> => {
    const out: Record<string, any> = {};
    if (section && typeof section === 'object') for (const [name, body] of Object.entries(section)) out[name] = unwrap(body);
    return out;
  };
  const byTypeAndName = (section: unknown): Record<string, any> => {
    const out: Record<string, any> = {};
    if (section && typeof section === 'object') for (const [type, names] of Object.entries(section)) out[type] = byName(names);
    return out;
  };
  const result: Record<string, any> = { ...json };
  if (json.resource) result.resource = byTypeAndName(json.resource);
  if (json.data) result.data = byTypeAndName(json.data);
  for (const key of ['variable', 'output']) if (json[key]) result[key] = byName(json[key]);
  // `locals { ... }` blocks come back as a list of objects, one per block: one map of names.
  if (json.locals) result.locals = Object.assign({}, ...(Array.isArray(json.locals) ? json.locals : [json.locals]).filter((b: unknown) => b && typeof b === 'object'));
  if (json.variable) {
    // `type = string` comes back as "${string}".
    for (const v of Object.values(result.variable) as Record<string, any>[]) {
      if (v && typeof v.type === 'string') v.type = v.type.replace(/^\$\{(.*)\}$/s, '$1');
    }
  }
  return result;
}
