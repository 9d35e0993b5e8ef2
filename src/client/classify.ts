/**
 * The error factory: the one place that decides which `OcrolusError` subclass a failed exchange
 * becomes, from the HTTP status, the envelope and the transport failure together.
 */
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
  type OcrolusErrorDetails,
} from './errors';
import type { Redactor } from './redact';
import type { TransportFailure } from './transport';

/** Identity of the failed call (operation, organization, route, uuid), for the error's message and fields. */
export interface ClassifyContext {
  readonly operation: string;
  readonly organization: string;
  readonly method?: string;
  readonly pathTemplate?: string;
  readonly uuid?: string;
  /** Attempts made so far, counting this one. */
  readonly attempts: number;
  /** `token` when the failure came from the token endpoint, `api` for the webhook API itself. */
  readonly phase: 'token' | 'api';
  readonly redactor: Redactor;
}

/** Failure of one exchange: an error response, a 2xx response of an unknown shape, or no response at all. */
export type FailureOutcome =
  | {
      readonly kind: 'error-response';
      readonly httpStatus: number;
      readonly apiStatus?: number;
      readonly apiCode?: number;
      readonly apiMessage?: string;
    }
  | { readonly kind: 'invalid-response'; readonly httpStatus: number; readonly reason: string }
  | { readonly kind: 'transport'; readonly failure: TransportFailure };

/** Ocrolus error codes for rejected credentials: 1200 authentication failed, 1204 invalid credentials. */
const AUTHENTICATION_CODES = new Set([1200, 1204]);
/** Ocrolus error codes for valid credentials without access: 1307 account not active, 1316 no manager permission, 1317 not a member. */
const PERMISSION_CODES = new Set([1307, 1316, 1317]);
/** Ocrolus error codes for malformed requests: 1000 generic validation, 1002 invalid JSON, 1003 request validation, 1103 missing parameter. */
const VALIDATION_CODES = new Set([1000, 1002, 1003, 1103]);
/** Ocrolus error code for a route the API does not know, which a wrong API URL also produces. */
const UNKNOWN_ENDPOINT_CODE = 1101;

const NOT_FOUND_MESSAGE = /not found/i;
const CONFLICT_MESSAGE = /already exists/i;
const LIMIT_MESSAGE = /(maximum|max\.?|limit|more than \d+).*webhooks?|webhooks?.*(maximum|limit)/i;

