/** The Ocrolus organization-level webhook API client. */
export { OcrolusClient, createClient, type ClientStats } from './client';
export { clientOptionsFromEnv } from './env';
export { ClientConfigurationError } from './configuration-error';
export * from './errors';
export * from './options';
export type * from './types';
export { systemClock, sleepFor, type Clock } from './clock';
export { Redactor, redactText, redactValue, REDACTED } from './redact';
export { sameWebhookUrl } from './url-match';
export { organizationRequestCounts, RateLimiter, type OrganizationCounters } from './rate-limiter';
export { ROUTES, type OperationName, type RetryClass } from './routes';
export { decideRetry, type RetryDecision, type RetryInput } from './retry-policy';
export { backoffDelay, parseRetryAfter, retryDelay, type BackoffSettings } from './backoff';
export { SECRET_KEY_MIN_LENGTH, SECRET_KEY_MAX_LENGTH } from './operations/rotate-secret';
