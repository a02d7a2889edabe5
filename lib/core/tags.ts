import { IAspect, TerraformResource, Token } from 'cdktf';
import { addToEveryStack } from './aspects';
import { forgetResolvedBody } from './tokens';
import { IConstruct } from 'constructs';
import { ProblemCollector } from './errors';
import { TAG_INVALID, TAG_STACK_UNTAGGED } from './rules';

/**
 * Applies tags to every taggable azurerm resource under the scope it is added to:
 * `HybridTags.addTo(app, { costCenter: '42' })`, or `Aspects.of(stack).add(new HybridTags(...))`
 * for one stack. Tags set on a resource itself win. (`Aspects.of(app).add(...)` does nothing in
 * cdktf 0.21: it runs no aspect added to the App.)
 */
export class HybridTags implements IAspect {
  /**
   * Tags every stack of an App (or the given scope). On an App, a stack created after this call
   * fails synth with `TAG-STACK-UNTAGGED` instead of going untagged.
   * @returns the aspect added
   */
  public static addTo(scope: IConstruct, tags: Record<string, string>): HybridTags {
    const aspect = new HybridTags(tags);
    addToEveryStack(scope, aspect, 'HybridTags', TAG_STACK_UNTAGGED.id);
    return aspect;
  }

  private readonly tags: Record<string, string>;

  /**
   * @param tags tag names and values (names at most 512 characters, values 256, neither
   *   containing `< > % & \ ? /`).
   */
  constructor(tags: Record<string, string>) {
    const problems = new ProblemCollector('HybridTags');
    for (const [name, value] of Object.entries(tags)) {
      if (Token.isUnresolved(name) || Token.isUnresolved(value)) continue;
      problems.check(
        name.length === 0 || name.length > 512 || /[<>%&\\?/]/.test(name),
        TAG_INVALID,
        'tags',
        name,
        'a tag name must be 1-512 characters without < > % & \\ ? /',
        'rename the tag',
      );
      problems.check(value.length > 256, TAG_INVALID, `tags.${name}`, value, 'a tag value must be at most 256 characters', 'shorten the value');
    }
    problems.check(Object.keys(tags).length > 50, TAG_INVALID, 'tags', Object.keys(tags).length, 'a resource takes at most 50 tags', 'use fewer tags');
    problems.throwIfAny();
    this.tags = { ...tags };
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !node.terraformResourceType.startsWith('azurerm_')) return;
    if (!hasTagsAttribute(node)) return;
    const taggable = node as unknown as { tags: Record<string, string> | undefined; tagsInput: Record<string, string> | undefined };
    const own = taggable.tagsInput;
    if (own !== undefined && Token.isUnresolved(own)) return; // tags given as one expression: leave them
    taggable.tags = { ...this.tags, ...(own ?? {}) };
    forgetResolvedBody(node); // the cached final body (if any) predates the tags
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
