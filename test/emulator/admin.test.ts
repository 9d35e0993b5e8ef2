import { eventUuid, type Emulator } from '../../src/emulator';
import { ACME, callApi, send, startReceiver, startTestEmulator, tokenFor } from './helpers';

const SECRET = 'admin-test-signing-secret-77';

describe('emulator admin endpoint', () => {
  let emulator: Emulator;

  beforeEach(async () => {
    emulator = await startTestEmulator();
  });

  afterEach(async () => {
    await emulator.close();
  });

  function admin(method: string, path: string, body?: unknown): ReturnType<typeof send> {
    return send(`${emulator.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  test('health lists organizations', async () => {
    const result = await admin('GET', '/health');

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok', organizations: ['acme', 'globex'] });
  });

  test('webhooks never include the secret', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://user:p4ssw0rd@hooks.example.com/in', events: ['book.verified'] });
    const token = await tokenFor(emulator);
    await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: SECRET });

    const result = await admin('GET', '/webhooks?organization=acme');

    expect(result.body).toEqual({
      webhooks: [
        {
          organization: 'acme',
          uuid,
          url: 'https://user:***@hooks.example.com/in',
          description: null,
          isActive: true,
          events: ['book.verified'],
          hasSecret: true,
          createdOn: expect.any(String),
          lastModifiedDate: expect.any(String),
        },
      ],
    });
    expect(JSON.stringify(result.body)).not.toContain(SECRET);
    expect(JSON.stringify(result.body)).not.toContain('p4ssw0rd');
    expect(emulator.webhooks('acme')[0].secret).toBe(SECRET);
  });

  test('webhooks without a filter span every organization', async () => {
    emulator.seedWebhook('acme', { url: 'https://hooks.example.com/a', events: ['book.verified'] });
    emulator.seedWebhook('globex', { url: 'https://hooks.example.com/g', events: ['book.verified'] });

    const result = await admin('GET', '/webhooks');

    expect(result.body.webhooks.map((webhook: { organization: string; hasSecret: boolean }) => [webhook.organization, webhook.hasSecret])).toEqual([
      ['acme', false],
      ['globex', false],
    ]);
  });

  test('unknown organization is a 404', async () => {
    const result = await admin('GET', '/webhooks?organization=initech');

    expect(result.status).toBe(404);
    expect(result.body).toEqual({ error: 'Organization "initech" not found; known organizations: acme, globex.' });
  });

  test('faults can be injected, listed and cleared', async () => {
    const injected = await admin('POST', '/faults', { kind: 'status', route: 'list', status: 503, count: 2 });
    expect(injected.status).toBe(201);
    expect(injected.body).toEqual({ fault: { kind: 'status', route: 'list', status: 503, count: 2 } });

    const token = await tokenFor(emulator);
    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(503);
    expect((await admin('GET', '/faults')).body).toEqual({ faults: [{ kind: 'status', route: 'list', status: 503, count: 1 }] });

    expect((await admin('DELETE', '/faults')).body).toEqual({ cleared: true });
    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
  });

  test('invalid fault is a 400 with the reason', async () => {
    const result = await admin('POST', '/faults', { kind: 'status', route: 'list' });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('Fault field "status" must be an HTTP error status from 400 to 599; got undefined.');
  });

  test('requests and deliveries are listed and requests cleared', async () => {
    const receiver = await startReceiver();
    try {
      const token = await tokenFor(emulator);
      const { uuid } = emulator.seedWebhook('acme', { url: receiver.url, events: ['book.verified'] });
      await callApi(emulator, token, 'POST', `/webhook/${uuid}/test`, { event_uuid: eventUuid('book.verified') });

      const requests = await admin('GET', '/requests?organization=acme');
      expect(requests.body.requests.map((entry: { route: string }) => entry.route)).toEqual(['token', 'test']);
      const deliveries = await admin('GET', '/deliveries?organization=acme');
      expect(deliveries.body.deliveries).toEqual([expect.objectContaining({ webhookUuid: uuid, status: 200, eventName: 'book.verified' })]);
      expect((await admin('GET', '/deliveries?organization=globex')).body).toEqual({ deliveries: [] });

      await admin('DELETE', '/requests');
      expect(emulator.requests()).toEqual([]);
      expect(emulator.deliveries()).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  test('admin calls are not recorded as API requests', async () => {
    await admin('GET', '/health');
    await admin('GET', '/webhooks');

    expect(emulator.requests()).toEqual([]);
  });

  test('variants are read and switched', async () => {
    const switched = await admin('PUT', '/variants', { errorTransport: 'envelope-200', retryAfterHeader: true });

    expect(switched.status).toBe(200);
    expect(switched.body.variants).toMatchObject({ errorTransport: 'envelope-200', retryAfterHeader: true, statusType: 'integer' });
    expect(emulator.variants()).toMatchObject({ errorTransport: 'envelope-200', retryAfterHeader: true });
    expect((await admin('GET', '/variants')).body).toEqual({ variants: emulator.variants() });
  });

  test('invalid variant is a 400 and changes nothing', async () => {
    const result = await admin('PUT', '/variants', { errorTransport: 'smoke-signals' });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('Invalid value "smoke-signals" for variant "errorTransport"; expected one of "http-status", "envelope-200".');
    expect(emulator.variants().errorTransport).toBe('http-status');
  });

  test('organizations are added without echoing the secret', async () => {
    const added = await admin('POST', '/organizations', { id: 'initech', clientId: 'initech-client', clientSecret: 'initech-client-secret-1', name: 'Initech', manager: false });

    expect(added.status).toBe(201);
    expect(added.body).toEqual({ organization: { id: 'initech', name: 'Initech', clientId: 'initech-client', manager: false, webhookCount: 0 } });
    expect(JSON.stringify((await admin('GET', '/organizations')).body)).not.toContain('initech-client-secret-1');
    await expect(tokenFor(emulator, { id: 'initech', clientId: 'initech-client', clientSecret: 'initech-client-secret-1' })).resolves.toEqual(expect.any(String));
  });

  test('existing organization id is a conflict', async () => {
    const before = emulator.organizations().find((organization) => organization.id === 'acme');

    const result = await admin('POST', '/organizations', { id: 'acme', clientId: 'other-client', clientSecret: 'other-client-secret-1' });

    expect(result.status).toBe(409);
    expect(result.body.error).toBe('Organization "acme" already exists; send "replace": true to replace its credentials, name and role (its webhooks are kept).');
    expect(emulator.organizations().find((organization) => organization.id === 'acme')).toEqual(before);
    await expect(tokenFor(emulator, ACME)).resolves.toEqual(expect.any(String));
  });

  test('replace true replaces the credentials', async () => {
    const replaced = await admin('POST', '/organizations', { id: 'acme', clientId: 'acme-client-2', clientSecret: 'acme-client-secret-2', replace: true });

    expect(replaced.status).toBe(201);
    expect(replaced.body.organization).toMatchObject({ id: 'acme', clientId: 'acme-client-2' });
    await expect(tokenFor(emulator, { id: 'acme', clientId: 'acme-client-2', clientSecret: 'acme-client-secret-2' })).resolves.toEqual(expect.any(String));
  });

  test('replace of the wrong type is rejected', async () => {
    const result = await admin('POST', '/organizations', { id: 'acme', clientId: 'acme-client-2', clientSecret: 'acme-client-secret-2', replace: 'yes' });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('Field "replace" must be true or false when set.');
  });

  test('organization without a client secret is rejected', async () => {
    const result = await admin('POST', '/organizations', { id: 'initech', clientId: 'initech-client' });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('Organization field "clientSecret" must be a non-empty string.');
  });

  test('webhooks are created, edited and removed out of band', async () => {
    const created = await admin('POST', '/organizations/acme/webhooks', { url: 'https://hooks.example.com/in', events: ['book.verified'], description: 'Seeded' });
    expect(created.status).toBe(201);
    const uuid = created.body.webhook.uuid;
    expect(created.body.webhook).toMatchObject({ organization: 'acme', url: 'https://hooks.example.com/in', isActive: true, hasSecret: false, description: 'Seeded' });

    const edited = await admin('PATCH', `/organizations/acme/webhooks/${uuid}`, { isActive: false, events: ['book.completed'] });
    expect(edited.status).toBe(200);
    expect(edited.body.webhook).toMatchObject({ uuid, isActive: false, events: ['book.completed'] });
    expect(emulator.webhooks('acme')[0]).toMatchObject({ isActive: false, events: ['book.completed'] });

    const listed = await admin('GET', '/organizations/acme/webhooks');
    expect(listed.body.webhooks).toHaveLength(1);

    const removed = await admin('DELETE', `/organizations/acme/webhooks/${uuid}`);
    expect(removed.body).toEqual({ deleted: uuid });
    expect(emulator.webhooks('acme')).toEqual([]);

    const again = await admin('DELETE', `/organizations/acme/webhooks/${uuid}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe(`Webhook ${uuid} not found in organization "acme".`);
  });

  test('out-of-band edits follow the API rules', async () => {
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const badEvent = await admin('PATCH', `/organizations/acme/webhooks/${uuid}`, { events: ['book.verifyed'] });
    const badField = await admin('PATCH', `/organizations/acme/webhooks/${uuid}`, { is_active: false });

    expect(badEvent.status).toBe(400);
    expect(badEvent.body.error).toBe('Event(s) with name book.verifyed doesnt exist');
    expect(badField.status).toBe(400);
    expect(badField.body.error).toBe('Unknown webhook field(s) is_active; expected url, description, isActive, events.');
  });

  test('unknown admin path and bad JSON are reported', async () => {
    const unknown = await admin('GET', '/nothing');
    const badJson = await send(`${emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });

    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'Unknown admin endpoint: GET /_emulator/nothing' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toEqual({ error: 'The request body must be valid JSON.' });
  });
});
