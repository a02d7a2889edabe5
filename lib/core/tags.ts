import { Annotations, IAspect, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { addToEveryStack } from './aspects';
import { forgetResolvedBody } from './tokens';
import { describeValue, formatProblem, ProblemCollector } from './errors';
import { suppressionFor } from './report';
import { PROP_TYPE, TAG_INVALID, TAG_STACK_UNTAGGED } from './rules';

/** Azure's limit of tags per resource (tag-resources.md, "Limitations"). */
const MAX_TAGS = 50;

/**
 * Applies tags to every taggable azurerm resource under the scope it is added to:
 * `HybridTags.addTo(app, { costCenter: '42' })`, or `Aspects.of(stack).add(new HybridTags(...))`
 * for one stack. Tags set on a resource itself win, also over a tag whose name differs only in
 * case (Azure tag names are case-insensitive). A resource left with more than 50 tags after the
 * merge fails synth with `TAG-INVALID`: Azure refuses it. (`Aspects.of(app).add(...)` does
 * nothing in cdktf 0.21: it runs no aspect added to the App.)
 */
export class HybridTags implements IAspect {
  /**
   * Tags every stack of an App (or the given scope). On an App, a stack created after this call
   * fails synth with `TAG-STACK-UNTAGGED` instead of going untagged.
   * @returns the aspect added
   */
  public static addTo(scope: IConstruct, tags: Record<string, string>): HybridTags {
    const problems = new ProblemCollector('HybridTags.addTo');
    problems.required('scope', scope, 'construct', 'pass the App or a stack');
    problems.throwIfAny();
    const aspect = new HybridTags(tags);
    addToEveryStack(scope, aspect, 'HybridTags', TAG_STACK_UNTAGGED.id);
    return aspect;
  }

  private readonly tags: Record<string, string>;
  /** What this aspect already reported, per resource (aspects run again at every synth). */
  private readonly reported = new WeakMap<IConstruct, string>();

  /**
   * @param tags tag names and values (names at most 512 characters, values 256, neither
   *   containing `< > % & \ ? /`; at most 50 tags, no two names differing only in case).
   */
  constructor(tags: Record<string, string>) {
    const problems = new ProblemCollector('HybridTags');
    problems.required('tags', tags, 'object', 'pass the tags as an object of names and string values, e.g. { costCenter: \'42\' }');
    problems.throwIfAny();
    const seen = new Map<string, string>();
    for (const [name, value] of Object.entries(tags)) {
      if (Token.isUnresolved(name)) continue;
      problems.check(
        name.length === 0 || name.length > 512 || /[<>%&\\?/]/.test(name),
        TAG_INVALID,
        'tags',
        name,
        'a tag name must be 1-512 characters without < > % & \\ ? /',
        'rename the tag',
      );
      const twin = seen.get(name.toLowerCase());
      problems.check(twin !== undefined, TAG_INVALID, 'tags', name, `tag names are case-insensitive in Azure: ${name} and ${twin} are one tag`, 'keep one of them');
      seen.set(name.toLowerCase(), name);
      if (Token.isUnresolved(value)) continue;
      if (typeof value !== 'string') {
        problems.check(true, PROP_TYPE, `tags.${name}`, value, `a tag value must be a string, got ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}`, `give \`${name}\` a string value (an empty string for none), or leave the tag out`);
        continue;
      }
      problems.check(value.length > 256, TAG_INVALID, `tags.${name}`, value, 'a tag value must be at most 256 characters', 'shorten the value');
    }
    problems.check(Object.keys(tags).length > MAX_TAGS, TAG_INVALID, 'tags', Object.keys(tags).length, `a resource takes at most ${MAX_TAGS} tags`, 'use fewer tags');
    problems.throwIfAny();
    this.tags = { ...tags };
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !node.terraformResourceType.startsWith('azurerm_')) return;
    if (!hasTagsAttribute(node)) return;
    const taggable = node as unknown as { tags: Record<string, string> | undefined; tagsInput: Record<string, string> | undefined };
    const own = taggable.tagsInput;
    if (own !== undefined && Token.isUnresolved(own)) return; // tags given as one expression: leave them
    // The resource's own tags win, also over a name of ours that differs only in case.
    const ownNames = new Set(Object.keys(own ?? {}).map((n) => n.toLowerCase()));
    const added = Object.fromEntries(Object.entries(this.tags).filter(([n]) => !ownNames.has(n.toLowerCase())));
    const merged = { ...added, ...(own ?? {}) };
    taggable.tags = merged;
    forgetResolvedBody(node); // the cached final body (if any) predates the tags
    this.checkCount(node, merged);
  }

  /** More than 50 tags after the merge: Azure refuses the resource, so synth fails (TAG-INVALID). */
  private checkCount(node: TerraformResource, merged: Record<string, string>): void {
    const count = Object.keys(merged).length;
    if (count <= MAX_TAGS) return;
    const line = formatProblem({
      ruleId: TAG_INVALID.id,
      constructPath: node.node.path,
      prop: 'tags',
      value: describeValue(count),
      detail: `${node.terraformResourceType}.${node.friendlyUniqueId} has ${count} tags with those of HybridTags, and Azure allows at most ${MAX_TAGS} per resource`,
      fix: `drop ${count - MAX_TAGS} of the resource's own tags or of HybridTags' tags`,
    });
    const suppression = suppressionFor(node, TAG_INVALID);
    const message = suppression ? `[${TAG_INVALID.id}] suppressed: ${suppression.reason} (${line})` : line;
    if (this.reported.get(node) === message) return;
    this.reported.set(node, message);
    if (suppression) Annotations.of(node).addInfo(message);
    else Annotations.of(node).addError(message);
  }
}

/** True when the L1 class has a `tags` argument (setter) and an input getter for it. */
function hasTagsAttribute(node: object): boolean {
  let proto = Object.getPrototypeOf(node);
  while (proto && proto !== TerraformResource.prototype) {
    const tags = Object.getOwnPropertyDescriptor(proto, 'tags');
    if (tags?.set && Object.getOwnPropertyDescriptor(proto, 'tagsInput')) return true;
    proto = Object.getPrototypeOf(proto);
  }
  return false;
}
