import { createClient } from '../client';
import type { ClientOptions } from '../client/options';
import type { WebhookApi } from '../client/types';
import type { ResolvedEnvironment } from './environments';
import { CliError } from './errors';

/**
 * Environment variables that tune the client without appearing in --help: tests and slow
 * networks use them. Each takes a positive integer.
 */
export const TUNING_VARIABLES = {
  /** Timeout of each HTTP call in milliseconds. */
  timeoutMs: 'OCROLUS_TIMEOUT_MS',
  /** First retry delay in milliseconds, doubled per attempt. */
  retryBaseDelayMs: 'OCROLUS_RETRY_BASE_MS',
  /** Upper bound of one retry delay in milliseconds. */
  retryMaxDelayMs: 'OCROLUS_RETRY_MAX_MS',
  /** Attempts per call, counting the first. */
  retryMaxAttempts: 'OCROLUS_RETRY_ATTEMPTS',
} as const;

/** Creates the API client of one environment; its organization label is the environment name. */
export function createEnvironmentClient(environment: ResolvedEnvironment, env: NodeJS.ProcessEnv): WebhookApi {
  const { credentials } = environment;
  const options: ClientOptions = {
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    apiUrl: credentials.apiUrl,
    authUrl: credentials.authUrl,
    organization: environment.name,
    ...clientTuning(env),
  };
  return createClient(options);
}

/** Reads the tuning variables into client options; unset variables keep the client's defaults. */
export function clientTuning(env: NodeJS.ProcessEnv): Pick<ClientOptions, 'timeoutMs' | 'retry'> {
  const timeoutMs = readPositiveInteger(env, TUNING_VARIABLES.timeoutMs);
  const baseDelayMs = readPositiveInteger(env, TUNING_VARIABLES.retryBaseDelayMs);
  const maxDelayMs = readPositiveInteger(env, TUNING_VARIABLES.retryMaxDelayMs);
  const maxAttempts = readPositiveInteger(env, TUNING_VARIABLES.retryMaxAttempts);

  const retry = {
    ...(baseDelayMs !== undefined ? { baseDelayMs } : {}),
    ...(maxDelayMs !== undefined ? { maxDelayMs } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
  };
  return {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(Object.keys(retry).length > 0 ? { retry } : {}),
  };
}

function readPositiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;

  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new CliError(`Environment variable ${name} must be a positive integer, not "${text}".`);
  return value;
}
