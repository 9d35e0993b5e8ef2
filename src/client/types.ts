/**
 * Shapes of the Ocrolus organization-level webhook API as the client returns them, after envelope
 * parsing and field renaming (snake_case on the wire, camelCase here).
 */

/** A webhook as the API stores it. The signing secret is never returned by the API. */
export interface ApiWebhook {
  readonly uuid: string;
  readonly url: string;
  readonly description: string | null;
  readonly isActive: boolean;
  /** ISO 8601; some API responses omit it. */
  readonly createdOn?: string;
  /** ISO 8601; some API responses omit it. */
  readonly lastModifiedDate?: string;
}

/** An event a webhook is subscribed to, from `GET /webhook/{uuid}/events`. */
export interface ApiEvent {
  readonly uuid: string;
  readonly name: string;
  readonly isActive?: boolean;
  /** `STATUS` or `ISSUE`. */
  readonly type?: string;
  /** `LOW`, `MODERATE` or `HIGH`. */
  readonly severity?: string;
  readonly reason?: string | null;
  readonly description?: string | null;
}

export interface AddWebhookInput {
  readonly url: string;
  readonly description?: string | null;
  /** Sent as `webhook.is_active`, so a webhook declared inactive is never active after creation. */
  readonly isActive?: boolean;
  readonly eventNames: readonly string[];
}

/** Result of add: the API returns either `{uuid}` or the whole webhook. */
export interface AddWebhookResult {
  readonly uuid: string;
  readonly webhook?: ApiWebhook;
  /** True when the add was ambiguous (timed out after sending) and the webhook was found by URL. */
  readonly recovered?: boolean;
}

/** Fields of an update; at least one must be set. `eventNames` replaces the whole subscription list. */
export interface UpdateWebhookInput {
  readonly url?: string;
  readonly description?: string | null;
  readonly isActive?: boolean;
  readonly eventNames?: readonly string[];
}

/** Result of test: the API returns either the test request's uuid or the sample payload it sent. */
export interface TestWebhookResult {
  readonly requestUuid?: string;
  readonly payload?: unknown;
  /**
   * The delivery's outcome when the response reports it (the emulator adds a `delivery` object):
   * the receiver's HTTP status, the request headers with signature values masked, and the body.
   */
  readonly delivery?: TestDeliveryReport;
}

export interface TestDeliveryReport {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly error?: string;
}

export interface CallOptions {
  /** Cancels the call, including any backoff wait between attempts. */
  readonly signal?: AbortSignal;
  /** Timeout of each HTTP request of this call in milliseconds; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
}

/** The operations of the webhook API. `OcrolusClient` implements it; unit tests may stub it. */
export interface WebhookApi {
  /** Label of the organization these calls go to, used in errors and logs (never a credential). */
  readonly organization: string;
  listWebhooks(options?: CallOptions): Promise<ApiWebhook[]>;
  /** Throws `OcrolusNotFoundError` when the webhook does not exist. */
  getWebhook(uuid: string, options?: CallOptions): Promise<ApiWebhook>;
  /** Never re-sent blindly: after an ambiguous failure the client lists and matches by URL. */
  addWebhook(input: AddWebhookInput, options?: CallOptions): Promise<AddWebhookResult>;
  updateWebhook(uuid: string, input: UpdateWebhookInput, options?: CallOptions): Promise<void>;
  activateWebhook(uuid: string, options?: CallOptions): Promise<void>;
  deactivateWebhook(uuid: string, options?: CallOptions): Promise<void>;
  /** Throws `OcrolusNotFoundError` when the webhook does not exist. */
  deleteWebhook(uuid: string, options?: CallOptions): Promise<void>;
  listWebhookEvents(uuid: string, options?: CallOptions): Promise<ApiEvent[]>;
  testWebhook(uuid: string, eventUuid: string, options?: CallOptions): Promise<TestWebhookResult>;
  /** Sets or rotates the signing secret (16 to 128 characters). */
  rotateSecret(uuid: string, secretKey: string, options?: CallOptions): Promise<void>;
}

/** Structured log record. Fields come from an allow-list: never a body, header or credential. */
export interface LogRecord {
  readonly event: 'request' | 'response' | 'retry' | 'token' | 'error';
  readonly organization: string;
  readonly operation?: string;
  readonly method?: string;
  readonly pathTemplate?: string;
  readonly uuid?: string;
  readonly status?: number;
  readonly attempt?: number;
  readonly elapsedMs?: number;
  readonly delayMs?: number;
  readonly message?: string;
}

export type Logger = (record: LogRecord) => void;
