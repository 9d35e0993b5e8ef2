/**
 * One error hierarchy for every failure of the Ocrolus API client. Each error names the operation,
 * the organization, the webhook uuid when there is one, and the API's HTTP status, envelope code
 * and message. Messages are built from redacted inputs only: no credential, token, webhook secret
 * or URL password ever reaches `message`. The constructor passes the message and `apiMessage` through
 * the pattern redaction once more, so an error built anywhere cannot carry a credential pattern.
 */
import { redactText } from './redact';

export type OcrolusErrorCode =
  | 'OCR_AUTHENTICATION'
  | 'OCR_PERMISSION'
  | 'OCR_NOT_FOUND'
  | 'OCR_VALIDATION'
  | 'OCR_CONFLICT'
  | 'OCR_LIMIT_EXCEEDED'
  | 'OCR_RATE_LIMITED'
  | 'OCR_SERVER'
  | 'OCR_CONNECTION'
  | 'OCR_TIMEOUT'
  | 'OCR_ABORTED'
  | 'OCR_INVALID_RESPONSE';

export interface OcrolusErrorDetails {
  /** Client operation, such as `addWebhook`. */
  readonly operation: string;
  /** Organization label of the client that made the call. */
  readonly organization: string;
  readonly method?: string;
  /** Route template, such as `/webhook/{uuid}/update`. */
  readonly pathTemplate?: string;
  readonly uuid?: string;
  /** HTTP status of the response. */
  readonly httpStatus?: number;
  /** `status` field of the envelope, which may differ from the HTTP status. */
  readonly apiStatus?: number;
  /** Ocrolus error code from the envelope, such as 1316. */
  readonly apiCode?: number;
  /** Redacted message from the API. */
  readonly apiMessage?: string;
  /** Number of attempts made, counting retries. */
  readonly attempts?: number;
  /** True when the request may have reached the server before the failure (timeouts, dropped connections). */
  readonly ambiguous?: boolean;
  readonly cause?: unknown;
}

export class OcrolusError extends Error {
  override readonly name: string = 'OcrolusError';
  readonly code: OcrolusErrorCode;
  readonly operation: string;
  readonly organization: string;
  readonly method?: string;
  readonly pathTemplate?: string;
  readonly uuid?: string;
  readonly httpStatus?: number;
  readonly apiStatus?: number;
  readonly apiCode?: number;
  readonly apiMessage?: string;
  readonly attempts?: number;
  readonly ambiguous: boolean;

  constructor(code: OcrolusErrorCode, summary: string, details: OcrolusErrorDetails) {
    super(redactText(formatMessage(summary, details)), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.operation = details.operation;
    this.organization = details.organization;
    this.method = details.method;
    this.pathTemplate = details.pathTemplate;
    this.uuid = details.uuid;
    this.httpStatus = details.httpStatus;
    this.apiStatus = details.apiStatus;
    this.apiCode = details.apiCode;
    this.apiMessage = details.apiMessage === undefined ? undefined : redactText(details.apiMessage);
    this.attempts = details.attempts;
    this.ambiguous = details.ambiguous ?? false;
  }
}

/** 400 from the token endpoint, or codes 1200 and 1204: the client id or secret is wrong. */
export class OcrolusAuthenticationError extends OcrolusError {
  override readonly name = 'OcrolusAuthenticationError';
}

/** Codes 1307, 1316 and 1317, or HTTP 403: the credentials work but lack manager permission. Never read as not found. */
export class OcrolusPermissionError extends OcrolusError {
  override readonly name = 'OcrolusPermissionError';
}

/** HTTP 404, `{"error": "Webhook not found"}`, or status 400 code 1000 "Webhook with uuid ... not found". */
export class OcrolusNotFoundError extends OcrolusError {
  override readonly name = 'OcrolusNotFoundError';
}

/** Status 400 with a validation message, such as an unknown event or a URL without a scheme. */
export class OcrolusValidationError extends OcrolusError {
  override readonly name = 'OcrolusValidationError';
}

/** "Webhook with url ... already exists". */
export class OcrolusConflictError extends OcrolusError {
  override readonly name = 'OcrolusConflictError';
}

/** The organization already has the maximum number of webhooks (5). */
export class OcrolusLimitExceededError extends OcrolusError {
  override readonly name = 'OcrolusLimitExceededError';
}

/** HTTP 429 after every retry was spent. */
export class OcrolusRateLimitError extends OcrolusError {
  override readonly name = 'OcrolusRateLimitError';
}

/** HTTP 5xx after every retry was spent. */
export class OcrolusServerError extends OcrolusError {
  override readonly name = 'OcrolusServerError';
}

/** The connection failed or was dropped. `ambiguous` is true when the API may have processed the request. */
export class OcrolusConnectionError extends OcrolusError {
  override readonly name = 'OcrolusConnectionError';
}

/** No response within the call's timeout. Always ambiguous for writes. */
export class OcrolusTimeoutError extends OcrolusError {
  override readonly name = 'OcrolusTimeoutError';
}

/** The caller's AbortSignal fired. */
export class OcrolusAbortError extends OcrolusError {
  override readonly name = 'OcrolusAbortError';
}

/** The response could not be parsed as any known envelope or shape. */
export class OcrolusInvalidResponseError extends OcrolusError {
  override readonly name = 'OcrolusInvalidResponseError';
}

export function isNotFound(error: unknown): error is OcrolusNotFoundError {
  return error instanceof OcrolusError && error.code === 'OCR_NOT_FOUND';
}

/** Turns an operation name such as `addWebhook` into words for messages: "add webhook". */
export function describeOperation(operation: string): string {
  return operation.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function formatMessage(summary: string, details: OcrolusErrorDetails): string {
  const parts = [`${describeOperation(details.operation)} failed for organization ${details.organization}`];
  if (details.uuid) parts.push(`webhook ${details.uuid}`);
  let text = `${parts.join(', ')}: ${summary}`;

  const api: string[] = [];
  if (details.httpStatus !== undefined) api.push(`HTTP ${details.httpStatus}`);
  if (details.apiStatus !== undefined && details.apiStatus !== details.httpStatus) api.push(`status ${details.apiStatus}`);
  if (details.apiCode !== undefined) api.push(`code ${details.apiCode}`);
  if (details.apiMessage) api.push(`message "${details.apiMessage}"`);
  if (api.length > 0) text += ` (${api.join(', ')})`;

  if (details.attempts !== undefined && details.attempts > 1) text += ` after ${details.attempts} attempts`;
  return text;
}
