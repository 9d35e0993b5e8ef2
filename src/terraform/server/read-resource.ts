import { observeWebhook } from '../../core/observe';
import { diagnosticsFromError } from '../error-diagnostics';
import type { ProviderContext } from '../provider-context';
import { configuredApi } from '../provider-context';
import { organizationMismatch, recordOrganization } from '../private-state';
import type { ReadResourceRequest, ReadResourceResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { decodeDynamicValue, encodeDynamicValue } from '../values';
import type { TfObject } from '../values';
import { knownString, refreshedState } from '../webhook-state';
import { unknownResourceType } from './validate-resource-config';

const WEBHOOK_TYPE = blockType(WEBHOOK_SCHEMA);

/**
 * Refreshes one webhook from the API so that the plan shows drift. A webhook the API no longer
 * has leaves state (an empty new_state), which plans a create. Any other failure, permission
 * errors included, is an error, and the state stays as it was. So is a webhook recorded in another
 * organization than the configured one, which is not read at all: its not-found there would look
 * like a deletion.
 */
export async function readResource(request: ReadResourceRequest, context: ProviderContext): Promise<ReadResourceResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const current = decodeDynamicValue(request.current_state, WEBHOOK_TYPE) as TfObject | null;
  if (current === null) return { new_state: encodeDynamicValue(null, WEBHOOK_TYPE), diagnostics: [] };

  const client = configuredApi(context);
  if ('diagnostic' in client) return { new_state: request.current_state, diagnostics: [client.diagnostic] };

  const uuid = knownString(current.uuid) ?? knownString(current.id) ?? '';
  const mismatch = organizationMismatch(request.private, context, uuid);
  if (mismatch) return { new_state: request.current_state, private: request.private, diagnostics: [mismatch] };

  try {
    const observed = await observeWebhook(client.api, uuid, { signal: context.stop.signal });
    if (!observed) {
      context.log('info', 'webhook deleted outside of the engine; removing it from state', { organization: context.organization, uuid });
      return { new_state: encodeDynamicValue(null, WEBHOOK_TYPE), diagnostics: [] };
    }

    // State written before the organization was recorded adopts the configured one here.
    return { new_state: encodeDynamicValue(refreshedState(current, observed), WEBHOOK_TYPE), diagnostics: [], private: recordOrganization(request.private, context) };
  } catch (error) {
    return { new_state: request.current_state, private: request.private, diagnostics: diagnosticsFromError(error, { log: context.log, step: 'read', organization: context.organization, uuid }) };
  }
}
