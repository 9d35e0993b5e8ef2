import { executeCall, rejectBeforeSending } from '../call';
import type { ClientContext } from '../context';
import { OcrolusValidationError } from '../errors';
import type { CallOptions, UpdateWebhookInput } from '../types';
import { updateWebhookBody } from '../wire';

/**
 * `POST /webhook/{uuid}/update`. `eventNames` replaces the whole subscription list. The API returns
 * `{}` or null, so callers read the webhook back to see the result.
 */
export async function updateWebhook(context: ClientContext, uuid: string, input: UpdateWebhookInput, options?: CallOptions): Promise<void> {
  const body = updateWebhookBody(input);
  if (body === undefined) {
    const summary = 'the update sets no field; set at least one of url, description, isActive or eventNames';
    throw rejectBeforeSending(context, new OcrolusValidationError('OCR_VALIDATION', summary, { operation: 'updateWebhook', organization: context.organization, uuid }));
  }

  await executeCall(context, { operation: 'updateWebhook', uuid, body, parse: ignoreResponse }, options);
}

/** Update, activate and deactivate return `{}` or null; nothing in it is needed. */
export function ignoreResponse(): void {}
