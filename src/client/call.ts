/**
 * The attempt loop behind every operation: token, rate limit, HTTP exchange, envelope, error
 * factory, retry policy and backoff, with a log record before and after each step that matters.
 */
import { retryDelay, parseRetryAfter } from './backoff';
import { classify, type ClassifyContext, type FailureOutcome } from './classify';
import type { ClientContext } from './context';
import { parseEnvelope } from './envelope';
import { OcrolusError } from './errors';
import { decideRetry } from './retry-policy';
import { buildPath, ROUTES, type OperationName } from './routes';
import { TokenRequestFailure } from './token-source';
import { sendHttp, TransportFailure, type HttpResponse } from './transport';
import type { CallOptions } from './types';
import { ShapeError } from './wire';

export interface CallSpec<T> {
  readonly operation: OperationName;
  readonly uuid?: string;
  /** JSON request body. */
  readonly body?: unknown;
  /** Turns the envelope's `response` (and the whole body, for extensions) into the result; throws `ShapeError`. */
  readonly parse: (response: unknown, body: unknown) => T;
  /** For add: looks for the webhook an ambiguous attempt may have created; undefined when it is missing. */
  readonly recover?: () => Promise<T | undefined>;
}

type AttemptResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly outcome: FailureOutcome; readonly phase: 'token' | 'api'; readonly response?: HttpResponse };

/** Runs one operation to a result or a classified error that carries the number of attempts made. */
export async function executeCall<T>(context: ClientContext, spec: CallSpec<T>, options: CallOptions = {}): Promise<T> {
  const route = ROUTES[spec.operation];
  const url = `${context.baseUrl}${buildPath(route, spec.uuid)}`;
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;
  const where = { operation: spec.operation, method: route.method, pathTemplate: route.pathTemplate, uuid: spec.uuid };

  let tokenRenewed = false;
  let earlierAttemptAmbiguous = false;
  let lastToken: string | undefined;

  for (let attempt = 1; ; attempt += 1) {
    const result = await attemptOnce(attempt);
    if (result.ok) return result.value;

    const classifyContext: ClassifyContext = { ...where, organization: context.organization, attempts: attempt, phase: result.phase, redactor: context.redactor };
    const error = classify(classifyContext, result.outcome);
    const requestSent = result.phase === 'api' && !(result.outcome.kind === 'transport' && !result.outcome.failure.mayHaveBeenSent);
    const decision = decideRetry({
      retryClass: route.retryClass,
      error,
      attempt,
      maxAttempts: context.maxAttempts,
      requestSent,
      tokenRenewed,
      earlierAttemptAmbiguous,
    });
    earlierAttemptAmbiguous ||= error.ambiguous || (error.code === 'OCR_SERVER' && requestSent);

    if (decision.action === 'fail') throw failWith(error);

    if (decision.action === 'renew-token') {
      if (lastToken !== undefined) context.tokens.invalidate(lastToken);
      tokenRenewed = true;
      context.counters.retries += 1;
      context.log({ event: 'retry', ...where, attempt, delayMs: 0, status: error.httpStatus, message: `renewing the access token: ${decision.reason}` });
      continue;
    }

    if (decision.action === 'recover-by-url') {
      const recovered = await recoverAdd(error);
      if (recovered !== undefined) return recovered;
      if (!decision.retryIfMissing) throw failWith(error);
    }

    const retryAfterMs = parseRetryAfter(result.response?.headers['retry-after'], context.clock.now());
    const delayMs = retryDelay(attempt, retryAfterMs, context.backoff, () => context.clock.random());
    context.counters.retries += 1;
    context.log({ event: 'retry', ...where, attempt, delayMs, status: error.httpStatus, message: `${decision.reason}: ${error.code}` });

    try {
      await context.clock.sleep(delayMs, options.signal);
    } catch (abortReason) {
      throw failWith(classify(classifyContext, { kind: 'transport', failure: new TransportFailure('aborted', false, timeoutMs, abortReason) }));
    }
  }

  async function attemptOnce(attempt: number): Promise<AttemptResult<T>> {
    let token: string;
    try {
      token = await context.tokens.getToken(options.signal);
    } catch (error) {
      if (error instanceof TokenRequestFailure) return { ok: false, outcome: error.outcome, phase: 'token' };
      if (error instanceof TransportFailure) return { ok: false, outcome: { kind: 'transport', failure: error }, phase: 'token' };
      throw error;
    }
    lastToken = token;

    try {
      await context.limiter.acquire(options.signal);
    } catch (abortReason) {
      return { ok: false, outcome: { kind: 'transport', failure: new TransportFailure('aborted', false, timeoutMs, abortReason) }, phase: 'api' };
    }

    context.counters.requests += 1;
    context.organizationCounters.requests += 1;
    context.log({ event: 'request', ...where, attempt });
    const started = context.clock.now();

    let response: HttpResponse;
    try {
      response = await sendHttp({
        method: route.method,
        url,
        headers: requestHeaders(token, body !== undefined),
        body,
        timeoutMs,
        signal: options.signal,
        dispatcher: context.dispatcher,
      });
    } catch (error) {
      if (error instanceof TransportFailure) return { ok: false, outcome: { kind: 'transport', failure: error }, phase: 'api' };
      throw error;
    }
    context.log({ event: 'response', ...where, attempt, status: response.status, elapsedMs: context.clock.now() - started });

    const parsed = parseEnvelope(response.status, response.text);
    if (parsed.kind === 'error') {
      return { ok: false, outcome: { kind: 'error-response', httpStatus: response.status, ...withoutKind(parsed) }, phase: 'api', response };
    }
    if (parsed.kind === 'unparseable') {
      return { ok: false, outcome: { kind: 'invalid-response', httpStatus: response.status, reason: parsed.reason }, phase: 'api', response };
    }

    try {
      return { ok: true, value: spec.parse(parsed.response, parsed.body) };
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      return { ok: false, outcome: { kind: 'invalid-response', httpStatus: response.status, reason: error.message }, phase: 'api', response };
    }
  }

  async function recoverAdd(error: OcrolusError): Promise<T | undefined> {
    if (spec.recover === undefined) return undefined;

    context.log({ event: 'retry', ...where, status: error.httpStatus, message: `looking for the webhook by URL after ${error.code}` });
    let recovered: T | undefined;
    try {
      recovered = await spec.recover();
    } catch (listError) {
      if (listError instanceof OcrolusError && listError.code === 'OCR_ABORTED') throw listError;

      // The list failed too. The add's own error describes the uncertain outcome better than the list's error.
      context.log({ event: 'error', ...where, message: `listing webhooks to recover the add failed: ${(listError as Error).message}` });
      throw failWith(error);
    }

    if (recovered !== undefined) {
      context.counters.recoveredAdds += 1;
      context.log({ event: 'response', ...where, message: 'found the webhook that the ambiguous add created' });
    }
    return recovered;
  }

  function failWith(error: OcrolusError): OcrolusError {
    context.log({ event: 'error', ...where, status: error.httpStatus, attempt: error.attempts, message: error.message });
    return error;
  }
}

function requestHeaders(token: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

function withoutKind<T extends { kind: string }>(value: T): Omit<T, 'kind'> {
  const { kind: _kind, ...rest } = value;
  return rest;
}

/** Logs an error found before any request was sent, such as invalid input, and returns it for throwing. */
export function rejectBeforeSending(context: ClientContext, error: OcrolusError): OcrolusError {
  context.log({ event: 'error', operation: error.operation, uuid: error.uuid, message: error.message });
  return error;
}
