import { OcrolusError, Redactor, redactText, redactValue } from '../../src/client';
import { ACCESS_TOKEN, AUTH_PATH, CLIENT_SECRET, envelope, errorEnvelope, mockSetup, PREFIX, rejectionOf } from './helpers';

const SECRET_KEY = 'planted-signing-secret-5e8d21aa';
const URL_PASSWORD = 'p4ss';
const SECRET_URL = `https://u:${URL_PASSWORD}@h.example.com/x`;
const PLANTED = [CLIENT_SECRET, ACCESS_TOKEN, SECRET_KEY, URL_PASSWORD];

describe('redactText', () => {
  test.each([
    ['authorization-header', 'Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    ['authorization-json', '{"authorization":"Basic dTpw"}', '{"authorization":"Basic ***"}'],
    ['bare-bearer', 'sent Bearer eyJhbGciOi.x-y_z', 'sent Bearer ***'],
    ['client-secret-json', '{"client_id":"id","client_secret":"s3cr3t"}', '{"client_id":"id","client_secret":"***"}'],
    ['client-secret-form', 'grant_type=client_credentials&client_secret=s3cr3t&x=1', 'grant_type=client_credentials&client_secret=***&x=1'],
    ['access-token-json', '{"access_token": "tok", "expires_in": 1}', '{"access_token": "***", "expires_in": 1}'],
    ['secret-key-json', '{"secret_key":"0123456789abcdef"}', '{"secret_key":"***"}'],
    ['url-password', 'Webhook with url https://user:pw@host.example.com/path already exists', 'Webhook with url https://user:***@host.example.com/path already exists'],
    ['url-without-password', 'https://user@host.example.com/path', 'https://user@host.example.com/path'],
    ['plain-text', 'Webhook with uuid 1234 not found', 'Webhook with uuid 1234 not found'],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe('redactValue', () => {
  test('blanks secret keys and nested strings', () => {
    const value = {
      headers: { Authorization: 'Basic dTpw', 'Webhook-Signature': 'abc123', 'Content-Type': 'application/json' },
      body: { secret_key: 'x'.repeat(20), url: 'https://a:b@c.example.com/' },
      list: ['Bearer tok'],
      absent: null,
    };

    expect(redactValue(value)).toEqual({
      headers: { Authorization: '***', 'Webhook-Signature': '***', 'Content-Type': 'application/json' },
      body: { secret_key: '***', url: 'https://a:***@c.example.com/' },
      list: ['Bearer ***'],
      absent: null,
    });
  });

  test('known secrets in every encoding', () => {
    const redactor = new Redactor();
    redactor.addSecret('p@ss "word" 1');

    expect(redactor.text('raw p@ss "word" 1 json p@ss \\"word\\" 1 url p%40ss%20%22word%22%201')).toBe('raw *** json *** url ***');
  });
});

describe('secrets in errors and logs', () => {
  test('planted secrets never appear', async () => {
    const errors: unknown[] = [];
    const collect = async (promise: Promise<unknown>): Promise<void> => {
      errors.push(await rejectionOf(promise));
    };

    // The token endpoint echoes the client secret.
    const denied = mockSetup({}, { tokenReplies: 0 });
    denied.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(400, { error: 'access_denied', error_description: `client_secret ${CLIENT_SECRET} rejected` });
    await collect(denied.client.listWebhooks());

    const setup = mockSetup({ retry: { maxAttempts: 2 } });
    const { api, client } = setup;

    // The API echoes the access token twice, so the renewal fails too.
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(401, errorEnvelope(401, 1200, `Token ${ACCESS_TOKEN} expired`));
    setup.auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(200, { access_token: ACCESS_TOKEN, expires_in: 86400 });
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(401, errorEnvelope(401, 1200, `Token ${ACCESS_TOKEN} expired`));
    await collect(client.listWebhooks());

    // The API echoes the signing secret.
    api.intercept({ path: `${PREFIX}/webhook/w1/rotate-secret`, method: 'POST' }).reply(200, errorEnvelope(400, 1003, `Secret ${SECRET_KEY} is too weak`));
    await collect(client.rotateSecret('w1', SECRET_KEY));

    // A too short signing secret is rejected locally without echoing it.
    await collect(client.rotateSecret('w1', 'short-secret'));

    // The API echoes a URL with a password, and a connection error quotes the Authorization header.
    api.intercept({ path: `${PREFIX}/webhook`, method: 'POST' }).reply(200, errorEnvelope(400, 1000, `Webhook with url ${SECRET_URL} already exists`));
    await collect(client.addWebhook({ url: SECRET_URL, eventNames: ['book.verified'] }));
    api.intercept({ path: `${PREFIX}/webhook/w1`, method: 'GET' }).replyWithError(new Error(`socket hang up; Authorization: Bearer ${ACCESS_TOKEN}`)).times(2);
    await collect(client.getWebhook('w1'));

    // The password of a percent-encoded URL is known by value, even where no pattern matches.
    api.intercept({ path: `${PREFIX}/webhook`, method: 'POST' }).reply(200, errorEnvelope(400, 1000, `Password ${URL_PASSWORD} is not allowed`));
    await collect(client.addWebhook({ url: SECRET_URL, eventNames: ['book.verified'] }));

    // A test delivery reports headers and a body that carry credentials.
    api.intercept({ path: `${PREFIX}/webhook/w1/test`, method: 'POST' }).reply(
      200,
      envelope({
        event_name: 'book.verified',
        delivery: {
          status: 200,
          headers: { authorization: 'Basic dTpwNHNz', 'webhook-signature': 'deadbeef', 'content-type': 'application/json' },
          body: `{"url":"${SECRET_URL}","secret_key":"${SECRET_KEY}"}`,
        },
      }),
    );
    const tested = await client.testWebhook('w1', 'e1');

    expect(errors).toHaveLength(7);
    for (const error of errors) expect(error).toBeInstanceOf(OcrolusError);
    const outputs = [
      ...errors.map((error) => (error as Error).message),
      ...errors.map((error) => JSON.stringify(error)),
      ...setup.logs.map((record) => JSON.stringify(record)),
      ...denied.logs.map((record) => JSON.stringify(record)),
      JSON.stringify(tested),
    ];
    for (const output of outputs) {
      for (const secret of PLANTED) expect(output).not.toContain(secret);
    }
    expect(tested.delivery?.headers).toEqual({ authorization: '***', 'webhook-signature': '***', 'content-type': 'application/json' });
    expect((errors[4] as Error).message).toContain('https://u:***@h.example.com/x');
    expect(setup.logs.filter((record) => record.event === 'error')).toHaveLength(6);
  });
});
