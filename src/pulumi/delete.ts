import { deleteWebhook } from '../core';
import type { WebhookApi } from '../client/types';
import { pulumiMessage, withMessage } from './messages';

/** Deletes the webhook; one already deleted elsewhere counts as deleted. `name` is the resource name, for messages. */
export async function deleteResource(api: WebhookApi, id: string, name = 'webhook'): Promise<void> {
  if (id === '') return;

  try {
    await deleteWebhook(api, id);
  } catch (error) {
    throw withMessage(error, pulumiMessage(error, { call: 'delete', name, organization: api.organization, uuid: id }));
  }
}
