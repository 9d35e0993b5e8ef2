/**
 * Conversion between the API's snake_case wire objects and the client's camelCase types. Readers
 * throw `ShapeError` for a response that matches no known variant.
 */
import { isRecord } from './envelope';
import type { AddWebhookInput, ApiEvent, ApiWebhook, TestDeliveryReport, UpdateWebhookInput } from './types';

/** A success response whose shape matches no known variant; reported as `OcrolusInvalidResponseError`. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

/** Reads a webhook object: `uuid` and `url` are required, `is_active` defaults to true as the API does. */
export function readWebhook(value: unknown): ApiWebhook {
  if (!isRecord(value)) throw new ShapeError('the webhook is not an object');
  if (typeof value.uuid !== 'string' || value.uuid === '') throw new ShapeError('the webhook has no uuid');
  if (typeof value.url !== 'string') throw new ShapeError(`webhook ${value.uuid} has no url`);

  return {
    uuid: value.uuid,
    url: value.url,
    description: typeof value.description === 'string' ? value.description : null,
    isActive: readBoolean(value.is_active) ?? true,
    ...optionalString('createdOn', value.created_on),
    ...optionalString('lastModifiedDate', value.last_modified_date),
  };
}

/** Reads an event object from the subscribed-events call. */
export function readEvent(value: unknown): ApiEvent {
  if (!isRecord(value)) throw new ShapeError('the event is not an object');
  if (typeof value.name !== 'string' || value.name === '') throw new ShapeError('the event has no name');
  if (typeof value.uuid !== 'string' || value.uuid === '') throw new ShapeError(`event ${value.name} has no uuid`);

  const isActive = readBoolean(value.is_active);
  return {
    uuid: value.uuid,
    name: value.name,
    ...(isActive === undefined ? {} : { isActive }),
    ...optionalString('type', value.type),
    ...optionalString('severity', value.severity),
    ...(typeof value.reason === 'string' || value.reason === null ? { reason: value.reason } : {}),
    ...(typeof value.description === 'string' || value.description === null ? { description: value.description } : {}),
  };
}

/** Reads a list wrapped in `{key: [...]}`; a bare array is accepted too. */
export function readList<T>(response: unknown, key: string, readItem: (item: unknown) => T): T[] {
  const list = Array.isArray(response) ? response : isRecord(response) ? response[key] : undefined;
  if (!Array.isArray(list)) throw new ShapeError(`the response has no "${key}" list`);
  return list.map(readItem);
}

/** Reads the test delivery report that the emulator adds to test responses. */
export function readDelivery(value: unknown): TestDeliveryReport | undefined {
  if (!isRecord(value)) return undefined;

  const headers: Record<string, string> = {};
  if (isRecord(value.headers)) {
    for (const [name, header] of Object.entries(value.headers)) {
      if (typeof header === 'string') headers[name] = header;
      else if (Array.isArray(header)) headers[name] = header.map(String).join(', ');
    }
  }

  return {
    ...(typeof value.status === 'number' ? { status: value.status } : {}),
    ...(isRecord(value.headers) ? { headers } : {}),
    ...(typeof value.body === 'string' ? { body: value.body } : value.body !== undefined ? { body: JSON.stringify(value.body) } : {}),
    ...(typeof value.error === 'string' ? { error: value.error } : {}),
  };
}

/** Builds the add request body. `is_active` is sent only when set, so the API default applies otherwise. */
export function addWebhookBody(input: AddWebhookInput): Record<string, unknown> {
  const webhook: Record<string, unknown> = { url: input.url };
  if (input.description !== undefined) webhook.description = input.description;
  if (input.isActive !== undefined) webhook.is_active = input.isActive;
  return { webhook, event_names: [...input.eventNames] };
}

/** Builds the update request body, or undefined when the input sets no field. */
export function updateWebhookBody(input: UpdateWebhookInput): Record<string, unknown> | undefined {
  const webhook: Record<string, unknown> = {};
  if (input.url !== undefined) webhook.url = input.url;
  if (input.description !== undefined) webhook.description = input.description;
  if (input.isActive !== undefined) webhook.is_active = input.isActive;

  const body: Record<string, unknown> = {};
  if (Object.keys(webhook).length > 0) body.webhook = webhook;
  if (input.eventNames !== undefined) body.event_names = [...input.eventNames];
  return Object.keys(body).length > 0 ? body : undefined;
}

function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' ? { [key]: value } : {}) as { [P in K]?: string };
}
