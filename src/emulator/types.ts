/**
 * Public types of the Ocrolus emulator. Other layers (client, CLI, front-end tests) code against
 * these shapes, so changes here must stay backward compatible.
 */

/** An Ocrolus organization served by the emulator, with the client credentials that reach it. */
export interface OrganizationSeed {
  /** Label used by the inspection API (`webhooks('staging')`) and the admin endpoint. */
  id: string;
  /** OAuth client id accepted by the token endpoint for this organization. */
  clientId: string;
  /** OAuth client secret paired with `clientId`. */
  clientSecret: string;
  /** Display name. */
  name?: string;
  /**
   * Whether the credentials carry manager permission.
   * @default true. With false, every webhook call fails with code 1316.
   */
  manager?: boolean;
}

/** Switches between the behaviours that Ocrolus' sources disagree on. */
export interface EmulatorVariants {
  /** Real HTTP error codes, or HTTP 200 with an error envelope. */
  errorTransport: 'http-status' | 'envelope-200';
  /** Envelope `status` as the integer 200 or the string "200". */
  statusType: 'integer' | 'string';
  /** Add returns `{uuid}` or the whole webhook. */
  addResponse: 'uuid' | 'webhook';
  /** Test returns `{uuid}` of the test request, or the sample payload that was sent. */
  testResponse: 'uuid' | 'payload';
  /** Not found as HTTP 404, or as status 400 code 1000 "Webhook with uuid <uuid> not found". */
  notFound: 'http-404' | 'code-1000';
  /** Whether list, retrieve and the whole-webhook add response carry created_on and last_modified_date. */
  timestamps: 'included' | 'omitted';
  /** Store the URL as sent, or normalized (scheme and host lower-cased, default port and trailing slash removed). */
  urlStorage: 'as-sent' | 'normalized';
  /** Compare URLs exactly or after normalization when enforcing the unique-URL rule. */
  duplicateUrls: 'exact' | 'normalized';
  /** Whether `is_active` on add is applied, or ignored so that new webhooks are always active. */
  activeOnAdd: 'honoured' | 'ignored';
  /** When true, updates silently ignore `is_active`: a broken API for testing read-back verification. */
  ignoreActiveFlip: boolean;
  /** When true, 429 responses carry a Retry-After header (seconds). */
  retryAfterHeader: boolean;
}

/** Name of an emulated endpoint, used by faults and the request log. */
export type RouteName = 'token' | 'add' | 'list' | 'retrieve' | 'update' | 'delete' | 'events' | 'test' | 'rotate-secret';

/**
 * A failure injected into the next matching requests. `count` defaults to 1; `organization`
 * restricts the fault to requests of that organization; route `'*'` matches every route.
 */
export type Fault =
  | { kind: 'status'; route: RouteName | '*'; status: number; count?: number; code?: number; message?: string; organization?: string }
  | { kind: 'latency'; route: RouteName | '*'; ms: number; count?: number; organization?: string }
  /** Destroys the socket before the request is handled. */
  | { kind: 'drop'; route: RouteName | '*'; count?: number; organization?: string }
  /** Applies the write, then delays the response `holdMs` (default 60000) and destroys the socket instead. */
  | { kind: 'commit-then-timeout'; route: RouteName | '*'; count?: number; holdMs?: number; organization?: string };

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** TCP port. @default 0 (the OS chooses) */
  port?: number;
  /** JSON state file, loaded on start and written atomically after every change. Contains secrets. */
  dataFile?: string;
  /** Organizations to serve, added to (or replacing same-id entries of) those in the data file. */
  organizations?: OrganizationSeed[];
  /** Variant switches; unspecified ones come from the data file, then from DEFAULT_VARIANTS. */
  variants?: Partial<EmulatorVariants>;
  /** Requests per second per organization (sliding one-second window). @default 20. false disables the limit. */
  requestsPerSecond?: number | false;
  /** Hosts that test deliveries may reach. @default 'loopback'. Deliveries to other hosts are recorded as rejected and never sent. */
  deliveryHosts?: 'loopback' | 'any';
  /** Timeout of one test delivery in milliseconds. @default 5000 */
  deliveryTimeoutMs?: number;
  /** Receives one line per request (method, path, status, organization); never a token, secret or body. */
  log?: (line: string) => void;
  /** Lifetime of issued access tokens in seconds. @default 86400 */
  tokenLifetimeSeconds?: number;
  /** Clock in epoch milliseconds, for tests of token expiry and rate limiting. @default Date.now */
  clock?: () => number;
}

