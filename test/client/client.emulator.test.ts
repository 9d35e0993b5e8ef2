/**
 * The client against the emulator over real loopback sockets: every operation under each variant
 * switch, error shapes, and recovery from injected faults.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  OcrolusAuthenticationError,
  OcrolusClient,
  OcrolusConflictError,
  OcrolusConnectionError,
  OcrolusLimitExceededError,
  OcrolusNotFoundError,
  OcrolusPermissionError,
  OcrolusValidationError,
  type ClientOptions,
  type LogRecord,
} from '../../src/client';
import { DEFAULT_VARIANTS, startEmulator, VARIANT_CHOICES, type Emulator, type EmulatorVariants, type OrganizationSeed } from '../../src/emulator';
import { rejectionOf, uniqueOrganization } from './helpers';

const STAGING: OrganizationSeed = { id: 'staging', clientId: 'staging-client', clientSecret: 'staging-client-secret-5b7e19' };
const VIEWER: OrganizationSeed = { id: 'viewer', clientId: 'viewer-client', clientSecret: 'viewer-client-secret-8c2d40', manager: false };
const SIGNING_SECRET = 'signing-secret-for-tests-3e6f0a9d';

let emulator: Emulator;
let receiver: Server;
let receiverUrl: string;
let receivedCount = 0;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      receivedCount += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  emulator = await startEmulator({ organizations: [STAGING, VIEWER], requestsPerSecond: false });
});

afterAll(async () => {
  await emulator.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
  for (const webhook of emulator.webhooks(STAGING.id)) emulator.removeWebhook(STAGING.id, webhook.uuid);
  emulator.clearFaults();
  emulator.clearRequests();
  emulator.setVariants({ ...DEFAULT_VARIANTS });
});

/** Creates a client of `seed` on the emulator with short timeouts and fast retries, and collects its log records. */
function clientFor(seed: OrganizationSeed, overrides: Partial<ClientOptions> = {}): { client: OcrolusClient; logs: LogRecord[] } {
  const logs: LogRecord[] = [];
  const client = new OcrolusClient({
    clientId: seed.clientId,
    clientSecret: seed.clientSecret,
    apiUrl: emulator.apiUrl,
    authUrl: emulator.authUrl,
    organization: uniqueOrganization(seed.id),
    timeoutMs: 500,
    requestsPerSecond: 1000,
    retry: { baseDelayMs: 10, maxDelayMs: 100, minDelayMs: 1 },
    logger: (record) => logs.push(record),
    ...overrides,
  });
  return { client, logs };
}

function routesRequested(route: string): number[] {
  return emulator
    .requests(STAGING.id)
    .filter((request) => request.route === route)
    .map((request) => request.status);
}

/** Runs every operation once and checks the emulator's state after each write. */
async function runLifecycle(client: OcrolusClient, variants: EmulatorVariants): Promise<void> {
  const url = `${receiverUrl}/hooks/orders`;

  const added = await client.addWebhook({ url, description: 'Orders', isActive: false, eventNames: ['book.verified', 'book.completed'] });
  const uuid = added.uuid;
  expect(added.recovered).toBeUndefined();
  expect(added.webhook === undefined).toBe(variants.addResponse === 'uuid');
  let stored = emulator.webhooks(STAGING.id);
  expect(stored.map((webhook) => [webhook.uuid, webhook.description, webhook.isActive])).toEqual([[uuid, 'Orders', variants.activeOnAdd === 'ignored']]);

  const listed = await client.listWebhooks();
  expect(listed.map((webhook) => webhook.uuid)).toEqual([uuid]);
  expect(listed[0].createdOn === undefined).toBe(variants.timestamps === 'omitted');

  const fetched = await client.getWebhook(uuid);
  expect(fetched).toEqual(listed[0]);

  const events = await client.listWebhookEvents(uuid);
  expect(events.map((event) => event.name).sort()).toEqual(['book.completed', 'book.verified']);

  await client.updateWebhook(uuid, { description: 'Orders v2', eventNames: ['book.verified'] });
  stored = emulator.webhooks(STAGING.id);
  expect([stored[0].description, stored[0].events]).toEqual(['Orders v2', ['book.verified']]);

  const conflict = await rejectionOf(client.addWebhook({ url, eventNames: ['book.verified'] }));
  expect(conflict).toBeInstanceOf(OcrolusConflictError);
  const unknownEvent = await rejectionOf(client.updateWebhook(uuid, { eventNames: ['book.verifyed'] }));
  expect(unknownEvent).toBeInstanceOf(OcrolusValidationError);

  await client.activateWebhook(uuid);
  const flipsApply = !variants.ignoreActiveFlip;
  expect(emulator.webhooks(STAGING.id)[0].isActive).toBe(flipsApply || variants.activeOnAdd === 'ignored');

  const bookVerified = events.find((event) => event.name === 'book.verified');
  if (emulator.webhooks(STAGING.id)[0].isActive) {
    const before = receivedCount;
    const tested = await client.testWebhook(uuid, bookVerified?.uuid ?? '');
    expect(tested.requestUuid === undefined).toBe(variants.testResponse === 'payload');
    expect(tested.delivery?.status).toBe(200);
    expect(receivedCount).toBe(before + 1);
  } else {
    expect(await rejectionOf(client.testWebhook(uuid, bookVerified?.uuid ?? ''))).toBeInstanceOf(OcrolusValidationError);
  }

  await client.rotateSecret(uuid, SIGNING_SECRET);
  expect(emulator.webhooks(STAGING.id)[0].secret).toBe(SIGNING_SECRET);

  await client.deactivateWebhook(uuid);
  expect(emulator.webhooks(STAGING.id)[0].isActive).toBe(flipsApply ? false : variants.activeOnAdd === 'ignored');

  await client.deleteWebhook(uuid);
  expect(emulator.webhooks(STAGING.id)).toEqual([]);

  for (const call of [client.getWebhook(uuid), client.deleteWebhook(uuid), client.listWebhookEvents(uuid), client.rotateSecret(uuid, SIGNING_SECRET)]) {
    expect(await rejectionOf(call)).toBeInstanceOf(OcrolusNotFoundError);
  }
}

