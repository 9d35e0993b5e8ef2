import { OcrolusConflictError, OcrolusTimeoutError } from '../../src/client';
import { envelope, errorEnvelope, mockSetup, PREFIX, rejectionOf, wireWebhook } from './helpers';

const ADD = { path: `${PREFIX}/webhook`, method: 'POST' } as const;
const LIST = { path: `${PREFIX}/webhooks`, method: 'GET' } as const;
const INPUT = { url: 'https://hooks.example.com/orders', description: 'Orders', eventNames: ['book.verified'] };

/** Counts add requests as MockAgent serves them. */
function countAdds(setup: ReturnType<typeof mockSetup>, reply: { status: number; body: unknown; delayMs?: number }): { count: number } {
  const counter = { count: 0 };
  const interceptor = setup.api.intercept(ADD).reply(() => {
    counter.count += 1;
    return { statusCode: reply.status, data: JSON.stringify(reply.body) };
  });
  if (reply.delayMs !== undefined) interceptor.delay(reply.delayMs);
  return counter;
}

describe('add recovery', () => {
  test('timeout then found by url', async () => {
    const setup = mockSetup({ timeoutMs: 30 });
    const adds = countAdds(setup, { status: 200, body: envelope({ uuid: 'w-new' }), delayMs: 5_000 });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [wireWebhook('w-other', 'https://other.example.com/'), wireWebhook('w-new', 'HTTPS://Hooks.Example.com/orders/')] }));

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toEqual({
      uuid: 'w-new',
      recovered: true,
      webhook: {
        uuid: 'w-new',
        url: 'HTTPS://Hooks.Example.com/orders/',
        description: 'Orders',
        isActive: true,
        createdOn: '2024-01-01T00:00:00Z',
        lastModifiedDate: '2024-01-02T00:00:00Z',
      },
    });
    expect(adds.count).toBe(1);
    expect(setup.client.stats()).toMatchObject({ requests: 2, recoveredAdds: 1 });
  });

  test('timeout then missing re-sends', async () => {
    const setup = mockSetup({ timeoutMs: 30 });
    const firstAdd = countAdds(setup, { status: 200, body: envelope({ uuid: 'never-seen' }), delayMs: 5_000 });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [] }));
    const secondAdd = countAdds(setup, { status: 200, body: envelope({ uuid: 'w-new' }) });

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toEqual({ uuid: 'w-new' });
    expect(firstAdd.count + secondAdd.count).toBe(2);
    expect(setup.clock.sleeps).toHaveLength(1);
  });

  test('503 then found by url', async () => {
    const setup = mockSetup();
    const adds = countAdds(setup, { status: 503, body: { message: 'unavailable' } });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [wireWebhook('w-new', 'https://hooks.example.com/orders')] }));

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toMatchObject({ uuid: 'w-new', recovered: true });
    expect(adds.count).toBe(1);
  });

  test('conflict after ambiguous attempt recovers', async () => {
    const setup = mockSetup({ timeoutMs: 30 });
    countAdds(setup, { status: 200, body: envelope({ uuid: 'late' }), delayMs: 5_000 });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [] }));
    countAdds(setup, { status: 200, body: errorEnvelope(400, 1000, 'Webhook with url https://hooks.example.com/orders already exists') });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [wireWebhook('late', 'https://hooks.example.com/orders')] }));

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toMatchObject({ uuid: 'late', recovered: true });
  });

  test('plain conflict fails', async () => {
    const setup = mockSetup();
    const adds = countAdds(setup, { status: 200, body: errorEnvelope(400, 1000, 'Webhook with url https://hooks.example.com/orders already exists') });

    const error = await rejectionOf(setup.client.addWebhook(INPUT));

    expect(error).toBeInstanceOf(OcrolusConflictError);
    expect(adds.count).toBe(1);
    expect(setup.client.stats().requests).toBe(1);
  });

  test('refused connection re-sends without listing', async () => {
    const setup = mockSetup();
    setup.api.intercept(ADD).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const adds = countAdds(setup, { status: 200, body: envelope({ uuid: 'w-new' }) });

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toEqual({ uuid: 'w-new' });
    expect(adds.count).toBe(1);
    expect(setup.client.stats().requests).toBe(2);
  });

  test('failed list keeps the ambiguous error', async () => {
    const setup = mockSetup({ timeoutMs: 30, retry: { maxAttempts: 2 } });
    countAdds(setup, { status: 200, body: envelope({ uuid: 'w-new' }), delayMs: 5_000 });
    setup.api.intercept(LIST).reply(403, errorEnvelope(403, 1316, 'Manager permission required'));

    const error = await rejectionOf(setup.client.addWebhook(INPUT));

    expect(error).toBeInstanceOf(OcrolusTimeoutError);
    expect(error).toMatchObject({ ambiguous: true, operation: 'addWebhook', attempts: 1 });
  });

  test('unreadable success found by url', async () => {
    const setup = mockSetup();
    const adds = countAdds(setup, { status: 200, body: envelope({ created: true }) });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [wireWebhook('w-new', 'https://hooks.example.com/orders')] }));

    const result = await setup.client.addWebhook(INPUT);

    expect(result).toMatchObject({ uuid: 'w-new', recovered: true });
    expect(adds.count).toBe(1);
  });

  test('last attempt recovers but does not re-send', async () => {
    const setup = mockSetup({ timeoutMs: 30, retry: { maxAttempts: 1 } });
    const adds = countAdds(setup, { status: 200, body: envelope({ uuid: 'w-new' }), delayMs: 5_000 });
    setup.api.intercept(LIST).reply(200, envelope({ webhooks: [] }));

    const error = await rejectionOf(setup.client.addWebhook(INPUT));

    expect(error).toBeInstanceOf(OcrolusTimeoutError);
    expect(adds.count).toBe(1);
    expect(setup.client.stats().requests).toBe(2);
  });
});
