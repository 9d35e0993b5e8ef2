import { OcrolusError } from '../client/errors';
import { ValidationError } from '../core/diagnostics';
import { AdoptionError, ApplyError, VerificationError } from '../core/errors';
import { applyErrorDiagnostics } from './apply-error-diagnostics';
import { errorDiagnostic, fromCoreDiagnostic } from './diagnostics';
import { adviceFor } from './error-advice';
import type { PluginLogger } from './log';
import type { Diagnostic } from './protocol';

/** Context of an error for the diagnostic's detail: the step the provider was running and where. */
export interface ErrorContext {
  /** Lifecycle step in plain words: "create", "read", "update", "delete", "import", "list". */
  readonly step: string;
  readonly organization: string;
  readonly uuid?: string;
  /** URL of the webhook as planned, for apply errors; only its masked form reaches the diagnostic. */
  readonly url?: string;
  /** Receives one line per error; the messages it logs are redacted like the diagnostics. */
  readonly log?: PluginLogger;
}

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

  if (error instanceof ApplyError) return applyErrorDiagnostics(error, { organization: context.organization, url: context.url });

  if (error instanceof VerificationError) {
    return [errorDiagnostic('Webhook Write Not Verified', withContext(error.message, context), [error.field])];
  }

  if (error instanceof AdoptionError) {
    return [errorDiagnostic('Webhook Not Found', withContext(error.message, context))];
  }

  if (error instanceof OcrolusError) {
    const advice = adviceFor(error);
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
