import type { NormalizedSpec, ObservedWebhook, WebhookBinding } from './spec';

/**
 * Kinds of planned action, in the order they run for one webhook: `deactivate` before any other
 * change and `activate` after all of them, so no delivery goes to a URL or event set the
 * declaration does not hold.
 */
export type ActionKind = 'create' | 'deactivate' | 'update' | 'set-secret' | 'activate' | 'delete';

export type WebhookField = 'url' | 'description' | 'events' | 'active' | 'secret';

export type FieldValue = string | boolean | null | readonly string[];

/** One field's change. For `secret` both sides are the secret version, never the secret. */
export interface FieldChange {
  readonly field: WebhookField;
  readonly before: FieldValue;
  readonly after: FieldValue;
}

export interface PlannedAction {
  readonly kind: ActionKind;
  /** Logical name; for an unmanaged webhook planned for deletion, its uuid. */
  readonly name: string;
  /** Absent only for `create`. */
  readonly uuid?: string;
  readonly changes: readonly FieldChange[];
  readonly desired?: NormalizedSpec;
  readonly observed?: ObservedWebhook;
  /** Reason for the action when the fields do not show it, such as "deleted outside of code". */
  readonly reason?: string;
}

export interface Plan {
  readonly organization: string;
  readonly actions: readonly PlannedAction[];
  /** Names of declared webhooks that already match. */
  readonly unchanged: readonly string[];
  /** Webhooks on the server that no declaration matches and that are left alone (prune is off). */
  readonly unmanaged: readonly ObservedWebhook[];
  /**
   * Bindings of declared names to the existing webhooks they matched (by recorded uuid, URL or
   * description), with the secret version last sent. `applyPlan` starts from these bindings.
   */
  readonly matched: readonly WebhookBinding[];
}
