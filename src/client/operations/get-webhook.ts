import { executeCall } from '../call';
import type { ClientContext } from '../context';
import { isRecord } from '../envelope';
import type { ApiWebhook, CallOptions } from '../types';
import { readWebhook } from '../wire';

/** `GET /webhook/{uuid}`: one webhook without its events; throws `OcrolusNotFoundError` when it does not exist. */
export function getWebhook(context: ClientContext, uuid: string, options?: CallOptions): Promise<ApiWebhook> {
  return executeCall(context, { operation: 'getWebhook', uuid, parse: readWrappedWebhook }, options);
}

/** Reads the webhook itself or a `{webhook: ...}` wrapper around it. */
function readWrappedWebhook(response: unknown): ApiWebhook {
  if (isRecord(response) && response.uuid === undefined && isRecord(response.webhook)) return readWebhook(response.webhook);
  return readWebhook(response);
}
