import { randomUUID } from 'node:crypto';

import { findEventByName, findEventByUuid, serializeEvent } from './catalog';
import { errorReply, successReply, type Reply } from './envelope';
import { ApiError } from './errors';
import {
  checkCapacity,
  checkUniqueUrl,
  checkWebhookFields,
  parseJsonObject,
  readAddRequest,
  readEventUuid,
  readSecretKey,
  readUpdateRequest,
  storedUrl,
} from './webhook-rules';
import type { CatalogEvent } from './catalog';
import type { DeliveryAgent } from './deliveries';
import type { EmulatorStore, OrganizationRecord } from './store';
import type { EmulatorVariants, EmulatorWebhook, RecordedDelivery, RouteName } from './types';

/** Everything a webhook route needs to handle one request. */
export interface ApiContext {
  readonly store: EmulatorStore;
  readonly variants: EmulatorVariants;
  readonly organization: OrganizationRecord;
  /** Webhook uuid from the path, for routes that have one. */
  readonly uuid?: string;
  /** Raw request body. */
  readonly body: string;
  readonly clock: () => number;
  readonly deliveries: DeliveryAgent;
  readonly recordDelivery: (record: RecordedDelivery) => void;
}

type Handler = (context: ApiContext) => Reply | Promise<Reply>;

/** One handler per webhook route. The token route is handled by the request pipeline. */
const HANDLERS: Readonly<Record<Exclude<RouteName, 'token'>, Handler>> = {
  add: addWebhook,
  list: listWebhooks,
  retrieve: retrieveWebhook,
  update: updateWebhook,
  delete: deleteWebhook,
  events: listSubscribedEvents,
  test: testWebhook,
  'rotate-secret': rotateSecret,
};

/** Runs a webhook route and converts API errors to error envelopes. */
export async function answerWebhookRoute(route: Exclude<RouteName, 'token'>, context: ApiContext): Promise<Reply> {
  try {
    return await HANDLERS[route](context);
  } catch (error) {
    if (error instanceof ApiError) {
      return errorReply(context.variants, error.status, error.code, error.message);
    }
    throw error;
  }
}

/** Converts a stored webhook to its wire shape; the secret is never part of it. */
export function serializeWebhook(webhook: EmulatorWebhook, variants: EmulatorVariants): Record<string, unknown> {
  const wire: Record<string, unknown> = {
    uuid: webhook.uuid,
    url: webhook.url,
    description: webhook.description,
    is_active: webhook.isActive,
  };
  if (variants.timestamps === 'included') {
    wire.created_on = webhook.createdOn;
    wire.last_modified_date = webhook.lastModifiedDate;
  }
  return wire;
}

/** Sorts webhooks by creation time; the sort is stable, so equal times keep creation order. */
export function sortByCreation(webhooks: readonly EmulatorWebhook[]): EmulatorWebhook[] {
  return [...webhooks].sort((left, right) => left.createdOn.localeCompare(right.createdOn));
}

function addWebhook(context: ApiContext): Reply {
  const { variants, organization } = context;
  const fields = readAddRequest(parseJsonObject(context.body));
  checkWebhookFields(fields);
  checkCapacity(organization);

  const url = storedUrl(fields.url, variants);
  checkUniqueUrl(organization, url, variants);

  const now = new Date(context.clock()).toISOString();
  const webhook: EmulatorWebhook = {
    uuid: randomUUID(),
    url,
    description: fields.description ?? null,
    isActive: variants.activeOnAdd === 'ignored' ? true : (fields.isActive ?? true),
    events: fields.events,
    createdOn: now,
    lastModifiedDate: now,
  };
  context.store.insertWebhook(organization.id, webhook);

  return successReply(variants, variants.addResponse === 'webhook' ? serializeWebhook(webhook, variants) : { uuid: webhook.uuid });
}

