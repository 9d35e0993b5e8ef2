import type { PlannedAction } from './plan-types';
import type { ObservedWebhook, WebhookBinding } from './spec';

/** A write the API accepted but whose result, read back, differs from what was planned. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
  readonly organization: string;
  readonly action: PlannedAction;
  readonly field: string;

  constructor(organization: string, action: PlannedAction, field: string, problem: string) {
    super(
      `${describeAction(action)} in organization ${organization} was accepted by the API, but reading the webhook back shows ${problem}. ` +
        'Nothing was reported as done. Check the webhook in the Ocrolus Dashboard, then run the plan again.',
    );
    this.organization = organization;
    this.action = action;
    this.field = field;
  }
}

/** The target of an adoption (by uuid or URL) does not exist in the organization. */
export class AdoptionError extends Error {
  override readonly name = 'AdoptionError';
}

/**
 * An apply that stopped part way. It carries what was done and what was not, and the bindings as
 * they stand, so that a created webhook's uuid still reaches state and a rerun converges.
 */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  readonly organization: string;
  readonly completed: readonly PlannedAction[];
  readonly failed: PlannedAction;
  readonly notStarted: readonly PlannedAction[];
  readonly bindings: readonly WebhookBinding[];
  readonly webhooks: Readonly<Record<string, ObservedWebhook>>;

  constructor(input: {
    organization: string;
    completed: readonly PlannedAction[];
    failed: PlannedAction;
    notStarted: readonly PlannedAction[];
    bindings: readonly WebhookBinding[];
    webhooks: Readonly<Record<string, ObservedWebhook>>;
    cause: unknown;
  }) {
    const reason = input.cause instanceof Error ? input.cause.message : String(input.cause);
    const done = input.completed.length > 0 ? input.completed.map(describeAction).join('; ') : 'nothing';
    const notDone = [input.failed, ...input.notStarted].map(describeAction).join('; ');
    super(
      `Apply to organization ${input.organization} stopped: ${describeAction(input.failed)} failed: ${reason}\n` +
        `  Done: ${done}.\n  Not done: ${notDone}.\n` +
        '  Run apply again once the cause is fixed: it plans only what is left.',
      { cause: input.cause },
    );
    this.organization = input.organization;
    this.completed = input.completed;
    this.failed = input.failed;
    this.notStarted = input.notStarted;
    this.bindings = input.bindings;
    this.webhooks = input.webhooks;
  }
}

/** "update of webhook orders (uuid 1234)", for messages. */
export function describeAction(action: PlannedAction): string {
  const verb = action.kind === 'set-secret' ? 'secret change' : action.kind;
  const uuid = action.uuid ? ` (uuid ${action.uuid})` : '';
  return `${verb} of webhook ${action.name}${uuid}`;
}
