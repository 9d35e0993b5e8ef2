import { observeWebhook } from '../../core/observe';
import { errorDiagnostic } from '../diagnostics';
import { diagnosticsFromError } from '../error-diagnostics';
import type { ProviderContext } from '../provider-context';
import { configuredApi } from '../provider-context';
import { recordOrganization } from '../private-state';
import type { ImportResourceStateRequest, ImportResourceStateResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { encodeDynamicValue } from '../values';
import { stateFromObserved } from '../webhook-state';
import { unknownResourceType } from './validate-resource-config';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Imports a webhook by uuid with every attribute the API reports filled in, so the first plan
 * after an import is empty. The API never returns the signing secret: secret stays unset, and a
 * configured secret shows as an update that sends it.
 */
export async function importResourceState(request: ImportResourceStateRequest, context: ProviderContext): Promise<ImportResourceStateResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const uuid = request.id.trim();
  if (!UUID_PATTERN.test(uuid)) {
    return {
      diagnostics: [
        errorDiagnostic('Invalid Import ID', `"${request.id}" is not a webhook uuid. Import with the uuid shown in the Ocrolus Dashboard or listed by the ocrolus_webhooks data source, such as 3f2b9c4e-1d7a-4b8e-9f00-5a6c7d8e9f01.`),
      ],
    };
  }

  const client = configuredApi(context);
  if ('diagnostic' in client) return { diagnostics: [client.diagnostic] };

  try {
    const observed = await observeWebhook(client.api, uuid, { signal: context.stop.signal });
    if (!observed) {
      return {
        diagnostics: [
          errorDiagnostic('Webhook Not Found', `Organization ${context.organization} has no webhook with uuid ${uuid}. Check the uuid in the Ocrolus Dashboard, and that the provider's credentials belong to the organization that holds it.`),
        ],
      };
    }

    const state = encodeDynamicValue(stateFromObserved(observed), blockType(WEBHOOK_SCHEMA));
    return { imported_resources: [{ type_name: WEBHOOK_RESOURCE_TYPE, state, private: recordOrganization(undefined, context) }], diagnostics: [] };
  } catch (error) {
    return { diagnostics: diagnosticsFromError(error, { log: context.log, step: 'import', organization: context.organization, uuid }) };
  }
}
