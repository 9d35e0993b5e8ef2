import type { WebhookApi } from '../client/types';
import { sendTestDelivery } from '../core';
import type { ObservedWebhook } from '../core';
import type { LastTestOutputs, TestOnApplyInputs } from './properties';

/** Fields whose change makes an update send a test delivery when `testOnApply` is set. */
export const TESTED_FIELDS: readonly string[] = ['url', 'events', 'secret'];

/**
 * Sends the test delivery that `testOnApply` requests and reports its result. A failure of the
 * test call itself is reported as a failed test, not thrown, because the caller decides from
 * `failOnError` whether it fails the apply.
 */
export async function runTestOnApply(api: WebhookApi, webhook: ObservedWebhook, options: TestOnApplyInputs, now: () => Date = () => new Date()): Promise<LastTestOutputs> {
  const eventName = options.event ?? webhook.events[0] ?? '';
  const testedAt = now().toISOString();

  // Ocrolus tests active webhooks only (the Dashboard offers Test on active ones).
  if (!webhook.active) return { eventName, outcome: 'skipped', error: 'the webhook is inactive, and Ocrolus tests active webhooks only', testedAt };

  try {
    const result = await sendTestDelivery(api, webhook.uuid, options.event);
    const delivery = result.delivery;
    const base = { eventName: result.eventName, testedAt, ...(result.requestUuid !== undefined ? { requestUuid: result.requestUuid } : {}) };
    if (!delivery) return { ...base, outcome: 'sent' };

    const status = delivery.status;
    const delivered = status !== undefined && status >= 200 && status < 300 && delivery.error === undefined;
    if (delivered) return { ...base, outcome: 'delivered', status };

    const error = delivery.error ?? `the receiver returned HTTP ${status ?? 'with no status'}`;
    return { ...base, outcome: 'failed', ...(status !== undefined ? { status } : {}), error };
  } catch (error) {
    return { eventName, outcome: 'failed', error: error instanceof Error ? error.message : String(error), testedAt };
  }
}

/** Formats the message of a create or update that fails because of `failOnError`. */
export function describeFailedTest(name: string, uuid: string, test: LastTestOutputs): string {
  return (
    `The test delivery of webhook ${name} (uuid ${uuid}) with event ${test.eventName} failed: ${test.error ?? 'no details'}. ` +
    'The webhook itself was written and is recorded in the stack. Fix the receiver and run pulumi up again, or set testOnApply.failOnError to false.'
  );
}
