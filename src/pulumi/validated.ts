import { hasErrors, normalizeSpec, validateWebhook, ValidationError } from '../core';
import type { NormalizedSpec } from '../core';
import { specFromInputs } from './properties';
import type { WebhookInputs } from './properties';

/**
 * The normalized spec of known inputs. Check has validated them already; this repeats the core's
 * validation because create and update must never send an invalid declaration, whatever called them.
 */
export function desiredSpec(inputs: WebhookInputs): NormalizedSpec {
  const spec = specFromInputs(inputs);
  const diagnostics = validateWebhook(spec as unknown as Record<string, unknown>);
  if (hasErrors(diagnostics)) throw new ValidationError(diagnostics);
  return normalizeSpec(spec);
}
