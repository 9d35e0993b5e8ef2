import { isNotFound } from '../client/errors';
import type { CallOptions, UpdateWebhookInput, WebhookApi } from '../client/types';
import { sameEvents, sameUrl } from './diff';
import { VerificationError } from './errors';
import { observeWebhook } from './observe';
import type { PlannedAction } from './plan-types';
import type { NormalizedSpec, ObservedWebhook } from './spec';
import { maskUrl } from './url';

export interface ActionOutcome {
  readonly uuid: string;
  /** The webhook as read back after the action; absent after a delete. */
  readonly observed?: ObservedWebhook;
  /** Set when the action sent the signing secret. */
  readonly secretVersion?: string;
}

/**
 * Runs one planned action and verifies it by reading the webhook back. Throws VerificationError
 * when the API accepted a write that did not take effect, so a no-op is never reported as done.
 */
export async function runAction(
  api: WebhookApi,
  action: PlannedAction,
  observed: ObservedWebhook | undefined,
  options: CallOptions,
  onCreated: (uuid: string) => void = () => undefined,
): Promise<ActionOutcome> {
  const uuid = action.uuid as string;
  switch (action.kind) {
    case 'create':
      return create(api, action, options, onCreated);
    case 'deactivate':
      await api.deactivateWebhook(uuid, options);
      return { uuid, observed: await verifyActive(api, action, observed, false, options) };
    case 'activate':
      await api.activateWebhook(uuid, options);
      return { uuid, observed: await verifyActive(api, action, observed, true, options) };
    case 'update':
      return update(api, action, options);
    case 'set-secret':
      return setSecret(api, action, observed, options);
    case 'delete':
      return remove(api, action, options);
  }
}

async function create(api: WebhookApi, action: PlannedAction, options: CallOptions, onCreated: (uuid: string) => void): Promise<ActionOutcome> {
  const spec = action.desired as NormalizedSpec;

  // With a secret to set, the webhook is created inactive and activated once the secret is in
  // place, so that no delivery goes out unsigned.
  const holdInactive = spec.secret !== undefined && spec.active;
  const added = await api.addWebhook(
    { url: spec.declaredUrl, description: spec.description, isActive: holdInactive ? false : spec.active, eventNames: spec.events },
    options,
  );
  onCreated(added.uuid);
  const created = { ...action, uuid: added.uuid };

  let observed = await readBack(api, created, options);
  verifyFields(api, created, spec, observed);

  // Some API versions ignore is_active on add: the webhook is then active when it should not be.
  const activeAfterAdd = holdInactive ? false : spec.active;
  if (observed.active && !activeAfterAdd) {
    await api.deactivateWebhook(added.uuid, options);
    observed = await verifyActive(api, created, observed, false, options);
  }

  let secretVersion: string | undefined;
  if (spec.secret !== undefined) {
    await api.rotateSecret(added.uuid, spec.secret, options);
    secretVersion = spec.secretVersion;
  }

  if (spec.active && !observed.active) {
    await api.activateWebhook(added.uuid, options);
    observed = await verifyActive(api, created, observed, true, options);
  }
  return { uuid: added.uuid, observed, ...(secretVersion !== undefined ? { secretVersion } : {}) };
}

async function update(api: WebhookApi, action: PlannedAction, options: CallOptions): Promise<ActionOutcome> {
  const spec = action.desired as NormalizedSpec;
  const uuid = action.uuid as string;

  const input: { -readonly [K in keyof UpdateWebhookInput]: UpdateWebhookInput[K] } = {};
  for (const change of action.changes) {
    if (change.field === 'url') input.url = spec.declaredUrl;
    if (change.field === 'description') input.description = spec.description;
    if (change.field === 'events') input.eventNames = spec.events;
  }
  await api.updateWebhook(uuid, input, options);

  const observed = await readBack(api, action, options);
  verifyFields(api, action, spec, observed);
  return { uuid, observed };
}

async function setSecret(api: WebhookApi, action: PlannedAction, observed: ObservedWebhook | undefined, options: CallOptions): Promise<ActionOutcome> {
  const spec = action.desired as NormalizedSpec;
  const uuid = action.uuid as string;

  await api.rotateSecret(uuid, spec.secret as string, options);

  // The API never returns the secret, so the read-back can only confirm the webhook still exists.
  const webhook = await api.getWebhook(uuid, options);
  const current = observed ? { ...observed, url: webhook.url, description: webhook.description ?? null, active: webhook.isActive } : undefined;
  return { uuid, ...(current ? { observed: current } : {}), ...(spec.secretVersion !== undefined ? { secretVersion: spec.secretVersion } : {}) };
}

async function remove(api: WebhookApi, action: PlannedAction, options: CallOptions): Promise<ActionOutcome> {
  const uuid = action.uuid as string;
  try {
    await api.deleteWebhook(uuid, options);
  } catch (error) {
    // Deleted elsewhere in the meantime: the goal is reached.
    if (!isNotFound(error)) throw error;
  }

  try {
    await api.getWebhook(uuid, options);
  } catch (error) {
    if (isNotFound(error)) return { uuid };
    throw error;
  }
  throw new VerificationError(api.organization, action, 'uuid', 'that it still exists');
}

async function readBack(api: WebhookApi, action: PlannedAction, options: CallOptions): Promise<ObservedWebhook> {
  const observed = await observeWebhook(api, action.uuid as string, options);
  if (!observed) throw new VerificationError(api.organization, action, 'uuid', 'that the webhook does not exist');
  return observed;
}

/** Reads only the webhook (not its events) and checks its active flag. */
async function verifyActive(
  api: WebhookApi,
  action: PlannedAction,
  before: ObservedWebhook | undefined,
  expected: boolean,
  options: CallOptions,
): Promise<ObservedWebhook> {
  const webhook = await api.getWebhook(action.uuid as string, options);
  if (webhook.isActive !== expected) {
    throw new VerificationError(api.organization, action, 'active', `that it is still ${webhook.isActive ? 'active' : 'inactive'}, so the API ignored the ${expected ? 'activation' : 'deactivation'}`);
  }

  return {
    uuid: webhook.uuid,
    url: webhook.url,
    description: webhook.description ?? null,
    active: webhook.isActive,
    events: before?.events ?? [],
    eventUuids: before?.eventUuids ?? {},
    ...(webhook.createdOn ? { createdOn: webhook.createdOn } : before?.createdOn ? { createdOn: before.createdOn } : {}),
    ...(webhook.lastModifiedDate ? { lastModifiedDate: webhook.lastModifiedDate } : {}),
  };
}

function verifyFields(api: WebhookApi, action: PlannedAction, spec: NormalizedSpec, observed: ObservedWebhook): void {
  if (!sameUrl(observed.url, spec.declaredUrl)) {
    throw new VerificationError(api.organization, action, 'url', `the URL ${JSON.stringify(maskUrl(observed.url))} instead of the declared one`);
  }
  if (observed.description !== spec.description) {
    throw new VerificationError(api.organization, action, 'description', `the description ${JSON.stringify(observed.description)} instead of ${JSON.stringify(spec.description)}`);
  }
  if (!sameEvents(observed.events, spec.events)) {
    throw new VerificationError(api.organization, action, 'events', `the events [${observed.events.join(', ')}] instead of [${spec.events.join(', ')}]`);
  }
}
