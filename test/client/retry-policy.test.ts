import {
  decideRetry,
  OcrolusAbortError,
  OcrolusAuthenticationError,
  OcrolusConflictError,
  OcrolusConnectionError,
  OcrolusInvalidResponseError,
  OcrolusNotFoundError,
  OcrolusPermissionError,
  OcrolusRateLimitError,
  OcrolusServerError,
  OcrolusTimeoutError,
  OcrolusValidationError,
  type OcrolusError,
  type RetryClass,
  type RetryInput,
} from '../../src/client';

const where = { operation: 'testOperation', organization: 'org' };

const errors = {
  aborted: new OcrolusAbortError('OCR_ABORTED', 'aborted', where),
  http401: new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'auth', { ...where, httpStatus: 401 }),
  code1200: new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'auth', { ...where, httpStatus: 200, apiStatus: 401, apiCode: 1200 }),
  code1204: new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'auth', { ...where, httpStatus: 400, apiStatus: 400, apiCode: 1204 }),
  tokenDenied: new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'auth', { ...where, httpStatus: 400 }),
  permission: new OcrolusPermissionError('OCR_PERMISSION', 'permission', { ...where, httpStatus: 403 }),
  notFound: new OcrolusNotFoundError('OCR_NOT_FOUND', 'not found', { ...where, httpStatus: 404 }),
  validation: new OcrolusValidationError('OCR_VALIDATION', 'invalid', { ...where, httpStatus: 400 }),
  conflict: new OcrolusConflictError('OCR_CONFLICT', 'exists', { ...where, httpStatus: 400 }),
  invalid2xx: new OcrolusInvalidResponseError('OCR_INVALID_RESPONSE', 'unparseable', { ...where, httpStatus: 200 }),
  invalid5xx: new OcrolusInvalidResponseError('OCR_INVALID_RESPONSE', 'unparseable', { ...where, httpStatus: 502 }),
  rateLimited: new OcrolusRateLimitError('OCR_RATE_LIMITED', 'slow down', { ...where, httpStatus: 429 }),
  server: new OcrolusServerError('OCR_SERVER', 'server', { ...where, httpStatus: 503 }),
  timeout: new OcrolusTimeoutError('OCR_TIMEOUT', 'timeout', { ...where, ambiguous: true }),
  connectionLost: new OcrolusConnectionError('OCR_CONNECTION', 'reset', { ...where, ambiguous: true }),
  connectionRefused: new OcrolusConnectionError('OCR_CONNECTION', 'refused', where),
} satisfies Record<string, OcrolusError>;

interface Case {
  readonly retryClass: RetryClass;
  readonly error: OcrolusError;
  readonly attempt?: number;
  readonly requestSent?: boolean;
  readonly tokenRenewed?: boolean;
  readonly earlierAttemptAmbiguous?: boolean;
  readonly expected: { action: string; retryIfMissing?: boolean };
}

