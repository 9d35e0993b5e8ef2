import * as pulumi from '@pulumi/pulumi';

import { hasUrlCredentials } from '../core';
import { ARGUMENT_NAMES } from './argument-names';
import type { LastTestOutputs } from './properties';
import { webhookProvider } from './provider';

/** An existing webhook to take over instead of creating one: give exactly one of the two. */
export interface WebhookAdoptArgs {
  /** Uuid of the webhook, as shown in the Ocrolus Dashboard. */
  readonly uuid?: pulumi.Input<string>;
  /** URL of the webhook, compared in normalized form (scheme and host case, default port, trailing slash). */
  readonly url?: pulumi.Input<string>;
}

/** A test delivery after each apply that creates the webhook or changes its URL, events or secret. */
export interface WebhookTestOnApplyArgs {
  /**
   * Event to send; must be one of the webhook's events.
   * @default the webhook's first event in name order
   */
  readonly event?: pulumi.Input<string>;
  /**
   * Fail the apply when the delivery fails. The webhook is written and recorded in the stack
   * either way; the result is in the `lastTest` output.
   * @default false
   */
  readonly failOnError?: pulumi.Input<boolean>;
}

/** Arguments of an Ocrolus organization-level webhook. */
export interface WebhookArgs {
  /**
   * Delivery URL: https, or http to a loopback or private host. A URL with
   * embedded credentials (`https://user:password@host/path`) is stored as a secret.
   */
  readonly url: pulumi.Input<string>;
  /** Event names, such as `book.verified`; order and duplicates do not matter. */
  readonly events: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * 3 to 255 characters.
   * @default null
   */
  readonly description?: pulumi.Input<string | null>;
  /**
   * Whether Ocrolus delivers to the webhook. A flip is applied as its own deactivate or activate call.
   * @default true
   */
  readonly active?: pulumi.Input<boolean>;
  /**
   * Signing secret, 16 to 128 characters. Write-only: it is sent when the webhook is created and
   * whenever `secretVersion` changes, and is stored in the stack as a secret.
   */
  readonly secret?: pulumi.Input<string>;
  /**
   * Change it to send the secret again (rotation). Numbers compare as strings.
   * @default "1" when `secret` is set
   */
  readonly secretVersion?: pulumi.Input<string | number>;
  /** Take over an existing webhook on create instead of adding a second one. When none matches, create adds a new one. */
  readonly adopt?: pulumi.Input<WebhookAdoptArgs>;
  /** Send a test delivery after applies that change what Ocrolus delivers. */
  readonly testOnApply?: pulumi.Input<WebhookTestOnApplyArgs>;
}

/**
 * An Ocrolus organization-level webhook, managed through a dynamic provider that runs the shared
 * reconciler. Credentials come from the stack configuration (`ocrolus:clientId`,
 * `ocrolus:clientSecret`, `ocrolus:apiUrl`, `ocrolus:authUrl`) or the `OCROLUS_*` environment
 * variables, read when each operation runs.
 */
export class Webhook extends pulumi.dynamic.Resource {
  /** Uuid Ocrolus assigned to the webhook. */
  declare readonly uuid: pulumi.Output<string>;
  /** URL as declared; after a refresh that found a different URL, the one the API stores. */
  declare readonly url: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | null>;
  /** Subscribed events, deduplicated and sorted. */
  declare readonly events: pulumi.Output<string[]>;
  /** The declared flag. */
  declare readonly active: pulumi.Output<boolean>;
  /** The flag as read back from the API after the last apply or refresh. */
  declare readonly isActive: pulumi.Output<boolean>;
  /** ISO 8601; absent when the API does not return it. */
  declare readonly createdOn: pulumi.Output<string | undefined>;
  /** ISO 8601; absent when the API does not return it. */
  declare readonly lastModifiedDate: pulumi.Output<string | undefined>;
  /** `secretVersion` as declared. */
  declare readonly secretVersion: pulumi.Output<string | number | undefined>;
  /** Version of the signing secret last sent to the API; "1" for a secret declared without a version. */
  declare readonly sentSecretVersion: pulumi.Output<string | undefined>;
  /** Result of the last test delivery that `testOnApply` sent. */
  declare readonly lastTest: pulumi.Output<LastTestOutputs | undefined>;

  constructor(name: string, args: WebhookArgs, opts: pulumi.CustomResourceOptions = {}) {
    const props = {
      name,
      url: secretIfItHoldsCredentials(args.url),
      events: args.events,
      description: args.description,
      active: args.active,
      secret: args.secret === undefined ? undefined : pulumi.secret(args.secret),
      secretVersion: args.secretVersion,
      adopt: args.adopt,
      testOnApply: args.testOnApply,
      uuid: undefined,
      isActive: undefined,
      createdOn: undefined,
      lastModifiedDate: undefined,
      sentSecretVersion: undefined,
      lastTest: undefined,
      ...unknownArguments(args),
    };
    const additionalSecretOutputs = [...new Set([...(opts.additionalSecretOutputs ?? []), 'secret'])];
    super(webhookProvider, name, props, { ...opts, additionalSecretOutputs }, 'ocrolus', 'Webhook');
  }
}

/**
 * Returns the arguments that `WebhookArgs` does not declare, which JavaScript or a cast lets
 * through, so that the provider's check rejects them instead of the constructor dropping them.
 * Each is marked secret, because a misspelled `secret` contains the signing secret.
 */
function unknownArguments(args: WebhookArgs): Record<string, pulumi.Output<unknown>> {
  const unknown: Record<string, pulumi.Output<unknown>> = {};
  for (const [key, value] of Object.entries(args)) {
    if (!ARGUMENT_NAMES.includes(key) && value !== undefined) unknown[key] = pulumi.secret(value);
  }
  return unknown;
}

/** A URL with a password in it is a credential, so it is kept as a secret from the program on. */
function secretIfItHoldsCredentials(url: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(url).apply((value) => (typeof value === 'string' && hasUrlCredentials(value) ? pulumi.secret(value) : pulumi.output(value)));
}
