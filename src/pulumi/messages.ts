import { OcrolusConflictError, OcrolusError } from '../client/errors';
import { AdoptionError, ApplyError, describeAction, hasUrlCredentials, maskUrl, VerificationError } from '../core';
import type { ActionFailure } from '../core';
import type { ProviderCall } from './settings';

/** Context of a failed provider call, for its message. */
export interface FailedCall {
  readonly call: Exclude<ProviderCall, 'read'>;
  /** Pulumi resource name of the webhook. */
  readonly name: string;
  /** Organization label of the client, as the client's errors name it. */
  readonly organization: string;
  /** Uuid of the webhook, known for an update or delete. */
  readonly uuid?: string;
  /** URL the program declares, for the hint after a duplicate URL. */
  readonly url?: string;
}

/**
 * Returns the message of an error from the core or the client, worded for a Pulumi user: the
 * next step names `pulumi up`, `pulumi refresh` or `pulumi destroy`, where the core's own
 * wording would name CLI commands. The message of an ApplyError is rebuilt from its failures.
 */
export function pulumiMessage(error: unknown, failed: FailedCall): string {
  if (error instanceof ApplyError) return applyErrorMessage(error, failed);
  if (error instanceof AdoptionError && failed.call === 'update') return goneMessage(failed);
  return reasonOf(error, failed);
}

function applyErrorMessage(error: ApplyError, failed: FailedCall): string {
  const lines = [`The ${failed.call} of webhook ${failed.name} in organization ${error.organization} failed.`];
  for (const failure of error.failures) lines.push(`  Failed: ${describeAction(failure.action)}: ${reasonOf(failure.error, failed)}`);

  const done = error.completed.length > 0 ? error.completed.map(describeAction).join('; ') : 'nothing';
  lines.push(`  Done: ${done}.`);
  lines.push(`  ${nextStep(error.failures, failed)}`);
  return lines.join('\n');
}

function nextStep(failures: readonly ActionFailure[], failed: FailedCall): string {
  const createFailure = failures.find((failure) => failure.action.kind === 'create');
  const createdUuid = createFailure?.action.uuid;
  if (createdUuid !== undefined) {
    return `The webhook was created (uuid ${createdUuid}) and is recorded in the stack. Fix the cause and run pulumi up again: it continues from this webhook.`;
  }

  if (createFailure && isAmbiguous(createFailure.error)) {
    return 'The webhook may have been created before the connection failed. Run pulumi up again: if Ocrolus then reports that the URL already exists, add adopt: { url } with this URL to take that webhook over.';
  }

  if (failed.call === 'delete') return 'Fix the cause and run the same command again (pulumi destroy, or pulumi up for a webhook removed from the program).';
  return 'Fix the cause and run pulumi up again: it applies only what is left.';
}

/** Returns the reason of one failure, with a Pulumi next step where the core or client names a CLI one. */
function reasonOf(error: unknown, failed: FailedCall): string {
  if (error instanceof OcrolusConflictError && failed.call === 'create') return duplicateUrlReason(error, failed);

  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof VerificationError) return message.replace(/,? then plan again\.$/, ', then run pulumi refresh and pulumi up.');
  return message;
}

function duplicateUrlReason(error: OcrolusError, failed: FailedCall): string {
  const url = failed.url;
  const adopt = url !== undefined && !hasUrlCredentials(url) ? `adopt: { url: "${maskUrl(url)}" }` : 'adopt: { url } with the same URL';
  return `${error.message}. To manage that webhook from this stack instead of adding one, add ${adopt} to the arguments of Webhook ${failed.name}, or declare another URL.`;
}

function goneMessage(failed: FailedCall): string {
  const which = failed.uuid ? `Webhook ${failed.name} (uuid ${failed.uuid})` : `Webhook ${failed.name}`;
  return `${which} no longer exists in organization ${failed.organization}: it was deleted outside of Pulumi. Run pulumi refresh to drop it from the stack, then pulumi up to create it again.`;
}

/** Returns `error` itself when the message stays the same, and otherwise an Error with the new message and `error` as its cause. */
export function withMessage(error: unknown, message: string): unknown {
  if (error instanceof Error && error.message === message) return error;
  return new Error(message, { cause: error });
}

function isAmbiguous(error: unknown): boolean {
  return error instanceof OcrolusError && error.ambiguous;
}