const variantCases = Object.entries(VARIANT_CHOICES).flatMap(([name, choices]) =>
  (choices as readonly unknown[]).map((choice) => [`${name}-${String(choice)}`, { [name]: choice } as Partial<EmulatorVariants>] as const),
);

describe('every operation under each variant', () => {
  test.each(variantCases)('%s', async (_name, switched) => {
    const variants = { ...DEFAULT_VARIANTS, ...switched };
    emulator.setVariants(variants);
    const { client, logs } = clientFor(STAGING);

    await runLifecycle(client, variants);

    expect(client.stats().tokenRequests).toBe(1);
    for (const record of logs) expect(JSON.stringify(record)).not.toContain(STAGING.clientSecret);
    for (const record of logs) expect(JSON.stringify(record)).not.toContain(SIGNING_SECRET);
  });
});

describe('error shapes', () => {
  test.each(VARIANT_CHOICES.errorTransport)('limit exceeded with %s', async (errorTransport) => {
    emulator.setVariants({ errorTransport });
    const { client } = clientFor(STAGING);
    for (let index = 0; index < 5; index += 1) {
      await client.addWebhook({ url: `${receiverUrl}/hooks/${index}`, eventNames: ['book.verified'] });
    }

    const error = await rejectionOf(client.addWebhook({ url: `${receiverUrl}/hooks/6`, eventNames: ['book.verified'] }));

    expect(error).toBeInstanceOf(OcrolusLimitExceededError);
    expect(emulator.webhooks(STAGING.id)).toHaveLength(5);
  });

  test.each(VARIANT_CHOICES.errorTransport)('missing permission with %s', async (errorTransport) => {
    emulator.setVariants({ errorTransport });
    const { client } = clientFor(VIEWER);

    const listError = await rejectionOf(client.listWebhooks());
    const getError = await rejectionOf(client.getWebhook('00000000-0000-4000-8000-000000000000'));

    expect(listError).toBeInstanceOf(OcrolusPermissionError);
    expect(getError).toBeInstanceOf(OcrolusPermissionError);
    expect(getError).toMatchObject({ apiCode: 1316 });
  });

  test('wrong client secret', async () => {
    const { client, logs } = clientFor({ ...STAGING, clientSecret: 'wrong-secret-value-71aa' });

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusAuthenticationError);
    expect(error.message).not.toContain('wrong-secret-value-71aa');
    expect(JSON.stringify(logs)).not.toContain('wrong-secret-value-71aa');
    expect(client.stats().tokenRequests).toBe(1);
  });
});

