/**
 * Access tokens by OAuth 2.0 client credentials (RFC 6749 section 4.4). The token is cached and
 * renewed once half of its lifetime has passed, at most 12 hours after it was issued, as Ocrolus
 * advises for its 24-hour tokens. Concurrent callers share one request in flight.
 */
import type { Dispatcher } from 'undici';

import type { FailureOutcome } from './classify';
import type { Clock } from './clock';
import { isRecord, parseEnvelope } from './envelope';
import { OCROLUS_AUDIENCE } from './options';
import type { Redactor } from './redact';
import { sendHttp, TransportFailure } from './transport';

/** Maximum time a token is used before renewal, in milliseconds (12 hours). */
const MAX_TOKEN_REUSE_MS = 12 * 60 * 60 * 1000;
/** Lifetime assumed when the token response omits `expires_in`: Ocrolus tokens live 24 hours. */
const DEFAULT_EXPIRES_IN_SECONDS = 24 * 60 * 60;
/** A stale token is still used while a renewal fails, until this long before it expires (1 minute). */
const EXPIRY_MARGIN_MS = 60 * 1000;

export interface TokenSourceOptions {
  readonly authUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly sendAudience: boolean;
  readonly timeoutMs: number;
  readonly dispatcher?: Dispatcher;
  readonly clock: Clock;
  readonly redactor: Redactor;
  /** Called before each token request is sent, for counting. */
  readonly onRequest?: () => void;
  /** Called after each successful token request. */
  readonly onIssued?: (elapsedMs: number, status: number) => void;
}

/** A token request that failed; the caller classifies `outcome` with its own operation context. */
export class TokenRequestFailure extends Error {
  override readonly name = 'TokenRequestFailure';

  constructor(readonly outcome: FailureOutcome) {
    super(`token request failed: ${outcome.kind}`);
  }
}

interface CachedToken {
  readonly accessToken: string;
  /** When to fetch a new token, in epoch milliseconds. */
  readonly renewAt: number;
  /** When the token stops working, in epoch milliseconds. */
  readonly expiresAt: number;
}

export class TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;

  constructor(private readonly options: TokenSourceOptions) {}

  /**
   * Returns a valid access token, fetching one when none is cached or renewal is due. Throws
   * `TokenRequestFailure`, or `TransportFailure` of kind `aborted` when `signal` aborts the wait.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    const cached = this.cached;
    const now = this.options.clock.now();
    if (cached !== undefined && now < cached.renewAt) return cached.accessToken;
    if (signal?.aborted) throw new TransportFailure('aborted', false, this.options.timeoutMs, signal.reason);

    try {
      const fresh = await waitWithSignal(this.renew(), signal, this.options.timeoutMs);
      return fresh.accessToken;
    } catch (error) {
      // A failed renewal need not stop calls while the old token still works, unless the
      // credentials themselves were rejected.
      const stillValid = cached !== undefined && this.cached === cached && now < cached.expiresAt - EXPIRY_MARGIN_MS;
      if (stillValid && error instanceof TokenRequestFailure && !isCredentialRejection(error.outcome)) {
        return cached.accessToken;
      }
      throw error;
    }
  }

  /** Drops `accessToken` from the cache when it is still the cached one, so the next call fetches a new token. */
  invalidate(accessToken: string): void {
    if (this.cached?.accessToken === accessToken) this.cached = undefined;
  }

  // Starts a token request unless one is already in flight, which callers then share.
  private renew(): Promise<CachedToken> {
    if (this.pending === undefined) {
      this.pending = this.fetchToken().finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { clock, redactor } = this.options;
    const body: Record<string, string> = {
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    };
    if (this.options.sendAudience) body.audience = OCROLUS_AUDIENCE;

    this.options.onRequest?.();
    const started = clock.now();
    let response;
    try {
      response = await sendHttp({
        method: 'POST',
        url: this.options.authUrl,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        timeoutMs: this.options.timeoutMs,
        dispatcher: this.options.dispatcher,
      });
    } catch (error) {
      if (error instanceof TransportFailure) throw new TokenRequestFailure({ kind: 'transport', failure: error });
      throw error;
    }

    const parsed = parseEnvelope(response.status, response.text);
    if (parsed.kind === 'error') {
      const { apiStatus, apiCode, apiMessage } = parsed;
      throw new TokenRequestFailure({ kind: 'error-response', httpStatus: response.status, apiStatus, apiCode, apiMessage });
    }
    if (parsed.kind === 'unparseable') {
      throw new TokenRequestFailure({ kind: 'invalid-response', httpStatus: response.status, reason: `token response: ${parsed.reason}` });
    }

    const token = readToken(parsed.response);
    if (token === undefined) {
      throw new TokenRequestFailure({ kind: 'invalid-response', httpStatus: response.status, reason: 'the token response has no access_token' });
    }
    redactor.addSecret(token.accessToken);

    const issuedAt = clock.now();
    const lifetimeMs = token.expiresInSeconds * 1000;
    this.cached = {
      accessToken: token.accessToken,
      renewAt: issuedAt + Math.min(lifetimeMs / 2, MAX_TOKEN_REUSE_MS),
      expiresAt: issuedAt + lifetimeMs,
    };
    this.options.onIssued?.(issuedAt - started, response.status);
    return this.cached;
  }
}

function readToken(response: unknown): { accessToken: string; expiresInSeconds: number } | undefined {
  if (!isRecord(response) || typeof response.access_token !== 'string' || response.access_token === '') return undefined;

  const expiresIn = Number(response.expires_in);
  const expiresInSeconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS;
  return { accessToken: response.access_token, expiresInSeconds };
}

function isCredentialRejection(outcome: FailureOutcome): boolean {
  return outcome.kind === 'error-response' && outcome.httpStatus >= 400 && outcome.httpStatus < 500 && outcome.httpStatus !== 429;
}

/** Waits for a shared promise, but lets one caller's signal end its own wait without cancelling the others'. */
function waitWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, timeoutMs: number): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new TransportFailure('aborted', false, timeoutMs, signal.reason));

  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new TransportFailure('aborted', false, timeoutMs, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
