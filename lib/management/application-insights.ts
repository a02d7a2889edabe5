import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ApplicationInsightsStandardWebTest } from '@cdktf/provider-azurerm/lib/application-insights-standard-web-test';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import * as D from './defaults';
import { AlertOptions, checkAlertOptions } from './monitoring-alerts';
import { MON_WEBTEST_FREQUENCY, MON_WEBTEST_URL } from './rules';
import { IActionGroup } from '../core/alerts';
import { ProblemCollector } from '../core/errors';
import { generateName } from '../core/naming';
import { ROLE_ASSIGNMENT } from '../core/rules';
import type { ILogAnalyticsWorkspace } from '../core/workspace';

/** What the Application Insights part of `HybridMonitoring` takes (from its props). */
export interface ApplicationInsightsSpec {
  readonly enabled: boolean;
  readonly localAuthDisabled?: boolean;
  readonly publisherPrincipalId?: string;
  readonly availabilityTestUrl?: string;
  readonly frequencySeconds?: number;
  readonly locations?: string[];
  readonly availabilityAlert?: AlertOptions;
}

/** The Application Insights part built. */
export interface ApplicationInsightsParts {
  readonly component?: ApplicationInsights;
  readonly webTest?: ApplicationInsightsStandardWebTest;
  readonly availabilityAlert?: MonitorMetricAlert;
  readonly publisherRole?: RoleAssignment;
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Every check of the Application Insights props. */
export function checkApplicationInsights(problems: ProblemCollector, s: ApplicationInsightsSpec): void {
  problems.literal('applicationInsights', s.enabled, 'it decides whether Application Insights exists');
  problems.type('availabilityTestUrl', s.availabilityTestUrl, 'string');
  if (s.availabilityTestUrl !== undefined && !Token.isUnresolved(s.availabilityTestUrl)) {
    problems.check(!isUrl(s.availabilityTestUrl, ['http:', 'https:']), MON_WEBTEST_URL, 'availabilityTestUrl', s.availabilityTestUrl, 'an availability test requests an absolute http(s) URL', 'give the full URL, e.g. https://app.contoso.com/health');
  }
  problems.oneOf(MON_WEBTEST_FREQUENCY, 'availabilityTestFrequencySeconds', s.frequencySeconds, [300, 600, 900], 'use 300 (default), 600 or 900');
  problems.type('availabilityTestLocations', s.locations, 'array');
  problems.literal('availabilityTestLocations', s.locations, 'the number of locations bounds the availability alert threshold');
  problems.guid(ROLE_ASSIGNMENT, 'applicationInsightsPublisherPrincipalId', s.publisherPrincipalId, 'use the object id of the Arc machine identity or service principal the application runs as');
  checkAlertOptions(problems, 'availabilityAlert', s.availabilityAlert, 1, (s.locations ?? D.WEB_TEST_LOCATIONS).length);
}

/**
 * Workspace-based Application Insights (construct id ApplicationInsights), its standard
 * availability test (WebTest) and availability alert (AvailabilityAlert), and the Monitoring
 * Metrics Publisher grant that telemetry with local authentication off needs.
 * The availability alert uses the web-test location criterion, which `Alerts.metric` does not
 * model, so it is built here with the same severity check and action group.
 */
export function buildApplicationInsights(scope: Construct, s: ApplicationInsightsSpec, target: { resourceGroupName: string; location: string; workspace: ILogAnalyticsWorkspace; actionGroup?: IActionGroup }): ApplicationInsightsParts {
  if (!s.enabled) return {};
  const component = new ApplicationInsights(scope, 'ApplicationInsights', {
    name: generateName(scope, 'applicationInsights'),
    resourceGroupName: target.resourceGroupName,
    location: target.location,
    applicationType: 'web',
    workspaceId: target.workspace.workspaceResourceId,
    localAuthenticationDisabled: s.localAuthDisabled ?? true,
  });
  const publisherRole = s.publisherPrincipalId === undefined ? undefined : new RoleAssignment(scope, 'AppInsightsPublisher', {
    scope: component.id,
    roleDefinitionName: 'Monitoring Metrics Publisher',
    principalId: s.publisherPrincipalId,
    description: 'Sends telemetry to Application Insights with Entra ID (local authentication is off)',
  });
  if (s.availabilityTestUrl === undefined) return { component, publisherRole };
  const url = s.availabilityTestUrl;
  const https = !Token.isUnresolved(url) && url.startsWith('https:');
  const webTest = new ApplicationInsightsStandardWebTest(scope, 'WebTest', {
    name: generateName(scope, 'webTest'),
    resourceGroupName: target.resourceGroupName,
    location: target.location,
    applicationInsightsId: component.id,
    geoLocations: s.locations ?? D.WEB_TEST_LOCATIONS,
    frequency: s.frequencySeconds ?? D.WEB_TEST_FREQUENCY_SECONDS,
    timeout: D.WEB_TEST_TIMEOUT_SECONDS,
    retryEnabled: true,
    request: { url, httpVerb: 'GET', followRedirectsEnabled: true },
    validationRules: { expectedStatusCode: 200, sslCheckEnabled: https, sslCertRemainingLifetime: https ? 7 : undefined },
  });
  if (!(s.availabilityAlert?.enabled ?? true)) return { component, webTest, publisherRole };
  const availabilityAlert = new MonitorMetricAlert(scope, 'AvailabilityAlert', {
    name: generateName(scope, 'monitorAlert', 'availability'),
    resourceGroupName: target.resourceGroupName,
    description: `Availability test ${url} fails from several locations`,
    scopes: [webTest.id, component.id],
    severity: s.availabilityAlert?.severity ?? 1,
    frequency: 'PT1M',
    windowSize: 'PT5M',
    applicationInsightsWebTestLocationAvailabilityCriteria: {
      webTestId: webTest.id,
      componentId: component.id,
      failedLocationCount: s.availabilityAlert?.threshold ?? D.WEB_TEST_FAILED_LOCATIONS,
    },
    action: target.actionGroup ? [{ actionGroupId: target.actionGroup.actionGroupId }] : undefined,
  });
  return { component, webTest, availabilityAlert, publisherRole };
}