const cases: Record<string, Case> = {
  'aborted-never-retries': { retryClass: 'idempotent', error: errors.aborted, expected: { action: 'fail' } },
  'http-401-renews-token': { retryClass: 'idempotent', error: errors.http401, expected: { action: 'renew-token' } },
  'code-1200-renews-token': { retryClass: 'idempotent', error: errors.code1200, expected: { action: 'renew-token' } },
  'http-401-renews-token-for-add': { retryClass: 'create', error: errors.http401, expected: { action: 'renew-token' } },
  'http-401-renews-token-for-test': { retryClass: 'delivery', error: errors.http401, expected: { action: 'renew-token' } },
  'http-401-after-renewal-fails': { retryClass: 'idempotent', error: errors.http401, tokenRenewed: true, expected: { action: 'fail' } },
  'http-401-without-budget-fails': { retryClass: 'idempotent', error: errors.http401, attempt: 5, expected: { action: 'fail' } },
  'code-1204-fails': { retryClass: 'idempotent', error: errors.code1204, expected: { action: 'fail' } },
  'token-endpoint-denial-fails': { retryClass: 'idempotent', error: errors.tokenDenied, requestSent: false, expected: { action: 'fail' } },
  'permission-fails': { retryClass: 'idempotent', error: errors.permission, expected: { action: 'fail' } },
  'not-found-fails': { retryClass: 'idempotent', error: errors.notFound, expected: { action: 'fail' } },
  'validation-fails': { retryClass: 'create', error: errors.validation, expected: { action: 'fail' } },
  'conflict-fails': { retryClass: 'create', error: errors.conflict, expected: { action: 'fail' } },
  'conflict-after-ambiguous-add-recovers': {
    retryClass: 'create',
    error: errors.conflict,
    earlierAttemptAmbiguous: true,
    expected: { action: 'recover-by-url', retryIfMissing: false },
  },
  'unreadable-2xx-add-recovers': { retryClass: 'create', error: errors.invalid2xx, expected: { action: 'recover-by-url', retryIfMissing: false } },
  'unreadable-5xx-add-fails': { retryClass: 'create', error: errors.invalid5xx, expected: { action: 'fail' } },
  'unreadable-read-fails': { retryClass: 'idempotent', error: errors.invalid2xx, expected: { action: 'fail' } },
  'rate-limited-read-retries': { retryClass: 'idempotent', error: errors.rateLimited, expected: { action: 'retry' } },
  'rate-limited-add-retries': { retryClass: 'create', error: errors.rateLimited, expected: { action: 'retry' } },
  'rate-limited-test-retries': { retryClass: 'delivery', error: errors.rateLimited, expected: { action: 'retry' } },
  'rate-limited-without-budget-fails': { retryClass: 'idempotent', error: errors.rateLimited, attempt: 5, expected: { action: 'fail' } },
  'server-error-read-retries': { retryClass: 'idempotent', error: errors.server, expected: { action: 'retry' } },
  'server-error-add-recovers': { retryClass: 'create', error: errors.server, expected: { action: 'recover-by-url', retryIfMissing: true } },
  'server-error-add-last-attempt-recovers-only': {
    retryClass: 'create',
    error: errors.server,
    attempt: 5,
    expected: { action: 'recover-by-url', retryIfMissing: false },
  },
  'server-error-test-fails': { retryClass: 'delivery', error: errors.server, expected: { action: 'fail' } },
  'server-error-without-budget-fails': { retryClass: 'idempotent', error: errors.server, attempt: 5, expected: { action: 'fail' } },
  'timeout-read-retries': { retryClass: 'idempotent', error: errors.timeout, expected: { action: 'retry' } },
  'timeout-add-recovers': { retryClass: 'create', error: errors.timeout, expected: { action: 'recover-by-url', retryIfMissing: true } },
  'timeout-test-fails': { retryClass: 'delivery', error: errors.timeout, expected: { action: 'fail' } },
  'connection-lost-update-retries': { retryClass: 'idempotent', error: errors.connectionLost, expected: { action: 'retry' } },
  'connection-lost-add-recovers': { retryClass: 'create', error: errors.connectionLost, expected: { action: 'recover-by-url', retryIfMissing: true } },
  'connection-lost-test-fails': { retryClass: 'delivery', error: errors.connectionLost, expected: { action: 'fail' } },
  'connection-refused-add-retries': { retryClass: 'create', error: errors.connectionRefused, requestSent: false, expected: { action: 'retry' } },
  'connection-refused-test-retries': { retryClass: 'delivery', error: errors.connectionRefused, requestSent: false, expected: { action: 'retry' } },
  'token-server-error-test-retries': { retryClass: 'delivery', error: errors.server, requestSent: false, expected: { action: 'retry' } },
  'token-server-error-add-retries': { retryClass: 'create', error: errors.server, requestSent: false, expected: { action: 'retry' } },
};

describe('decideRetry', () => {
  test.each(Object.entries(cases))('%s', (_name, testCase) => {
    const input: RetryInput = {
      retryClass: testCase.retryClass,
      error: testCase.error,
      attempt: testCase.attempt ?? 1,
      maxAttempts: 5,
      requestSent: testCase.requestSent ?? true,
      tokenRenewed: testCase.tokenRenewed ?? false,
      earlierAttemptAmbiguous: testCase.earlierAttemptAmbiguous ?? false,
    };

    const decision = decideRetry(input);
    const { reason, ...comparable } = decision;

    expect(comparable).toEqual(testCase.expected);
    expect(reason).not.toBe('');
  });
});
