import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import type { ProblemCollector } from './errors';
import { NAME_DUPLICATE, NAME_INVALID } from './rules';

/**
 * True for an id that the constructs library cannot key a child with: empty, containing '/'
 * (turned into '--', so `a/b` and `a--b` would meet), a name of `Object.prototype`
 * (`__proto__`, `constructor`, `toString`: constructs keeps children in a plain object, so such
 * an id "already exists"), or longer than 200 characters.
 */
function unusableId(id: string): boolean {
  return id.includes('/') || id in Object.prototype || id.length > 200;
}

/** The child of `scope` with exactly this id, if any (never an `Object.prototype` member). */
function childWithId(scope: IConstruct, childId: string): IConstruct | undefined {
  if (childId in Object.prototype) return undefined;
  return scope.node.tryFindChild(childId);
}

/**
 * Checks that an `add*` method can create its child construct: records a `NAME-DUPLICATE` problem
 * when `scope` already has a child with `childId` (an id given twice, or one that clashes with a
 * child the construct made itself, e.g. `Resource`). Without it the constructs library throws its
 * plain "There is already a Construct with name ..." error. Returns true when the id is taken.
 *
 * @param problems collector of the calling method
 * @param scope the construct the child would be created in
 * @param childId the construct id the method would use (`Share${name}`, or `id` itself)
 * @param prop the argument that carries the id (`id`, `name`, ...)
 * @param id the id as the user gave it (reported as the value)
 */
export function checkUniqueId(problems: ProblemCollector, scope: IConstruct, childId: string, prop: string, id: string): boolean {
  return checkUniqueIds(problems, scope, [childId], prop, id);
}

/**
 * `checkUniqueId` for every construct id a method derives from one user-given name (a sync group
 * makes `Group<name>` and `Group<name>CloudEndpoint`): all of them are checked before any is
 * created, so that `addSyncGroup('aCloudEndpoint')` after `addSyncGroup('a')` is a
 * `NAME-DUPLICATE`, not the constructs library's raw error. Returns true when any is taken.
 * `reserved`: ids the calling method creates itself before the child (a default policy).
 */
export function checkUniqueIds(problems: ProblemCollector, scope: IConstruct, childIds: readonly string[], prop: string, id: string, reserved: readonly string[] = []): boolean {
  // A token cannot key a construct (constructs refuses it with a plain error): PROP-LITERAL.
  if (problems.literal(prop, id, 'it keys a construct, and construct ids are known at synth')) return true;
  if (problems.check(typeof id !== 'string' || id.trim().length === 0, NAME_INVALID, prop, id, 'an id or name must be a non-empty string: it keys a construct and often names the Azure resource', 'give a short name such as `Paris`')) return true;
  if (problems.check(unusableId(id) || childIds.some(unusableId), NAME_INVALID, prop, id, 'an id cannot contain "/", be a name JavaScript objects already have (`__proto__`, `constructor`, `toString`...) or be longer than 200 characters', 'use letters, digits and "-"')) return true;
  for (const childId of childIds) {
    const existing = childWithId(scope, childId);
    const taken = problems.check(
      existing !== undefined || reserved.includes(childId),
      NAME_DUPLICATE,
      prop,
      id,
      `${scope.node.path} already has a child \`${childId}\` (${existing?.constructor.name ?? 'construct'}): ids given to add methods key constructs and must be unique in their parent`,
      'give each call its own id (and avoid the ids the construct uses itself, such as `Resource`)',
    );
    if (taken) return true;
  }
  return false;
}

/**
 * A child id for something the library creates from a name it cleaned (letters and digits of a
 * construct path): `base` when free, else `base` plus a stable 8-character hash of `source` (the
 * uncleaned name), so that `Files-1` and `Files1` get two children instead of the constructs
 * library's raw "already a Construct" error. The first keeps `base` (its logical id is unchanged).
 */
export function distinctChildId(scope: IConstruct, base: string, source: string, suffixes: readonly string[] = ['']): string {
  const free = (candidate: string) => suffixes.every((s) => childWithId(scope, `${candidate}${s}`) === undefined && !(`${candidate}${s}` in Object.prototype));
  if (free(base)) return base;
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
  let candidate = `${base}${hash}`;
  for (let n = 2; !free(candidate); n++) candidate = `${base}${hash}${n}`;
  return candidate;
}
