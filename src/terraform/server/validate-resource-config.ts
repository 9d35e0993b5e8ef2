import { validateWebhook } from '../../core/validate';
import { attributeName, errorDiagnostic, fromCoreDiagnostic } from '../diagnostics';
import type { Diagnostic, ValidateResourceConfigRequest, ValidateResourceConfigResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { decodeDynamicValue, isUnknown } from '../values';
import type { TfObject } from '../values';
import { knownString, testOnApply, validationInput } from '../webhook-state';

/**
 * Runs the core's field checks on the configuration before anything reaches the API. Values not
 * known yet are skipped. Also checks test_on_apply against the other attributes.
 */
export async function validateResourceConfig(request: ValidateResourceConfigRequest): Promise<ValidateResourceConfigResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const config = (decodeDynamicValue(request.config, blockType(WEBHOOK_SCHEMA)) as TfObject | null) ?? {};
  const diagnostics = validateWebhook(validationInput(config), { isUnknown, fieldName: attributeName }).map(fromCoreDiagnostic);

  diagnostics.push(...validateTestOnApply(config));
  return { diagnostics };
}

/**
 * Checks test_on_apply against the rest of a configuration or plan: Ocrolus tests only active
 * webhooks, with one of their subscribed events. Unknown values are skipped.
 */
export function validateTestOnApply(config: TfObject): Diagnostic[] {
  return [...validateTestActive(config), ...validateTestEvent(config)];
}

function validateTestActive(config: TfObject): Diagnostic[] {
  if (testOnApply(config) === undefined || config.active !== false) return [];

  return [
    errorDiagnostic(
      'Test Of Inactive Webhook',
      'test_on_apply is set, but active is false. Ocrolus sends test deliveries only to active webhooks, so the test would fail on every apply. ' +
        'Remove test_on_apply while the webhook is inactive, or set active = true.',
      ['test_on_apply'],
    ),
  ];
}

function validateTestEvent(config: TfObject): Diagnostic[] {
  const test = testOnApply(config);
  const events = config.events;
  if (!test?.event || !Array.isArray(events) || events.some(isUnknown)) return [];

  const subscribed = events.map((name) => knownString(name)?.trim());
  if (subscribed.includes(test.event)) return [];

  return [
    errorDiagnostic(
      'Test Event Not Subscribed',
      `test_on_apply.event is "${test.event}", but the webhook subscribes only to ${subscribed.join(', ')}. Ocrolus tests a webhook with one of its own events: pick one of those, or leave event out to use the first in alphabetical order.`,
      ['test_on_apply', 'event'],
    ),
  ];
}

export function unknownResourceType(typeName: string): Diagnostic {
  return errorDiagnostic('Unknown Resource Type', `The Ocrolus provider has no resource or data source named "${typeName}". It serves ocrolus_webhook and ocrolus_webhooks.`);
}
