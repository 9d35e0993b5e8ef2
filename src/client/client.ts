import type { BackoffSettings } from './backoff';
import { systemClock } from './clock';
import { ClientConfigurationError } from './configuration-error';
import type { ClientContext, ClientCounters } from './context';
import {
  API_PATH_PREFIX,
  DEFAULT_API_URL,
  DEFAULT_AUTH_URL,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MIN_DELAY_MS,
  DEFAULT_REQUESTS_PER_SECOND,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
} from './options';
import { addWebhook } from './operations/add-webhook';
import { deleteWebhook } from './operations/delete-webhook';
import { getWebhook } from './operations/get-webhook';
import { listWebhookEvents } from './operations/list-webhook-events';
import { listWebhooks } from './operations/list-webhooks';
import { rotateSecret } from './operations/rotate-secret';
import { activateWebhook, deactivateWebhook } from './operations/set-active';
import { testWebhook } from './operations/test-webhook';
import { updateWebhook } from './operations/update-webhook';
import { sharedOrganization } from './rate-limiter';
import { Redactor } from './redact';
import { TokenSource } from './token-source';
import type {
  AddWebhookInput,
  AddWebhookResult,
  ApiEvent,
  ApiWebhook,
  CallOptions,
  LogRecord,
  Logger,
  TestWebhookResult,
  UpdateWebhookInput,
  WebhookApi,
} from './types';

/** Request counts of one client, and of its organization across every client in this process. */
export interface ClientStats extends ClientCounters {
  readonly organization: string;
  /** HTTP requests to the webhook API from every client of this API URL and organization. */
  readonly organizationRequests: number;
}

/**
 * The Ocrolus organization-level webhook API over undici: cached OAuth tokens, retries with
 * backoff, a rate limit shared per organization, timeouts and redacted errors and logs.
 */
export class OcrolusClient implements WebhookApi {
  readonly organization: string;
  private readonly context: ClientContext;

  constructor(options: ClientOptions) {
    validateOptions(options);

    const clock = options.clock ?? systemClock;
    const apiUrl = trimTrailingSlash(options.apiUrl ?? DEFAULT_API_URL);
    const redactor = new Redactor();
    redactor.addSecret(options.clientSecret);
    this.organization = redactor.text(options.organization ?? options.clientId);

    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const shared = sharedOrganization(apiUrl, this.organization, options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND, clock);
    const counters: ClientCounters = { requests: 0, tokenRequests: 0, retries: 0, recoveredAdds: 0 };
    const log = redactedLogger(this.organization, redactor, options.logger);

    const tokens = new TokenSource({
      authUrl: options.authUrl ?? DEFAULT_AUTH_URL,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      sendAudience: options.sendAudience ?? false,
      timeoutMs,
      dispatcher: options.dispatcher,
      clock,
      redactor,
      onRequest: () => {
        counters.tokenRequests += 1;
        shared.counters.tokenRequests += 1;
      },
      onIssued: (elapsedMs, status) => log({ event: 'token', status, elapsedMs, message: 'access token issued' }),
    });

    this.context = {
      organization: this.organization,
      baseUrl: `${apiUrl}${API_PATH_PREFIX}`,
      timeoutMs,
      maxAttempts: options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: backoffSettings(options),
      clock,
      dispatcher: options.dispatcher,
      tokens,
      limiter: shared.limiter,
      redactor,
      counters,
      organizationCounters: shared.counters,
      log,
    };
  }

  listWebhooks(options?: CallOptions): Promise<ApiWebhook[]> {
    return listWebhooks(this.context, options);
  }

  getWebhook(uuid: string, options?: CallOptions): Promise<ApiWebhook> {
    return getWebhook(this.context, uuid, options);
  }

  addWebhook(input: AddWebhookInput, options?: CallOptions): Promise<AddWebhookResult> {
    return addWebhook(this.context, input, options);
  }

  updateWebhook(uuid: string, input: UpdateWebhookInput, options?: CallOptions): Promise<void> {
    return updateWebhook(this.context, uuid, input, options);
  }

  activateWebhook(uuid: string, options?: CallOptions): Promise<void> {
    return activateWebhook(this.context, uuid, options);
  }

  deactivateWebhook(uuid: string, options?: CallOptions): Promise<void> {
    return deactivateWebhook(this.context, uuid, options);
  }

  deleteWebhook(uuid: string, options?: CallOptions): Promise<void> {
    return deleteWebhook(this.context, uuid, options);
  }

