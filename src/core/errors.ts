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
      `the API accepted the call, but reading the webhook back in organization ${organization} shows ${problem}. ` +
        'The change is not counted as done. Check the webhook in the Ocrolus Dashboard, then plan again.',
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

/** One action that failed, with its error. */
export interface ActionFailure {
  readonly action: PlannedAction;
  readonly error: unknown;
}

/**
 * An apply that stopped part way. It carries what was done and what was not, and the bindings as
 * they stand, so that a created webhook's uuid still reaches state and a rerun converges.
 */
export class ApplyError extends Error {
  override readonly name = 'ApplyError';
  readonly organization: string;
  readonly completed: readonly PlannedAction[];
  /** The first failure; `failures` lists every one (webhooks are written concurrently). */
  readonly failed: PlannedAction;
  readonly failures: readonly ActionFailure[];
  readonly notStarted: readonly PlannedAction[];
  readonly bindings: readonly WebhookBinding[];
  readonly webhooks: Readonly<Record<string, ObservedWebhook>>;

  constructor(input: {
    organization: string;
    completed: readonly PlannedAction[];
    failures: readonly ActionFailure[];
    notStarted: readonly PlannedAction[];
    bindings: readonly WebhookBinding[];
    webhooks: Readonly<Record<string, ObservedWebhook>>;
  }) {
    const lines = [`Apply to organization ${input.organization} stopped.`];
    for (const failure of input.failures) lines.push(`  Failed: ${describeFailure(failure)}`);

    const done = input.completed.length > 0 ? input.completed.map(describeAction).join('; ') : 'nothing';
    lines.push(`  Done: ${done}.`);
    const notDone = [...input.failures.map((f) => f.action), ...input.notStarted];
    lines.push(`  Not done: ${notDone.map(describeAction).join('; ')}.`);
    lines.push('  Run it again once the cause is fixed: the next run plans only what is left.');

    super(lines.join('\n'), { cause: input.failures[0]?.error });
    this.organization = input.organization;
    this.completed = input.completed;
    this.failures = input.failures;
    this.failed = input.failures[0].action;
    this.notStarted = input.notStarted;
    this.bindings = input.bindings;
    this.webhooks = input.webhooks;
  }
}

function describeFailure(failure: ActionFailure): string {
  const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
  let text = `${describeAction(failure.action)}: ${reason}`;

  if (failure.action.kind === 'create' && failure.action.uuid !== undefined) {
    text += `${/[.!?]$/.test(text) ? '' : '.'} The webhook was created (uuid ${failure.action.uuid}), but a later step did not finish; the next run continues from it.`;
    return text;
  }

  // A timeout or dropped connection after the add was sent leaves its outcome unknown.
  const ambiguous = typeof failure.error === 'object' && failure.error !== null && (failure.error as { ambiguous?: unknown }).ambiguous === true;
  if (failure.action.kind === 'create' && failure.action.uuid === undefined && ambiguous) {
    text += `${/[.!?]$/.test(text) ? '' : '.'} The webhook may have been created; the next apply finds it by its URL instead of adding a second one.`;
  }
  return text;
}

/** "update of webhook orders (uuid 1234)", for messages. */
export function describeAction(action: PlannedAction): string {
  const verb = action.kind === 'set-secret' ? 'secret change' : action.kind;
  const uuid = action.uuid ? ` (uuid ${action.uuid})` : '';
  return `${verb} of webhook ${action.name}${uuid}`;
}
