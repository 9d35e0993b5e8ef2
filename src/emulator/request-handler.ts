import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

import { errorReply, type Reply } from './envelope';
import { BodyTooLargeError, readBody, sendJson } from './http-io';
import { matchRoute, type RouteMatch } from './routes';
import { answerTokenRequest, bearerToken, parseTokenRequest } from './tokens';
import { answerWebhookRoute } from './webhook-handlers';
import { DEFAULT_HOLD_MS } from './faults';
import type { EmulatorRuntime } from './runtime';
import type { OrganizationRecord } from './store';
import type { EmulatorVariants, Fault, RecordedRequest } from './types';

/** Ocrolus error codes that the pipeline sends. */
const CODE_VALIDATION = 1000;
const CODE_UNKNOWN_ENDPOINT = 1101;
const CODE_AUTHENTICATION_FAILED = 1200;
const CODE_MANAGER_REQUIRED = 1316;
// NOTE: Ocrolus documents no error code for rate limiting; clients must rely on the 429 status.
export const CODE_RATE_LIMITED = 1006;

/**
 * Handles one request to the emulated API or token endpoint. The steps: record the request,
 * read the body, find the organization, apply injected faults, then authenticate, rate-limit,
 * check the manager role and run the route.
 */
export async function handleApiRequest(runtime: EmulatorRuntime, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const started = performance.now();
  const method = request.method ?? 'GET';
  const match = matchRoute(method, path);

  const record: RecordedRequest = { method, path, status: 0, at: new Date(runtime.clock()).toISOString() };
  if (match !== undefined) {
    record.route = match.name;
  }
  runtime.recordRequest(record);

  const finish = (reply: Reply | 'dropped' | 'held'): void => {
    if (typeof reply === 'string') {
      logRequest(runtime, record, reply, started);
      return;
    }
    sendJson(response, reply.httpStatus, reply.body, reply.headers);
    record.status = reply.httpStatus;
    logRequest(runtime, record, String(reply.httpStatus), started);
  };

  let body: string;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      finish(errorReply(runtime.store.variants, 413, CODE_VALIDATION, error.message, { realHttpStatus: true }));
      return;
    }
    throw error;
  }

  const tokenRequest = match?.name === 'token' ? parseTokenRequest(request.headers, body) : undefined;
  const organization =
    tokenRequest === undefined
      ? runtime.tokens.verify(bearerToken(request.headers.authorization) ?? '')
      : runtime.store.organizationByClientId(tokenRequest.clientId ?? '');
  if (organization !== undefined) {
    record.organization = organization.id;
  }

  let outcome: Exclude<Fault, { kind: 'latency' }> | undefined;
  if (match !== undefined) {
    const selection = runtime.faults.take(match.name, organization?.id);
    if (selection.latencyMs > 0) {
      await runtime.sleep(selection.latencyMs);
    }
    outcome = selection.outcome;
  }

  if (outcome?.kind === 'drop') {
    request.socket.destroy();
    finish('dropped');
    return;
  }
  if (outcome?.kind === 'status') {
    finish(faultReply(runtime.store.variants, outcome, match?.name === 'token'));
    return;
  }

  let reply: Reply;
  if (match !== undefined && match.name === 'token' && tokenRequest !== undefined) {
    const answer = answerTokenRequest(runtime.tokens, runtime.store, tokenRequest, runtime.tokenLifetimeSeconds);
    reply = answer.reply;
  } else {
    reply = await answerAuthenticated(runtime, match, organization, body, method, path);
  }

  if (outcome?.kind === 'commit-then-timeout') {
    // The write above is applied; the client sees only a response that never arrives.
    runtime.schedule(outcome.holdMs ?? DEFAULT_HOLD_MS, () => request.socket.destroy());
    finish('held');
    return;
  }
  finish(reply);
}

/** Runs a webhook route after authentication, the rate limit and the manager check. */
async function answerAuthenticated(
  runtime: EmulatorRuntime,
  match: RouteMatch | undefined,
  organization: OrganizationRecord | undefined,
  body: string,
  method: string,
  path: string,
): Promise<Reply> {
  const variants = runtime.store.variants;

  if (match === undefined || match.name === 'token') {
    return errorReply(variants, 404, CODE_UNKNOWN_ENDPOINT, `Unknown endpoint: ${method} ${path}`);
  }
  if (organization === undefined) {
    return errorReply(variants, 401, CODE_AUTHENTICATION_FAILED, 'Authentication failed: the bearer token is missing, invalid or expired');
  }

  const decision = runtime.limiter?.tryAcquire(organization.id) ?? { allowed: true };
  if (!decision.allowed) {
    return rateLimitedReply(variants, decision.retryAfterMs);
  }

  if (!organization.manager) {
    return errorReply(variants, 403, CODE_MANAGER_REQUIRED, 'Manager permission is required to manage webhooks');
  }

  return answerWebhookRoute(match.name, {
    store: runtime.store,
    variants,
    organization,
    uuid: match.uuid,
    body,
    clock: runtime.clock,
    deliveries: runtime.deliveries,
    recordDelivery: (delivery) => runtime.recordDelivery(delivery),
  });
}

/**
 * Builds the 429 reply. It keeps HTTP 429 even under errorTransport 'envelope-200' because rate
 * limiting happens before the application handles the request.
 */
function rateLimitedReply(variants: EmulatorVariants, retryAfterMs: number): Reply {
  const headers = variants.retryAfterHeader ? { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } : undefined;
  return errorReply(variants, 429, CODE_RATE_LIMITED, 'Too many requests: the organization exceeded its rate limit', { realHttpStatus: true, headers });
}

/**
 * Builds the reply of a status fault. Statuses 429 and 5xx keep their HTTP status under
 * errorTransport 'envelope-200' because a gateway sends them, not the application. The token
 * route replies in OAuth form.
 */
function faultReply(variants: EmulatorVariants, fault: Extract<Fault, { kind: 'status' }>, tokenRoute: boolean): Reply {
  const message = fault.message ?? STATUS_CODES[fault.status] ?? 'Injected fault';
  const headers = fault.status === 429 && variants.retryAfterHeader ? { 'Retry-After': '1' } : undefined;

  if (tokenRoute) {
    return { httpStatus: fault.status, body: { error: oauthErrorOf(fault.status), error_description: message }, headers };
  }

  const code = fault.code ?? defaultFaultCode(fault.status);
  const realHttpStatus = fault.status === 429 || fault.status >= 500;
  return errorReply(variants, fault.status, code, message, { realHttpStatus, headers });
}

/** Returns the Ocrolus error code of a status fault that sets none. */
function defaultFaultCode(status: number): number {
  switch (status) {
    case 401:
      return CODE_AUTHENTICATION_FAILED;
    case 403:
      return CODE_MANAGER_REQUIRED;
    case 429:
      return CODE_RATE_LIMITED;
    default:
      return CODE_VALIDATION;
  }
}

/** Writes the request's log line: method, path, outcome, organization and elapsed time; never a body. */
function logRequest(runtime: EmulatorRuntime, record: RecordedRequest, outcome: string, started: number): void {
  const elapsed = Math.round(performance.now() - started);
  runtime.log(`${record.method} ${record.path} ${outcome} org=${record.organization ?? '-'} ${elapsed}ms`);
}

/** Returns the OAuth 2.0 error name (RFC 6749 section 5.2) for the status of a token-route fault. */
function oauthErrorOf(status: number): string {
  if (status >= 500) {
    return 'server_error';
  }
  if (status === 401 || status === 403) {
    return 'access_denied';
  }
  return 'invalid_request';
}
