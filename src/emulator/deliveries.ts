import { createHmac, randomInt, randomUUID } from 'node:crypto';

import { Agent, request } from 'undici';

import { isLoopbackHost, maskUrlPassword } from './urls';
import type { CatalogEvent } from './catalog';
import type { EmulatorWebhook, RecordedDelivery } from './types';

/** Timeout of one delivery when none is configured, in milliseconds (Ocrolus documents 5 seconds). */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5000;

/** Replaces the Webhook-Signature value in the test endpoint's `delivery.headers`. */
export const MASK = '***';

/** Delivery report of the test endpoint (the emulator's `delivery` extension). */
export interface DeliveryReport {
  status?: number;
  headers: Record<string, string>;
  body: string;
  error?: string;
}

/** The result of one test delivery. */
export interface DeliveryOutcome {
  /** Value of the Webhook-Request-Id header, which the test endpoint returns as `uuid`. */
  readonly requestId: string;
  readonly payload: Record<string, unknown>;
  readonly record: RecordedDelivery;
  readonly report: DeliveryReport;
}

/** Options of the delivery agent. */
export interface DeliveryAgentOptions {
  readonly hosts: 'loopback' | 'any';
  readonly timeoutMs: number;
  readonly clock: () => number;
}

/**
 * Sends test deliveries: a sample payload POSTed as JSON to the webhook URL, signed when the
 * webhook has a secret. Deliveries to hosts other than loopback are rejected unless allowed.
 */
export class DeliveryAgent {
  private readonly dispatcher = new Agent({ keepAliveTimeout: 1000, connections: 8 });

  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: DeliveryAgentOptions) {}

  async deliver(organization: string, webhook: EmulatorWebhook, event: CatalogEvent): Promise<DeliveryOutcome> {
    const requestId = randomUUID();
    const now = this.options.clock();
    const payload = samplePayload(event);
    const body = JSON.stringify(payload);

    const target = new URL(webhook.url);
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Ocrolus-Emulator-Webhooks/1.0' };
    if (target.username !== '' || target.password !== '') {
      const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
      headers.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
      target.username = '';
      target.password = '';
    }
    if (webhook.secret !== undefined) {
      const timestamp = String(Math.floor(now / 1000));
      headers['Webhook-Signature'] = signPayload(webhook.secret, timestamp, requestId, body);
      headers['Webhook-Timestamp'] = timestamp;
      headers['Webhook-Request-Id'] = requestId;
    }

    const result = await this.send(target, headers, body);

    const recordedHeaders = maskAuthorization(headers);
    const record: RecordedDelivery = {
      organization,
      webhookUuid: webhook.uuid,
      url: maskUrlPassword(webhook.url),
      eventName: event.name,
      requestHeaders: recordedHeaders,
      body,
      ...result,
      at: new Date(now).toISOString(),
    };

    const reportHeaders = { ...recordedHeaders };
    if (reportHeaders['Webhook-Signature'] !== undefined) {
      reportHeaders['Webhook-Signature'] = MASK;
    }
    return { requestId, payload, record, report: { ...result, headers: reportHeaders, body } };
  }

  /** Aborts deliveries in flight and closes pooled connections. */
  async close(): Promise<void> {
    for (const controller of this.inFlight) {
      controller.abort();
    }
    await this.dispatcher.destroy();
  }

  private async send(target: URL, headers: Record<string, string>, body: string): Promise<{ status?: number; error?: string }> {
    const rejection = deliveryRejection(this.options.hosts, target.hostname);
    if (rejection !== undefined) {
      return { error: rejection };
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    this.inFlight.add(controller);
    try {
      const response = await request(target, { method: 'POST', headers, body, signal: controller.signal, dispatcher: this.dispatcher });
      await response.body.dump();
      return { status: response.statusCode };
    } catch (error) {
      if (controller.signal.aborted) {
        return { error: `Delivery timed out after ${this.options.timeoutMs} ms` };
      }
      return { error: `Delivery failed: ${describeError(error)}` };
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }
}

/**
 * Computes the Webhook-Signature value: lower-case hex HMAC-SHA256, keyed by the webhook secret,
 * of `<timestamp>.<request id>.<raw body>`.
 */
export function signPayload(secret: string, timestamp: string, requestId: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${requestId}.${body}`).digest('hex');
}

/** Builds the sample notification sent for an event: Ocrolus' documented fields with random ids. */
export function samplePayload(event: CatalogEvent): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    event_name: event.name,
    severity: event.severity,
    notification_type: event.type,
    notification_reason: event.reason ?? event.description,
    book_pk: randomInt(1, 10_000_000),
    book_uuid: randomUUID(),
  };

  if (event.name.startsWith('document.') || event.name.startsWith('mixed_document.')) {
    const uploadedDocUuid = randomUUID();
    payload.doc_uuid = uploadedDocUuid;
    payload.uploaded_doc_pk = randomInt(1, 10_000_000);
    payload.uploaded_doc_uuid = uploadedDocUuid;
  } else if (event.name.startsWith('book.')) {
    payload.uploaded_docs = [{ uuid: randomUUID(), status: 'COMPLETED' }];
  }
  return payload;
}

function maskAuthorization(headers: Record<string, string>): Record<string, string> {
  const masked = { ...headers };
  if (masked.Authorization !== undefined) {
    masked.Authorization = `Basic ${MASK}`;
  }
  return masked;
}

/** Describes a connection error by its message, which never contains the request's credentials. */
function describeError(error: unknown): string {
  // Duck-typed rather than instanceof: errors may come from another realm (test runners, vm contexts).
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}

/**
 * Returns why a delivery to `hostname` is rejected under the deliveryHosts policy, or undefined
 * when it may be sent.
 */
export function deliveryRejection(hosts: 'loopback' | 'any', hostname: string): string | undefined {
  if (hosts === 'any' || isLoopbackHost(hostname)) {
    return undefined;
  }
  return `Delivery to ${hostname} rejected: the emulator sends deliveries only to loopback hosts unless deliveryHosts is 'any'`;
}
