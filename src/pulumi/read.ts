import type * as pulumi from '@pulumi/pulumi';

import { observeWebhook } from '../core';
import type { WebhookApi } from '../client/types';
import { inputsFromOutputs, outputsFromRefresh } from './properties';
import type { WebhookOutputs } from './properties';

/**
 * Refresh: reads the webhook as it is now, so changes made in the Dashboard show up as drift. The
 * returned inputs describe the observed webhook, so the next preview compares the program with
 * what the API holds. An empty id means to the engine that the webhook is gone. An authorization
 * error is thrown, never read as gone.
 */
export async function readResource(api: WebhookApi, id: string, previous: Partial<WebhookOutputs>): Promise<pulumi.dynamic.ReadResult> {
  const observed = await observeWebhook(api, id);
  if (!observed) return { id: '', props: {} as WebhookOutputs };

  const props = outputsFromRefresh(observed, previous);
  return { id: observed.uuid, props, inputs: inputsFromOutputs(props) };
}
