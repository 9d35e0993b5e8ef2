import { parseEnvelope } from '../../src/client/envelope';
import { envelope, errorEnvelope, mockSetup, PREFIX, rejectionOf, wireWebhook } from './helpers';

describe('parseEnvelope', () => {
  test.each([
    ['integer-status-success', 200, { status: 200, message: 'OK', response: { uuid: 'a' } }, { kind: 'success', response: { uuid: 'a' }, apiStatus: 200 }],
    ['string-status-success', 200, { status: '200', message: 'OK', response: { uuid: 'a' } }, { kind: 'success', response: { uuid: 'a' }, apiStatus: 200 }],
    ['null-response', 200, { status: 200, message: 'OK', response: null }, { kind: 'success', response: null, apiStatus: 200 }],
    ['rotate-secret-success-word', 200, { status: 'success', message: 'Secret updated' }, { kind: 'success', response: null }],
    ['body-without-envelope', 200, { webhooks: [] }, { kind: 'success', response: { webhooks: [] } }],
    [
      'http-200-error-envelope',
      200,
      errorEnvelope(400, 1000, 'Webhook with uuid x not found'),
      { kind: 'error', apiStatus: 400, apiCode: 1000, apiMessage: 'Webhook with uuid x not found' },
    ],
    ['string-error-status', 200, { status: '404', code: 1000, message: 'gone', response: null }, { kind: 'error', apiStatus: 404, apiCode: 1000, apiMessage: 'gone' }],
    ['meta-only-code', 400, { status: 400, message: 'bad', response: null, meta: { code: 1003 } }, { kind: 'error', apiStatus: 400, apiCode: 1003, apiMessage: 'bad' }],
    ['bare-error-object', 404, { error: 'Webhook not found' }, { kind: 'error', apiMessage: 'Webhook not found' }],
    ['bare-error-with-http-200', 200, { error: 'Webhook not found' }, { kind: 'error', apiMessage: 'Webhook not found' }],
    ['oauth-error', 400, { error: 'access_denied', error_description: 'Unauthorized' }, { kind: 'error', apiMessage: 'access_denied: Unauthorized' }],
    ['status-error-word', 200, { status: 'error', message: 'nope' }, { kind: 'error', apiMessage: 'nope' }],
  ] as const)('%s', (_name, httpStatus, body, expected) => {
    const parsed = parseEnvelope(httpStatus, JSON.stringify(body));
    const { body: _raw, ...comparable } = parsed as Record<string, unknown>;

    expect(comparable).toEqual(expected);
  });

  test.each([
    ['empty-2xx', 204, '', { kind: 'success', response: null, body: null }],
    ['empty-5xx', 502, '', { kind: 'error' }],
    ['html-5xx', 502, '<html>Bad gateway</html>', { kind: 'error' }],
    ['html-2xx', 200, '<html>hello</html>', { kind: 'unparseable', reason: 'the body is not JSON' }],
    ['array-2xx', 200, '[1,2]', { kind: 'unparseable', reason: 'the body is not a JSON object' }],
  ] as const)('%s', (_name, httpStatus, text, expected) => {
    expect(parseEnvelope(httpStatus, text)).toEqual(expected);
  });
});

describe('envelope variants through the client', () => {
  test('integer status list', async () => {
    const { api, client } = mockSetup();
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, envelope({ webhooks: [wireWebhook('w1', 'https://a.example.com/x')] }, 200));

    const webhooks = await client.listWebhooks();

    expect(webhooks).toEqual([
      {
        uuid: 'w1',
        url: 'https://a.example.com/x',
        description: 'Orders',
        isActive: true,
        createdOn: '2024-01-01T00:00:00Z',
        lastModifiedDate: '2024-01-02T00:00:00Z',
      },
    ]);
  });

  test('string status get', async () => {
    const { api, client } = mockSetup();
    api.intercept({ path: `${PREFIX}/webhook/w1`, method: 'GET' }).reply(200, envelope(wireWebhook('w1', 'https://a.example.com/x', { is_active: false }), '200'));

    const webhook = await client.getWebhook('w1');

    expect(webhook.uuid).toBe('w1');
    expect(webhook.isActive).toBe(false);
  });

  test('http 200 error envelope rejects', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/w1`, method: 'GET' }).reply(200, errorEnvelope(400, 1000, 'Webhook with uuid w1 not found'));

    const error = await rejectionOf(client.getWebhook('w1'));

    expect(error).toMatchObject({ name: 'OcrolusNotFoundError', code: 'OCR_NOT_FOUND', httpStatus: 200, apiStatus: 400, apiCode: 1000 });
  });

  test('string error status rejects', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, { status: '403', code: 1316, message: 'Manager permission required', response: null });

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toMatchObject({ code: 'OCR_PERMISSION', apiStatus: 403, apiCode: 1316 });
  });
});