/** Builds the error for a failed exchange. Every string it copies is redacted first. */
export function classify(context: ClassifyContext, outcome: FailureOutcome): OcrolusError {
  const details = baseDetails(context);

  if (outcome.kind === 'transport') return classifyTransport(context, details, outcome.failure);

  if (outcome.kind === 'invalid-response') {
    return new OcrolusInvalidResponseError('OCR_INVALID_RESPONSE', `the response could not be parsed: ${outcome.reason}`, {
      ...details,
      httpStatus: outcome.httpStatus,
    });
  }

  const response: OcrolusErrorDetails = {
    ...details,
    httpStatus: outcome.httpStatus,
    apiStatus: outcome.apiStatus,
    apiCode: outcome.apiCode,
    apiMessage: outcome.apiMessage === undefined ? undefined : context.redactor.text(outcome.apiMessage),
  };
  const status = outcome.apiStatus !== undefined && outcome.apiStatus >= 400 ? outcome.apiStatus : outcome.httpStatus;
  const statuses = [outcome.httpStatus, outcome.apiStatus];
  const message = outcome.apiMessage ?? '';
  const code = outcome.apiCode;

  // A 404 or an unknown-endpoint code from the token URL means the URL is wrong, not the credentials.
  if (context.phase === 'token' && (statuses.includes(404) || code === UNKNOWN_ENDPOINT_CODE)) {
    return new OcrolusValidationError('OCR_VALIDATION', 'the token request returned "not found", so the auth URL does not point at a token endpoint; check the auth URL', response);
  }

  // The token endpoint returns 400 access_denied (RFC 6749 section 5.2) for wrong credentials.
  if (context.phase === 'token' && status >= 400 && status < 500 && status !== 429) {
    return new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'the token endpoint rejected the client credentials; check the client id and secret', response);
  }

  if (statuses.includes(429)) {
    return new OcrolusRateLimitError('OCR_RATE_LIMITED', 'the API rate limit was exceeded', response);
  }

  if ((code !== undefined && AUTHENTICATION_CODES.has(code)) || statuses.includes(401)) {
    return new OcrolusAuthenticationError('OCR_AUTHENTICATION', 'the API rejected the access token or credentials; check the client id and secret', response);
  }

  // Checked before not-found so that a webhook hidden by missing permission is never reported as deleted.
  if ((code !== undefined && PERMISSION_CODES.has(code)) || statuses.includes(403)) {
    return new OcrolusPermissionError('OCR_PERMISSION', 'the credentials lack manager permission on webhooks of this organization', response);
  }

  // NOTE: a wrong API URL also yields 404, so code 1101 (unknown endpoint) is reported as invalid
  // instead of not found, which would make a delete look successful.
  if (code === UNKNOWN_ENDPOINT_CODE) {
    return new OcrolusValidationError('OCR_VALIDATION', 'the API does not know this endpoint; check the API URL', response);
  }

  if (statuses.includes(404) || (status === 400 && (code === undefined || code === 1000) && NOT_FOUND_MESSAGE.test(message))) {
    return new OcrolusNotFoundError('OCR_NOT_FOUND', 'the webhook was not found', response);
  }

  if (status >= 500) {
    return new OcrolusServerError('OCR_SERVER', 'the API failed with a server error', response);
  }

  if (CONFLICT_MESSAGE.test(message)) {
    return new OcrolusConflictError('OCR_CONFLICT', 'a webhook with this URL already exists in the organization', response);
  }

  if (LIMIT_MESSAGE.test(message)) {
    return new OcrolusLimitExceededError('OCR_LIMIT_EXCEEDED', 'the organization already has the maximum number of webhooks (5); delete one first', response);
  }

  if (status >= 400 || (code !== undefined && VALIDATION_CODES.has(code))) {
    return new OcrolusValidationError('OCR_VALIDATION', 'the API rejected the request as invalid', response);
  }

  return new OcrolusInvalidResponseError('OCR_INVALID_RESPONSE', 'the response reports an error of an unknown kind', response);
}

function classifyTransport(context: ClassifyContext, details: OcrolusErrorDetails, failure: TransportFailure): OcrolusError {
  // Reads change nothing on the server, so only a write can leave an ambiguous outcome.
  const ambiguous = failure.mayHaveBeenSent && context.method !== 'GET' && context.phase === 'api';
  const withCause: OcrolusErrorDetails = { ...details, ambiguous, cause: failure.cause };
  const target = context.phase === 'token' ? 'the token endpoint' : 'the API';

  if (failure.kind === 'aborted') {
    return new OcrolusAbortError('OCR_ABORTED', `the call was aborted${ambiguousNote(ambiguous)}`, withCause);
  }

  if (failure.kind === 'timeout') {
    return new OcrolusTimeoutError('OCR_TIMEOUT', `${target} sent no response within ${failure.timeoutMs} ms${ambiguousNote(ambiguous)}`, withCause);
  }

  const reason = context.redactor.text(errorText(failure.cause));
  const sent = failure.mayHaveBeenSent ? ambiguousNote(ambiguous) : ' before the request was sent';
  return new OcrolusConnectionError('OCR_CONNECTION', `the connection to ${target} failed${sent}: ${reason}`, withCause);
}

function ambiguousNote(ambiguous: boolean): string {
  return ambiguous ? ' after the request was sent, so the API may have applied it' : '';
}

function baseDetails(context: ClassifyContext): OcrolusErrorDetails {
  return {
    operation: context.operation,
    organization: context.redactor.text(context.organization),
    method: context.method,
    pathTemplate: context.pathTemplate,
    uuid: context.uuid === undefined ? undefined : context.redactor.text(context.uuid),
    attempts: context.attempts,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}
