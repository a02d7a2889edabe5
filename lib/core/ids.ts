import { IConstruct } from 'constructs';
import type { ProblemCollector } from './errors';
import { NAME_DUPLICATE, NAME_INVALID } from './rules';

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
  if (problems.check(typeof id !== 'string' || id.trim().length === 0, NAME_INVALID, prop, id, 'an id or name must be a non-empty string: it keys a construct and often names the Azure resource', 'give a short name such as `Paris`')) return true;
  if (problems.check(id.includes('/') || id === '__proto__' || id.length > 200, NAME_INVALID, prop, id, 'an id cannot contain "/", be `__proto__` or be longer than 200 characters', 'use letters, digits and "-"')) return true;
  const existing = scope.node.tryFindChild(childId);
  return problems.check(
    existing !== undefined,
    NAME_DUPLICATE,
    prop,
    id,
    `${scope.node.path} already has a child \`${childId}\` (${existing?.constructor.name ?? 'construct'}): ids given to add methods key constructs and must be unique in their parent`,
    'give each call its own id (and avoid the ids the construct uses itself, such as `Resource`)',
  );
}
