import { NetworkDdosProtectionPlan } from '@cdktf/provider-azurerm/lib/network-ddos-protection-plan';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../core/errors';
import { generateName } from '../../core/naming';

/** Props of `DdosProtectionPlan`. */
export interface DdosProtectionPlanProps {
  readonly resourceGroupName: string;
  readonly location: string;
}

/**
 * A DDoS Network Protection plan (one per tenant is usually enough: it covers up to 100 public
 * IPs across subscriptions). Attach it to the hub's virtual network (`ddos_protection_plan`
 * block, `enable = true`) with `planId`.
 */
export class DdosProtectionPlan extends Construct {
  public readonly plan: NetworkDdosProtectionPlan;
  /** Resource id of the plan. */
  public readonly planId: string;

  constructor(scope: Construct, id: string, props: DdosProtectionPlanProps) {
    super(scope, id);
    const problems = new ProblemCollector(this);
    problems.required('resourceGroupName', props?.resourceGroupName, 'string');
    problems.required('location', props?.location, 'string');
    problems.region('location', props?.location);
    problems.throwIfAny();
    this.plan = new NetworkDdosProtectionPlan(this, 'Resource', { name: generateName(this, 'ddosProtectionPlan'), resourceGroupName: props.resourceGroupName, location: props.location });
    this.planId = this.plan.id;
  }
}
