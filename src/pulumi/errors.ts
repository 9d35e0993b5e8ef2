import { ApplyError } from '../core';
import type { WebhookBinding } from '../core';

/**
 * An error after the webhook was written. The dynamic-provider host turns an error with `id` and
 * `properties` into a resource initialization failure, so the engine records the webhook under
 * that id in state (and retries on the next update) instead of forgetting that it exists.
 */
export class WebhookInitError extends Error {
  override readonly name = 'WebhookInitError';
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(message: string, id: string, properties: Record<string, unknown>) {
    super(message);
    this.id = id;
    this.properties = properties;
    this.reasons = [message];
  }
}

/** Finds the binding a partly applied create left behind, if the add went through before the failure. */
export function createdUuid(error: unknown, name: string): WebhookBinding | undefined {
  if (!(error instanceof ApplyError)) return undefined;
  return error.bindings.find((binding) => binding.name === name);
}

