import type { Dispatcher } from 'undici';

import type { Logger } from './types';

/** Production endpoints. Tests and the emulator always pass their own loopback addresses. */
export const DEFAULT_API_URL = 'https://api.ocrolus.com';
export const DEFAULT_AUTH_URL = 'https://auth.ocrolus.com/oauth/token';
/** The webhook routes live under this prefix of the API URL. */
export const API_PATH_PREFIX = '/v1/account/settings';

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
}
