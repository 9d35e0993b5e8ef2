import { findEventByName } from './catalog';
import { ApiError } from './errors';
import { checkWebhookUrl, maskUrlPassword, normalizeUrl } from './urls';
import type { OrganizationRecord } from './store';
import type { EmulatorVariants } from './types';

/** Maximum number of webhooks per organization. */
export const MAX_WEBHOOKS_PER_ORGANIZATION = 5;

/** Length bounds of a description, in characters. */
export const DESCRIPTION_MIN_LENGTH = 3;
export const DESCRIPTION_MAX_LENGTH = 255;

/** Length bounds of a signing secret, in characters. */
export const SECRET_MIN_LENGTH = 16;
export const SECRET_MAX_LENGTH = 128;

/** Validation failure (status 400, code 1000). */
const VALIDATION = 1000;
/** Malformed JSON body. */
const INVALID_JSON = 1002;
/** A field of the wrong type. */
const REQUEST_VALIDATION = 1003;
/** A required parameter is missing. */
const MISSING_PARAMETER = 1103;

/** Webhook fields of an add or update request, already type-checked. */
export interface WebhookFields {
  url?: string;
  description?: string | null;
  isActive?: boolean;
  events?: string[];
}

/** Parses a JSON request body that must be an object; an empty body counts as `{}`. */
export function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === '') {
    return {};
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError(400, INVALID_JSON, 'Invalid JSON in request body');
  }
  if (!isObject(parsed)) {
    throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: the body must be a JSON object');
  }
  return parsed;
}

/** Reads the body of an add request: `{webhook: {url, description?, is_active?}, event_names}`. */
export function readAddRequest(body: Record<string, unknown>): WebhookFields & { url: string; events: string[] } {
  if (body.webhook === undefined || body.webhook === null) {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: webhook');
  }
  const fields = readWebhookObject(body.webhook);
  if (fields.url === undefined) {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: webhook.url');
  }
  if (body.event_names === undefined || body.event_names === null) {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: event_names');
  }
  return { ...fields, url: fields.url, events: readEventNames(body.event_names) };
}

/** Reads the body of an update request; at least one of `webhook` and `event_names` is required. */
export function readUpdateRequest(body: Record<string, unknown>): WebhookFields {
  const hasWebhook = body.webhook !== undefined && body.webhook !== null;
  const hasEvents = body.event_names !== undefined && body.event_names !== null;
  if (!hasWebhook && !hasEvents) {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: webhook or event_names');
  }

  const fields = hasWebhook ? readWebhookObject(body.webhook) : {};
  return hasEvents ? { ...fields, events: readEventNames(body.event_names) } : fields;
}

/** Reads `secret_key` of a rotate-secret request and checks its length. */
export function readSecretKey(body: Record<string, unknown>): string {
  if (body.secret_key === undefined || body.secret_key === null) {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: secret_key');
  }
  if (typeof body.secret_key !== 'string') {
    throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: secret_key must be a string');
  }

  const length = [...body.secret_key].length;
  if (length < SECRET_MIN_LENGTH || length > SECRET_MAX_LENGTH) {
    throw new ApiError(400, VALIDATION, `secret_key must be between ${SECRET_MIN_LENGTH} and ${SECRET_MAX_LENGTH} characters long`);
  }
  return body.secret_key;
}

/** Reads `event_uuid` of a test request. */
export function readEventUuid(body: Record<string, unknown>): string {
  if (body.event_uuid === undefined || body.event_uuid === null || body.event_uuid === '') {
    throw new ApiError(400, MISSING_PARAMETER, 'Required parameter missing: event_uuid');
  }
  if (typeof body.event_uuid !== 'string') {
    throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: event_uuid must be a string');
  }
  return body.event_uuid;
}

/** Checks the values of webhook fields: URL, description and event names. */
export function checkWebhookFields(fields: WebhookFields): void {
  if (fields.url !== undefined) {
    const problem = checkWebhookUrl(fields.url);
    if (problem !== undefined) {
      throw new ApiError(400, VALIDATION, problem);
    }
  }

  if (typeof fields.description === 'string') {
    const length = [...fields.description].length;
    if (length < DESCRIPTION_MIN_LENGTH) {
      throw new ApiError(400, VALIDATION, `Description must be at least ${DESCRIPTION_MIN_LENGTH} characters long`);
    }
    if (length > DESCRIPTION_MAX_LENGTH) {
      throw new ApiError(400, VALIDATION, `Description must be at most ${DESCRIPTION_MAX_LENGTH} characters long`);
    }
  }

  if (fields.events !== undefined) {
    if (fields.events.length === 0) {
      throw new ApiError(400, VALIDATION, 'At least one event name is required');
    }
    const unknown = fields.events.filter((name) => findEventByName(name) === undefined);
    if (unknown.length > 0) {
      throw new ApiError(400, VALIDATION, `Event(s) with name ${unknown.join(', ')} doesnt exist`);
    }
  }
}

/** Rejects an add when the organization already has the maximum number of webhooks. */
export function checkCapacity(organization: OrganizationRecord): void {
  if (organization.webhooks.length >= MAX_WEBHOOKS_PER_ORGANIZATION) {
    throw new ApiError(
      400,
      VALIDATION,
      `Maximum number of webhooks (${MAX_WEBHOOKS_PER_ORGANIZATION}) reached for this organization; delete a webhook before adding another`,
    );
  }
}

/**
 * Rejects a URL that another webhook of the organization already has. The duplicateUrls variant
 * selects an exact or a normalized comparison. `url` is the form that would be stored.
 */
export function checkUniqueUrl(organization: OrganizationRecord, url: string, variants: EmulatorVariants, exceptUuid?: string): void {
  const comparable = (value: string): string => (variants.duplicateUrls === 'normalized' ? normalizeUrl(value) : value);
  const requested = comparable(url);

  const clash = organization.webhooks.find((webhook) => webhook.uuid !== exceptUuid && comparable(webhook.url) === requested);
  if (clash !== undefined) {
    throw new ApiError(400, VALIDATION, `Webhook with url ${maskUrlPassword(url)} already exists`);
  }
}

/** Returns the form in which a URL is stored: as sent, or normalized, per the urlStorage variant. */
export function storedUrl(url: string, variants: EmulatorVariants): string {
  return variants.urlStorage === 'normalized' ? normalizeUrl(url) : url;
}

/** Deduplicates event names, keeping the first occurrence's position. */
export function uniqueEvents(events: readonly string[]): string[] {
  return [...new Set(events)];
}

function readWebhookObject(value: unknown): WebhookFields {
  if (!isObject(value)) {
    throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: webhook must be an object');
  }

  const fields: WebhookFields = {};
  if (value.url !== undefined && value.url !== null) {
    if (typeof value.url !== 'string') {
      throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: webhook.url must be a string');
    }
    fields.url = value.url;
  }
  if (value.description !== undefined) {
    if (value.description !== null && typeof value.description !== 'string') {
      throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: webhook.description must be a string or null');
    }
    fields.description = value.description;
  }
  if (value.is_active !== undefined && value.is_active !== null) {
    if (typeof value.is_active !== 'boolean') {
      throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: webhook.is_active must be a boolean');
    }
    fields.isActive = value.is_active;
  }
  return fields;
}

function readEventNames(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
    throw new ApiError(400, REQUEST_VALIDATION, 'Request validation failed: event_names must be an array of strings');
  }
  return uniqueEvents(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
