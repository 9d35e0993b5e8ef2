import { executeCall } from '../call';
import type { ClientContext } from '../context';
import type { ApiEvent, CallOptions } from '../types';
import { readEvent, readList } from '../wire';

/** `GET /webhook/{uuid}/events`: the events the webhook is subscribed to. */
export function listWebhookEvents(context: ClientContext, uuid: string, options?: CallOptions): Promise<ApiEvent[]> {
  return executeCall(context, { operation: 'listWebhookEvents', uuid, parse: (response) => readList(response, 'events', readEvent) }, options);
}
