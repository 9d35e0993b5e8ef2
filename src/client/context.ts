/** Everything one client's operations share: resolved settings, the token source, the limiter and logging. */
import type { Dispatcher } from 'undici';

import type { BackoffSettings } from './backoff';
import type { Clock } from './clock';
import type { RateLimiter, OrganizationCounters } from './rate-limiter';
import type { Redactor } from './redact';
import type { TokenSource } from './token-source';
import type { LogRecord } from './types';

/** Counters of one client instance. */
export interface ClientCounters {
  /** HTTP requests this client sent to the webhook API, retries included. */
  requests: number;
  /** Requests this client sent to the token endpoint. */
  tokenRequests: number;
  /** Attempts repeated after a failure, token renewals included. */
  retries: number;
  /** Adds that ended ambiguously and were found by URL. */
  recoveredAdds: number;
}

export interface ClientContext {
  readonly organization: string;
  /** API URL with the `/v1/account/settings` prefix, no trailing slash. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly backoff: BackoffSettings;
  readonly clock: Clock;
  readonly dispatcher?: Dispatcher;
  readonly tokens: TokenSource;
  readonly limiter: RateLimiter;
  readonly redactor: Redactor;
  readonly counters: ClientCounters;
  readonly organizationCounters: OrganizationCounters;
  /** Sends a record to the injected logger after redacting it; never throws. */
  readonly log: (record: Omit<LogRecord, 'organization'>) => void;
}
