import { validateWebhook } from '../../core/validate';
import { errorDiagnostic, fromCoreDiagnostic } from '../diagnostics';
import type { Diagnostic, ValidateResourceConfigRequest, ValidateResourceConfigResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { decodeDynamicValue, isUnknown } from '../values';
import type { TfObject } from '../values';
import { knownString, testOnApply, validationInput } from '../webhook-state';

/**
 * Runs the core's field checks on the configuration before anything reaches the API. Values not
 * known yet are skipped. Also checks that test_on_apply names one of the subscribed events.
 */
export async function validateResourceConfig(request: ValidateResourceConfigRequest): Promise<ValidateResourceConfigResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const config = (decodeDynamicValue(request.config, blockType(WEBHOOK_SCHEMA)) as TfObject | null) ?? {};
  const diagnostics = validateWebhook(validationInput(config), { isUnknown }).map(fromCoreDiagnostic);

  diagnostics.push(...validateTestEvent(config));
  return { diagnostics };
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
