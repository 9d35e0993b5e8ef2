import {
  OcrolusAbortError,
  OcrolusAuthenticationError,
  OcrolusConflictError,
  OcrolusConnectionError,
  OcrolusError,
  OcrolusInvalidResponseError,
  OcrolusLimitExceededError,
  OcrolusNotFoundError,
  OcrolusPermissionError,
  OcrolusRateLimitError,
  OcrolusServerError,
  OcrolusTimeoutError,
  OcrolusValidationError,
  isNotFound,
} from '../../src/client';
import { AUTH_PATH, envelope, errorEnvelope, mockSetup, PREFIX, rejectionOf } from './helpers';

type ErrorClass = new (...args: never[]) => OcrolusError;

interface ResponseCase {
  readonly status: number;
  readonly body: unknown;
  readonly expected: ErrorClass;
  readonly fields?: Record<string, unknown>;
}

const UUID = '3f0c7d2e-4b1a-4c5e-9f7d-2a6b8c9d0e1f';

/** Replies to `GET /webhook/{uuid}` and the class each must become. */
const responseCases: Record<string, ResponseCase> = {
  'http-401': { status: 401, body: errorEnvelope(401, 1200, 'Authentication failed'), expected: OcrolusAuthenticationError, fields: { httpStatus: 401, apiCode: 1200 } },
  'code-1200-in-http-200': { status: 200, body: errorEnvelope(401, 1200, 'Authentication failed'), expected: OcrolusAuthenticationError, fields: { httpStatus: 200, apiStatus: 401 } },
  'code-1204-invalid-credentials': { status: 400, body: errorEnvelope(400, 1204, 'Invalid credentials'), expected: OcrolusAuthenticationError, fields: { apiCode: 1204 } },
  'http-403': { status: 403, body: '', expected: OcrolusPermissionError, fields: { httpStatus: 403 } },
  'code-1307-account-not-active': { status: 200, body: errorEnvelope(400, 1307, 'Account is not active'), expected: OcrolusPermissionError, fields: { apiCode: 1307 } },
  'code-1316-not-read-as-not-found': {
    status: 200,
    body: errorEnvelope(400, 1316, 'Webhook not found or manager permission missing'),
    expected: OcrolusPermissionError,
    fields: { apiCode: 1316 },
  },
  'code-1316-with-http-404': { status: 404, body: errorEnvelope(404, 1316, 'Manager permission required'), expected: OcrolusPermissionError },
  'code-1317-not-a-member': { status: 400, body: errorEnvelope(400, 1317, 'Not a member of the organization'), expected: OcrolusPermissionError },
  'http-404-envelope': { status: 404, body: errorEnvelope(404, 1000, 'Not Found'), expected: OcrolusNotFoundError, fields: { httpStatus: 404 } },
  'http-404-empty': { status: 404, body: '', expected: OcrolusNotFoundError },
  'status-400-code-1000-not-found': {
    status: 400,
    body: errorEnvelope(400, 1000, `Webhook with uuid ${UUID} not found`),
    expected: OcrolusNotFoundError,
    fields: { apiStatus: 400, apiCode: 1000 },
  },
  'status-400-not-found-in-http-200': { status: 200, body: errorEnvelope(400, 1000, `Webhook with uuid ${UUID} not found`), expected: OcrolusNotFoundError },
  'bare-webhook-not-found': { status: 404, body: { error: 'Webhook not found' }, expected: OcrolusNotFoundError, fields: { apiMessage: 'Webhook not found' } },
  'code-1101-unknown-endpoint': { status: 404, body: errorEnvelope(404, 1101, 'Unknown endpoint'), expected: OcrolusValidationError },
  'url-already-exists': { status: 200, body: errorEnvelope(400, 1000, 'Webhook with url https://a.example.com/x already exists'), expected: OcrolusConflictError },
  'maximum-webhooks': {
    status: 400,
    body: errorEnvelope(400, 1000, 'Organization has reached the maximum number of webhooks (5)'),
    expected: OcrolusLimitExceededError,
  },
  'unknown-event': { status: 400, body: errorEnvelope(400, 1000, 'Event(s) with name book.nope doesnt exist'), expected: OcrolusValidationError, fields: { apiCode: 1000 } },
  'code-1002-invalid-json': { status: 400, body: errorEnvelope(400, 1002, 'Invalid JSON'), expected: OcrolusValidationError },
  'code-1003-validation': { status: 200, body: errorEnvelope(400, 1003, 'Request validation failed'), expected: OcrolusValidationError },
  'code-1103-missing-parameter': { status: 400, body: errorEnvelope(400, 1103, 'Required parameter missing'), expected: OcrolusValidationError },
  'http-429': { status: 429, body: { message: 'Too Many Requests' }, expected: OcrolusRateLimitError, fields: { httpStatus: 429 } },
  'status-429-in-http-200': { status: 200, body: errorEnvelope(429, 1000, 'Too many requests'), expected: OcrolusRateLimitError },
  'http-503': { status: 503, body: 'Service Unavailable', expected: OcrolusServerError, fields: { httpStatus: 503 } },
  'status-500-in-http-200': { status: 200, body: errorEnvelope(500, 1000, 'Internal error'), expected: OcrolusServerError, fields: { apiStatus: 500 } },
  'unparseable-2xx': { status: 200, body: '<html>ok</html>', expected: OcrolusInvalidResponseError },
  'webhook-without-uuid': { status: 200, body: envelope({ url: 'https://a.example.com/x' }), expected: OcrolusInvalidResponseError },
};

