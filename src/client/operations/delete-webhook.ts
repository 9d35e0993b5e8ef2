import { executeCall } from '../call';
import type { ClientContext } from '../context';
import type { CallOptions } from '../types';
import { ignoreResponse } from './update-webhook';

/**
 * `DELETE /webhook/{uuid}/delete`. Throws `OcrolusNotFoundError` when the webhook does not exist;
 * the core decides whether that counts as success. A retry after an ambiguous first attempt can
 * therefore report not found for a webhook that attempt deleted.
 */
export async function deleteWebhook(context: ClientContext, uuid: string, options?: CallOptions): Promise<void> {
  await executeCall(context, { operation: 'deleteWebhook', uuid, parse: ignoreResponse }, options);
}
