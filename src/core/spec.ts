/**
 * The declared shape of one webhook, shared by every front end. `secret` is write-only: it is sent
 * with rotate-secret after add and whenever `secretVersion` changes, and never compared with
 * anything read from the API.
 */
export interface WebhookSpec {
  /** Logical name in the declaration (`orders`), the Pulumi resource name or the Terraform address. */
  readonly name: string;
  readonly url: string;
  readonly events: readonly string[];
  /** Null, or 3 to 255 characters. @default null */
  readonly description?: string | null;
  /** @default true */
  readonly active?: boolean;
  /** Signing secret, 16 to 128 characters. */
  readonly secret?: string;
  /** Changing it sends the secret again. Numbers are compared as strings. */
  readonly secretVersion?: string | number;
}

/** A spec after normalization: events deduplicated and sorted, defaults filled in. */
export interface NormalizedSpec {
  readonly name: string;
  /** URL in the form used for comparison (see `normalizeUrl`). */
  readonly url: string;
  /** URL exactly as declared, which is what gets sent to the API. */
  readonly declaredUrl: string;
  readonly events: readonly string[];
  readonly description: string | null;
  readonly active: boolean;
  readonly secret?: string;
  readonly secretVersion?: string;
}

/** A webhook as read from the API together with its subscribed events. */
export interface ObservedWebhook {
  readonly uuid: string;
  /** URL exactly as the API returned it. */
  readonly url: string;
  readonly description: string | null;
  readonly active: boolean;
  /** Event names, deduplicated and sorted. */
  readonly events: readonly string[];
  /** Event name to event uuid, as the events call returned them (the test call needs a uuid). */
  readonly eventUuids: Readonly<Record<string, string>>;
  readonly createdOn?: string;
  readonly lastModifiedDate?: string;
}

/**
 * What a front end remembers about a webhook it manages: never a secret. `secretVersion` is the
 * version last sent with rotate-secret, absent when no secret was ever sent.
 */
export interface WebhookBinding {
  readonly name: string;
  readonly uuid: string;
  readonly secretVersion?: string;
}
