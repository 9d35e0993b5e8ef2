import { randomUUID } from 'node:crypto';

import { ApiError, EmulatorInputError } from './errors';
import { copyWebhook, type EmulatorStore } from './store';
import { checkCapacity, checkUniqueUrl, checkWebhookFields, storedUrl, uniqueEvents, type WebhookFields } from './webhook-rules';
import type { EmulatorWebhook } from './types';

/** Fields a Dashboard user can change on a webhook. */
export interface WebhookPatch {
  url?: string;
  description?: string | null;
  isActive?: boolean;
  events?: string[];
}

/** Fields of a webhook created from the Dashboard. */
export interface WebhookSeed {
  url: string;
  description?: string | null;
  isActive?: boolean;
  events: string[];
}

const PATCH_FIELDS = ['url', 'description', 'isActive', 'events'];

/**
 * Creates a webhook out of band, as a user would in the Dashboard. The API's rules apply (valid
 * URL and events, unique URL, at most 5 webhooks); violations throw EmulatorInputError.
 */
export function seedWebhook(store: EmulatorStore, clock: () => number, organizationId: string, seed: WebhookSeed): EmulatorWebhook {
  const organization = store.requireOrganization(organizationId);
  const fields = checkPatchShape(seed, true);
  const variants = store.variants;

  const url = withInputErrors(() => {
    checkWebhookFields(fields);
    checkCapacity(organization);
    const stored = storedUrl(fields.url ?? '', variants);
    checkUniqueUrl(organization, stored, variants);
    return stored;
  });

  const now = new Date(clock()).toISOString();
  const webhook: EmulatorWebhook = {
    uuid: randomUUID(),
    url,
    description: fields.description ?? null,
    isActive: fields.isActive ?? true,
    events: fields.events ?? [],
    createdOn: now,
    lastModifiedDate: now,
  };
  store.insertWebhook(organization.id, webhook);
  return copyWebhook(webhook);
}

/** Changes a webhook out of band. Unlike the update route, is_active always applies. */
export function editWebhook(store: EmulatorStore, clock: () => number, organizationId: string, uuid: string, patch: WebhookPatch): EmulatorWebhook {
  const organization = store.requireOrganization(organizationId);
  const webhook = requireWebhook(store, organizationId, uuid);
  const fields = checkPatchShape(patch, false);
  const variants = store.variants;

  const changes: Partial<EmulatorWebhook> = { ...fields, lastModifiedDate: new Date(clock()).toISOString() };
  withInputErrors(() => {
    checkWebhookFields(fields);
    if (fields.url !== undefined) {
      changes.url = storedUrl(fields.url, variants);
      checkUniqueUrl(organization, changes.url, variants, webhook.uuid);
    }
  });

  store.updateWebhook(organization.id, webhook.uuid, changes);
  return copyWebhook(requireWebhook(store, organizationId, uuid));
}

/** Deletes a webhook out of band; throws EmulatorInputError (404) when it does not exist. */
export function removeWebhook(store: EmulatorStore, organizationId: string, uuid: string): void {
  store.requireOrganization(organizationId);
  requireWebhook(store, organizationId, uuid);
  store.deleteWebhook(organizationId, uuid);
}

function requireWebhook(store: EmulatorStore, organizationId: string, uuid: string): EmulatorWebhook {
  const webhook = store.webhook(organizationId, uuid);
  if (webhook === undefined) {
    throw new EmulatorInputError(`Webhook ${uuid} not found in organization "${organizationId}".`, 404);
  }
  return webhook;
}

/** Checks field names and types of a seed or patch and returns the fields it sets. */
function checkPatchShape(value: unknown, creating: boolean): WebhookFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorInputError('A webhook change must be an object with url, description, isActive or events.');
  }
  const input = value as Record<string, unknown>;

  const unknown = Object.keys(input).filter((key) => !PATCH_FIELDS.includes(key) && input[key] !== undefined);
  if (unknown.length > 0) {
    throw new EmulatorInputError(`Unknown webhook field(s) ${unknown.join(', ')}; expected ${PATCH_FIELDS.join(', ')}.`);
  }
  if (creating && (typeof input.url !== 'string' || !Array.isArray(input.events))) {
    throw new EmulatorInputError('A new webhook needs a string "url" and an "events" array.');
  }

  const fields: WebhookFields = {};
  if (input.url !== undefined) {
    if (typeof input.url !== 'string') {
      throw new EmulatorInputError('Webhook field "url" must be a string.');
    }
    fields.url = input.url;
  }
  if (input.description !== undefined) {
    if (input.description !== null && typeof input.description !== 'string') {
      throw new EmulatorInputError('Webhook field "description" must be a string or null.');
    }
    fields.description = input.description;
  }
  if (input.isActive !== undefined) {
    if (typeof input.isActive !== 'boolean') {
      throw new EmulatorInputError('Webhook field "isActive" must be a boolean.');
    }
    fields.isActive = input.isActive;
  }
  if (input.events !== undefined) {
    if (!Array.isArray(input.events) || !input.events.every((event) => typeof event === 'string')) {
      throw new EmulatorInputError('Webhook field "events" must be an array of event names.');
    }
    fields.events = uniqueEvents(input.events);
  }
  return fields;
}

/** Runs API rule checks, reporting their failures as EmulatorInputError. */
function withInputErrors<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ApiError) {
      throw new EmulatorInputError(error.message);
    }
    throw error;
  }
}
