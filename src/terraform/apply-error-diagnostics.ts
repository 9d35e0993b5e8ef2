import { OcrolusError } from '../client/errors';
import type { ActionFailure, ApplyError } from '../core/errors';
import { VerificationError } from '../core/errors';
import type { PlannedAction } from '../core/plan-types';
import { maskUrl } from '../core/url';
import { errorDiagnostic } from './diagnostics';
import { adviceFor } from './error-advice';
import type { Diagnostic } from './protocol';

/** The webhook an apply wrote, as the diagnostic names it. */
export interface AppliedWebhook {
  readonly organization: string;
  /** The URL as planned, when known; only its masked form reaches the diagnostic. */
  readonly url?: string;
}

/**
 * Turns an ApplyError of one webhook into one diagnostic per failed action, in the provider's
 * terms: which step failed on which webhook (by uuid and masked URL), the API's reason, whether a
 * create left a webhook behind, and the next step.
 */
export function applyErrorDiagnostics(error: ApplyError, webhook: AppliedWebhook): Diagnostic[] {
  const created = error.bindings[0]?.uuid;

  return error.failures.map((failure) => {
    const lines = [`${describeStep(failure.action, webhook)} in organization ${webhook.organization} failed: ${reasonOf(failure)}`];
    if (failure.action.kind === 'create') lines.push(createOutcome(failure, created));
    else lines.push('The state keeps the values from before this apply; the next plan shows what is still to change.');
    lines.push(nextStep(failure));

    return errorDiagnostic(summaryOf(failure), lines.join('\n'), pathOf(failure));
  });
}

/** Describes the failed step for the first line, such as "Changing url, events of webhook 3f2b... (https://hooks.example.com/in)". */
function describeStep(action: PlannedAction, webhook: AppliedWebhook): string {
  const url = webhook.url ? maskUrl(webhook.url) : undefined;
  const newWebhook = url === undefined ? 'the webhook' : `the webhook for ${url}`;
  let target = action.uuid ? `webhook ${action.uuid}` : newWebhook;
  if (action.uuid && url !== undefined) target += ` (${url})`;

  switch (action.kind) {
    // A create that failed after the add has a uuid, which the next line of the detail reports.
    case 'create':
      return `Creating ${newWebhook}`;
    case 'update':
      return `Changing ${action.changes.map((change) => change.field).join(', ')} of ${target}`;
    case 'set-secret':
      return `Sending the signing secret to ${target}`;
    case 'activate':
      return `Activating ${target}`;
    case 'deactivate':
      return `Deactivating ${target}`;
    case 'delete':
      return `Deleting ${target}`;
  }
}

/** Returns the API's reason as a sentence. Messages of the client and the core are built from redacted inputs. */
function reasonOf(failure: ActionFailure): string {
  const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** Says whether a failed create left a webhook in the organization, and what happens to it next. */
function createOutcome(failure: ActionFailure, created: string | undefined): string {
  if (created !== undefined) {
    return (
      `The webhook was created with uuid ${created} before the failure, and the state records it. ` +
      'The engine marks it tainted, so the next apply deletes it and creates it again.'
    );
  }

  const ambiguous = failure.error instanceof OcrolusError && failure.error.ambiguous;
  if (ambiguous) {
    return (
      'The connection failed after the request was sent, so the API may have created the webhook. ' +
      'If the next apply fails with Duplicate Webhook URL, import that webhook by uuid instead of creating it.'
    );
  }
  return 'No webhook was created.';
}

function nextStep(failure: ActionFailure): string {
  if (failure.error instanceof OcrolusError) return adviceFor(failure.error).next;
  if (failure.error instanceof VerificationError) return 'Check the webhook in the Ocrolus Dashboard, then run the plan again.';
  return 'Fix the cause above, then run apply again: it plans only what is left.';
}

function summaryOf(failure: ActionFailure): string {
  if (failure.error instanceof OcrolusError) return adviceFor(failure.error).summary;
  if (failure.error instanceof VerificationError) return 'Webhook Write Not Verified';
  return 'Webhook Apply Incomplete';
}

/** Returns the attribute a failure is about, when it is clear: the field a read-back contradicted, or the URL of a duplicate. */
function pathOf(failure: ActionFailure): string[] | undefined {
  if (failure.error instanceof VerificationError) return [failure.error.field];
  if (failure.error instanceof OcrolusError && failure.error.code === 'OCR_CONFLICT') return ['url'];
  return undefined;
}
