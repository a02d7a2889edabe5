import { allBlocks, RuleContext, StackResource } from '../../core/rule';

/** Small readers shared by the pack-only rules of this folder (not rules themselves). */

/** True when the resource has a `count` (a gate: `count = var.<gate> ? 1 : 0`, or any other count). */
export function hasCount(body: Record<string, any>): boolean {
  return body.count !== undefined && body.count !== null;
}

/** True when a `lifecycle.precondition` condition of the resource mentions `text`. */
export function preconditionMentions(body: Record<string, any>, text: string): boolean {
  return allBlocks(body.lifecycle).some((l) => allBlocks(l.precondition).some((p) => typeof p.condition === 'string' && p.condition.includes(text)));
}

/** The resource of `type` that `value` references, when this stack creates it. */
export function ownResource(ctx: RuleContext, value: unknown, type: string): StackResource | undefined {
  const r = ctx.deref(value);
  return r && r.type === type && r.stack === undefined ? r : undefined;
}

/** `type.name` of a resource, with its stack when it is another stack's. */
export function addressOf(r: StackResource): string {
  return `${r.stack ? `${r.stack}:` : ''}${r.type}.${r.name}`;
}

/** The literal value of `name`, or undefined for an expression or a non-string. */
export function literalName(body: Record<string, any> | undefined): string | undefined {
  const n = body?.name;
  return typeof n === 'string' && !n.includes('${') ? n : undefined;
}

/** True when `depends_on` lists the resource (`type.name`, with or without `${}`). */
export function dependsOn(body: Record<string, any>, r: StackResource): boolean {
  const deps = Array.isArray(body.depends_on) ? body.depends_on : [];
  const address = `${r.type}.${r.name}`;
  return deps.some((d: unknown) => typeof d === 'string' && (d === address || d === `\${${address}}` || d.startsWith(`${address}[`) || d.startsWith(`\${${address}[`)));
}
