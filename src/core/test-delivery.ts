import type { CallOptions, TestDeliveryReport, WebhookApi } from '../client/types';
import { AdoptionError } from './errors';

export interface TestDelivery {
  readonly eventName: string;
  readonly eventUuid: string;
  /** Uuid of the test request, when the API returns one. */
  readonly requestUuid?: string;
  /** The sample payload, when the API returns it instead of a uuid. */
  readonly payload?: unknown;
  /** The delivery's status, headers (signature masked) and body, when the API reports them. */
  readonly delivery?: TestDeliveryReport;
}

/** Headers whose values are masked before a delivery report leaves the core. */
const MASKED_HEADERS = new Set(['webhook-signature', 'authorization', 'proxy-authorization']);

/**
 * Sends a test delivery for one of the webhook's subscribed events (the first one in name order
 * by default). The test call needs the event's uuid, which comes from the webhook's events.
 */
export async function sendTestDelivery(api: WebhookApi, uuid: string, eventName?: string, options: CallOptions = {}): Promise<TestDelivery> {
  const events = await api.listWebhookEvents(uuid, options);
  const sorted = [...events].sort((a, b) => a.name.localeCompare(b.name));
  const event = eventName === undefined ? sorted[0] : sorted.find((candidate) => candidate.name === eventName);
  if (!event) {
    const subscribed = sorted.map((candidate) => candidate.name).join(', ') || 'none';
    throw new AdoptionError(`Cannot test webhook ${uuid} in organization ${api.organization} with event ${eventName ?? '(first)'}: it is subscribed to ${subscribed}. Pick one of those events.`);
  }

  const result = await api.testWebhook(uuid, event.uuid, options);
  return {
    eventName: event.name,
    eventUuid: event.uuid,
    ...(result.requestUuid !== undefined ? { requestUuid: result.requestUuid } : {}),
    ...(result.payload !== undefined ? { payload: result.payload } : {}),
    ...(result.delivery ? { delivery: maskDelivery(result.delivery) } : {}),
  };
}

function maskDelivery(report: TestDeliveryReport): TestDeliveryReport {
  if (!report.headers) return report;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(report.headers)) headers[name] = MASKED_HEADERS.has(name.toLowerCase()) ? '***' : value;
  return { ...report, headers };
}
