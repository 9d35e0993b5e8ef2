import { OcrolusError } from '../client/errors';
import type { OcrolusErrorCode } from '../client/errors';
import { ValidationError } from '../core/diagnostics';
import { AdoptionError, ApplyError, VerificationError } from '../core/errors';
import { errorDiagnostic, fromCoreDiagnostic } from './diagnostics';
import type { PluginLogger } from './log';
import type { Diagnostic } from './protocol';

/** Context of an error for the diagnostic's detail: the step the provider was running and where. */
export interface ErrorContext {
  /** Lifecycle step in plain words: "create", "read", "update", "delete", "import", "list". */
  readonly step: string;
  readonly organization: string;
  readonly uuid?: string;
  /** Receives one line per error; the messages it logs are redacted like the diagnostics. */
  readonly log?: PluginLogger;
}

interface Advice {
  readonly summary: string;
  readonly next: string;
}

/** Summary and next step per client error code. */
const ADVICE: Readonly<Record<OcrolusErrorCode, Advice>> = {
  OCR_AUTHENTICATION: { summary: 'Ocrolus Authentication Failed', next: 'Check client_id and client_secret in the provider block, or OCROLUS_CLIENT_ID and OCROLUS_CLIENT_SECRET.' },
  OCR_PERMISSION: { summary: 'Missing Manager Permission', next: 'Use credentials of an Ocrolus account with manager permission in this organization, then run the command again.' },
  OCR_NOT_FOUND: { summary: 'Webhook Not Found', next: 'Run a refresh so that the engine drops the webhook from state, or import the right uuid.' },
  OCR_VALIDATION: { summary: 'Ocrolus Rejected The Webhook', next: 'Fix the attribute the API names, then apply again.' },
  OCR_CONFLICT: { summary: 'Duplicate Webhook URL', next: 'Another webhook of the organization has this URL. Import it with `tofu import` (or `terraform import`) and the uuid from the Ocrolus Dashboard, or choose another URL.' },
  OCR_LIMIT_EXCEEDED: { summary: 'Webhook Limit Reached', next: 'An organization holds at most 5 webhooks. Delete one in code or in the Dashboard, or subscribe an existing webhook to more events.' },
  OCR_RATE_LIMITED: { summary: 'Ocrolus Rate Limit Hit', next: 'Wait a few seconds and run the command again, or run fewer operations against this organization at once (-parallelism).' },
  OCR_SERVER: { summary: 'Ocrolus API Unavailable', next: 'Run the command again later. The state records only what was confirmed.' },
  OCR_CONNECTION: { summary: 'Ocrolus API Unreachable', next: 'Check api_url and the network, then run the command again.' },
  OCR_TIMEOUT: { summary: 'Ocrolus API Timed Out', next: 'Run the command again; a plan first shows whether the write took effect.' },
  OCR_ABORTED: { summary: 'Operation Cancelled', next: 'The engine stopped the provider. Run the command again to finish.' },
  OCR_INVALID_RESPONSE: { summary: 'Unexpected Ocrolus Response', next: 'The API answered in a shape this provider does not know. Run the command again; if it persists, report the response (without secrets).' },
};

/**
 * Turns an error from the client or the core into diagnostics. Messages of both layers are built
 * from redacted inputs, so they are safe to show. This adds the step, and the organization and
 * uuid when the message lacks them, and the next thing to do.
 */
export function diagnosticsFromError(error: unknown, context: ErrorContext): Diagnostic[] {
  context.log?.('warn', `${context.step} failed`, {
    organization: context.organization,
    uuid: context.uuid,
    error: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
  });

  if (error instanceof ValidationError) return error.diagnostics.map(fromCoreDiagnostic);

  if (error instanceof ApplyError) {
    const cause = error.cause instanceof OcrolusError ? ADVICE[error.cause.code] : undefined;
    const summary = cause?.summary ?? 'Webhook Apply Incomplete';
    return [errorDiagnostic(summary, withContext(error.message, context) + (cause ? `\n${cause.next}` : ''))];
  }

  if (error instanceof VerificationError) {
    return [errorDiagnostic('Webhook Write Not Verified', withContext(error.message, context), [error.field])];
  }

  if (error instanceof AdoptionError) {
    return [errorDiagnostic('Webhook Not Found', withContext(error.message, context))];
  }

  if (error instanceof OcrolusError) {
    const advice = ADVICE[error.code];
    return [errorDiagnostic(advice.summary, `${withContext(error.message, context)}\n${advice.next}`)];
  }

  const message = error instanceof Error ? error.message : String(error);
  return [
    errorDiagnostic(
      'Unexpected Provider Error',
      `${withContext(message, context)}\nThis is a bug in the Ocrolus provider. Run the command again with TF_LOG=debug and report the output, which never contains secrets.`,
    ),
  ];
}

function withContext(message: string, context: ErrorContext): string {
  const missing: string[] = [];
  if (!message.includes(context.organization)) missing.push(`organization ${context.organization}`);
  if (context.uuid && !message.includes(context.uuid)) missing.push(`webhook ${context.uuid}`);

  const prefix = `The ${context.step} step failed`;
  return missing.length > 0 ? `${prefix} (${missing.join(', ')}): ${message}` : `${prefix}: ${message}`;
}
