import { request } from 'undici';

import type { Emulator } from '../../src/emulator';
import { ACME, API, GLOBEX, callApi, send, startTestEmulator, tokenFor } from './helpers';

describe('emulator faults', () => {
  let emulator: Emulator;
  let token: string;

  beforeEach(async () => {
    emulator = await startTestEmulator();
    token = await tokenFor(emulator);
    emulator.clearRequests();
  });

  afterEach(async () => {
    await emulator.close();
  });

  const addBody = { webhook: { url: 'https://hooks.example.com/in' }, event_names: ['book.verified'] };

  test('status fault answers count times, then the route works', async () => {
    emulator.injectFault({ kind: 'status', route: 'list', status: 503, count: 2 });

    const first = await callApi(emulator, token, 'GET', '/webhooks');
    const second = await callApi(emulator, token, 'GET', '/webhooks');
    const third = await callApi(emulator, token, 'GET', '/webhooks');

    expect(first.status).toBe(503);
    expect(first.body).toEqual({ status: 503, code: 1000, message: 'Service Unavailable', response: null, meta: { status: 503, code: 1000, msg: 'Service Unavailable' } });
    expect(second.status).toBe(503);
    expect(third.status).toBe(200);
    expect(emulator.requests().map((entry) => entry.status)).toEqual([503, 503, 200]);
  });

  test('status fault carries a chosen code and message', async () => {
    emulator.injectFault({ kind: 'status', route: '*', status: 403, code: 1317, message: 'Not a member of the organization' });

    const result = await callApi(emulator, token, 'GET', '/webhooks');

    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({ status: 403, code: 1317, message: 'Not a member of the organization' });
  });

  test('status fault follows envelope-200 below 500 and keeps 5xx', async () => {
    emulator.setVariants({ errorTransport: 'envelope-200' });
    emulator.injectFault({ kind: 'status', route: 'list', status: 400, code: 1003 });
    emulator.injectFault({ kind: 'status', route: 'list', status: 500 });

    const clientError = await callApi(emulator, token, 'GET', '/webhooks');
    const serverError = await callApi(emulator, token, 'GET', '/webhooks');

    expect(clientError.status).toBe(200);
    expect(clientError.body).toMatchObject({ status: 400, code: 1003 });
    expect(serverError.status).toBe(500);
    expect(serverError.body).toMatchObject({ status: 500 });
  });

  test('fault for one organization spares another', async () => {
    const globexToken = await tokenFor(emulator, GLOBEX);
    emulator.injectFault({ kind: 'status', route: '*', status: 502, organization: 'globex' });

    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
    expect((await callApi(emulator, globexToken, 'GET', '/webhooks')).status).toBe(502);
    expect((await callApi(emulator, globexToken, 'GET', '/webhooks')).status).toBe(200);
  });

  test('status fault on the token route answers in OAuth form', async () => {
    emulator.injectFault({ kind: 'status', route: 'token', status: 503 });

    const result = await send(emulator.authUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: ACME.clientId, client_secret: ACME.clientSecret }),
    });

    expect(result.status).toBe(503);
    expect(result.body).toEqual({ error: 'server_error', error_description: 'Service Unavailable' });
    expect(emulator.requests()).toEqual([expect.objectContaining({ organization: 'acme', route: 'token', status: 503 })]);
  });

  test('latency fault delays the response', async () => {
    emulator.injectFault({ kind: 'latency', route: 'list', ms: 300 });

    const started = performance.now();
    const result = await callApi(emulator, token, 'GET', '/webhooks');
    const elapsed = performance.now() - started;

    expect(result.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  test('latency combines with a status fault', async () => {
    emulator.injectFault({ kind: 'latency', route: '*', ms: 100 });
    emulator.injectFault({ kind: 'status', route: '*', status: 504 });

    const started = performance.now();
    const result = await callApi(emulator, token, 'GET', '/webhooks');

    expect(result.status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  test('drop fault destroys the socket before handling', async () => {
    emulator.injectFault({ kind: 'drop', route: 'add' });

    await expect(callApi(emulator, token, 'POST', '/webhook', addBody)).rejects.toThrow();

    expect(emulator.webhooks('acme')).toEqual([]);
    expect(emulator.requests()).toEqual([expect.objectContaining({ organization: 'acme', route: 'add', status: 0 })]);

    const retried = await callApi(emulator, token, 'POST', '/webhook', addBody);
    expect(retried.status).toBe(200);
    expect(emulator.webhooks('acme')).toHaveLength(1);
  });

  test('commit-then-timeout applies the add and never answers', async () => {
    emulator.injectFault({ kind: 'commit-then-timeout', route: 'add', holdMs: 200 });

    const attempt = request(`${emulator.apiUrl}${API}/webhook`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(addBody),
    });

    await expect(attempt).rejects.toThrow();
    expect(emulator.webhooks('acme')).toEqual([expect.objectContaining({ url: 'https://hooks.example.com/in' })]);
    expect(emulator.requests()).toEqual([expect.objectContaining({ route: 'add', status: 0 })]);
  });

  test('commit-then-timeout with the default hold outlasts a client timeout', async () => {
    emulator.injectFault({ kind: 'commit-then-timeout', route: 'update' });
    const { uuid } = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/in', events: ['book.verified'] });

    const attempt = request(`${emulator.apiUrl}${API}/webhook/${uuid}/update`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ webhook: { is_active: false } }),
      headersTimeout: 300,
    });

    await expect(attempt).rejects.toThrow(/timeout/i);
    expect(emulator.webhooks('acme')[0].isActive).toBe(false);
  });

  test('clearFaults removes pending faults', async () => {
    emulator.injectFault({ kind: 'status', route: '*', status: 500, count: 10 });
    emulator.clearFaults();

    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
  });

  test.each([
    [{ kind: 'explode', route: 'add' }, 'Fault "kind" must be one of'],
    [{ kind: 'status', route: 'create', status: 500 }, 'Fault "route" must be one of'],
    [{ kind: 'status', route: 'add', status: 200 }, 'Fault field "status" must be an HTTP error status'],
    [{ kind: 'latency', route: 'add' }, 'Fault field "ms" must be a non-negative number'],
    [{ kind: 'drop', route: 'add', count: 0 }, 'Fault field "count" must be a positive integer'],
  ])('injectFault rejects %p', (fault, message) => {
    expect(() => emulator.injectFault(fault as never)).toThrow(message);
  });
});
