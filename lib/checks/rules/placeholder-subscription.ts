import { defineRule, fails, RuleLevel, TF } from '../../core/rule';

const ZERO = '00000000-0000-0000-0000-000000000000';
const ZERO_ID = `/subscriptions/${ZERO}`;

/** The dotted path of the first string under `value` that holds `needle` (case-insensitive); `//` metadata skipped. */
function pathOf(value: unknown, needle: string, at: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.toLowerCase().includes(needle) ? at : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === '//') continue;
    const found = pathOf(v, needle, at ? `${at}.${k}` : k, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Placeholder subscription ids (`00000000-…`) in resource bodies or as the provider's subscription. */
export const PLACEHOLDER_SUBSCRIPTION = defineRule({
  id: 'PLACEHOLDER-SUBSCRIPTION',
  level: RuleLevel.ERROR,
  description: 'The placeholder subscription 00000000-0000-0000-0000-000000000000 must not reach the configuration (a resource id under /subscriptions/00000000-…, or the provider\'s subscription_id): every call to it fails. Take ids from variables or data.azurerm_client_config',
  source: `${TF} website/docs/guides/4.0-upgrade-guide.html.markdown:134-157 (subscription_id mandatory); deploy-review B6`,
  types: ['*', 'provider.azurerm'],
  check: (type, body) => {
    if (type === 'provider.azurerm') {
      const sub = body.subscription_id;
      return typeof sub === 'string' && sub.toLowerCase().includes(ZERO)
        ? fails('subscription_id', `subscription_id is the placeholder ${ZERO}. Fix: take it from a variable (AzureProvider's subscription_id) or ARM_SUBSCRIPTION_ID`)
        : 'compliant';
    }
    const at = pathOf(body, ZERO_ID, '');
    return at === undefined
      ? 'compliant'
      : fails(at, `${at} holds a resource id in the placeholder subscription ${ZERO}. Fix: build the id from a variable or data.azurerm_client_config.current.subscription_id`);
  },
});
