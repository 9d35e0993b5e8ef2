import { createHmac } from 'node:crypto';

import { DEFAULT_VARIANTS, VARIANT_CHOICES, eventUuid, type Emulator, type EmulatorVariants } from '../../src/emulator';
import { expectError, expectSuccess } from './envelope-expectations';
import { callApi, startReceiver, startTestEmulator, tokenFor, type Receiver } from './helpers';

const SECRET = 'variant-test-signing-secret-01';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every (switch, value) pair of VARIANT_CHOICES, each run with the other switches at their defaults. */
const CASES = Object.entries(VARIANT_CHOICES).flatMap(([name, values]) => (values as readonly unknown[]).map((value) => [name, value] as const));

describe('emulator variants', () => {
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver.close();
  });

  test('defaults match the documented ones', () => {
    expect(DEFAULT_VARIANTS).toEqual({
      errorTransport: 'http-status',
      statusType: 'integer',
      addResponse: 'uuid',
      testResponse: 'uuid',
      notFound: 'http-404',
      timestamps: 'included',
      urlStorage: 'as-sent',
      duplicateUrls: 'exact',
      activeOnAdd: 'honoured',
      ignoreActiveFlip: false,
      retryAfterHeader: false,
    });
  });

  test.each(CASES)('every route under %s = %p', async (name, value) => {
    const emulator = await startTestEmulator({ variants: { [name]: value } });
    try {
      expect(emulator.variants()).toEqual({ ...DEFAULT_VARIANTS, [name]: value });
      await exerciseEveryRoute(emulator, emulator.variants(), receiver);
    } finally {
      await emulator.close();
    }
  });

  test('setVariants switches a running emulator', async () => {
    const emulator = await startTestEmulator();
    try {
      const token = await tokenFor(emulator);
      emulator.setVariants({ statusType: 'string', errorTransport: 'envelope-200' });

      const listed = await callApi(emulator, token, 'GET', '/webhooks');
      expect(listed.body.status).toBe('200');

      const missing = await callApi(emulator, token, 'GET', '/webhook/3f1e0c8a-0000-4000-8000-000000000000');
      expect(missing.status).toBe(200);
      expect(missing.body.status).toBe('404');
    } finally {
      await emulator.close();
    }
  });

  test('setVariants rejects an unknown value', async () => {
    const emulator = await startTestEmulator();
    try {
      expect(() => emulator.setVariants({ statusType: 'float' as never })).toThrow('Invalid value "float" for variant "statusType"');
      expect(() => emulator.setVariants({ colour: 'blue' } as never)).toThrow('Unknown variant switch "colour"');
      expect(emulator.variants()).toEqual(DEFAULT_VARIANTS);
    } finally {
      await emulator.close();
    }
  });
});