/** A webhook as the emulator stores it (camelCase, with the signing secret when one was set). */
export interface EmulatorWebhook {
  uuid: string;
  url: string;
  description: string | null;
  isActive: boolean;
  events: string[];
  /** Signing secret set by rotate-secret; absent until then. */
  secret?: string;
  /** ISO 8601 creation time. */
  createdOn: string;
  /** ISO 8601 time of the last change. */
  lastModifiedDate: string;
}

/** One request received by the emulated API (admin requests are not recorded). */
export interface RecordedRequest {
  /** Organization of the bearer token, or of the client id for token calls, when known. */
  organization?: string;
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Matched route; absent for unknown paths. */
  route?: RouteName;
  /** HTTP status sent; 0 when no response was sent (socket dropped or still held). */
  status: number;
  /** ISO 8601 arrival time. */
  at: string;
}

/** One test delivery attempted by the test endpoint. */
export interface RecordedDelivery {
  organization: string;
  webhookUuid: string;
  /** Target URL, with any password embedded in it masked as `***`. */
  url: string;
  eventName: string;
  /** Headers sent, by their canonical names; an Authorization header's credentials are masked. */
  requestHeaders: Record<string, string>;
  /** Raw JSON body sent. */
  body: string;
  /** HTTP status returned by the receiver. */
  status?: number;
  /** Reason the delivery failed or was not sent (connection error, timeout, rejected host). */
  error?: string;
  /** ISO 8601 time of the attempt. */
  at: string;
}

/** An organization as the inspection API shows it: no client secret. */
export interface EmulatorOrganization {
  id: string;
  name?: string;
  clientId: string;
  manager: boolean;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, `http://127.0.0.1:PORT`; API routes are under `/v1/account/settings`. */
  readonly url: string;
  /** Same as `url`: the value for the client's API base URL. */
  readonly apiUrl: string;
  /** Token endpoint, `url + '/oauth/token'`. */
  readonly authUrl: string;
  readonly port: number;
  /** Stops listening, destroys open connections and held responses, and aborts deliveries. */
  close(): Promise<void>;
  /** Adds an organization, or replaces the credentials of an existing one with the same id. */
  addOrganization(seed: OrganizationSeed): void;
  /** The organizations served, without their client secrets. */
  organizations(): EmulatorOrganization[];
  /** Copies of the organization's webhooks, secrets included, sorted by createdOn. */
  webhooks(organization: string): EmulatorWebhook[];
  /** Copies of the recorded requests, in arrival order, optionally of one organization. */
  requests(organization?: string): RecordedRequest[];
  /** Forgets the recorded requests (deliveries are kept). */
  clearRequests(): void;
  /** Copies of the recorded test deliveries, optionally of one organization. */
  deliveries(organization?: string): RecordedDelivery[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  setVariants(variants: Partial<EmulatorVariants>): void;
  variants(): EmulatorVariants;
  /** Changes a webhook out of band, as a user editing it in the Dashboard would. */
  editWebhook(organization: string, uuid: string, patch: { url?: string; description?: string | null; isActive?: boolean; events?: string[] }): void;
  /** Deletes a webhook out of band. */
  removeWebhook(organization: string, uuid: string): void;
  /** Creates a webhook out of band and returns a copy of it. */
  seedWebhook(organization: string, webhook: { url: string; description?: string | null; isActive?: boolean; events: string[] }): EmulatorWebhook;
}
