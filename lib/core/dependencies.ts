import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * The dependencies a resource of `scope`'s stack can name in `depends_on`: those of its own
 * stack. cdktf writes a resource of another stack as
 * `data.terraform_remote_state.<stack>.outputs.<output>`, an attribute, which `terraform validate`
 * refuses ("Invalid depends_on reference: References in depends_on must be to a whole object
 * (resource, etc), not to an attribute of an object": hashicorp/terraform,
 * internal/terraform/node_resource_validate.go, validateDependsOn). The order holds without it:
 * a stack that reads another's outputs is applied after it.
 */
export function sameStackDependencies(scope: IConstruct, dependencies: readonly ITerraformDependable[]): ITerraformDependable[] {
  const stack = TerraformStack.of(scope);
  return dependencies.filter((d) => !Construct.isConstruct(d) || TerraformStack.of(d) === stack);
}
