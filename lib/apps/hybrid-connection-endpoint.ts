import { RelayHybridConnection } from '@cdktf/provider-azurerm/lib/relay-hybrid-connection';
import { RelayHybridConnectionAuthorizationRule } from '@cdktf/provider-azurerm/lib/relay-hybrid-connection-authorization-rule';
import { TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { LISTENER_RULE_NAME, SENDER_RULE_NAME } from './defaults';
import { HybridConnectionTarget } from './hybrid-connection-target';
import { generateName } from '../core/naming';
import { Runbook } from '../core/outputs';
import { ProblemCollector } from '../core/errors';

/** One on-premises TCP endpoint the app reaches through a hybrid connection. */
export interface HybridConnectionEndpointOptions {
  /** DNS name of the on-premises host, as the app will resolve it (not an IP, not localhost). */
  readonly host: string;
  /** TCP port, 1-65535. */
  readonly port: number;
  /**
   * Name of the relay hybrid connection.
   *
   * Unique in the namespace; 1-260 letters, digits, '.', '_' and '-', starting and ending with a
   * letter or digit.
   * @default - generated: `hc-<construct path>`
   */
  readonly name?: string;
}

/** Props of `HybridConnectionEndpoint` (made by `AppServiceHybridConnection.addEndpoint`). */
export interface HybridConnectionEndpointProps extends HybridConnectionEndpointOptions {
  /** Resource group of the relay namespace. */
  readonly resourceGroupName: string;
  /** Name of the relay namespace the hybrid connection lives in. */
  readonly relayNamespaceName: string;
  /** The app the connection is bound to. */
  readonly app: HybridConnectionTarget;
}

/**
 * One hybrid connection: relay hybrid connection (client authorization on, endpoint metadata),
 * its listener and sender rules, and the binding to the app. Created by
 * `AppServiceHybridConnection.addEndpoint`.
 */
export class HybridConnectionEndpoint extends Construct {
  /** The relay hybrid connection (escape hatch). */
  public readonly hybridConnection: RelayHybridConnection;
  /** Listen-only rule for the on-premises Hybrid Connection Managers. */
  public readonly listenerRule: RelayHybridConnectionAuthorizationRule;
  /** Send-only rule the app uses. */
  public readonly senderRule: RelayHybridConnectionAuthorizationRule;
  /** Binding to the app (`azurerm_web_app_hybrid_connection` or `azurerm_function_app_hybrid_connection`). */
  public readonly binding: TerraformResource;
  /** `host:port` served. */
  public readonly endpoint: string;
  /** `terraform output` name of the listener connection string (sensitive). */
  public readonly listenerConnectionStringOutputName: string;
  /** Name of the hybrid connection (as given or generated). */
  public readonly hybridConnectionName: string;

  constructor(scope: Construct, id: string, props: HybridConnectionEndpointProps) {
    super(scope, id);
    // JavaScript callers: name a missing prop instead of a TypeError.
    const given = new ProblemCollector(this);
    given.required('host', props?.host, 'string');
    given.required('port', props?.port, 'number');
    given.required('resourceGroupName', props?.resourceGroupName, 'string');
    given.required('relayNamespaceName', props?.relayNamespaceName, 'string');
    given.required('app', props?.app, 'object', 'use HybridConnectionTarget.webApp(id) or HybridConnectionTarget.functionApp(id)');
    given.throwIfAny();
    // A number token printed with `${}` would read -8.1e+298: render it as its expression.
    this.endpoint = `${props.host}:${Token.isUnresolved(props.port) ? Token.asString(props.port) : props.port}`;
    this.hybridConnectionName = props.name ?? generateName(this, 'relayHybridConnection');
    this.hybridConnection = new RelayHybridConnection(this, 'Resource', {
      name: this.hybridConnectionName,
      resourceGroupName: props.resourceGroupName,
      relayNamespaceName: props.relayNamespaceName,
      requiresClientAuthorization: true,
      userMetadata: JSON.stringify([{ key: 'endpoint', value: this.endpoint }]),
    });
    this.listenerRule = this.rule(props, 'ListenerRule', LISTENER_RULE_NAME, true);
    this.senderRule = this.rule(props, 'SenderRule', SENDER_RULE_NAME, false);
    this.binding = props.app.bind(this, 'Binding', {
      relayId: this.hybridConnection.id,
      hostname: props.host,
      port: props.port,
      sendKeyName: this.senderRule.name,
    });
    this.listenerConnectionStringOutputName = Runbook.of(this).addOutput(this, 'ListenerConnectionString', {
      value: this.listenerRule.primaryConnectionString,
      description: `Listen-only connection string of hybrid connection ${Token.isUnresolved(this.endpoint) ? this.node.path : this.endpoint}, for the Hybrid Connection Managers`,
      sensitive: true,
    });
  }

  private rule(props: HybridConnectionEndpointProps, id: string, name: string, listen: boolean): RelayHybridConnectionAuthorizationRule {
    return new RelayHybridConnectionAuthorizationRule(this, id, {
      name,
      resourceGroupName: props.resourceGroupName,
      namespaceName: props.relayNamespaceName,
      hybridConnectionName: this.hybridConnection.name,
      listen,
      send: !listen,
      manage: false,
    });
  }
}
