import { request } from 'undici';

import { EMULATOR_EVENT_NAMES, eventUuid, startEmulator } from '../../src/emulator';
import { ACME, API, GLOBEX, callApi, send, startReceiver, startTestEmulator, tokenFor } from './helpers';

describe('emulator inspection', () => {
  test('requests() is the exact request log', async () => {
    let now = Date.parse('2026-02-01T08:00:00Z');
    const emulator = await startTestEmulator({ clock: () => now });
    try {
      const token = await tokenFor(emulator);
      now += 1000;
      const added = await callApi(emulator, token, 'POST', '/webhook', { webhook: { url: 'https://hooks.example.com/in' }, event_names: ['book.verified'] });
      const uuid = added.body.response.uuid;
      await callApi(emulator, token, 'GET', `/webhook/${uuid}`);
      await callApi(emulator, 'bad-token', 'GET', '/webhooks');
      await send(`${emulator.url}/v1/unknown`);

      expect(emulator.requests()).toEqual([
        { organization: 'acme', method: 'POST', path: '/oauth/token', route: 'token', status: 200, at: '2026-02-01T08:00:00.000Z' },
        { organization: 'acme', method: 'POST', path: `${API}/webhook`, route: 'add', status: 200, at: '2026-02-01T08:00:01.000Z' },
        { organization: 'acme', method: 'GET', path: `${API}/webhook/${uuid}`, route: 'retrieve', status: 200, at: '2026-02-01T08:00:01.000Z' },
        { method: 'GET', path: `${API}/webhooks`, route: 'list', status: 401, at: '2026-02-01T08:00:01.000Z' },
        { method: 'GET', path: '/v1/unknown', status: 404, at: '2026-02-01T08:00:01.000Z' },
      ]);
      expect(emulator.requests('acme')).toHaveLength(3);
      expect(emulator.requests('globex')).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  test('requests() returns copies and clearRequests empties the log', async () => {
    const emulator = await startTestEmulator();
    try {
      await tokenFor(emulator);
      const [copy] = emulator.requests();
      copy.status = 999;

      expect(emulator.requests()[0].status).toBe(200);
      emulator.clearRequests();
      expect(emulator.requests()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  test('webhooks() returns sorted copies with secrets', async () => {
    let now = Date.parse('2026-02-01T08:00:00Z');
    const emulator = await startTestEmulator({ clock: () => now });
    try {
      const first = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/1', events: ['book.verified'] });
      now += 1000;
      const second = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/2', events: ['book.completed'], isActive: false, description: 'Second one' });
      const token = await tokenFor(emulator);
      await callApi(emulator, token, 'POST', `/webhook/${first.uuid}/rotate-secret`, { secret_key: 'inspection-secret-0001' });

      const webhooks = emulator.webhooks('acme');
      expect(webhooks).toEqual([
        { ...first, secret: 'inspection-secret-0001' },
        { uuid: second.uuid, url: 'https://hooks.example.com/2', description: 'Second one', isActive: false, events: ['book.completed'], createdOn: '2026-02-01T08:00:01.000Z', lastModifiedDate: '2026-02-01T08:00:01.000Z' },
      ]);

      webhooks[0].events.push('book.classified');
      expect(emulator.webhooks('acme')[0].events).toEqual(['book.verified']);
      expect(() => emulator.webhooks('initech')).toThrow('Organization "initech" not found; known organizations: acme, globex.');
    } finally {
      await emulator.close();
    }
  });

  test('log gets one line per request and never a secret', async () => {
    const lines: string[] = [];
    const receiver = await startReceiver();
    const emulator = await startTestEmulator({ log: (line) => lines.push(line) });
    try {
      const token = await tokenFor(emulator);
      const globexToken = await tokenFor(emulator, GLOBEX);
      const url = receiver.url.replace('http://', 'http://hook-user:url-p4ssw0rd@');
      const added = await callApi(emulator, token, 'POST', '/webhook', { webhook: { url, description: 'Body text marker' }, event_names: ['book.verified'] });
      const uuid = added.body.response.uuid;
      await callApi(emulator, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: 'log-test-signing-secret' });
      await callApi(emulator, token, 'POST', `/webhook/${uuid}/test`, { event_uuid: eventUuid('book.verified') });
      await callApi(emulator, globexToken, 'GET', '/webhooks');
      await send(`${emulator.url}/_emulator/health`);

      expect(lines).toHaveLength(7);
      expect(lines[0]).toMatch(/^POST \/oauth\/token 200 org=acme \d+ms$/);
      expect(lines[2]).toMatch(new RegExp(`^POST ${API}/webhook 200 org=acme \\d+ms$`));
      expect(lines[5]).toMatch(new RegExp(`^GET ${API}/webhooks 200 org=globex \\d+ms$`));
      expect(lines[6]).toBe('GET /_emulator/health 200 admin');

      const text = lines.join('\n');
      for (const secret of [ACME.clientSecret, GLOBEX.clientSecret, token, globexToken, 'url-p4ssw0rd', 'log-test-signing-secret', 'Body text marker']) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await emulator.close();
      await receiver.close();
    }
  });

  test('close ends held responses at once and can be called twice', async () => {
    const emulator = await startTestEmulator();
    const token = await tokenFor(emulator);
    emulator.injectFault({ kind: 'commit-then-timeout', route: 'list', holdMs: 600000 });
    emulator.injectFault({ kind: 'latency', route: 'retrieve', ms: 600000 });

    const held = request(`${emulator.apiUrl}${API}/webhooks`, { headers: { Authorization: `Bearer ${token}` } }).catch((error: Error) => error);
    const slow = request(`${emulator.apiUrl}${API}/webhook/x`, { headers: { Authorization: `Bearer ${token}` } }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await Promise.all([emulator.close(), emulator.close()]);

    expect(await held).toBeInstanceOf(Error);
    expect(await slow).toBeInstanceOf(Error);
  });

  test('port option and host are honoured', async () => {
    const probe = await startEmulator();
    const port = probe.port;
    await probe.close();

    const emulator = await startEmulator({ port, host: '127.0.0.1' });
    try {
      expect(emulator.port).toBe(port);
      expect(emulator.url).toBe(`http://127.0.0.1:${port}`);
    } finally {
      await emulator.close();
    }
  });
});

describe('emulator event catalog', () => {
  test('names are the 35 documented plus book.analytics_v2.completed', () => {
    expect(EMULATOR_EVENT_NAMES).toHaveLength(36);
    expect(new Set(EMULATOR_EVENT_NAMES).size).toBe(36);
    expect(EMULATOR_EVENT_NAMES.filter((name) => name.startsWith('document.'))).toHaveLength(9);
    expect(EMULATOR_EVENT_NAMES).toEqual(expect.arrayContaining(['book.verified', 'mixed_document.rejected', 'analytics.config_updated', 'book.analytics_v2.completed']));
  });

  test('eventUuid is a stable version 5 uuid', () => {
    const uuid = eventUuid('book.verified');

    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid).toBe('cdaadf71-983e-53b8-a7f2-7e5a6fb64000');
    expect(eventUuid('book.verified')).toBe(uuid);
    expect(new Set(EMULATOR_EVENT_NAMES.map(eventUuid)).size).toBe(36);
  });
});
