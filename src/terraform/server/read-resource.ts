import { observeWebhook } from '../../core/observe';
import { diagnosticsFromError } from '../error-diagnostics';
import type { ProviderContext } from '../provider-context';
import { configuredApi } from '../provider-context';
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
 * errors included, is an error, and the state stays as it was.
 */
export async function readResource(request: ReadResourceRequest, context: ProviderContext): Promise<ReadResourceResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const current = decodeDynamicValue(request.current_state, WEBHOOK_TYPE) as TfObject | null;
  if (current === null) return { new_state: encodeDynamicValue(null, WEBHOOK_TYPE), diagnostics: [] };

  const client = configuredApi(context);
  if ('diagnostic' in client) return { new_state: request.current_state, diagnostics: [client.diagnostic] };

  const uuid = knownString(current.uuid) ?? knownString(current.id) ?? '';
  try {
    const observed = await observeWebhook(client.api, uuid, { signal: context.stop.signal });
    if (!observed) {
      context.log('info', 'webhook deleted outside of the engine; removing it from state', { organization: context.organization, uuid });
      return { new_state: encodeDynamicValue(null, WEBHOOK_TYPE), diagnostics: [], private: request.private };
    }

    return { new_state: encodeDynamicValue(refreshedState(current, observed), WEBHOOK_TYPE), diagnostics: [], private: request.private };
  } catch (error) {
    return { new_state: request.current_state, diagnostics: diagnosticsFromError(error, { log: context.log, step: 'read', organization: context.organization, uuid }) };
  }
}
