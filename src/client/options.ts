import type { Dispatcher } from 'undici';

import type { Clock } from './clock';
import type { Logger } from './types';

/** Production endpoints. Tests and the emulator always pass their own loopback addresses. */
export const DEFAULT_API_URL = 'https://api.ocrolus.com';
export const DEFAULT_AUTH_URL = 'https://auth.ocrolus.com/oauth/token';
/** The webhook routes live under this prefix of the API URL. */
export const API_PATH_PREFIX = '/v1/account/settings';
/** The only `audience` the token endpoint accepts, trailing slash included. */
export const OCROLUS_AUDIENCE = 'https://api.ocrolus.com/';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_REQUESTS_PER_SECOND = 20;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 10_000;
/** Shortest backoff delay in milliseconds, so full jitter never retries at once. */
export const DEFAULT_MIN_DELAY_MS = 50;

/** Environment variables the CLI, the Pulumi provider and the Terraform provider all read. */
export const ENV = {
  clientId: 'OCROLUS_CLIENT_ID',
  clientSecret: 'OCROLUS_CLIENT_SECRET',
  apiUrl: 'OCROLUS_API_URL',
  authUrl: 'OCROLUS_AUTH_URL',
} as const;

export interface RetryOptions {
  /** Attempts in all, counting the first. Default 5. */
  readonly maxAttempts?: number;
  /** First backoff delay in milliseconds, doubled per attempt. Default 200. */
  readonly baseDelayMs?: number;
  /** Upper bound of one backoff delay (and of an honoured Retry-After) in milliseconds. Default 10000. */
  readonly maxDelayMs?: number;
  /** Lower bound of one backoff delay in milliseconds. Default 50. */
  readonly minDelayMs?: number;
  /**
   * `full` draws the delay from [0, d] and `equal` from [d/2, d], where d is the capped exponential
   * delay. Default `full`.
   */
  readonly jitter?: 'full' | 'equal';
}

export interface ClientOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Base URL of the API, without the `/v1/account/settings` prefix. Default `https://api.ocrolus.com`. */
  readonly apiUrl?: string;
  /** Token endpoint. Default `https://auth.ocrolus.com/oauth/token`. */
  readonly authUrl?: string;
  /** Label for errors, logs and the rate limiter; defaults to the client id. Never a secret. */
  readonly organization?: string;
  /** Timeout of each HTTP call in milliseconds. Default 30000. */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Client-side limit per organization in requests per second. Default 20. */
  readonly requestsPerSecond?: number;
  readonly logger?: Logger;
  /** undici dispatcher, for tests and proxies. */
  readonly dispatcher?: Dispatcher;
  /**
   * Sends `audience: "https://api.ocrolus.com/"` in the token request. Default false: the token
   * endpoint does not require it.
   */
  readonly sendAudience?: boolean;
  /** Time, sleep and randomness for backoff and rate limiting; tests inject a fake. Default: the system's. */
  readonly clock?: Clock;
}
