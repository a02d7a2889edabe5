import { ITerraformDependable, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

// A wait between two resources, for a role assignment that a service uses at once (Azure RBAC can
// take up to 10 minutes to take effect: role-based-access-control/troubleshooting.md). It is
// hashicorp/time's `time_sleep`, written here in the few lines the library needs rather than
// through @cdktf/provider-time: that package has no CDK Terrain (cdktn) build, and the library
// must move to cdktn by a rename of imports (README, "The way off CDKTF").

const PROVIDER_ID = 'time';

/** How long to wait after a role assignment that a service uses at once (role-based-access-control/troubleshooting.md: "it can take up to 10 minutes"). */
export const ROLE_PROPAGATION_WAIT = '5m';
const PROVIDER = { providerName: 'time', providerVersion: '0.13.1', providerVersionConstraint: '~> 0.7' };

/** The `time` provider block (hashicorp/time), declared once per stack. */
class TimeProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: 'time', terraformGeneratorMetadata: PROVIDER, terraformProviderSource: 'hashicorp/time' });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {};
  }
}

/** Options of `TimeSleep`. */
export interface TimeSleepOptions {
  /** How long to wait after create, e.g. `5m`. */
  readonly createDuration: string;
  /** Values whose change makes the wait happen again (e.g. the role assignment id). */
  readonly triggers?: { [name: string]: string };
  /** What the wait comes after (the role assignments). */
  readonly dependsOn?: ITerraformDependable[];
}

/** `time_sleep` (hashicorp/time): waits `createDuration` after the resources it depends on. */
export class TimeSleep extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly options: TimeSleepOptions) {
    super(scope, id, { terraformResourceType: 'time_sleep', terraformGeneratorMetadata: PROVIDER, dependsOn: options.dependsOn });
    ensureTimeProvider(scope);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { create_duration: this.options.createDuration, triggers: this.options.triggers };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {
      create_duration: { value: this.options.createDuration, isBlock: false, type: 'simple', storageClassType: 'string' },
      ...(this.options.triggers ? { triggers: { value: this.options.triggers, isBlock: false, type: 'map', storageClassType: 'stringMap' } } : {}),
    };
  }
}

function ensureTimeProvider(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (!stack.node.tryFindChild(PROVIDER_ID)) new TimeProvider(stack, PROVIDER_ID);
}
