import { normalizeDescription, normalizeEvents, normalizeUrl, sameUrl } from '../core';
import type { AdoptTarget, NormalizedSpec, ObservedWebhook, WebhookBinding, WebhookSpec } from '../core';

/**
 * The plain shapes that cross the dynamic-provider boundary: inputs as the engine passes them to
 * check, diff, create and update, and outputs as the provider returns them. The serialized
 * provider code is stored under `__provider` beside them and is never looked at here.
 */

/** Options of the test delivery after an apply. */
export interface TestOnApplyInputs {
  /** Event to test with; the webhook's first event in name order when absent. */
  readonly event?: string;
  /** Fail the create or update when the test delivery fails. */
  readonly failOnError?: boolean;
}

/** Resolved inputs of one webhook. `name` is the Pulumi resource name, used in messages. */
export interface WebhookInputs {
  readonly name?: string;
  readonly url?: string;
  readonly events?: readonly string[];
  readonly description?: string | null;
  readonly active?: boolean;
  readonly secret?: string;
  readonly secretVersion?: string | number;
  readonly adopt?: AdoptTarget;
  readonly testOnApply?: TestOnApplyInputs;
}

/**
 * Result of the test delivery sent after an apply. `outcome` is `delivered` when the receiver
 * returned 2xx, and `failed` when it did not or the call failed. It is `sent` when the API accepted
 * the test but reported no delivery status, and `skipped` when the webhook is inactive, because
 * Ocrolus tests active webhooks only.
 */
export interface LastTestOutputs {
  readonly eventName: string;
  readonly outcome: 'delivered' | 'failed' | 'sent' | 'skipped';
  /** HTTP status the receiver returned, when the API reports it. */
  readonly status?: number;
  readonly requestUuid?: string;
  /** Reason the delivery failed or was skipped. */
  readonly error?: string;
  /** ISO 8601 time of the test. */
  readonly testedAt: string;
}

/** Outputs of one webhook, as read back from the API after the last write or refresh. */
export interface WebhookOutputs {
  readonly name?: string;
  readonly uuid: string;
  /** URL as declared; after a refresh that found a different URL, the one the API stores. */
  readonly url: string;
  readonly description: string | null;
  /** Subscribed events, deduplicated and sorted. */
  readonly events: string[];
  /** The declared flag after an apply; the observed one after a refresh. */
  readonly active: boolean;
  /** The flag as read back from the API. */
  readonly isActive: boolean;
  readonly createdOn?: string;
  readonly lastModifiedDate?: string;
  /** The signing secret, kept so that a refresh can hand it back; stored as a secret. */
  readonly secret?: string;
  /** `secretVersion` as declared, kept so that a refresh hands the same value back. */
  readonly secretVersion?: string | number;
  /** Version of the secret last sent to the API, in the core's string form. */
  readonly sentSecretVersion?: string;
  readonly adopt?: AdoptTarget;
  readonly testOnApply?: TestOnApplyInputs;
  readonly lastTest?: LastTestOutputs;
}

/** Builds the core's webhook spec from the fields of `inputs`. */
export function specFromInputs(inputs: WebhookInputs): WebhookSpec {
  return withoutUndefined({
    name: inputs.name ?? 'webhook',
    url: inputs.url as string,
    events: inputs.events as readonly string[],
    description: inputs.description,
    active: inputs.active,
    secret: inputs.secret,
    secretVersion: inputs.secretVersion,
  });
}

/**
 * Builds the core's normalized spec from the last known state, so that diff can compare that state
 * with the new inputs. The secret version is the one last sent, not a declared one.
 */
export function specFromOutputs(outputs: Partial<WebhookOutputs>): NormalizedSpec {
  const url = typeof outputs.url === 'string' ? outputs.url : '';
  return withoutUndefined({
    name: outputs.name ?? 'webhook',
    url: url === '' ? '' : normalizeUrl(url),
    declaredUrl: url,
    events: normalizeEvents(Array.isArray(outputs.events) ? outputs.events : []),
    description: normalizeDescription(outputs.description),
    active: outputs.active ?? outputs.isActive ?? true,
    secret: outputs.secret,
    secretVersion: sentSecretVersion(outputs),
  });
}

/**
 * Version of the secret last sent, from outputs. Falls back to the declared version for outputs
 * written before `sentSecretVersion` existed, since the two were equal after every apply.
 */
export function sentSecretVersion(outputs: Partial<WebhookOutputs>): string | undefined {
  if (outputs.sentSecretVersion !== undefined) return outputs.sentSecretVersion;
  return outputs.secretVersion === undefined ? undefined : String(outputs.secretVersion);
}

/** Outputs after a create or update: the read-back webhook plus the inputs worth keeping. */
export function outputsFromObserved(observed: ObservedWebhook, binding: WebhookBinding, inputs: WebhookInputs): WebhookOutputs {
  return withoutUndefined({
    name: inputs.name,
    uuid: observed.uuid,
    url: keepDeclaredUrl(inputs.url, observed.url),
    description: observed.description,
    events: [...observed.events],
    active: observed.active,
    isActive: observed.active,
    createdOn: observed.createdOn,
    lastModifiedDate: observed.lastModifiedDate,
    secret: inputs.secret,
    secretVersion: inputs.secretVersion,
    sentSecretVersion: binding.secretVersion,
    adopt: inputs.adopt,
    testOnApply: inputs.testOnApply,
  });
}

/**
 * Outputs after a refresh: the webhook as observed now, with what the API cannot return (secret,
 * secret version, options, last test) carried over from the previous outputs.
 */
export function outputsFromRefresh(observed: ObservedWebhook, previous: Partial<WebhookOutputs>): WebhookOutputs {
  return withoutUndefined({
    name: previous.name,
    uuid: observed.uuid,
    url: keepDeclaredUrl(previous.url, observed.url),
    description: observed.description,
    events: [...observed.events],
    active: observed.active,
    isActive: observed.active,
    createdOn: observed.createdOn,
    lastModifiedDate: observed.lastModifiedDate,
    secret: previous.secret,
    secretVersion: previous.secretVersion,
    sentSecretVersion: previous.sentSecretVersion,
    adopt: previous.adopt,
    testOnApply: previous.testOnApply,
    lastTest: previous.lastTest,
  });
}

/**
 * Inputs that describe the refreshed webhook, returned by read so that the next preview compares
 * the program with what the API stores now. The secret version is the one last sent.
 */
export function inputsFromOutputs(outputs: WebhookOutputs): WebhookInputs {
  return withoutUndefined({
    name: outputs.name,
    url: outputs.url,
    events: outputs.events,
    // An absent description equals null, and a program that leaves it out has none in its inputs.
    description: outputs.description ?? undefined,
    active: outputs.active,
    secret: outputs.secret,
    secretVersion: outputs.secretVersion,
    adopt: outputs.adopt,
    testOnApply: outputs.testOnApply,
  });
}

/**
 * Returns the declared URL while the API's URL is the same one in normalized form, because an API
 * may store it lower-cased or without the trailing slash. Outputs and refreshed inputs then show
 * the URL the program wrote. Once the two really differ, it returns the API's URL.
 */
function keepDeclaredUrl(declared: string | undefined, observed: string): string {
  return typeof declared === 'string' && sameUrl(declared, observed) ? declared : observed;
}

/** Drops keys whose value is undefined: the protobuf Struct conversion rejects them. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
