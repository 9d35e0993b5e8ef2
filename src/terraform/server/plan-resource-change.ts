import { errorDiagnostic } from '../diagnostics';
import { organizationMismatch, recordOrganization } from '../private-state';
import type { ProviderContext } from '../provider-context';
import type { PlanResourceChangeRequest, PlanResourceChangeResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { decodeDynamicValue, encodeDynamicValue, UNKNOWN } from '../values';
import type { TfObject } from '../values';
import { changesLastModified, knownString } from '../webhook-state';
import { unknownResourceType } from './validate-resource-config';

const WEBHOOK_TYPE = blockType(WEBHOOK_SCHEMA);

/**
 * Plans one webhook. The planned state is the proposed state (configured values exactly as
 * written), with `active` defaulting to true and unknowns only where a value is really not known
 * yet: the identity and timestamps on create, and last_modified_date when a write other than
 * sending the secret is due.
 * Nothing requires replacement, because the API can update every attribute in place. A webhook
 * recorded in another organization than the configured one is an error, also with -refresh=false.
 */
export async function planResourceChange(request: PlanResourceChangeRequest, context: ProviderContext): Promise<PlanResourceChangeResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const prior = decodeDynamicValue(request.prior_state, WEBHOOK_TYPE) as TfObject | null;
  const proposed = decodeDynamicValue(request.proposed_new_state, WEBHOOK_TYPE) as TfObject | null;
  const config = decodeDynamicValue(request.config, WEBHOOK_TYPE) as TfObject | null;

  const mismatch = prior === null ? undefined : organizationMismatch(request.prior_private, context, knownString(prior.uuid) ?? '');
  if (mismatch) return { diagnostics: [mismatch] };

  // Destroy: the engine proposes null and the plan is null.
  if (proposed === null) return { planned_state: encodeDynamicValue(null, WEBHOOK_TYPE), requires_replace: [], diagnostics: [] };
  if (config === null) {
    return { diagnostics: [errorDiagnostic('Missing Configuration', 'The engine proposed a new state without a configuration, which the plugin protocol does not allow. This is a bug in the engine or the provider.')] };
  }

  const planned: TfObject = { ...proposed };
  if (config.active === null) planned.active = true;

  if (prior === null) {
    planned.id = UNKNOWN;
    planned.uuid = UNKNOWN;
    planned.created_on = UNKNOWN;
    planned.last_modified_date = UNKNOWN;
  } else if (changesLastModified(prior, planned)) {
    planned.last_modified_date = UNKNOWN;
  }

  return {
    planned_state: encodeDynamicValue(planned, WEBHOOK_TYPE),
    requires_replace: [],
    planned_private: recordOrganization(request.prior_private, context),
    diagnostics: [],
  };
}
