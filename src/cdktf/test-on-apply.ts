import * as cdktf from 'cdktf';

import type { HclAttribute } from './hcl';
import { isToken } from './validation';

/** Settings of the test delivery a webhook sends after apply (`test_on_apply`). */
export interface WebhookTestOnApply {
  /**
   * Event whose sample payload is sent; it must be one of the webhook's events.
   *
   * @default the first subscribed event in alphabetical order
   */
  readonly event?: string;

  /**
   * Report a failed test delivery as an error, which fails the apply, instead of a warning.
   *
   * @default false
   */
  readonly failOnError?: boolean | cdktf.IResolvable;
}

/** Converts the settings to the JSON attribute `test_on_apply`. */
export function webhookTestOnApplyToTerraform(struct: WebhookTestOnApply | cdktf.IResolvable | undefined): unknown {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;

  const settings = struct as WebhookTestOnApply;
  return {
    event: cdktf.stringToTerraform(settings.event),
    fail_on_error: cdktf.booleanToTerraform(settings.failOnError),
  };
}

/**
 * Describes the settings as the `test_on_apply` attribute for cdktf's HCL renderer. The attribute
 * is an object, not a block, so it is rendered as an expression (`test_on_apply = { ... }`).
 */
export function webhookTestOnApplyToHclTerraform(struct: WebhookTestOnApply | undefined): HclAttribute {
  const converted = webhookTestOnApplyToTerraform(struct);
  const value =
    converted !== null && typeof converted === 'object'
      ? Object.fromEntries(Object.entries(converted).filter(([, field]) => field !== undefined))
      : converted;
  return { value, isBlock: false, type: 'any', storageClassType: 'WebhookTestOnApply' };
}

/**
 * Checks the test settings against the webhook's other props, as the provider does at plan time:
 * Ocrolus tests only active webhooks, with one of their subscribed events. Tokens are skipped.
 * Returns one message per error.
 */
export function validateTestOnApply(settings: WebhookTestOnApply | undefined, active: unknown, events: unknown): string[] {
  if (settings === undefined || isToken(settings)) return [];
  const errors: string[] = [];

  if (active === false) {
    errors.push(
      'Test Of Inactive Webhook (testOnApply): testOnApply is set, but active is false. Ocrolus sends test deliveries only to active webhooks, ' +
        'so the test would fail on every apply. Remove testOnApply while the webhook is inactive, or set active to true.',
    );
  }

  const event = settings.event;
  const knownEvents = Array.isArray(events) && !isToken(events) && !events.some(isToken) ? (events as string[]).map((name) => name.trim()) : undefined;
  if (typeof event === 'string' && !isToken(event) && knownEvents !== undefined && !knownEvents.includes(event)) {
    errors.push(
      `Test Event Not Subscribed (testOnApply.event): testOnApply.event is "${event}", but the webhook subscribes only to ${knownEvents.join(', ')}. ` +
        'Ocrolus tests a webhook with one of its own events: pick one of those, or leave event out to use the first in alphabetical order.',
    );
  }
  return errors;
}
