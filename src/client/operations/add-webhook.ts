import { executeCall } from '../call';
import type { ClientContext } from '../context';
import { isRecord } from '../envelope';
import type { AddWebhookInput, AddWebhookResult, CallOptions } from '../types';
import { sameWebhookUrl } from '../url-match';
import { addWebhookBody, readWebhook, ShapeError } from '../wire';
import { listWebhooks } from './list-webhooks';

/**
 * `POST /webhook`. Add is not idempotent, so it is never sent again blindly: after an ambiguous
 * failure the webhooks are listed, and one with the same URL is returned with `recovered: true`.
 * NOTE: a webhook that already had this URL before the add is returned the same way. The API
 * rejects duplicate URLs, so that happens only when the caller adds a URL without listing first.
 */
export function addWebhook(context: ClientContext, input: AddWebhookInput, options?: CallOptions): Promise<AddWebhookResult> {
  context.redactor.addSecret(urlPassword(input.url));

  return executeCall(
    context,
    {
      operation: 'addWebhook',
      body: addWebhookBody(input),
      parse: readAddResult,
      recover: async () => {
        const webhooks = await listWebhooks(context, options);
        const match = webhooks.find((webhook) => sameWebhookUrl(webhook.url, input.url));
        return match === undefined ? undefined : { uuid: match.uuid, webhook: match, recovered: true };
      },
    },
    options,
  );
}

/** Reads `{uuid}`, the whole webhook, or a `{webhook: ...}` wrapper. */
function readAddResult(response: unknown): AddWebhookResult {
  const value = isRecord(response) && response.uuid === undefined && isRecord(response.webhook) ? response.webhook : response;
  if (!isRecord(value) || typeof value.uuid !== 'string' || value.uuid === '') {
    throw new ShapeError('the add response has no webhook uuid');
  }

  if (typeof value.url !== 'string') return { uuid: value.uuid };
  return { uuid: value.uuid, webhook: readWebhook(value) };
}

function urlPassword(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
