/**
 * One HTTP exchange over undici with a timeout. The timeout and the caller's AbortSignal are
 * combined into one signal that covers the whole exchange, body included. Failures come back as
 * `TransportFailure`, which the error factory turns into an `OcrolusError`.
 */
import type { Dispatcher } from 'undici';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly dispatcher?: Dispatcher;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

export type TransportFailureKind = 'timeout' | 'aborted' | 'connection';

/** An exchange that produced no complete response. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';

  constructor(
    readonly kind: TransportFailureKind,
    /** False only when the request surely never left this process, such as a refused connection. */
    readonly mayHaveBeenSent: boolean,
    readonly timeoutMs: number,
    cause: unknown,
  ) {
    super(`HTTP exchange failed: ${kind}`, { cause });
  }
}

/**
 * Error codes of failures that happen before any byte of the request is written: DNS, connect and
 * TLS handshake errors (Node.js errno names and undici's `UND_ERR_CONNECT_TIMEOUT`).
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Sends one request and reads the whole body; throws `TransportFailure` when no response arrives in time. */
export async function sendHttp(input: HttpRequest): Promise<HttpResponse> {
  if (input.signal?.aborted) throw new TransportFailure('aborted', false, input.timeoutMs, input.signal.reason);

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`no response within ${input.timeoutMs} ms`)), input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout.signal]) : timeout.signal;

  try {
    // Loaded on the first call: undici takes about 150 ms to load, which `--help` should not pay.
    const { request } = require('undici') as typeof import('undici');
    const response = await request(input.url, {
      method: input.method,
      headers: input.headers,
      body: input.body,
      signal,
      dispatcher: input.dispatcher,
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text };
  } catch (error) {
    if (input.signal?.aborted) throw new TransportFailure('aborted', true, input.timeoutMs, error);
    if (timeout.signal.aborted) throw new TransportFailure('timeout', true, input.timeoutMs, error);
    throw new TransportFailure('connection', !NOT_SENT_CODES.has(errorCode(error)), input.timeoutMs, error);
  } finally {
    clearTimeout(timer);
  }
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';

  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;

  const cause = (error as { cause?: unknown }).cause;
  return cause === error ? '' : errorCode(cause);
}
