import { isNotFound } from '../client/errors';
import type { CallOptions, WebhookApi } from '../client/types';
import { applyPlan } from './apply';
import { AdoptionError } from './errors';
import { observeOrganization, observeWebhook } from './observe';
import { planWebhook } from './plan';
import type { Plan } from './plan-types';
import type { NormalizedSpec, ObservedWebhook, WebhookBinding } from './spec';
import { maskUrl, normalizeUrl } from './url';

/**
 * The lifecycle of one webhook, for engines that manage one resource at a time (Pulumi,
 * Terraform). Each function plans with `planWebhook` and runs the plan with `applyPlan`, so the
 * ordering and verification rules are the same as the CLI's.
 */

export interface AdoptTarget {
  readonly uuid?: string;
  readonly url?: string;
}

export interface WebhookOutcome {
  readonly observed: ObservedWebhook;
  readonly binding: WebhookBinding;
}

/**
 * Creates the webhook, or with `adopt` takes over an existing one (found by uuid or URL), brings
 * it to the declared state and verifies it, without adding a second webhook.
 */
export async function createWebhook(api: WebhookApi, desired: NormalizedSpec, options: CallOptions & { adopt?: AdoptTarget } = {}): Promise<WebhookOutcome> {
  const existing = options.adopt ? await findAdoptionTarget(api, options.adopt, options) : undefined;
  return converge(api, desired, existing, undefined, options);
}

/**
 * Brings an existing webhook to the declared state. `previousSecretVersion` is the version last
 * sent; the secret is sent again when the declared version differs. Throws when the webhook no
 * longer exists, because an update must not silently become a create.
 */
export async function updateWebhook(
  api: WebhookApi,
  uuid: string,
  desired: NormalizedSpec,
  previousSecretVersion?: string,
  options: CallOptions = {},
): Promise<WebhookOutcome> {
  const observed = await observeWebhook(api, uuid, options);
  if (!observed) {
    throw new AdoptionError(`Webhook ${desired.name} (uuid ${uuid}) no longer exists in organization ${api.organization}; it was deleted outside of code. Refresh, then apply to create it again.`);
  }

  const binding: WebhookBinding = { name: desired.name, uuid, ...(previousSecretVersion !== undefined ? { secretVersion: previousSecretVersion } : {}) };
  return converge(api, desired, observed, binding, options);
}

/** Deletes the webhook. Not found counts as success: `deleted` is false then. */
export async function deleteWebhook(api: WebhookApi, uuid: string, options: CallOptions = {}): Promise<{ deleted: boolean }> {
  const observed = await observeWebhook(api, uuid, options);
  if (!observed) return { deleted: false };

  const plan: Plan = { organization: api.organization, actions: planWebhook(undefined, observed), unchanged: [], unmanaged: [], matched: [] };
  await applyPlan(api, plan, options);
  return { deleted: true };
}

async function converge(
  api: WebhookApi,
  desired: NormalizedSpec,
  observed: ObservedWebhook | undefined,
  binding: WebhookBinding | undefined,
  options: CallOptions,
): Promise<WebhookOutcome> {
  const actions = planWebhook(desired, observed, binding);
  const matched = observed ? [{ name: desired.name, uuid: observed.uuid, ...(binding?.secretVersion !== undefined ? { secretVersion: binding.secretVersion } : {}) }] : [];
  const plan: Plan = { organization: api.organization, actions, unchanged: actions.length === 0 ? [desired.name] : [], unmanaged: [], matched };

  const result = await applyPlan(api, plan, options);
  const resultBinding = result.bindings.find((b) => b.name === desired.name) as WebhookBinding;

  // With nothing to do, the observation is already current; otherwise the last read-back is.
  const final = result.webhooks[desired.name] ?? observed ?? (await observeWebhook(api, resultBinding.uuid, options));
  if (!final) throw new AdoptionError(`Webhook ${desired.name} (uuid ${resultBinding.uuid}) disappeared from organization ${api.organization} right after it was written.`);
  return { observed: final, binding: resultBinding };
}

async function findAdoptionTarget(api: WebhookApi, target: AdoptTarget, options: CallOptions): Promise<ObservedWebhook> {
  if (target.uuid) {
    try {
      const observed = await observeWebhook(api, target.uuid, options);
      if (observed) return observed;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    throw new AdoptionError(`Cannot adopt webhook ${target.uuid}: it does not exist in organization ${api.organization}. Check the uuid in the Ocrolus Dashboard, or remove adopt to create a new webhook.`);
  }

  if (target.url) {
    const targetUrl = normalizeUrl(target.url);
    const found = (await observeOrganization(api, options)).find((webhook) => normalizeUrl(webhook.url) === targetUrl);
    if (found) return found;
    throw new AdoptionError(`Cannot adopt the webhook with URL ${maskUrl(target.url)}: no webhook in organization ${api.organization} has that URL. Remove adopt to create a new webhook.`);
  }

  throw new AdoptionError('adopt needs a uuid or a url.');
}
