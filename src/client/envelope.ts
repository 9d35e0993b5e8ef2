/**
 * Parsing of Ocrolus response envelopes. Success is `{status, message, response}`, where `status`
 * is an integer or a string such as "200". Errors are `{status, code, message, response: null, meta}`
 * (often sent with HTTP 200) or a bare `{"error": ...}` object. A response is an error when the
 * HTTP status or the envelope status is 400 or more.
 */

export type ParsedEnvelope =
  | {
      readonly kind: 'success';
      /** The envelope's `response` field, or the whole body when it carries no envelope. */
      readonly response: unknown;
      /** The whole parsed body, for extensions outside `response`. */
      readonly body: unknown;
      readonly apiStatus?: number;
    }
  | {
      readonly kind: 'error';
      readonly apiStatus?: number;
      readonly apiCode?: number;
      /** Unredacted; the error factory redacts it. */
      readonly apiMessage?: string;
    }
  | {
      readonly kind: 'unparseable';
      readonly reason: string;
    };

/** Envelope `status` words that mean failure, as some endpoints send instead of a number. */
const ERROR_STATUS_WORDS = new Set(['error', 'fail', 'failed', 'failure']);

/** Parses a response body against the HTTP status; never throws. */
export function parseEnvelope(httpStatus: number, text: string): ParsedEnvelope {
  const httpError = httpStatus >= 400;
  if (text.trim() === '') {
    return httpError ? { kind: 'error' } : { kind: 'success', response: null, body: null };
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return httpError ? { kind: 'error' } : { kind: 'unparseable', reason: 'the body is not JSON' };
  }

  if (body === null) return httpError ? { kind: 'error' } : { kind: 'success', response: null, body };
  if (!isRecord(body)) {
    return httpError ? { kind: 'error' } : { kind: 'unparseable', reason: 'the body is not a JSON object' };
  }

  return parseObject(httpError, body);
}

function parseObject(httpError: boolean, body: Record<string, unknown>): ParsedEnvelope {
  const status = readStatus(body.status);
  const meta = isRecord(body.meta) ? body.meta : {};
  const apiStatus = typeof status === 'number' ? status : readStatus(meta.status);
  const numericStatus = typeof apiStatus === 'number' ? apiStatus : undefined;

  // `{"error": "Webhook not found"}` and OAuth's `{"error", "error_description"}` carry no status.
  const bareError = status === undefined && typeof body.error === 'string';
  const statusError = (numericStatus !== undefined && numericStatus >= 400) || (typeof status === 'string' && ERROR_STATUS_WORDS.has(status));

  if (httpError || bareError || statusError) {
    return {
      kind: 'error',
      apiStatus: numericStatus,
      apiCode: readNumber(body.code) ?? readNumber(meta.code),
      apiMessage: readErrorMessage(body, meta),
    };
  }

  if ('response' in body) return { kind: 'success', response: body.response, body, apiStatus: numericStatus };
  // rotate-secret returns `{"status": "success", "message": ...}` with no `response` field.
  if (status !== undefined) return { kind: 'success', response: null, body, apiStatus: numericStatus };
  return { kind: 'success', response: body, body };
}

function readErrorMessage(body: Record<string, unknown>, meta: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  for (const candidate of [body.message, body.error, body.error_description, meta.msg]) {
    if (typeof candidate === 'string' && candidate !== '' && !parts.includes(candidate)) parts.push(candidate);
  }
  return parts.length > 0 ? parts.join(': ') : undefined;
}

/** Reads an envelope status: a number, a numeric string such as "200", or a lower-cased word such as "success". */
function readStatus(value: unknown): number | string | undefined {
  const number = readNumber(value);
  if (number !== undefined) return number;
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
}

function readNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
