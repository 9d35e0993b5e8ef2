import { TOKEN_AUDIENCE, type Emulator } from '../../src/emulator';
import { ACME, GLOBEX, callApi, send, startTestEmulator, tokenFor } from './helpers';

const DENIED = { error: 'access_denied', error_description: 'Unauthorized' };

describe('emulator token endpoint', () => {
  let emulator: Emulator;
  let now: number;

  beforeEach(async () => {
    now = Date.parse('2026-01-05T10:00:00Z');
    emulator = await startTestEmulator({ clock: () => now, tokenLifetimeSeconds: 3600 });
  });

  afterEach(async () => {
    await emulator.close();
  });

  function postToken(body: string | undefined, headers: Record<string, string> = {}): ReturnType<typeof send> {
    return send(emulator.authUrl, { method: 'POST', headers, body });
  }

  test('authUrl is the oauth token path', () => {
    expect(emulator.authUrl).toBe(`${emulator.url}/oauth/token`);
    expect(emulator.apiUrl).toBe(emulator.url);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
  });

  test('JSON body grants a bearer token', async () => {
    const result = await postToken(JSON.stringify({ grant_type: 'client_credentials', client_id: ACME.clientId, client_secret: ACME.clientSecret, audience: TOKEN_AUDIENCE }), {
      'Content-Type': 'application/json',
    });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600 });
    expect(result.body.access_token.split('.')).toHaveLength(3);
    expect(result.body.access_token).not.toContain(ACME.clientSecret);
  });

  test('form body grants a token', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: ACME.clientId, client_secret: ACME.clientSecret }).toString();
    const result = await postToken(form, { 'Content-Type': 'application/x-www-form-urlencoded' });

    expect(result.status).toBe(200);
    expect(result.body.token_type).toBe('Bearer');
  });

  test('HTTP Basic without a body grants a token', async () => {
    const basic = Buffer.from(`${GLOBEX.clientId}:${GLOBEX.clientSecret}`).toString('base64');
    const result = await postToken(undefined, { Authorization: `Basic ${basic}` });

    expect(result.status).toBe(200);
    const listed = await callApi(emulator, result.body.access_token, 'GET', '/webhooks');
    expect(listed.status).toBe(200);
    expect(emulator.requests('globex').map((entry) => entry.route)).toEqual(['token', 'list']);
  });

  test('wrong secret is denied', async () => {
    const result = await postToken(JSON.stringify({ grant_type: 'client_credentials', client_id: ACME.clientId, client_secret: 'wrong-secret' }), {
      'Content-Type': 'application/json',
    });

    expect(result.status).toBe(400);
    expect(result.body).toEqual(DENIED);
    expect(emulator.requests()).toEqual([{ organization: 'acme', method: 'POST', path: '/oauth/token', route: 'token', status: 400, at: '2026-01-05T10:00:00.000Z' }]);
  });

  test('wrong Basic secret is denied', async () => {
    const basic = Buffer.from(`${ACME.clientId}:nope`).toString('base64');
    const result = await postToken(undefined, { Authorization: `Basic ${basic}` });

    expect(result.status).toBe(400);
    expect(result.body).toEqual(DENIED);
  });

  test('unknown client id is denied', async () => {
    const result = await postToken(JSON.stringify({ grant_type: 'client_credentials', client_id: 'someone', client_secret: 'x' }), { 'Content-Type': 'application/json' });

    expect(result.status).toBe(400);
    expect(result.body).toEqual(DENIED);
    expect(emulator.requests()[0].organization).toBeUndefined();
  });

  test.each([['https://api.ocrolus.com'], ['https://api.example.com/'], ['']])('audience %p is denied', async (audience) => {
    const result = await postToken(JSON.stringify({ grant_type: 'client_credentials', client_id: ACME.clientId, client_secret: ACME.clientSecret, audience }), {
      'Content-Type': 'application/json',
    });

    expect(result.status).toBe(400);
    expect(result.body).toEqual(DENIED);
  });

  test('missing grant_type is rejected', async () => {
    const result = await postToken(JSON.stringify({ client_id: ACME.clientId, client_secret: ACME.clientSecret }), { 'Content-Type': 'application/json' });

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('unsupported_grant_type');
  });

  test('malformed JSON is rejected', async () => {
    const result = await postToken('{"grant_type":', { 'Content-Type': 'application/json' });

    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: 'invalid_request', error_description: 'The request body is not valid JSON.' });
  });

  test('no credentials at all are rejected', async () => {
    const result = await postToken(undefined);

    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_request');
  });

  test('token expires after its lifetime', async () => {
    const token = await tokenFor(emulator);
    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);

    now += 3599 * 1000;
    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);

    now += 1000;
    const expired = await callApi(emulator, token, 'GET', '/webhooks');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ status: 401, code: 1200, response: null });
  });

  test('missing, malformed and forged tokens fail with 1200', async () => {
    const token = await tokenFor(emulator);
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), org: 'globex', sub: GLOBEX.clientId })).toString('base64url');

    for (const candidate of ['', 'garbage', `${header}.${forgedPayload}.${signature}`]) {
      const result = await callApi(emulator, candidate, 'GET', '/webhooks');
      expect(result.status).toBe(401);
      expect(result.body.code).toBe(1200);
      expect(result.body.message).toBe('Authentication failed: the bearer token is missing, invalid or expired');
    }
  });

  test('token stops working when its client id is replaced', async () => {
    const token = await tokenFor(emulator);
    emulator.addOrganization({ ...ACME, clientId: 'acme-client-2' });

    expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(401);
    expect((await callApi(emulator, await tokenFor(emulator, { ...ACME, clientId: 'acme-client-2' }), 'GET', '/webhooks')).status).toBe(200);
  });

  test('token of one organization never reaches another', async () => {
    const acmeToken = await tokenFor(emulator, ACME);
    emulator.seedWebhook('globex', { url: 'https://hooks.example.com/globex', events: ['book.verified'] });

    const listed = await callApi(emulator, acmeToken, 'GET', '/webhooks');
    expect(listed.body.response).toEqual({ webhooks: [] });
  });
});
