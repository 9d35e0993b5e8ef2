import { isNotFound } from '../client/errors';
import type { WebhookApi } from '../client/types';
import { AdoptionError, createWebhook, sameUrl } from '../core';
import type { AdoptTarget, NormalizedSpec, WebhookOutcome } from '../core';

/**
 * Creates the webhook through the core, taking over the one `adopt` names when it exists. When no
 * webhook has that uuid or URL, it adds a new webhook instead. Pulumi creates a resource again
 * after a refresh found its webhook deleted elsewhere, with the same inputs, and nothing
 * distinguishes that create from the first one. So a kept `adopt` must not block it.
 */
export async function createOrAdopt(api: WebhookApi, desired: NormalizedSpec, adopt: AdoptTarget | undefined): Promise<WebhookOutcome> {
  if (!adopt) return createWebhook(api, desired);

  try {
    return await createWebhook(api, desired, { adopt });
  } catch (error) {
    if (!(error instanceof AdoptionError) || (await targetExists(api, adopt))) throw error;
  }
  return createWebhook(api, desired);
}

async function targetExists(api: WebhookApi, adopt: AdoptTarget): Promise<boolean> {
  if (adopt.uuid) {
    try {
      await api.getWebhook(adopt.uuid);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  const url = adopt.url;
  if (!url) return true;
  return (await api.listWebhooks()).some((webhook) => sameUrl(webhook.url, url));
}
