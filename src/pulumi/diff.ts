import type * as pulumi from '@pulumi/pulumi';

import { diffSpecs, normalizeSpec } from '../core';
import type { FieldChange } from '../core';
import { sentSecretVersion, specFromInputs, specFromOutputs } from './properties';
import type { WebhookInputs, WebhookOutputs } from './properties';
import { containsUnknown } from './unknown';

/** Inputs that the webhook's state depends on. `adopt` and `testOnApply` only steer an apply. */
const COMPARED_INPUTS = ['url', 'events', 'description', 'active', 'secret', 'secretVersion'] as const;

/**
 * Compares the last known state (`olds`, the outputs) with the new inputs by the core's semantic
 * rules, plus the resource name. `__provider` is never compared, so a new version of this package
 * shows no change. No field forces a replacement, because every field can be updated in place.
 */
export function diffWebhook(olds: Partial<WebhookOutputs>, news: WebhookInputs): pulumi.dynamic.DiffResult {
  const changes = changedFields(olds, news);
  return { changes: changes.length > 0, replaces: [], deleteBeforeReplace: false };
}

/**
 * Lists the names of the fields that differ, counting an input not known yet as changed. Update
 * also uses it to decide whether a test delivery is due.
 */
export function changedFields(olds: Partial<WebhookOutputs>, news: WebhookInputs): string[] {
  const unknown = COMPARED_INPUTS.filter((name) => containsUnknown((news as Record<string, unknown>)[name]));
  if (unknown.length > 0) return [...unknown];

  const before = specFromOutputs(olds);
  const after = normalizeSpec(specFromInputs(news));
  const fields: string[] = diffSpecs(before, after, sentSecretVersion(olds)).map((change: FieldChange) => change.field);

  // The outputs keep the resource name for messages and for the inputs that read returns. After a
  // rename with `aliases`, an update that writes nothing to Ocrolus records the new one.
  if (typeof olds.name === 'string' && typeof news.name === 'string' && olds.name !== news.name) fields.push('name');
  return fields;
}
