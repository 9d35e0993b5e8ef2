import { executeCall } from '../call';
import type { ClientContext } from '../context';
import { isRecord } from '../envelope';
import type { CallOptions, TestDeliveryReport, TestWebhookResult } from '../types';
import { readDelivery } from '../wire';

/**
 * `POST /webhook/{uuid}/test` with `{"event_uuid"}`. Each call sends a delivery, so it is repeated
 * only after a 429 or when the request surely never left the client.
 */
export function testWebhook(context: ClientContext, uuid: string, eventUuid: string, options?: CallOptions): Promise<TestWebhookResult> {
  return executeCall(
    context,
    {
      operation: 'testWebhook',
      uuid,
      body: { event_uuid: eventUuid },
      parse: (response, body) => readTestResult(context, response, body),
    },
    options,
  );
}

/** Reads `{uuid}` as the test request's uuid and anything else as the sample payload, plus an optional `delivery` report. */
function readTestResult(context: ClientContext, response: unknown, body: unknown): TestWebhookResult {
  const deliveryValue = isRecord(response) && 'delivery' in response ? response.delivery : isRecord(body) ? body.delivery : undefined;
  const delivery = maskDelivery(context, readDelivery(deliveryValue));

  let payload: unknown = response;
  if (isRecord(response) && 'delivery' in response) {
    const { delivery: _delivery, ...rest } = response;
    payload = rest;
  }

  if (isRecord(payload) && typeof payload.uuid === 'string' && payload.uuid !== '') {
    return { requestUuid: payload.uuid, ...(delivery ? { delivery } : {}) };
  }
  return { payload, ...(delivery ? { delivery } : {}) };
}

/** Blanks credentials in the reported headers and body: the receiver's URL may embed a password. */
function maskDelivery(context: ClientContext, delivery: TestDeliveryReport | undefined): TestDeliveryReport | undefined {
  if (delivery === undefined) return undefined;
  return context.redactor.value(delivery) as TestDeliveryReport;
}
