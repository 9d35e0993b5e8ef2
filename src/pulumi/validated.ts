import { hasErrors, normalizeSpec, validateWebhook, ValidationError } from '../core';
import type { NormalizedSpec } from '../core';
import { specFromInputs } from './properties';
import type { WebhookInputs } from './properties';

/**
 * Validates known inputs and returns their normalized spec. Check has validated them already, but
 * create and update must never send an invalid declaration, whatever called them.
 */
export function desiredSpec(inputs: WebhookInputs): NormalizedSpec {
  const spec = specFromInputs(inputs);
  const diagnostics = validateWebhook(spec as unknown as Record<string, unknown>);
  if (hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  return normalizeSpec(spec);
}
