/**
 * Reads a Terraform string template (`abc${var.x}def`, what `cdk.tf.json` holds) far enough to
 * tell whether any part of its value is written literally: text outside `${...}`, a quoted
 * string or heredoc inside an expression (`${lower("secret")}`, `${"secret"}`), or an expression
 * that is a bare number. References (`var.x`, `data.azurerm_key_vault_secret.k.value`,
 * `random_password.p.result`, `local.x` resolved through `locals`) are not literal.
 *
 * One linear scan (each character is looked at once), no regular expression with nested
 * quantifiers, so hostile input cannot make it hang. The one test of "is this secret a literal"
 * for the constructs, the rule pack and the `check` command.
 */

/** Where a literal part was found, and a short sample of it (for the error message). */
export interface LiteralPart {
  readonly kind: 'text' | 'string' | 'number' | 'heredoc' | 'local';
  readonly sample: string;
}

/** How to read `local.<name>`: the local's value as written in `locals`, or undefined when unknown. */
export type LocalLookup = (name: string) => unknown;

const MAX_DEPTH = 20;

/**
 * The literal parts of a Terraform template string. Empty when the value is made only of
 * references (or of empty strings used as separators).
 */
export function literalParts(template: string, locals?: LocalLookup, depth = 0): LiteralPart[] {
  const parts: LiteralPart[] = [];
  scanTemplate(template, 0, undefined, parts, locals, depth);
  return parts;
}

/** True when any part of the value is a literal (see `literalParts`); non-strings are literal unless undefined/null. */
export function hasLiteralPart(value: unknown, locals?: LocalLookup): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value !== 'string') return false;
  return literalParts(value, locals).length > 0;
}

const sample = (s: string): string => (s.length > 4 ? `${s.slice(0, 2)}...(${s.length} characters)` : `(${s.length} characters)`);

/**
 * Scans template text from `i` until `end` (a closing quote inside an expression) or the end
 * of input; records literal text. Returns the index after the template.
 */
function scanTemplate(s: string, i: number, end: string | undefined, parts: LiteralPart[], locals: LocalLookup | undefined, depth: number): number {
  let text = '';
  const flush = (kind: 'text' | 'string') => {
    if (text.length > 0) parts.push({ kind, sample: sample(text) });
    text = '';
  };
  while (i < s.length) {
    const c = s[i];
    if (end !== undefined && c === end) {
      flush('string');
      return i + 1;
    }
    if (end !== undefined && c === '\\') {
      text += s[i + 1] ?? '';
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      text += `${c}{`; // escaped `$${` / `%%{`: literal text
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      i = scanExpression(s, i + 2, parts, locals, depth, c === '%');
      continue;
    }
    text += c;
    i++;
  }
  flush(end === undefined ? 'text' : 'string');
  return i;
}

/** Scans an expression from `i` to its closing `}`; records quoted strings, heredocs, bare numbers and literal locals. */
function scanExpression(s: string, i: number, parts: LiteralPart[], locals: LocalLookup | undefined, depth: number, directive: boolean): number {
  let nesting = 0;
  let body = '';
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = scanTemplate(s, i + 1, '"', parts, locals, depth);
      body += '""';
      continue;
    }
    if (c === '<' && s[i + 1] === '<') {
      parts.push({ kind: 'heredoc', sample: '<<' });
      i += 2;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') nesting++;
    if (c === ')' || c === ']') nesting--;
    if (c === '}') {
      if (nesting === 0) {
        i++;
        break;
      }
      nesting--;
    }
    body += c;
    i++;
  }
  if (directive) return i; // %{ if ... } / %{ for ... }: the text around it is scanned as template text
  const trimmed = body.trim();
  if (/^-?[0-9][0-9.eE+-]*$/.test(trimmed)) parts.push({ kind: 'number', sample: sample(trimmed) });
  // A local is literal when its own value is (followed through `locals`, a bounded depth).
  const local = /^local\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(trimmed);
  if (local && locals) {
    const value = depth < MAX_DEPTH ? locals(local[1]) : undefined;
    if (typeof value === 'string' ? literalParts(value, locals, depth + 1).length > 0 : value !== undefined && value !== null && typeof value !== 'object') {
      parts.push({ kind: 'local', sample: `local.${local[1]}` });
    }
  }
  return i;
}
