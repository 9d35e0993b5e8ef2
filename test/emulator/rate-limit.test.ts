import { ACME, GLOBEX, callApi, startTestEmulator, tokenFor } from './helpers';

describe('emulator rate limit', () => {
  test('25 concurrent requests at limit 20 get at least one 429', async () => {
    const emulator = await startTestEmulator({ requestsPerSecond: 20 });
    try {
      const token = await tokenFor(emulator);

      const results = await Promise.all(Array.from({ length: 25 }, () => callApi(emulator, token, 'GET', '/webhooks')));

      const statuses = results.map((result) => result.status);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(20);
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    } finally {
      await emulator.close();
    }
  });

  describe('with a fixed clock', () => {
    let now = 0;

    async function startAtLimit(options: { retryAfterHeader?: boolean; errorTransport?: 'http-status' | 'envelope-200' } = {}) {
      now = Date.parse('2026-01-05T10:00:00Z');
      const emulator = await startTestEmulator({ requestsPerSecond: 20, clock: () => now, variants: options });
      const token = await tokenFor(emulator);
      for (let index = 0; index < 20; index += 1) {
        expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
      }
      return { emulator, token };
    }

    test('21st request in the window gets 429 without Retry-After', async () => {
      const { emulator, token } = await startAtLimit();
      try {
        const limited = await callApi(emulator, token, 'GET', '/webhooks');

        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBeUndefined();
        expect(limited.body).toEqual({
          status: 429,
          code: 1006,
          message: 'Too many requests: the organization exceeded its rate limit',
          response: null,
          meta: { status: 429, code: 1006, msg: 'Too many requests: the organization exceeded its rate limit' },
        });
        expect(emulator.requests('acme').at(-1)).toMatchObject({ route: 'list', status: 429 });
      } finally {
        await emulator.close();
      }
    });

    test('Retry-After counts seconds until the window has room', async () => {
      const { emulator, token } = await startAtLimit({ retryAfterHeader: true });
      try {
        now += 200;
        const limited = await callApi(emulator, token, 'GET', '/webhooks');

        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBe('1');
      } finally {
        await emulator.close();
      }
    });

    test('envelope-200 transport still answers HTTP 429', async () => {
      const { emulator, token } = await startAtLimit({ errorTransport: 'envelope-200' });
      try {
        const limited = await callApi(emulator, token, 'GET', '/webhooks');

        expect(limited.status).toBe(429);
        expect(limited.body.status).toBe(429);
      } finally {
        await emulator.close();
      }
    });

    test('window slides after one second', async () => {
      const { emulator, token } = await startAtLimit();
      try {
        now += 999;
        expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(429);

        now += 1;
        expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
      } finally {
        await emulator.close();
      }
    });

    test('limit is per organization and covers every route', async () => {
      const { emulator, token } = await startAtLimit();
      try {
        const globexToken = await tokenFor(emulator, GLOBEX);
        expect((await callApi(emulator, globexToken, 'GET', '/webhooks')).status).toBe(200);

        const add = await callApi(emulator, token, 'POST', '/webhook', { webhook: { url: 'https://hooks.example.com/in' }, event_names: ['book.verified'] });
        expect(add.status).toBe(429);
        expect(emulator.webhooks('acme')).toEqual([]);

        // The token endpoint is not limited.
        expect(await tokenFor(emulator, ACME)).toEqual(expect.any(String));
      } finally {
        await emulator.close();
      }
    });
  });

  test('requestsPerSecond false disables the limit', async () => {
    const emulator = await startTestEmulator({ requestsPerSecond: false });
    try {
      const token = await tokenFor(emulator);

      const results = await Promise.all(Array.from({ length: 40 }, () => callApi(emulator, token, 'GET', '/webhooks')));

      expect(results.map((result) => result.status)).toEqual(Array(40).fill(200));
    } finally {
      await emulator.close();
    }
  });
});
