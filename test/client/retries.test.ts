import { OcrolusAbortError, OcrolusRateLimitError, OcrolusServerError, type Clock } from '../../src/client';
import { envelope, mockSetup, PREFIX, rejectionOf, wireWebhook } from './helpers';

const LIST = { path: `${PREFIX}/webhooks`, method: 'GET' } as const;

describe('retries', () => {
  test('503 burst then success', async () => {
    const { api, client, clock, logs } = mockSetup();
    api.intercept(LIST).reply(503, 'Service Unavailable').times(3);
    api.intercept(LIST).reply(200, envelope({ webhooks: [wireWebhook('w1', 'https://a.example.com/x')] }));

    const webhooks = await client.listWebhooks();

    expect(webhooks.map((webhook) => webhook.uuid)).toEqual(['w1']);
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(client.stats()).toMatchObject({ requests: 4, retries: 3 });
    expect(logs.filter((record) => record.event === 'retry').map(({ attempt, delayMs, status }) => ({ attempt, delayMs, status }))).toEqual([
      { attempt: 1, delayMs: 100, status: 503 },
      { attempt: 2, delayMs: 200, status: 503 },
      { attempt: 3, delayMs: 400, status: 503 },
    ]);
  });

  test('retry-after seconds honoured', async () => {
    const { api, client, clock } = mockSetup();
    api.intercept(LIST).reply(429, { message: 'Too Many Requests' }, { headers: { 'retry-after': '2' } });
    api.intercept(LIST).reply(200, envelope({ webhooks: [] }));

    await client.listWebhooks();

    expect(clock.sleeps).toEqual([2000]);
  });

  test('retry-after date honoured', async () => {
    const { api, client, clock } = mockSetup();
    const date = new Date(clock.now() + 3000).toUTCString();
    api.intercept(LIST).reply(429, { message: 'Too Many Requests' }, { headers: { 'retry-after': date } });
    api.intercept(LIST).reply(200, envelope({ webhooks: [] }));

    await client.listWebhooks();

    expect(clock.sleeps).toEqual([3000]);
  });

  test('retry-after capped', async () => {
    const { api, client, clock } = mockSetup({ retry: { maxDelayMs: 5000 } });
    api.intercept(LIST).reply(429, '', { headers: { 'retry-after': '3600' } });
    api.intercept(LIST).reply(200, envelope({ webhooks: [] }));

    await client.listWebhooks();

    expect(clock.sleeps).toEqual([5000]);
  });

  test('equal jitter configured', async () => {
    const { api, client, clock } = mockSetup({ retry: { jitter: 'equal', baseDelayMs: 1000 } });
    clock.randomValue = 0;
    api.intercept(LIST).reply(503, '').times(2);
    api.intercept(LIST).reply(200, envelope({ webhooks: [] }));

    await client.listWebhooks();

    expect(clock.sleeps).toEqual([500, 1000]);
  });

  test('budget spent throws with attempts', async () => {
    const { api, client, clock } = mockSetup();
    api.intercept(LIST).reply(503, 'Service Unavailable').times(5);

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusServerError);
    expect(error).toMatchObject({ attempts: 5, httpStatus: 503 });
    expect(error.message).toMatch(/after 5 attempts$/);
    expect(clock.sleeps).toHaveLength(4);
    expect(client.stats().requests).toBe(5);
  });

  test('rate limit spent throws', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 2 } });
    api.intercept(LIST).reply(429, '').times(2);

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusRateLimitError);
    expect(error).toMatchObject({ attempts: 2 });
  });

  test('update retried after timeout', async () => {
    const { api, client } = mockSetup();
    const route = { path: `${PREFIX}/webhook/w1/update`, method: 'POST' } as const;
    api.intercept(route).reply(200, envelope({})).delay(5_000);
    api.intercept(route).reply(200, envelope(null));

    await client.updateWebhook('w1', { description: 'Orders' }, { timeoutMs: 30 });

    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  test('delete retried after reset', async () => {
    const { api, client } = mockSetup();
    const route = { path: `${PREFIX}/webhook/w1/delete`, method: 'DELETE' } as const;
    api.intercept(route).replyWithError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));
    api.intercept(route).reply(200, envelope({}));

    await client.deleteWebhook('w1');

    expect(client.stats().requests).toBe(2);
  });

  test('test not retried after 503', async () => {
    const { api, client } = mockSetup();
    api.intercept({ path: `${PREFIX}/webhook/w1/test`, method: 'POST' }).reply(503, '');

    const error = await rejectionOf(client.testWebhook('w1', 'e1'));

    expect(error).toBeInstanceOf(OcrolusServerError);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0 });
  });

  test('test retried after 429', async () => {
    const { api, client } = mockSetup();
    const route = { path: `${PREFIX}/webhook/w1/test`, method: 'POST' } as const;
    api.intercept(route).reply(429, '');
    api.intercept(route).reply(200, envelope({ uuid: 'request-1' }));

    const result = await client.testWebhook('w1', 'e1');

    expect(result).toEqual({ requestUuid: 'request-1' });
    expect(client.stats().requests).toBe(2);
  });

  test('test retried when not sent', async () => {
    const { api, client } = mockSetup();
    const route = { path: `${PREFIX}/webhook/w1/test`, method: 'POST' } as const;
    api.intercept(route).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    api.intercept(route).reply(200, envelope({ uuid: 'request-1' }));

    await client.testWebhook('w1', 'e1');

    expect(client.stats().requests).toBe(2);
  });

  test('abort cancels the backoff wait', async () => {
    const sleeping: number[] = [];
    const clock: Clock = {
      now: () => 0,
      random: () => 0.5,
      sleep: (ms, signal) =>
        new Promise((_resolve, reject) => {
          sleeping.push(ms);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    };
    const { api, client } = mockSetup({ clock });
    api.intercept(LIST).reply(503, '');
    const controller = new AbortController();

    const pending = rejectionOf(client.listWebhooks({ signal: controller.signal }));
    while (sleeping.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await pending;

    expect(error).toBeInstanceOf(OcrolusAbortError);
    expect(error).toMatchObject({ attempts: 1, operation: 'listWebhooks' });
    expect(sleeping).toEqual([100]);
  });
});
