import { executeCall } from '../call';
import type { ClientContext } from '../context';
import type { CallOptions } from '../types';
import { ignoreResponse } from './update-webhook';

/** Activation: an update that sends only `{"webhook": {"is_active": true}}`, logged and reported as `activateWebhook`. */
export async function activateWebhook(context: ClientContext, uuid: string, options?: CallOptions): Promise<void> {
  await executeCall(context, { operation: 'activateWebhook', uuid, body: { webhook: { is_active: true } }, parse: ignoreResponse }, options);
}

/** Deactivation: an update that sends only `{"webhook": {"is_active": false}}`, logged and reported as `deactivateWebhook`. */
export async function deactivateWebhook(context: ClientContext, uuid: string, options?: CallOptions): Promise<void> {
  await executeCall(context, { operation: 'deactivateWebhook', uuid, body: { webhook: { is_active: false } }, parse: ignoreResponse }, options);
}