function listWebhooks(context: ApiContext): Reply {
  const webhooks = sortByCreation(context.organization.webhooks).map((webhook) => serializeWebhook(webhook, context.variants));
  return successReply(context.variants, { webhooks });
}

function retrieveWebhook(context: ApiContext): Reply {
  const webhook = findWebhook(context);
  return successReply(context.variants, serializeWebhook(webhook, context.variants));
}

function updateWebhook(context: ApiContext): Reply {
  const { variants, organization } = context;
  const webhook = findWebhook(context);
  const fields = readUpdateRequest(parseJsonObject(context.body));
  checkWebhookFields(fields);

  const changes: Partial<EmulatorWebhook> = { lastModifiedDate: new Date(context.clock()).toISOString() };
  if (fields.url !== undefined) {
    changes.url = storedUrl(fields.url, variants);
    checkUniqueUrl(organization, changes.url, variants, webhook.uuid);
  }
  if (fields.description !== undefined) {
    changes.description = fields.description;
  }
  // NOTE: with ignoreActiveFlip the emulator acts like a broken API that accepts is_active and drops it.
  if (fields.isActive !== undefined && !variants.ignoreActiveFlip) {
    changes.isActive = fields.isActive;
  }
  if (fields.events !== undefined) {
    changes.events = fields.events;
  }

  context.store.updateWebhook(organization.id, webhook.uuid, changes);
  return successReply(variants, {});
}

function deleteWebhook(context: ApiContext): Reply {
  const webhook = findWebhook(context);
  context.store.deleteWebhook(context.organization.id, webhook.uuid);
  return successReply(context.variants, null);
}

function listSubscribedEvents(context: ApiContext): Reply {
  const webhook = findWebhook(context);
  const events = webhook.events
    .map((name) => findEventByName(name))
    .filter((event): event is CatalogEvent => event !== undefined)
    .map(serializeEvent);
  return successReply(context.variants, { events });
}

async function testWebhook(context: ApiContext): Promise<Reply> {
  const { variants, organization } = context;
  const webhook = findWebhook(context);
  const eventUuid = readEventUuid(parseJsonObject(context.body));

  const event = findEventByUuid(eventUuid);
  if (event === undefined) {
    throw new ApiError(400, 1000, `Event with uuid ${eventUuid} doesnt exist`);
  }
  if (!webhook.isActive) {
    throw new ApiError(400, 1000, `Webhook with uuid ${webhook.uuid} is inactive; only active webhooks can be tested`);
  }
  if (!webhook.events.includes(event.name)) {
    throw new ApiError(400, 1000, `Webhook with uuid ${webhook.uuid} is not subscribed to event ${event.name}`);
  }

  const outcome = await context.deliveries.deliver(organization.id, webhook, event);
  context.recordDelivery(outcome.record);

  const response = variants.testResponse === 'payload' ? { ...outcome.payload } : { uuid: outcome.requestId };
  return successReply(variants, { ...response, delivery: outcome.report });
}

function rotateSecret(context: ApiContext): Reply {
  const webhook = context.store.webhook(context.organization.id, context.uuid ?? '');
  if (webhook === undefined) {
    // Ocrolus documents its own not-found body for this route, whatever the other routes send.
    return { httpStatus: 404, body: { error: 'Webhook not found' } };
  }

  const secret = readSecretKey(parseJsonObject(context.body));
  context.store.updateWebhook(context.organization.id, webhook.uuid, { secret });
  return successReply(context.variants, { status: 'success', message: 'Secret key updated successfully' });
}

/** Returns the webhook of the path's uuid, or throws the not-found error of the notFound variant. */
function findWebhook(context: ApiContext): EmulatorWebhook {
  const uuid = context.uuid ?? '';
  const webhook = context.store.webhook(context.organization.id, uuid);
  if (webhook === undefined) {
    const status = context.variants.notFound === 'http-404' ? 404 : 400;
    throw new ApiError(status, 1000, `Webhook with uuid ${uuid} not found`);
  }
  return webhook;
}