  listWebhookEvents(uuid: string, options?: CallOptions): Promise<ApiEvent[]> {
    return listWebhookEvents(this.context, uuid, options);
  }

  testWebhook(uuid: string, eventUuid: string, options?: CallOptions): Promise<TestWebhookResult> {
    return testWebhook(this.context, uuid, eventUuid, options);
  }

  rotateSecret(uuid: string, secretKey: string, options?: CallOptions): Promise<void> {
    return rotateSecret(this.context, uuid, secretKey, options);
  }

  /** Returns this client's request counts and its organization's total, for tests and benchmarks. */
  stats(): ClientStats {
    return { organization: this.organization, ...this.context.counters, organizationRequests: this.context.organizationCounters.requests };
  }
}

/** Creates an `OcrolusClient`; see `ClientOptions` for the defaults. */
export function createClient(options: ClientOptions): OcrolusClient {
  return new OcrolusClient(options);
}

function backoffSettings(options: ClientOptions): BackoffSettings {
  const maxDelayMs = options.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  return {
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
    maxDelayMs,
    minDelayMs: Math.min(maxDelayMs, options.retry?.minDelayMs ?? DEFAULT_MIN_DELAY_MS),
    jitter: options.retry?.jitter ?? 'full',
  };
}

/** Wraps the injected logger: copies only allow-listed fields, redacts every string, and never lets the logger throw into a call. */
function redactedLogger(organization: string, redactor: Redactor, logger: Logger | undefined): ClientContext['log'] {
  return (record) => {
    if (logger === undefined) return;

    const safe: LogRecord = {
      event: record.event,
      organization,
      ...(record.operation === undefined ? {} : { operation: record.operation }),
      ...(record.method === undefined ? {} : { method: record.method }),
      ...(record.pathTemplate === undefined ? {} : { pathTemplate: record.pathTemplate }),
      ...(record.uuid === undefined ? {} : { uuid: redactor.text(record.uuid) }),
      ...(record.status === undefined ? {} : { status: record.status }),
      ...(record.attempt === undefined ? {} : { attempt: record.attempt }),
      ...(record.elapsedMs === undefined ? {} : { elapsedMs: record.elapsedMs }),
      ...(record.delayMs === undefined ? {} : { delayMs: record.delayMs }),
      ...(record.message === undefined ? {} : { message: redactor.text(record.message) }),
    };
    try {
      logger(safe);
    } catch {
      // A failing logger must not turn a successful API call into a failure.
    }
  };
}

function validateOptions(options: ClientOptions): void {
  if (typeof options.clientId !== 'string' || options.clientId.trim() === '') {
    throw new ClientConfigurationError('clientId', 'clientId is missing: pass the client id of the Ocrolus organization.');
  }
  if (typeof options.clientSecret !== 'string' || options.clientSecret === '') {
    throw new ClientConfigurationError('clientSecret', 'clientSecret is missing: pass the client secret of the Ocrolus organization.');
  }

  checkHttpUrl('apiUrl', options.apiUrl);
  checkHttpUrl('authUrl', options.authUrl);
  checkPositive('timeoutMs', options.timeoutMs);
  checkPositive('requestsPerSecond', options.requestsPerSecond);
  checkPositive('retry.baseDelayMs', options.retry?.baseDelayMs);
  checkPositive('retry.maxDelayMs', options.retry?.maxDelayMs);

  const maxAttempts = options.retry?.maxAttempts;
  if (maxAttempts !== undefined && (!Number.isInteger(maxAttempts) || maxAttempts < 1)) {
    throw new ClientConfigurationError('retry.maxAttempts', `retry.maxAttempts is ${maxAttempts}, but it must be a whole number of at least 1.`);
  }
  const minDelayMs = options.retry?.minDelayMs;
  if (minDelayMs !== undefined && !(minDelayMs >= 0)) {
    throw new ClientConfigurationError('retry.minDelayMs', `retry.minDelayMs is ${minDelayMs}, but it must be 0 or more milliseconds.`);
  }
}

function checkHttpUrl(setting: string, value: string | undefined): void {
  if (value === undefined) return;

  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new ClientConfigurationError(setting, `${setting} is not a valid URL: pass an absolute http or https URL.`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new ClientConfigurationError(setting, `${setting} uses ${protocol}, but it must be an http or https URL.`);
  }
}

function checkPositive(setting: string, value: number | undefined): void {
  if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
    throw new ClientConfigurationError(setting, `${setting} is ${value}, but it must be a positive number.`);
  }
}

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
