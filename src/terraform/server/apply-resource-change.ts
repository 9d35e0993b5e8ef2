import { ApplyError } from '../../core/errors';
import { createWebhook, deleteWebhook, updateWebhook } from '../../core/lifecycle';
import { validateWebhook } from '../../core/validate';
import type { WebhookApi } from '../../client/types';
import { attributeName, fromCoreDiagnostic, hasErrorDiagnostics } from '../diagnostics';
import { diagnosticsFromError } from '../error-diagnostics';
import type { ProviderContext } from '../provider-context';
import { configuredApi } from '../provider-context';
import { organizationMismatch, recordOrganization } from '../private-state';
import type { ApplyResourceChangeRequest, ApplyResourceChangeResponse, Diagnostic } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { runTestOnApply } from '../test-on-apply';
import { decodeDynamicValue, encodeDynamicValue, isUnknown } from '../values';
import type { TfObject } from '../values';
import {
  appliedState,
  knownString,
  normalizedSpecFromState,
  sentSecretVersion,
  specFromState,
  testOnApply,
  testOnApplyChanged,
  withoutUnknowns,
  writtenChanges,
} from '../webhook-state';
import { unknownResourceType, validateTestOnApply } from './validate-resource-config';

const WEBHOOK_TYPE = blockType(WEBHOOK_SCHEMA);

/** Fields whose change makes apply send the test delivery of test_on_apply. */
const TESTED_FIELDS = new Set(['url', 'events', 'secret']);

interface Outcome {
  readonly state: TfObject | null;
  readonly diagnostics: Diagnostic[];
}

/**
 * Creates, updates or deletes one webhook through the core, which orders the writes and verifies
 * each by reading back. The new state contains every known planned value, so it always matches
 * the plan. After a failure it contains what is confirmed, including the uuid of a webhook that
 * was created before a later step failed.
 */
export async function applyResourceChange(request: ApplyResourceChangeRequest, context: ProviderContext): Promise<ApplyResourceChangeResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const prior = decodeDynamicValue(request.prior_state, WEBHOOK_TYPE) as TfObject | null;
  const planned = decodeDynamicValue(request.planned_state, WEBHOOK_TYPE) as TfObject | null;

  const client = configuredApi(context);
  if ('diagnostic' in client) return { new_state: request.prior_state, diagnostics: [client.diagnostic] };

  // Destroy is not planned by this provider, so the organization is checked here as well.
  const mismatch = prior === null ? undefined : organizationMismatch(request.planned_private, context, knownString(prior.uuid) ?? '');
  if (mismatch) return { new_state: request.prior_state, private: request.planned_private, diagnostics: [mismatch] };

  let outcome: Outcome;
  if (planned === null) outcome = prior === null ? { state: null, diagnostics: [] } : await destroy(client.api, prior, context);
  else if (prior === null) outcome = await create(client.api, planned, context);
  else outcome = await update(client.api, prior, planned, context);

  return {
    new_state: encodeDynamicValue(outcome.state === null ? null : withoutUnknowns(outcome.state), WEBHOOK_TYPE),
    private: recordOrganization(request.planned_private, context),
    diagnostics: outcome.diagnostics,
  };
}

async function create(api: WebhookApi, planned: TfObject, context: ProviderContext): Promise<Outcome> {
  const invalid = validationErrors(planned);
  if (invalid.length > 0) return { state: null, diagnostics: invalid };

  try {
    const { observed } = await createWebhook(api, normalizedSpecFromState(planned), { signal: context.stop.signal });
    context.log('info', 'webhook created', { organization: context.organization, uuid: observed.uuid });

    return await withTestDelivery(api, appliedState(planned, observed), true, context);
  } catch (error) {
    const diagnostics = diagnosticsFromError(error, { log: context.log, step: 'create', organization: context.organization, url: knownString(planned.url) });

    // The add went through but a later step (secret, activation, verification) did not: the
    // uuid goes to state so the next apply converges instead of adding a second webhook.
    const created = error instanceof ApplyError ? error.bindings[0]?.uuid : undefined;
    if (created === undefined) return { state: null, diagnostics };
    return { state: { ...planned, id: created, uuid: created }, diagnostics };
  }
}

async function update(api: WebhookApi, prior: TfObject, planned: TfObject, context: ProviderContext): Promise<Outcome> {
  const uuid = knownString(prior.uuid) ?? '';
  const changes = writtenChanges(prior, planned);
  const testDue = changes.some((change) => TESTED_FIELDS.has(change.field)) || testOnApplyChanged(prior, planned);

  const invalid = validationErrors(planned);
  if (invalid.length > 0) return { state: prior, diagnostics: invalid };

  // Only configuration-side attributes changed (test_on_apply, or a URL spelled differently but
  // equal after normalization): nothing to write, but a changed test_on_apply sends its test.
  if (changes.length === 0) {
    const lastModified = isUnknown(planned.last_modified_date) ? prior.last_modified_date : planned.last_modified_date;
    return withTestDelivery(api, { ...planned, last_modified_date: lastModified }, testDue, context);
  }

  try {
    const { observed } = await updateWebhook(api, uuid, normalizedSpecFromState(planned), sentSecretVersion(prior, planned), { signal: context.stop.signal });
    context.log('info', 'webhook updated', { organization: context.organization, uuid, fields: changes.map((change) => change.field).join(',') });

    return await withTestDelivery(api, appliedState(planned, observed), testDue, context);
  } catch (error) {
    // The state stays as it was; the next refresh shows whatever part of the update took effect.
    return { state: prior, diagnostics: diagnosticsFromError(error, { log: context.log, step: 'update', organization: context.organization, uuid, url: knownString(planned.url) }) };
  }
}

async function destroy(api: WebhookApi, prior: TfObject, context: ProviderContext): Promise<Outcome> {
  const uuid = knownString(prior.uuid) ?? '';
  try {
    const { deleted } = await deleteWebhook(api, uuid, { signal: context.stop.signal });
    context.log('info', deleted ? 'webhook deleted' : 'webhook was already gone', { organization: context.organization, uuid });
    return { state: null, diagnostics: [] };
  } catch (error) {
    return { state: prior, diagnostics: diagnosticsFromError(error, { log: context.log, step: 'delete', organization: context.organization, uuid, url: knownString(prior.url) }) };
  }
}

/**
 * Sends the test delivery of test_on_apply when it is due. When the test fails with
 * fail_on_error, the new state records test_on_apply as not applied (null), so the next plan shows
 * it again and its apply sends the test again instead of passing on an empty plan. The engine
 * accepts a new state that differs from the plan when the response carries an error.
 */
async function withTestDelivery(api: WebhookApi, state: TfObject, due: boolean, context: ProviderContext): Promise<Outcome> {
  const settings = testOnApply(state);
  if (!settings || !due) return { state, diagnostics: [] };

  const diagnostics = await runTestOnApply({ api, uuid: knownString(state.uuid) ?? '', url: knownString(state.url) ?? '', settings, signal: context.stop.signal, log: context.log });
  if (!hasErrorDiagnostics(diagnostics)) return { state, diagnostics };
  return { state: { ...state, test_on_apply: null }, diagnostics };
}

/** Validation runs again at apply, because values unknown at plan time are known now. */
function validationErrors(planned: TfObject): Diagnostic[] {
  const diagnostics = validateWebhook({ ...specFromState(planned), name: '' }, { fieldName: attributeName }).map(fromCoreDiagnostic);
  return [...diagnostics, ...validateTestOnApply(planned)].filter((diagnostic) => diagnostic.severity === 'ERROR');
}
