import { IConstruct } from 'constructs';
import { ProblemCollector } from '../core/errors';
import { resolveExpression } from '../core/tokens';
import type { IHubNetwork } from '../network/hub-network';
import { STG_PE_SUBNET } from './rules';

/**
 * Checks the subnet of a private endpoint (file share, Storage Sync Service): a subnet resource
 * id, and not the hub's GatewaySubnet (by its literal name, or by the same reference as
 * `hub.gatewaySubnetId`). Tokens pass the format check.
 */
export function checkEndpointSubnet(problems: ProblemCollector, scope: IConstruct, hub: IHubNetwork, prop: string, subnetId: string): void {
  if (problems.resourceId(STG_PE_SUBNET, prop, subnetId, 'subnet', "use a subnet of the hub, e.g. `hub.addSubnet('privatelink').id`")) return;
  const gateway = /\/subnets\/GatewaySubnet$/i.test(String(subnetId)) || resolveExpression(scope, subnetId) === resolveExpression(scope, hub.gatewaySubnetId);
  problems.check(gateway, STG_PE_SUBNET, prop, subnetId, 'a private endpoint cannot go into the GatewaySubnet', "use a subnet of its own, e.g. `hub.addSubnet('privatelink').id`");
}
