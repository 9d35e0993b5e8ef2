import { DEFAULT_API_URL, DEFAULT_AUTH_URL } from '../client/options';
import type { CredentialsDeclaration, EnvReference, Setting } from './declaration-types';
import type { SecretScrubber } from './redact';

/** An environment's connection settings, read from the declaration and the environment. */
export interface ResolvedCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiUrl: string;
  readonly authUrl: string;
}

/** A credential setting that could not be read: which field and which variable. */
export interface MissingVariable {
  readonly field: 'clientId' | 'clientSecret' | 'apiUrl' | 'authUrl';
  readonly variable: string;
}

/**
 * Reads an environment's credentials from the process environment. Registers the client secret
 * with the scrubber. Returns the variables that are unset (never their values) when any is.
 */
export function resolveCredentials(
  credentials: CredentialsDeclaration,
  env: NodeJS.ProcessEnv,
  scrubber: SecretScrubber,
): { credentials: ResolvedCredentials } | { missing: MissingVariable[] } {
  const missing: MissingVariable[] = [];
  // The production default applies only when the declaration leaves the setting out. A setting
  // that names a variable must resolve through it or its own default, because falling back to the
  // real API when a staging variable is unset would send staging's calls to production.
  const read = (field: MissingVariable['field'], setting: Setting | undefined, productionDefault?: string): string => {
    const value = setting === undefined ? productionDefault : readSetting(setting, env);
    if (value === undefined && setting !== undefined && 'env' in setting) missing.push({ field, variable: setting.env });
    return value ?? '';
  };

  const clientId = read('clientId', credentials.clientId);
  const clientSecret = read('clientSecret', credentials.clientSecret);
  const apiUrl = read('apiUrl', credentials.apiUrl, DEFAULT_API_URL);
  const authUrl = read('authUrl', credentials.authUrl, DEFAULT_AUTH_URL);

  scrubber.add(clientSecret);
  scrubber.addUrlPassword(apiUrl);
  scrubber.addUrlPassword(authUrl);

  if (missing.length > 0) return { missing };
  return { credentials: { clientId, clientSecret, apiUrl: stripTrailingSlash(apiUrl), authUrl } };
}

/** Reads a setting: its literal, or the variable's value, or its default; undefined when unset. */
export function readSetting(setting: Setting | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (setting === undefined) return undefined;
  if ('literal' in setting) return setting.literal;
  return readVariable(setting, env);
}

/** Reads `{ env, default }`; an empty variable counts as unset. */
export function readVariable(reference: EnvReference, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[reference.env];
  if (value !== undefined && value !== '') return value;
  return reference.default;
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
