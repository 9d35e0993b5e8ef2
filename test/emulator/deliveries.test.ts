import { createHmac } from 'node:crypto';

import { eventUuid, signPayload, type Emulator } from '../../src/emulator';
import { callApi, startReceiver, startTestEmulator, tokenFor, type Receiver } from './helpers';

const SECRET = 'delivery-test-signing-secret-42';

describe('emulator test deliveries', () => {
  let emulator: Emulator;
  let receiver: Receiver;
  let token: string;

  beforeEach(async () => {
    receiver = await startReceiver();
    emulator = await startTestEmulator({ deliveryTimeoutMs: 500 });
    token = await tokenFor(emulator);
  });

  afterEach(async () => {
    await emulator.close();
    await receiver.close();
  });

  function testCall(uuid: string, event = 'book.verified'): ReturnType<typeof callApi> {
    return callApi(emulator, token, 'POST', `/webhook/${uuid}/test`, { event_uuid: eventUuid(event) });
  }

  test('signed delivery verifies with the secret', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.verified'] });
    await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: SECRET });

    const result = await testCall(uuid);

    expect(result.status).toBe(200);
    expect(receiver.received).toHaveLength(1);
    const [delivered] = receiver.received;
    expect(delivered.method).toBe('POST');
    expect(delivered.path).toBe('/hook');
    expect(delivered.headers['content-type']).toBe('application/json');

    const timestamp = delivered.headers['webhook-timestamp'] as string;
    const requestId = delivered.headers['webhook-request-id'] as string;
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${requestId}.${delivered.body}`).digest('hex');
    expect(delivered.headers['webhook-signature']).toBe(expected);
    expect(signPayload(SECRET, timestamp, requestId, delivered.body)).toBe(expected);

    expect(result.body.response).toEqual({
      uuid: requestId,
      delivery: {
        status: 200,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Ocrolus-Emulator-Webhooks/1.0',
          'Webhook-Signature': '***',
          'Webhook-Timestamp': timestamp,
          'Webhook-Request-Id': requestId,
        },
        body: delivered.body,
      },
    });
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
  });

  test('sample payload carries the documented fields', async () => {
    const book = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.verified'] });
    const document = emulator.seedWebhook('acme', { url: `${receiver.url}/docs`, events: ['document.verification_failed'] });

    await testCall(book.uuid, 'book.verified');
    await testCall(document.uuid, 'document.verification_failed');

    const bookPayload = JSON.parse(receiver.received[0].body);
    expect(bookPayload).toEqual({
      event_name: 'book.verified',
      severity: 'MODERATE',
      notification_type: 'STATUS',
      notification_reason: 'Book is verified',
      book_pk: expect.any(Number),
      book_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      uploaded_docs: [{ uuid: expect.any(String), status: 'COMPLETED' }],
    });
    const documentPayload = JSON.parse(receiver.received[1].body);
    expect(documentPayload).toEqual({
      event_name: 'document.verification_failed',
      severity: 'HIGH',
      notification_type: 'ISSUE',
      notification_reason: 'Verification failed',
      book_pk: expect.any(Number),
      book_uuid: expect.any(String),
      doc_uuid: expect.any(String),
      uploaded_doc_pk: expect.any(Number),
      uploaded_doc_uuid: expect.any(String),
    });
  });

  test('no signature headers before a secret is set', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.verified'] });

    const result = await testCall(uuid);

    const [delivered] = receiver.received;
    expect(delivered.headers['webhook-signature']).toBeUndefined();
    expect(delivered.headers['webhook-timestamp']).toBeUndefined();
    expect(delivered.headers['webhook-request-id']).toBeUndefined();
    expect(result.body.response.delivery.headers).toEqual({ 'Content-Type': 'application/json', 'User-Agent': 'Ocrolus-Emulator-Webhooks/1.0' });
  });

  test('deliveries() records each attempt', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.verified'] });
    await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: SECRET });

    await testCall(uuid);

    const [delivered] = receiver.received;
    expect(emulator.deliveries()).toEqual([
      {
        organization: 'acme',
        webhookUuid: uuid,
        url: receiver.url,
        eventName: 'book.verified',
        requestHeaders: {
          'Content-Type': 'application/json',
          'User-Agent': 'Ocrolus-Emulator-Webhooks/1.0',
          'Webhook-Signature': delivered.headers['webhook-signature'],
          'Webhook-Timestamp': delivered.headers['webhook-timestamp'],
          'Webhook-Request-Id': delivered.headers['webhook-request-id'],
        },
        body: delivered.body,
        status: 200,
        at: expect.any(String),
      },
    ]);
    expect(emulator.deliveries('globex')).toEqual([]);
  });

  test('receiver error status is reported, the test call still succeeds', async () => {
    const failing = await startReceiver(500);
    try {
      const { uuid } = emulator.seedWebhook('acme', { url: failing.url, events: ['book.verified'] });

      const result = await testCall(uuid);

      expect(result.status).toBe(200);
      expect(result.body.response.delivery.status).toBe(500);
      expect(emulator.deliveries()[0].status).toBe(500);
    } finally {
      await failing.close();
    }
  });

  test('unreachable receiver is reported as an error', async () => {
    const closed = await startReceiver();
    await closed.close();
    const { uuid } = emulator.seedWebhook('acme', { url: closed.url, events: ['book.verified'] });

    const result = await testCall(uuid);

    expect(result.status).toBe(200);
    expect(result.body.response.delivery.status).toBeUndefined();
    expect(result.body.response.delivery.error).toMatch(/^Delivery failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(emulator.deliveries()[0].error).toMatch(/ECONNREFUSED/);
  });

  test('receiver that never answers times out', async () => {
    const silent = await startReceiver(0);
    try {
      const { uuid } = emulator.seedWebhook('acme', { url: silent.url, events: ['book.verified'] });

      const result = await testCall(uuid);

      expect(result.body.response.delivery.error).toBe('Delivery timed out after 500 ms');
      expect(silent.received).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });

  test('non-loopback host is rejected, not contacted', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const result = await testCall(uuid);

    expect(result.status).toBe(200);
    expect(result.body.response.delivery).toEqual({
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Ocrolus-Emulator-Webhooks/1.0' },
      body: expect.any(String),
      error: "Delivery to hooks.example.com rejected: the emulator sends deliveries only to loopback hosts unless deliveryHosts is 'any'",
    });
    expect(emulator.deliveries()[0]).toMatchObject({ url: 'https://hooks.example.com/in', error: expect.stringContaining('rejected') });
  });

  test('credentials in the URL become a Basic header, masked in records', async () => {
    const withCredentials = receiver.url.replace('http://', 'http://hook-user:p4ssw0rd@');
    const { uuid } = emulator.seedWebhook('acme', { url: withCredentials, events: ['book.verified'] });

    const result = await testCall(uuid);

    const [delivered] = receiver.received;
    expect(delivered.headers.authorization).toBe(`Basic ${Buffer.from('hook-user:p4ssw0rd').toString('base64')}`);
    expect(result.body.response.delivery.headers.Authorization).toBe('Basic ***');
    expect(emulator.deliveries()[0].url).toBe(receiver.url.replace('http://', 'http://hook-user:***@'));
    expect(JSON.stringify(emulator.deliveries())).not.toContain('p4ssw0rd');
    expect(JSON.stringify(result.body)).not.toContain(Buffer.from('hook-user:p4ssw0rd').toString('base64'));
  });

  test('testResponse payload returns the sent payload', async () => {
    emulator.setVariants({ testResponse: 'payload' });
    const { uuid } = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.completed'] });

    const result = await testCall(uuid, 'book.completed');

    const sent = JSON.parse(receiver.received[0].body);
    expect(result.body.response).toEqual({ ...sent, delivery: { status: 200, headers: expect.any(Object), body: receiver.received[0].body } });
  });
});
