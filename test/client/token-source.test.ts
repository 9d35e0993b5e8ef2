import { OcrolusAuthenticationError } from '../../src/client';
import { ACCESS_TOKEN, AUTH_PATH, CLIENT_SECRET, envelope, errorEnvelope, mockSetup, PREFIX, rejectionOf } from './helpers';

const HOUR_MS = 60 * 60 * 1000;

interface Captured {
  readonly bodies: unknown[];
  readonly authorizations: string[];
}

function headerOf(headers: unknown, name: string): string {
  if (headers === undefined || headers === null) return '';
  const record = headers as Record<string, string>;
  return record[name] ?? record[name.toLowerCase()] ?? '';
}

/** Serves tokens `token-1`, `token-2`, ... with `expiresIn` seconds, recording each request body. */
function serveTokens(setup: ReturnType<typeof mockSetup>, expiresIn = 86400, delayMs = 0): Captured {
  const captured: Captured = { bodies: [], authorizations: [] };
  const interceptor = setup.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply((request) => {
    captured.bodies.push(JSON.parse(String(request.body)));
    return { statusCode: 200, data: { access_token: `token-${captured.bodies.length}`, token_type: 'Bearer', expires_in: expiresIn } };
  });
  interceptor.persist();
  if (delayMs > 0) interceptor.delay(delayMs);
  return captured;
}

/** Replies to every list call with an empty list and records the Authorization header. */
function serveList(setup: ReturnType<typeof mockSetup>, captured: Captured): void {
  setup.api
    .intercept({ path: `${PREFIX}/webhooks`, method: 'GET' })
    .reply((request) => {
      captured.authorizations.push(headerOf(request.headers, 'authorization'));
      return { statusCode: 200, data: envelope({ webhooks: [] }) };
    })
    .persist();
}

describe('token source', () => {
  test('sends client credentials as JSON', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    serveList(setup, captured);

    await setup.client.listWebhooks();

    expect(captured.bodies).toEqual([{ grant_type: 'client_credentials', client_id: 'client-id-1', client_secret: CLIENT_SECRET }]);
    expect(captured.authorizations).toEqual(['Bearer token-1']);
  });

  test('sends audience when asked', async () => {
    const setup = mockSetup({ sendAudience: true }, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    serveList(setup, captured);

    await setup.client.listWebhooks();

    expect(captured.bodies).toEqual([
      { grant_type: 'client_credentials', client_id: 'client-id-1', client_secret: CLIENT_SECRET, audience: 'https://api.ocrolus.com/' },
    ]);
  });

  test('caches the token', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    serveList(setup, captured);

    await setup.client.listWebhooks();
    await setup.client.listWebhooks();
    await setup.client.listWebhooks();

    expect(captured.bodies).toHaveLength(1);
    expect(captured.authorizations).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    expect(setup.client.stats()).toMatchObject({ requests: 3, tokenRequests: 1 });
  });

  test('concurrent callers share one request', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup, 86400, 50);
    serveList(setup, captured);

    await Promise.all(Array.from({ length: 6 }, () => setup.client.listWebhooks()));

    expect(captured.bodies).toHaveLength(1);
    expect(new Set(captured.authorizations)).toEqual(new Set(['Bearer token-1']));
  });

  test('renews at half the lifetime', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup, 3600);
    serveList(setup, captured);

    await setup.client.listWebhooks();
    setup.clock.advance(1800 * 1000 - 1);
    await setup.client.listWebhooks();
    setup.clock.advance(2);
    await setup.client.listWebhooks();

    expect(captured.authorizations).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  test('renews after twelve hours at most', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup, 86400 * 2);
    serveList(setup, captured);

    await setup.client.listWebhooks();
    setup.clock.advance(12 * HOUR_MS - 1);
    await setup.client.listWebhooks();
    setup.clock.advance(2);
    await setup.client.listWebhooks();

    expect(captured.authorizations).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  test('failed renewal keeps a valid token', async () => {
    const setup = mockSetup({ retry: { maxAttempts: 1 } }, { tokenReplies: 1 });
    const captured: Captured = { bodies: [], authorizations: [] };
    serveList(setup, captured);
    await setup.client.listWebhooks();
    setup.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(503, 'unavailable');

    setup.clock.advance(12 * HOUR_MS + 1);
    await setup.client.listWebhooks();

    expect(captured.authorizations).toEqual([`Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`]);
    expect(setup.client.stats().tokenRequests).toBe(2);
  });

  test('token server error is retried', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    setup.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(503, 'unavailable');
    serveTokens(setup);
    setup.api.intercept({ path: `${PREFIX}/webhook/w1/test`, method: 'POST' }).reply(200, envelope({ uuid: 'request-1' }));

    const result = await setup.client.testWebhook('w1', 'e1');

    expect(result).toEqual({ requestUuid: 'request-1' });
    expect(setup.client.stats()).toMatchObject({ tokenRequests: 2, requests: 1, retries: 1 });
    expect(setup.clock.sleeps).toHaveLength(1);
  });

  test('access denied is not retried', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    setup.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(400, { error: 'access_denied', error_description: 'Unauthorized' });

    const error = await rejectionOf(setup.client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusAuthenticationError);
    expect(setup.client.stats()).toMatchObject({ tokenRequests: 1, requests: 0, retries: 0 });
  });
});

describe('stale token', () => {
  test('401 renews the token once', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply((request) => {
      captured.authorizations.push(headerOf(request.headers, 'authorization'));
      return { statusCode: 401, data: errorEnvelope(401, 1200, 'Authentication failed') };
    });
    serveList(setup, captured);

    const webhooks = await setup.client.listWebhooks();

    expect(webhooks).toEqual([]);
    expect(captured.authorizations).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(captured.bodies).toHaveLength(2);
    expect(setup.clock.sleeps).toEqual([]);
  });

  test('code 1200 in http 200 renews the token', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, errorEnvelope(401, 1200, 'Authentication failed'));
    serveList(setup, captured);

    await setup.client.listWebhooks();

    expect(captured.authorizations).toEqual(['Bearer token-2']);
  });

  test('second 401 fails', async () => {
    const setup = mockSetup({}, { tokenReplies: 0 });
    const captured = serveTokens(setup);
    setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(401, errorEnvelope(401, 1200, 'Authentication failed')).times(2);

    const error = await rejectionOf(setup.client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusAuthenticationError);
    expect(error).toMatchObject({ attempts: 2, httpStatus: 401 });
    expect(captured.bodies).toHaveLength(2);
    expect(setup.client.stats().requests).toBe(2);
  });
});
