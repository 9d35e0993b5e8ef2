import { OcrolusError } from '../client/errors';
import { ApplyError, ValidationError } from './core';
import { CliError } from './errors';

/**
 * Formats any error the CLI catches as a message for stderr, prefixed with `Error:` or with the
 * environment it happened in. Known errors get the next step to take; unknown ones print their
 * message only.
 */
export function describeError(error: unknown, environment?: string): string {
  if (error instanceof CliError && environment === undefined) return error.message;

  const prefix = environment === undefined ? 'Error: ' : `Error in environment ${environment}: `;
  return `${prefix}${errorMessage(error, environment)}`;
}

/** Formats an error as describeError does, without the prefix: the `error` field of `--json` output. */
export function errorMessage(error: unknown, environment?: string): string {
  if (error instanceof CliError) return error.message;
  if (error instanceof ValidationError) return describeValidation(error);
  if (error instanceof ApplyError) return `${error.message}\n  What was done is recorded in the state file.`;
  if (error instanceof OcrolusError) return `${error.message}${hintFor(error, environment)}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

function describeValidation(error: ValidationError): string {
  const errors = error.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return errors.map((diagnostic) => `${diagnostic.summary}: ${diagnostic.detail}`).join('\n  ');
}

function hintFor(error: OcrolusError, environment: string | undefined): string {
  const where = environment === undefined ? 'the environment' : `environment ${environment}`;
  switch (error.code) {
    case 'OCR_AUTHENTICATION':
      return `\n  Check the client id and client secret of ${where}: Ocrolus rejected them.`;
    case 'OCR_PERMISSION':
      return `\n  The credentials of ${where} work but lack permission to manage webhooks: use an API client of an account with the manager role in that organization. Nothing was changed.`;
    case 'OCR_RATE_LIMITED':
    case 'OCR_SERVER':
    case 'OCR_CONNECTION':
    case 'OCR_TIMEOUT': {
      const attempts = error.attempts !== undefined && error.attempts > 1 ? ` after ${error.attempts} attempts` : '';
      return `\n  The Ocrolus API did not answer successfully${attempts}; run the command again later.`;
    }
    default:
      return '';
  }
}
