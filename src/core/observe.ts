import { isNotFound } from '../client/errors';
import type { ApiWebhook, CallOptions, WebhookApi } from '../client/types';
import { normalizeEvents } from './normalize';
import type { ObservedWebhook } from './spec';

/**
 * Reads one webhook and its subscribed events. Returns `undefined` only when the API reports that
 * the webhook does not exist; every other failure, authorization included, is thrown.
 */
export async function observeWebhook(api: WebhookApi, uuid: string, options: CallOptions = {}): Promise<ObservedWebhook | undefined> {
  let webhook: ApiWebhook;
  try {
    webhook = await api.getWebhook(uuid, options);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }

  try {
    return await withEvents(api, webhook, options);
  } catch (error) {
    // Deleted between the two calls.
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Reads every webhook of the organization with its events: one list call and one events call per webhook. */
export async function observeOrganization(api: WebhookApi, options: CallOptions = {}): Promise<ObservedWebhook[]> {
  const webhooks = await api.listWebhooks(options);

  const observed = await Promise.all(
    webhooks.map(async (webhook) => {
      try {
        return await withEvents(api, webhook, options);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    }),
  );

  return observed.filter((webhook): webhook is ObservedWebhook => webhook !== undefined);
}

async function withEvents(api: WebhookApi, webhook: ApiWebhook, options: CallOptions): Promise<ObservedWebhook> {
  const events = await api.listWebhookEvents(webhook.uuid, options);

  const eventUuids: Record<string, string> = {};
  for (const event of events) eventUuids[event.name] = event.uuid;

  return {
    uuid: webhook.uuid,
    url: webhook.url,
    description: webhook.description ?? null,
    active: webhook.isActive,
    events: normalizeEvents(events.map((event) => event.name)),
    eventUuids,
    ...(webhook.createdOn ? { createdOn: webhook.createdOn } : {}),
    ...(webhook.lastModifiedDate ? { lastModifiedDate: webhook.lastModifiedDate } : {}),
  };
}
