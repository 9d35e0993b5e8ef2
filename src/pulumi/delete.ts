import { deleteWebhook } from '../core';
import type { WebhookApi } from '../client/types';

/** Deletes the webhook; one already deleted elsewhere counts as deleted. */
export async function deleteResource(api: WebhookApi, id: string): Promise<void> {
  if (id === '') return;
  await deleteWebhook(api, id);
}
