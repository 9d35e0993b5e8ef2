import { DEFAULT_VARIANTS, EMULATOR_EVENT_NAMES, eventUuid, type Emulator } from '../../src/emulator';
import { expectError, expectSuccess } from './envelope-expectations';
import { callApi, send, startTestEmulator, tokenFor } from './helpers';

const V = DEFAULT_VARIANTS;

describe('emulator validation', () => {
  let emulator: Emulator;
  let token: string;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    token = await tokenFor(emulator);
  });

  afterEach(async () => {
    await emulator.close();
  });

  function add(webhook: Record<string, unknown>, eventNames: unknown = ['book.verified']): ReturnType<typeof callApi> {
    return callApi(emulator, token, 'POST', '/webhook', { webhook, event_names: eventNames });
  }

  const ADD_CASES: [string, Record<string, unknown>, unknown, number, string][] = [
    ['url-without-scheme', { url: 'hooks.example.com/in' }, ['book.verified'], 1000, 'Invalid URL hooks.example.com/in: the scheme is missing (expected https:// or http://)'],
    ['url-without-tld', { url: 'https://hooks/in' }, ['book.verified'], 1000, 'Invalid URL https://hooks/in: the host has no top-level domain'],
    ['url-ftp-scheme', { url: 'ftp://hooks.example.com/in' }, ['book.verified'], 1000, 'Invalid URL ftp://hooks.example.com/in: the scheme must be https or http'],
    [
      'url-username-without-password',
      { url: 'https://user@hooks.example.com/in' },
      ['book.verified'],
      1000,
      'Invalid URL https://user@hooks.example.com/in: basic authentication credentials must include both a username and a password',
    ],
    [
      'url-password-without-username',
      { url: 'https://:s3cret-pass@hooks.example.com/in' },
      ['book.verified'],
      1000,
      'Invalid URL https://:***@hooks.example.com/in: basic authentication credentials must include both a username and a password',
    ],
    ['unknown-event', { url: 'https://hooks.example.com/in' }, ['book.verified', 'book.verifed'], 1000, 'Event(s) with name book.verifed doesnt exist'],
    ['unknown-events', { url: 'https://hooks.example.com/in' }, ['BOOK_VERIFIED', 'book.done'], 1000, 'Event(s) with name BOOK_VERIFIED, book.done doesnt exist'],
    ['empty-events', { url: 'https://hooks.example.com/in' }, [], 1000, 'At least one event name is required'],
    ['description-2-chars', { url: 'https://hooks.example.com/in', description: 'ab' }, ['book.verified'], 1000, 'Description must be at least 3 characters long'],
    ['description-256-chars', { url: 'https://hooks.example.com/in', description: 'x'.repeat(256) }, ['book.verified'], 1000, 'Description must be at most 255 characters long'],
    ['missing-url', { description: 'No URL here' }, ['book.verified'], 1103, 'Required parameter missing: webhook.url'],
    ['missing-event-names', { url: 'https://hooks.example.com/in' }, undefined, 1103, 'Required parameter missing: event_names'],
    ['url-not-string', { url: 42 }, ['book.verified'], 1003, 'Request validation failed: webhook.url must be a string'],
    ['is-active-not-boolean', { url: 'https://hooks.example.com/in', is_active: 'yes' }, ['book.verified'], 1003, 'Request validation failed: webhook.is_active must be a boolean'],
    ['events-not-array', { url: 'https://hooks.example.com/in' }, 'book.verified', 1003, 'Request validation failed: event_names must be an array of strings'],
  ];

  test.each(ADD_CASES)('add rejects %s', async (_name, webhook, eventNames, code, message) => {
    const result = await callApi(emulator, token, 'POST', '/webhook', { webhook, event_names: eventNames });

    expectError(result, V, 400, code, message);
    expect(emulator.webhooks('acme')).toEqual([]);
  });

  test('add accepts descriptions of 3 and 255 characters', async () => {
    expectSuccess(await add({ url: 'https://hooks.example.com/a', description: 'abc' }), V);
    expectSuccess(await add({ url: 'https://hooks.example.com/b', description: 'y'.repeat(255) }), V);
    expectSuccess(await add({ url: 'https://hooks.example.com/c', description: null }), V);

    expect(emulator.webhooks('acme').map((webhook) => webhook.description)).toEqual(['abc', 'y'.repeat(255), null]);
  });

  test('add accepts complete basic-auth credentials, loopback and IP hosts', async () => {
    expectSuccess(await add({ url: 'https://user:p4ssw0rd@hooks.example.com/in' }), V);
    expectSuccess(await add({ url: 'http://127.0.0.1:8080/in' }), V);
    expectSuccess(await add({ url: 'http://localhost:8080/in' }), V);

    expect(emulator.webhooks('acme')).toHaveLength(3);
  });

  test('add without the webhook object fails with 1103', async () => {
    const result = await callApi(emulator, token, 'POST', '/webhook', { event_names: ['book.verified'] });

    expectError(result, V, 400, 1103, 'Required parameter missing: webhook');
  });

  test('every catalog event is accepted', async () => {
    const result = await add({ url: 'https://hooks.example.com/all' }, [...EMULATOR_EVENT_NAMES]);

    expectSuccess(result, V);
    expect(emulator.webhooks('acme')[0].events).toEqual([...EMULATOR_EVENT_NAMES]);
    expect(EMULATOR_EVENT_NAMES).toHaveLength(36);
    expect(EMULATOR_EVENT_NAMES).toContain('book.analytics_v2.completed');
  });

  test('sixth webhook hits the limit', async () => {
    for (let index = 1; index <= 5; index += 1) {
      expectSuccess(await add({ url: `https://hooks.example.com/${index}` }), V);
    }

    const sixth = await add({ url: 'https://hooks.example.com/6' });

    expectError(sixth, V, 400, 1000, 'Maximum number of webhooks (5) reached for this organization; delete a webhook before adding another');
    expect(emulator.webhooks('acme')).toHaveLength(5);
    expect(() => emulator.seedWebhook('acme', { url: 'https://hooks.example.com/7', events: ['book.verified'] })).toThrow('Maximum number of webhooks (5)');
  });

  test('limit is per organization', async () => {
    for (let index = 1; index <= 5; index += 1) {
      emulator.seedWebhook('acme', { url: `https://hooks.example.com/${index}`, events: ['book.verified'] });
    }
    const globexToken = await tokenFor(emulator, { id: 'globex', clientId: 'globex-client', clientSecret: 'globex-client-secret-0002' });

    const result = await callApi(emulator, globexToken, 'POST', '/webhook', { webhook: { url: 'https://hooks.example.com/1' }, event_names: ['book.verified'] });

    expectSuccess(result, V);
  });

  describe.each([['exact'], ['normalized']] as const)('unique URL with duplicateUrls %s', (rule) => {
    beforeEach(() => {
      emulator.setVariants({ duplicateUrls: rule });
    });

    test('same URL is rejected', async () => {
      expectSuccess(await add({ url: 'https://hooks.example.com/in' }), V);

      expectError(await add({ url: 'https://hooks.example.com/in' }), V, 400, 1000, 'Webhook with url https://hooks.example.com/in already exists');
    });

    test.each([['https://HOOKS.example.com/in'], ['https://hooks.example.com:443/in'], ['https://hooks.example.com/in/']])('variant spelling %s', async (spelling) => {
      expectSuccess(await add({ url: 'https://hooks.example.com/in' }), V);

      const result = await add({ url: spelling });

      if (rule === 'normalized') {
        expectError(result, V, 400, 1000, `Webhook with url ${spelling} already exists`);
      } else {
        expectSuccess(result, V);
      }
    });

    test('update to another webhook URL is rejected', async () => {
      expectSuccess(await add({ url: 'https://hooks.example.com/a' }), V);
      expectSuccess(await add({ url: 'https://hooks.example.com/b' }), V);
      const [, second] = emulator.webhooks('acme');

      const result = await callApi(emulator, token, 'POST', `/webhook/${second.uuid}/update`, { webhook: { url: 'https://hooks.example.com/a' } });

      expectError(result, V, 400, 1000, 'Webhook with url https://hooks.example.com/a already exists');
      expect(emulator.webhooks('acme')[1].url).toBe('https://hooks.example.com/b');
    });

    test('update keeping its own URL is accepted', async () => {
      expectSuccess(await add({ url: 'https://hooks.example.com/a' }), V);
      const [first] = emulator.webhooks('acme');

      expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${first.uuid}/update`, { webhook: { url: 'https://hooks.example.com/a', description: 'Same URL' } }), V);
    });
  });

  test('duplicate URL message masks the embedded password', async () => {
    expectSuccess(await add({ url: 'https://user:p4ssw0rd@hooks.example.com/in' }), V);

    const result = await add({ url: 'https://user:p4ssw0rd@hooks.example.com/in' });

    expectError(result, V, 400, 1000, 'Webhook with url https://user:***@hooks.example.com/in already exists');
    expect(JSON.stringify(result.body)).not.toContain('p4ssw0rd');
  });

  test('update with neither webhook nor event_names fails with 1103', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const result = await callApi(emulator, token, 'POST', `/webhook/${uuid}/update`, { description: 'misplaced' });

    expectError(result, V, 400, 1103, 'Required parameter missing: webhook or event_names');
  });

  test('update validates like add', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    expectError(await callApi(emulator, token, 'POST', `/webhook/${uuid}/update`, { event_names: [] }), V, 400, 1000, 'At least one event name is required');
    expectError(await callApi(emulator, token, 'POST', `/webhook/${uuid}/update`, { webhook: { description: 'no' } }), V, 400, 1000, 'Description must be at least 3 characters long');
    expectError(await callApi(emulator, token, 'POST', `/webhook/${uuid}/update`, { webhook: { url: 'https://nodot/x' } }), V, 400, 1000, 'Invalid URL https://nodot/x: the host has no top-level domain');
  });

  test('update sets description to null and bumps last_modified_date only', async () => {
    const seeded = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', description: 'Initial', events: ['book.verified'] });
    await new Promise((resolve) => setTimeout(resolve, 5));

    expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${seeded.uuid}/update`, { webhook: { description: null } }), V);

    const [updated] = emulator.webhooks('acme');
    expect(updated).toMatchObject({ description: null, url: seeded.url, isActive: true, events: ['book.verified'], createdOn: seeded.createdOn });
    expect(updated.lastModifiedDate > seeded.lastModifiedDate).toBe(true);
  });

  test.each([
    ['15-chars', 'a'.repeat(15), 1000, 'secret_key must be between 16 and 128 characters long'],
    ['129-chars', 'a'.repeat(129), 1000, 'secret_key must be between 16 and 128 characters long'],
    ['missing', undefined, 1103, 'Required parameter missing: secret_key'],
  ])('rotate-secret rejects %s', async (_name, secret, code, message) => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const result = await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: secret });

    expectError(result, V, 400, code, message);
    expect(emulator.webhooks('acme')[0].secret).toBeUndefined();
  });

  test('rotate-secret accepts 16 and 128 characters and replaces the secret', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: 's'.repeat(16) }), V);
    expect(emulator.webhooks('acme')[0].secret).toBe('s'.repeat(16));

    expectSuccess(await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: 't'.repeat(128) }), V);
    expect(emulator.webhooks('acme')[0].secret).toBe('t'.repeat(128));
  });

  test('test requires event_uuid, a known event, a subscription and an active webhook', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'http://127.0.0.1:9/in', events: ['book.verified'] });
    const test = (body: unknown): ReturnType<typeof callApi> => callApi(emulator, token, 'POST', `/webhook/${uuid}/test`, body);

    expectError(await test({}), V, 400, 1103, 'Required parameter missing: event_uuid');
    expectError(await test({ event_uuid: '00000000-0000-4000-8000-000000000000' }), V, 400, 1000, 'Event with uuid 00000000-0000-4000-8000-000000000000 doesnt exist');
    expectError(await test({ event_uuid: eventUuid('book.completed') }), V, 400, 1000, `Webhook with uuid ${uuid} is not subscribed to event book.completed`);

    emulator.editWebhook('acme', uuid, { isActive: false });
    expectError(await test({ event_uuid: eventUuid('book.verified') }), V, 400, 1000, `Webhook with uuid ${uuid} is inactive; only active webhooks can be tested`);
    expect(emulator.deliveries()).toEqual([]);
  });

  test('invalid JSON fails with 1002', async () => {
    const result = await callApi(emulator, token, 'POST', '/webhook', '{"webhook": {');

    expectError(result, V, 400, 1002, 'Invalid JSON in request body');
  });

  test('body over 1 MiB is rejected with 413', async () => {
    const huge = JSON.stringify({ webhook: { url: 'https://hooks.example.com/in', description: 'x'.repeat(1024 * 1024) }, event_names: ['book.verified'] });

    const result = await callApi(emulator, token, 'POST', '/webhook', huge);

    expectError(result, V, 413, 1000, 'Request body exceeds 1048576 bytes.');
    expect(emulator.webhooks('acme')).toEqual([]);
  });

  test('body that is not an object fails with 1003', async () => {
    const result = await callApi(emulator, token, 'POST', '/webhook', '[1, 2]');

    expectError(result, V, 400, 1003, 'Request validation failed: the body must be a JSON object');
  });

  test.each([
    ['GET', '/v1/account/settings/webhookz'],
    ['PUT', '/v1/account/settings/webhook'],
    ['GET', '/v2/anything'],
    ['GET', '/oauth/token'],
  ])('unknown endpoint %s %s fails with 1101', async (method, path) => {
    const result = await send(`${emulator.url}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

    expectError(result, V, 404, 1101, `Unknown endpoint: ${method} ${path}`);
    expect(emulator.requests().at(-1)).toMatchObject({ method, path, status: 404 });
    expect(emulator.requests().at(-1)?.route).toBeUndefined();
  });

  test('non-manager organization gets 1316 on every webhook route', async () => {
    emulator.addOrganization({ id: 'viewer', clientId: 'viewer-client', clientSecret: 'viewer-client-secret-0003', manager: false });
    const viewerToken = await tokenFor(emulator, { id: 'viewer', clientId: 'viewer-client', clientSecret: 'viewer-client-secret-0003' });
    const uuid = '3f1e0c8a-0000-4000-8000-000000000000';

    const calls: [string, string, unknown?][] = [
      ['POST', '/webhook', { webhook: { url: 'https://hooks.example.com/in' }, event_names: ['book.verified'] }],
      ['GET', '/webhooks'],
      ['GET', `/webhook/${uuid}`],
      ['POST', `/webhook/${uuid}/update`, { event_names: ['book.verified'] }],
      ['DELETE', `/webhook/${uuid}/delete`],
      ['GET', `/webhook/${uuid}/events`],
      ['POST', `/webhook/${uuid}/test`, { event_uuid: eventUuid('book.verified') }],
      ['POST', `/webhook/${uuid}/rotate-secret`, { secret_key: 'x'.repeat(20) }],
    ];
    for (const [method, path, body] of calls) {
      const result = await callApi(emulator, viewerToken, method, path, body);
      expectError(result, V, 403, 1316, 'Manager permission is required to manage webhooks');
    }

    expect(emulator.requests('viewer').map((entry) => entry.status)).toEqual([200, 403, 403, 403, 403, 403, 403, 403, 403]);
  });

  test('webhook uuids in paths are case-insensitive', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const result = await callApi(emulator, token, 'GET', `/webhook/${uuid.toUpperCase()}`);

    expect(expectSuccess(result, V).uuid).toBe(uuid);
  });
});
