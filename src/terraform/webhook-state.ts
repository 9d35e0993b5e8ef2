/**
 * Conversions between the `ocrolus_webhook` state object and the core's types. They also keep
 * configured values in state: a refresh keeps the configured spelling of a value while the API
 * stores a semantically equal one, which is what makes the next plan empty.
 */
import { diffSpecs, sameEvents, sameUrl } from '../core/diff';
import { normalizeSecretVersion, normalizeSpec } from '../core/normalize';
import type { NormalizedSpec, ObservedWebhook, WebhookSpec } from '../core/spec';
import { maskUrl } from '../core/url';
import { WEBHOOK_RESOURCE_TYPE } from './schema';
import { isUnknown } from './values';
import type { TfObject, TfValue } from './values';


/**
 * Attributes whose write changes last_modified_date; an unknown in any of them means a change is
 * possible. Sending the secret (secret, secret_version) is left out, because rotate-secret leaves
 * last_modified_date as it is (see the NOTE on changesLastModified).
 */
const MODIFYING_ATTRIBUTES = ['url', 'events', 'description', 'active'] as const;

export interface TestOnApply {
  readonly event?: string;
  readonly failOnError: boolean;
}

export function knownString(value: TfValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function knownStrings(value: TfValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Builds the core validator's input from a configuration: null attributes are left out and
 * unknown values are passed through for the validator to skip.
 */
export function validationInput(config: TfObject): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const copy = (from: string, to: string) => {
    const value = config[from];
    if (value !== null && value !== undefined) input[to] = value;
  };

  copy('url', 'url');
  copy('events', 'events');
  copy('description', 'description');
  copy('active', 'active');
  copy('secret', 'secret');
  copy('secret_version', 'secretVersion');
  return input;
}

/**
 * Builds the declared webhook from a wholly known state or planned object. The core names the
 * webhook in its messages ("Webhook NAME (uuid ...) no longer exists"), so the name is the masked
 * URL, which the user recognizes, rather than the resource type.
 */
export function specFromState(state: TfObject): WebhookSpec {
  const secret = knownString(state.secret);
  const secretVersion = knownString(state.secret_version);
  const url = knownString(state.url) ?? '';
  return {
    name: url === '' ? WEBHOOK_RESOURCE_TYPE : maskUrl(url),
    url,
    events: knownStrings(state.events),
    description: knownString(state.description) ?? null,
    active: typeof state.active === 'boolean' ? state.active : true,
    ...(secret !== undefined ? { secret } : {}),
    ...(secretVersion !== undefined ? { secretVersion } : {}),
  };
}

export function normalizedSpecFromState(state: TfObject): NormalizedSpec {
  return normalizeSpec(specFromState(state));
}

/**
 * Returns the secret version the core should treat as already sent. The state stores the secret as
 * configured, so a changed secret value is sent again even when secret_version stayed the same.
 * After an import the state has no secret, so a configured one is sent.
 */
export function sentSecretVersion(prior: TfObject, planned: TfObject): string | undefined {
  const priorSecret = knownString(prior.secret);
  if (priorSecret === undefined) return undefined;
  if (priorSecret !== knownString(planned.secret)) return undefined;

  return normalizeSecretVersion({ secret: priorSecret, secretVersion: knownString(prior.secret_version) });
}

/**
 * True when applying `planned` over `prior` changes last_modified_date: an API write other than
 * sending the secret.
 *
 * NOTE: whether the real API changes last_modified_date on rotate-secret is not confirmed; the
 * emulator does not. Should the API change it, the next refresh records the new value without
 * planning a change.
 */
export function changesLastModified(prior: TfObject, planned: TfObject): boolean {
  for (const name of MODIFYING_ATTRIBUTES) {
    const value = planned[name];
    if (isUnknown(value) || (Array.isArray(value) && value.some(isUnknown))) return true;
  }
  return writtenChanges(prior, planned).some((change) => change.field !== 'secret');
}

/** Semantic field changes between prior state and plan, by the core's rules. */
export function writtenChanges(prior: TfObject, planned: TfObject): ReturnType<typeof diffSpecs> {
  return diffSpecs(normalizedSpecFromState(prior), normalizedSpecFromState(planned), sentSecretVersion(prior, planned));
}

/** True when test_on_apply differs between prior state and plan, which makes apply send a test. */
export function testOnApplyChanged(prior: TfObject, planned: TfObject): boolean {
  return JSON.stringify(testOnApply(prior) ?? null) !== JSON.stringify(testOnApply(planned) ?? null);
}

export function testOnApply(state: TfObject): TestOnApply | undefined {
  const block = state.test_on_apply;
  if (block === null || block === undefined || isUnknown(block) || Array.isArray(block) || typeof block !== 'object') return undefined;

  const event = knownString(block.event);
  return { ...(event !== undefined ? { event } : {}), failOnError: block.fail_on_error === true };
}

/** Full state of a webhook read from the API, as import produces it: nothing configuration-only is set. */
export function stateFromObserved(observed: ObservedWebhook): TfObject {
  return {
    id: observed.uuid,
    uuid: observed.uuid,
    url: observed.url,
    events: [...observed.events],
    description: observed.description,
    active: observed.active,
    secret: null,
    secret_version: null,
    test_on_apply: null,
    created_on: observed.createdOn ?? null,
    last_modified_date: observed.lastModifiedDate ?? null,
  };
}

/**
 * State after a refresh: what the API holds, in the spelling of the current state wherever the
 * two are semantically equal (URL normalization, event order). Configuration-only attributes
 * (secret, secret_version, test_on_apply) stay as they are. Timestamps the API omits are kept.
 */
export function refreshedState(current: TfObject, observed: ObservedWebhook): TfObject {
  const currentUrl = knownString(current.url);
  const currentEvents = knownStrings(current.events);

  return {
    ...current,
    id: observed.uuid,
    uuid: observed.uuid,
    url: currentUrl !== undefined && sameUrl(currentUrl, observed.url) ? currentUrl : observed.url,
    events: sameEvents(currentEvents.map((name) => name.trim()), observed.events) ? current.events : [...observed.events],
    description: observed.description,
    active: observed.active,
    created_on: observed.createdOn ?? current.created_on ?? null,
    last_modified_date: observed.lastModifiedDate ?? current.last_modified_date ?? null,
  };
}

/**
 * State after a successful create or update: every planned value, with the computed ones that
 * were unknown taken from the webhook as read back. A planned known value always wins, so the new
 * state never contradicts the plan.
 */
export function appliedState(planned: TfObject, observed: ObservedWebhook): TfObject {
  const fill = (value: TfValue | undefined, fallback: string | undefined): TfValue => (isUnknown(value) || value === undefined ? fallback ?? null : value);

  return {
    ...planned,
    id: fill(planned.id, observed.uuid),
    uuid: fill(planned.uuid, observed.uuid),
    active: typeof planned.active === 'boolean' ? planned.active : observed.active,
    created_on: fill(planned.created_on, observed.createdOn),
    last_modified_date: fill(planned.last_modified_date, observed.lastModifiedDate),
  };
}

/** Replaces every unknown with null, for states returned alongside an error. */
export function withoutUnknowns(state: TfObject): TfObject {
  const known: TfObject = {};
  for (const [name, value] of Object.entries(state)) known[name] = isUnknown(value) ? null : value;
  return known;
}