describe('faults', () => {
  test.each(VARIANT_CHOICES.errorTransport)('503 burst recovered with %s', async (errorTransport) => {
    emulator.setVariants({ errorTransport });
    emulator.injectFault({ kind: 'status', route: 'list', status: 503, count: 3 });
    const { client } = clientFor(STAGING);

    const webhooks = await client.listWebhooks();

    expect(webhooks).toEqual([]);
    expect(routesRequested('list')).toEqual([503, 503, 503, 200]);
  });

  test('429s recovered with retry-after', async () => {
    emulator.setVariants({ retryAfterHeader: true });
    const seeded = emulator.seedWebhook(STAGING.id, { url: `${receiverUrl}/hooks/a`, events: ['book.verified'] });
    emulator.injectFault({ kind: 'status', route: 'retrieve', status: 429, count: 2 });
    const { client, logs } = clientFor(STAGING);

    const webhook = await client.getWebhook(seeded.uuid);

    expect(webhook.uuid).toBe(seeded.uuid);
    expect(routesRequested('retrieve')).toEqual([429, 429, 200]);
    expect(logs.filter((record) => record.event === 'retry').map((record) => record.delayMs)).toEqual([100, 100]);
  });

  test('429 on test is retried', async () => {
    const seeded = emulator.seedWebhook(STAGING.id, { url: `${receiverUrl}/hooks/a`, events: ['book.verified'] });
    emulator.injectFault({ kind: 'status', route: 'test', status: 429, count: 1 });
    const { client } = clientFor(STAGING);
    const [event] = await client.listWebhookEvents(seeded.uuid);

    const tested = await client.testWebhook(seeded.uuid, event.uuid);

    expect(tested.delivery?.status).toBe(200);
    expect(routesRequested('test')).toEqual([429, 200]);
    expect(emulator.deliveries(STAGING.id).filter((delivery) => delivery.webhookUuid === seeded.uuid)).toHaveLength(1);
  });

  test('commit-then-timeout add leaves one webhook', async () => {
    emulator.injectFault({ kind: 'commit-then-timeout', route: 'add', holdMs: 5_000 });
    const { client } = clientFor(STAGING);

    const result = await client.addWebhook({ url: `${receiverUrl}/hooks/orders`, description: 'Orders', eventNames: ['book.verified'] });

    const stored = emulator.webhooks(STAGING.id);
    expect(stored).toHaveLength(1);
    expect(result).toMatchObject({ uuid: stored[0].uuid, recovered: true });
    expect(routesRequested('add')).toHaveLength(1);
    expect(client.stats().recoveredAdds).toBe(1);
  });

  test('dropped update is retried', async () => {
    const seeded = emulator.seedWebhook(STAGING.id, { url: `${receiverUrl}/hooks/a`, events: ['book.verified'] });
    emulator.injectFault({ kind: 'drop', route: 'update', count: 1 });
    const { client } = clientFor(STAGING);

    await client.deactivateWebhook(seeded.uuid);

    expect(emulator.webhooks(STAGING.id)[0].isActive).toBe(false);
    expect(routesRequested('update')).toEqual([0, 200]);
  });

  test('dropped test is not re-sent', async () => {
    const seeded = emulator.seedWebhook(STAGING.id, { url: `${receiverUrl}/hooks/a`, events: ['book.verified'] });
    const { client } = clientFor(STAGING);
    const [event] = await client.listWebhookEvents(seeded.uuid);
    emulator.injectFault({ kind: 'drop', route: 'test', count: 1 });

    const error = await rejectionOf(client.testWebhook(seeded.uuid, event.uuid));

    expect(error).toBeInstanceOf(OcrolusConnectionError);
    expect(error).toMatchObject({ ambiguous: true, attempts: 1 });
    expect(routesRequested('test')).toEqual([0]);
    expect(emulator.deliveries(STAGING.id).filter((delivery) => delivery.webhookUuid === seeded.uuid)).toEqual([]);
  });

  test('default rate limit avoids failures', async () => {
    const limited = await startEmulator({ organizations: [STAGING] });
    try {
      const client = new OcrolusClient({
        clientId: STAGING.clientId,
        clientSecret: STAGING.clientSecret,
        apiUrl: limited.apiUrl,
        authUrl: limited.authUrl,
        timeoutMs: 2_000,
      });

      const results = await Promise.all(Array.from({ length: 45 }, () => client.listWebhooks()));

      expect(results).toHaveLength(45);
      const statuses = limited.requests(STAGING.id).filter((request) => request.route === 'list').map((request) => request.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(45);
    } finally {
      await limited.close();
    }
  });
});
