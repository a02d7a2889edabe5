import { App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Adds an aspect where cdktf 0.21 runs it. cdktf starts its aspect pass at each stack, so an
 * aspect added to the App itself is never run (`Aspects.of(app).add(...)` does nothing). On an
 * App, the aspect goes on every stack it has now, and a stack created afterwards fails
 * `app.synth()` with a validation error rather than going without it. On anything else, the
 * aspect goes on that scope.
 * @param what what the aspect is, for the error (`HybridTags`)
 */
export function addToEveryStack(scope: IConstruct, aspect: IAspect, what: string, ruleId: string): void {
  if (!App.isApp(scope)) {
    Aspects.of(scope).add(aspect);
    return;
  }
  const stacks = scope.node.findAll().filter((n): n is TerraformStack => TerraformStack.isStack(n));
  for (const stack of stacks) Aspects.of(stack).add(aspect);
  scope.node.addValidation({
    validate: () =>
      scope.node
        .findAll()
        .filter((n): n is TerraformStack => TerraformStack.isStack(n) && !stacks.includes(n as TerraformStack))
        .map((s) => `[${ruleId}] ${s.node.path}: stack created after ${what}.addTo(app), so ${what} does not apply to it. Fix: call ${what}.addTo(app) after creating every stack`),
  });
}
