import { errorDiagnostic } from '../diagnostics';
import type { UpgradeResourceStateRequest, UpgradeResourceStateResponse } from '../protocol';
import { blockType, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA } from '../schema';
import { upgradeWebhookState } from '../state-upgrade';
import { encodeDynamicValue } from '../values';
import { unknownResourceType } from './validate-resource-config';

/**
 * Returns the stored state in the current schema. The engine calls this for every resource in
 * state before reading it, so it must always return the state, even when no upgrade is due.
 */
export async function upgradeResourceState(request: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
  if (request.type_name !== WEBHOOK_RESOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const json = request.raw_state?.json;
  if (!json || json.length === 0) {
    // NOTE: the flatmap layout predates Terraform 0.12 and this provider, so it is never expected.
    return {
      diagnostics: [
        errorDiagnostic('Unsupported State Format', 'The stored state of ocrolus_webhook is in the legacy flatmap format, which this provider never wrote. Remove it with `state rm` and import the webhook by uuid.'),
      ],
    };
  }

  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    return { diagnostics: [errorDiagnostic('Unreadable Stored State', 'The stored state of ocrolus_webhook is not valid JSON. Remove it with `state rm` and import the webhook by uuid.')] };
  }

  try {
    const upgraded = upgradeWebhookState(request.version, raw);
    return { upgraded_state: encodeDynamicValue(upgraded, blockType(WEBHOOK_SCHEMA)), diagnostics: [] };
  } catch (error) {
    return { diagnostics: [errorDiagnostic('State Upgrade Failed', error instanceof Error ? error.message : String(error))] };
  }
}