describe('error classification of responses', () => {
  test.each(Object.entries(responseCases))('%s', async (_name, testCase) => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    const body = typeof testCase.body === 'string' ? testCase.body : JSON.stringify(testCase.body);
    api.intercept({ path: `${PREFIX}/webhook/${UUID}`, method: 'GET' }).reply(testCase.status, body);

    const error = await rejectionOf(client.getWebhook(UUID));

    expect(error).toBeInstanceOf(testCase.expected);
    expect(error).toMatchObject({ operation: 'getWebhook', organization: client.organization, uuid: UUID, method: 'GET', pathTemplate: '/webhook/{uuid}', attempts: 1, ...testCase.fields });
    expect(error.message).toContain(`get webhook failed for organization ${client.organization}, webhook ${UUID}`);
    expect(isNotFound(error)).toBe(testCase.expected === OcrolusNotFoundError);
  });
});

describe('error messages', () => {
  test('name status code and message', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/${UUID}`, method: 'GET' }).reply(200, errorEnvelope(400, 1000, `Webhook with uuid ${UUID} not found`));

    const error = await rejectionOf(client.getWebhook(UUID));

    expect(error.message).toBe(
      `get webhook failed for organization ${client.organization}, webhook ${UUID}: the webhook was not found ` +
        `(HTTP 200, status 400, code 1000, message "Webhook with uuid ${UUID} not found")`,
    );
  });

  test('activate named as such', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/${UUID}/update`, method: 'POST' }).reply(200, errorEnvelope(400, 1316, 'Manager permission required'));

    const error = await rejectionOf(client.activateWebhook(UUID));

    expect(error).toMatchObject({ code: 'OCR_PERMISSION', operation: 'activateWebhook', pathTemplate: '/webhook/{uuid}/update' });
    expect(error.message).toMatch(/^activate webhook failed for organization /);
  });
});

describe('error classification of failures', () => {
  test('token access denied', async () => {
    const { auth, client } = mockSetup({}, { tokenReplies: 0 });
    auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(400, { error: 'access_denied', error_description: 'Unauthorized' });

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusAuthenticationError);
    expect(error).toMatchObject({ httpStatus: 400, apiMessage: 'access_denied: Unauthorized', operation: 'listWebhooks', attempts: 1 });
  });

  test.each([
    ['http-404', 404, { error: 'not_found' }],
    ['code-1101-in-http-200', 200, errorEnvelope(404, 1101, 'Unknown endpoint: POST /oauth/tokn')],
  ])('token URL not found: %s', async (_name, status, body) => {
    const { auth, client } = mockSetup({}, { tokenReplies: 0 });
    auth.intercept({ path: AUTH_PATH, method: 'POST' }).reply(status, body);

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusValidationError);
    expect(error.message).toContain('the auth URL does not point at a token endpoint');
    expect(error.message).toContain('check the auth URL');
    expect(error.message).not.toContain('client id');
  });

  test('connection reset is ambiguous for writes', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/${UUID}/test`, method: 'POST' }).replyWithError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));

    const error = await rejectionOf(client.testWebhook(UUID, 'event-1'));

    expect(error).toBeInstanceOf(OcrolusConnectionError);
    expect(error).toMatchObject({ ambiguous: true, operation: 'testWebhook' });
    expect(error.message).toContain('may have applied it');
  });

  test('connection reset is unambiguous for reads', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));

    const error = await rejectionOf(client.listWebhooks());

    expect(error).toBeInstanceOf(OcrolusConnectionError);
    expect(error).toMatchObject({ ambiguous: false });
  });

  test('connection refused is unambiguous', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/${UUID}/delete`, method: 'DELETE' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));

    const error = await rejectionOf(client.deleteWebhook(UUID));

    expect(error).toBeInstanceOf(OcrolusConnectionError);
    expect(error).toMatchObject({ ambiguous: false });
    expect(error.message).toContain('before the request was sent');
  });

  test('timeout of a write', async () => {
    const { api, client } = mockSetup({ retry: { maxAttempts: 1 } });
    api.intercept({ path: `${PREFIX}/webhook/${UUID}/rotate-secret`, method: 'POST' }).reply(200, envelope({})).delay(5_000);

    const error = await rejectionOf(client.rotateSecret(UUID, 'a-new-signing-secret-0123', { timeoutMs: 30 }));

    expect(error).toBeInstanceOf(OcrolusTimeoutError);
    expect(error).toMatchObject({ ambiguous: true, operation: 'rotateSecret' });
    expect(error.message).toContain('no response within 30 ms');
  });

  test('caller abort', async () => {
    const { api, client } = mockSetup();
    api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, envelope({ webhooks: [] })).delay(5_000);
    const controller = new AbortController();

    const pending = rejectionOf(client.listWebhooks({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending;

    expect(error).toBeInstanceOf(OcrolusAbortError);
    expect(error).toMatchObject({ code: 'OCR_ABORTED', attempts: 1 });
  });

  test('abort before start', async () => {
    const { client } = mockSetup();
    const controller = new AbortController();
    controller.abort();

    const error = await rejectionOf(client.listWebhooks({ signal: controller.signal }));

    expect(error).toBeInstanceOf(OcrolusAbortError);
  });
});
