import { executeCall } from '../call';
import type { ClientContext } from '../context';
import type { ApiWebhook, CallOptions } from '../types';
import { readList, readWebhook } from '../wire';

/** `GET /webhooks`: every webhook of the organization, without events. The API does not paginate. */
export function listWebhooks(context: ClientContext, options?: CallOptions): Promise<ApiWebhook[]> {
  return executeCall(context, { operation: 'listWebhooks', parse: (response) => readList(response, 'webhooks', readWebhook) }, options);
}
