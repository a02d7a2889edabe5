import { FunctionAppHybridConnection } from '@cdktf/provider-azurerm/lib/function-app-hybrid-connection';
import { WebAppHybridConnection } from '@cdktf/provider-azurerm/lib/web-app-hybrid-connection';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** What a hybrid connection binding needs (library-internal). */
export interface HybridConnectionBindingArgs {
  /** Resource id of the relay hybrid connection. */
  readonly relayId: string;
  /** On-premises host name the app resolves. */
  readonly hostname: string;
  /** On-premises TCP port. */
  readonly port: number;
  /** Name of the send-only authorization rule the app uses. */
  readonly sendKeyName: string;
}

/**
 * The App Service app a set of hybrid connections is bound to: a web app or a function app, by
 * its resource id (`Microsoft.Web/sites/<name>`). One of the two, never both, by construction
 * (replaces the former pair of props `webAppId` / `functionAppId`).
 */
export abstract class HybridConnectionTarget {
  /** A web app (`azurerm_linux_web_app` / `azurerm_windows_web_app`), bound with `azurerm_web_app_hybrid_connection`. */
  public static webApp(webAppId: string): HybridConnectionTarget {
    return new WebAppTarget(webAppId);
  }

  /** A function app, bound with `azurerm_function_app_hybrid_connection`. */
  public static functionApp(functionAppId: string): HybridConnectionTarget {
    return new FunctionAppTarget(functionAppId);
  }

  /** Resource id of the app. */
  public abstract readonly appId: string;
  /** `web app` or `function app`, for messages and the runbook. */
  public abstract readonly kind: string;
  /** The `az` command group that lists the app's hybrid connections (`webapp` / `functionapp`). */
  public abstract readonly cliGroup: string;

  /** Creates the binding of one hybrid connection to the app under `scope` with construct id `id`. */
  public abstract bind(scope: Construct, id: string, args: HybridConnectionBindingArgs): TerraformResource;
}

class WebAppTarget extends HybridConnectionTarget {
  public readonly kind = 'web app';
  public readonly cliGroup = 'webapp';
  constructor(public readonly appId: string) {
    super();
  }

  public bind(scope: Construct, id: string, args: HybridConnectionBindingArgs): TerraformResource {
    return new WebAppHybridConnection(scope, id, { ...args, webAppId: this.appId });
  }
}

class FunctionAppTarget extends HybridConnectionTarget {
  public readonly kind = 'function app';
  public readonly cliGroup = 'functionapp';
  constructor(public readonly appId: string) {
    super();
  }

  public bind(scope: Construct, id: string, args: HybridConnectionBindingArgs): TerraformResource {
    return new FunctionAppHybridConnection(scope, id, { ...args, functionAppId: this.appId });
  }
}
