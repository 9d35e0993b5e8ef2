/**
 * The retry policy: a pure function that decides, after one failed attempt, whether the call is
 * repeated, its token renewed, an ambiguous add resolved by listing, or the error thrown.
 */
import type { OcrolusError } from './errors';
import type { RetryClass } from './routes';

export interface RetryInput {
  readonly retryClass: RetryClass;
  readonly error: OcrolusError;
  /** Attempts made so far, counting the failed one. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** False when the request surely never reached the API: a refused connection or a failed token request. */
  readonly requestSent: boolean;
  /** True once this call has already dropped its token and fetched a new one. */
  readonly tokenRenewed: boolean;
  /** True when an earlier attempt of this add ended ambiguously, so the add may already exist. */
  readonly earlierAttemptAmbiguous: boolean;
}

export type RetryDecision =
  | { readonly action: 'retry'; readonly reason: string }
  | { readonly action: 'renew-token'; readonly reason: string }
  /** List the webhooks and match the URL; when nothing matches, retry only if `retryIfMissing`. */
  | { readonly action: 'recover-by-url'; readonly retryIfMissing: boolean; readonly reason: string }
  | { readonly action: 'fail'; readonly reason: string };

/** Error codes that repeating the same request cannot fix. */
const PERMANENT_CODES = new Set([
  'OCR_AUTHENTICATION',
  'OCR_PERMISSION',
  'OCR_NOT_FOUND',
  'OCR_VALIDATION',
  'OCR_CONFLICT',
  'OCR_LIMIT_EXCEEDED',
  'OCR_INVALID_RESPONSE',
]);

/** Error codes of failures that may pass: server errors, timeouts and dropped connections. */
const TRANSIENT_CODES = new Set(['OCR_SERVER', 'OCR_TIMEOUT', 'OCR_CONNECTION']);

/** Decides what follows a failed attempt. The rules apply in order and the first match wins. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { error, retryClass } = input;
  const budgetLeft = input.attempt < input.maxAttempts;

  // The caller cancelled the call: stop at once, whatever the budget.
  if (error.code === 'OCR_ABORTED') return { action: 'fail', reason: 'the call was aborted' };

  // A 401 or code 1200 from the API means the cached token went stale: renew it and repeat once.
  // The API rejected the request before acting on it, so this is safe even for add and test.
  if (isStaleToken(input) && !input.tokenRenewed && budgetLeft) {
    return { action: 'renew-token', reason: 'the API rejected the access token' };
  }

  // A conflict on an add that follows an ambiguous attempt is most likely that earlier attempt's
  // webhook: find it by URL instead of failing.
  if (retryClass === 'create' && error.code === 'OCR_CONFLICT' && input.earlierAttemptAmbiguous) {
    return { action: 'recover-by-url', retryIfMissing: false, reason: 'an earlier ambiguous add may have created the webhook' };
  }

  // A 2xx add whose body cannot be parsed most likely created the webhook: find it by URL.
  if (retryClass === 'create' && error.code === 'OCR_INVALID_RESPONSE' && isSuccessStatus(error.httpStatus)) {
    return { action: 'recover-by-url', retryIfMissing: false, reason: 'the add succeeded with an unreadable response' };
  }

  // Client errors (4xx other than 429) and unreadable responses repeat the same way every time.
  if (PERMANENT_CODES.has(error.code)) return { action: 'fail', reason: 'the error is permanent' };

  // Add is not idempotent: after a timeout, a dropped connection or a 5xx the webhook may exist, so
  // list and match the URL, and send the add again only when it is missing and budget is left.
  if (retryClass === 'create' && TRANSIENT_CODES.has(error.code) && input.requestSent) {
    return { action: 'recover-by-url', retryIfMissing: budgetLeft, reason: 'the add may have been applied' };
  }

  // Every attempt of the budget is spent.
  if (!budgetLeft) return { action: 'fail', reason: `all ${input.maxAttempts} attempts failed` };

  // 429 means the API rejected the request unprocessed, so any operation may repeat it.
  if (error.code === 'OCR_RATE_LIMITED') return { action: 'retry', reason: 'the API rate limit was exceeded' };

  // A request that never reached the API can be sent again, even a test delivery.
  if (TRANSIENT_CODES.has(error.code) && !input.requestSent) {
    return { action: 'retry', reason: 'the request was not sent' };
  }

  // Test sends a delivery to the receiver: repeating it after it may have been sent would send a second one.
  if (retryClass === 'delivery') return { action: 'fail', reason: 'a repeated test would send a second delivery' };

  // Reads, updates, deletes, activation and secret rotation leave the same state when repeated.
  if (TRANSIENT_CODES.has(error.code)) return { action: 'retry', reason: 'the failure may be transient' };

  return { action: 'fail', reason: 'the error is not retryable' };
}

function isStaleToken(input: RetryInput): boolean {
  const { error } = input;
  return input.requestSent && error.code === 'OCR_AUTHENTICATION' && (error.httpStatus === 401 || error.apiStatus === 401 || error.apiCode === 1200);
}

function isSuccessStatus(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}
