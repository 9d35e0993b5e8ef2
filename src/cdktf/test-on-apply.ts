import * as cdktf from 'cdktf';

import type { HclAttribute } from './hcl';

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