/** Runs every route once and checks each response against the variants in force. */
async function exerciseEveryRoute(emulator: Emulator, variants: EmulatorVariants, receiver: Receiver): Promise<void> {
  const token = await tokenFor(emulator);
  const missingUuid = '3f1e0c8a-0000-4000-8000-000000000000';

  // add: an inactive webhook whose URL has an upper-case host, a default port and a trailing slash.
  const sentUrl = 'https://Hooks.Example.com:443/orders/';
  const added = await callApi(emulator, token, 'POST', '/webhook', {
    webhook: { url: sentUrl, description: 'Orders service', is_active: false },
    event_names: ['book.verified', 'book.completed', 'book.verified'],
  });
  const addResponse = expectSuccess(added, variants);
  const [first] = emulator.webhooks('acme');
  const expectedUrl = variants.urlStorage === 'normalized' ? 'https://hooks.example.com/orders' : sentUrl;
  const expectedActive = variants.activeOnAdd === 'ignored';
  expect(first).toMatchObject({ url: expectedUrl, description: 'Orders service', isActive: expectedActive, events: ['book.verified', 'book.completed'] });
  expect(addResponse).toEqual(variants.addResponse === 'uuid' ? { uuid: first.uuid } : wireWebhook(first, variants));

  // The unique-URL rule: the same URL without its trailing slash clashes only when compared normalized.
  const near = await callApi(emulator, token, 'POST', '/webhook', { webhook: { url: 'https://hooks.example.com/orders' }, event_names: ['book.verified'] });
  const clashes = variants.duplicateUrls === 'normalized' || variants.urlStorage === 'normalized';
  if (clashes) {
    expectError(near, variants, 400, 1000, 'Webhook with url https://hooks.example.com/orders already exists');
  } else {
    expectSuccess(near, variants);
    const nearUuid = emulator.webhooks('acme')[1].uuid;
    expectSuccess(await callApi(emulator, token, 'DELETE', `/webhook/${nearUuid}/delete`), variants);
  }

  // list and retrieve, with or without timestamps.
  const listed = expectSuccess(await callApi(emulator, token, 'GET', '/webhooks'), variants);
  expect(listed).toEqual({ webhooks: [wireWebhook(first, variants)] });
  const retrieved = expectSuccess(await callApi(emulator, token, 'GET', `/webhook/${first.uuid}`), variants);
  expect(retrieved).toEqual(wireWebhook(first, variants));
  if (variants.timestamps === 'included') {
    expect(retrieved.created_on).toMatch(TIMESTAMP);
    expect(retrieved.last_modified_date).toMatch(TIMESTAMP);
  } else {
    expect(retrieved).not.toHaveProperty('created_on');
  }

  // update: activation (ignored under ignoreActiveFlip), a new URL and a replaced event list.
  const flipTo = !expectedActive;
  const updated = await callApi(emulator, token, 'POST', `/webhook/${first.uuid}/update`, {
    webhook: { url: receiver.url, is_active: flipTo },
    event_names: ['document.upload_failed', 'book.completed'],
  });
  expect(expectSuccess(updated, variants)).toEqual({});
  const afterUpdate = emulator.webhooks('acme')[0];
  expect(afterUpdate.isActive).toBe(variants.ignoreActiveFlip ? expectedActive : flipTo);
  expect(afterUpdate.events).toEqual(['document.upload_failed', 'book.completed']);
  expect(afterUpdate.url).toBe(receiver.url);

  // Make the webhook active for the test call whatever the variants did.
  emulator.editWebhook('acme', first.uuid, { isActive: true });

  // events
  const events = expectSuccess(await callApi(emulator, token, 'GET', `/webhook/${first.uuid}/events`), variants);
  expect(events.events.map((event: { name: string }) => event.name)).toEqual(['document.upload_failed', 'book.completed']);
  expect(events.events[1]).toEqual({
    uuid: eventUuid('book.completed'),
    name: 'book.completed',
    is_active: true,
    type: 'STATUS',
    severity: 'LOW',
    reason: 'Book is completed',
    description: expect.any(String),
  });

  // rotate-secret, then test: a signed delivery to the local receiver.
  const rotated = expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${first.uuid}/rotate-secret`, { secret_key: SECRET }), variants);
  expect(rotated).toEqual({ status: 'success', message: expect.any(String) });

  const before = receiver.received.length;
  const tested = expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${first.uuid}/test`, { event_uuid: eventUuid('book.completed') }), variants);
  expect(receiver.received).toHaveLength(before + 1);
  const delivered = receiver.received[before];
  expect(tested.delivery).toEqual({ status: 200, headers: expect.objectContaining({ 'Webhook-Signature': '***' }), body: delivered.body });
  if (variants.testResponse === 'uuid') {
    expect(Object.keys(tested).sort()).toEqual(['delivery', 'uuid']);
    expect(tested.uuid).toBe(delivered.headers['webhook-request-id']);
  } else {
    expect(tested).toEqual({ ...JSON.parse(delivered.body), delivery: tested.delivery });
    expect(tested.event_name).toBe('book.completed');
  }
  const signed = `${delivered.headers['webhook-timestamp']}.${delivered.headers['webhook-request-id']}.${delivered.body}`;
  expect(delivered.headers['webhook-signature']).toBe(createHmac('sha256', SECRET).update(signed).digest('hex'));

  // Not found on every route with a uuid, and rotate-secret's own shape.
  const notFoundStatus = variants.notFound === 'http-404' ? 404 : 400;
  const notFoundMessage = `Webhook with uuid ${missingUuid} not found`;
  expectError(await callApi(emulator, token, 'GET', `/webhook/${missingUuid}`), variants, notFoundStatus, 1000, notFoundMessage);
  expectError(await callApi(emulator, token, 'POST', `/webhook/${missingUuid}/update`, { event_names: ['book.verified'] }), variants, notFoundStatus, 1000, notFoundMessage);
  expectError(await callApi(emulator, token, 'DELETE', `/webhook/${missingUuid}/delete`), variants, notFoundStatus, 1000, notFoundMessage);
  expectError(await callApi(emulator, token, 'GET', `/webhook/${missingUuid}/events`), variants, notFoundStatus, 1000, notFoundMessage);
  expectError(await callApi(emulator, token, 'POST', `/webhook/${missingUuid}/test`, { event_uuid: eventUuid('book.completed') }), variants, notFoundStatus, 1000, notFoundMessage);
  const rotateMissing = await callApi(emulator, token, 'POST', `/webhook/${missingUuid}/rotate-secret`, { secret_key: SECRET });
  expect(rotateMissing.status).toBe(404);
  expect(rotateMissing.body).toEqual({ error: 'Webhook not found' });

  // A validation error and an authentication error.
  expectError(await callApi(emulator, token, 'POST', '/webhook', { webhook: { url: 'hooks.example.com/x' }, event_names: ['book.verified'] }), variants, 400, 1000, /scheme is missing/);
  expectError(await callApi(emulator, 'not-a-token', 'GET', '/webhooks'), variants, 401, 1200);

  // 429 keeps its HTTP status in every transport; Retry-After only with the switch on.
  emulator.injectFault({ kind: 'status', route: 'list', status: 429 });
  const limited = await callApi(emulator, token, 'GET', '/webhooks');
  expect(limited.status).toBe(429);
  expect(limited.body.code).toBe(1006);
  expect(limited.headers['retry-after']).toBe(variants.retryAfterHeader ? '1' : undefined);

  // delete
  expect(expectSuccess(await callApi(emulator, token, 'DELETE', `/webhook/${first.uuid}/delete`), variants)).toBeNull();
  expect(emulator.webhooks('acme')).toEqual([]);
}

/** Converts a stored webhook to its wire shape under the timestamps variant. */
function wireWebhook(webhook: ReturnType<Emulator['webhooks']>[number], variants: EmulatorVariants): Record<string, unknown> {
  const wire: Record<string, unknown> = { uuid: webhook.uuid, url: webhook.url, description: webhook.description, is_active: webhook.isActive };
  if (variants.timestamps === 'included') {
    wire.created_on = webhook.createdOn;
    wire.last_modified_date = webhook.lastModifiedDate;
  }
  return wire;
}
